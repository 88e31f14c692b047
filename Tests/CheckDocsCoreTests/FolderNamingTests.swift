import Testing
import CheckDocsNative
@testable import CheckDocsCore

/// What real folders hold beside the documents, and names that said the wrong type: a system's
/// leftovers, passport-size photos, an HBsAg test, a manifest date the file's new name
/// contradicts (README.md, "The applicant folder"; docs/reports.md, `name-date-differs`).
@Suite struct FolderNamingTests {
    static func load(_ files: [String], manifest: String? = nil) throws -> ApplicantFolder {
        let folder = try TemporaryFolder(files: files, manifest: manifest)
        defer { folder.remove() }
        return try ApplicantFolderLoader(catalog: Fixture.knowledge.catalog, schemas: Fixture.knowledge.schemas).load(folder.path)
    }

    @Test("Thumbs.db, desktop.ini and Office's ~$ lock files are not documents, nor unrecognized files")
    func systemLeftovers() throws {
        let folder = try Self.load(["Thumbs.db", "desktop.ini", "~$CV.docx", "CV.pdf"])
        #expect(folder.documents.map(\.type) == ["cv"])
        #expect(folder.unrecognized.isEmpty && folder.ambiguous.isEmpty, "\(folder.unrecognized)")
    }

    @Test("passport-size photos are photos; an HBsAg test is no hepatitis B immunity", arguments: [
        ("passport_pic.jpg", "photo"), ("pp size photo.jpg", "photo"), ("Photo for passport.jpg", "photo"),
        ("photo white background passport size.jpg", "photo"),
    ])
    func photos(name: String, type: String) throws {
        #expect(try Self.load([name]).documents.map(\.type) == [type])
    }

    @Test("an HBsAg (infection) test is not classified as hepatitis B immunity")
    func hbsag() throws {
        #expect(try Self.load(["HBsAg negative 2026-10-01.pdf"]).documents.map(\.type) != ["hepb"])
    }

    @Test("a manifest date that the file's name contradicts is used, and noted as name-date-differs")
    func manifestAgainstName() throws {
        let manifest = "documents:\n  \"Health insurance exp 2027-03-31.pdf\": {expires: \"2027-12-31\"}\n"
        let folder = try Self.load(["Health insurance exp 2027-03-31.pdf"], manifest: manifest)
        #expect(folder.documents.first?.facts.expires == CalendarDate(iso: "2027-12-31"))
        let note = try #require(folder.diagnostics.first { $0.code == .nameDateDiffers })
        #expect(note.message.contains("expires 2027-12-31, the name 2027-03-31"), "\(note.message)")
        // Agreeing, or the name giving none: no note.
        let same = try Self.load(["Health insurance exp 2027-12-31.pdf"],
                                 manifest: "documents:\n  \"Health insurance exp 2027-12-31.pdf\": {expires: \"2027-12-31\"}\n")
        #expect(!same.diagnostics.contains { $0.code == .nameDateDiffers })
    }

    @Test("an impossible date in a name is said, even beside real ones: a dose list that lost one of its days")
    func impossibleDateNoted() throws {
        let folder = try Self.load(["HepB vaccine 2000-01-15 2000-02-30 2000-07-15.pdf"])
        #expect(folder.documents.first?.facts.doses == ["2000-01-15", "2000-07-15"].compactMap { CalendarDate(iso: $0) })
        let note = try #require(folder.diagnostics.first { $0.code == .impossibleDate })
        #expect(note.message.contains("2000-02-30") && note.level == .warning, "\(note.message)")
        // Given in the manifest, the name's dates are not used: no note.
        let stated = try Self.load(["HepB vaccine 2000-01-15 2000-02-30 2000-07-15.pdf"], manifest: """
            documents:
              "HepB vaccine 2000-01-15 2000-02-30 2000-07-15.pdf": {doses: ["2000-01-15", "2000-03-01", "2000-07-15"]}
            """)
        #expect(!stated.diagnostics.contains { $0.code == .impossibleDate })
    }

    @Test("an entry whose sha256 is not its file's is noted as file-changed, naming the facts it gives; the file's own sha256 is not")
    func replacedUnderItsName() throws {
        let own = SHA256.hex(TemporaryFolder.sample(named: "TB_test.pdf"))
        let other = String(repeating: "ab", count: 32)
        for (recorded, noted) in [(own, false), (other, true)] {
            let manifest = "documents:\n  TB_test.pdf: {type: tb_igra, date: \"2025-10-01\", result: negative, sha256: \"\(recorded)\"}\n"
            let folder = try Self.load(["TB_test.pdf"], manifest: manifest)
            let notes = folder.diagnostics.filter { $0.code == .fileChanged }
            #expect(notes.count == (noted ? 1 : 0), "\(notes)")
            // The entry's facts are used all the same, as every manifest fact is.
            #expect(folder.documents.first?.facts.date == CalendarDate(iso: "2025-10-01"))
            if let note = notes.first {
                #expect(note.path == "TB_test.pdf")
                #expect(note.message.contains("(sha256 abababababab... there, \(own.prefix(12))... now)"), "\(note.message)")
                #expect(note.message.contains("the facts the entry gives (date, result) may be an earlier file's"), "\(note.message)")
            }
        }
    }

