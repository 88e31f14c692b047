import Foundation
import FoundationXML
import Testing
@testable import CheckDocsCore
import CheckDocsFormats

/// `checkdocs pick`'s timing and cost (docs/pick.md, "Readiness", "Lead times", "Cost"): when an
/// applicant can be ready for a session, and what it costs against the budget. The catalogs and
/// helpers are `PickCLITests`'.
@Suite struct PickTimingCostTests {
    @Test("ready-by: a TB test that may be dated only from 90 days before the start waits for that day; a Step 1 the manifest records as taken is a week's request; a 30-day rotation pays one monthly fee")
    func readyByWindowsAndTakenExams() throws {
        let tb = #"<requirements><require id="tb" title="TB test"><document type="tb_igra"><window anchor="rotation-start" within="90" unit="days"/></document></require></requirements>"#
        let step1 = #"<requirements><require id="usmle" title="USMLE Step 1 score report"><document type="usmle_step1"/></require></requirements>"#
        func dated(_ id: String, _ start: String, _ end: String, deadline: String, _ more: String) -> String {
            let rotation = "<rotation start=\"\(start)\" end=\"\(end)\"/>"
            return PickCLITests.program(id, rotation: (start, end)).replacingOccurrences(of: rotation, with: rotation + "<deadline date=\"\(deadline)\"/>")
                .replacingOccurrences(of: "</program>", with: more + "</program>")
        }
        let programs = [
            // Starts 2027-05-03, apply by 2027-02-01: the test can be dated from 2027-02-02 only.
            "late-tb": dated("late-tb", "2027-05-03", "2027-05-28", deadline: "2027-02-01", tb),
            "step1": dated("step1", "2027-03-01", "2027-03-26", deadline: "2027-01-15", step1),
            "month": dated("month", "2027-04-01", "2027-04-30", deadline: "2027-03-01", #"<fee amount="1000" currency="USD" label="monthly fee" per="month"/>"#),
            "march": dated("march", "2027-03-01", "2027-03-31", deadline: "2027-02-01", #"<fee amount="1000" currency="USD" label="monthly fee" per="month"/>"#),
            "across": dated("across", "2027-05-15", "2027-06-15", deadline: "2027-04-01", #"<fee amount="1000" currency="USD" label="monthly fee" per="month"/>"#),
        ]
        let manifest = "schemaVersion: 1\napplicant:\n  exams: [{exam: usmle-step1, date: \"2026-05-14\", result: pass}]\n"
        let setup = try PickCLITests.setUp(manifest: manifest, programs: programs)
        defer { try? FileManager.default.removeItem(atPath: setup.root) }
        let result = try PickCLITests.pick(setup.folder, setup.catalog)
        let unfit = (result.json["unfit"] as? [[String: Any]]) ?? []
        let late = try #require(unfit.first { $0["program"] as? String == "late-tb" })
        #expect((late["exclusions"] as? [String])?.first == "cannot be ready in time: ready about 2027-02-09, after the apply-by date 2027-02-01: "
                + "TB test can be dated only from 2027-02-02 and takes about 7 days", "\(late)")
        let ranked = (result.json["ranked"] as? [[String: Any]]) ?? []
        let taken = try #require(ranked.first { $0["program"] as? String == "step1" }, "\(unfit)")
        #expect(taken["readyBy"] as? String == "2026-12-08")
        let monthly = try #require(ranked.first { $0["program"] as? String == "month" }, "\(unfit)")
        #expect(((monthly["cost"] as? [String: Any])?["amounts"] as? [String: String])?["USD"] == "1000", "\(monthly)")
        // Calendar months begun: all of March is one; 05-15 to 06-15 begins a second.
        for (id, usd) in [("march", "1000"), ("across", "2000")] {
            let entry = try #require(ranked.first { $0["program"] as? String == id }, "\(unfit)")
            #expect(((entry["cost"] as? [String: Any])?["amounts"] as? [String: String])?["USD"] == usd, "\(id): \(entry)")
        }
    }

    @Test("a cost partly in another currency counts nothing, as an unstated fee does: the unconverted part is unknown")
    func partlyUnconvertedCost() throws {
        let manifest = "schemaVersion: 1\ngoals:\n  budget: {total: 6000, currency: USD}\n"
        let mixed = PickCLITests.program("mixed", rotation: ("2027-03-01", "2027-03-28"), fee: "100", facts: #"livingPerWeek="2000" livingCurrency="EUR""#)
        let setup = try PickCLITests.setUp(manifest: manifest, programs: ["mixed": mixed])
        defer { try? FileManager.default.removeItem(atPath: setup.root) }
        let run = try CLITests.run(["pick", setup.folder, "--programs", setup.catalog, "--as-of", "2026-12-01"])
        #expect(run.stdout.contains("+0.00 cost      (0 × 1) USD 100 of your USD 6000; EUR 8000 not converted: a cost partly unconverted counts nothing"),
                "\(run.stdout)")
    }

    @Test("lead days: a missing visa (90 days) makes a session 60 days away unreachable; one 120 days away fits with its ready-by date")
    func leadDays() throws {
        let visa = """
            <requirements><require id="visa" title="Visa"><document type="visa"/></require></requirements>
            """
        func program(_ id: String, start: String) -> String {
            PickCLITests.program(id, starts: [start]).replacingOccurrences(of: "</program>", with: visa + "\n</program>")
        }
        let setup = try PickCLITests.setUp(manifest: "schemaVersion: 1\n", programs: ["soon": program("soon", start: "2027-01-30"),
                                                                               "later": program("later", start: "2027-04-05")])
        defer { try? FileManager.default.removeItem(atPath: setup.root) }
        let result = try PickCLITests.pick(setup.folder, setup.catalog)
        #expect(result.status == 0, "\(result.stderr)")
        let ranked = try #require((result.json["ranked"] as? [[String: Any]])?.first)
        #expect(ranked["program"] as? String == "later")
        #expect(ranked["readyBy"] as? String == "2027-03-01")
        let unfit = try #require((result.json["unfit"] as? [[String: Any]])?.first)
        let exclusion = (unfit["exclusions"] as? [String])?.first ?? ""
        #expect(exclusion.hasPrefix("cannot be ready in time: ready about ") && exclusion.hasSuffix(": visa takes about 90 days"), "\(unfit)")
    }

    @Test("cost: weekly and monthly fees times the length, the program's living cost or the budget's, another currency shown and not converted; JSON and XML facts read alike; explain shows them")
    func costArithmetic() throws {
        // 6 weeks: 100 a week = 600; 1000 a month, 42 days = 2 months begun = 2000; 50 once; living 200 a week = 1200 (USD 3850).
        let xml = PickCLITests.program("weekly", weeks: 6, starts: ["2027-03-01"]).replacingOccurrences(of: "<facts", with: "<facts")
            .replacingOccurrences(of: "</program>", with: "")
            + "</program>"
        let weekly = xml.replacingOccurrences(of: "<source href=\"https://example.org/weekly\" asOf=\"2026-10-01\"/>", with: """
            <source href="https://example.org/weekly" asOf="2026-10-01"/>
            """).replacingOccurrences(of: "</sessions>", with: """
            </sessions>
            <fee amount="100" currency="USD" label="tuition" per="week"/>
            <fee amount="1000" currency="USD" label="housing" per="month"/>
            <fee amount="50" currency="USD" label="application"/>
            <facts handsOn="limited" city="Boston, MA" livingPerWeek="200"/>
            """)
        let json = """
            {"schemaVersion": 1, "program": {"id": "euro", "kind": "observership", "name": "Euro program", "institution": "Test",
             "source": {"href": "https://example.org/euro", "asOf": "2026-10-01"},
             "sessions": {"weeks": 4, "starts": ["2027-05-03"]},
             "fees": [{"amount": 300, "currency": "EUR", "label": "fee", "per": "rotation"}],
             "facts": {"handsOn": "observation", "setting": "community", "care": "outpatient", "letter": "usually", "city": "Lyon", "livingPerWeek": 150, "livingCurrency": "EUR"}}}
            """
        let setup = try PickCLITests.setUp(manifest: "schemaVersion: 1\ngoals:\n  budget: {total: 5000, currency: USD, livingPerWeek: 400}\n",
                                   programs: ["weekly": weekly])
        defer { try? FileManager.default.removeItem(atPath: setup.root) }
        try json.write(toFile: setup.catalog + "/euro.json", atomically: true, encoding: .utf8)
        let result = try PickCLITests.pick(setup.folder, setup.catalog)
        #expect(result.status == 0, "\(result.stderr)")
        let ranked = try #require(result.json["ranked"] as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: ranked.map { ($0["program"] as! String, $0) })
        #expect((byID["weekly"]?["cost"] as? [String: Any])?["amounts"] as? [String: String] == ["USD": "3850"])
        #expect((byID["euro"]?["cost"] as? [String: Any])?["amounts"] as? [String: String] == ["EUR": "900"])
        let euroCost = (byID["euro"]?["factors"] as? [[String: Any]])?.first { $0["name"] as? String == "cost" }
        // A cost wholly in another currency is not free: it counts nothing, and says why.
        #expect(euroCost?["words"] as? String == "EUR 900, not converted to your budget's USD: counts nothing")
        #expect(euroCost?["value"] as? Double == 0)
        let explain = try CLITests.run(["explain", "euro", "--programs", setup.catalog])
        #expect(explain.stdout.contains("  fee: EUR 300 per rotation (fee)"))
        #expect(explain.stdout.contains("  for choosing: community, outpatient; observation only; letter of recommendation usually; Lyon, living about EUR 150 a week"))
    }
}
