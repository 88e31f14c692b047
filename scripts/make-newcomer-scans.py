#!/usr/bin/env python3
"""Writes the scanned documents of the newcomer sample (samples/applicants/newcomer/): the files a
first-time applicant has as scans rather than as PDFs with text, so that `checkdocs` and
`checkdocs init` read their facts by OCR (docs/inspection.md, "Facts read from scans").

  Passport bio page.png        the passport's data page, scanned at 200 dpi, gray, slightly skewed,
                               with a machine-readable zone (ICAO TD3) whose check digits are right
  QuantiFERON result.pdf   a lab report scanned to an image-only PDF (no text layer), 150 dpi
  BLS card.png                 a BLS provider card, scanned at 200 dpi

Every person, number, laboratory and training centre is fictional, and every page says SAMPLE.
The MRZ is printed in Courier, not in OCR-B: today's English OCR model reads a Courier zone far
better than an OCR-B one (docs/inspection.md, "MRZ"), and this sample must read reliably.

Python 3 standard library only; pages are drawn as PDFs and rendered by poppler-glib and cairo
through ctypes, with the helpers of scripts/mrz-specimens.py. Deterministic: the same bytes on
every run. Usage: scripts/make-newcomer-scans.py [--check]
  --check  verify that the files on disk are exactly what the script would write (exit 1 if not).
"""
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FOLDER = os.path.normpath(os.path.join(HERE, os.pardir, "samples", "applicants", "newcomer"))

spec = importlib.util.spec_from_file_location("mrz_specimens", os.path.join(HERE, "mrz-specimens.py"))
mrz = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mrz)

SAMPLE = "SAMPLE - not a real document - generated for checkdocs tests"


def passport_zone():
    """The TD3 zone of Chiamaka Ifeoma Okafor's fictional passport (expires 2029-03-14)."""
    number = mrz.pad("A09384521", 9)
    upper = number + mrz.check_digit(number)
    birth = mrz.yymmdd(1999, 3, 12)
    birth += mrz.check_digit(birth)
    expiry = mrz.yymmdd(2029, 3, 14)
    personal = mrz.pad("", 14)
    expiry_field = expiry + mrz.check_digit(expiry) + personal + "<"
    line1 = mrz.pad("P<NGAOKAFOR<<CHIAMAKA<IFEOMA", 44)
    line2 = upper + "NGA" + birth + "F" + expiry_field + mrz.check_digit(upper + birth + expiry_field)
    assert len(line1) == 44 and len(line2) == 44
    return line1, line2


def page(ops, fonts):
    """A one-page US Letter PDF from content-stream operators and its fonts (F1, F2, ...)."""
    stream = "\n".join(ops).encode("latin-1")
    names = b" ".join(b"/F%d %d 0 R" % (index + 1, index + 5) for index in range(len(fonts)))
    return mrz.assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << " + names +
        b" >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ] + [b"<< /Type /Font /Subtype /Type1 /BaseFont /%s >>" % font.encode() for font in fonts])


def text(x, y, size, line, font=1):
    return "BT /F%d %g Tf %g %g Td (%s) Tj ET" % (font, size, x, y, mrz.pdf_escape(line))


def passport_page():
    """The data page in the top left of a Letter page (a passport laid on a flatbed): 360 x 250 pt."""
    line1, line2 = passport_zone()
    ops = ["0.6 w 36 506 372 250 re S",
           text(48, 736, 11, "FEDERAL REPUBLIC OF NIGERIA - PASSPORT", 2),
           text(48, 722, 7, SAMPLE),
           "0.85 g 48 600 70 90 re f 0 g",
           text(54, 640, 8, "PHOTO")]
    y = 700
    for label, value in [("Type / Code", "P  NGA"), ("Passport No.", "A09384521"), ("Surname", "OKAFOR"),
                         ("Given names", "CHIAMAKA IFEOMA"), ("Nationality", "NIGERIAN"), ("Date of birth", "12 MAR 1999"),
                         ("Sex", "F"), ("Date of issue", "15 MAR 2024"), ("Date of expiry", "14 MAR 2029"),
                         ("Authority", "NIS ABUJA (SAMPLE)")]:
        ops.append(text(130, y, 7, label))
        ops.append(text(210, y, 9, value, 2))
        y -= 11.5
    # The zone at 10 characters per inch (Courier 12 pt), as ICAO prints it.
    ops.append("BT /F3 12 Tf 14.4 TL 48 540 Td (%s) Tj T* (%s) Tj ET" % (line1, line2))
    return page(ops, ["Helvetica", "Helvetica-Bold", "Courier"]), (36, 506, 372, 250)


