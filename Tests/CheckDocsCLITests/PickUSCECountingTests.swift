import Foundation
import Testing

/// `pick` counts a target residency's `usce` rule exactly as `check` does (docs/pick.md,
/// "Factors" and "The plan"; docs/programs.md, "`usce`"): specialties compared whole, only proven
/// stints, the rule's `when` and severity heeded, days counted once.
@Suite struct PickUSCECountingTests {
    static let goals = "goals:\n  stage: applying\n  matchYear: 2028\n  residencyTargets: [target]\n"

    static func target(_ rule: String) -> String {
        PickCLITests.program("target", kind: "residency", eligibility: rule)
    }

    /// A folder set up as PickCLITests does, with a certificate `Externship certificate.pdf` that passes the baseline.
    static func setUp(manifest: String, programs: [String: String]) throws -> (folder: String, catalog: String, root: String) {
        let setup = try PickCLITests.setUp(manifest: manifest, programs: programs)
        let pdf = try Data(contentsOf: URL(fileURLWithPath: CLITests.root + "/samples/applicants/ready/CV_2026.pdf"))
        try pdf.write(to: URL(fileURLWithPath: setup.folder + "/Externship certificate.pdf"))
        return setup
    }

    static func residencyWords(_ json: [String: Any], _ program: String) -> String? {
        let ranked = json["ranked"] as? [[String: Any]] ?? []
        let factors = ranked.first { $0["program"] as? String == program }?["factors"] as? [[String: Any]] ?? []
        return factors.first { $0["name"] as? String == "residency" }?["words"] as? String
    }

