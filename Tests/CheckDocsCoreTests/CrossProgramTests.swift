import Foundation
import Testing
import CheckDocsNative
import CheckDocsFormats
@testable import CheckDocsCore

/// What a check says across programs (docs/reports.md, "Fix first and fees"): the fee totals
/// count only the programs the applicant can apply to, and "the only blocker of X" is claimed
/// only when nothing else (a document, an eligibility rule, the deadline) blocks X.
@Suite struct CrossProgramTests {
    /// A student, with a CV and nothing else; no visa class recorded.
    static let manifest = "applicant: {status: student}\n"
    static let files = ["CV_2026.pdf"]

    /// A program with the given id, fees, eligibility and requirements; open unless `deadline` has passed.
    static func program(_ id: String, fees: [(String, String)] = [], eligibility: String = "", deadline: String = "2027-01-15",
                        requirements: [String] = ["cv"]) -> String {
        let feeElements = fees.map { #"<fee amount="\#($0.0)" currency="\#($0.1)" label="fee"/>"# }.joined()
        let requires = requirements.map { #"<require id="\#($0)" title="\#($0.uppercased())"><document type="\#($0)"/></require>"# }
        return Fixture.program("<requirements>" + requires.joined() + "</requirements>", id: id,
                               rotation: #"<rotation start="2027-03-01" end="2027-03-28"/><deadline date="\#(deadline)"/>"#,
                               extra: feeElements + (eligibility.isEmpty ? "" : "<eligibility>\(eligibility)</eligibility>"))
    }

    static func summary(_ programs: [String], waivers: [Waiver] = []) throws -> (results: [ProgramResult], summary: ReportSummary) {
        var applier = WaiverApplier(waivers, asOf: CalendarDate(iso: "2026-12-01")!)
        var builder = ReportSummaryBuilder(failOn: .error)
        var results: [ProgramResult] = []
        for xml in programs {
            let result = applier.apply(try Fixture.evaluate(xml, files: files, manifest: manifest))
            builder.add(result)
            results.append(result)
        }
        return (results, builder.build())
    }

    static func waiver(_ requirement: String, program: String) -> Waiver {
        Waiver(program: program, requirement: requirement, reason: "agreed by email", expires: CalendarDate(iso: "2027-01-31")!,
               location: CheckDocsNative.SourceLocation(file: "w.yaml", position: .pointer("/waivers/0")))
    }

    // MARK: Fees (issue 12, item 5)

    @Test("fee totals count only open, eligible programs; the ineligible and closed ones are listed apart")
    func feesOfProgramsThatCannotBeAppliedTo() throws {
        let (results, summary) = try Self.summary([
            Self.program("ready-a", fees: [("15", "USD"), ("100", "USD")]),
            Self.program("not-ready-b", fees: [("595", "USD"), ("40", "EUR")], requirements: ["cv", "mspe"]),
            Self.program("ineligible-c", fees: [("2000", "USD")], eligibility: #"<applicantStatus allowed="graduate"/>"#),
            Self.program("closed-d", fees: [("2000", "USD"), ("10", "EUR")], deadline: "2026-11-01"),
            Self.program("closed-e", fees: [("30", "GBP")], deadline: "2026-10-01"),
        ])
        #expect(results.map(\.status) == [.ready, .notReady, .ineligible, .closed, .closed])
        #expect(summary.fees == [FeeTotal(currency: "EUR", amount: 40, programs: 1), FeeTotal(currency: "USD", amount: 710, programs: 2)])
        #expect(summary.feesNotCounted == [
            UncountedFeeTotal(currency: "EUR", amount: 10, programs: ["closed-d"]),
            UncountedFeeTotal(currency: "GBP", amount: 30, programs: ["closed-e"]),
            UncountedFeeTotal(currency: "USD", amount: 4000, programs: ["ineligible-c", "closed-d"]),
        ])
    }

    @Test("a waiver that reopens a program brings its fees back into the total")
    func waivedDeadlineCountsTheFees() throws {
        let closed = Self.program("closed-d", fees: [("2000", "USD")], deadline: "2026-11-01")
        let (results, summary) = try Self.summary([closed], waivers: [Self.waiver("deadline", program: "closed-d")])
        #expect(results[0].status == .ready)
        #expect(summary.fees == [FeeTotal(currency: "USD", amount: 2000, programs: 1)])
        #expect(summary.feesNotCounted.isEmpty)
    }

    // MARK: Fix first (issue 12, item 6)

    @Test("an undecided eligibility rule also blocks: a document is then not the only blocker")
    func eligibilityAlsoBlocks() throws {
        // No visa class in the manifest: the rule is not-evaluable (severity error), so it blocks too.
        let (results, summary) = try Self.summary([
            Self.program("visa-p", eligibility: #"<visaClass accepted="B-1"/>"#, requirements: ["cv", "mspe"]),
            Self.program("plain-q", requirements: ["cv", "mspe"]),
        ])
        #expect(results.map(\.status) == [.notReady, .notReady])
        #expect(results[0].status(of: "eligibility.visa-class") == .notEvaluable)
        let mspe = try #require(summary.crossProgram.first { $0.key == "mspe" })
        #expect(mspe.programs == ["visa-p", "plain-q"])
        #expect(mspe.soleBlockerOf == ["plain-q"])
        #expect(mspe.impact == "blocks 2 programs; the only blocker of plain-q")
    }

    @Test("two failing documents: neither is the only blocker; waive one and the other is")
    func waiversDecideTheOnlyBlocker() throws {
        let xml = Self.program("two-r", requirements: ["cv", "mspe", "lor"])
        let (_, plain) = try Self.summary([xml])
        #expect(plain.crossProgram.map(\.key).sorted() == ["lor", "mspe"])
        #expect(plain.crossProgram.allSatisfy { $0.soleBlockerOf.isEmpty })
        let (_, waived) = try Self.summary([xml], waivers: [Self.waiver("lor", program: "two-r")])
        #expect(waived.crossProgram.map(\.key) == ["mspe"])
        #expect(waived.crossProgram.first?.soleBlockerOf == ["two-r"])
    }

    @Test("closed and ineligible programs are not in fix first: no document makes them ready")
    func closedAndIneligibleAreNotListed() throws {
        let (results, summary) = try Self.summary([
            Self.program("closed-d", deadline: "2026-11-01", requirements: ["cv", "mspe"]),
            Self.program("ineligible-c", eligibility: #"<applicantStatus allowed="graduate"/>"#, requirements: ["cv", "mspe"]),
        ])
        #expect(results.map(\.status) == [.closed, .ineligible])
        #expect(summary.crossProgram.isEmpty)
    }

    // MARK: Every format says the same

    @Test("text, JSON, Markdown and HTML give the same totals, the same programs apart and the same only-blocker claims")
    func formatsAgree() throws {
        let folder = try TemporaryFolder(files: Self.files, manifest: Self.manifest)
        defer { folder.remove() }
        let programs = [
            ("ready-a", Self.program("ready-a", fees: [("15", "USD"), ("100", "USD")])),
            ("visa-p", Self.program("visa-p", fees: [("595", "USD")], eligibility: #"<visaClass accepted="B-1"/>"#, requirements: ["cv", "mspe"])),
            ("plain-q", Self.program("plain-q", requirements: ["cv", "mspe"])),
            ("ineligible-c", Self.program("ineligible-c", fees: [("2000", "USD")], eligibility: #"<applicantStatus allowed="graduate"/>"#)),
            ("closed-d", Self.program("closed-d", fees: [("2000", "USD")], deadline: "2026-11-01")),
        ]
        try FileManager.default.createDirectory(atPath: folder.path + "/programs", withIntermediateDirectories: true)
        for (index, (id, xml)) in programs.enumerated() {
            try xml.write(toFile: folder.path + "/programs/\(index)-\(id).xml", atomically: true, encoding: .utf8)
        }
        let report = try ReadinessChecker.check(CheckRequest(folder: folder.path, asOf: CalendarDate(iso: "2026-12-01")!), knowledge: Fixture.knowledge)
        #expect(report.programs.map(\.status) == [.ready, .notReady, .notReady, .ineligible, .closed])
        #expect(report.summary.fees == [FeeTotal(currency: "USD", amount: 710, programs: 2)])
        #expect(report.summary.feesNotCounted == [UncountedFeeTotal(currency: "USD", amount: 4000, programs: ["ineligible-c", "closed-d"])])

        func render(_ format: OutputFormat) throws -> String {
            let make = try #require(format.reportMaker)
            return make(FormatOptions()).render(report)
        }
        let text = try render(.text)
        #expect(text.contains("Fees: USD 710 (2 programs)"))
        #expect(text.contains("Not counted (ineligible or closed programs): USD 4000 (ineligible-c, closed-d)"))
        #expect(text.contains("MSPE [mspe]: blocks 2 programs; the only blocker of plain-q\n"))
        let markdown = try render(.markdown)
        #expect(markdown.contains("| USD | 710 | 2 |"))
        #expect(markdown.contains("| USD | 4000 | `ineligible-c`, `closed-d` |"))
        #expect(markdown.contains("blocks 2 programs; the only blocker of plain-q (`visa-p`, `plain-q`)"))
        let html = try render(.html)
        #expect(html.contains("<tr><td>USD</td><td>710</td><td>2</td></tr>"))
        #expect(html.contains("<tr><td>USD</td><td>4000</td><td><code>ineligible-c</code>, <code>closed-d</code></td></tr>"))
        #expect(html.contains("blocks 2 programs; the only blocker of plain-q</li>"))

        let json = try render(.json)
        let schema = try #require(BuiltinData.file(BuiltinData.reportSchemaFile))
        let validator = JSONSchemaValidator(schema: try JSONParser.parse(Array(schema.utf8)), date: DateLimits.verdict)
        #expect(validator.validate(try JSONParser.parse(Array(json.utf8))).isEmpty)
        let compact = json.filter { !$0.isWhitespace }
        #expect(compact.contains(#""fees":[{"currency":"USD","amount":710,"programs":2}]"#))
        #expect(compact.contains(#""feesNotCounted":[{"currency":"USD","amount":4000,"programs":["ineligible-c","closed-d"]}]"#))
        #expect(compact.contains(#""requirement":"mspe","title":"MSPE","documentTypes":["mspe"],"blocks":["visa-p","plain-q"],"soleBlockerOf":["plain-q"]"#))
        // JUnit and SARIF show neither fees nor fix first: nothing there can disagree.
        for format in [OutputFormat.junit, .sarif] {
            // The temporary folder's random name can hold any digits: take it out before looking for amounts.
            let other = try render(format).replacingOccurrences(of: folder.path, with: "")
            #expect(!other.contains("only blocker") && !other.contains("USD") && !other.contains("4000") && !other.contains("710"), "\(format.id)")
        }
    }
}
