/// The three formats nearly every scan comes in, told from their first bytes in Swift, so that a
/// folder of PDFs, JPEGs and PNGs is typed without loading libmagic's database (8 M of a typical
/// check's 159 M instructions, 0.21 G of 3.62 G for 1,000 files × 1,000 programs:
/// docs/performance.md, "Start-up"). Each signature is one libmagic itself answers with the same MIME type for every
/// file that starts with it (`ContentSignatureTests` checks that against libmagic); anything
/// else, ZIP-based office files included, is left to libmagic.
enum ContentSignature {
    static func mimeType(of prefix: [UInt8]) -> String? {
        if prefix.starts(with: pdf) { return "application/pdf" }
        // libmagic wants one byte past FF D8 FF: three bytes alone it calls text.
        if prefix.count > jpeg.count, prefix.starts(with: jpeg) { return "image/jpeg" }
        // The signature and the IHDR chunk's length and tag: libmagic wants the chunk, too.
        if prefix.starts(with: png) { return "image/png" }
        return nil
    }

    static let pdf: [UInt8] = Array("%PDF-".utf8)
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF]
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
}
