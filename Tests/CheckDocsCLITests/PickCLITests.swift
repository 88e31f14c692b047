import Foundation
import FoundationXML
import Testing
@testable import CheckDocsCore
import CheckDocsFormats

/// `checkdocs pick` on small catalogs with known answers (docs/pick.md): a budget that excludes the
/// best fit, overlapping sessions, a stage that changes the order, a residency rule that only one
/// hands-on block meets, and the input errors of `goals:`.
@Suite struct PickCLITests {
    /// One program description; `dates` is either `sessions weeks="N"` starts or a rotation.
    static func program(_ id: String, kind: String = "externship", specialty: String = "Internal Medicine", weeks: Int = 4,
                        starts: [String] = [], rotation: (String, String)? = nil, fee: String? = nil,
                        facts: String = "", eligibility: String = "") -> String {
        var dates = ""
        if let rotation { dates = "<rotation start=\"\(rotation.0)\" end=\"\(rotation.1)\"/>" }
        if !starts.isEmpty { dates = "<sessions weeks=\"\(weeks)\">" + starts.map { "<start date=\"\($0)\"/>" }.joined() + "</sessions>" }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <program xmlns="urn:checkdocs:program:1" schemaVersion="1" id="\(id)" kind="\(kind)">
              <name>Program \(id)</name>
              <institution>Test hospital</institution>
              <specialty>\(specialty)</specialty>
              <source href="https://example.org/\(id)" asOf="2026-10-01"/>
              \(dates)
              \(fee.map { "<fee amount=\"\($0)\" currency=\"USD\" label=\"rotation fee\" per=\"rotation\"/>" } ?? "")
              \(facts.isEmpty ? "" : "<facts \(facts)/>")
              \(eligibility.isEmpty ? "" : "<eligibility>\(eligibility)</eligibility>")
            </program>
            """
    }

    /// A folder with `checkdocs.yaml` and the programs in a `catalog/` beside it; returns both paths.
    static func setUp(manifest: String, programs: [String: String]) throws -> (folder: String, catalog: String, root: String) {
        let root = NSTemporaryDirectory() + "checkdocs-pick-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/applicant", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/catalog", withIntermediateDirectories: true)
        try manifest.write(toFile: root + "/applicant/checkdocs.yaml", atomically: true, encoding: .utf8)
        for (id, text) in programs { try text.write(toFile: root + "/catalog/\(id).xml", atomically: true, encoding: .utf8) }
        return (root + "/applicant", root + "/catalog", root)
    }

    static func pick(_ folder: String, _ catalog: String, plan: Bool = false) throws -> (status: Int32, json: [String: Any], stderr: String) {
        let run = try CLITests.run(["pick", folder, "--programs", catalog, "--as-of", "2026-12-01", "--format", "json"] + (plan ? ["--plan"] : []))
        let json = (try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]) ?? [:]
        return (run.status, json, run.stderr)
    }

    /// pick --plan over `programs` for the `goals:` lines given: the plan's sessions, whether its
    /// search was complete, and the first session it left out.
    static func plan(_ programs: [String: String], goals: String) throws -> (sessions: [String], complete: Bool?, firstLeftOut: [String: Any]) {
        let setup = try setUp(manifest: "schemaVersion: 1\ngoals:\n" + goals, programs: programs)
        defer { try? FileManager.default.removeItem(atPath: setup.root) }
        let result = try pick(setup.folder, setup.catalog, plan: true)
        #expect(result.status == 0, "\(result.stderr)")
        let plan = try #require(result.json["plan"] as? [String: Any])
        let left = try #require((plan["leftOut"] as? [[String: Any]])?.first)
        return (ids(plan["sessions"]), plan["complete"] as? Bool, left)
    }

    static func ids(_ list: Any?) -> [String] { (list as? [[String: Any]] ?? []).compactMap { $0["program"] as? String } }

    static let handsOnIM = program("hands-on-im", starts: ["2027-03-01"], fee: "3000", facts: "handsOn=\"hands-on\" letter=\"usually\"")
    static let observeIM = program("observe-im", starts: ["2027-04-05"], fee: "500", facts: "handsOn=\"observation\"")

    @Test("a budget that excludes the best fit: the hands-on program ranks first, until the budget is below its cost")
    func budgetExcludesBest() throws {
        let goals = "goals:\n  specialties: [internal medicine]\n  prefer: hands-on\n"
        let open = try Self.setUp(manifest: "schemaVersion: 1\n" + goals, programs: ["hands-on-im": Self.handsOnIM, "observe-im": Self.observeIM])
        defer { try? FileManager.default.removeItem(atPath: open.root) }
        let free = try Self.pick(open.folder, open.catalog)
        #expect(free.status == 0, "\(free.stderr)")
        #expect(Self.ids(free.json["ranked"]) == ["hands-on-im", "observe-im"])

        let tight = try Self.setUp(manifest: "schemaVersion: 1\n" + goals + "  budget: {total: 1000, currency: USD}\n",
                                   programs: ["hands-on-im": Self.handsOnIM, "observe-im": Self.observeIM])
        defer { try? FileManager.default.removeItem(atPath: tight.root) }
        let bound = try Self.pick(tight.folder, tight.catalog)
        #expect(bound.status == 0)
        #expect(Self.ids(bound.json["ranked"]) == ["observe-im"])
        let unfit = try #require((bound.json["unfit"] as? [[String: Any]])?.first)
        #expect(unfit["program"] as? String == "hands-on-im")
        #expect((unfit["exclusions"] as? [String]) == ["costs USD 3000, over your budget of USD 1000"])
    }

    @Test("two overlapping sessions: the plan takes the better one and says the other overlaps it")
    func overlappingSessions() throws {
        let programs = [
            "early": Self.program("early", starts: ["2027-03-01"], facts: "handsOn=\"hands-on\""),
            "overlapping": Self.program("overlapping", starts: ["2027-03-15"], facts: "handsOn=\"observation\""),
            "later": Self.program("later", starts: ["2027-05-03"], facts: "handsOn=\"limited\""),
        ]
        let (sessions, complete, left) = try Self.plan(programs, goals: "  prefer: hands-on\n")
        #expect(sessions == ["early", "later"])
        #expect(complete == true)
        #expect(left["program"] as? String == "overlapping")
        #expect((left["reason"] as? String)?.hasPrefix("overlaps early (2027-03-01 to 2027-03-28); observation only") == true, "\(left)")
    }

    @Test("the words follow the numbers: a preferred level is not a drawback, every overlap is named, limited counts as hands-on, a residency-only catalog says why nothing is weighed")
    func wordsFollowNumbers() throws {
        // Observation preferred: the long observership scores best alone, but the two hands-on
        // sessions it overlaps are worth more together. It is left out naming both, and its
        // observation is not held against it.
        let programs = [
            "a": Self.program("a", starts: ["2027-03-01"], facts: "handsOn=\"hands-on\""),
            "b": Self.program("b", starts: ["2027-04-05"], facts: "handsOn=\"hands-on\""),
            "obs": Self.program("obs", weeks: 8, starts: ["2027-03-01"], facts: "handsOn=\"observation\""),
        ]
        let (sessions, _, left) = try Self.plan(programs, goals: "  specialties: [internal medicine]\n  prefer: observation\n")
        #expect(sessions == ["a", "b"])
        let reason = left["reason"] as? String ?? ""
        #expect(left["program"] as? String == "obs")
        #expect(reason.hasPrefix("overlaps a (2027-03-01 to 2027-03-28) and b (2027-04-05 to 2027-05-02); observation only"), "\(reason)")
        #expect(!reason.contains("but observation only"), "\(reason)")

        // Applying: a limited session is hands-on, as the residency factor counts it.
        let limited = ["lim": Self.program("lim", starts: ["2027-06-07"], facts: "handsOn=\"limited\"")]
        let applying = try Self.setUp(manifest: "schemaVersion: 1\ngoals:\n  stage: applying\n  matchYear: 2028\n", programs: limited)
        defer { try? FileManager.default.removeItem(atPath: applying.root) }
        let ranked = try #require((try Self.pick(applying.folder, applying.catalog).json["ranked"] as? [[String: Any]])?.first)
        let stage = try #require((ranked["factors"] as? [[String: Any]])?.first { $0["name"] as? String == "stage" })
        #expect(stage["value"] as? Double == 1, "\(stage)")
        #expect((stage["words"] as? String)?.hasPrefix("limited supervised tasks, ends") == true, "\(stage)")

        // Only residencies: nothing is weighed, and the report says why instead of promising reasons.
        let residencies = ["res": Self.program("res", kind: "residency")]
        let only = try Self.setUp(manifest: "schemaVersion: 1\n", programs: residencies)
        defer { try? FileManager.default.removeItem(atPath: only.root) }
        let text = try CLITests.run(["pick", only.folder, "--programs", only.catalog, "--as-of", "2026-12-01"])
        #expect(text.stdout.contains("Nothing to weigh: residency programs are not ranked"), "\(text.stdout)")
        #expect(!text.stdout.contains("The reasons, per program, are below."))
    }

    @Test("the stage changes the order: exploring puts the short externship first, preparing the long hands-on one")
    func stageChangesOrder() throws {
        let programs = [
            "short": Self.program("short", weeks: 2, starts: ["2027-03-01"], facts: "handsOn=\"observation\""),
            "long": Self.program("long", weeks: 12, starts: ["2027-03-01"], facts: "handsOn=\"hands-on\""),
        ]
        for (stage, order) in [("exploring", ["short", "long"]), ("preparing", ["long", "short"])] {
            let setup = try Self.setUp(manifest: "schemaVersion: 1\ngoals:\n  stage: \(stage)\n  specialties: [internal medicine]\n", programs: programs)
            defer { try? FileManager.default.removeItem(atPath: setup.root) }
            let result = try Self.pick(setup.folder, setup.catalog)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(Self.ids(result.json["ranked"]) == order, "\(stage)")
        }
    }

    @Test("a residency target whose USCE rule only one hands-on block meets: the plan takes it and says the rule is met; without it, says plainly it is not")
    func residencyNeedsOneBlock() throws {
        let residency = Self.program("target-im", kind: "residency", eligibility: "<usce minMonths=\"3\" handsOn=\"true\"/>")
        var programs = [
            "target-im": residency,
            "three-months": Self.program("three-months", rotation: ("2027-03-01", "2027-05-31"), fee: "2000", facts: "handsOn=\"hands-on\""),
            "observe-a": Self.program("observe-a", starts: ["2027-03-01"], fee: "100", facts: "handsOn=\"observation\" letter=\"usually\""),
            "observe-b": Self.program("observe-b", starts: ["2027-06-07"], fee: "100", facts: "handsOn=\"observation\" letter=\"usually\""),
            "month-hands-on": Self.program("month-hands-on", starts: ["2027-07-05"], fee: "900", facts: "handsOn=\"hands-on\""),
        ]
        let goals = """
            schemaVersion: 1
            goals:
              stage: applying
              matchYear: 2028
              specialties: [internal medicine]
              budget: {total: 2500, currency: USD}
              residencyTargets: [target-im]

            """
        let setup = try Self.setUp(manifest: goals, programs: programs)
        defer { try? FileManager.default.removeItem(atPath: setup.root) }
        let result = try Self.pick(setup.folder, setup.catalog, plan: true)
        #expect(result.status == 0, "\(result.stderr)")
        let plan = try #require(result.json["plan"] as? [String: Any])
        #expect(Self.ids(plan["sessions"]) == ["three-months", "observe-b"])
        let outcome = try #require((plan["residency"] as? [[String: Any]])?.first)
        #expect(outcome["met"] as? Bool == true)
        #expect(outcome["words"] as? String == "met with three-months")
        // The residency program is a target, not a rotation to take.
        #expect(!Self.ids(result.json["ranked"]).contains("target-im"))

        programs["three-months"] = nil
        let without = try Self.setUp(manifest: goals, programs: programs)
        defer { try? FileManager.default.removeItem(atPath: without.root) }
        let short = try Self.pick(without.folder, without.catalog, plan: true)
        let missed = try #require(((short.json["plan"] as? [String: Any])?["residency"] as? [[String: Any]])?.first)
        #expect(missed["met"] as? Bool == false)
        #expect((missed["words"] as? String)?.hasPrefix("not met: 0.9 of 3.0 months by 2027-09-01") == true, "\(missed)")
    }

    @Test("nothing fits: exit 1 with the reasons; goals the model cannot hold: exit 2, one line with the pointer, nothing on stdout")
    func exitCodes() throws {
        let setup = try Self.setUp(manifest: "schemaVersion: 1\ngoals:\n  budget: {total: 100, currency: USD}\n",
                                   programs: ["hands-on-im": Self.handsOnIM])
        defer { try? FileManager.default.removeItem(atPath: setup.root) }
        let none = try CLITests.run(["pick", setup.folder, "--programs", setup.catalog, "--as-of", "2026-12-01"])
        #expect(none.status == 1)
        #expect(none.stdout.contains("Nothing fits."))
        #expect(none.stdout.contains("hands-on-im (closest: 2027-03-01): costs USD 3000, over your budget of USD 100"))

        for (goals, message) in [
            ("  availability: [{from: 2027-05-01, through: 2027-04-01}]\n", "/goals/availability/0/through: error: the window ends (2027-04-01) before it starts (2027-05-01)"),
            ("  weights: {speciality: 2}\n", "/goals/weights/speciality: error: unknown weight \"speciality\" (did you mean \"specialty\"?)"),
            ("  residencyTargets: [no-such-program]\n", "/goals/residencyTargets/0: error: no program \"no-such-program\" in the catalog"),
            ("  residencyTargets: [hands-on-im]\n", "/goals/residencyTargets/0: error: \"hands-on-im\" is a"),
            ("  stage: applying\n", "/goals/stage: error: stage applying needs matchYear"),
        ] {
            let bad = try Self.setUp(manifest: "schemaVersion: 1\ngoals:\n" + goals, programs: ["hands-on-im": Self.handsOnIM])
            defer { try? FileManager.default.removeItem(atPath: bad.root) }
            let run = try CLITests.run(["pick", bad.folder, "--programs", bad.catalog, "--as-of", "2026-12-01"])
            #expect(run.status == 2, "\(goals)")
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.contains(message), "\(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1)
        }
    }

    @Test("a few hundred sessions: 12 programs of 20 fortnightly sessions and a residency rule; the plan is proven best, well inside the node limit")
    func fewHundredSessions() throws {
        var programs: [String: String] = [:]
        let levels = ["observation", "limited", "hands-on"]
        for index in 0..<12 {
            let starts = (0..<20).map { CalendarStart.fortnight($0) }
            programs["p\(index)"] = Self.program("p\(index)", specialty: index % 3 == 0 ? "Internal Medicine" : "Surgery", weeks: [2, 4, 8][index % 3],
                                                 starts: starts, fee: String(500 * (index % 4)), facts: "handsOn=\"\(levels[index % 3])\"")
        }
        programs["res"] = Self.program("res", kind: "residency", eligibility: "<usce minMonths=\"3\" handsOn=\"true\" withinMonths=\"12\"/>")
        let goals = "schemaVersion: 1\ngoals:\n  stage: applying\n  matchYear: 2028\n  specialties: [internal medicine]\n  prefer: hands-on\n"
            + "  budget: {total: 6000, currency: USD}\n  residencyTargets: [res]\n"
        let setup = try Self.setUp(manifest: goals, programs: programs)
        defer { try? FileManager.default.removeItem(atPath: setup.root) }
        let result = try Self.pick(setup.folder, setup.catalog, plan: true)
        #expect(result.status == 0, "\(result.stderr)")
        let plan = try #require(result.json["plan"] as? [String: Any])
        #expect(plan["complete"] as? Bool == true)
        #expect((plan["candidatesSearched"] as? Int ?? 0) >= 200)
        #expect((plan["nodes"] as? Int ?? Int.max) < 500_000)
        #expect(((plan["residency"] as? [[String: Any]])?.first?["met"] as? Bool) == true)
    }

    /// Session starts every other Monday from 2027-01-04.
    enum CalendarStart {
        static func fortnight(_ index: Int) -> String {
            var components = DateComponents()
            components.year = 2027; components.month = 1; components.day = 4 + 14 * index
            let calendar = Calendar(identifier: .gregorian)
            let date = calendar.date(from: components)!
            let parts = calendar.dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
            return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
        }
    }

    @Test("exploring prefers variety: of two overlapping sessions, the plan takes the other specialty although it scores a little less; preparing does not")
    func exploringVariety() throws {
        let programs = [
            "im-a": Self.program("im-a", starts: ["2027-03-01"], facts: "handsOn=\"observation\" letter=\"sometimes\""),
            "surgery-b": Self.program("surgery-b", specialty: "General Surgery", starts: ["2027-03-01"], facts: "handsOn=\"observation\""),
            "im-c": Self.program("im-c", starts: ["2027-05-03"], facts: "handsOn=\"observation\""),
        ]
        for (stage, sessions) in [("exploring", ["surgery-b", "im-c"]), ("preparing", ["im-a", "im-c"])] {
            let setup = try Self.setUp(manifest: "schemaVersion: 1\ngoals:\n  stage: \(stage)\n", programs: programs)
            defer { try? FileManager.default.removeItem(atPath: setup.root) }
            let result = try Self.pick(setup.folder, setup.catalog, plan: true)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(Self.ids((result.json["plan"] as? [String: Any])?["sessions"]) == sessions, "\(stage)")
        }
    }

    @Test("a residency program's own deadline is when its USCE rule must be met: a block ending after it does not count, one ending before does")
    func residencyDeadline() throws {
        let residency = Self.program("target-im", kind: "residency", eligibility: "<usce minMonths=\"3\" handsOn=\"true\"/>")
            .replacingOccurrences(of: "</program>", with: "").replacingOccurrences(of: "<eligibility>", with: "<deadline date=\"2027-04-30\"/>\n<eligibility>") + "</program>"
        let goals = "schemaVersion: 1\ngoals:\n  stage: applying\n  matchYear: 2028\n  residencyTargets: [target-im]\n"
        let late = Self.program("late", rotation: ("2027-03-01", "2027-05-31"), facts: "handsOn=\"hands-on\"")
        let early = Self.program("early", rotation: ("2027-01-04", "2027-04-03"), facts: "handsOn=\"hands-on\"")
        let setup = try Self.setUp(manifest: goals, programs: ["target-im": residency, "late": late])
        defer { try? FileManager.default.removeItem(atPath: setup.root) }
        let missed = try #require(((try Self.pick(setup.folder, setup.catalog, plan: true).json["plan"] as? [String: Any])?["residency"] as? [[String: Any]])?.first)
        #expect(missed["met"] as? Bool == false)
        #expect((missed["words"] as? String)?.hasPrefix("not met: 0.0 of 3.0 months by 2027-04-30 (its deadline)") == true, "\(missed)")
        let both = try Self.setUp(manifest: goals, programs: ["target-im": residency, "late": late, "early": early])
        defer { try? FileManager.default.removeItem(atPath: both.root) }
        let met = try #require(((try Self.pick(both.folder, both.catalog, plan: true).json["plan"] as? [String: Any])?["residency"] as? [[String: Any]])?.first)
        #expect(met["met"] as? Bool == true)
        #expect(met["words"] as? String == "met with early")
    }

}