    @Test("init --update rewrites a digest only where it occurs once in the entry's lines, byte for byte elsewhere")
    func digestRewrittenInPlace() {
        let text = "documents:\r\n  a.pdf: {type: cv, sha256: \"aa\"}  # mine\r\n  b.pdf:\r\n    sha256: \"aa\"\r\n"
        var lines = SourceLines(text)
        let first = lines.replaceOnce("aa", with: "bb", in: 2..<3)
        #expect(first)
        #expect(lines.text == "documents:\r\n  a.pdf: {type: cv, sha256: \"bb\"}  # mine\r\n  b.pdf:\r\n    sha256: \"aa\"\r\n")
        let second = lines.replaceOnce("aa", with: "cc", in: 3..<5)
        #expect(second)
        #expect(lines.text == "documents:\r\n  a.pdf: {type: cv, sha256: \"bb\"}  # mine\r\n  b.pdf:\r\n    sha256: \"cc\"\r\n")
        var twice = SourceLines("  x: {note: aa, sha256: aa}\n")
        let ambiguous = twice.replaceOnce("aa", with: "bb", in: 1..<2)
        #expect(!ambiguous)
        #expect(twice.text == "  x: {note: aa, sha256: aa}\n")
        let absent = twice.replaceOnce("zz", with: "bb", in: 1..<2)
        #expect(!absent)
    }

    @Test("a manifest key names its file in another Unicode form (macOS's decomposed é): matched; an exact name wins over it")
    func keyInAnotherUnicodeForm() throws {
        let decomposed = "Documento Me\u{301}dico.pdf", composed = "Documento M\u{E9}dico.pdf"
        #expect(Array(decomposed.utf8) != Array(composed.utf8))
        let manifest = "documents:\n  \"\(composed)\": {type: diploma, date: \"2020-06-30\"}\n"
        let folder = try Self.load([decomposed], manifest: manifest)
        let document = try #require(folder.documents.first)
        #expect(document.path.bytes == Array(decomposed.utf8))
        #expect(document.type == "diploma" && document.classifiedBy == .manifest)
        #expect(document.facts.date == CalendarDate(iso: "2020-06-30"))
        // A translation's `translates:` names its original across the two forms as well.
        let translated = manifest + "  \"Translation.pdf\": {type: translation, translates: \"\(composed)\", language: en}\n"
        let pair = try Self.load([decomposed, "Translation.pdf"], manifest: translated)
        #expect(pair.documents.first { $0.type == "translation" }?.facts.translates?.bytes == Array(decomposed.utf8))
        #expect(!pair.diagnostics.contains { $0.code == .translationWithoutOriginal }, "\(pair.diagnostics)")
        // Both forms on disk (two files to Linux): the entry is the one spelled as it is.
        let both = try Self.load([decomposed, composed], manifest: manifest)
        #expect(both.documents.map { $0.path.bytes } == [Array(composed.utf8)], "\(both.documents.map(\.path))")
    }

    @Test("a missing document that an ambiguous file may be: the message names the file once, after every alternative; the reason lists it")
    func missingButAmbiguous() throws {
        let program = Fixture.program("""
          <requirements>
            <require id="tb" title="TB test"><anyOf><document type="tb_igra"/><document type="tb_ppd"/></anyOf></require>
            <require id="cv" title="CV"><document type="cv"/></require>
          </requirements>
        """)
        let ambiguous = "TB PPD and QuantiFERON 2026-11-02.pdf"
        let result = try Fixture.evaluate(program, files: [ambiguous])
        #expect(result.status(of: "tb") == .missing)
        let message = result.result("tb")!.message
        #expect(message.hasSuffix("; \"\(ambiguous)\" may be one of these: its name fits several types, so give its `type:` in checkdocs.yaml"),
                "\(message)")
        #expect(message.components(separatedBy: ambiguous).count == 2, "\(message)")
        #expect(result.result("tb")!.reason?.fields.contains { $0.key == "couldBe" && $0.value == .strings([ambiguous]) } == true)
        // A requirement the file cannot be is worded as before.
        #expect(result.result("cv")!.message == "no Curriculum vitae found")
        #expect(result.result("cv")!.reason?.fields.contains { $0.key == "couldBe" } == false)
    }
}
