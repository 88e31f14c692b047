import Foundation

/// Small documents written by hand for inspection tests: PDFs with chosen pages, text and
/// signature fields (objects and xref offsets computed here), and JPEG/PNG headers.
enum PDFFixtures {
    struct Page {
        var width: Double = 612
        var height: Double = 792
        /// Text drawn on the page; nil for an image-only page (a filled rectangle, no text layer).
        var text: String? = "Sample letter of recommendation"
    }

    static let letter = Page()
    static let a4 = Page(width: 595.28, height: 841.89)

    /// A PDF with the given pages; `signed` adds an AcroForm signature field with /ByteRange.
    static func pdf(_ pages: [Page] = [letter], signed: Bool = false) -> [UInt8] {
        var objects: [String] = []
        let pageBase = 3
        let fontID = pageBase + pages.count * 2
        let kids = (0..<pages.count).map { "\(pageBase + $0 * 2) 0 R" }.joined(separator: " ")
        let sigID = fontID + 1
        let acroForm = signed ? " /AcroForm << /Fields [\(sigID) 0 R] /SigFlags 3 >>" : ""
        objects.append("<< /Type /Catalog /Pages 2 0 R\(acroForm) >>")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>")
        for (index, page) in pages.enumerated() {
            let contentID = pageBase + index * 2 + 1
            let annots = signed && index == 0 ? " /Annots [\(sigID) 0 R]" : ""
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(page.width) \(page.height)] /Resources << /Font << /F1 \(fontID) 0 R >> >> /Contents \(contentID) 0 R\(annots) >>")
            let stream: String
            if let text = page.text {
                stream = "BT /F1 12 Tf 72 700 Td (\(text)) Tj ET"
            } else {
                stream = "0.5 g 72 72 200 300 re f"
            }
            objects.append("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream")
        }
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        if signed {
            let contents = String(repeating: "0", count: 64)
            objects.append("<< /FT /Sig /T (Signature1) /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /P \(pageBase) 0 R /F 132 /V \(sigID + 1) 0 R >>")
            objects.append("<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange [0 100 200 100] /Contents <\(contents)> /M (D:20261101000000Z) >>")
        }
        return assemble(objects)
    }

    /// Numbers the objects 1…n, writes the xref table with exact offsets and the trailer.
    static func assemble(_ objects: [String]) -> [UInt8] {
        var out = Array("%PDF-1.7\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(index + 1) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let xref = out.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { table += String(format: "%010d 00000 n \n", offset) }
        table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return out + Array(table.utf8)
    }

    /// A PDF whose text layer holds about `characters` characters, 40 lines of 99 to a page.
    static func longText(characters: Int) -> [UInt8] {
        var lines: [String] = []
        var remaining = characters
        while remaining > 0 {
            lines.append(String(repeating: "a", count: min(99, remaining)))
            remaining -= 99
        }
        var pages: [[String]] = []
        for start in stride(from: 0, to: lines.count, by: 40) { pages.append(Array(lines[start..<min(start + 40, lines.count)])) }
        let pageCount = pages.count
        let fontID = 3 + pageCount * 2
        var objects = ["<< /Type /Catalog /Pages 2 0 R >>",
                       "<< /Type /Pages /Kids [\((0..<pageCount).map { "\(3 + $0 * 2) 0 R" }.joined(separator: " "))] /Count \(pageCount) >>"]
        for (index, page) in pages.enumerated() {
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 \(fontID) 0 R >> >> /Contents \(4 + index * 2) 0 R >>")
            let stream = "BT /F1 8 Tf 72 760 Td " + page.map { "0 -16 Td (\($0)) Tj" }.joined(separator: " ") + " ET"
            objects.append("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream")
        }
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        return assemble(objects)
    }

    /// The start of a baseline JPEG: SOI, JFIF APP0 at `dpi`, a frame header of the given size.
    static func jpeg(width: Int, height: Int, dpi: Int = 150, padding: Int = 0) -> [UInt8] {
        var bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 1]
        bytes += [UInt8(dpi >> 8), UInt8(dpi & 0xFF), UInt8(dpi >> 8), UInt8(dpi & 0xFF), 0, 0]
        if padding > 0 {  // a comment segment, to make the file as large as wanted
            var remaining = padding
            while remaining > 0 {
                let chunk = min(remaining, 65_000)
                bytes += [0xFF, 0xFE, UInt8((chunk + 2) >> 8), UInt8((chunk + 2) & 0xFF)] + [UInt8](repeating: 0x20, count: chunk)
                remaining -= chunk
            }
        }
        bytes += [0xFF, 0xC0, 0x00, 0x0B, 0x08, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF), 0x01, 0x01, 0x11, 0x00]
        bytes += [0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x00, 0xFF, 0xD9]
        return bytes
    }

    /// A PNG signature, IHDR and pHYs (pixels per metre for `dpi`); no image data is needed.
    static func png(width: Int, height: Int, dpi: Int = 150) -> [UInt8] {
        func be32(_ value: Int) -> [UInt8] { [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
        let perMetre = Int((Double(dpi) / 0.0254).rounded())
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        bytes += be32(13) + Array("IHDR".utf8) + be32(width) + be32(height) + [8, 2, 0, 0, 0] + [0, 0, 0, 0]
        bytes += be32(9) + Array("pHYs".utf8) + be32(perMetre) + be32(perMetre) + [1] + [0, 0, 0, 0]
        bytes += be32(0) + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82]
        return bytes
    }

    /// Encrypts `pdf` with the qpdf command-line tool (scripts/setup installs it). With an empty
    /// user password the file opens without one; the owner password restricts printing.
    static func encrypted(_ pdf: [UInt8], userPassword: String) throws -> [UInt8] {
        let directory = NSTemporaryDirectory() + "checkdocs-qpdf-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = directory + "/in.pdf", output = directory + "/out.pdf"
        guard FileManager.default.createFile(atPath: input, contents: Data(pdf)) else { throw CocoaError(.fileWriteUnknown) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["qpdf", "--encrypt", userPassword, "owner-secret", "256", "--print=none", "--", input, output]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: output) else {
            throw CocoaError(.fileWriteUnknown)
        }
        return Array(data)
    }
}
