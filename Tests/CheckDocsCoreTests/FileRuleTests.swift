import Foundation
import Testing
@testable import CheckDocsCore

/// `<file>` rules evaluated against real content (docs/programs.md, `<file>`; docs/inspection.md).
@Suite struct FileRuleTests {
    static func program(_ type: String, _ file: String) -> String {
        Fixture.program(#"<requirements><require id="item" title="Item"><document type="\#(type)">\#(file)</document></require></requirements>"#)
    }

    static func outcome(_ type: String, _ rule: String, name: String, bytes: [UInt8]) throws -> RequirementResult? {
        try Fixture.evaluate(program(type, rule), files: [], contents: [name: bytes]).result("item")
    }

    @Test("a letter on A4 fails pageSize=letter, and passes pageSize=a4")
    func pageSize() throws {
        let a4 = PDFFixtures.pdf([PDFFixtures.letter, PDFFixtures.a4])
        let failed = try Self.outcome("lor", #"<file pageSize="letter"/>"#, name: "LoR - Dr A.pdf", bytes: a4)
        #expect(failed?.status == .invalid)
        #expect(failed?.message.contains("page 2 is 595.3 × 841.9 pt (A4); US Letter") == true)
        let passed = try Self.outcome("lor", #"<file pageSize="a4"/>"#, name: "LoR - Dr A.pdf", bytes: PDFFixtures.pdf([PDFFixtures.a4]))
        #expect(passed?.status == .ok)
    }

    @Test("a PDF with no page, or a page tree poppler cannot count, passes no page rule by having no page to fail")
    func noPages() throws {
        let empty = Array("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".utf8)
        let bogusCount = Array(("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 2147483647/Kids[3 0 R]>>endobj\n"
            + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n").utf8)
        for bytes in [empty, bogusCount] {
            for rule in [#"<file pageSize="letter"/>"#, #"<file maxPages="2"/>"#, #"<file formats="pdf" notEncrypted="true"/>"#] {
                let result = try Self.outcome("lor", rule, name: "LoR - Dr A.pdf", bytes: bytes)
                #expect(result?.status == .invalid, "\(rule)")
                #expect(result?.message.contains("the PDF has no pages that can be read") == true, "\(rule): \(result?.message ?? "")")
                #expect(result?.reason?.code == "no-pages", "\(rule)")
            }
        }
    }

    @Test("owner-password encryption, user password and a signature are each named")
    func encryptionAndSignature() throws {
        let owner = try PDFFixtures.encrypted(PDFFixtures.pdf(), userPassword: "")
        let ownerResult = try Self.outcome("lor", #"<file notEncrypted="true"/>"#, name: "LoR - Dr B.pdf", bytes: owner)
        #expect(ownerResult?.status == .invalid)
        #expect(ownerResult?.message.contains("encrypted (an owner password") == true)
        let user = try PDFFixtures.encrypted(PDFFixtures.pdf(), userPassword: "pw")
        #expect(try Self.outcome("lor", #"<file notEncrypted="true"/>"#, name: "LoR - Dr B.pdf", bytes: user)?.message.contains("password-protected") == true)
        // A PDF that needs a password to open fails the baseline check, whatever the rule.
        #expect(try Self.outcome("lor", #"<file maxPages="2"/>"#, name: "LoR - Dr B.pdf", bytes: user)?.status == .invalid)
        let signed = try Self.outcome("lor", #"<file noDigitalSignature="true"/>"#, name: "LoR - Dr C.pdf", bytes: PDFFixtures.pdf(signed: true))
        #expect(signed?.status == .invalid)
        #expect(signed?.message.contains("digital signature") == true)
        #expect(try Self.outcome("lor", #"<file noDigitalSignature="true" notEncrypted="true"/>"#, name: "LoR - Dr C.pdf", bytes: PDFFixtures.pdf())?.status == .ok)
    }

    @Test("size, name characters, page bounds, empty files")
    func sizeNamePages() throws {
        let big = try Self.outcome("lor", #"<file maxBytes="1048576"/>"#, name: "LoR - Dr D.pdf", bytes: PDFFixtures.pdf() + [UInt8](repeating: 0x20, count: 1_048_576))
        #expect(big?.status == .invalid)
        #expect(big?.message.contains("bytes; at most 1,048,576 bytes is accepted") == true)
        let colon = try Self.outcome("lor", #"<file forbiddenCharacters="|*?:"/>"#, name: "LoR - Dr E: final.pdf", bytes: PDFFixtures.pdf())
        #expect(colon?.message.contains(#"contains ":""#) == true)
        let threePages = PDFFixtures.pdf([PDFFixtures.letter, PDFFixtures.letter, PDFFixtures.letter])
        #expect(try Self.outcome("lor", #"<file maxPages="2"/>"#, name: "LoR - Dr F.pdf", bytes: threePages)?.message.contains("it has 3 pages; at most 2 pages") == true)
        #expect(try Self.outcome("lor", #"<file minPages="4"/>"#, name: "LoR - Dr F.pdf", bytes: threePages)?.status == .invalid)
        #expect(try Self.outcome("lor", #"<file formats="pdf"/>"#, name: "LoR - Dr G.pdf", bytes: [])?.message.contains("empty") == true)
    }

    @Test("type from content: a JPEG named .pdf fails formats=pdf and is a folder finding")
    func renamedJPEG() throws {
        let folder = try TemporaryFolder(contents: ["LoR - Dr H.pdf": PDFFixtures.jpeg(width: 10, height: 10)])
        defer { folder.remove() }
        let applicant = try ApplicantFolderLoader(catalog: Fixture.knowledge.catalog, schemas: Fixture.knowledge.schemas).load(folder.path)
        let finding = applicant.diagnostics.first { $0.code == .contentMismatch }
        #expect(finding?.path == "LoR - Dr H.pdf")
        #expect(finding?.message.contains("is named .pdf but its content is a JPEG image (image/jpeg)") == true)
        let result = try Self.outcome("lor", #"<file formats="pdf"/>"#, name: "LoR - Dr H.pdf", bytes: PDFFixtures.jpeg(width: 10, height: 10))
        #expect(result?.status == .invalid)
        #expect(result?.message.contains("a JPEG image (image/jpeg), not a PDF") == true)
        // Allowed as a JPEG, but its name says PDF: the baseline check refuses it (docs/programs.md).
        let misnamed = try Self.outcome("lor", #"<file formats="pdf jpeg"/>"#, name: "LoR - Dr H.pdf", bytes: PDFFixtures.jpeg(width: 10, height: 10))
        #expect(misnamed?.status == .invalid)
        #expect(misnamed?.reason?.kind == "baseline")
        #expect(try Self.outcome("lor", #"<file formats="pdf jpeg"/>"#, name: "LoR - Dr H.jpg", bytes: PDFFixtures.jpeg(width: 10, height: 10))?.status == .ok)
    }

    @Test("photo pixel size; personal statement length; image-only PDF is not evaluable")
    func photoAndText() throws {
        let rule = #"<file formats="jpeg" maxBytes="153600" pixelWidth="375" pixelHeight="525"/>"#
        #expect(try Self.outcome("photo", rule, name: "Photo.jpg", bytes: PDFFixtures.jpeg(width: 375, height: 525))?.status == .ok)
        let wrong = try Self.outcome("photo", rule, name: "Photo.jpg", bytes: PDFFixtures.jpeg(width: 800, height: 1000))
        #expect(wrong?.message.contains("it is 800 × 1000 px; 375 × 525 px is required") == true)
        let heavy = try Self.outcome("photo", rule, name: "Photo.jpg", bytes: PDFFixtures.jpeg(width: 375, height: 525, padding: 200_000))
        #expect(heavy?.message.contains("KB; at most 150 KB") == true)
        let ps = #"<file maxCharacters="28000"/>"#
        let long = try Self.outcome("personal_statement", ps, name: "Personal statement.pdf", bytes: PDFFixtures.longText(characters: 30_000))
        #expect(long?.status == .invalid)
        #expect(long?.message.contains("at most 28,000 (including spaces)") == true)
        #expect(try Self.outcome("personal_statement", ps, name: "Personal statement.pdf", bytes: PDFFixtures.longText(characters: 4_000))?.status == .ok)
        let scanned = try Self.outcome("personal_statement", ps, name: "Personal statement.pdf", bytes: PDFFixtures.pdf([PDFFixtures.Page(text: nil)]))
        #expect(scanned?.status == .notEvaluable)
        #expect(scanned?.message.contains("no text layer") == true)
    }

    @Test("each file is inspected at most once, and only when a rule or the baseline check needs its content")
    func inspectedOnce() throws {
        let whole = PDFFixtures.pdf()
        let folder = try TemporaryFolder(contents: ["LoR - Dr A.pdf": whole, "LoR - Dr B.pdf": Array(whole.prefix(whole.count / 2)),
                                                    "CV_2026.pdf": whole])
        defer { folder.remove() }
        let applicant = try ApplicantFolderLoader(catalog: Fixture.knowledge.catalog, schemas: Fixture.knowledge.schemas).load(folder.path)
        let inspector = applicant.makeInspector()
        let context = EvaluationContext(asOf: CalendarDate(iso: "2026-12-01")!, profile: applicant.manifest.profile, hasManifest: false,
                                        catalog: Fixture.knowledge.catalog, documents: applicant.documents, inspector: inspector)
        let sizeOnly = try Fixture.load(Self.program("lor", #"<file maxBytes="1000000"/>"#))
        inspector.inspect(ClauseNeeds([sizeOnly]).contentPaths(in: context))
        // Both letters are PDFs a clause could count. The whole one ends cleanly (startxref, %%EOF,
        // no /Encrypt): the baseline check needs no parser. The cut one does not: it is opened
        // once, for the baseline check. The CV is not asked for, so it is not read.
        #expect(inspector.inspectionCount == 1)
        #expect(inspector.facts(of: FilePath("LoR - Dr B.pdf"))?.pdf?.state == .damaged)
        let strict = try Fixture.load(Self.program("lor", #"<file pageSize="letter"/>"#))
        inspector.inspect(ClauseNeeds([strict, strict]).contentPaths(in: context))
        inspector.inspect(ClauseNeeds([strict]).contentPaths(in: context))
        #expect(inspector.inspectionCount == 2)
        #expect(inspector.facts(of: FilePath("LoR - Dr A.pdf"))?.pdf?.pageCount == 1)
    }

    @Test("a PDF ends cleanly only with startxref and a final %%EOF, and no /Encrypt in its trailer")
    func pdfEndsCleanly() {
        let whole = PDFFixtures.pdf()
        #expect(FileInspector.endsCleanly(whole))
        #expect(FileInspector.endsCleanly(whole + Array("\r\n\n".utf8)))
        #expect(!FileInspector.endsCleanly(Array(whole.prefix(whole.count - 8))))
        #expect(!FileInspector.endsCleanly(Array("%PDF-1.4 garbage".utf8)))
        let encrypted = Array("trailer << /Size 9 /Root 1 0 R /Encrypt 8 0 R >>\nstartxref\n1234\n%%EOF\n".utf8)
        #expect(!FileInspector.endsCleanly(encrypted))
    }
}
