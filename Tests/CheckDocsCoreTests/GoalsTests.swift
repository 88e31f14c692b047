import Foundation
import Testing
@testable import CheckDocsCore
import CheckDocsNative

/// The manifest's `goals:` (docs/manifest.md, "goals").
@Suite struct GoalsTests {
    static func load(_ yaml: String) throws -> Manifest {
        let knowledge = try Knowledge.load()
        return try ManifestLoader(schemas: knowledge.schemas, catalog: knowledge.catalog).decode(Array(yaml.utf8), file: "checkdocs.yaml")
    }

    @Test("the goals section init drafts, uncommented and filled in, loads into what it says")
    func drafted() throws {
        let lines = ManifestDrafter.profilePlaceholders.drop { !$0.hasPrefix("# goals:") }
        #expect(!lines.isEmpty)
        let yaml = "schemaVersion: 1\n" + lines.map { String($0.dropFirst(2)).replacingOccurrences(of: "YYYY-MM-DD", with: "2027-03-01") }
            .joined(separator: "\n").replacingOccurrences(of: "through: \"2027-03-01\"", with: "through: \"2027-06-30\"") + "\n"
        let goals = try #require(try Self.load(yaml).profile.goals)
        #expect(goals.stage == .exploring)
        #expect(goals.matchYear == 2028)
        #expect(goals.applicationDay == CalendarDate(iso: "2027-09-01"))
        #expect(goals.specialties == ["Internal Medicine"])
        #expect(goals.availability == [ApplicantGoals.Window(from: CalendarDate(iso: "2027-03-01")!, through: CalendarDate(iso: "2027-06-30")!)])
        #expect(goals.budget == ApplicantGoals.Budget(total: 5000, currency: "USD", livingPerWeek: 300))
        #expect(goals.prefer == .handsOn)
        #expect(PickWeights(overrides: goals.weights) == PickWeights())
    }

    @Test("weights given replace only their own defaults")
    func weights() throws {
        let goals = try #require(try Self.load("schemaVersion: 1\ngoals:\n  weights: {cost: 3, letter: 0}\n").profile.goals)
        let weights = PickWeights(overrides: goals.weights)
        #expect(weights["cost"] == 3)
        #expect(weights["letter"] == 0)
        #expect(weights["specialty"] == 3)
    }

    @Test("a budget without a currency, an unknown stage, a negative weight: schema errors at their pointer")
    func schema() throws {
        for (yaml, pointer) in [
            ("goals:\n  budget: {total: 100}\n", "/goals/budget"),
            ("goals:\n  stage: dreaming\n", "/goals/stage"),
            ("goals:\n  weights: {cost: -1}\n", "/goals/weights/cost"),
            ("goals:\n  availability: [{from: \"2027-01-01\"}]\n", "/goals/availability/0"),
        ] {
            do {
                _ = try Self.load("schemaVersion: 1\n" + yaml)
                Issue.record("\(pointer): loaded")
            } catch let error as InputErrors {
                #expect(error.errors.contains { "\($0)".contains(pointer) }, "\(error.errors)")
            }
        }
    }

    @Test("a program's living-cost currency with no amount is an error at its place, not a silent default")
    func livingCurrencyNeedsAnAmount() throws {
        func load(_ facts: String) -> String? {
            let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <program xmlns="urn:checkdocs:program:1" schemaVersion="1" id="p" kind="observership">
              <name>P</name>
              <institution>I</institution>
              <source href="https://example.org/p" asOf="2026-11-01"/>
              <extends checklist="observership"/>
              \(facts)
            </program>
            """
            if case let .failure(errors) = ProgramLoader(schemas: Fixture.knowledge.schemas).loadXML(Array(xml.utf8), file: "p.xml") {
                return errors.errors.map(\.message).joined(separator: "\n")
            }
            return nil
        }
        #expect(load(#"<facts livingCurrency="EUR"/>"#)?.contains("livingCurrency needs livingPerWeek") == true)
        #expect(load(#"<facts livingPerWeek="300" livingCurrency="EUR"/>"#) == nil)
        #expect(load(#"<facts livingPerWeek="300"/>"#) == nil)
    }
}
