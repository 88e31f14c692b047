import Foundation
import Testing
@testable import CheckDocsNative
@testable import CheckDocsFormats
@testable import CheckDocsCore

/// Holds the eligibility rule kinds (`EligibilityKinds.all`), the two hand-written schemas and the
/// two syntaxes together, as ConstraintKindTests does for the kinds of a `<document>`: a kind
/// added to one and not the others fails here. Also the `reason` each kind and the timing rule
/// give the JSON report (docs/reports.md).
@Suite struct EligibilityKindTests {
    static var elements: [String] { EligibilityKinds.all.map { $0.element } }

    /// What every rule says beside its kind's own attributes (`RuleCommon` in program.xsd).
    static let commonFields: Set<String> = ["id", "severity", "hint", "ifNotEvaluable"]

    // MARK: 1. Registry ↔ schemas

    /// The child elements `<eligibility>` can have in program.xsd.
    static func xsdChildren() throws -> [String] {
        let eligibility = try ConstraintKindTests.complexType(ofElement: "eligibility")
        return ConstraintKindTests.content(of: eligibility).elements.keys.sorted()
    }

    /// The key of each form of an item of the JSON `eligibility` array, with its object.
    static func jsonForms() throws -> [(key: String, object: JSONValue)] {
        let definition = try ConstraintKindTests.jsonDefinition("eligibilityRule")
        let forms = try #require(definition["oneOf"]?.arrayValue)
        return try forms.map { form in
            let keys = ConstraintKindTests.jsonKeys(form)
            #expect(keys.count == 1, "an eligibility item form has the keys \(keys.sorted())")
            #expect(form["additionalProperties"] == .bool(false))
            let key = try #require(keys.first)
            return (key, try #require(form["properties"]?[key]))
        }
    }

    @Test("every child element of <eligibility> in program.xsd is the element of exactly one registered kind, and every kind's element is in the XSD")
    func registryMatchesXSD() throws {
        let children = try Self.xsdChildren()
        #expect(!children.isEmpty)
        for child in children {
            let owners = EligibilityKinds.all.filter { $0.element == child }.map { String(describing: $0) }
            #expect(owners.count == 1, "<eligibility> <\(child)> belongs to \(owners.isEmpty ? "no registered kind" : owners.joined(separator: " and "))")
        }
        #expect(Set(Self.elements) == Set(children))
        #expect(Self.elements.count == Set(Self.elements).count, "two kinds share an element: \(Self.elements)")
    }

    @Test("every form of a JSON eligibility item is keyed by exactly one registered kind's element, and every kind has one form")
    func registryMatchesJSONSchema() throws {
        let keys = try Self.jsonForms().map(\.key)
        for key in keys {
            let owners = EligibilityKinds.all.filter { $0.element == key }
            #expect(owners.count == 1, "the JSON eligibility item \"\(key)\" belongs to \(owners.count) registered kinds")
        }
        #expect(keys.sorted() == Self.elements.sorted())
        // Both places that hold eligibility rules (a program and a checklist) use that one definition.
        let references = Self.itemReferences(of: "eligibility", in: ConstraintKindTests.jsonSchema)
        #expect(references.count == 2)
        #expect(references.allSatisfy { $0 == .string("#/$defs/eligibilityRule") })
    }

    /// The `$ref` of the items of every array named `key`, anywhere in `value`.
    static func itemReferences(of key: String, in value: JSONValue) -> [JSONValue] {
        switch value {
        case let .object(members):
            var found: [JSONValue] = []
            for member in members {
                if member.key == key, let reference = member.value["items"]?["$ref"] { found.append(reference) }
                found += itemReferences(of: key, in: member.value)
            }
            return found
        case let .array(items):
            return items.flatMap { itemReferences(of: key, in: $0) }
        default:
            return []
        }
    }

    @Test("each kind's element has the same attributes (and child elements, a repeated one under its plural) in the XSD and the JSON schema")
    func kindElementsMatch() throws {
        for (key, object) in try Self.jsonForms() {
            let content = ConstraintKindTests.content(of: try ConstraintKindTests.complexType(ofElement: key))
            #expect(Self.commonFields.isSubset(of: content.attributes), "<\(key)> lacks the common rule attributes")
            let expected = content.attributes.union(content.elements.keys.map { ConstraintKindTests.jsonKey($0, in: content) })
            #expect(ConstraintKindTests.jsonKeys(object) == expected, "<\(key)>")
            #expect(object["additionalProperties"] == .bool(false), "<\(key)>")
        }
    }

    @Test("the kinds are in their declared order, with distinct orders, and each gives its default id and title")
    func declaredOrder() {
        let orders = EligibilityKinds.all.map { $0.order }
        #expect(orders == orders.sorted() && Set(orders).count == orders.count)
        for parity in Self.parityCases {
            let check = parity.expected.base
            #expect(check.defaultID.hasPrefix("eligibility."), "\(parity.kind): \(check.defaultID)")
            #expect(!check.title.isEmpty)
        }
    }

    @Test("a title says every attribute that changes the rule: a graduation condition, required=\"false\", an anchor, an exemption",
          arguments: [
              (AnyEligibilityCheck(ApplicantStatusCheck(allowed: [.student, .graduate], notGraduatedBefore: .rotationEnd)),
               "Applicant status: student or graduate; a student must not graduate before the rotation end"),
              (AnyEligibilityCheck(ApplicantStatusCheck(allowed: [.graduate])), "Applicant status: graduate"),
              (AnyEligibilityCheck(ECFMGCertifiedCheck(required: false)), "ECFMG certification not required"),
              (AnyEligibilityCheck(ECFMGCertifiedCheck()), "ECFMG certified"),
              (AnyEligibilityCheck(NoResidencyIntentCheck(required: false)), "Intent to apply for US residency allowed"),
              (AnyEligibilityCheck(GraduationCheck(maxYearsSince: 5, anchor: .deadline)), "Graduated within the 5 years before the application deadline"),
              (AnyEligibilityCheck(GraduationCheck(maxYearsSince: 5, anchor: .asOf)), "Graduated within the last 5 years"),
              (AnyEligibilityCheck(EnglishCheck(options: [EnglishTestOption(test: .toeflIBT, minTotal: 100)], exemptIfInstructionInEnglish: true, exemptIfExamPassed: true)),
               "English proficiency: TOEFL iBT ≥ 100; not needed if the medical school teaches in English or USMLE Step 1, USMLE Step 2 CK or USMLE Step 3 is passed"),
          ])
    func titleSaysEveryAttribute(check: AnyEligibilityCheck, title: String) {
        #expect(check.base.title == title)
    }

    // MARK: 2. XML ↔ JSON parity for every kind

    /// One kind written both ways, and the check it must decode to.
    struct ParityCase: CustomTestStringConvertible, Sendable {
        let kind: String
        /// The rule as a child element of `<eligibility>`.
        let xml: String
        /// The same as an item of the JSON `eligibility` array.
        let json: String
        let expected: AnyEligibilityCheck
        var testDescription: String { kind }
    }

    static let parityCases: [ParityCase] = [
        ParityCase(kind: "ApplicantStatusCheck", xml: #"<applicantStatus allowed="student graduate" notGraduatedBefore="rotation-end"/>"#,
                   json: #"{"applicantStatus": {"allowed": ["student", "graduate"], "notGraduatedBefore": "rotation-end"}}"#,
                   expected: AnyEligibilityCheck(ApplicantStatusCheck(allowed: [.student, .graduate], notGraduatedBefore: .rotationEnd))),
        ParityCase(kind: "GraduationCheck", xml: #"<graduation maxYearsSince="5" anchor="deadline"/>"#,
                   json: #"{"graduation": {"maxYearsSince": 5, "anchor": "deadline"}}"#,
                   expected: AnyEligibilityCheck(GraduationCheck(maxYearsSince: 5, anchor: .deadline))),
        ParityCase(kind: "YearOfStudyCheck", xml: #"<yearOfStudy min="4" lastYears="2"/>"#, json: #"{"yearOfStudy": {"min": 4, "lastYears": 2}}"#,
                   expected: AnyEligibilityCheck(YearOfStudyCheck(min: 4, lastYears: 2))),
        ParityCase(kind: "ExamCheck", xml: #"<exam exam="usmle-step1 usmle-step2ck" passed="false" minScore="220.5" maxAttempts="2" ifTaken="true"/>"#,
                   json: #"{"exam": {"exam": ["usmle-step1", "usmle-step2ck"], "passed": false, "minScore": 220.5, "maxAttempts": 2, "ifTaken": true}}"#,
                   expected: AnyEligibilityCheck(ExamCheck(exams: [.usmleStep1, .usmleStep2CK], passed: false, minScore: 220.5, maxAttempts: 2, ifTaken: true))),
        ParityCase(kind: "EnglishCheck",
                   xml: #"<english exemptIfInstructionInEnglish="true" exemptIfExamPassed="true"><test test="toefl-ibt" minTotal="100" minSection="22" withinYears="2"/><test test="ielts" minTotal="7.5"/></english>"#,
                   json: #"{"english": {"exemptIfInstructionInEnglish": true, "exemptIfExamPassed": true, "tests": [{"test": "toefl-ibt", "minTotal": 100, "minSection": 22, "withinYears": 2}, {"test": "ielts", "minTotal": 7.5}]}}"#,
                   expected: AnyEligibilityCheck(EnglishCheck(options: [EnglishTestOption(test: .toeflIBT, minTotal: 100, minSection: 22, withinYears: 2),
                                                                        EnglishTestOption(test: .ielts, minTotal: 7.5)],
                                                              exemptIfInstructionInEnglish: true, exemptIfExamPassed: true))),
        ParityCase(kind: "VisaClassCheck", xml: #"<visaClass accepted="B-1 WB"/>"#, json: #"{"visaClass": {"accepted": ["B-1", "WB"]}}"#,
                   expected: AnyEligibilityCheck(VisaClassCheck(accepted: ["B-1", "WB"]))),
        ParityCase(kind: "CitizenshipCheck", xml: #"<citizenship excluded="US CA"/>"#, json: #"{"citizenship": {"excluded": ["US", "CA"]}}"#,
                   expected: AnyEligibilityCheck(CitizenshipCheck(excluded: ["US", "CA"]))),
        ParityCase(kind: "MedicalSchoolCheck",
                   xml: #"<medicalSchool accreditation="LCME COCA" listedInWDOMS="true" countries="US CA MX" excludedCountries="XX"><school name="Universidad Nacional"/><school name="École de Médecine"/></medicalSchool>"#,
                   json: #"{"medicalSchool": {"accreditation": ["LCME", "COCA"], "listedInWDOMS": true, "countries": ["US", "CA", "MX"], "excludedCountries": ["XX"], "schools": [{"name": "Universidad Nacional"}, {"name": "École de Médecine"}]}}"#,
                   expected: AnyEligibilityCheck(MedicalSchoolCheck(accreditation: ["LCME", "COCA"], listedInWDOMS: true,
                                                                    schools: ["Universidad Nacional", "École de Médecine"],
                                                                    countries: ["US", "CA", "MX"], excludedCountries: ["XX"]))),
        ParityCase(kind: "NoResidencyIntentCheck", xml: #"<noResidencyIntent required="false"/>"#, json: #"{"noResidencyIntent": {"required": false}}"#,
                   expected: AnyEligibilityCheck(NoResidencyIntentCheck(required: false))),
        ParityCase(kind: "ECFMGCertifiedCheck", xml: #"<ecfmgCertified required="true"/>"#, json: #"{"ecfmgCertified": {"required": true}}"#,
                   expected: AnyEligibilityCheck(ECFMGCertifiedCheck(required: true))),
        ParityCase(kind: "USCECheck", xml: #"<usce minMonths="2.5" handsOn="true" withinMonths="12" anchor="deadline" specialty="family-medicine internal-medicine"/>"#,
                   json: #"{"usce": {"minMonths": 2.5, "handsOn": true, "withinMonths": 12, "anchor": "deadline", "specialty": ["family-medicine", "internal-medicine"]}}"#,
                   expected: AnyEligibilityCheck(USCECheck(minMonths: 2.5, handsOn: true, withinMonths: 12, anchor: .deadline,
                                                           specialties: ["family-medicine", "internal-medicine"]))),
    ]

    @Test("the parity cases cover every registered kind, once each")
    func parityCoversEveryKind() {
        #expect(Self.parityCases.map(\.kind).sorted() == EligibilityKinds.all.map { String(describing: $0) }.sorted())
        for parity in Self.parityCases {
            #expect(String(describing: type(of: parity.expected.base)) == parity.kind, "\(parity.kind) expects another kind")
        }
    }

    @Test("a kind written in XML and in JSON decodes to the same rule", arguments: EligibilityKindTests.parityCases)
    func xmlAndJSONDecodeAlike(_ parity: ParityCase) throws {
        let loader = ProgramLoader(schemas: Fixture.knowledge.schemas)
        let xml = ConstraintKindTests.xmlProgram(#"<eligibility>\#(parity.xml)</eligibility>"#)
        let json = ConstraintKindTests.jsonProgram(#""eligibility": [\#(parity.json)]"#)
        let fromXML = try loader.loadXML(Array(xml.utf8), file: "kind.xml").get()
        let fromJSON = try loader.loadJSON(Array(json.utf8), file: "kind.json").get()
        #expect(fromXML.withoutLocations == fromJSON.withoutLocations)
        for description in [fromXML, fromJSON] {
            #expect(description.eligibility.map(\.check) == [parity.expected])
            #expect(description.eligibility.map(\.id) == [parity.expected.base.defaultID])
        }
    }

    @Test("an element no kind is registered for is an error at its location")
    func unknownElementIsLocated() throws {
        let node = DescriptionNode.json(.object([]), named: "shoeSize", pointer: "/program/eligibility/0/shoeSize", file: "kinds.json")
        #expect(throws: InputError(SourceLocation(file: "kinds.json", position: .pointer("/program/eligibility/0/shoeSize")),
                                   "unknown eligibility rule <shoeSize>")) {
            _ = try EligibilityKinds.decode(from: node)
        }
    }

    // MARK: 3. The reason of an eligibility or timing result

    static let allKinds = """
      <eligibility>
        <applicantStatus allowed="student"/>
        <graduation maxYearsSince="5"/>
        <yearOfStudy min="4"/>
        <exam exam="usmle-step1"/>
        <english><test test="toefl-ibt" minTotal="100"/></english>
        <visaClass accepted="B-1"/>
        <citizenship excluded="XX"/>
        <medicalSchool accreditation="LCME"/>
        <noResidencyIntent required="true"/>
        <ecfmgCertified required="true"/>
        <usce minMonths="3"/>
      </eligibility>
    """

    /// The eligibility results of a program with one rule of every kind, in the kinds' order.
    static func eligibilityResults(manifest: String?) throws -> [RequirementResult] {
        try Fixture.evaluate(Fixture.program("", extra: allKinds), files: [], manifest: manifest).requirements.filter { $0.category == .eligibility }
    }

    @Test("a fact the manifest does not give: not evaluable, with a reason of the rule's kind naming the manifest field")
    func unknownFactsNameTheField() throws {
        let expected = ["status", "graduationDate", "yearOfStudy", "exams", "englishTests", "visaClass", "citizenship", "medicalSchool.accreditation", "intendsResidency", "ecfmgCertified", "usce"]
        for (manifest, code) in [(nil, "no-manifest"), ("applicant: {name: Ana Lima}\n", "not-in-manifest")] as [(String?, String)] {
            let results = try Self.eligibilityResults(manifest: manifest)
            #expect(results.map { $0.reason?.kind } == Self.elements)
            #expect(results.allSatisfy { $0.status == .notEvaluable })
            #expect(results.map { $0.reason?.code } == Array(repeating: code, count: expected.count))
            #expect(results.map { $0.reason?.fields } == expected.map { [FindingReason.Field(key: "field", value: .string("applicant." + $0))] })
            for result in results { #expect(result.message.contains("applicant.")) }
        }
    }

    @Test("a rule not met: ineligible, with its kind's code and facts; a rule met has no reason")
    func failuresCarryTheirFacts() throws {
        let failing = """
        applicant:
          status: graduate
          graduationDate: "2015-06-01"
          citizenship: [XX]
          visaClass: B-2
          intendsResidency: true
          ecfmgCertified: false
          exams: [{exam: usmle-step1, date: "2019-05-01", result: fail}]
          medicalSchool: {name: Escola X, accreditation: []}
          englishTests: [{test: toefl-ibt, date: "2026-01-10", total: 90}]
          usce: [{kind: observership, start: "2026-01-01", end: "2026-01-31"}]
        """
        let results = try Self.eligibilityResults(manifest: failing)
        // A graduate meets the year-of-study rule; every other kind fails with its own code.
        let expected: [(RequirementStatus, String?)] = [
            (.ineligible, "status-not-allowed"), (.ineligible, "graduated-too-long-ago"), (.ok, nil), (.ineligible, "not-passed"),
            (.ineligible, "not-met"), (.ineligible, "not-accepted"), (.ineligible, "excluded"), (.ineligible, "school-not-accepted"),
            (.ineligible, "intends-residency"),
            (.ineligible, "not-certified"), (.ineligible, "too-few-months"),
        ]
        #expect(results.map(\.status) == expected.map(\.0))
        #expect(results.map { $0.reason?.code } == expected.map(\.1))
        #expect(results.map { $0.reason?.kind } == zip(Self.elements, expected).map { element, outcome in outcome.1 == nil ? nil : element })
        #expect(results[2].message == "graduated")
        let byKind = Dictionary(results.compactMap { result in result.reason.map { ($0.kind, $0) } }, uniquingKeysWith: { first, _ in first })
        #expect(byKind["graduation"]?.fields == [FindingReason.Field(key: "graduationDate", value: .date(CalendarDate(iso: "2015-06-01")!)),
                                                 FindingReason.Field(key: "years", value: .int(11)),
                                                 FindingReason.Field(key: "maxYearsSince", value: .int(5)),
                                                 FindingReason.Field(key: "anchor", value: .string("rotation-start")),
                                                 FindingReason.Field(key: "anchorDate", value: .date(CalendarDate(iso: "2027-03-01")!))])
        #expect(byKind["visaClass"]?.fields == [FindingReason.Field(key: "visaClass", value: .string("B-2")),
                                                FindingReason.Field(key: "accepted", value: .strings(["B-1"]))])
        #expect(byKind["english"]?.fields == [FindingReason.Field(key: "tests", value: .strings(["toefl-ibt"])),
                                              FindingReason.Field(key: "problems", value: .strings(["total-below"]))])
    }

    @Test("the timing rule: closed by the deadline or by the lead time, whichever ends first (the deadline on a tie), with its facts; open has no reason")
    func deadlineReason() throws {
        // The rotation starts 2027-03-01; as of 2026-12-01.
        func timing(_ extra: String) throws -> RequirementResult {
            try #require(try Fixture.evaluate(Fixture.program("", extra: extra), files: []).result("deadline"))
        }
        let byDeadline = try timing(#"<deadline date="2026-11-20"/><leadTime minDays="30"/>"#)
        #expect(byDeadline.status == .expired)
        #expect(byDeadline.message == "closed: the application deadline is 2026-11-20, 11 days ago")
        #expect(byDeadline.reason == FindingReason(kind: "deadline", code: "deadline-passed", file: nil, fields: [
            .init(key: "applyBy", value: .date(CalendarDate(iso: "2026-11-20")!)), .init(key: "daysAgo", value: .int(11)),
            .init(key: "deadline", value: .date(CalendarDate(iso: "2026-11-20")!))]))

        // One day is "1 day".
        #expect(try timing(#"<deadline date="2026-11-30"/>"#).message == "closed: the application deadline is 2026-11-30, 1 day ago")

        let byLeadTime = try timing(#"<deadline date="2027-01-15"/><leadTime minDays="100"/>"#)
        #expect(byLeadTime.message == "closed: apply at least 100 days before the rotation starts (2027-03-01), so by 2026-11-21, 10 days ago")
        #expect(byLeadTime.reason == FindingReason(kind: "deadline", code: "lead-time-passed", file: nil, fields: [
            .init(key: "applyBy", value: .date(CalendarDate(iso: "2026-11-21")!)), .init(key: "daysAgo", value: .int(10)),
            .init(key: "leadTimeDays", value: .int(100)), .init(key: "rotationStart", value: .date(CalendarDate(iso: "2027-03-01")!))]))

        // 2027-03-01 − 100 days is 2026-11-21: the same day as the deadline, which then names it.
        let tie = try timing(#"<deadline date="2026-11-21"/><leadTime minDays="100"/>"#)
        #expect(tie.reason?.code == "deadline-passed")
        #expect(tie.rule == "the application deadline is 2026-11-21")

        let open = try timing(#"<deadline date="2026-12-01"/>"#)
        #expect(open.status == .ok && open.reason == nil && open.message == "the application deadline is 2026-12-01: today is the last day")
        #expect(try Fixture.evaluate(Fixture.program(""), files: []).result("deadline") == nil)
    }

    @Test("a visa class is normalized byte by byte when ASCII, and as before otherwise")
    func visaClassNormalized() {
        func reference(_ text: String) -> String { text.uppercased().filter { $0.isLetter || $0.isNumber || $0 == "/" } }
        let texts = ["b-1", "B1/B2", " wb ", "j-1 (research)", "H1-b", "F_1", "b1b2", "", "-", "o-1a", "e-3d/visa",
                     "bé-1", "Ｂ１", "b\u{0301}-2", "ß-1", "tn/td", "0", "a1!b2@c3#"]
        for text in texts { #expect(VisaClassCheck.normalize(text) == reference(text), "\(text)") }
        // Every ASCII byte alone, and between letters.
        for byte in UInt8(0)..<0x80 {
            let text = "a" + String(UnicodeScalar(byte)) + "1"
            #expect(VisaClassCheck.normalize(text) == reference(text), "byte \(byte)")
        }
    }
}
