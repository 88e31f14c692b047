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

    @Test("ready-by: a TB test that may be dated only from 90 days before the start waits for that day; a Step 1 the manifest records as taken is a week's request; a 30-day rotation pays one monthly fee")
    func readyByWindowsAndTakenExams() throws {
        let tb = #"<requirements><require id="tb" title="TB test"><document type="tb_igra"><window anchor="rotation-start" within="90" unit="days"/></document></require></requirements>"#
        let step1 = #"<requirements><require id="usmle" title="USMLE Step 1 score report"><document type="usmle_step1"/></require></requirements>"#
        func dated(_ id: String, _ start: String, _ end: String, deadline: String, _ more: String) -> String {
            let rotation = "<rotation start=\"\(start)\" end=\"\(end)\"/>"
            return Self.program(id, rotation: (start, end)).replacingOccurrences(of: rotation, with: rotation + "<deadline date=\"\(deadline)\"/>")
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
        let setup = try Self.setUp(manifest: manifest, programs: programs)
        defer { try? FileManager.default.removeItem(atPath: setup.root) }
        let result = try Self.pick(setup.folder, setup.catalog)
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
        let mixed = Self.program("mixed", rotation: ("2027-03-01", "2027-03-28"), fee: "100", facts: #"livingPerWeek="2000" livingCurrency="EUR""#)
        let setup = try Self.setUp(manifest: manifest, programs: ["mixed": mixed])
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
            Self.program(id, starts: [start]).replacingOccurrences(of: "</program>", with: visa + "\n</program>")
        }
        let setup = try Self.setUp(manifest: "schemaVersion: 1\n", programs: ["soon": program("soon", start: "2027-01-30"),
                                                                               "later": program("later", start: "2027-04-05")])
        defer { try? FileManager.default.removeItem(atPath: setup.root) }
        let result = try Self.pick(setup.folder, setup.catalog)
        #expect(result.status == 0, "\(result.stderr)")
        let ranked = try #require((result.json["ranked"] as? [[String: Any]])?.first)
        #expect(ranked["program"] as? String == "later")
        #expect(ranked["readyBy"] as? String == "2027-03-01")
        let unfit = try #require((result.json["unfit"] as? [[String: Any]])?.first)
        let exclusion = (unfit["exclusions"] as? [String])?.first ?? ""
        #expect(exclusion.hasPrefix("cannot be ready in time: ready about ") && exclusion.hasSuffix(": visa takes about 90 days"), "\(unfit)")
    }

    @Test("the built-in catalog: pick uses it without --programs, list programs shows it, explain finds its programs, lint warns when a source is older than a year")
    func builtinCatalog() throws {
        let setup = try Self.setUp(manifest: "schemaVersion: 1\n", programs: [:])
        defer { try? FileManager.default.removeItem(atPath: setup.root) }
        let run = try CLITests.run(["pick", setup.folder, "--as-of", "2026-12-01", "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(",mount-sinai-surgery-observership,"))
        let list = try CLITests.run(["list", "programs"])
        #expect(list.stdout.contains("Built-in catalog ("))
        #expect(list.stdout.contains("cleveland-clinic-observer"))
        // explain finds a catalog program as list shows it, and suggests one for a typo.
        let explained = try CLITests.run(["explain", "chla-international-observership"])
        #expect(explained.status == 0, "\(explained.stderr)")
        #expect(explained.stdout.contains("Children's Hospital Los Angeles"))
        let typo = try CLITests.run(["explain", "chla-international-observershp"])
        #expect(typo.status == 2 && typo.stderr.contains("chla-international-observership"))
        // A program of the applicant's own, asked for without --programs: the way to it is named.
        let own = try CLITests.run(["explain", "msslw-im-residency"])
        #expect(own.status == 2 && own.stderr.contains("a program of your own is found with --programs"), "\(own.stderr)")
        // A shortened id is far from the whole in letters, and is still suggested.
        let short = try CLITests.run(["samples/applicants/missing-items", "--as-of", "2026-12-01", "--program", "msslw"])
        #expect(short.status == 2 && short.stderr.contains("(did you mean \"msslw-im-residency\"?)"), "\(short.stderr)")
        // A misspelt file-name alias is suggested (explain finds types by them), and a lengthened id by the id it starts with.
        let alias = try CLITests.run(["explain", "quantiferron"])
        #expect(alias.status == 2 && alias.stderr.contains("(did you mean \"quantiferon\"?)"), "\(alias.stderr)")
        let lengthened = try CLITests.run(["explain", "osha_module"])
        #expect(lengthened.status == 2 && lengthened.stderr.contains("(did you mean \"osha\"?)"), "\(lengthened.stderr)")
        let fresh = try CLITests.run(["lint", "catalog", "--as-of", "2027-09-30"])
        #expect(fresh.status == 0)
        #expect(fresh.stderr.isEmpty, "\(fresh.stderr)")
        let stale = try CLITests.run(["lint", "catalog/mayo-visiting-clerkship.xml", "--as-of", "2027-10-02"])
        #expect(stale.status == 0)
        #expect(stale.stdout == "1 file valid\n")
        #expect(stale.stderr == "checkdocs: catalog/mayo-visiting-clerkship.xml: warning: the source was read on 2026-10-01, more than a year before 2027-10-02; read https://college.mayo.edu/academics/visiting-medical-student-clerkships/application-process/ again\n")
    }

    @Test("pick -o never writes into the applicant folder; a CSV cell that would be a formula is text")
    func outputs() throws {
        let hostile = Self.program("formula", starts: ["2027-03-01"]).replacingOccurrences(of: "<name>Program formula</name>", with: "<name>=HYPERLINK(\"http://x\")</name>")
        let setup = try Self.setUp(manifest: "schemaVersion: 1\n", programs: ["formula": hostile])
        defer { try? FileManager.default.removeItem(atPath: setup.root) }
        let inside = try CLITests.run(["pick", setup.folder, "--programs", setup.catalog, "--as-of", "2026-12-01", "-o", setup.folder + "/pick.txt"])
        #expect(inside.status == 2)
        #expect(inside.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: setup.folder + "/pick.txt"))
        let csv = try CLITests.run(["pick", setup.folder, "--programs", setup.catalog, "--as-of", "2026-12-01", "--format", "csv",
                                    "-o", setup.root + "/pick.csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let written = try String(contentsOfFile: setup.root + "/pick.csv", encoding: .utf8)
        #expect(written.contains(",formula,\"'=HYPERLINK(\"\"http://x\"\")\","))
    }

    @Test("pick --format csv names each column once: the cost factor's points and the cost in words are two columns")
    func csvColumns() throws {
        let run = try CLITests.run(["pick", "samples/applicants/pick-student", "--as-of", "2026-12-01", "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.components(separatedBy: "\r\n")
        let header = lines[0].components(separatedBy: ",")
        #expect(Set(header).count == header.count, "\(header)")
        let first = lines[1].components(separatedBy: ",")
        let cell = { (name: String) in header.firstIndex(of: name).map { first[$0] } }
        #expect(cell("program") == "fiu-international-medical-student-program")
        // FIU states no fee: its cost is its living costs and an unknown fee, which counts nothing.
        #expect(cell("cost") == "0.00")
        #expect(cell("cost-amount") == "USD 1400 + unstated fees")
        #expect(cell("ready-by") == "2026-12-22")
    }

    @Test("the three sample applicants (student, recent graduate, older graduate) against the built-in catalog: the golden rankings and plans",
          arguments: ["pick-student", "pick-recent-graduate", "pick-older-graduate"])
    func samples(name: String) throws {
        let run = try CLITests.run(["pick", "samples/applicants/\(name)", "--as-of", "2026-12-01", "--plan"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        try CLITests.golden("\(name).txt", run.stdout)
        let json = try CLITests.run(["pick", "samples/applicants/\(name)", "--as-of", "2026-12-01", "--plan", "--format", "json"])
        try CLITests.golden("\(name).json", json.stdout)
        // The JSON is described by checklists/schema/pick.schema.json.
        let schema = try #require(BuiltinData.file("schema/pick.schema.json"))
        let validator = JSONSchemaValidator(schema: try JSONParser.parse(Array(schema.utf8)), date: DateLimits.verdict)
        #expect(validator.validate(try JSONParser.parse(Array(json.stdout.utf8))).isEmpty)
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

    @Test("cost: weekly and monthly fees times the length, the program's living cost or the budget's, another currency shown and not converted; JSON and XML facts read alike; explain shows them")
    func costArithmetic() throws {
        // 6 weeks: 100 a week = 600; 1000 a month, 42 days = 2 months begun = 2000; 50 once; living 200 a week = 1200 (USD 3850).
        let xml = Self.program("weekly", weeks: 6, starts: ["2027-03-01"]).replacingOccurrences(of: "<facts", with: "<facts")
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
        let setup = try Self.setUp(manifest: "schemaVersion: 1\ngoals:\n  budget: {total: 5000, currency: USD, livingPerWeek: 400}\n",
                                   programs: ["weekly": weekly])
        defer { try? FileManager.default.removeItem(atPath: setup.root) }
        try json.write(toFile: setup.catalog + "/euro.json", atomically: true, encoding: .utf8)
        let result = try Self.pick(setup.folder, setup.catalog)
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

    @Test("HTML: well-formed, no script, hostile catalog text escaped, a javascript: source shown but not linked")
    func html() throws {
        let hostile = Self.program("hostile", starts: ["2027-03-01"])
            .replacingOccurrences(of: "<name>Program hostile</name>", with: "<name>&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"quotes\"</name>")
            .replacingOccurrences(of: "href=\"https://example.org/hostile\"", with: "href=\"javascript:alert(1)\"")
        let setup = try Self.setUp(manifest: "schemaVersion: 1\n", programs: ["hostile": hostile])
        defer { try? FileManager.default.removeItem(atPath: setup.root) }
        let run = try CLITests.run(["pick", setup.folder, "--programs", setup.catalog, "--as-of", "2026-12-01", "--plan", "--format", "html"])
        #expect(run.status == 0, "\(run.stderr)")
        _ = try XMLDocument(data: Data(run.stdout.utf8), options: [])
        #expect(!run.stdout.contains("<script"))
        #expect(run.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"))
        #expect(run.stdout.contains("<a href=\"#\">javascript:alert(1)</a>"))
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

    @Test("docs/pick.md states the code's numbers: the default weights and each category's default lead days; every built-in leadDays it names is the catalog's")
    func documentedNumbers() throws {
        let weights = try MarkdownTable.rows(in: "docs/pick.md", after: "## Weights")
        #expect(weights == PickWeights.defaults.map { [$0.name, PickText.number($0.weight)] })
        let leads = try MarkdownTable.rows(in: "docs/pick.md", after: "## Lead times")
        #expect(Set(leads.map { $0[0] }) == Set(DocumentType.defaultLeadDays.keys))
        let catalog = try CatalogLoader.builtin()
        for row in leads where row.count == 3 {
            #expect(Int(row[1]) == DocumentType.defaultLeadDays[row[0]], "\(row[0])")
            // "passport 42, photo 1": exactly the built-in types of the category that give leadDays.
            let named = row[2].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let own = catalog.types.filter { $0.category == row[0] && $0.leadDays != nil }.map { "\($0.id) \($0.leadDays!)" }
            #expect(named == own, "\(row[0])")
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

    @Test("pick in the adversarial sandbox: every format with --plan, the built-in catalog, a link to a secret outside; the folder and the outside unchanged, no canary in any output")
    func sandbox() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.file("checkdocs.yaml", "schemaVersion: 1\ngoals:\n  stage: exploring\n  budget: {total: 3000, currency: USD}\n")
        try box.file("CV_2026.pdf")
        #expect(symlink(box.canaryPath, box.folder + "/Passport.pdf") == 0)
        for format in ["text", "json", "csv", "html"] {
            let report = box.reports + "/pick." + format
            let run = try box.runChecked(["pick", box.folder, "--as-of", "2026-12-01", "--plan", "--format", format, "-o", report],
                                         timeout: 60, reportFiles: [report])
            #expect(run.status == 0, "\(format): \(run.stderr)")
            #expect(FileManager.default.fileExists(atPath: report))
        }
    }
}
