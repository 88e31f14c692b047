import Foundation
import Testing

/// `checkdocs plan`: golden text, JSON and calendar on a sample; the calendar read back strictly
/// and by a real iCalendar parser; merging across programs; no file inside the applicant folder.
@Suite struct PlanTests {
    static let sample = ["plan", "samples/applicants/missing-items", "--as-of", "2026-12-01"]

    static func temporary(_ suffix: String) -> String { NSTemporaryDirectory() + "checkdocs-plan-" + UUID().uuidString + suffix }

    @Test("golden plan in text, JSON and iCalendar for the missing-items sample")
    func golden() throws {
        let text = try CLITests.run(Self.sample)
        #expect(text.status == 0)
        #expect(text.stderr.isEmpty)
        try CLITests.golden("missing-items.plan.txt", text.stdout)
        let json = try CLITests.run(Self.sample + ["--format", "json"])
        #expect(json.status == 0)
        try CLITests.golden("missing-items.plan.json", json.stdout)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let actions = try #require(object["actions"] as? [[String: Any]])
        #expect(actions.count == 5)
        // Earliest first: by the last day, then the first (an unknown last day goes last).
        let lasts = actions.map { $0["latest"] as? String ?? "9999-12-31" }
        #expect(lasts == lasts.sorted())
        let tb = try #require(actions.first { $0["id"] as? String == "tb:rmti-transplant-observership" })
        #expect(tb["earliest"] as? String == "2026-11-01")
        #expect(tb["latest"] as? String == "2027-02-01")

        let ics = Self.temporary(".ics")
        defer { try? FileManager.default.removeItem(atPath: ics) }
        let run = try CLITests.run(Self.sample + ["--ics", ics])
        #expect(run.status == 0)
        #expect(run.stdout == text.stdout)
        let calendar = try String(contentsOfFile: ics, encoding: .utf8)
        try CLITests.golden("missing-items.plan.ics", calendar)
    }

    @Test("the calendar is strict RFC 5545: CRLF, 75-octet folds, escaped TEXT, stable UIDs, DTSTAMP from --as-of")
    func strictCalendar() throws {
        let first = Self.temporary(".ics"), second = Self.temporary(".ics")
        defer { for file in [first, second] { try? FileManager.default.removeItem(atPath: file) } }
        // Programs with deadlines and the expired sample: merged actions, separate documents, apply-by events.
        let arguments = ["plan", "samples/applicants/expired-and-ineligible", "--as-of", "2026-12-01", "--programs", "samples/programs"]
        #expect(try CLITests.run(arguments + ["--ics", first]).status == 0)
        #expect(try CLITests.run(arguments + ["--ics", second]).status == 0)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: first)))
        #expect(bytes == (try [UInt8](Data(contentsOf: URL(fileURLWithPath: second)))), "two runs must give the same calendar")
        let (problems, events) = ICalendarChecker.check(bytes)
        #expect(problems.isEmpty, "\(problems)")
        #expect(events.allSatisfy { $0.properties["DTSTAMP"] == "20261201T000000Z" })
        let uids = events.compactMap { $0.properties["UID"] }
        #expect(Set(uids).count == events.count)
        #expect(uids.contains("action-tb:bcm-visiting-elective+jhu-visiting-medical-students+ouhsc-visiting-elective/applicants/expired-and-ineligible@checkdocs"))
        #expect(uids.contains("apply-by-bcm-visiting-elective/applicants/expired-and-ineligible@checkdocs"))
        let separate = try #require(events.first { $0.properties["UID"] == "action-tb:ucdavis-visiting-elective/applicants/expired-and-ineligible@checkdocs" })
        let description = ICalendarChecker.text(separate.properties["DESCRIPTION"] ?? "")
        #expect(description.contains("no day works"))
        #expect(description.contains("separate document"))
        // Its day is after its own last one: the title says so, not only the description.
        #expect(ICalendarChecker.text(separate.properties["SUMMARY"] ?? "").contains("; no day works: ask the program)"), "\(separate.properties)")
        // Deadlines apply by the effective deadline.
        let applyBy = try #require(events.first { $0.properties["UID"] == "apply-by-cclcm-visiting-elective/applicants/expired-and-ineligible@checkdocs" })
        #expect(applyBy.properties["DTSTART;VALUE=DATE"] == "20261211")
    }

