import Foundation
import Testing
@testable import CheckDocsNative
@testable import CheckDocsFormats
@testable import CheckDocsCore

/// The eligibility shapes of issue 14 (docs/programs.md, "Eligibility rules"): the last years of a
/// program of any length, "if taken", a `when` on a rule, how a not-evaluable rule counts, `when`
/// on the admission and visa class, and the school's accreditation, listing, name and country.
@Suite struct EligibilityShapeTests {
    /// The results of a program holding `eligibility` (and `requirements`) for an applicant.
    static func results(_ eligibility: String, requirements: String = "", manifest: String?) throws -> ProgramResult {
        try Fixture.evaluate(Fixture.program(requirements, extra: "<eligibility>\(eligibility)</eligibility>"), files: [], manifest: manifest)
    }

    static func rule(_ eligibility: String, manifest: String?) throws -> RequirementResult {
        try #require(try results(eligibility, manifest: manifest).requirements.first { $0.category == .eligibility })
    }

    static func student(year: Int, programYears: Int?, extra: String = "") -> String {
        var school = "{name: Escola X"
        if let programYears { school += ", programYears: \(programYears)" }
        return "applicant:\n  status: student\n  yearOfStudy: \(year)\n  medicalSchool: \(school)}\n" + extra
    }

    // MARK: Item 1: year of study and program length

