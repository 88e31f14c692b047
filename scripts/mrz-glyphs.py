#!/usr/bin/env python3
"""Writes checklists/mrz/ocr-b-glyphs.txt: the 37 characters of a machine-readable zone
(A-Z, 0-9, <) in OCR-B, as the gray templates the MRZ cell reader matches each cell against
(docs/inspection.md, "MRZ"). The glyphs are drawn from Debian's fonts-ocr-b (OCRB.otf, public
domain / permissive: /usr/share/doc/fonts-ocr-b/copyright), which scripts/setup installs, by
poppler-glib and cairo through ctypes (as scripts/mrz-specimens.py draws its specimens).

Each glyph is drawn at the zone's size (10 characters per inch) at 300 dpi, at PHASES x PHASES
sub-pixel positions, and sampled exactly as the reader samples a scanned cell
(Sources/CheckDocsCore/Inspection/MRZCellReader.swift): a grid of GRID_W x GRID_H samples over a
window one pitch wide and WINDOW_H pitches high, centred on the ink's centre of mass, each
sample the mean darkness (0-255) of four interpolated points in its area. The template is the
mean over the positions, so it does not depend on where a glyph falls on the pixel grid.
Usage: scripts/mrz-glyphs.py [OUT_FILE]
"""
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("specimens", os.path.join(HERE, "mrz-specimens.py"))
specimens = importlib.util.module_from_spec(spec)
spec.loader.exec_module(specimens)

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"
GRID_W, GRID_H = 16, 20
WINDOW_H = 1.25          # the window's height, in pitches (a glyph is 0.97 pitch high)
SIZE = 10                # points: OCR-B at 10 characters per inch, as ICAO prints the zone
PITCH_PT = SIZE * 0.723  # OCR-B's advance is 723 units in 1000
DPI = 300
PHASES = 4
PER_ROW = 12
THRESHOLD = 128          # ink, for the centre of mass (the reader uses Otsu's, about as much)


def darkness(rows, width, height, x, y):
    """Bilinear darkness at a position whose pixel centres are at integers; paper outside."""
    x0, y0 = int(x // 1), int(y // 1)
    fx, fy = x - x0, y - y0

    def at(px, py):
        if 0 <= px < width and 0 <= py < height:
            return 255 - rows[py][px]
        return 0
    return (at(x0, y0) * (1 - fx) * (1 - fy) + at(x0 + 1, y0) * fx * (1 - fy)
            + at(x0, y0 + 1) * (1 - fx) * fy + at(x0 + 1, y0 + 1) * fx * fy)


def sample(rows, width, height, cx, cy, pitch):
    sample_w, sample_h = pitch / GRID_W, pitch * WINDOW_H / GRID_H
    origin_x, origin_y = cx - pitch / 2, cy - pitch * WINDOW_H / 2
    values = []
    for gy in range(GRID_H):
        for gx in range(GRID_W):
            total = 0.0
            for du, dv in ((0.25, 0.25), (0.75, 0.25), (0.25, 0.75), (0.75, 0.75)):
                x, y = origin_x + (gx + du) * sample_w, origin_y + (gy + dv) * sample_h
                total += darkness(rows, width, height, x - 0.5, y - 0.5)
            values.append(total / 4)
    return values


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "checklists", "mrz", "ocr-b-glyphs.txt")
    font_objects, _ = specimens.mrz_font_objects("OCR-B")
    renderer = specimens.Renderer()
    scale = DPI / 72
    pitch = PITCH_PT * scale
    sums = {char: [0.0] * (GRID_W * GRID_H) for char in ALPHABET}
    for phase_y in range(PHASES):
        for phase_x in range(PHASES):
            shift_x, shift_y = phase_x / PHASES / scale, phase_y / PHASES / scale
            ops, places = [], []
            for index, char in enumerate(ALPHABET):
                x = 40 + (index % PER_ROW) * 3 * PITCH_PT + shift_x
                y = 700 - (index // PER_ROW) * 4 * SIZE - shift_y
                ops.append("BT /F2 %d Tf %.4f %.4f Td (%s) Tj ET" % (SIZE, x, y, char))
                places.append((char, x, y))
            stream = "\n".join(ops).encode()
            pdf = specimens.assemble([
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>",
                b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            ] + font_objects)
            width, height, rows = renderer.render(pdf, DPI, 0)
            for char, x, y in places:
                # The glyph's ink, in a box around where it was drawn (a pitch and a half wide,
                # from a size above the baseline to a third of it below).
                left, right = int((x - 0.2 * PITCH_PT) * scale), int((x + 1.3 * PITCH_PT) * scale)
                top, bottom = int((792 - y - SIZE * 1.0) * scale), int((792 - y + SIZE * 0.35) * scale)
                total = sum_x = sum_y = 0.0
                for py in range(top, bottom):
                    row = rows[py]
                    for px in range(left, right):
                        if row[px] <= THRESHOLD:
                            weight = 255 - row[px]
                            total += weight
                            sum_x += (px + 0.5) * weight
                            sum_y += (py + 0.5) * weight
                values = sample(rows, width, height, sum_x / total, sum_y / total, pitch)
                sums[char] = [a + b for a, b in zip(sums[char], values)]
    lines = ["# OCR-B templates of the MRZ alphabet for the MRZ cell reader (docs/inspection.md, \"MRZ\").",
             "# Generated by scripts/mrz-glyphs.py from Debian's fonts-ocr-b (OCRB.otf; public domain,",
             "# see /usr/share/doc/fonts-ocr-b/copyright). Do not edit: regenerate.",
             "grid %d %d %.2f" % (GRID_W, GRID_H, WINDOW_H)]
    for char in ALPHABET:
        lines.append(char)
        values = [round(v / (PHASES * PHASES)) for v in sums[char]]
        for gy in range(GRID_H):
            lines.append("".join("%02x" % min(255, values[gy * GRID_W + gx]) for gx in range(GRID_W)))
    with open(out, "w") as handle:
        handle.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
