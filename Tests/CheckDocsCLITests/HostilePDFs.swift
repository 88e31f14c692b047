import Foundation

/// PDFs that make poppler run for minutes or grow without bound, written here object by object
/// (issue 11): each is small, valid enough to open, and only hostile in what reading it costs.
/// Measured with poppler-glib 22.12 in-process: `nestedForms(levels: 16)` takes 6.5 s of text
/// extraction and every level doubles it; `sharedContent` takes ~0.2 s per page at 12 levels;
/// `sharedField(widgets: 8)` is still counting signatures after 20 s at 400 MB.
enum HostilePDFs {
    /// Form XObjects, each drawing the previous one twice; the page draws the last one: 2^levels
    /// text draws from a few KB.
    static func nestedForms(levels: Int = 24) -> [UInt8] {
        formPages(levels: levels, pages: 1)
    }

    /// `pages` pages that all share one content stream, which draws a `levels`-deep form tree.
    static func sharedContent(pages: Int = 500, levels: Int = 12) -> [UInt8] {
        formPages(levels: levels, pages: pages)
    }

    /// One unnamed signature field that is its own parent and kid, and `widgets` widgets that
    /// are all its kids and each list the field and every widget as kids again: counting its
    /// signatures walks a tree that grows like `widgets!`.
    static func sharedField(widgets: Int = 10) -> [UInt8] {
        let first = 6
        let widgetRefs = (0..<widgets).map { "\(first + $0) 0 R" }.joined(separator: " ")
        var objects = [
            "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [\(widgetRefs)] /SigFlags 3 >> >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Annots [\(widgetRefs)] >>",
            stream("BT ET"),
            "<< /FT /Sig /Parent 5 0 R /Kids [5 0 R \(widgetRefs)] >>",
        ]
        for _ in 0..<widgets {
            objects.append("<< /Type /Annot /Subtype /Widget /Parent 5 0 R /Kids [5 0 R \(widgetRefs)] /Rect [0 0 10 10] >>")
        }
        return assemble(objects)
    }

    /// A plain one-page US Letter PDF with a line of text: what a worker reads in a blink.
    static func letter(text: String = "Official transcript of records") -> [UInt8] {
        assemble([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            stream("BT /F1 12 Tf 72 700 Td (\(text)) Tj ET"),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ])
    }

    /// Objects: 1 catalog, 2 page tree, 3 font, 4 the shared content, 5… the forms, then the pages.
    private static func formPages(levels: Int, pages: Int) -> [UInt8] {
        let firstForm = 5
        let top = firstForm + levels - 1
        let pageIDs = (0..<pages).map { firstForm + levels + $0 }
        var objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [\(pageIDs.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pages) >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            stream("/X Do"),
        ]
        let form = "/Type /XObject /Subtype /Form /BBox [0 0 612 792]"
        for level in 0..<levels {
            if level == 0 {
                objects.append(stream("BT /F1 12 Tf 72 700 Td (deep) Tj ET", "\(form) /Resources << /Font << /F1 3 0 R >> >>"))
            } else {
                objects.append(stream("/X Do /X Do", "\(form) /Resources << /XObject << /X \(firstForm + level - 1) 0 R >> >>"))
            }
        }
        for _ in pageIDs {
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /X \(top) 0 R >> >> /Contents 4 0 R >>")
        }
        return assemble(objects)
    }

    private static func stream(_ content: String, _ dictionary: String = "") -> String {
        "<< \(dictionary) /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream"
    }

    /// Numbers the objects 1…n and writes the xref table with exact offsets and the trailer.
    static func assemble(_ objects: [String]) -> [UInt8] {
        var out = Array("%PDF-1.7\n".utf8)
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
}
