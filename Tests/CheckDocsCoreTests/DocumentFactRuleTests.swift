import Testing
@testable import CheckDocsCore
import CheckDocsNative

/// What a document is (`subtype`), says (`states`) and amounts to (`amount`): issue 14, items
/// 5–7 (docs/programs.md, "subtype", "states", "amount" and `<when>`; docs/manifest.md).
@Suite struct DocumentFactRuleTests {
    // MARK: Subtypes

    static let tdapOnly = Fixture.program("""
      <requirements>
        <require id="tdap" title="Tdap within 10 years; a Td does not count">
          <document type="tdap"><subtype only="tdap"/><window anchor="rotation-start" within="10" unit="years"/></document>
        </require>
      </requirements>
    """)
    static let tdFile = "Td booster 2024-05-02.pdf"

    @Test("a Td against a Tdap-only rule is invalid, by its name or its manifest entry; a Tdap passes; a tetanus shot of unknown subtype is not-evaluable")
    func tdAgainstTdap() throws {
        // The catalog files a Td under the tdap type; its name says it is a Td.
        let byName = try Fixture.evaluate(Self.tdapOnly, files: [Self.tdFile])
        #expect(byName.status(of: "tdap") == .invalid)
        #expect(byName.result("tdap")!.message == "Td booster 2024-05-02.pdf: its subtype is td, which does not count; only tdap counts")
        #expect(byName.result("tdap")!.reason?.code == "subtype-excluded")

        let other = "Tetanus 2024-05-02.pdf"
        let td = try Fixture.evaluate(Self.tdapOnly, files: [other], manifest: "documents:\n  \"\(other)\": {subtype: td}\n")
        #expect(td.status(of: "tdap") == .invalid)

        // The manifest wins over the name.
        let tdap = try Fixture.evaluate(Self.tdapOnly, files: [Self.tdFile], manifest: "documents:\n  \"\(Self.tdFile)\": {subtype: tdap}\n")
        #expect(tdap.status(of: "tdap") == .ok)
        #expect(try Fixture.evaluate(Self.tdapOnly, files: ["Boostrix 2024-05-02.pdf"]).status(of: "tdap") == .ok)

        let unknown = try Fixture.evaluate(Self.tdapOnly, files: [other])
        #expect(unknown.status(of: "tdap") == .notEvaluable)
        #expect(unknown.result("tdap")!.message == "Tetanus 2024-05-02.pdf: its subtype is not recorded and its name does not say it; only tdap counts (add `subtype:` to its manifest entry)")
        #expect(unknown.result("tdap")!.reason?.code == "subtype-unknown")
    }

    @Test("a name that says two subtypes says none; not=\"td\" refuses a Td and takes a Tdap")
    func excludedSubtype() throws {
        let xml = Fixture.program("""
          <requirements><require id="tdap" title="Tdap"><document type="tdap"><subtype not="td"/></document></require></requirements>
        """)
        #expect(try Fixture.evaluate(xml, files: ["Td 2024-05-02.pdf"]).status(of: "tdap") == .invalid)
        #expect(try Fixture.evaluate(xml, files: ["Tdap 2024-05-02.pdf"]).status(of: "tdap") == .ok)
        #expect(try Fixture.evaluate(xml, files: ["Tdap or Td 2024-05-02.pdf"]).status(of: "tdap") == .notEvaluable)
    }