    static let hasICalendarParser: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sh", "-c", "for p in /usr/bin/python3 python3; do $p -c 'import icalendar' 2>/dev/null && exit 0; done; exit 1"]
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    @Test("python3-icalendar parses the calendar (skipped when it is not installed: scripts/setup installs it)",
          .enabled(if: hasICalendarParser, "python3-icalendar is not installed; run scripts/setup (apt-get install python3-icalendar)"))
    func realParser() throws {
        let ics = Self.temporary(".ics")
        defer { try? FileManager.default.removeItem(atPath: ics) }
        let arguments = ["plan", "samples/applicants/expired-and-ineligible", "--as-of", "2026-12-01", "--programs", "samples/programs"]
        #expect(try CLITests.run(arguments + ["--ics", ics]).status == 0)
        let check = try CLITests.run([ics], binary: CLITests.root + "/scripts/check-ics")
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.hasSuffix("events, valid\n"))
    }

    @Test("merged across programs by requirement id; windows that cannot meet are flagged")
    func merging() throws {
        let run = try CLITests.run(["plan", "samples/applicants/expired-and-ineligible", "--as-of", "2026-12-01",
                                    "--programs", "samples/programs", "--format", "json"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let actions = try #require(object["actions"] as? [[String: Any]])
        let hepb = try #require(actions.first { ($0["id"] as? String)?.hasPrefix("hepb:") == true })
        #expect((hepb["programs"] as? [String])?.count == 6)
        #expect(hepb["verb"] as? String == "replace")
        let tb = try #require(actions.first { $0["id"] as? String == "tb:bcm-visiting-elective+jhu-visiting-medical-students+ouhsc-visiting-elective" })
        // bcm: within 12 months before the rotation end 2027-01-29; ouhsc: before 2027-02-26; jhu: before
        // 2027-05-28; apply by 2026-12-15.
        #expect(tb["earliest"] as? String == "2026-05-28")
        #expect(tb["latest"] as? String == "2026-12-15")
        #expect(tb["separateFrom"] as? [String] == ["tb:ucdavis-visiting-elective"])
        let impossible = try #require(actions.first { $0["id"] as? String == "tb:ucdavis-visiting-elective" })
        #expect(impossible["possible"] as? Bool == false)
        let skipped = try #require(object["skipped"] as? [[String: Any]])
        #expect(skipped.allSatisfy { ["ineligible", "closed"].contains($0["status"] as? String) })
    }

    @Test("a merged action shows each program's own hint, named; one hint alone is shown as it is")
    func mergedHints() throws {
        let run = try CLITests.run(["plan", "samples/applicants/expired-and-ineligible", "--as-of", "2026-12-01",
                                    "--programs", "samples/programs"], environment: ["COLUMNS": "200"])
        #expect(run.status == 0, "\(run.stderr)")
        // The TB test of bcm, jhu and ouhsc: BCM wants an IGRA, Johns Hopkins a blood test.
        #expect(run.stdout.contains("→ bcm-visiting-elective: Send a QuantiFERON/IGRA result"), "\(run.stdout)")
        // Two programs that say the same are named together.
        #expect(run.stdout.contains("→ jhu-visiting-medical-students, ouhsc-visiting-elective: Get a TB blood test"), "\(run.stdout)")
        #expect(run.stdout.contains("\n   → Get a TB test no earlier than 90 days before your start date"), "\(run.stdout)")
    }

    @Test("--ics and -o inside the applicant folder are refused with exit 2, and nothing is written")
    func refusedInsideFolder() throws {
        let inside = CLITests.root + "/samples/applicants/missing-items/plan.ics"
        let run = try CLITests.run(Self.sample + ["--ics", inside])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("applicant folder"))
        #expect(!FileManager.default.fileExists(atPath: inside))
        let output = try CLITests.run(Self.sample + ["-o", "samples/applicants/missing-items/plan.txt"])
        #expect(output.status == 2)
        #expect(!FileManager.default.fileExists(atPath: CLITests.root + "/samples/applicants/missing-items/plan.txt"))
    }

    @Test("blocking rules not decided have an event of their own beside the other events, naming them")
    func undecidedEvent() throws {
        let plan = try CLITests.run(["plan", "samples/applicants/expired-and-ineligible", "--as-of", "2026-12-01"])
        #expect(plan.stdout.contains("blocking rule not decided") || plan.stdout.contains("blocking rules not decided"), "\(plan.stdout)")
        let ics = try CLITests.run(["plan", "samples/applicants/expired-and-ineligible", "--as-of", "2026-12-01", "--format", "ics"])
        #expect(ics.status == 0 && ics.stderr.isEmpty)
        // Unfolded, as a calendar reads it.
        let unfolded = ics.stdout.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("UID:undecided/"), "\(unfolded)")
        #expect(unfolded.contains("not decided: add the facts they need"))
        #expect(unfolded.contains("Apply by:"))
    }
}
