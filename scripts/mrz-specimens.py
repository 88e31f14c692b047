#!/usr/bin/env python3
"""Writes specimen passports (ICAO 9303 TD3) and US visa foils (MRV-A) with fictional data and
correct MRZ check digits, for the OCR and MRZ tests and evaluation (docs/inspection.md, "OCR").

For each specimen N (seeded: the same files on every run):
  specimen-N.pdf       a one-page US Letter PDF with a text layer (the data page, MRZ in OCR-B,
                       embedded from Debian's fonts-ocr-b, at 10 characters per inch as ICAO prints it)
  specimen-N.png       that page rendered at 300 dpi, gray, slightly rotated (a flatbed scan's skew)
  specimen-N-scan.pdf  the PNG's pixels as the only content of a PDF: a scan with no text layer
  truth.json           every specimen's expected fields (or "none" for a page with no valid zone)

With --scan degraded, the image is a poor scan instead: rotated by up to 3 degrees either way,
blurred, with gray noise, and saved as a JPEG (specimen-N.jpg, named in truth.json as "image"),
each by the specimen's own seeded draw (the same files on every run); no image-only PDF.

Every fifth specimen has a broken check digit in its MRZ: a reader must find no zone on it.
Python 3 standard library only; the PNG is drawn by poppler-glib and cairo (scripts/setup installs
them) through ctypes, and a degraded scan's blur, noise and JPEG are leptonica's (installed with
Tesseract). Usage: scripts/mrz-specimens.py [--count 20] [--seed 13] [--dpi 300]
[--mrz-font OCR-B|Courier|Courier-Bold] [--scan clean|degraded] [--no-images] OUT_DIR
"""
import argparse
import ctypes
import json
import os
import random
import struct
import zlib

SURNAMES = ["SPECIMEN", "SAMPLE", "MUSTERMANN", "DUPONT<DE<LA<ROCHE", "ODHIAMBO", "NAKAMURA", "OKONKWO",
            "FERNANDEZ<GARCIA", "ROSSI", "KOWALSKA", "NGUYEN", "OYELARAN<SMITH", "TESTER"]
GIVEN = ["ANNA<MARIA", "RAVI", "ERIKA", "JEAN<PIERRE", "AMARA", "KENJI", "CHIOMA", "LUCIA", "MARCO", "ZOFIA",
         "LINH", "ADE", "ALEX<JORDAN<LEE"]
STATES = ["UTO", "IND", "NGA", "D<<", "FRA", "KEN", "JPN", "BRA", "ITA", "POL", "VNM", "GBR", "PHL"]
VISA_CLASSES = ["J1", "B1B2", "H1B", "F1", "O1", "B2"]


def check_digit(field):
    weights = (7, 3, 1)
    total = 0
    for index, char in enumerate(field):
        if char.isdigit():
            value = int(char)
        elif char == "<":
            value = 0
        else:
            value = ord(char) - ord("A") + 10
        total += value * weights[index % 3]
    return str(total % 10)


def pad(text, length):
    return (text + "<" * length)[:length]


def yymmdd(year, month, day):
    return "%02d%02d%02d" % (year % 100, month, day)


def specimen(rng, index):
    passport = index % 2 == 0
    surname, given = rng.choice(SURNAMES), rng.choice(GIVEN)
    nationality = rng.choice(STATES)
    number = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(rng.choice((1, 2)))) + \
        "".join(rng.choice("0123456789") for _ in range(7))
    birth = (rng.randint(1960, 2004), rng.randint(1, 12), rng.randint(1, 28))
    expiry = (rng.randint(2026, 2035), rng.randint(1, 12), rng.randint(1, 28))
    sex = rng.choice("MF")
    number9 = pad(number, 9)
    upper = number9 + check_digit(number9)
    birth_field = yymmdd(*birth) + check_digit(yymmdd(*birth))
    if passport:
        state = nationality
        line1 = pad("P<" + state + surname + "<<" + given, 44)
        personal = pad("".join(rng.choice("0123456789") for _ in range(rng.choice((0, 8)))), 14)
        personal_check = "<" if personal == "<" * 14 else check_digit(personal)
        expiry_field = yymmdd(*expiry) + check_digit(yymmdd(*expiry)) + personal + personal_check
        line2 = upper + nationality + birth_field + sex + expiry_field + \
            check_digit(upper + birth_field + expiry_field)
        visa_class = None
    else:
        state = "USA"
        visa_class = rng.choice(VISA_CLASSES)
        line1 = pad("VN" + state + surname + "<<" + given, 44)
        expiry_field = yymmdd(*expiry) + check_digit(yymmdd(*expiry))
        line2 = upper + nationality + birth_field + sex + expiry_field + pad(visa_class, 16)
    valid = index % 5 != 4
    if not valid:
        # One check digit off by one: the document number's, the birth date's or the expiry's.
        position = rng.choice((9, 19, 27))
        line2 = line2[:position] + str((int(line2[position]) + 1) % 10) + line2[position + 1:]
    assert len(line1) == 44 and len(line2) == 44
    truth = {
        "format": "TD3" if passport else "MRV-A",
        "lines": [line1, line2],
        "valid": valid,
        "surname": surname.replace("<", " "),
        "givenNames": given.replace("<", " "),
        "documentNumber": number,
        "nationality": nationality.rstrip("<"),
        "birthDate": "%04d-%02d-%02d" % birth,
        "expiryDate": "%04d-%02d-%02d" % expiry,
        "visaClass": visa_class,
    }
    return truth


