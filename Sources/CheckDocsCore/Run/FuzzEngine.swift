import CheckDocsNative

extension FuzzEntryPoints {
    /// A program, a folder and a day made from the input (`FuzzEngine`). The program is written
    /// as XML and goes through the real loader and resolver (program.xsd, the decoder, the
    /// constraint kinds' own checks, the standard checklists it may extend); the folder is a set
    /// of documents with types from the catalog and random facts; the profile is random too.
    /// Checks: no trap; every requirement has exactly one result, in order, and each eligibility
    /// rule one; statuses fit their category; the program's status follows the precedence of
    /// docs/programs.md (ineligible > closed > not-ready > ready); a document requirement has a
    /// `reason` exactly when it failed (pending and not-evaluable included), and no other result
    /// has one; results only name files of the folder; evaluating twice gives the same result.
    public static func engine(_ bytes: [UInt8]) {
        var input = FuzzInput(bytes)
        let xml = programXML(&input)
        let asOf = input.date()
        let documents = folderDocuments(&input)
        let profile = applicantProfile(&input)
        let hasManifest = input.bool()

        let description: ProgramDescription
        switch ProgramLoader(schemas: standard.schemas).loadXML(Array(xml.utf8), file: "fuzz.xml") {
        case let .success(loaded): description = loaded
        case let .failure(errors):
            checkErrors(errors, Array(xml.utf8))
            return
        }
        let program: ResolvedProgram
        switch ProgramResolver(catalog: standard.catalog, checklists: standard.checklists).resolve(description) {
        case let .success(resolved): program = resolved
        case let .failure(errors):
            precondition(!errors.errors.isEmpty, "refused without an error")
            return
        }
        let context = EvaluationContext(asOf: asOf, profile: profile, hasManifest: hasManifest, catalog: standard.catalog,
                                        documents: documents, inspector: nil)
        let result = ProgramEvaluator(context: context).evaluate(program)
        precondition(ProgramEvaluator(context: context).evaluate(program) == result, "evaluating twice gave two results")
        checkResult(result, program: program, documents: documents, asOf: asOf)
    }

    static func checkResult(_ result: ProgramResult, program: ResolvedProgram, documents: [ApplicantDocument], asOf: CalendarDate) {
        let timing = result.requirements.filter { $0.category == .timing }
        let eligibility = result.requirements.filter { $0.category == .eligibility }
        let requirements = result.requirements.filter { $0.category == .document }
        precondition(requirements.map(\.id) == program.requirements.map(\.id), "requirements \(program.requirements.map(\.id)) gave results \(requirements.map(\.id))")
        precondition(eligibility.count == program.eligibility.count, "\(program.eligibility.count) eligibility rules gave \(eligibility.count) results")
        var timed = program.description
        timed.rotation = result.rotation
        let timingRule = ApplicationDeadline(timed)
        // A timing item when the program sets a day to apply, or once its rotation has begun (closed).
        let hasTiming = timingRule.applyBy != nil || timingRule.applyFrom != nil || timingRule.begun(asOf: asOf)
        precondition(timing.count == (hasTiming ? 1 : 0), "\(timing.count) timing results")

        let paths = Set(documents.map(\.path))
        for item in result.requirements {
            switch item.category {
            case .timing:
                precondition([.ok, .expired, .pending].contains(item.status), "timing \(item.status)")
            case .eligibility:
                precondition([.ok, .ineligible, .notEvaluable, .notApplicable].contains(item.status), "eligibility \(item.id): \(item.status)")
            case .document:
                precondition(![.ineligible, .waived].contains(item.status), "requirement \(item.id): \(item.status)")
            }
            // docs/reports.md, "reason": a document requirement has one exactly when it failed
            // (pending included); an eligibility rule when it is not met or undecided (an
            // exemption may say why too), never when ok; the timing item exactly when it passed.
            let described = "\(item.category) \(item.id) is \(item.status) with reason \(String(describing: item.reason))"
            switch item.category {
            case .document:
                precondition((item.reason != nil) == (item.status.isFailure || item.status == .pending), described)
            case .eligibility:
                if item.status == .ok { precondition(item.reason == nil, described) }
                if item.status.isFailure { precondition(item.reason != nil, described) }
            case .timing:
                precondition((item.reason != nil) == (item.status == .expired || item.status == .pending), described)
            }
            if let reason = item.reason {
                precondition(!reason.kind.isEmpty && !reason.code.isEmpty, "a reason without a kind or code")
                precondition(reason.file.map(paths.contains) ?? true, "the reason names \(reason.file!), not in the folder")
            }
            precondition(item.files.allSatisfy(paths.contains), "\(item.id) names files not in the folder: \(item.files)")
            precondition(Set(item.files).count == item.files.count, "\(item.id) names a file twice")
            precondition(!item.message.isEmpty, "\(item.id) has no message")
        }
        // docs/programs.md: ineligible > closed > not-ready > ready; only error severity counts.
        let errors = result.requirements.filter { $0.severity == .error }
        let expected: ProgramStatus
        if errors.contains(where: { $0.category == .eligibility && $0.status == .ineligible }) {
            expected = .ineligible
        } else if errors.contains(where: { $0.category == .timing && $0.status == .expired }) {
            expected = .closed
        } else if errors.contains(where: { [.missing, .expired, .expiresBeforeNeeded, .invalid, .ineligible, .notEvaluable].contains($0.status) }) {
            expected = .notReady
        } else {
            expected = .ready
        }
        precondition(result.status == expected, "status \(result.status), expected \(expected)")
    }