    @Test("a subtype the type does not declare is an error: in a program, and in the manifest with its pointer")
    func undeclaredSubtypes() throws {
        for body in [#"<document type="tdap"><subtype only="tdpa"/></document>"#, #"<document type="tb_test"><subtype not="ppd"/></document>"#] {
            let xml = Fixture.program(#"<requirements><require id="r" title="R">\#(body)</require></requirements>"#)
            #expect(throws: (any Error).self) { try Fixture.load(xml) }
        }
        // A tightening of an inherited requirement too.
        let tightened = Fixture.program(#"<requirements><tighten ref="tdap"><subtype only="tdpa"/></tighten></requirements>"#,
                                        extends: #"<extends checklist="visiting-elective"/>"#)
        #expect(throws: (any Error).self) { try Fixture.load(tightened) }
        let fine = Fixture.program(#"<requirements><tighten ref="tdap"><subtype only="tdap"/></tighten></requirements>"#,
                                   extends: #"<extends checklist="visiting-elective"/>"#)
        #expect(try Fixture.evaluate(fine, files: ["Td booster 2024-05-02.pdf"]).status(of: "tdap") == .invalid)
        let folder = try TemporaryFolder(files: [Self.tdFile], manifest: "documents:\n  \"\(Self.tdFile)\": {subtype: dtap}\n")
        defer { folder.remove() }
        let loader = ApplicantFolderLoader(catalog: Fixture.knowledge.catalog, schemas: Fixture.knowledge.schemas)
        #expect {
            _ = try loader.load(folder.path)
        } throws: { error in
            "\(error)".contains("/documents/\(Self.tdFile)/subtype") && "\(error)".contains("the subtypes of tdap are tdap, td")
        }
    }

    @Test("a subtype rule with neither only nor not, or a subtype in both, is an error with its place")
    func impossibleSubtypeRules() throws {
        for body in [#"<subtype/>"#, #"<subtype only="td tdap" not="td"/>"#] {
            let xml = Fixture.program(#"<requirements><require id="r" title="R"><document type="tdap">\#(body)</document></require></requirements>"#)
            #expect(throws: (any Error).self) { try Fixture.load(xml) }
        }
    }

    @Test("explain of a type lists its subtypes and the words that say them")
    func explainListsSubtypes() throws {
        let tdap = try #require(Fixture.knowledge.catalog["tdap"])
        #expect(Explanation.type(tdap, knowledge: Fixture.knowledge).contains("subtypes (manifest `subtype:`): tdap (tdap, boostrix, adacel, dtpa); td (td, tenivac)"))
        let cv = try #require(Fixture.knowledge.catalog["cv"])
        #expect(!Explanation.type(cv, knowledge: Fixture.knowledge).contains("subtypes"))
    }

    // MARK: Statements

    static let deanLetter = Fixture.program("""
      <requirements>
        <require id="dean" title="Dean's letter confirming final year and class rank">
          <document type="good_standing" states="final-year class-rank"/>
        </require>
      </requirements>
    """)
    static let letterFile = "Dean support letter.pdf"

    @Test("states: all stated is ok; one not stated is invalid naming it; nothing recorded is not-evaluable naming `states`")
    func documentStates() throws {
        func run(_ facts: String?) throws -> ProgramResult {
            try Fixture.evaluate(Self.deanLetter, files: [Self.letterFile],
                                 manifest: facts.map { "documents:\n  \"\(Self.letterFile)\": {\($0)}\n" })
        }
        #expect(try run("states: [final-year, class-rank, instruction-in-english]").status(of: "dean") == .ok)
        let partial = try run("states: [final-year]")
        #expect(partial.status(of: "dean") == .invalid)
        #expect(partial.result("dean")!.message.contains("it does not state class-rank"))
        #expect(partial.result("dean")!.reason?.fields.contains(FindingReason.Field(key: "missing", value: .strings(["class-rank"]))) == true)
        let none = try run(nil)
        #expect(none.status(of: "dean") == .notEvaluable)
        #expect(none.result("dean")!.message.contains("add `states:` to its manifest entry"))
        // A known empty list is not unknown: the letter is known to state nothing.
        #expect(try run("states: []").status(of: "dean") == .invalid)
    }

    static let waivedByLetter = Fixture.program("""
      <requirements>
        <require id="english" title="English test unless the dean's letter states English instruction">
          <when documentType="good_standing" states="instruction-in-english"/>
          <document type="medium_of_instruction"/>
        </require>
      </requirements>
    """)

    @Test("when documentType/states: holds when a document states it, not applicable when none does, not-evaluable naming the file's `states` when unknown")
    func conditionOnStatement() throws {
        func run(_ facts: String?, files: [String] = [Self.letterFile]) throws -> RequirementResult {
            try Fixture.evaluate(Self.waivedByLetter, files: files,
                                 manifest: facts.map { "documents:\n  \"\(Self.letterFile)\": {\($0)}\n" }).result("english")!
        }
        let holds = try run("states: [instruction-in-english]")
        #expect(holds.status == .missing)
        let fails = try run("states: [final-year]")
        #expect(fails.status == .notApplicable)
        #expect(fails.message == "applies only if a good_standing document states instruction-in-english")
        #expect(try run(nil, files: []).status == .notApplicable)
        let unknown = try run(nil)
        #expect(unknown.status == .notEvaluable)
        #expect(unknown.message.contains("set `documents[\"\(Self.letterFile)\"].states` in the manifest to decide"))
    }

    @Test("a when with documentType but no states, or an unknown type, is an error")
    func impossibleCondition() throws {
        for when in [#"<when documentType="good_standing"/>"#, #"<when states="final-year"/>"#, #"<when documentType="dean_leter" states="final-year"/>"#] {
            let xml = Fixture.program(#"<requirements><require id="r" title="R">\#(when)<document type="cv"/></require></requirements>"#)
            #expect(throws: (any Error).self) { try Fixture.load(xml) }
        }
    }

    // MARK: Amounts

    static let liability = Fixture.program("""
      <requirements>
        <require id="liability" title="Liability coverage of at least $100,000 per claim and $300,000 aggregate">
          <document type="malpractice_insurance">
            <amount name="per-incident" atLeast="100000" currency="USD"/>
            <amount name="aggregate" atLeast="300000" currency="USD"/>
          </document>
        </require>
      </requirements>
    """)
    static let policyFile = "Malpractice COI.pdf"

    func liability(_ facts: String?) throws -> RequirementResult {
        try Fixture.evaluate(Self.liability, files: [Self.policyFile],
                             manifest: facts.map { "documents:\n  \"\(Self.policyFile)\": {\($0)}\n" }).result("liability")!
    }

    @Test("amounts: enough in the currency is ok; too little is invalid with both figures")
    func amountsChecked() throws {
        #expect(try liability(#"amounts: {per-incident: "1000000 USD", aggregate: "3000000 USD"}"#).status == .ok)
        let low = try liability(#"amounts: {per-incident: "100000 USD", aggregate: "250000.50 USD"}"#)
        #expect(low.status == .invalid)
        #expect(low.message.contains("the aggregate amount is 250,000.50 USD; at least 300,000 USD is required"))
        #expect(low.reason?.code == "amount-below")
    }

    @Test("an amount in another currency is not-evaluable: no exchange rate is guessed")
    func otherCurrency() throws {
        let euros = try liability(#"amounts: {per-incident: "5000000 EUR", aggregate: "9000000 EUR"}"#)
        #expect(euros.status == .notEvaluable)
        #expect(euros.message.contains("no exchange rate is guessed"))
        #expect(euros.reason?.code == "other-currency")
    }

    @Test("an amount not recorded is not-evaluable naming `amounts`; coverage is checked as the same amounts")
    func coverageIsChecked() throws {
        let none = try liability(nil)
        #expect(none.status == .notEvaluable)
        #expect(none.message.contains("add `amounts: {per-incident: \"… USD\"}` to its manifest entry"))
        // `coverage` was recorded and never checked before: now its limits are the amounts.
        #expect(try liability(#"coverage: {perIncident: 1000000, aggregate: 3000000, currency: "USD"}"#).status == .ok)
        #expect(try liability(#"coverage: {perIncident: 50000, aggregate: 3000000, currency: "USD"}"#).status == .invalid)
        let noCurrency = try liability(#"coverage: {perIncident: 1000000, aggregate: 3000000}"#)
        #expect(noCurrency.status == .notEvaluable)
        #expect(noCurrency.message.contains("add `coverage.currency`"))
    }

    @Test("a coverage limit too large for cents is still worded (the manifest's coverage numbers have no upper bound)")
    func hugeCoverage() throws {
        let huge = try liability(#"coverage: {perIncident: 1e300, aggregate: 1e300, currency: "EUR"}"#)
        #expect(huge.status == .notEvaluable)
        #expect(huge.message.contains("the per-incident amount is 1e+300 EUR"))
    }

    @Test("a fee receipt of $150 in cents passes")
    func feeReceipt() throws {
        let xml = Fixture.program(#"<requirements><require id="fee" title="Fee"><document type="fee_receipt"><amount name="paid" atLeast="150" currency="USD"/></document></require></requirements>"#)
        let file = "Application fee receipt.pdf"
        #expect(try Fixture.evaluate(xml, files: [file], manifest: "documents:\n  \"\(file)\": {amounts: {paid: \"150.00 USD\"}}\n").status(of: "fee") == .ok)
        #expect(try Fixture.evaluate(xml, files: [file], manifest: "documents:\n  \"\(file)\": {amounts: {paid: \"149.99 USD\"}}\n").status(of: "fee") == .invalid)
    }

    @Test("manifest: a statement stated twice, a bad amount name, an amount without currency, or coverage given twice is an error")
    func impossibleManifestFacts() throws {
        let loader = ManifestLoader(schemas: Fixture.knowledge.schemas, catalog: Fixture.knowledge.catalog)
        let bad = [
            #"{"documents": {"a.pdf": {"states": ["final-year", "final-year"]}}}"#,
            #"{"documents": {"a.pdf": {"amounts": {"Per Claim": "1 USD"}}}}"#,
            #"{"documents": {"a.pdf": {"amounts": {"paid": "150"}}}}"#,
            #"{"documents": {"a.pdf": {"amounts": {"paid": "150 usd"}}}}"#,
            #"{"documents": {"a.pdf": {"subtype": "Td"}}}"#,
            #"{"documents": {"a.pdf": {"amounts": {"aggregate": "1 USD"}, "coverage": {"aggregate": 1, "currency": "USD"}}}}"#,
        ]
        for json in bad {
            #expect(throws: InputErrors.self, "\(json)") { try loader.decode(Array(json.utf8), file: "checkdocs.json") }
        }
        let good = try loader.decode(Array(#"{"documents": {"a.pdf": {"amounts": {"per-claim": "100000 USD"}, "states": ["class-rank"], "subtype": "tdap"}}}"#.utf8), file: "checkdocs.json")
        let facts = good.documents[FilePath("a.pdf")]!.facts
        #expect(facts.amounts["per-claim"] == Money(value: 100000, currency: "USD", field: "amounts.per-claim"))
        #expect(facts.statements == Statements(["class-rank"], source: .manifest))
        #expect(facts.subtype == "tdap")
    }
}
