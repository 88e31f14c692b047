#!/usr/bin/env python3
"""Writes the facts corpus of scripts/facts-eval (docs/inspection.md, "Which facts decide"): 381
small text-layer PDFs (hand-written objects, standard Helvetica, WinAnsiEncoding; a machine-
readable zone in Courier) of specimen passports and US visa foils (fictional data, zones from
scripts/mrz-specimens.py with correct check digits but every fifth), lab reports, AHA BLS cards,
USMLE transcripts, insurance certificates and immunization forms, in several languages and date
formats, with traps (ambiguous numeric dates, unlabelled dates, control lines, results used as
adjectives), and their ground truth in OUT/truth.json. With --scans, each document also as a scan
at 300 dpi and at 150 dpi: rendered by poppler and cairo rotated by up to 3 degrees, then a 3x3
box blur, Gaussian noise and JPEG compression by leptonica (all three through ctypes; a JPEG for
one page, an image-only PDF of JPEG pages for more). --every N scans every Nth document only.

Standard library only besides those; deterministic (fixed seeds, no timestamps): two runs write
the same bytes, and a quick run's scans are the full run's.
Usage: python3 scripts/facts-corpus.py [--scans [--every N]] OUT
Truth: {"documents": [{"file", "type", "pages", "facts": [{"fact", "value"}], "scans": {"300": {"file",
"dpi", "rotation", "blur", "noise", "jpegQuality"}, "150": {...}}}]}, each value as checkdocs prints
it (dates YYYY-MM-DD, a period "A to B", a titer "64 mIU/mL", an exam "Step 1 pass on 2024-06-18",
a name as the zone gives it "ANNA MARIA SPECIMEN")."""
import argparse, ctypes, datetime, importlib.util, json, os, random, sys

