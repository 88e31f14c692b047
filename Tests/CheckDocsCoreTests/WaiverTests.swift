import Foundation
import Testing
@testable import CheckDocsNative
@testable import CheckDocsFormats
@testable import CheckDocsCore

/// Waivers: loading and validation, what they waive and what they never waive, expired and
/// unused waivers, the folder's own waivers file, and the JSON report with waivers.
@Suite struct WaiverTests {
    static let program = Fixture.program("""
      <eligibility><visaClass accepted="B-1"/></eligibility>
      <requirements>
        <require id="cv" title="CV"><document type="cv"/></require>
        <require id="mspe" title="MSPE"><document type="mspe"/></require>
      </requirements>
    """, rotation: #"<rotation start="2027-03-01" end="2027-03-28"/><deadline date="2026-11-01"/>"#)
    static let asOf = CalendarDate(iso: "2026-12-01")!

    static func waiver(_ requirement: String, program: String? = nil, expires: String = "2027-01-31", index: Int = 0) -> Waiver {
        Waiver(program: program, requirement: requirement, reason: "agreed by email", expires: CalendarDate(iso: expires)!,
               location: SourceLocation(file: "w.yaml", position: .pointer("/waivers/\(index)")))
    }

    static func decode(_ text: String, file: String = "w.yaml") throws(InputErrors) -> [Waiver] {
        try WaiverLoader(schemas: Fixture.knowledge.schemas).decode(Array(text.utf8), file: file)
    }

    @Test("a YAML and a JSON waivers file give the same waivers; `*` is any program")
    func loads() throws {
        let yaml = try Self.decode("""
        schemaVersion: 1
        waivers:
          - {requirement: mspe, program: "*", reason: "after the interview", expires: "2027-01-31"}
          - {requirement: cv, program: p1, reason: "sent by post", expires: "2026-12-31"}
        """)
        let json = try Self.decode("""
        {"schemaVersion": 1, "waivers": [
          {"requirement": "mspe", "program": "*", "reason": "after the interview", "expires": "2027-01-31"},
          {"requirement": "cv", "program": "p1", "reason": "sent by post", "expires": "2026-12-31"}]}
        """, file: "w.json")
        #expect(yaml.count == 2)
        #expect(yaml[0].program == nil && yaml[0].requirement == "mspe" && yaml[0].expires == CalendarDate(iso: "2027-01-31"))
        #expect(yaml[1].program == "p1")
        #expect(yaml.map(\.target) == json.map(\.target))
        #expect(yaml[1].location.description == "w.yaml: /waivers/1")
    }

    @Test("unknown keys, a missing reason, a bad date, a wrong version and a huge file are errors with their location")
    func validation() throws {
        do {
            _ = try Self.decode("""
            schemaVersion: 1
            waivers:
              - {requirement: cv, program: "*", expires: "2027-02-30", colour: red}
            """)
            Issue.record("accepted an invalid waivers file")
        } catch {
            let lines = error.errors.map(\.description)
            #expect(lines.contains("w.yaml: /waivers/0: error: missing required key \"reason\""))
            #expect(lines.contains { $0.hasPrefix("w.yaml: /waivers/0/colour: error: unknown key") })
            #expect(lines.contains { $0.hasPrefix("w.yaml: /waivers/0/expires: error:") })
        }
        #expect(throws: InputErrors.self) { try Self.decode("schemaVersion: 2\nwaivers: []\n") }
        #expect(throws: InputErrors.self) { try Self.decode("waivers: [{requirement: cv, program: p, reason: r, expires: 2027-01-01}]\n") }
        #expect(throws: InputErrors.self) { try Self.decode("{\"schemaVersion\": 1, \"waivers\": [],}", file: "w.json") }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let big = folder.path + "/big.yaml"
        #expect(FileManager.default.createFile(atPath: big, contents: Data(repeating: UInt8(ascii: "#"), count: YAMLReader.maxBytes + 1)))
        #expect(throws: InputErrors.self) { try WaiverLoader(schemas: Fixture.knowledge.schemas).load(file: big) }
    }

    @Test("a waiver turns a failure into waived, keeps the original status and message, and the status is worked out again")
    func waivesAndRecomputes() throws {
        let result = try Fixture.evaluate(Self.program, files: ["CV.pdf"], manifest: "applicant: {visaClass: B-1}")
        #expect(result.status == .closed)
        #expect(result.status(of: "mspe") == .missing)
        var applier = WaiverApplier([Self.waiver("mspe"), Self.waiver("deadline", program: "test-program", index: 1)], asOf: Self.asOf)
        let waived = applier.apply(result)
        #expect(waived.status == .ready)
        let mspe = try #require(waived.result("mspe"))
        #expect(mspe.status == .waived)
        #expect(mspe.waiver?.originalStatus == .missing)
        #expect(mspe.message == result.result("mspe")?.message)
        #expect(!mspe.blocks(at: .warning))
        #expect(waived.result("deadline")?.waiver?.originalStatus == .expired)
        #expect(waived.status(of: "cv") == .ok)
        #expect(applier.summary == WaiverSummary(applied: 2, expired: [], unused: []))
    }

    @Test("eligibility and the deadline are waived only by a waiver that names the program")
    func eligibilityNeedsProgramID() throws {
        let result = try Fixture.evaluate(Self.program, files: ["CV.pdf", "MSPE.pdf"], manifest: "applicant: {visaClass: B-2}")
        #expect(result.status == .ineligible)
        var star = WaiverApplier([Self.waiver("eligibility.visa-class"), Self.waiver("deadline", index: 1)], asOf: Self.asOf)
        let untouched = star.apply(result)
        #expect(untouched == result)
        #expect(star.summary.unused.count == 2)
        #expect(star.summary.notes.allSatisfy { $0.contains("only with a program id") })
        // A rule with an id of its own (not "eligibility.…") gets the same reason, never a bare
        // "matches no failing requirement" beside the rule failing in the same report.
        let ownID = WaiverSummary(unused: [Self.waiver("b1-visitor")]).notes
        #expect(ownID.count == 1 && ownID[0].contains("matches no failing document requirement") && ownID[0].contains("only with a program id"), "\(ownID)")
        var named = WaiverApplier([Self.waiver("eligibility.visa-class", program: "test-program")], asOf: Self.asOf)
        let waived = named.apply(result)
        #expect(waived.status(of: "eligibility.visa-class") == .waived)
        #expect(waived.status == .closed)  // the deadline still blocks
        var other = WaiverApplier([Self.waiver("eligibility.visa-class", program: "another-program")], asOf: Self.asOf)
        #expect(other.apply(result).status == .ineligible)
    }

    @Test("an expired waiver does not apply and is reported; one that matches nothing, or only met items, is unused")
    func expiredAndUnused() throws {
        let result = try Fixture.evaluate(Self.program, files: ["CV.pdf"], manifest: "applicant: {visaClass: B-1}")
        let waivers = [Self.waiver("mspe", expires: "2026-11-30"), Self.waiver("cv", index: 1), Self.waiver("no-such", index: 2),
                       Self.waiver("mspe", program: "test-program", expires: "2026-12-01", index: 3)]
        var applier = WaiverApplier(waivers, asOf: Self.asOf)
        let waived = applier.apply(result)
        #expect(waived.result("mspe")?.waiver?.expires == CalendarDate(iso: "2026-12-01"))  // the last day still applies
        let summary = applier.summary
        #expect(summary.applied == 1)
        #expect(summary.expired.map(\.requirement) == ["mspe"])
        #expect(summary.unused.map(\.requirement) == ["cv", "no-such"])
        #expect(summary.line == "Waivers: 1 applied, 1 expired (not applied), 2 unused")
    }

    @Test("the folder's checkdocs-waivers.yaml is read, is not a document, and its waivers reach the report")
    func folderWaivers() throws {
        let folder = try TemporaryFolder(files: ["CV.pdf", "programs/p.xml"], manifest: "applicant: {visaClass: B-1}")
        defer { folder.remove() }
        try Self.program.write(toFile: folder.path + "/programs/p.xml", atomically: true, encoding: .utf8)
        try """
        schemaVersion: 1
        waivers:
          - {requirement: mspe, program: "*", reason: "after the interview", expires: "2027-01-31"}
          - {requirement: deadline, program: test-program, reason: "extension granted", expires: "2027-01-31"}
        """.write(toFile: folder.path + "/checkdocs-waivers.yaml", atomically: true, encoding: .utf8)
        let report = try ReadinessChecker.check(CheckRequest(folder: folder.path, asOf: Self.asOf), knowledge: Fixture.knowledge)
        #expect(report.header.unrecognizedFiles.isEmpty)
        #expect(report.programs.map(\.status) == [.ready])
        #expect(report.summary.waivers?.applied == 2)
        #expect(!report.summary.blocking)

        let json = JSONReporter().render(report)
        let schema = try #require(BuiltinData.file(BuiltinData.reportSchemaFile))
        let validator = JSONSchemaValidator(schema: try JSONParser.parse(Array(schema.utf8)), date: DateLimits.verdict)
        #expect(validator.validate(try JSONParser.parse(Array(json.utf8))).isEmpty)
        #expect(json.contains("\"originalStatus\": \"missing\""))
        for format in [OutputFormat.text, .markdown, .html] {
            let make = try #require(format.reportMaker)
            let text = make(FormatOptions()).render(report)
            #expect(text.contains("2 applied"), "\(format.id)")
            // Each waived item with the status it had and the waiver's reason, in every format.
            #expect(text.contains("after the interview") && text.contains("extension granted"), "\(format.id)")
        }
        let makeSARIF = try #require(OutputFormat.sarif.reportMaker)
        let sarif = makeSARIF(FormatOptions()).render(report)
        #expect(sarif.contains("\"applied\": 2"))
        #expect(!sarif.contains("\"ruleId\": \"checkdocs/missing\""))  // waived findings are not results
        let makeJUnit = try #require(OutputFormat.junit.reportMaker)
        let junit = makeJUnit(FormatOptions()).render(report)
        #expect(junit.contains("failures=\"0\""))
        #expect(junit.contains("<skipped message=\"waived (was missing; waived until 2027-01-31: after the interview): no MSPE"))

        let plain = try ReadinessChecker.check(CheckRequest(folder: folder.path, asOf: Self.asOf, waivers: nil), knowledge: Fixture.knowledge)
        #expect(plain.summary.waivers != nil)  // the folder's own file is always read
        try FileManager.default.removeItem(atPath: folder.path + "/checkdocs-waivers.yaml")
        let none = try ReadinessChecker.check(CheckRequest(folder: folder.path, asOf: Self.asOf), knowledge: Fixture.knowledge)
        #expect(none.summary.waivers == nil)
        #expect(none.programs.map(\.status) == [.closed])
    }

    @Test("a waiver never hides an input error")
    func inputErrorsStay() throws {
        let folder = try TemporaryFolder(files: ["CV.pdf"], manifest: "applicant: {visaClass: B-1}\ndocuments: {\"gone.pdf\": {type: cv}}\n")
        defer { folder.remove() }
        let request = CheckRequest(folder: folder.path, asOf: Self.asOf, waivers: [Self.waiver("cv"), Self.waiver("mspe", index: 1)])
        #expect(throws: InputErrors.self) { try ReadinessChecker.check(request, knowledge: Fixture.knowledge) }
        try "schemaVersion: 1\nwaivers: [{requirement: cv}]\n".write(toFile: folder.path + "/checkdocs-waivers.yaml", atomically: true, encoding: .utf8)
        try "applicant: {visaClass: B-1}\n".write(toFile: folder.path + "/checkdocs.yaml", atomically: true, encoding: .utf8)
        #expect(throws: InputErrors.self) { try ReadinessChecker.check(request, knowledge: Fixture.knowledge) }
    }
}
