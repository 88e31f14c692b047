import Testing
@testable import CheckDocsCore

/// `<translation>` (docs/programs.md): a document not in English needs a certified English
/// translation beside it, declared in the manifest or found by its name.
@Suite struct TranslationTests {
    static let program = Fixture.program("""
      <requirements>
        <require id="diploma" title="Diploma"><document type="diploma"><translation/></document></require>
      </requirements>
    """)
    static let noTranslationRule = Fixture.program("""
      <requirements>
        <require id="diploma" title="Diploma"><document type="diploma"/></require>
      </requirements>
    """)
    static let spanish = """
    documents:
      "Diploma.pdf": {language: "es"}
    """

    @Test("a Spanish diploma without a translation is invalid, and says so in words")
    func spanishWithout() throws {
        let result = try Fixture.evaluate(Self.program, files: ["Diploma.pdf"], manifest: Self.spanish)
        #expect(result.status(of: "diploma") == .invalid)
        let message = result.result("diploma")!.message
        #expect(message.contains("in Spanish; no certified English translation beside it"))
        #expect(message.contains("Diploma_EN.pdf"))
    }

    @Test("a Spanish diploma with a translation declared in the manifest is ok")
    func declared() throws {
        let manifest = """
        documents:
          "Diploma.pdf": {language: "es"}
          "Titulo traducido.pdf": {type: translation, translates: "./Diploma.pdf", certified: true}
        """
        let result = try Fixture.evaluate(Self.program, files: ["Diploma.pdf", "Titulo traducido.pdf"], manifest: manifest)
        #expect(result.status(of: "diploma") == .ok)
        #expect(result.result("diploma")!.files == [FilePath("Diploma.pdf")])
    }

