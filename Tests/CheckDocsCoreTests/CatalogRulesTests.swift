import Testing
@testable import CheckDocsCore

/// What the built-in catalog (catalog/) must keep of the rules its programs inherit, held program
/// by program: a program's own rule of a kind replaces the inherited one of the same id, so a
/// program that restates who may apply must restate all of it (docs/programs.md, "Inheritance").
@Suite struct CatalogRulesTests {
    @Test("every catalog elective for students keeps the rule that the applicant has not graduated before the elective ends")
    func studentElectivesKeepGraduationRule() throws {
        let programs = try Fixture.knowledge.builtinCatalog()
        var checked = 0
        for program in programs where program.description.kind == .visitingElective {
            let statusRules = program.eligibility.compactMap { $0.check.base as? ApplicantStatusCheck }
            guard statusRules.contains(where: { $0.allowed == [.student] }) else { continue }
            checked += 1
            #expect(statusRules.contains { $0.notGraduatedBefore == .rotationEnd }, "\(program.id) lets a graduate take a student elective")
        }
        #expect(checked >= 12)
    }

    @Test("the standard checklists that say a Td alone does not count refuse one (BCM inherits it)")
    func tdIsNotTdap() throws {
        for checklist in ["visiting-elective", "internship"] {
            let xml = Fixture.program("", kind: checklist, extends: #"<extends checklist="\#(checklist)"/>"#)
            #expect(try Fixture.evaluate(xml, files: ["Td booster 2024-01-10.pdf"]).status(of: "tdap") == .invalid, "\(checklist)")
            #expect(try Fixture.evaluate(xml, files: ["Tdap booster 2024-01-10.pdf"]).status(of: "tdap") == .ok, "\(checklist)")
        }
        let bcm = try #require(try Fixture.knowledge.builtinCatalog().first { $0.id == "bcm-visiting-elective" })
        let tdap = try #require(bcm.requirements.first { $0.id == "tdap" })
        guard case let .document(clause) = tdap.expression else { Issue.record("tdap is not one clause"); return }
        #expect(clause.constraints(of: SubtypeRule.self).contains { $0.excluded.contains("td") })
    }
}
