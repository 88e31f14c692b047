/// The three formats nearly every scan comes in, told from their first bytes in Swift, so that a
/// folder of PDFs, JPEGs and PNGs is typed without loading libmagic's database (8 M of a typical
/// check's 159 M instructions, 0.21 G of 3.62 G for 1,000 files × 1,000 programs:
/// docs/performance.md, "Start-up"). A signature settles a file only where libmagic would give
/// it the same MIME type: libmagic tries a tar header's checksum and, on text, comma-separated
/// values before any signature, so a prefix that could pass either test is left to it, as is
/// anything else (ZIP-based office files included). `ContentSignatureTests` checks the answers
/// against libmagic.
enum ContentSignature {
    static func mimeType(of prefix: [UInt8]) -> String? {
        let mime: String
        if prefix.starts(with: pdf) {
            mime = "application/pdf"
        } else if prefix.count > jpeg.count, prefix.starts(with: jpeg) {
            // libmagic wants one byte past FF D8 FF: three bytes alone it calls text.
            mime = "image/jpeg"
        } else if prefix.starts(with: png) {
            // The signature and the IHDR chunk's length and tag: libmagic wants the chunk, too.
            mime = "image/png"
        } else {
            return nil
        }
        return mightBeTar(prefix) || mightBeCSV(prefix) ? nil : mime
    }

    static let pdf: [UInt8] = Array("%PDF-".utf8)
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF]
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]

    /// libmagic's tar test: 512 bytes or more whose checksum field (bytes 148–155, octal) equals
    /// the sum of the first 512 bytes, the field counted as spaces. Read leniently (the octal
    /// digits after any spaces, whatever follows them), and summed both as unsigned and as signed
    /// bytes, so that every header libmagic takes for tar is caught, and a few more left to it.
    static func mightBeTar(_ prefix: [UInt8]) -> Bool {
        guard prefix.count >= 512 else { return false }
        let field = 148 ..< 156
        var index = field.lowerBound
        while index < field.upperBound, [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D].contains(prefix[index]) { index += 1 }
        var recorded = 0
        var digits = 0
        while index < field.upperBound, (0x30 ... 0x37).contains(prefix[index]) {
            recorded = recorded << 3 | Int(prefix[index] - 0x30)
            digits += 1
            index += 1
        }
        guard digits > 0 else { return false }
        var unsigned = 0x20 * field.count
        var signed = unsigned
        for position in 0 ..< 512 where !field.contains(position) {
            unsigned += Int(prefix[position])
            signed += Int(Int8(bitPattern: prefix[position]))
        }
        return recorded == unsigned || recorded == signed
    }

    /// libmagic's CSV test runs on text only (no NUL byte), and needs a comma on the first line
    /// (up to the first line feed) or a quote there that may hide the line feeds after it.
    static func mightBeCSV(_ prefix: [UInt8]) -> Bool {
        guard !prefix.contains(0) else { return false }
        for byte in prefix {
            if byte == 0x0A { return false }
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") { return true }
        }
        return false
    }
}