    @Test("a translation marked certified: false does not do where a certified one is required")
    func uncertified() throws {
        let manifest = """
        documents:
          "Diploma.pdf": {language: "es"}
          "My translation.pdf": {type: translation, translates: "Diploma.pdf", certified: false}
        """
        let files = ["Diploma.pdf", "My translation.pdf"]
        let result = try Fixture.evaluate(Self.program, files: files, manifest: manifest)
        #expect(result.status(of: "diploma") == .invalid)
        #expect(result.result("diploma")!.message.contains("certified: false"))
        let lenient = Fixture.program(#"<requirements><require id="diploma" title="D"><document type="diploma"><translation certified="false"/></document></require></requirements>"#)
        #expect(try Fixture.evaluate(lenient, files: files, manifest: manifest).status(of: "diploma") == .ok)
    }

    @Test("a translation found by name: _EN, - translation, (English), _translation_EN, translated_",
          arguments: ["Diploma_EN.pdf", "Diploma - translation.pdf", "Diploma (English).pdf", "Diploma_translation_EN.pdf",
                      "translated_diploma.pdf", "DIPLOMA certified translation.pdf"])
    func foundByName(_ companion: String) throws {
        let result = try Fixture.evaluate(Self.program, files: ["Diploma.pdf", companion], manifest: Self.spanish)
        #expect(result.status(of: "diploma") == .ok, "\(companion)")
        #expect(result.result("diploma")!.files == [FilePath("Diploma.pdf")])
    }

    @Test("name pairing: same folder only, a marker is needed, and other words are not markers")
    func pairing() throws {
        let pairing = TranslationPairing(catalog: Fixture.knowledge.catalog)
        let paths = ["Diploma.pdf", "Diploma_EN.pdf", "other/Diploma (English).pdf", "Diploma copy.pdf",
                     "LoR - Dr Smith.pdf", "LoR - Dr Smith signed.pdf", "Transcript 2026-11-10.pdf", "Transcript 2026-11-10 EN.pdf"].map(FilePath.init)
        let pairs = pairing.originals(of: paths)
        #expect(pairs[FilePath("Diploma_EN.pdf")] == FilePath("Diploma.pdf"))
        #expect(pairs[FilePath("Transcript 2026-11-10 EN.pdf")] == FilePath("Transcript 2026-11-10.pdf"))
        #expect(pairs[FilePath("other/Diploma (English).pdf")] == nil)
        #expect(pairs[FilePath("Diploma copy.pdf")] == nil)
        #expect(pairs[FilePath("LoR - Dr Smith signed.pdf")] == nil)
        #expect(pairs.count == 2)
    }

    @Test("a folder of translations: its files translate those named alike above it, or in the one folder beside it")
    func translationFolder() throws {
        let pairing = TranslationPairing(catalog: Fixture.knowledge.catalog)
        let paths = ["Diploma.pdf", "translations/Diploma.pdf", "Transcript 2026-11-10.pdf", "English/Transcript 2026-11-10 EN.pdf",
                     "Good standing/originals/Letter.pdf", "Good standing/Traducciones/Letter.pdf",
                     "a/CV.pdf", "b/CV.pdf", "translations/CV.pdf", "Scans/Diploma.pdf"].map(FilePath.init)
        let pairs = pairing.originals(of: paths)
        #expect(pairs[FilePath("translations/Diploma.pdf")] == FilePath("Diploma.pdf"))
        #expect(pairs[FilePath("English/Transcript 2026-11-10 EN.pdf")] == FilePath("Transcript 2026-11-10.pdf"))
        #expect(pairs[FilePath("Good standing/Traducciones/Letter.pdf")] == FilePath("Good standing/originals/Letter.pdf"))
        // Two folders beside it have a CV: which one it translates is not guessed.
        #expect(pairs[FilePath("translations/CV.pdf")] == nil)
        #expect(pairs[FilePath("Scans/Diploma.pdf")] == nil)
        #expect(pairs.count == 3, "\(pairs)")
        let result = try Fixture.evaluate(Self.program, files: ["Diploma.pdf", "translations/Diploma.pdf"], manifest: Self.spanish)
        #expect(result.status(of: "diploma") == .ok)
        #expect(result.result("diploma")!.files == [FilePath("Diploma.pdf")])
    }

    @Test("a file paired by name is a translation, not a second diploma")
    func pairedIsTranslation() throws {
        let folder = try TemporaryFolder(files: ["Diploma.pdf", "Diploma_EN.pdf"])
        defer { folder.remove() }
        let loaded = try ApplicantFolderLoader(catalog: Fixture.knowledge.catalog, schemas: Fixture.knowledge.schemas).load(folder.path)
        let companion = loaded.documents.first { $0.path == FilePath("Diploma_EN.pdf") }!
        #expect(companion.type == "translation")
        #expect(companion.facts.translates == FilePath("Diploma.pdf"))
    }

    @Test("an English document passes; an unknown language is not evaluable only where translations are required")
    func englishAndUnknown() throws {
        let english = """
        documents:
          "Diploma.pdf": {language: "en"}
        """
        #expect(try Fixture.evaluate(Self.program, files: ["Diploma.pdf"], manifest: english).status(of: "diploma") == .ok)
        let unknown = try Fixture.evaluate(Self.program, files: ["Diploma.pdf"])
        #expect(unknown.status(of: "diploma") == .notEvaluable)
        #expect(unknown.result("diploma")!.message.contains("`language:`"))
        #expect(try Fixture.evaluate(Self.program, files: ["Diploma.pdf", "Diploma_EN.pdf"]).status(of: "diploma") == .ok)
        #expect(try Fixture.evaluate(Self.noTranslationRule, files: ["Diploma.pdf"]).status(of: "diploma") == .ok)
        #expect(try Fixture.evaluate(Self.noTranslationRule, files: ["Diploma.pdf"], manifest: Self.spanish).status(of: "diploma") == .ok)
    }

    @Test("a declared translation into another language does not count; a translates path that is not there is a warning")
    func wrongLanguageAndDangling() throws {
        let manifest = """
        documents:
          "Diploma.pdf": {language: "es"}
          "Traduction.pdf": {type: translation, translates: "Diploma.pdf", language: "fr"}
          "Orphan translation.pdf": {type: translation, translates: "Gone.pdf"}
        """
        let files = ["Diploma.pdf", "Traduction.pdf", "Orphan translation.pdf"]
        #expect(try Fixture.evaluate(Self.program, files: files, manifest: manifest).status(of: "diploma") == .invalid)
        let folder = try TemporaryFolder(files: files, manifest: manifest)
        defer { folder.remove() }
        let loaded = try ApplicantFolderLoader(catalog: Fixture.knowledge.catalog, schemas: Fixture.knowledge.schemas).load(folder.path)
        #expect(loaded.diagnostics.contains { $0.code == .translationWithoutOriginal && $0.path == "Orphan translation.pdf" })
    }
}