def pdf_escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def assemble(objects):
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def one_page(stream, font_objects):
    """A one-page US Letter PDF: the content stream, Helvetica as F1 and the MRZ font as F2."""
    return assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ] + font_objects)


OCR_B = "/usr/share/fonts/opentype/ocr-b/OCRB.otf"  # Debian's fonts-ocr-b (public domain)


def mrz_font_objects(name):
    """The MRZ font's objects (font, and for OCR-B its descriptor and embedded file) and its size:
    10 characters per inch, as ICAO prints the zone."""
    if name != "OCR-B":
        return [b"<< /Type /Font /Subtype /Type1 /BaseFont /%s >>" % name.encode()], 12
    with open(OCR_B, "rb") as handle:
        font = handle.read()
    # OCR-B is monospaced, 723 units in 1000 (its hmtx): 10 pt gives a 7.23 pt pitch (10 cpi).
    widths = b" ".join(b"723" for _ in range(32, 127))
    packed = zlib.compress(font, 9)
    return [
        b"<< /Type /Font /Subtype /Type1 /BaseFont /OCRB /FirstChar 32 /LastChar 126 /Widths [%s] "
        b"/Encoding /WinAnsiEncoding /FontDescriptor 7 0 R >>" % widths,
        b"<< /Type /FontDescriptor /FontName /OCRB /Flags 33 /FontBBox [-87 -336 784 938] /ItalicAngle 0 "
        b"/Ascent 938 /Descent -336 /CapHeight 701 /StemV 80 /FontFile3 8 0 R >>",
        b"<< /Subtype /OpenType /Filter /FlateDecode /Length %d >>\nstream\n" % len(packed) + packed + b"\nendstream",
    ], 10


def text_pdf(truth, mrz_font="OCR-B"):
    """The data page: a heading and labelled fields in Helvetica, the MRZ in `mrz_font` at 10 cpi."""
    passport = truth["format"] == "TD3"
    fields = [
        ("Surname", truth["surname"]),
        ("Given names", truth["givenNames"]),
        ("Nationality", truth["nationality"]),
        ("Date of birth", truth["birthDate"]),
        ("Passport No." if passport else "Passport Number", truth["documentNumber"]),
        ("Date of expiry" if passport else "Expiration Date", truth["expiryDate"]),
    ]
    if not passport:
        fields.append(("Visa Type/Class", "R " + truth["visaClass"]))
    title = "PASSPORT - SPECIMEN (fictional data)" if passport else "UNITED STATES OF AMERICA - VISA - SPECIMEN"
    ops = ["BT /F1 16 Tf 72 700 Td (%s) Tj ET" % pdf_escape(title)]
    y = 660
    for label, value in fields:
        ops.append("BT /F1 11 Tf 72 %d Td (%s: %s) Tj ET" % (y, pdf_escape(label), pdf_escape(value)))
        y -= 22
    ops.append("0.4 w 66 %d 330 %d re S" % (y - 80, 100))
    font_objects, size = mrz_font_objects(mrz_font)
    ops.append("BT /F2 %d Tf 14.4 TL 72 %d Td (%s) Tj T* (%s) Tj ET" %
               (size, y - 40, truth["lines"][0], truth["lines"][1]))
    return one_page("\n".join(ops).encode(), font_objects)


