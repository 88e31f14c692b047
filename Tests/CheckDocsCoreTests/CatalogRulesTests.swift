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
}
