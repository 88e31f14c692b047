import Testing
@testable import CheckDocsCore

/// `<issuer>` (docs/programs.md, `<issuer>`) against the manifest's `form`, `issuer`, `signed`,
/// `letterhead`.
@Suite struct IssuerTests {
    static let form = Fixture.program("""
      <requirements>
        <require id="form" title="Immunization form"><document type="immunization_form_aamc"><issuer form="aamc-standardized" signed="true"/></document></require>
      </requirements>
    """)
    static let letter = Fixture.program("""
      <requirements>
        <require id="bls" title="BLS"><document type="bls"><issuer organization="American Heart Association"/></document></require>
        <require id="logs" title="Good standing"><document type="good_standing"><issuer signed="true" letterhead="true"/></document></require>
      </requirements>
    """)
    static let formFile = "AAMC_immunization_form.pdf"

    static func entry(_ facts: String) -> String {
        "documents:\n  \"\(formFile)\": {\(facts)}\n"
    }

    @Test("the AAMC Standardized form, signed: ok; another form or unsigned: invalid")
    func formAndSigned() throws {
        #expect(try Fixture.evaluate(Self.form, files: [Self.formFile], manifest: Self.entry("form: aamc-standardized, signed: true")).status(of: "form") == .ok)
        let other = try Fixture.evaluate(Self.form, files: [Self.formFile], manifest: Self.entry("form: host-own-form, signed: true"))
        #expect(other.status(of: "form") == .invalid)
        #expect(other.result("form")!.message.contains("AAMC Standardized Immunization Form"))
        let unsigned = try Fixture.evaluate(Self.form, files: [Self.formFile], manifest: Self.entry("form: aamc-standardized, signed: false"))
        #expect(unsigned.status(of: "form") == .invalid)
        #expect(unsigned.result("form")!.message.contains("not signed"))
    }

    @Test("a fact the manifest does not give is not evaluable, naming the fields to add")
    func unknownFacts() throws {
        let result = try Fixture.evaluate(Self.form, files: [Self.formFile])
        #expect(result.status(of: "form") == .notEvaluable)
        let message = result.result("form")!.message
        #expect(message.contains("`form: aamc-standardized` and `signed:`"))
        let partly = try Fixture.evaluate(Self.form, files: [Self.formFile], manifest: Self.entry("form: aamc-standardized"))
        #expect(partly.status(of: "form") == .notEvaluable)
        #expect(partly.result("form")!.message.contains("whether it is signed"))
    }

    @Test("organization: the issuer must name it, case and accents aside; letterhead is checked like signed")
    func organizationAndLetterhead() throws {
        let manifest = """
        documents:
          "BLS_card.pdf": {issuer: "AMERICAN HEART ASSOCIATION (AHA), Dallas"}
          "Good_standing_letter.pdf": {signed: true, letterhead: false}
        """
        let files = ["BLS_card.pdf", "Good_standing_letter.pdf"]
        let result = try Fixture.evaluate(Self.letter, files: files, manifest: manifest)
        #expect(result.status(of: "bls") == .ok)
        #expect(result.status(of: "logs") == .invalid)
        #expect(result.result("logs")!.message.contains("not on letterhead"))
        let redCross = """
        documents:
          "BLS_card.pdf": {issuer: "American Red Cross"}
        """
        let other = try Fixture.evaluate(Self.letter, files: files, manifest: redCross)
        #expect(other.status(of: "bls") == .invalid)
        #expect(other.result("bls")!.message.contains("American Red Cross"))
        #expect(other.status(of: "logs") == .notEvaluable)
    }

    @Test("a program that does not ask about the issuer passes the same files")
    func notAsked() throws {
        let xml = Fixture.program(#"<requirements><require id="form" title="Form"><document type="immunization_form_aamc"/></require></requirements>"#)
        #expect(try Fixture.evaluate(xml, files: [Self.formFile], manifest: Self.entry("form: host-own-form, signed: false")).status(of: "form") == .ok)
        #expect(try Fixture.evaluate(xml, files: [Self.formFile]).status(of: "form") == .ok)
    }
}
