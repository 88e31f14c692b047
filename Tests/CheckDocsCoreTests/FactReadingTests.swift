import Foundation
import Testing
@testable import CheckDocsCore

/// Facts read from typed PDFs' text decide where the manifest is silent, the manifest always wins,
/// and `--facts manifest` turns reading off (docs/inspection.md, "Facts read from documents").
@Suite struct FactReadingTests {
    static let program = Fixture.program(#"<requirements><require id="passport" title="Passport"><document type="passport"><validThrough anchor="rotation-end" margin="6" unit="months"/></document></require></requirements>"#)
    static let asOf = CalendarDate(iso: "2026-12-01")!

    static func check(_ text: String, manifest: String? = nil, readFacts: Bool = true) throws -> ReadinessReport {
        var contents: [String: [UInt8]] = ["Passport scan.pdf": PDFFixtures.pdf([PDFFixtures.Page(text: text)]),
                                           "programs/test.xml": Array(Self.program.utf8)]
        if let manifest { contents["checkdocs.yaml"] = Array(manifest.utf8) }
        let folder = try TemporaryFolder(contents: contents)
        defer { folder.remove() }
        var request = CheckRequest(folder: folder.path, asOf: Self.asOf)
        request.readFacts = readFacts
        return try ReadinessChecker.check(request, knowledge: Fixture.knowledge)
    }

    static func passport(_ report: ReadinessReport) -> RequirementResult? {
        report.programs.first?.requirements.first { $0.id == "passport" }
    }

    @Test("a labelled expiry in the text layer decides validThrough, and the message names the evidence")
    func readExpiryDecides() throws {
        let report = try Self.check("Passport. Date of issue: 2022-05-20. Date of expiry: 2032-05-19.")
        let result = try #require(Self.passport(report))
        #expect(result.status == .ok)
        #expect(result.message.contains("expiry date 2032-05-19 (read from Passport scan.pdf, page 1, text layer)"))
        let fact = try #require(report.summary.facts.first { $0.fact == .expiryDate })
        #expect(fact.use == .decides)
        #expect(fact.evidence.contains("Date of expiry: 2032-05-19"))
        // Without reading, the same folder cannot decide.
        #expect(Self.passport(try Self.check("Passport. Date of expiry: 2032-05-19.", readFacts: false))?.status == .notEvaluable)
        #expect(try Self.check("Passport. Date of expiry: 2032-05-19.", readFacts: false).summary.facts.isEmpty)
    }

    @Test("a folder whose facts were read still words its rules into the batch's shared texts")
    func readingKeepsSharedRuleTexts() throws {
        let folder = try TemporaryFolder(contents: [
            "Passport scan.pdf": PDFFixtures.pdf([PDFFixtures.Page(text: "Passport. Date of expiry: 2032-05-19.")]),
            "programs/test.xml": Array(Self.program.utf8),
        ])
        defer { folder.remove() }
        var request = CheckRequest(folder: folder.path, asOf: Self.asOf)
        let texts = RuleTexts()
        request.ruleTexts = texts
        let report = try ReadinessChecker.check(request, knowledge: Fixture.knowledge)
        #expect(report.summary.facts.contains { $0.fact == .expiryDate && $0.use == .decides })
        // The reading rebuilt the evaluation context; the rule is still worded through the shared texts.
        #expect(Self.passport(report)?.rule?.isEmpty == false)
        #expect(texts.count == 1)
    }

    @Test("an expired reading fails the rule like a typed one")
    func readExpiryFails() throws {
        #expect(Self.passport(try Self.check("Date of expiry: 14 March 2027"))?.status.isFailure == true)
    }

    @Test("an ambiguous or unlabelled date decides nothing")
    func ambiguousDecidesNothing() throws {
        #expect(Self.passport(try Self.check("Date of expiry: 03/04/2032"))?.status == .notEvaluable)
        #expect(Self.passport(try Self.check("Printed 2032-05-19"))?.status == .notEvaluable)
    }

    @Test("the manifest wins, and a disagreeing reading is reported as such")
    func manifestWins() throws {
        let manifest = "schemaVersion: 1\ndocuments:\n  \"Passport scan.pdf\": {type: passport, expires: \"2027-01-01\"}\n"
        let report = try Self.check("Date of expiry: 2032-05-19", manifest: manifest)
        // The manifest gives the expiry, so the file is not even read.
        #expect(Self.passport(report)?.status.isFailure == true)
        #expect(report.summary.facts.isEmpty)
        var facts = DocumentFacts()
        facts.expires = CalendarDate(iso: "2027-01-01")
        let read = TextFactReader.read(page: "Date of expiry: 2032-05-19", number: 1, file: FilePath("p.pdf"), documentType: "passport")
        let applied = DocumentFactReading.apply(read, to: &facts)
        #expect(facts.expires == CalendarDate(iso: "2027-01-01"))
        #expect(applied.first?.use == .manifest)
        #expect(applied.first?.manifestValue == "2027-01-01")
    }

    @Test("two different expiry dates in one document: neither decides")
    func conflictingReadings() {
        var facts = DocumentFacts()
        let read = TextFactReader.read(page: "Date of expiry: 2032-05-19\nExpires: 2031-01-01", number: 1, file: FilePath("p.pdf"), documentType: "passport")
        let applied = DocumentFactReading.apply(read, to: &facts)
        #expect(facts.expires == nil)
        #expect(applied.allSatisfy { $0.use == .hint })
    }

    @Test("a result decides only when no other result of the document says otherwise: a panel's positive, an indeterminate test")
    func resultsThatDisagree() {
        func result(_ page: String) -> LabResult? {
            var facts = DocumentFacts()
            _ = DocumentFactReading.apply(TextFactReader.read(page: page, number: 1, file: FilePath("r.pdf"), documentType: "drug_screen"), to: &facts)
            return facts.result
        }
        #expect(result("Urine drug screen\nResult: Negative") == .negative)
        #expect(result("10-panel urine drug screen\nAmphetamines: Negative\nCannabinoids (THC): POSITIVE\nSpecimen validity test: Negative") == nil)
        #expect(result("QuantiFERON-TB Gold Plus result: INDETERMINATE\nHepatitis B surface antigen (HBsAg): Negative") == nil)
        #expect(result("Measles (rubeola) IgG: Positive\nMumps IgG: Equivocal\nRubella IgG: Positive") == nil)
    }

    @Test("a reading that a date in the file name overrules says the file name wins, not the manifest")
    func fileNameWins() throws {
        var contents: [String: [UInt8]] = ["QuantiFERON 2026-11-20.pdf": PDFFixtures.pdf([PDFFixtures.Page(text: "QuantiFERON-TB Gold Plus. Collected: 2025-01-10. Result: NEGATIVE")])]
        contents["programs/test.xml"] = Array(Fixture.program(#"<requirements><require id="tb" title="TB"><document type="tb_igra" result="negative"><window anchor="rotation-start" within="3" unit="months"/></document></require></requirements>"#).utf8)
        let folder = try TemporaryFolder(contents: contents)
        defer { folder.remove() }
        var request = CheckRequest(folder: folder.path, asOf: Self.asOf)
        request.readFacts = true
        let report = try ReadinessChecker.check(request, knowledge: Fixture.knowledge)
        let date = try #require(report.summary.facts.first { $0.fact == .collectionDate })
        #expect(date.use == .manifest && date.givenByFileName)
        #expect(date.reportLine.contains("the file name says 2026-11-20, and the file name wins"), "\(date.reportLine)")
        #expect(date.disagreement?.contains("but the file name says 2026-11-20: the file name wins") == true)
    }
}

extension FactReadingTests {
    @Test("a vaccination record (doses given) is not read for a titer alternative's result; a lab report is")
    func vaccinationRecordNotRead() {
        var record = DocumentFacts()
        record.doses = [CalendarDate(iso: "2001-03-14")!, CalendarDate(iso: "2005-06-07")!]
        #expect(!DocumentFactReading.isMissing("result", in: record))
        #expect(DocumentFactReading.isMissing("result", in: DocumentFacts()))
        #expect(DocumentFactReading.isMissing("expires", in: record))
    }
}

extension FactReadingTests {
    static let windowProgram = Fixture.program(#"<requirements><require id="passport" title="Passport"><document type="passport"><window anchor="rotation-start" within="20" unit="years"/><validThrough anchor="rotation-end" margin="6" unit="months"/></document></require></requirements>"#)

    @Test("a reading the manifest contradicts is shown with the manifest's value, which wins; every format shows the facts")
    func disagreementShown() throws {
        let manifest = "schemaVersion: 1\ndocuments:\n  \"Passport scan.pdf\": {type: passport, expires: \"2031-01-01\"}\n"
        let folder = try TemporaryFolder(contents: [
            "Passport scan.pdf": PDFFixtures.pdf([PDFFixtures.Page(text: "Date of issue: 2022-05-20. Date of expiry: 2032-05-19.")]),
            "programs/test.xml": Array(Self.windowProgram.utf8), "checkdocs.yaml": Array(manifest.utf8),
        ])
        defer { folder.remove() }
        let report = try ReadinessChecker.check(CheckRequest(folder: folder.path, asOf: Self.asOf), knowledge: Fixture.knowledge)
        // The missing date is read and decides; the expiry is the manifest's.
        let issue = try #require(report.summary.facts.first { $0.fact == .issueDate })
        #expect(issue.use == .decides)
        let expiry = try #require(report.summary.facts.first { $0.fact == .expiryDate })
        #expect(expiry.use == .manifest)
        #expect(expiry.manifestValue == "2031-01-01")
        #expect(Self.passport(report)?.status == .ok)
        let text = TextReporter(color: false, verbosity: .normal).render(report)
        #expect(text.contains("checkdocs.yaml says 2031-01-01: checkdocs.yaml wins"))
        #expect(text.contains("Passport scan.pdf: issue date 2022-05-20 (page 1, text layer)"))
        let verbose = TextReporter(color: false, verbosity: .verbose).render(report)
        #expect(verbose.contains("\"Date of issue: 2022-05-20. Date of expiry: 2032-05-19.\""))
        let json = JSONReporter().render(report)
        #expect(json.contains("\"manifestValue\": \"2031-01-01\""))
        #expect(json.contains("\"use\": \"decides\""))
        #expect(MarkdownReporter().render(report).contains("## Facts read from documents"))
        let html = HTMLReporter().render(report)
        #expect(html.contains("<h2>Facts read from documents</h2>"))
        #expect(html.contains("Date of issue: 2022-05-20"))
    }

    @Test("the fields read for a constraint, by its kind: only those some reading may decide (a titer's value and dose dates are hints only)")
    func fieldsByKind() {
        let table = DocumentFactReading.decidableFieldsByKind
        #expect(table[ObjectIdentifier(ValidThrough.self)] == ["expires"])
        for kind in [ValidityWindow.self, ValidFrom.self, SeasonRule.self] as [any DocumentConstraint.Type] {
            #expect(table[ObjectIdentifier(kind)] == ["date"], "\(kind)")
        }
        #expect(table[ObjectIdentifier(LabResultConstraint.self)] == ["result"])
        #expect(table[ObjectIdentifier(TiterThreshold.self)] == nil && table[ObjectIdentifier(DoseCount.self)] == nil)
        #expect(table.count == 5)
        for kind in DocumentConstraintKinds.all {
            let fields = DocumentFactReading.fieldsOfKind(kind).filter(DocumentFactReading.decidableFields.contains)
            #expect(table[ObjectIdentifier(kind)] ?? [] == fields, "\(kind)")
        }
    }
}