    // MARK: - The program, as XML

    private static let anchors = ["rotation-start", "rotation-end", "deadline", "as-of"]
    private static let units = ["days", "months", "years"]

    static func programXML(_ input: inout FuzzInput) -> String {
        var xml = #"<program xmlns="urn:checkdocs:program:1" schemaVersion="1" id="fuzz-program" kind="\#(input.pick(ProgramKind.allCases).rawValue)">"#
        xml += "<name>Fuzz</name><institution>Fuzz</institution><source href=\"https://example.org/rules\" asOf=\"2026-01-01\"/>"
        var extended = standard.checklists.first
        if input.byte() % 4 == 0 {
            extended = input.pick(standard.checklists)
            xml += "<extends checklist=\"\(extended!.id)\"/>"
        }
        if input.bool() {
            let start = input.date()
            // Now and then an end before the start, which the loader must refuse.
            let end = input.byte() % 16 == 0 ? start.adding(days: -input.int(1...30)) : start.adding(days: input.int(0...400))
            xml += "<rotation start=\"\(start)\" end=\"\(end)\"/>"
        }
        if input.bool() { xml += "<deadline date=\"\(input.date())\"/>" }
        if input.byte() % 4 == 0 { xml += "<leadTime minDays=\"\(input.int(1...36500))\"/>" }
        if input.bool() {
            xml += "<eligibility>"
            for index in 0..<input.int(1...4) { xml += eligibilityRule(&input, index: index) }
            xml += "</eligibility>"
        }
        xml += "<requirements>"
        for index in 0..<input.int(0...6) {
            let attributes = [
                "severity=\"\(input.pick(["error", "warning"]))\"", "supplier=\"\(input.pick(["applicant", "home-school", "host"]))\"",
                "due=\"\(input.pick(["application", "application", "before-arrival", "after-offer"]))\"",
            ].filter { _ in input.bool() }.joined(separator: " ")
            xml += "<require id=\"r\(index)\" title=\"Requirement \(index)\" \(attributes)>"
            if input.byte() % 4 == 0 { xml += condition(&input) }
            xml += expression(&input, depth: 0)
            xml += "</require>"
        }
        if input.byte() % 4 == 0, let checklist = extended {
            // Remove or tighten one of the checklist's requirements (refused when not extended).
            let ids = checklist.requirements.map(\.id)
            if let id = ids.isEmpty ? nil : input.pick(ids) {
                xml += input.bool() ? "<remove ref=\"\(id)\"/>" : "<tighten ref=\"\(id)\">\(constraints(&input))</tighten>"
            }
        }
        return xml + "</requirements></program>"
    }

    private static func condition(_ input: inout FuzzInput) -> String {
        var attributes: [String] = []
        if input.bool() { attributes.append("instructionInEnglish=\"\(input.bool())\"") }
        if input.bool() { attributes.append("usCitizenOrPermanentResident=\"\(input.bool())\"") }
        if input.bool() { attributes.append("status=\"\(input.pick(["student", "graduate"]))\"") }
        if input.bool() { attributes.append("intendsResidency=\"\(input.bool())\"") }
        if input.bool() { attributes.append("ecfmgCertified=\"\(input.bool())\"") }
        if input.bool() { attributes.append("rotationOverlaps=\"\(monthDay(&input))/\(monthDay(&input))\"") }
        return "<when \(attributes.joined(separator: " "))/>"
    }