class Renderer:
    """poppler-glib and cairo through ctypes: a PDF page to 8-bit gray pixels."""

    def __init__(self):
        self.poppler = ctypes.CDLL("libpoppler-glib.so.8")
        self.cairo = ctypes.CDLL("libcairo.so.2")
        p, c = self.poppler, self.cairo
        p.poppler_document_new_from_data.restype = ctypes.c_void_p
        p.poppler_document_new_from_data.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_void_p]
        p.poppler_document_get_page.restype = ctypes.c_void_p
        p.poppler_document_get_page.argtypes = [ctypes.c_void_p, ctypes.c_int]
        p.poppler_page_render.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        p.g_object_unref.argtypes = [ctypes.c_void_p]
        c.cairo_image_surface_create.restype = ctypes.c_void_p
        c.cairo_image_surface_create.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        c.cairo_create.restype = ctypes.c_void_p
        c.cairo_create.argtypes = [ctypes.c_void_p]
        for name in ("cairo_paint", "cairo_destroy", "cairo_surface_flush", "cairo_surface_destroy"):
            getattr(c, name).argtypes = [ctypes.c_void_p]
        c.cairo_set_source_rgb.argtypes = [ctypes.c_void_p, ctypes.c_double, ctypes.c_double, ctypes.c_double]
        c.cairo_scale.argtypes = [ctypes.c_void_p, ctypes.c_double, ctypes.c_double]
        c.cairo_translate.argtypes = [ctypes.c_void_p, ctypes.c_double, ctypes.c_double]
        c.cairo_rotate.argtypes = [ctypes.c_void_p, ctypes.c_double]
        c.cairo_image_surface_get_data.restype = ctypes.POINTER(ctypes.c_uint8)
        c.cairo_image_surface_get_data.argtypes = [ctypes.c_void_p]
        c.cairo_image_surface_get_stride.argtypes = [ctypes.c_void_p]

    def render(self, pdf, dpi, degrees, index=0):
        """Page `index` of `pdf` as gray rows at `dpi`, rotated by `degrees` about its centre."""
        p, c = self.poppler, self.cairo
        document = p.poppler_document_new_from_data(pdf, len(pdf), None, None)
        page = p.poppler_document_get_page(document, index)
        width, height = int(612 * dpi / 72), int(792 * dpi / 72)
        surface = c.cairo_image_surface_create(1, width, height)  # CAIRO_FORMAT_RGB24
        context = c.cairo_create(surface)
        c.cairo_set_source_rgb(context, 1, 1, 1)
        c.cairo_paint(context)
        c.cairo_translate(context, width / 2, height / 2)
        c.cairo_rotate(context, degrees * 3.141592653589793 / 180)
        c.cairo_translate(context, -width / 2, -height / 2)
        c.cairo_scale(context, dpi / 72, dpi / 72)
        p.poppler_page_render(page, context)
        c.cairo_destroy(context)
        c.cairo_surface_flush(surface)
        stride = c.cairo_image_surface_get_stride(surface)
        data = ctypes.string_at(c.cairo_image_surface_get_data(surface), stride * height)
        c.cairo_surface_destroy(surface)
        p.g_object_unref(page)
        p.g_object_unref(document)
        # The green byte of each little-endian 0x00RRGGBB word: the page is black on white.
        rows = [data[row * stride + 1: row * stride + 4 * width: 4] for row in range(height)]
        return width, height, rows


