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

    @Test("the standard checklists that say a Td alone does not count refuse one (BCM inherits it, and refuses a Td booster beside an old Tdap)")
    func tdIsNotTdap() throws {
        for checklist in ["visiting-elective", "internship"] {
            let xml = Fixture.program("", kind: checklist, extends: #"<extends checklist="\#(checklist)"/>"#)
            #expect(try Fixture.evaluate(xml, files: ["Td booster 2024-01-10.pdf"]).status(of: "tdap") == .invalid, "\(checklist)")
            #expect(try Fixture.evaluate(xml, files: ["Tdap booster 2024-01-10.pdf"]).status(of: "tdap") == .ok, "\(checklist)")
        }
        // Every clause of BCM's rule has its 10-year window; one refuses a Td: an old Tdap and a
        // recent Td do not meet it, as they meet the standard VSLO rule (the AAMC form's).
        let bcm = try #require(try Fixture.knowledge.builtinCatalog().first { $0.id == "bcm-visiting-elective" })
        let tdap = try #require(bcm.requirements.first { $0.id == "tdap" })
        func clauses(_ expression: RequirementExpression) -> [DocumentClause] {
            switch expression {
            case let .document(clause): return [clause]
            case let .anyOf(items), let .allOf(items): return items.flatMap(clauses)
            }
        }
        let all = clauses(tdap.expression)
        #expect(all.contains { $0.constraints(of: SubtypeRule.self).contains { $0.excluded.contains("td") } })
        #expect(!all.isEmpty && all.allSatisfy { !$0.constraints(of: ValidityWindow.self).isEmpty })
    }

    @Test("catalog rules the domain audit found missing: Yale's English test, Mount Sinai's x-ray after a positive PPD, Mayo's $50,000 insurance, ESTA at Cleveland Clinic")
    func auditedRules() throws {
        func program(_ id: String) throws -> String {
            // With the rotation the catalog leaves out, after its <extends>, where the schema places it.
            let text = try String(contentsOfFile: "catalog/\(id).xml", encoding: .utf8)
            let start = try #require(text.range(of: "<extends "))
            let extends = try #require(text.range(of: "/>", range: start.upperBound..<text.endIndex))
            return text.replacingCharacters(in: extends, with: #"/><rotation start="2027-03-01" end="2027-03-28"/>"#)
        }
        // Yale: an English test even when teaching is in English; Duolingo is not one of them.
        let yale = try program("yale-visiting-international-elective")
        let english = "applicant:\n  medicalSchool: {instructionLanguage: en}\n"
        #expect(try Fixture.evaluate(yale, files: [], manifest: english + "  englishTests: []\n").status(of: "english-test") == .ineligible)
        let duolingo = english + "  englishTests: [{test: duolingo, date: \"2026-06-01\", total: 130}]\n"
        #expect(try Fixture.evaluate(yale, files: [], manifest: duolingo).status(of: "english-test") == .ineligible)
        let toefl = english + "  englishTests: [{test: toefl-ibt, date: \"2026-06-01\", total: 100}]\n"
        #expect(try Fixture.evaluate(yale, files: [], manifest: toefl).status(of: "english-test") == .ok)
        // UIC: a medium-of-instruction or dean's letter whose states record English teaching exempts from the
        // TOEFL when the manifest gives no language; at Yale neither exempts. A language given wins.
        let uic = try program("uic-international-visiting-students")
        let noTests = "applicant:\n  englishTests: []\n"
        #expect(try Fixture.evaluate(uic, files: [], manifest: noTests).status(of: "toefl-if-not-english") == .notEvaluable)
        #expect(try Fixture.evaluate(uic, files: ["MOI letter.pdf"], manifest: noTests).status(of: "toefl-if-not-english") == .notEvaluable)
        let moi = noTests + "documents:\n  \"MOI letter.pdf\": {states: [instruction-in-english]}\n"
        #expect(try Fixture.evaluate(uic, files: ["MOI letter.pdf"], manifest: moi).status(of: "toefl-if-not-english") == .notApplicable)
        let russian = noTests + "documents:\n  \"MOI letter.pdf\": {states: []}\n"
        #expect(try Fixture.evaluate(uic, files: ["MOI letter.pdf"], manifest: russian).status(of: "toefl-if-not-english") == .notEvaluable)
        let stated = noTests + "documents:\n  \"Dean letter of good standing.pdf\": {states: [instruction-in-english]}\n"
        #expect(try Fixture.evaluate(uic, files: ["Dean letter of good standing.pdf"], manifest: stated).status(of: "toefl-if-not-english") == .notApplicable)
        let french = "applicant:\n  englishTests: []\n  medicalSchool: {instructionLanguage: fr}\n"
        let frenchStated = french + "documents:\n  \"MOI letter.pdf\": {states: [instruction-in-english]}\n"
        #expect(try Fixture.evaluate(uic, files: ["MOI letter.pdf"], manifest: frenchStated).status(of: "toefl-if-not-english") == .ineligible)
        #expect(try Fixture.evaluate(yale, files: ["MOI letter.pdf"], manifest: moi).status(of: "english-test") == .ineligible)
        // Yale: a US permanent resident at a foreign school is no more eligible than a US citizen;
        // not saying whether one is leaves the rule undecided, naming the field.
        let citizenOf = "applicant:\n  citizenship: [IN]\n"
        #expect(try Fixture.evaluate(yale, files: [], manifest: citizenOf + "  usCitizenOrPermanentResident: true\n")
            .status(of: "eligibility.citizenship") == .ineligible)
        #expect(try Fixture.evaluate(yale, files: [], manifest: citizenOf + "  usCitizenOrPermanentResident: false\n")
            .status(of: "eligibility.citizenship") == .ok)
        let unsaid = try #require(try Fixture.evaluate(yale, files: [], manifest: citizenOf).result("eligibility.citizenship"))
        #expect(unsaid.status == .notEvaluable && unsaid.message.contains("usCitizenOrPermanentResident"))
        #expect(try Fixture.evaluate(yale, files: [], manifest: "applicant:\n  citizenship: [US]\n").status(of: "eligibility.citizenship") == .ineligible)
        // Mount Sinai surgery: a positive PPD alone does not pass; with a recent chest x-ray it does.
        let sinai = try program("mount-sinai-surgery-observership")
        let positive = "documents:\n  \"PPD 2027-01-10.pdf\": {result: positive}\n"
        #expect(try Fixture.evaluate(sinai, files: ["PPD 2027-01-10.pdf"], manifest: positive, asOf: "2027-02-01").status(of: "tb") != .ok)
        #expect(try Fixture.evaluate(sinai, files: ["PPD 2027-01-10.pdf", "Chest x-ray 2027-01-20.pdf"], manifest: positive, asOf: "2027-02-01").status(of: "tb") == .ok)
        // Mayo: coverage of $20,000 is less than the $50,000 asked.
        let mayo = try program("mayo-visiting-clerkship")
        let low = "documents:\n  \"Health insurance 2027-01-01 2027-12-31.pdf\": {coverage: {amount: 20000, currency: USD}}\n"
        #expect(try Fixture.evaluate(mayo, files: ["Health insurance 2027-01-01 2027-12-31.pdf"], manifest: low).status(of: "health-insurance") == .invalid)
        // Mount Sinai Miami Beach: Step 1 must be passed (unknown blocks); only the 220 cut-off warns for a pass/fail result.
        let msmc = try program("msmc-miami-beach-im-residency")
        let unknown = try Fixture.evaluate(msmc, files: [], manifest: "applicant: {status: graduate}\n")
        #expect(unknown.status(of: "step1-passed") == .notEvaluable && unknown.result("step1-passed")?.severity == .error)
        let passFail = try Fixture.evaluate(msmc, files: [], manifest: "applicant: {exams: [{exam: usmle-step1, date: \"2023-05-10\", result: pass}]}\n")
        #expect(passFail.status(of: "step1-passed") == .ok)
        #expect(passFail.status(of: "step1-cutoff") == .notEvaluable && passFail.result("step1-cutoff")?.severity == .warning)
        // Cleveland Clinic: ESTA is the Visa Waiver classes, WB and WT, and it accepts both: with the
        // admission class recorded or not, ESTA is accepted; a B1/B2 visa too (B-1 and B-2 are).
        let cleveland = try program("cleveland-clinic-observer")
        #expect(try Fixture.evaluate(cleveland, files: [], manifest: "applicant: {visaClass: ESTA, admissionClass: WB}\n").status(of: "visa-class") == .ok)
        #expect(try Fixture.evaluate(cleveland, files: [], manifest: "applicant: {visaClass: ESTA}\n").status(of: "visa-class") == .ok)
        #expect(try Fixture.evaluate(cleveland, files: [], manifest: "applicant: {visaClass: B1/B2}\n").status(of: "visa-class") == .ok)
        // Cleveland Clinic takes students who stay enrolled after the visit, not final-year ones,
        // and asks a diploma and USMLE results of graduates only.
        func student(year: Int, graduating: String) -> String {
            "applicant:\n  status: student\n  yearOfStudy: \(year)\n  graduationDate: \"\(graduating)\"\n  medicalSchool: {programYears: 6}\n"
        }
        let fourthYear = try Fixture.evaluate(cleveland, files: [], manifest: student(year: 4, graduating: "2029-07-01"))
        #expect(fourthYear.status(of: "enrolled-after-visit") == .ok && fourthYear.status(of: "not-final-year") == .ok)
        #expect(fourthYear.status(of: "diploma") == .notApplicable && fourthYear.status(of: "usmle") == .notApplicable)
        #expect(try Fixture.evaluate(cleveland, files: [], manifest: student(year: 6, graduating: "2027-07-01")).status(of: "not-final-year") == .ineligible)
        #expect(try Fixture.evaluate(cleveland, files: [], manifest: student(year: 5, graduating: "2027-03-15")).status(of: "enrolled-after-visit") == .ineligible)
        let graduate = try Fixture.evaluate(cleveland, files: [], manifest: "applicant: {status: graduate}\n")
        #expect(graduate.status(of: "diploma") == .missing && graduate.status(of: "not-final-year") == .ok)
        // Mount Sinai Miami Beach's course: 220 on Steps 1, 2 and 3 "if taken": a Step 3 below it
        // makes the applicant ineligible, none taken blocks nothing.
        let course = try String(contentsOfFile: "catalog/msmc-miami-beach-observership-course.xml", encoding: .utf8)
        let steps = "applicant:\n  exams:\n    - {exam: usmle-step1, date: \"2021-04-10\", result: pass, score: 232}\n"
            + "    - {exam: usmle-step2ck, date: \"2022-09-22\", result: pass, score: 244}\n"
        #expect(try Fixture.evaluate(course, files: [], manifest: steps).status(of: "step3-220") == .notApplicable)
        let step3Low = steps + "    - {exam: usmle-step3, date: \"2024-09-22\", result: pass, score: 205}\n"
        #expect(try Fixture.evaluate(course, files: [], manifest: step3Low).status(of: "step3-220") == .ineligible)
    }
}