    @Test("final year (lastYears=1): year 6 of a 6-year program and year 4 of a 4-year one pass; year 4 of 6 is ineligible")
    func finalYear() throws {
        let rule = #"<yearOfStudy lastYears="1"/>"#
        let sixth = try Self.rule(rule, manifest: Self.student(year: 6, programYears: 6))
        #expect(sixth.status == .ok && sixth.message == "final year (6 of 6)")
        let fourthOfFour = try Self.rule(rule, manifest: Self.student(year: 4, programYears: 4))
        #expect(fourthOfFour.status == .ok)
        let fourthOfSix = try Self.rule(rule, manifest: Self.student(year: 4, programYears: 6))
        #expect(fourthOfSix.status == .ineligible)
        #expect(fourthOfSix.message == "year of study 4 of a 6-year program; only the final year (6) accepted")
        #expect(fourthOfSix.reason == FindingReason(kind: "yearOfStudy", code: "not-in-last-years", file: nil, fields: [
            .init(key: "yearOfStudy", value: .int(4)), .init(key: "programYears", value: .int(6)),
            .init(key: "lastYears", value: .int(1)), .init(key: "firstAccepted", value: .int(6))]))
    }

    @Test("last two years: year 5 of 6 and year 3 of 4 pass, year 4 of 6 does not; min and lastYears both apply")
    func lastTwoYears() throws {
        let rule = #"<yearOfStudy lastYears="2"/>"#
        #expect(try Self.rule(rule, manifest: Self.student(year: 5, programYears: 6)).status == .ok)
        #expect(try Self.rule(rule, manifest: Self.student(year: 3, programYears: 4)).status == .ok)
        let early = try Self.rule(rule, manifest: Self.student(year: 4, programYears: 6))
        #expect(early.status == .ineligible && early.message.hasSuffix("only years 5–6 accepted"))
        let both = #"<yearOfStudy min="4" lastYears="3"/>"#
        #expect(try Self.rule(both, manifest: Self.student(year: 3, programYears: 5)).reason?.code == "year-too-low")
        #expect(try Self.rule(both, manifest: Self.student(year: 4, programYears: 5)).status == .ok)
    }

    @Test("an unknown program length is not evaluable naming applicant.medicalSchool.programYears; a graduate passes")
    func unknownLength() throws {
        let result = try Self.rule(#"<yearOfStudy lastYears="1"/>"#, manifest: Self.student(year: 6, programYears: nil))
        #expect(result.status == .notEvaluable)
        #expect(result.reason?.fields == [.init(key: "field", value: .string("applicant.medicalSchool.programYears"))])
        // The facts block groups a school fact under its top-level key, as for instructionLanguage.
        #expect(result.neededFacts == [NeededFact(file: nil, field: "medicalSchool")])
        let graduate = try Self.rule(#"<yearOfStudy lastYears="1"/>"#, manifest: "applicant: {status: graduate}\n")
        #expect(graduate.status == .ok)
    }

    @Test("impossible values are errors with a location: a year past the program's length, a rule with neither min nor lastYears")
    func impossibleYears() throws {
        #expect(throws: InputErrors.self) {
            _ = try Self.rule(#"<yearOfStudy lastYears="1"/>"#, manifest: Self.student(year: 7, programYears: 6))
        }
        let errors = try #require(Self.manifestErrors(Self.student(year: 7, programYears: 6)))
        #expect(errors.errors.map(\.location.position) == [.pointer("/applicant/yearOfStudy")])
        #expect(errors.errors.first?.message.contains("6-year program") == true)
        let loader = ProgramLoader(schemas: Fixture.knowledge.schemas)
        let neither = ConstraintKindTests.xmlProgram("<eligibility><yearOfStudy/></eligibility>")
        guard case let .failure(failure) = loader.loadXML(Array(neither.utf8), file: "y.xml") else {
            Issue.record("a yearOfStudy rule with neither min nor lastYears was accepted")
            return
        }
        #expect(failure.errors.map(\.message) == ["a yearOfStudy rule needs min, lastYears or notFinalYear=\"true\""])
        #expect(failure.errors.first?.location.file == "y.xml")
        // Permanent residents of a country other than the US: the manifest cannot tell them, so the
        // attribute would be ignored; it is an error instead.
        let residents = ConstraintKindTests.xmlProgram(#"<eligibility><citizenship excluded="IR CU" excludePermanentResidents="true"/></eligibility>"#)
        guard case let .failure(refused) = loader.loadXML(Array(residents.utf8), file: "c.xml") else {
            Issue.record("excludePermanentResidents without US was accepted")
            return
        }
        #expect(refused.errors.first?.message.contains("applies to US permanent residents only") == true, "\(refused.errors)")
        let us = ConstraintKindTests.xmlProgram(#"<eligibility><citizenship excluded="IR US" excludePermanentResidents="true"/></eligibility>"#)
        guard case .success = loader.loadXML(Array(us.utf8), file: "u.xml") else { Issue.record("US with its residents was refused"); return }
    }

    static func manifestErrors(_ manifest: String) -> InputErrors? {
        let loader = ManifestLoader(schemas: Fixture.knowledge.schemas, catalog: Fixture.knowledge.catalog)
        do {
            _ = try loader.decode(Array(manifest.utf8), file: "checkdocs.yaml")
            return nil
        } catch {
            return error
        }
    }

    // MARK: Item 2: "if taken", and a when on a rule

    @Test("Step 3 ≥ 220 if taken: no attempt is not applicable, an attempt is held to the score, an unknown list is not evaluable")
    func ifTaken() throws {
        let rule = #"<exam exam="usmle-step3" minScore="220" ifTaken="true"/>"#
        let none = try Self.rule(rule, manifest: "applicant:\n  exams: [{exam: usmle-step1, date: \"2020-05-01\", result: pass, score: 230}]\n")
        #expect(none.status == .notApplicable)
        #expect(none.reason?.code == "not-taken")
        #expect(none.message == "USMLE Step 3 not taken; the rule applies only to those who took it")
        let low = try Self.rule(rule, manifest: "applicant:\n  exams: [{exam: usmle-step3, date: \"2026-05-01\", result: pass, score: 210}]\n")
        #expect(low.status == .ineligible && low.reason?.code == "score-below")
        let high = try Self.rule(rule, manifest: "applicant:\n  exams: [{exam: usmle-step3, date: \"2026-05-01\", result: pass, score: 225}]\n")
        #expect(high.status == .ok)
        #expect(try Self.rule(rule, manifest: "applicant: {name: Ana Lima}\n").status == .notEvaluable)
        // Without ifTaken, no attempt stays ineligible.
        let required = try Self.rule(#"<exam exam="usmle-step3" minScore="220"/>"#, manifest: "applicant:\n  exams: []\n")
        #expect(required.status == .ineligible && required.reason?.code == "no-attempt")
    }

    @Test("a rule whose when does not hold is not applicable; one whose when is unknown is decided, and undecided if it fails")
    func whenOnARule() throws {
        let rule = #"<exam exam="usmle-step1"><when status="graduate"/></exam>"#
        let student = try Self.rule(rule, manifest: "applicant: {status: student, exams: []}\n")
        #expect(student.status == .notApplicable && student.message == "applies only if applicant is a graduate" && student.reason == nil)
        let graduate = try Self.rule(rule, manifest: "applicant: {status: graduate, exams: []}\n")
        #expect(graduate.status == .ineligible)
        let unknown = try Self.rule(rule, manifest: "applicant: {exams: []}\n")
        #expect(unknown.status == .notEvaluable)
        #expect(unknown.message.hasPrefix("applies only if applicant is a graduate; set `applicant.status` in the manifest to decide — "))
        #expect(unknown.neededFacts.contains(NeededFact(file: nil, field: "status")))
        let passed = try Self.rule(rule, manifest: "applicant:\n  exams: [{exam: usmle-step1, date: \"2020-05-01\", result: pass}]\n")
        #expect(passed.status == .ok)
    }

    // MARK: Item 3: how a not-evaluable result counts

    @Test("a cut-off against a pass/fail-only Step 1: not evaluable and blocking by default, a warning with ifNotEvaluable=\"warning\"")
    func ifNotEvaluable() throws {
        let manifest = "applicant:\n  exams: [{exam: usmle-step1, date: \"2023-05-01\", result: pass}]\n"
        let byDefault = try Self.results(#"<exam exam="usmle-step1" minScore="220"/>"#, manifest: manifest)
        let strict = try #require(byDefault.requirements.first { $0.category == .eligibility })
        #expect(strict.status == .notEvaluable && strict.severity == .error && strict.reason?.code == "pass-fail-only")
        #expect(byDefault.status == .notReady)
        let lenient = try Self.results(#"<exam exam="usmle-step1" minScore="220" ifNotEvaluable="warning"/>"#, manifest: manifest)
        let warning = try #require(lenient.requirements.first { $0.category == .eligibility })
        #expect(warning.status == .notEvaluable && warning.severity == .warning)
        #expect(lenient.status == .ready)
        // A rule that is decided keeps its own severity.
        let failing = try Self.rule(#"<exam exam="usmle-step1" minScore="220" ifNotEvaluable="warning"/>"#,
                                    manifest: "applicant:\n  exams: [{exam: usmle-step1, date: \"2020-05-01\", result: pass, score: 200}]\n")
        #expect(failing.status == .ineligible && failing.severity == .error)
    }

    // MARK: Item 4: admission and visa class

    static let visaRequirement = """
    <requirements>
      <require id="visa" title="B-1 visa"><when notAdmissionClass="WB WT"/><document type="visa"/></require>
      <require id="waiver-form" title="ESTA"><when admissionClass="WB WT"/><document type="registration_form"/></require>
    </requirements>
    """

    static func visaResults(_ manifest: String) throws -> (visa: RequirementResult, waiver: RequirementResult) {
        let results = try Fixture.evaluate(Fixture.program(visaRequirement), files: [], manifest: manifest)
        return (try #require(results.result("visa")), try #require(results.result("waiver-form")))
    }

    @Test("visa required unless admitted as WB: a WB entrant needs no visa, a B-1 holder does, a citizen neither, an unknown class is not evaluable")
    func admissionClassCondition() throws {
        let waiver = try Self.visaResults("applicant: {admissionClass: WB}\n")
        #expect(waiver.visa.status == .notApplicable && waiver.visa.message == "applies only if not admitted as WB or WT")
        #expect(waiver.waiver.status == .missing)
        let b1 = try Self.visaResults("applicant: {visaClass: b1}\n")
        #expect(b1.visa.status == .missing && b1.waiver.status == .notApplicable)
        let citizen = try Self.visaResults("applicant: {usCitizenOrPermanentResident: true}\n")
        #expect(citizen.visa.status == .missing && citizen.waiver.status == .notApplicable)
        // A B1/B2 visa admits in either class: only the recorded admission class decides.
        let several = try Self.visaResults("applicant: {visaClass: B1/B2}\n")
        #expect(several.visa.status == .notEvaluable)
        #expect(several.visa.message.contains("set `applicant.admissionClass` in the manifest to decide"))
        let decided = try Self.visaResults("applicant: {visaClass: B1/B2, admissionClass: B-1}\n")
        #expect(decided.visa.status == .missing)
    }

    @Test("a when on the visa class, on an eligibility rule: the English test is asked of J-1 visa holders only")
    func visaClassConditionOnARule() throws {
        let rule = #"<english><when visaClass="J-1"/><test test="toefl-ibt" minTotal="100"/></english>"#
        let j1 = try Self.rule(rule, manifest: "applicant: {visaClass: J1, englishTests: []}\n")
        #expect(j1.status == .ineligible)
        let b1b2 = try Self.rule(rule, manifest: "applicant: {visaClass: B1/B2, englishTests: []}\n")
        #expect(b1b2.status == .notApplicable && b1b2.message == "applies only if the visa is J-1")
        let notJ = try Self.rule(#"<english><when notVisaClass="J-1"/><test test="toefl-ibt"/></english>"#,
                                 manifest: "applicant: {visaClass: J-1, englishTests: []}\n")
        #expect(notJ.status == .notApplicable)
    }

    @Test("the visaClass rule: a B1/B2 visa is decided by the recorded admission class, and undecided without one")
    func visaRuleWithAdmissionClass() throws {
        let rule = #"<visaClass accepted="B-1 WB"/>"#
        #expect(try Self.rule(rule, manifest: "applicant: {visaClass: B1/B2}\n").reason?.code == "several-classes")
        let b1 = try Self.rule(rule, manifest: "applicant: {visaClass: B1/B2, admissionClass: B-1}\n")
        #expect(b1.status == .ok && b1.message == "B1/B2, admitted as B-1, is accepted")
        let mistyped = try Self.rule(rule, manifest: "applicant: {visaClass: B1/B2, admissionClass: WT}\n")
        #expect(mistyped.status == .notEvaluable && mistyped.reason?.code == "admission-not-in-visa"
                && mistyped.message.hasPrefix("the recorded admission class WT is not one of B1/B2's classes (B1, B2)"), "\(mistyped.message)")
        let b2 = try Self.rule(rule, manifest: "applicant: {visaClass: B1/B2, admissionClass: B-2}\n")
        #expect(b2.reason?.code == "not-accepted" && b2.message.hasPrefix("admission as B-2 is not accepted (B1/B2 allows it, but only B-1, WB are accepted)"), "\(b2.message)")
        let undecided = try Self.rule(rule, manifest: "applicant: {visaClass: B1/B2}\n")
        #expect(undecided.status == .notEvaluable && undecided.message.hasPrefix("B1/B2 allows entry in more than one class")
                && undecided.message.contains("`applicant.admissionClass`"), "\(undecided.message)")
        // Every class the visa allows accepted: whichever the applicant enters in, it passes.
        let both = try Self.rule(#"<visaClass accepted="B-1 B-2"/>"#, manifest: "applicant: {visaClass: B1/B2}\n")
        #expect(both.status == .ok && both.message == "B1/B2 is accepted in each of its classes")
        let esta = try Self.rule(#"<visaClass accepted="B-1 WB WT"/>"#, manifest: "applicant: {visaClass: ESTA}\n")
        #expect(esta.status == .ok)
        #expect(try Self.rule(rule, manifest: "applicant: {visaClass: ESTA}\n").status == .notEvaluable)
    }

    // MARK: Item 12: the school

    static let affiliation = #"<medicalSchool accreditation="LCME COCA"><school name="Universidad Central del Caribe"/></medicalSchool>"#

    @Test("LCME/COCA or a named affiliated school: accredited passes, the named school passes whatever its accreditation, another is ineligible")
    func affiliation() throws {
        let lcme = try Self.rule(Self.affiliation, manifest: "applicant:\n  medicalSchool: {name: Some School, accreditation: [lcme]}\n")
        #expect(lcme.status == .ok && lcme.message == "accredited by lcme")
        let named = try Self.rule(Self.affiliation, manifest: "applicant:\n  medicalSchool: {name: \"universidad central del CARIBE\", accreditation: []}\n")
        #expect(named.status == .ok)
        let other = try Self.rule(Self.affiliation, manifest: "applicant:\n  medicalSchool: {name: Escola X, accreditation: [CAAM-HP]}\n")
        #expect(other.status == .ineligible)
        #expect(other.reason == FindingReason(kind: "medicalSchool", code: "school-not-accepted", file: nil, fields: [
            .init(key: "school", value: .string("Escola X")), .init(key: "accreditation", value: .strings(["CAAM-HP"])),
            .init(key: "acceptedAccreditation", value: .strings(["LCME", "COCA"])), .init(key: "namedSchools", value: .int(1))]))
        #expect(other.message == "Escola X is not accredited by LCME or COCA (recorded: CAAM-HP), nor one of the schools the program names")
    }

    @Test("the school's unknown facts are not evaluable naming the field; a known way in wins over an unknown one")
    func schoolUnknowns() throws {
        let noAccreditation = try Self.rule(Self.affiliation, manifest: "applicant:\n  medicalSchool: {name: Escola X}\n")
        #expect(noAccreditation.status == .notEvaluable)
        #expect(noAccreditation.reason?.fields == [.init(key: "field", value: .string("applicant.medicalSchool.accreditation"))])
        let namedOnly = try Self.rule(Self.affiliation, manifest: "applicant:\n  medicalSchool: {name: Universidad Central del Caribe}\n")
        #expect(namedOnly.status == .ok)
        let wdoms = #"<medicalSchool listedInWDOMS="true"/>"#
        #expect(try Self.rule(wdoms, manifest: "applicant:\n  medicalSchool: {listedInWDOMS: true}\n").status == .ok)
        #expect(try Self.rule(wdoms, manifest: "applicant:\n  medicalSchool: {listedInWDOMS: false}\n").status == .ineligible)
        #expect(try Self.rule(wdoms, manifest: "applicant: {name: Ana}\n").reason?.fields
                == [.init(key: "field", value: .string("applicant.medicalSchool.listedInWDOMS"))])
    }

    @Test("not open to schools in a country: its school country decides, and unknown is not evaluable")
    func schoolCountry() throws {
        let rule = #"<medicalSchool excludedCountries="XX"/>"#
        let excluded = try Self.rule(rule, manifest: "applicant:\n  medicalSchool: {country: XX}\n")
        #expect(excluded.status == .ineligible && excluded.reason?.code == "country-excluded" && excluded.message == "schools in XX are not accepted")
        #expect(try Self.rule(rule, manifest: "applicant:\n  medicalSchool: {country: BR}\n").status == .ok)
        #expect(try Self.rule(rule, manifest: "applicant: {name: Ana}\n").reason?.fields
                == [.init(key: "field", value: .string("applicant.medicalSchool.country"))])
        let only = try Self.rule(#"<medicalSchool countries="US CA"/>"#, manifest: "applicant:\n  medicalSchool: {country: BR}\n")
        #expect(only.reason?.code == "country-not-accepted")
    }

    @Test("a medicalSchool rule that says nothing is an error at its location")
    func emptySchoolRule() throws {
        let loader = ProgramLoader(schemas: Fixture.knowledge.schemas)
        let json = ConstraintKindTests.jsonProgram(#""eligibility": [{"medicalSchool": {"listedInWDOMS": false}}]"#)
        guard case let .failure(failure) = loader.loadJSON(Array(json.utf8), file: "s.json") else {
            Issue.record("an empty medicalSchool rule was accepted")
            return
        }
        #expect(failure.errors.map(\.location.position) == [.pointer("/program/eligibility/0/medicalSchool")])
    }

    @Test("explain states a rule's when and its ifNotEvaluable, and a requirement's class condition")
    func explainSaysIt() throws {
        let program = try Fixture.load(Fixture.program(Self.visaRequirement, extra: """
        <eligibility><exam exam="usmle-step3" minScore="220" ifTaken="true" ifNotEvaluable="warning"><when status="graduate"/></exam>
        <yearOfStudy lastYears="2"/></eligibility>
        """))
        let text = Explanation.program(program, catalog: Fixture.knowledge.catalog)
        #expect(text.contains("  [eligibility.exam.usmle-step3] USMLE Step 3, passed, score ≥ 220, if taken (if not evaluable: warning)\n      only if applicant is a graduate\n"))
        #expect(text.contains("  [eligibility.year-of-study] In one of the last 2 years of medical school\n"))
        #expect(text.contains("  [visa] B-1 visa\n      only if not admitted as WB or WT\n"))
    }

    // MARK: Both syntaxes

    @Test("a rule's when and ifNotEvaluable, and a requirement's class conditions, decode alike from XML and JSON")
    func ruleParity() throws {
        let loader = ProgramLoader(schemas: Fixture.knowledge.schemas)
        let xml = ConstraintKindTests.xmlProgram("""
        <eligibility><exam exam="usmle-step3" minScore="220" ifTaken="true" ifNotEvaluable="warning"><when admissionClass="J-1" notVisaClass="B1"/></exam></eligibility>
        <requirements><require id="r" title="R"><when visaClass="J-1" notAdmissionClass="WB WT"/><document type="visa"/></require></requirements>
        """)
        let json = ConstraintKindTests.jsonProgram(#"""
        "eligibility": [{"exam": {"exam": ["usmle-step3"], "minScore": 220, "ifTaken": true, "ifNotEvaluable": "warning", "when": {"admissionClass": ["J-1"], "notVisaClass": ["B1"]}}}],
        "requirements": [{"id": "r", "title": "R", "when": {"visaClass": ["J-1"], "notAdmissionClass": ["WB", "WT"]}, "document": {"type": "visa"}}]
        """#)
        let fromXML = try loader.loadXML(Array(xml.utf8), file: "p.xml").get()
        let fromJSON = try loader.loadJSON(Array(json.utf8), file: "p.json").get()
        #expect(fromXML.withoutLocations == fromJSON.withoutLocations)
        let rule = try #require(fromXML.eligibility.first)
        #expect(rule.ifNotEvaluable == .warning)
        #expect(rule.condition?.admissionClass == ["J-1"] && rule.condition?.notVisaClass == ["B1"])
        #expect(fromXML.requirements.first?.condition?.notAdmissionClass == ["WB", "WT"])
    }
}
