import Foundation
import Testing
@testable import CheckDocsCore
@testable import CheckDocsNative

/// The MRZ cell reader (docs/inspection.md, "MRZ"): a zone's lines cut into 44 cells and each
/// matched against the OCR-B templates, on a specimen drawn by scripts/mrz-specimens.py (OCR-B
/// from fonts-ocr-b, through poppler-glib and cairo) and tilted by a degree, as a scan is.
@Suite(.serialized) struct MRZCellReaderTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let asOf = CalendarDate(iso: "2026-11-29")!
    /// Where the specimen's zone lies on the 300-dpi page (scripts/mrz-specimens.py: 72 pt from
    /// the left, its first baseline 304 pt from the top), as Tesseract's line box would give it.
    static let zoneBox = PixelBox(left: 280, top: 1_200, right: 1_680, bottom: 1_370)

    /// The 300-dpi gray pixels of specimen 0 (a passport), and its zone's two lines; nil where
    /// the specimen cannot be drawn (no python3, poppler-glib, cairo or fonts-ocr-b).
    static let specimen: (image: GrayPixels, lines: [String])? = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("checkdocs-cells-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // The specimen's text PDF drawn at 300 dpi, tilted by 1 degree, as raw gray bytes.
        let script = """
            import importlib.util, json, random, sys
            spec = importlib.util.spec_from_file_location("s", sys.argv[1]); s = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(s)
            truth = s.specimen(random.Random(13), 0)
            width, height, rows = s.Renderer().render(s.text_pdf(truth), 300, 1.0)
            open(sys.argv[2] + "/gray", "wb").write(b"".join(rows))
            json.dump({"width": width, "height": height, "lines": truth["lines"]}, open(sys.argv[2] + "/truth.json", "w"))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, root.path + "/scripts/mrz-specimens.py", directory.path]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        struct Truth: Decodable { var width: Int, height: Int, lines: [String] }
        guard process.terminationStatus == 0,
              let data = try? Data(contentsOf: directory.appendingPathComponent("truth.json")),
              let truth = try? JSONDecoder().decode(Truth.self, from: data),
              let gray = try? Data(contentsOf: directory.appendingPathComponent("gray")),
              gray.count == truth.width * truth.height else { return nil }
        return (GrayPixels(width: truth.width, height: truth.height, pixels: Array(gray)), truth.lines)
    }()

    /// Paints the rectangle with `value` (0 black, 255 white).
    static func painted(_ image: GrayPixels, left: Int, top: Int, right: Int, bottom: Int, _ value: UInt8) -> GrayPixels {
        var copy = image
        for y in top..<bottom { for x in left..<right { copy.pixels[y * copy.width + x] = value } }
        return copy
    }

    /// The page's pixel box of cell `index` of line `line` (0 or 1) of the specimen's zone,
    /// from its geometry: 10 characters per inch, lines 14.4 pt apart, tilted by 1 degree.
    static func cellBox(line: Int, index: Int) -> (left: Int, top: Int, right: Int, bottom: Int) {
        let pitch = 7.23 * 300 / 72, leading = 14.4 * 300 / 72
        let x = 72 * 300 / 72 + Double(index) * pitch, baseline = (792 - 488) * 300.0 / 72 + Double(line) * leading
        // The page turns about its centre by 1 degree (clockwise on screen).
        let (cx, cy) = (2_550 / 2.0, 3_300 / 2.0), angle = Double.pi / 180
        let u = x + pitch / 2 - cx, v = baseline - 12 - cy
        let px = cx + u * cos(angle) - v * sin(angle), py = cy + u * sin(angle) + v * cos(angle)
        return (Int(px - pitch / 2) + 1, Int(py - 20), Int(px + pitch / 2) - 1, Int(py + 20))
    }

    @Test("a specimen's zone, drawn in OCR-B and tilted, is read cell by cell exactly, and verifies",
          .enabled(if: specimen != nil, "python3 with poppler-glib, cairo and fonts-ocr-b is needed (scripts/setup)"))
    func readsSpecimen() throws {
        let (image, lines) = try #require(Self.specimen)
        let read = MRZCellReader.read(image, lines: [Self.zoneBox])
        #expect(read == lines.joined(separator: "\n"))
        let page = OCRPage(text: "", textComplete: true, meanConfidence: 0, pixelWidth: image.width, pixelHeight: image.height,
                           pageCount: 1, mrzText: read)
        let expected = try MachineReadableZone.parse(lines[0], lines[1], asOf: Self.asOf).get()
        #expect(MachineReadableZone.find(in: page, asOf: Self.asOf) == [expected])
    }

    @Test("a cell that matches no character makes its line unreadable: no zone, nothing guessed",
          .enabled(if: specimen != nil, "python3 with poppler-glib, cairo and fonts-ocr-b is needed (scripts/setup)"))
    func unmatchedCell() throws {
        let (image, lines) = try #require(Self.specimen)
        // A blot over the birth date's first digit: a glyph-sized ink shape that is no character.
        let cell = Self.cellBox(line: 1, index: 13)
        let blotted = Self.painted(image, left: cell.left + 3, top: cell.top + 8, right: cell.right - 3, bottom: cell.bottom - 6, 0)
        let read = MRZCellReader.read(blotted, lines: [Self.zoneBox])
        #expect(read == lines[0], "only the untouched line is read")
        let page = OCRPage(text: "", textComplete: true, meanConfidence: 0, pixelWidth: image.width, pixelHeight: image.height,
                           pageCount: 1, mrzText: read)
        #expect(MachineReadableZone.find(in: page, asOf: Self.asOf).isEmpty)
    }

    @Test("a damaged zone (half a line erased) is not cut into 44 cells and gives no zone",
          .enabled(if: specimen != nil, "python3 with poppler-glib, cairo and fonts-ocr-b is needed (scripts/setup)"))
    func damagedZone() throws {
        let (image, lines) = try #require(Self.specimen)
        let from = Self.cellBox(line: 1, index: 30), to = Self.cellBox(line: 1, index: 43)
        let erased = Self.painted(image, left: from.left, top: min(from.top, to.top) + 4, right: to.right + 20,
                                  bottom: max(from.bottom, to.bottom) - 4, 255)
        let read = MRZCellReader.read(erased, lines: [Self.zoneBox])
        #expect(!read.contains(lines[1]) && !read.split(separator: "\n").contains { $0.count == 44 && $0 != Substring(lines[0]) })
        let page = OCRPage(text: "", textComplete: true, meanConfidence: 0, pixelWidth: image.width, pixelHeight: image.height,
                           pageCount: 1, mrzText: read)
        #expect(MachineReadableZone.find(in: page, asOf: Self.asOf).isEmpty)
    }

    @Test("the templates: every character of the zone's alphabet, each matching itself; a cell halfway between O and 0 is neither")
    func templates() throws {
        let templates = try #require(MRZCellReader.templates)
        #expect(String(templates.glyphs.map(\.character)) == OCRReader.mrzAlphabet)
        for glyph in templates.glyphs {
            #expect(templates.match([glyph.samples]) == glyph.character)
        }
        let letter = try #require(templates.glyphs.first { $0.character == "O" }).samples
        let digit = try #require(templates.glyphs.first { $0.character == "0" }).samples
        #expect(templates.match([zip(letter, digit).map { ($0 + $1) / 2 }]) == nil)
        // A blank cell has no contrast: no character.
        #expect(templates.match([[Double](repeating: 0, count: templates.width * templates.height)]) == nil)
    }

    @Test("templates that do not parse are refused, not half-used")
    func malformedTemplates() {
        #expect(GlyphTemplates(parsing: "") == nil)
        #expect(GlyphTemplates(parsing: "grid 2 1 1.25\nA\n00ff\nB\n00") == nil)
        #expect(GlyphTemplates(parsing: "grid 2 1 1.25\nA\n00ff\nB\n0000") == nil, "a blank template has no contrast")
        #expect(GlyphTemplates(parsing: "grid 2 1 1.25\nA\n00ff\nB\nff00")?.glyphs.count == 2)
    }
}
