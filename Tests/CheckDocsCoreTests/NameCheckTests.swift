import Testing
@testable import CheckDocsCore

/// `<nameMatch>` end to end (docs/programs.md, `<nameMatch>`): maiden names with and without
/// a name-verification document, initials, another order, a name read from the PDF text layer.
@Suite struct NameCheckTests {
    static let program = Fixture.program("""
      <requirements>
        <require id="diploma" title="Diploma"><document type="diploma"><nameMatch/></document></require>
      </requirements>
    """)
    static let strict = Fixture.program("""
      <requirements>
        <require id="diploma" title="Diploma"><document type="diploma"><nameMatch allowAliases="false"/></document></require>
      </requirements>
    """)
    static let noNameRule = Fixture.program("""
      <requirements>
        <require id="diploma" title="Diploma"><document type="diploma"/></require>
      </requirements>
    """)

    static func manifest(diplomaName: String?, otherNames: String = "[]") -> String {
        """
        applicant:
          name: "Abena Kyerewaa Boadu"
          otherNames: \(otherNames)
        documents:
          "Passport_bio_page.pdf": {nameOnDocument: "Abena Kyerewaa Boadu"}
        \(diplomaName.map { "  \"Diploma.pdf\": {nameOnDocument: \"\($0)\"}" } ?? "")
        """
    }

    @Test("the passport name passes; accents and case do not matter")
    func same() throws {
        let files = ["Passport_bio_page.pdf", "Diploma.pdf"]
        #expect(try Fixture.evaluate(Self.program, files: files, manifest: Self.manifest(diplomaName: "ABENA KYERÉWAA BOADU")).status(of: "diploma") == .ok)
    }