def lab_page():
    """A lab report, full page, as a clinic prints it."""
    ops = [text(72, 730, 16, "Lagoon Diagnostics Laboratory (fictional)", 2),
           text(72, 712, 9, "12 Marina Road, Lagos - Tel 0000 000 000 - " + SAMPLE),
           "0.8 w 72 700 m 540 700 l S",
           text(72, 676, 13, "QuantiFERON-TB Gold Plus (IGRA) - Final report", 2)]
    y = 648
    for line in ["Patient name: Chiamaka Ifeoma Okafor", "Date of birth: 12 Mar 1999    Sex: F",
                 "Specimen collected: 14 Sep 2026", "Date reported: 16 Sep 2026",
                 "Requesting physician: Dr T. Adeyemi (fictional)", "",
                 "Result: NEGATIVE", "",
                 "Interpretation: no response to M. tuberculosis antigens was detected.",
                 "Nil, TB1, TB2 and mitogen tubes within limits; see the laboratory for values.", "",
                 "Verified by: A. Bello, Medical Laboratory Scientist (fictional)"]:
        if line:
            ops.append(text(72, y, 11, line, 2 if line.startswith("Result") else 1))
        y -= 20
    return page(ops, ["Helvetica", "Helvetica-Bold"]), (0, 0, 612, 792)


def bls_page():
    """A BLS provider card (3.4 x 2.1 in) on a flatbed."""
    ops = ["0.6 w 40 600 245 151 re S",
           text(50, 732, 10, "BASIC LIFE SUPPORT - PROVIDER", 2),
           text(50, 720, 6, "Lagoon Resuscitation Training Centre (fictional)"),
           text(50, 711, 6, SAMPLE),
           text(50, 690, 9, "Chiamaka Ifeoma Okafor", 2),
           text(50, 676, 7, "has successfully completed the cognitive and skills"),
           text(50, 667, 7, "evaluations of the BLS Provider course."),
           text(50, 648, 8, "Issue date: 03 Feb 2026"),
           text(50, 636, 8, "Expiry date: 29 Feb 2028"),
           text(50, 616, 6, "Card no. 2026-0213-447 (sample)")]
    return page(ops, ["Helvetica", "Helvetica-Bold"]), (24, 584, 278, 183)


def crop(width, height, rows, dpi, box):
    """The pixels of `box` (x, y, w, h in points from the page's bottom left)."""
    x, y, w, h = box
    left, right = int(x * dpi / 72), min(width, int((x + w) * dpi / 72))
    top, bottom = int((792 - y - h) * dpi / 72), min(height, int((792 - y) * dpi / 72))
    return right - left, bottom - top, [row[left:right] for row in rows[top:bottom]]


def scans():
    renderer = mrz.Renderer()
    out = {}
    pdf, box = passport_page()
    width, height, rows = crop(*renderer.render(pdf, 200, 0.4), 200, box)
    out["Passport bio page.png"] = mrz.png(width, height, rows, 200)
    pdf, box = lab_page()
    width, height, rows = renderer.render(pdf, 150, -0.3)
    out["QuantiFERON result.pdf"] = mrz.scan_pdf(width, height, rows, 150)
    pdf, box = bls_page()
    width, height, rows = crop(*renderer.render(pdf, 200, 0.6), 200, box)
    out["BLS card.png"] = mrz.png(width, height, rows, 200)
    return out


def main(argv):
    check = "--check" in argv
    problems = 0
    for name, data in scans().items():
        target = os.path.join(FOLDER, name)
        if check:
            try:
                with open(target, "rb") as handle:
                    same = handle.read() == data
            except OSError:
                same = False
            if not same:
                print("differs: newcomer/%s" % name)
                problems += 1
            continue
        with open(target, "wb") as handle:
            handle.write(data)
        print("wrote newcomer/%s (%d bytes)" % (name, len(data)))
    if check:
        print("%d scans checked, %d differ" % (3, problems))
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