# The machine-readable zones (and the poppler/cairo renderer and PNG writer) of
# scripts/mrz-specimens.py, whose file name is not a module name.
_spec = importlib.util.spec_from_file_location("mrz_specimens", os.path.join(os.path.dirname(os.path.abspath(__file__)), "mrz-specimens.py"))
specimens = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(specimens)

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    "fr": ["janvier", "f\u00e9vrier", "mars", "avril", "mai", "juin", "juillet", "ao\u00fbt", "septembre", "octobre", "novembre", "d\u00e9cembre"],
    "pt": ["janeiro", "fevereiro", "mar\u00e7o", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
    "de": ["Januar", "Februar", "M\u00e4rz", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
    "ar": ["yanayir", "fibrayir", "maris", "ibril", "mayu", "yunyu", "yulyu", "aghustus", "sibtambir", "uktubar", "nufambir", "disambir"],
}
rng = random.Random(13)
zone_rng = random.Random(1313)


def day(lo=2020, hi=2032):
    start = datetime.date(lo, 1, 1).toordinal()
    return datetime.date.fromordinal(rng.randint(start, datetime.date(hi, 12, 28).toordinal()))


def unambiguous_day(lo=2020, hi=2032):
    """A day whose day-of-month is over 12, so that 13/04 and 04/13 are each one date."""
    while True:
        d = day(lo, hi)
        if d.day > 12:
            return d


def written(d, style):
    """A date as documents write it; the styles whose numbers could be two days are never used
    with a day of 12 or less (ambiguous dates are written on purpose elsewhere)."""
    if style == "iso":
        return d.isoformat()
    if style == "dmy":
        return "%02d/%02d/%d" % (d.day, d.month, d.year)
    if style == "mdy":
        return "%02d/%02d/%d" % (d.month, d.day, d.year)
    if style == "dot":
        return "%02d.%02d.%d" % (d.day, d.month, d.year)
    if style == "en-dmy":
        return "%d %s %d" % (d.day, MONTHS["en"][d.month - 1], d.year)
    if style == "en-mdy":
        return "%s %d, %d" % (MONTHS["en"][d.month - 1], d.day, d.year)
    if style == "en-short":
        return "%02d %s %d" % (d.day, MONTHS["en"][d.month - 1][:3].upper(), d.year)
    if style in ("es", "pt"):
        return "%d de %s de %d" % (d.day, MONTHS[style][d.month - 1], d.year)
    if style == "fr":
        return "%d %s %d" % (d.day, MONTHS["fr"][d.month - 1], d.year)
    if style == "de":
        return "%d. %s %d" % (d.day, MONTHS["de"][d.month - 1], d.year)
    if style == "ar":
        return "%d %s %d" % (d.day, MONTHS["ar"][d.month - 1], d.year)
    raise ValueError(style)


STYLES = ["iso", "dmy", "mdy", "dot", "en-dmy", "en-mdy", "en-short", "es", "pt", "fr", "de", "ar"]
NUMERIC = {"dmy", "mdy", "dot"}


def some_date(style):
    return unambiguous_day() if style in NUMERIC else day()


LABELS = {
    "expiry-date": {"en": "Date of expiry", "es": "Fecha de vencimiento", "fr": "Date d'expiration", "pt": "Data de validade",
                    "de": "Ablaufdatum", "ar": "Tarikh al-intiha"},
    "issue-date": {"en": "Date of issue", "es": "Fecha de expedici\u00f3n", "fr": "Date de d\u00e9livrance", "pt": "Data de emiss\u00e3o",
                   "de": "Ausstellungsdatum", "ar": "Tarikh al-isdar"},
    "collection-date": {"en": "Specimen collected", "es": "Fecha de toma", "fr": "Date de pr\u00e9l\u00e8vement", "pt": "Data da coleta",
                        "de": "Entnahmedatum", "ar": "Collected"},
    "valid-through": {"en": "Valid through", "es": "V\u00e1lido hasta", "fr": "Valable jusqu'au", "pt": "V\u00e1lido at\u00e9",
                      "de": "G\u00fcltig bis", "ar": "Salih hatta"},
}
LANGUAGE_OF = {"es": "es", "pt": "pt", "fr": "fr", "de": "de", "ar": "ar"}

documents = []


def add(name, type_, pages, facts, mrz=None):
    documents.append({"name": name, "file": name + ".pdf", "type": type_, "pages": pages, "facts": facts, "mrz": mrz})


def fact(kind, value):
    return {"fact": kind, "value": value}


# Lab reports: IGRA, drug screens, serology.
for n in range(45):
    style = STYLES[n % len(STYLES)]
    language = LANGUAGE_OF.get(style, "en")
    collected = some_date(style)
    result = ["NEGATIVE", "Negative", "POSITIVE", "Indeterminate", "Non-reactive", "negativo"][n % 6]
    value = {"NEGATIVE": "negative", "Negative": "negative", "POSITIVE": "positive", "Indeterminate": "indeterminate",
             "Non-reactive": "non-reactive", "negativo": "negative"}[result]
    lines = ["Sample Diagnostics Laboratory (fictional)", "QuantiFERON-TB Gold Plus",
             "%s: %s" % (LABELS["collection-date"][language], written(collected, style)),
             "Nil tube: 0.05 IU/mL   Mitogen control: positive (valid)",
             "Result: %s" % result,
             "A positive result requires a chest X-ray; see the reference guide printed 2019-01-02."]
    facts = [fact("collection-date", collected.isoformat()), fact("test-result", value)]
    if n % 2 == 1:
        reported = collected + datetime.timedelta(days=2)
        lines.insert(3, "Date reported: " + written(reported, "iso"))
        facts.append(fact("result-date", reported.isoformat()))
    add("lab-igra-%02d" % n, "tb_igra", [lines], facts)

for n in range(25):
    collected = unambiguous_day()
    reported = unambiguous_day()
    lines = ["Urine drug screen, 10 panel", "Date collected: " + written(collected, "mdy"),
             "Date reported: " + written(reported, "mdy"), "Drug screen: Negative for all panels"]
    add("lab-drug-%02d" % n, "drug_screen", [lines],
        [fact("collection-date", collected.isoformat()), fact("result-date", reported.isoformat()), fact("test-result", "negative")])

TITERS = [64, 112.5, 8, 250, 3.2, 1.4, 45, 18]
TITER_UNITS = ["mIU/mL", "mIU/mL", "mIU/mL", "mIU/mL", "index", "index", "IU/mL", "AU/mL"]
for n in range(30):
    collected = day()
    titer, unit = TITERS[n % 8], TITER_UNITS[n % 8]
    shown = ("%g" % titer)
    lines = ["Serology report", "Collected " + written(collected, "iso"),
             "Anti-HBs %s %s" % (shown, unit) if n % 8 < 4 else "Varicella IgG: %s %s" % (shown, unit)]
    add("lab-titer-%02d" % n, "hepb" if n % 8 < 4 else "varicella", [lines],
        [fact("collection-date", collected.isoformat()), fact("titer", "%s %s" % (shown, unit))])

# BLS cards (AHA eCard style): an issue date and a recommended renewal, sometimes month-year only.
PEOPLE = ["Amara Okoye", "Tomas Rivera", "Lena Fischer", "Yusuf Haddad", "Priya Nair", "Joao Costa", "Mei Lin", "Olga Petrova",
          "Kwame Mensah", "Sofia Rossi", "Arjun Mehta"]
for n in range(35):
    issued = unambiguous_day(2024, 2026)
    renewal = datetime.date(issued.year + 2, issued.month, min(issued.day, 28))
    full = n % 3 != 2
    style = ["iso", "mdy", "en-mdy", "en-short"][n % 4]
    person = PEOPLE[n % len(PEOPLE)]
    lines = ["Basic Life Support (BLS) Provider", "Name: " + person,
             "Issue Date: " + (written(issued, style) if full else "%02d/%d" % (issued.month, issued.year)),
             "Recommended Renewal Date: " + (written(renewal, style) if full else "%02d/%d" % (renewal.month, renewal.year))]
    facts = [fact("name", person)]
    if full:
        facts += [fact("issue-date", issued.isoformat()), fact("recommended-renewal", renewal.isoformat())]
    add("bls-card-%02d" % n, "bls", [lines], facts)

# USMLE transcripts: two pages, exam lines.
for n in range(20):
    step1 = unambiguous_day(2022, 2025)
    step2 = unambiguous_day(2024, 2026)
    score = 220 + n * 3
    page1 = ["USMLE Transcript of Scores (sample)", "Examinee: USMLE ID 0-000-000-%d" % n,
             "Step 1   Test date: %s   Outcome: PASS" % written(step1, "en-mdy")]
    page2 = ["Step 2 CK   Test date: %s   Outcome: Pass   Score %d" % (written(step2, "iso"), score), "End of transcript."]
    add("usmle-transcript-%02d" % n, "usmle_transcript", [page1, page2],
        [fact("exam-result", "Step 1 pass on %s" % step1.isoformat()),
         fact("exam-result", "Step 2 CK pass score %d on %s" % (score, step2.isoformat()))])

# Insurance certificates: a coverage period, a "valid through", an issue date on every other one.
for n in range(60):
    start = day(2025, 2027)
    end = start + datetime.timedelta(days=364)
    style = ["iso", "en-dmy", "es", "fr", "pt", "de", "dmy", "en-mdy"][n % 8]
    if style == "dmy":
        start = datetime.date(start.year, start.month, 15)
        end = datetime.date(start.year + 1, start.month, 14) if start.month > 1 else datetime.date(start.year, 12, 14)
    language = LANGUAGE_OF.get(style, "en")
    word = {"en": "Coverage period", "es": "Periodo de cobertura", "fr": "P\u00e9riode de couverture", "pt": "Per\u00edodo de cobertura",
            "de": "Versicherungszeitraum"}[language]
    lines = ["Certificate of insurance (sample)", "Policy number SAMPLE-%04d" % n,
             "%s: %s to %s" % (word, written(start, style), written(end, style)),
             "%s: %s" % (LABELS["valid-through"][language], written(end, style))]
    facts = [fact("coverage-period", "%s to %s" % (start.isoformat(), end.isoformat())), fact("valid-through", end.isoformat())]
    if n % 2 == 0:
        issued = start - datetime.timedelta(days=rng.randint(3, 40))
        lines.insert(2, "%s: %s" % (LABELS["issue-date"][language], written(issued, "iso" if style in NUMERIC else style)))
        facts.append(fact("issue-date", issued.isoformat()))
    add("insurance-%02d" % n, "health_insurance", [lines], facts)

# Immunization forms: doses with dates, and the TB screening most forms ask for.
for n in range(30):
    doses = sorted([day(1998, 2010) for _ in range(2)])
    flu = unambiguous_day(2025, 2026)
    collected = unambiguous_day(2025, 2026)
    result = ["Negative", "NEGATIVE", "Positive", "Non-reactive"][n % 4]
    lines = ["Immunization record (sample)", "MMR dose 1: %s; dose 2: %s" % (written(doses[0], "iso"), written(doses[1], "en-short")),
             "Influenza booster: " + written(flu, "mdy"),
             "TB screening (IGRA) specimen collected: " + written(collected, ["iso", "en-mdy", "dmy"][n % 3]),
             "IGRA result: " + result,
             "Signed by the provider on the date below.", "2026-11-05"]
    add("immunization-form-%02d" % n, "immunization_record", [lines],
        [fact("dose-date", doses[0].isoformat()), fact("dose-date", doses[1].isoformat()), fact("dose-date", flu.isoformat()),
         fact("collection-date", collected.isoformat()), fact("test-result", result.lower())])

# Specimen passports and US visa foils: fictional data with a machine-readable zone whose check
# digits are right (scripts/mrz-specimens.py makes the zone; every fifth one has a broken check
# digit, so no zone may be read from it), the printed dates in several languages' formats.
VISA_TEXT = {"J1": "J-1", "B1B2": "B1/B2", "H1B": "H-1B", "F1": "F-1", "O1": "O-1", "B2": "B-2"}
for n in range(100):
    zone = specimens.specimen(zone_rng, n)
    expiry = datetime.date.fromisoformat(zone["expiryDate"])
    issued = datetime.date(expiry.year - 10, expiry.month, expiry.day)
    name = "%s %s" % (zone["givenNames"], zone["surname"])
    # The name is printed on the page ("Surname:" and "Given names:" lines) whether or not the
    # zone's check digits hold, so every specimen states it.
    facts = [fact("issue-date", issued.isoformat()), fact("expiry-date", expiry.isoformat()), fact("name", name)]
    if zone["format"] == "TD3":
        style = STYLES[(n * 5) % len(STYLES)]
        if style in NUMERIC and expiry.day <= 12:
            style = "en-short"
        language = LANGUAGE_OF.get(style, "en")
        lines = ["PASSPORT / PASSEPORT - SPECIMEN (fictional data)",
                 "Type: P   Code: %s   Passport No.: %s" % (zone["nationality"], zone["documentNumber"]),
                 "Surname: " + zone["surname"], "Given names: " + zone["givenNames"],
                 "Date of birth: " + written(datetime.date.fromisoformat(zone["birthDate"]), "en-short"),
                 "%s / %s: %s" % ("Date of issue", LABELS["issue-date"][language], written(issued, style)),
                 "%s / %s: %s" % ("Date of expiry", LABELS["expiry-date"][language], written(expiry, style))]
        add("passport-%02d" % (n // 2), "passport", [lines], facts, mrz=zone["lines"])
    else:
        lines = ["UNITED STATES OF AMERICA - VISA - SPECIMEN (fictional data)",
                 "Surname: " + zone["surname"], "Given names: " + zone["givenNames"],
                 "Passport Number: %s   Entries: M" % zone["documentNumber"],
                 "Visa type/class: %s" % VISA_TEXT[zone["visaClass"]],
                 "Issue date: %s   Expiration date: %s" % (written(issued, "en-short"), written(expiry, "en-short"))]
        add("visa-%02d" % (n // 2), "visa", [lines], facts + [fact("visa-class", VISA_TEXT[zone["visaClass"]])], mrz=zone["lines"])

# Traps: ambiguous numeric dates alone (no fact), unlabelled dates (no fact), and an ambiguous date
# on a page whose other dates show the order (a hint, never deciding).
for n in range(8):
    a, b = rng.randint(1, 12), rng.randint(1, 12)
    if a == b:
        b = a % 12 + 1
    year = rng.randint(2026, 2031)
    lines = ["Letter (sample)", "Expires: %02d/%02d/%d" % (a, b, year), "Printed %s." % day().isoformat()]
    add("trap-ambiguous-%02d" % n, "passport", [lines], [])
for n in range(6):
    issued = unambiguous_day()
    a, b = rng.randint(1, 12), rng.randint(1, 12)
    if a == b:
        b = a % 12 + 1
    year = rng.randint(2026, 2031)
    lines = ["Certificate (sample)", "Issued: " + written(issued, "dmy"), "Expires: %02d/%02d/%d" % (a, b, year)]
    add("trap-order-%02d" % n, "passport", [lines],
        [fact("issue-date", issued.isoformat()), fact("expiry-date", datetime.date(year, b, a).isoformat())])

# Harder cases, written as real documents put them: a date of birth beside an expiry, a label
# after its date, two-digit years, several tests on one line, a period written with "from ...
# through", an expiry in words the reader does not know ("not valid after"), an issuer between
# the label and the date.
for n in range(6):
    birth, expiry = unambiguous_day(1985, 1999), unambiguous_day(2027, 2034)
    lines = ["Passport (sample)", "Date of birth: %s   Date of expiry: %s" % (written(birth, "en-short"), written(expiry, "en-short")),
             "%s (renewal reminder)" % day(2027, 2030).isoformat(), "Printed 05/14/26"]
    add("hard-passport-%02d" % n, "passport", [lines], [fact("expiry-date", expiry.isoformat())])
for n in range(6):
    collected = day(2025, 2026)
    lines = ["Serology panel (sample)", "Collected on %s" % written(collected, "iso"),
             "HIV 1/2: non-reactive   HBsAg: reactive   HCV: non-reactive"]
    # Three tests on one line: no single result to read.
    add("hard-panel-%02d" % n, "immunization_record", [lines], [fact("collection-date", collected.isoformat())])
for n in range(4):
    start = day(2025, 2026)
    end = start + datetime.timedelta(days=180)
    lines = ["Travel medical insurance (sample)", "Insured from %s through %s" % (written(start, "en-dmy"), written(end, "en-dmy")),
             "Not valid after %s." % written(end, "iso")]
    # The truth is what the document says, whether or not the reader knows these words.
    add("hard-insurance-%02d" % n, "health_insurance", [lines],
        [fact("coverage-period", "%s to %s" % (start.isoformat(), end.isoformat())), fact("valid-through", end.isoformat())])
for n in range(6):
    issued = day(2024, 2026)
    lines = ["Certificate of good standing (sample)",
             "Issued by the Registrar, Lagoon Coast College of Medicine, on %s" % written(issued, "en-dmy")]
    add("hard-issuer-%02d" % n, "good_standing", [lines], [fact("issue-date", issued.isoformat())])


def pdf(pages, mrz=None):
    """A PDF with one text page per entry: lines at 14 pt leading, Helvetica, WinAnsiEncoding; a
    machine-readable zone's two lines at the foot of the first page in Courier, 10 characters per
    inch as ICAO prints them (the English model reads Courier's fillers better than OCR-B's)."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", None]
    kids = []
    font = 3 + 2 * len(pages)
    for index, lines in enumerate(pages):
        page_id, content_id = 3 + 2 * index, 4 + 2 * index
        kids.append("%d 0 R" % page_id)
        body = "BT /F1 11 Tf 14 TL 72 740 Td"
        for line in lines:
            data = line.encode("cp1252")
            escaped = "".join(chr(c) if 32 <= c < 127 and chr(c) not in "()\\" else "\\%03o" % c for c in data)
            body += " (%s) Tj T*" % escaped
        body += " ET"
        if mrz and index == 0:
            body += " BT /F2 12 Tf 14.4 TL 72 220 Td (%s) Tj T* (%s) Tj ET" % (mrz[0], mrz[1])
        objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> "
                       "/Contents %d 0 R >>" % (font, font + 1, content_id))
        objects.append("<< /Length %d >>\nstream\n%s\nendstream" % (len(body), body))
    objects[1] = "<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join(kids), len(pages))
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>")
    return specimens.assemble([body.encode("latin-1") for body in objects])


class Scanner:
    """A text PDF made into what a scanner gives: each page rendered by poppler and cairo at the
    scan's density, rotated, then through leptonica (loaded with ctypes, as Tesseract loads it): a
    3x3 box blur, Gaussian noise and JPEG compression. Deterministic: the rotation, noise level and
    quality come from the corpus's seed, and leptonica's noise from libc's rand(), seeded per page."""

    def __init__(self):
        self.renderer = specimens.Renderer()
        self.degrader = specimens.Degrader()

    def jpeg(self, width, height, rows, dpi, noise, quality, seed):
        # Handed over as a binary PGM (no compression to spend time on); leptonica reads it from memory.
        encoded = b"P5\n%d %d\n255\n" % (width, height) + b"".join(rows)
        return self.degrader.jpeg(encoded, dpi, blur=1, noise=noise, quality=quality, seed=seed)

    def scan(self, document, pages, dpi, scan_rng, seed):
        """The scan of a text PDF at `dpi`: a JPEG for one page, else an image-only PDF of JPEG pages.
        Returns (bytes, extension, what was done)."""
        degrees = round(scan_rng.uniform(-3, 3), 2)
        noise = round(scan_rng.uniform(6, 14), 1)
        quality = scan_rng.randint(55, 85)
        images = []
        for index in range(pages):
            width, height, rows = self.renderer.render(document, dpi, degrees, index=index)
            images.append((width, height, self.jpeg(width, height, rows, dpi, noise, quality, seed * 7 + index)))
        how = {"dpi": dpi, "rotation": degrees, "blur": "3x3 box", "noise": noise, "jpegQuality": quality}
        if pages == 1:
            return images[0][2], "jpg", how
        return image_pdf(images), "pdf", how


def image_pdf(images):
    """A PDF whose pages are only JPEG images (DCTDecode), each filling a Letter page: a scanned PDF."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None]
    kids = []
    for index, (width, height, data) in enumerate(images):
        page_id = 3 + 3 * index
        kids.append(b"%d 0 R" % page_id)
        stream = b"q 612 0 0 792 0 0 cm /Im1 Do Q"
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 %d 0 R >> >> "
                       b"/Contents %d 0 R >>" % (page_id + 2, page_id + 1))
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objects.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 "
                       b"/Filter /DCTDecode /Length %d >>\nstream\n" % (width, height, len(data)) + data + b"\nendstream")
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(images))
    return specimens.assemble(objects)


def main():
    parser = argparse.ArgumentParser(description="Writes the facts corpus and its ground truth.")
    parser.add_argument("out")
    parser.add_argument("--scans", action="store_true",
                        help="also write each document as a scan at 300 dpi and at 150 dpi (rotated, blurred, noisy, JPEG)")
    parser.add_argument("--every", type=int, default=1, metavar="N", help="with --scans, scan only every Nth document (a quick run)")
    args = parser.parse_args()
    out = args.out
    os.makedirs(out, exist_ok=True)
    scanner = Scanner() if args.scans else None
    # The scans' own generator: the text corpus's bytes do not depend on whether scans are written.
    scan_rng = random.Random(1331)
    for number, document in enumerate(documents):
        data = pdf(document["pages"], document["mrz"])
        with open(os.path.join(out, document["file"]), "wb") as handle:
            handle.write(data)
        document["scans"] = {}
        for dpi in (300, 150):
            # Drawn for every document, so that a quick run's scans are the full run's.
            state = scan_rng.random()
            if not scanner or number % args.every:
                continue
            image, extension, how = scanner.scan(data, len(document["pages"]), dpi, random.Random(state), number * 2 + (dpi == 150))
            name = "%s-%d.%s" % (document["name"], dpi, extension)
            with open(os.path.join(out, name), "wb") as handle:
                handle.write(image)
            document["scans"][str(dpi)] = dict(file=name, **how)
    truth = [{"file": d["file"], "type": d["type"], "pages": len(d["pages"]), "facts": d["facts"], "scans": d["scans"]}
             for d in documents]
    with open(os.path.join(out, "truth.json"), "w") as handle:
        json.dump({"documents": truth}, handle, indent=1, ensure_ascii=False)
        handle.write("\n")
    print("%d documents in %s (%d scans)" % (len(documents), out, sum(len(d["scans"]) for d in documents)))


main()