    @Test("a residency rule for specialty=\"surgery\": a General Surgery session does not count, a Surgery one does")
    func specialtyComparedWhole() throws {
        let programs = [
            "target": Self.target("<usce minMonths=\"1\" specialty=\"surgery\"/>"),
            "general": PickCLITests.program("general", specialty: "General Surgery", starts: ["2027-03-01"], facts: "handsOn=\"hands-on\""),
            "surgery": PickCLITests.program("surgery", specialty: "Surgery", starts: ["2027-05-03"], facts: "handsOn=\"hands-on\""),
        ]
        let setup = try Self.setUp(manifest: "schemaVersion: 1\n" + Self.goals, programs: programs)
        defer { try? FileManager.default.removeItem(atPath: setup.root) }
        let result = try PickCLITests.pick(setup.folder, setup.catalog)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.residencyWords(result.json, "general") == "does not count for target")
        #expect(Self.residencyWords(result.json, "surgery") == "adds 0.9 of the 1.0 months target still needs")
    }

    @Test("a stint with no certificate is not proven: pick does not call the rule already met, as check says not-proven; with its certificate it is met")
    func onlyProvenStints() throws {
        let programs = [
            "target": Self.target("<usce minMonths=\"3\" handsOn=\"true\"/>"),
            "later": PickCLITests.program("later", starts: ["2027-03-01"], facts: "handsOn=\"hands-on\""),
        ]
        let stint = "applicant:\n  usce:\n    - {kind: externship, start: \"2026-05-01\", end: \"2026-07-31\"%@}\n"
        let unproven = try Self.setUp(manifest: "schemaVersion: 1\n" + stint.replacingOccurrences(of: "%@", with: "") + Self.goals,
                                      programs: programs)
        defer { try? FileManager.default.removeItem(atPath: unproven.root) }
        let check = try CLITests.run([unproven.folder, "--programs", unproven.catalog + "/target.xml", "--as-of", "2026-12-01", "--format", "json"])
        #expect(check.stdout.contains("not-proven"), "\(check.stdout)")
        let open = try PickCLITests.pick(unproven.folder, unproven.catalog, plan: true)
        #expect(open.status == 0, "\(open.stderr)")
        #expect(Self.residencyWords(open.json, "later") == "adds 0.9 of the 3.0 months target still needs")
        let outcome = try #require(((open.json["plan"] as? [String: Any])?["residency"] as? [[String: Any]])?.first)
        #expect(outcome["met"] as? Bool == false)

        let proven = try Self.setUp(manifest: "schemaVersion: 1\n" + stint.replacingOccurrences(of: "%@", with: ", certificate: \"Externship certificate.pdf\"")
                                    + Self.goals, programs: programs)
        defer { try? FileManager.default.removeItem(atPath: proven.root) }
        let met = try PickCLITests.pick(proven.folder, proven.catalog, plan: true)
        #expect(Self.residencyWords(met.json, "later") == "target already met")
        let metOutcome = try #require(((met.json["plan"] as? [String: Any])?["residency"] as? [[String: Any]])?.first)
        #expect(metOutcome["met"] as? Bool == true)
        #expect(metOutcome["words"] as? String == "already met by your experience")
    }

    @Test("a usce rule whose when fails for the applicant is not aimed at; one the manifest cannot decide is aimed at and named; a warning-only rule is not aimed at")
    func conditionAndSeverity() throws {
        let programs = [
            "target": Self.target("<usce minMonths=\"3\" handsOn=\"true\"><when status=\"graduate\"/></usce>"),
            "later": PickCLITests.program("later", starts: ["2027-03-01"], facts: "handsOn=\"hands-on\""),
        ]
        func run(_ profile: String, _ programs: [String: String]) throws -> [String: Any] {
            let setup = try Self.setUp(manifest: "schemaVersion: 1\n" + profile + Self.goals, programs: programs)
            defer { try? FileManager.default.removeItem(atPath: setup.root) }
            let result = try PickCLITests.pick(setup.folder, setup.catalog, plan: true)
            #expect(result.status == 0, "\(result.stderr)")
            return result.json
        }
        func rules(_ json: [String: Any]) -> Int { ((json["plan"] as? [String: Any])?["residency"] as? [[String: Any]])?.count ?? -1 }
        let student = try run("applicant:\n  status: student\n", programs)
        #expect(rules(student) == 0)
        #expect((student["notes"] as? [String] ?? []).contains { $0.hasPrefix("target: its USCE rule applies only if") && $0.hasSuffix("which does not hold for you: not aimed at") }, "\(student["notes"] ?? "")")
        let graduate = try run("applicant:\n  status: graduate\n", programs)
        #expect(rules(graduate) == 1)
        let unknown = try run("", programs)
        #expect(rules(unknown) == 1)
        #expect((unknown["notes"] as? [String] ?? []).contains { $0.hasPrefix("target: its USCE rule applies only if") && $0.contains("`applicant.status`") }, "\(unknown["notes"] ?? "")")

        var warning = programs
        warning["target"] = Self.target("<usce minMonths=\"3\" handsOn=\"true\" severity=\"warning\"/>")
        let warned = try run("", warning)
        #expect(rules(warned) == 0)
        #expect((warned["notes"] as? [String] ?? []).contains("target: its USCE rule is a warning only (it does not block): not aimed at"), "\(warned["notes"] ?? "")")
    }

    @Test("a stint still going on at the as-of date counts only through it, as check counts it; the plan's months merge it with the sessions, never adding a day twice")
    func daysCountedOnce() throws {
        let programs = [
            "target": Self.target("<usce minMonths=\"5.5\" handsOn=\"true\"/>"),
            "winter": PickCLITests.program("winter", weeks: 8, starts: ["2027-01-04"], facts: "handsOn=\"hands-on\""),
        ]
        let manifest = "schemaVersion: 1\napplicant:\n  usce:\n    - {kind: externship, start: \"2026-10-01\", end: \"2027-01-31\", certificate: \"Externship certificate.pdf\"}\n" + Self.goals
        let setup = try Self.setUp(manifest: manifest, programs: programs)
        defer { try? FileManager.default.removeItem(atPath: setup.root) }
        let result = try PickCLITests.pick(setup.folder, setup.catalog, plan: true)
        #expect(result.status == 0, "\(result.stderr)")
        let outcome = try #require(((result.json["plan"] as? [String: Any])?["residency"] as? [[String: Any]])?.first)
        #expect(outcome["met"] as? Bool == false)
        #expect((outcome["words"] as? String)?.hasPrefix("not met: 3.9 of 5.5 months by 2027-09-01") == true, "\(outcome)")
    }
}