    private static func monthDay(_ input: inout FuzzInput) -> String {
        let month = input.int(1...12), day = input.int(1...31)
        return (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
    }

    private static func expression(_ input: inout FuzzInput, depth: Int) -> String {
        let choice = depth >= 3 ? 0 : input.byte() % 5
        guard choice >= 3 else { return documentClause(&input) }
        let element = choice == 3 ? "anyOf" : "allOf"
        var xml = "<\(element)>"
        for _ in 0..<input.int(1...4) { xml += expression(&input, depth: depth + 1) }
        return xml + "</\(element)>"
    }

    private static func documentClause(_ input: inout FuzzInput) -> String {
        var attributes = ["type=\"\(input.pick(standard.catalog.types).id)\""]
        let min = input.int(0...3)
        if input.bool() { attributes.append("min=\"\(min)\"") }
        if input.byte() % 4 == 0 { attributes.append("max=\"\(min + input.int(0...2) - (input.byte() % 8 == 0 ? 1 : 0))\"") }
        if input.byte() % 4 == 0 { attributes.append("minDoses=\"\(input.int(0...4))\"") }
        if input.byte() % 4 == 0 { attributes.append("result=\"\(input.pick(["positive", "negative"]))\"") }
        return "<document \(attributes.joined(separator: " "))>\(constraints(&input))</document>"
    }

    /// The constraint kinds in program.xsd's order, each present or not.
    private static func constraints(_ input: inout FuzzInput) -> String {
        var xml = ""
        for _ in 0..<input.int(0...2) {
            let unit = input.pick(units)
            // Within the accepted range, except now and then one past it (DateLimits.maximum).
            let limit = DateLimits.maximum(DurationUnit(rawValue: unit)!)
            let within = input.byte() % 32 == 0 ? limit + 1 : input.int(1...limit)
            xml += "<window anchor=\"\(input.pick(anchors))\" within=\"\(within)\" unit=\"\(unit)\"/>"
        }
        if input.byte() % 3 == 0 {
            let unit = input.pick(units)
            let margin = input.int(0...min(1000, DateLimits.maximum(DurationUnit(rawValue: unit)!) + 1))
            xml += "<validThrough anchor=\"\(input.pick(anchors))\" margin=\"\(margin)\" unit=\"\(unit)\"/>"
        }
        if input.byte() % 4 == 0 { xml += "<season anchor=\"\(input.pick(anchors))\" startsOn=\"\(monthDay(&input))\"/>" }
        if input.byte() % 4 == 0 { xml += "<titer min=\"\(input.pick(["0", "0.5", "10", "1000", "-1", "99.999"]))\" unit=\"\(input.pick(["IU/mL", "mIU/mL", "index", "x"]))\"/>" }
        if input.byte() % 6 == 0 {
            var attributes: [String] = []
            if input.bool() { attributes.append("form=\"\(input.pick(["aamc-immunization", "school-form", "x"]))\"") }
            if input.bool() { attributes.append("organization=\"\(input.pick(["Medical School", "ECFMG", "Any"]))\"") }
            if input.bool() { attributes.append("signed=\"\(input.bool())\"") }
            if input.bool() { attributes.append("letterhead=\"\(input.bool())\"") }
            xml += "<issuer \(attributes.joined(separator: " "))/>"
        }
        if input.byte() % 6 == 0 { xml += "<translation certified=\"\(input.bool())\"/>" }
        if input.byte() % 6 == 0 { xml += "<nameMatch allowAliases=\"\(input.bool())\"/>" }
        if input.byte() % 8 == 0 { xml += "<file formats=\"pdf jpeg\" maxBytes=\"\(input.int(1...10_000_000))\"/>" }
        return xml
    }

    private static func eligibilityRule(_ input: inout FuzzInput, index: Int) -> String {
        let common = "id=\"e\(index)\" severity=\"\(input.pick(["error", "warning"]))\""
        switch input.byte() % 9 {
        case 0:
            return "<applicantStatus \(common) allowed=\"\(input.pick(["student", "graduate", "student graduate"]))\""
                + (input.bool() ? " notGraduatedBefore=\"\(input.pick(anchors))\"" : "") + "/>"
        case 1: return "<graduation \(common) maxYearsSince=\"\(input.int(0...20))\" anchor=\"\(input.pick(anchors))\"/>"
        case 2: return "<yearOfStudy \(common) min=\"\(input.int(0...6))\"/>"
        case 3:
            return "<exam \(common) exam=\"\(input.pick(Exam.allCases).rawValue)\" passed=\"\(input.bool())\""
                + (input.bool() ? " minScore=\"\(input.int(0...300))\"" : "") + (input.bool() ? " maxAttempts=\"\(input.int(0...3))\"" : "") + "/>"
        case 4:
            var xml = "<english \(common) exemptIfInstructionInEnglish=\"\(input.bool())\" exemptIfExamPassed=\"\(input.bool())\">"
            for _ in 0..<input.int(1...3) {
                xml += "<test test=\"\(input.pick(EnglishTestName.allCases).rawValue)\""
                    + (input.bool() ? " minTotal=\"\(input.int(0...120))\"" : "") + (input.bool() ? " minSection=\"\(input.int(0...30))\"" : "")
                    + (input.bool() ? " withinYears=\"\(input.int(0...5))\"" : "") + "/>"
            }
            return xml + "</english>"
        case 5: return "<visaClass \(common) accepted=\"\(input.pick(["B1 B2", "J1", "F1 B2 J1"]))\"/>"
        case 6: return "<citizenship \(common) excluded=\"\(input.pick(["IR", "KP CU", "us"]))\"/>"
        case 7: return "<noResidencyIntent \(common) required=\"\(input.bool())\"/>"
        default: return "<ecfmgCertified \(common) required=\"\(input.bool())\"/>"
        }
    }

    // MARK: - The folder and the applicant

    static func folderDocuments(_ input: inout FuzzInput) -> [ApplicantDocument] {
        var documents: [ApplicantDocument] = []
        for index in 0..<input.int(0...12) {
            let type = input.pick(standard.catalog.types)
            var facts = DocumentFacts()
            func maybeDate(_ input: inout FuzzInput) -> CalendarDate? { input.bool() ? input.date() : nil }
            facts.date = maybeDate(&input)
            facts.validFrom = input.byte() % 4 == 0 ? input.date() : nil
            facts.expires = maybeDate(&input)
            if input.byte() % 3 == 0 { facts.doses = (0..<input.int(0...4)).map { _ in input.date() } }
            if input.byte() % 3 == 0 { facts.result = input.bool() ? .positive : .negative }
            if input.byte() % 4 == 0 {
                facts.value = input.pick([0, 0.5, 10, 999.9, 1e6, -1])
                facts.unit = input.pick(["IU/mL", "mIU/mL", "index", "x"])
            }
            if input.byte() % 4 == 0 { facts.language = input.pick(["en", "fr", "es"]) }
            if input.byte() % 4 == 0, !documents.isEmpty { facts.translates = input.pick(documents).path }
            if input.byte() % 4 == 0 { facts.certified = input.bool() }
            if input.byte() % 4 == 0 { facts.nameOnDocument = input.pick(["Ana Maria Lopez", "Ana Lopez", "LOPEZ, Ana", "Someone Else"]) }
            if input.byte() % 4 == 0 { facts.issuer = input.pick(["Medical School", "ECFMG", "Any"]) }
            if input.byte() % 4 == 0 { facts.form = input.pick(["aamc-immunization", "school-form"]) }
            if input.byte() % 4 == 0 { facts.signed = input.bool() }
            if input.byte() % 4 == 0 { facts.letterhead = input.bool() }
            let source: [ClassificationSource] = [.manifest, .fileName, .folderName]
            documents.append(ApplicantDocument(path: FilePath("doc\(index) \(type.id).pdf"), size: Int64(input.int(0...5_000_000)),
                                               type: type.id, classifiedBy: input.pick(source), facts: facts))
        }
        return documents
    }

    static func applicantProfile(_ input: inout FuzzInput) -> ApplicantProfile {
        var profile = ApplicantProfile()
        if input.bool() { profile.name = input.pick(["Ana Maria Lopez", "Ana Lopez", "José Ñúñez"]) }
        if input.bool() { profile.otherNames = ["Ana M. Lopez"] }
        if input.bool() { profile.citizenship = [input.pick(["IR", "US", "FR", "KP"])] }
        if input.bool() { profile.usCitizenOrPermanentResident = input.bool() }
        if input.bool() { profile.status = input.bool() ? .student : .graduate }
        if input.bool() { profile.yearOfStudy = input.int(1...7) }
        if input.bool() { profile.graduationDate = input.date() }
        if input.bool() { profile.instructionLanguage = input.pick(["en", "eng", "fr"]) }
        if input.bool() {
            profile.exams = (0..<input.int(0...3)).map { _ in
                ExamAttempt(exam: input.pick(Exam.allCases), date: input.date(), passed: input.bool(),
                            score: input.bool() ? Double(input.int(0...300)) : nil)
            }
        }
        if input.bool() {
            profile.englishTests = (0..<input.int(0...2)).map { _ in
                EnglishTestResult(test: input.pick(EnglishTestName.allCases), date: input.date(),
                                  total: input.bool() ? Double(input.int(0...120)) : nil,
                                  sections: input.bool() ? ["reading": Double(input.int(0...30)), "writing": Double(input.int(0...30))] : [:])
            }
        }
        if input.bool() { profile.ecfmgCertified = input.bool() }
        if input.bool() { profile.visaClass = input.pick(["B1", "B2", "B1/B2", "J1", "F1"]) }
        if input.bool() { profile.intendsResidency = input.bool() }
        return profile
    }
}
