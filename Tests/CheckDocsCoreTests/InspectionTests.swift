import Foundation
import Testing
@testable import CheckDocsNative
@testable import CheckDocsCore

/// The content readers on their own: libmagic, poppler and the image headers.
@Suite struct InspectionTests {
    /// poppler-glib is a test prerequisite (scripts/setup installs it).
    static func read(_ bytes: [UInt8]) -> PDFFacts { PopplerReader.facts(of: bytes)! }

    @Test("libmagic names the real type from the first bytes")
    func magic() {
        #expect(MagicSniffer.shared.mimeType(of: PDFFixtures.pdf()) == "application/pdf")
        #expect(MagicSniffer.shared.mimeType(of: PDFFixtures.jpeg(width: 10, height: 10)) == "image/jpeg")
        #expect(MagicSniffer.shared.mimeType(of: PDFFixtures.png(width: 10, height: 10)) == "image/png")
        #expect(MagicSniffer.shared.mimeType(of: []) == "application/x-empty")
        #expect(FileFormat.fromExtension(of: Array("LoR.PDF".utf8)) == .pdf)
        #expect(FileFormat.fromExtension(of: Array("photo.jpeg".utf8)) == .jpeg)
        #expect(FileFormat.fromExtension(of: Array("README".utf8)) == nil)
    }

    @Test("libmagic's database is released when the last sniffing session ends, and loaded again for the next")
    func magicSessions() {
        let sniffer = MagicSniffer()  // its own handle: other tests sniff through `shared` meanwhile
        let pdf = PDFFixtures.pdf()
        let outer = sniffer.whileSniffing {
            let inner = sniffer.whileSniffing { sniffer.mimeType(of: pdf) }
            // The inner session ended but the outer one still sniffs: the handle stays.
            #expect(sniffer.isLoaded)
            return [inner, sniffer.mimeType(of: PDFFixtures.png(width: 10, height: 10))]
        }
        #expect(outer == ["application/pdf", "image/png"])
        #expect(!sniffer.isLoaded)
        #expect(sniffer.whileSniffing { sniffer.mimeType(of: PDFFixtures.jpeg(width: 10, height: 10)) } == "image/jpeg")
        #expect(!sniffer.isLoaded)
        // Outside a session the handle opens on first use and stays, as before.
        #expect(sniffer.mimeType(of: pdf) == "application/pdf")
        #expect(sniffer.isLoaded)
    }

    @Test("JPEG frame header and JFIF density; PNG IHDR and pHYs")
    func imageHeaders() {
        let jpeg = ImageHeaderParser.jpeg(PDFFixtures.jpeg(width: 375, height: 525, dpi: 150, padding: 70_000))
        #expect(jpeg == ImageFacts(width: 375, height: 525, dotsPerInch: 150))
        let png = ImageHeaderParser.png(PDFFixtures.png(width: 800, height: 1000, dpi: 300))
        #expect(png?.width == 800 && png?.height == 1000)
        #expect(abs((png?.dotsPerInch ?? 0) - 300) < 0.1)
        #expect(ImageHeaderParser.jpeg(Array(PDFFixtures.jpeg(width: 375, height: 525).prefix(12))) == nil)
        #expect(ImageHeaderParser.png(Array("not a png at all, not at all".utf8)) == nil)
    }

    @Test("poppler: page count and sizes, letter against A4")
    func pageSizes() {
        let facts = Self.read(PDFFixtures.pdf([PDFFixtures.letter, PDFFixtures.a4]))
        #expect(facts.state == .readable)
        #expect(facts.pageCount == 2)
        #expect(facts.pageSizes.map { ($0.width * 100).rounded() / 100 } == [612, 595.28])
        #expect(PaperSize.letter.matches(facts.pageSizes[0]))
        #expect(!PaperSize.letter.matches(facts.pageSizes[1]))
        #expect(PaperSize.a4.matches(facts.pageSizes[1]))
        #expect(PaperSize.letter.matches(PageSize(width: 792, height: 612)))  // landscape
        #expect(!facts.encrypted && facts.signatureCount == 0)
    }

    @Test("poppler: text layer counted; image-only pages have none")
    func textLayer() {
        let text = Self.read(PDFFixtures.pdf())
        #expect(text.textCharacters >= "Sample letter of recommendation".count)
        #expect(text.textSample.contains("Sample letter"))
        let scanned = Self.read(PDFFixtures.pdf([PDFFixtures.Page(text: nil), PDFFixtures.Page(text: nil)]))
        #expect(scanned.state == .readable && scanned.pageCount == 2)
        #expect(scanned.textCharacters == 0)
        let long = Self.read(PDFFixtures.longText(characters: 30_000))
        #expect(long.textCharacters >= 30_000 && long.textCharacters < 31_000)
    }

    @Test("poppler: truncated, garbage and renamed files are damaged")
    func damaged() {
        let pdf = PDFFixtures.pdf()
        #expect(Self.read(Array(pdf.prefix(pdf.count * 6 / 10))).state == .damaged)
        #expect(Self.read(Array("%PDF-1.7\ngarbage garbage".utf8)).state == .damaged)
        #expect(Self.read(PDFFixtures.jpeg(width: 10, height: 10)).state == .damaged)
        #expect(Self.read([]).state == .damaged)
    }

    @Test("poppler: a signature field with /ByteRange is a digital signature")
    func signature() {
        #expect(Self.read(PDFFixtures.pdf(signed: true)).signatureCount >= 1)
    }

    @Test("encrypted PDFs: a user password cannot be opened; owner-only opens but is encrypted")
    func encrypted() throws {
        let user = try PDFFixtures.encrypted(PDFFixtures.pdf(), userPassword: "secret")
        #expect(Self.read(user).state == .passwordProtected)
        let owner = try PDFFixtures.encrypted(PDFFixtures.pdf(), userPassword: "")
        let facts = Self.read(owner)
        #expect(facts.state == .readable)
        #expect(facts.encrypted)
        #expect(facts.pageCount == 1)
    }

    @Test("byte search finds markers anywhere, including at the ends")
    func byteSearch() {
        let bytes = Array("abc/ByteRange".utf8)
        bytes.withUnsafeBytes { raw in
            #expect(ByteSearch.contains(raw, "/ByteRange"))
            #expect(ByteSearch.contains(raw, "abc"))
            #expect(!ByteSearch.contains(raw, "/Sig"))
        }
    }
}