class Degrader:
    """A poor scan through leptonica (ctypes): box blur, Gaussian noise, JPEG."""

    def __init__(self):
        for name in ("liblept.so.5", "libleptonica.so.6"):
            try:
                self.lept = ctypes.CDLL(name)
                break
            except OSError:
                continue
        else:
            raise SystemExit("leptonica is missing (liblept5): run scripts/setup")
        self.libc = ctypes.CDLL(None)
        l = self.lept
        l.pixReadMem.restype = ctypes.c_void_p
        l.pixReadMem.argtypes = [ctypes.c_char_p, ctypes.c_size_t]
        l.pixBlockconv.restype = ctypes.c_void_p
        l.pixBlockconv.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int]
        l.pixAddGaussianNoise.restype = ctypes.c_void_p
        l.pixAddGaussianNoise.argtypes = [ctypes.c_void_p, ctypes.c_float]
        l.pixWriteMemJpeg.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_size_t), ctypes.c_void_p,
                                      ctypes.c_int, ctypes.c_int]
        l.pixSetResolution.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int]
        l.pixDestroy.argtypes = [ctypes.POINTER(ctypes.c_void_p)]
        self.libc.free.argtypes = [ctypes.c_void_p]
        self.libc.srand.argtypes = [ctypes.c_uint]

    def destroy(self, pix):
        handle = ctypes.c_void_p(pix)
        self.lept.pixDestroy(ctypes.byref(handle))

    def jpeg(self, image_bytes, dpi, blur, noise, quality, seed):
        """The image (any format leptonica reads: PNG, binary PGM) blurred (a box 2*blur+1 pixels
        wide, none for 0), with Gaussian noise of standard deviation `noise` (leptonica draws it
        with rand(), seeded here), as a JPEG."""
        self.libc.srand(seed)
        pix = self.lept.pixReadMem(image_bytes, len(image_bytes))
        if blur:
            blurred = self.lept.pixBlockconv(pix, blur, blur)
            self.destroy(pix)
            pix = blurred
        noisy = self.lept.pixAddGaussianNoise(pix, noise)
        self.destroy(pix)
        self.lept.pixSetResolution(noisy, dpi, dpi)
        data, size = ctypes.c_void_p(), ctypes.c_size_t()
        assert self.lept.pixWriteMemJpeg(ctypes.byref(data), ctypes.byref(size), noisy, quality, 0) == 0
        self.destroy(noisy)
        out = ctypes.string_at(data, size.value)
        self.libc.free(data)
        return out


def png(width, height, rows, dpi):
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xffffffff)
    raw = b"".join(b"\x00" + row for row in rows)
    per_metre = int(round(dpi / 0.0254))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1))
            + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


def scan_pdf(width, height, rows, dpi):
    """An image-only PDF: the gray pixels as a Flate-compressed XObject filling a Letter page."""
    pixels = zlib.compress(b"".join(rows), 6)
    stream = b"q 612 0 0 792 0 0 cm /Im1 Do Q"
    return assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 "
        b"/Filter /FlateDecode /Length %d >>\nstream\n" % (width, height, len(pixels)) + pixels + b"\nendstream",
    ])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--mrz-font", default="OCR-B", choices=("OCR-B", "Courier", "Courier-Bold"),
                        help="the MRZ's typeface: OCR-B (ICAO's, from fonts-ocr-b, embedded) or a standard PDF font")
    parser.add_argument("--scan", default="clean", choices=("clean", "degraded"),
                        help="clean: a PNG tilted by up to 1.2 degrees; degraded: a JPEG tilted by up to 3, blurred, noisy")
    parser.add_argument("--no-images", action="store_true", help="write the text PDFs and truth.json only")
    args = parser.parse_args()
    if args.mrz_font == "OCR-B" and not os.path.exists(OCR_B):
        parser.error("%s is missing: run scripts/setup (fonts-ocr-b), or pass --mrz-font Courier" % OCR_B)
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    renderer = None if args.no_images else Renderer()
    degrader = Degrader() if renderer and args.scan == "degraded" else None
    truths = []
    for index in range(args.count):
        truth = specimen(rng, index)
        name = "specimen-%d" % index
        truth["name"] = name
        truths.append(truth)
        pdf = text_pdf(truth, args.mrz_font)
        with open(os.path.join(args.out, name + ".pdf"), "wb") as handle:
            handle.write(pdf)
        if renderer and degrader:
            # Drawn from a generator of the specimen's own, so the clean set's draws are unchanged.
            draw = random.Random("%d-%d-degraded" % (args.seed, index))
            width, height, rows = renderer.render(pdf, args.dpi, draw.uniform(-3, 3))
            truth["image"] = name + ".jpg"
            with open(os.path.join(args.out, truth["image"]), "wb") as handle:
                handle.write(degrader.jpeg(png(width, height, rows, args.dpi), args.dpi, blur=draw.choice((0, 1)),
                                           noise=draw.uniform(4, 12), quality=draw.randint(50, 85),
                                           seed=draw.randrange(1 << 31)))
        elif renderer:
            width, height, rows = renderer.render(pdf, args.dpi, rng.uniform(-1.2, 1.2))
            truth["image"] = name + ".png"
            with open(os.path.join(args.out, name + ".png"), "wb") as handle:
                handle.write(png(width, height, rows, args.dpi))
            with open(os.path.join(args.out, name + "-scan.pdf"), "wb") as handle:
                handle.write(scan_pdf(width, height, rows, args.dpi))
    with open(os.path.join(args.out, "truth.json"), "w") as handle:
        json.dump(truths, handle, indent=1)
        handle.write("\n")


if __name__ == "__main__":
    main()