    @Test("a maiden-name diploma passes only with a name-verification document")
    func maidenName() throws {
        let manifest = Self.manifest(diplomaName: "Abena Kyerewaa Mensah", otherNames: #"["Abena Kyerewaa Mensah"]"#)
        let without = try Fixture.evaluate(Self.program, files: ["Passport_bio_page.pdf", "Diploma.pdf"], manifest: manifest)
        #expect(without.status(of: "diploma") == .invalid)
        #expect(without.result("diploma")!.message.contains("name-verification document"))
        let with = try Fixture.evaluate(Self.program, files: ["Passport_bio_page.pdf", "Diploma.pdf", "Marriage_certificate.pdf"], manifest: manifest)
        #expect(with.status(of: "diploma") == .ok)
        let strict = try Fixture.evaluate(Self.strict, files: ["Passport_bio_page.pdf", "Diploma.pdf", "Marriage_certificate.pdf"], manifest: manifest)
        #expect(strict.status(of: "diploma") == .invalid)
        #expect(strict.result("diploma")!.message.contains("exactly"))
    }

    @Test("initials and another order are reported as discrepancies (not evaluable), never passed")
    func variants() throws {
        let files = ["Passport_bio_page.pdf", "Diploma.pdf"]
        let initials = try Fixture.evaluate(Self.program, files: files, manifest: Self.manifest(diplomaName: "A. K. Boadu"))
        #expect(initials.status(of: "diploma") == .notEvaluable)
        #expect(initials.result("diploma")!.message.contains("with initials"))
        let reversed = try Fixture.evaluate(Self.program, files: files, manifest: Self.manifest(diplomaName: "Boadu Abena Kyerewaa"))
        #expect(reversed.status(of: "diploma") == .notEvaluable)
        #expect(reversed.result("diploma")!.message.contains("in another order"))
        #expect(reversed.status == .notReady)
        // Declared as another name and bridged by a document, the variant passes.
        let declared = Self.manifest(diplomaName: "A. K. Boadu", otherNames: #"["A. K. Boadu"]"#)
        #expect(try Fixture.evaluate(Self.program, files: files + ["Name_change_affidavit.pdf"], manifest: declared).status(of: "diploma") == .ok)
    }

    @Test("a different name is invalid; an unrecorded one is not evaluable")
    func differentAndUnknown() throws {
        let files = ["Passport_bio_page.pdf", "Diploma.pdf"]
        let different = try Fixture.evaluate(Self.program, files: files, manifest: Self.manifest(diplomaName: "Kofi Mensah"))
        #expect(different.status(of: "diploma") == .invalid)
        #expect(different.result("diploma")!.message.contains("not the passport name"))
        let unknown = try Fixture.evaluate(Self.program, files: files, manifest: Self.manifest(diplomaName: nil))
        #expect(unknown.status(of: "diploma") == .notEvaluable)
        #expect(unknown.result("diploma")!.message.contains("nameOnDocument"))
        #expect(try Fixture.evaluate(Self.program, files: ["Diploma.pdf"]).status(of: "diploma") == .notEvaluable)
    }

    @Test("the name is read from the PDF text layer when the manifest does not give it")
    func textLayer() throws {
        let manifest = Self.manifest(diplomaName: nil)
        func diploma(_ text: String) -> [String: [UInt8]] {
            ["Diploma.pdf": PDFFixtures.pdf([PDFFixtures.Page(text: text)])]
        }
        let found = try Fixture.evaluate(Self.program, files: ["Passport_bio_page.pdf"], contents: diploma("Doctor of Medicine conferred on ABENA KYEREWAA BOADU"), manifest: manifest)
        #expect(found.status(of: "diploma") == .ok)
        let reversed = try Fixture.evaluate(Self.program, files: ["Passport_bio_page.pdf"], contents: diploma("Doctor of Medicine conferred on BOADU Abena Kyerewaa"), manifest: manifest)
        #expect(reversed.status(of: "diploma") == .notEvaluable)
        #expect(reversed.result("diploma")!.message.contains("another order"))
        let absent = try Fixture.evaluate(Self.program, files: ["Passport_bio_page.pdf"], contents: diploma("Doctor of Medicine conferred on Kofi Mensah"), manifest: manifest)
        #expect(absent.status(of: "diploma") == .notEvaluable)
        #expect(absent.result("diploma")!.message.contains("not in its text layer"))
    }

    @Test("a program without a nameMatch rule passes the same documents")
    func notAsked() throws {
        let files = ["Passport_bio_page.pdf", "Diploma.pdf"]
        #expect(try Fixture.evaluate(Self.noNameRule, files: files, manifest: Self.manifest(diplomaName: "Kofi Mensah")).status(of: "diploma") == .ok)
        #expect(try Fixture.evaluate(Self.noNameRule, files: files, manifest: Self.manifest(diplomaName: "A. K. Boadu")).status(of: "diploma") == .ok)
    }

    @Test("a transliterated name (issue 12): a discrepancy to verify with the name-verification hint, not another person")
    func transliterated() throws {
        let files = ["Passport_bio_page.pdf", "Diploma.pdf"]
        func manifest(passport: String, diploma: String) -> String {
            """
            applicant:
              name: "\(passport)"
            documents:
              "Passport_bio_page.pdf": {nameOnDocument: "\(passport)"}
              "Diploma.pdf": {nameOnDocument: "\(diploma)"}
            """
        }
        let respelled = try Fixture.evaluate(Self.program, files: files, manifest: manifest(passport: "Abd El-Rahman Youssef", diploma: "Abdelrahman Yousef"))
        #expect(respelled.status(of: "diploma") == .notEvaluable)
        let message = respelled.result("diploma")!.message
        #expect(message.contains("spelled differently (spacing, particles or transliteration)"))
        #expect(message.contains("list it under `applicant.otherNames` and add a name-verification document"))
        #expect(respelled.result("diploma")!.reason?.code == "name-variant")
        let other = try Fixture.evaluate(Self.program, files: files, manifest: manifest(passport: "Abd El-Rahman Youssef", diploma: "Abdelaziz Yousef"))
        #expect(other.status(of: "diploma") == .invalid)
    }
}
