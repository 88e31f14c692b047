import Foundation

/// Turns a schema-valid JSON program description or checklist into the shared model.
/// program.schema.json has already checked structure; locations are JSON Pointers.
struct ProgramJSONDecoder {
    let file: String

    func decode(_ document: JSONValue) -> ProgramDescription {
        let role: ProgramDescription.Role = document["checklist"] != nil ? .checklist : .program
        let rootPointer = "/" + role.rawValue
        let body = document[role.rawValue] ?? .object([])
        let source = body["source"]
        var description = ProgramDescription(
            role: role,
            id: body["id"]?.stringValue ?? "",
            kind: ProgramKind(rawValue: body["kind"]?.stringValue ?? "") ?? .observership,
            name: body["name"]?.stringValue ?? "",
            source: Provenance(href: source?["href"]?.stringValue ?? "",
                               asOf: date(source?["asOf"]) ?? CalendarDate(ordinal: 0)),
            file: at(rootPointer))
        description.institution = body["institution"]?.stringValue
        description.specialty = body["specialty"]?.stringValue
        description.location = body["location"]?.stringValue
        description.extends = body["extends"]?.arrayValue?.compactMap(\.stringValue) ?? []
        if let rotation = body["rotation"], let start = date(rotation["start"]), let end = date(rotation["end"]) {
            description.rotation = Rotation(start: start, end: end)
        }
        description.deadline = date(body["deadline"])
        description.leadTimeDays = body["leadTime"]?["minDays"]?.intValue
        description.fees = (body["fees"]?.arrayValue ?? []).map { fee in
            let amountText: String
            if case let .number(_, text)? = fee["amount"] { amountText = text } else { amountText = "0" }
            return Fee(amount: Decimal(string: amountText, locale: Locale(identifier: "en_US_POSIX")) ?? 0,
                       currency: fee["currency"]?.stringValue ?? "USD", label: fee["label"]?.stringValue ?? "")
        }
        for (index, rule) in (body["eligibility"]?.arrayValue ?? []).enumerated() {
            if let decoded = eligibilityRule(rule, pointer: "\(rootPointer)/eligibility/\(index)") {
                description.eligibility.append(decoded)
            }
        }
        for (index, item) in (body["requirements"]?.arrayValue ?? []).enumerated() {
            description.requirements.append(requirement(item, pointer: "\(rootPointer)/requirements/\(index)", origin: description.id))
        }
        for (index, ref) in (body["remove"]?.arrayValue ?? []).enumerated() {
            description.removals.append(Removal(ref: ref.stringValue ?? "", location: at("\(rootPointer)/remove/\(index)")))
        }
        for (index, item) in (body["tighten"]?.arrayValue ?? []).enumerated() {
            let pointer = "\(rootPointer)/tighten/\(index)"
            description.tightenings.append(Tightening(
                ref: item["ref"]?.stringValue ?? "", type: item["type"]?.stringValue, min: item["min"]?.intValue,
                severity: item["severity"]?.stringValue.flatMap(Severity.init(rawValue:)),
                due: item["due"]?.stringValue.flatMap(Stage.init(rawValue:)), hint: item["hint"]?.stringValue,
                constraints: constraints(item), location: at(pointer)))
        }
        return description
    }

    private func at(_ pointer: String) -> SourceLocation { SourceLocation(file: file, position: .pointer(pointer)) }
    private func date(_ value: JSONValue?) -> CalendarDate? { value?.stringValue.flatMap { CalendarDate(iso: $0) } }
    private func strings(_ value: JSONValue?) -> [String] { value?.arrayValue?.compactMap(\.stringValue) ?? [] }

    private func requirement(_ item: JSONValue, pointer: String, origin: String) -> Requirement {
        var expression: RequirementExpression = .allOf([])
        var expressionPointer = pointer
        for key in ["document", "anyOf", "allOf"] {
            if let value = item[key] {
                expressionPointer = pointer + "/" + key
                expression = self.expression(key: key, value: value, pointer: expressionPointer)
            }
        }
        return Requirement(
            id: item["id"]?.stringValue ?? "",
            title: item["title"]?.stringValue ?? "",
            severity: item["severity"]?.stringValue.flatMap(Severity.init(rawValue:)) ?? .error,
            supplier: item["supplier"]?.stringValue.flatMap(Supplier.init(rawValue:)) ?? .applicant,
            due: item["due"]?.stringValue.flatMap(Stage.init(rawValue:)) ?? .application,
            hint: item["hint"]?.stringValue,
            condition: item["when"].map(condition),
            expression: expression,
            origin: origin,
            location: at(pointer))
    }

    private func expression(key: String, value: JSONValue, pointer: String) -> RequirementExpression {
        switch key {
        case "anyOf", "allOf":
            let items = (value.arrayValue ?? []).enumerated().map { index, item -> RequirementExpression in
                let itemPointer = "\(pointer)/\(index)"
                for inner in ["document", "anyOf", "allOf"] {
                    if let innerValue = item[inner] { return expression(key: inner, value: innerValue, pointer: itemPointer + "/" + inner) }
                }
                return .allOf([])
            }
            return key == "anyOf" ? .anyOf(items) : .allOf(items)
        default:
            var clause = DocumentClause(type: value["type"]?.stringValue ?? "", location: at(pointer))
            clause.min = value["min"]?.intValue ?? 1
            clause.max = value["max"]?.intValue
            clause.minDoses = value["minDoses"]?.intValue
            clause.result = value["result"]?.stringValue.flatMap(LabResult.init(rawValue:))
            clause.constraints = constraints(value)
            return .document(clause)
        }
    }

    private func condition(_ value: JSONValue) -> Condition {
        var condition = Condition()
        condition.instructionInEnglish = value["instructionInEnglish"]?.boolValue
        condition.usCitizenOrPermanentResident = value["usCitizenOrPermanentResident"]?.boolValue
        condition.status = value["status"]?.stringValue.flatMap(ApplicantStatus.init(rawValue:))
        condition.intendsResidency = value["intendsResidency"]?.boolValue
        condition.ecfmgCertified = value["ecfmgCertified"]?.boolValue
        condition.rotationOverlaps = value["rotationOverlaps"]?.stringValue.flatMap { MonthDayRange($0) }
        return condition
    }

    private func constraints(_ value: JSONValue) -> DocumentConstraints {
        var constraints = DocumentConstraints()
        constraints.windows = (value["windows"]?.arrayValue ?? []).compactMap { window in
            guard let anchor = window["anchor"]?.stringValue.flatMap(Anchor.init(rawValue:)), let within = window["within"]?.intValue,
                  let unit = window["unit"]?.stringValue.flatMap(DurationUnit.init(rawValue:)) else { return nil }
            return ValidityWindow(anchor: anchor, within: within, unit: unit)
        }
        if let through = value["validThrough"], let anchor = through["anchor"]?.stringValue.flatMap(Anchor.init(rawValue:)) {
            constraints.validThrough = ValidThrough(anchor: anchor, margin: through["margin"]?.intValue ?? 0,
                                                    unit: through["unit"]?.stringValue.flatMap(DurationUnit.init(rawValue:)) ?? .days)
        }
        if let season = value["season"], let anchor = season["anchor"]?.stringValue.flatMap(Anchor.init(rawValue:)),
           let startsOn = season["startsOn"]?.stringValue.flatMap({ MonthDay($0) }) {
            constraints.season = SeasonRule(anchor: anchor, startsOn: startsOn)
        }
        if let titer = value["titer"], let min = titer["min"]?.doubleValue {
            constraints.titer = TiterThreshold(min: min, unit: titer["unit"]?.stringValue ?? "")
        }
        if let issuer = value["issuer"] {
            constraints.issuer = IssuerRule(form: issuer["form"]?.stringValue, organization: issuer["organization"]?.stringValue,
                                            signed: issuer["signed"]?.boolValue, letterhead: issuer["letterhead"]?.boolValue)
        }
        if let translation = value["translation"] {
            constraints.translation = TranslationRule(certified: translation["certified"]?.boolValue ?? true)
        }
        if let nameMatch = value["nameMatch"] {
            constraints.nameMatch = NameMatchRule(allowAliases: nameMatch["allowAliases"]?.boolValue ?? true)
        }
        if let file = value["file"] {
            constraints.file = FileConstraint(
                formats: file["formats"].map { strings($0) }, maxBytes: file["maxBytes"]?.intValue,
                notEncrypted: file["notEncrypted"]?.boolValue, noDigitalSignature: file["noDigitalSignature"]?.boolValue,
                maxPages: file["maxPages"]?.intValue, minPages: file["minPages"]?.intValue, pageSize: file["pageSize"]?.stringValue,
                pixelWidth: file["pixelWidth"]?.intValue, pixelHeight: file["pixelHeight"]?.intValue,
                forbiddenCharacters: file["forbiddenCharacters"]?.stringValue, maxCharacters: file["maxCharacters"]?.intValue)
        }
        return constraints
    }

    private func eligibilityRule(_ item: JSONValue, pointer: String) -> EligibilityRule? {
        guard let member = item.members?.first else { return nil }
        let rule = member.value
        let kind: EligibilityRule.Kind
        switch member.key {
        case "applicantStatus":
            kind = .applicantStatus(allowed: strings(rule["allowed"]).compactMap(ApplicantStatus.init(rawValue:)),
                                    notGraduatedBefore: rule["notGraduatedBefore"]?.stringValue.flatMap(Anchor.init(rawValue:)))
        case "graduation":
            kind = .graduation(maxYearsSince: rule["maxYearsSince"]?.intValue ?? 0,
                               anchor: rule["anchor"]?.stringValue.flatMap(Anchor.init(rawValue:)) ?? .rotationStart)
        case "yearOfStudy": kind = .yearOfStudy(min: rule["min"]?.intValue ?? 0)
        case "exam":
            kind = .exam(exams: strings(rule["exam"]).compactMap(Exam.init(rawValue:)), passed: rule["passed"]?.boolValue ?? true,
                         minScore: rule["minScore"]?.doubleValue, maxAttempts: rule["maxAttempts"]?.intValue)
        case "english":
            let options = (rule["tests"]?.arrayValue ?? []).compactMap { test -> EnglishTestOption? in
                guard let name = test["test"]?.stringValue.flatMap(EnglishTestName.init(rawValue:)) else { return nil }
                return EnglishTestOption(test: name, minTotal: test["minTotal"]?.doubleValue,
                                         minSection: test["minSection"]?.doubleValue, withinYears: test["withinYears"]?.intValue)
            }
            kind = .english(options: options, exemptIfInstructionInEnglish: rule["exemptIfInstructionInEnglish"]?.boolValue ?? false,
                            exemptIfExamPassed: rule["exemptIfExamPassed"]?.boolValue ?? false)
        case "visaClass": kind = .visaClass(accepted: strings(rule["accepted"]))
        case "citizenship": kind = .citizenship(excluded: strings(rule["excluded"]))
        case "noResidencyIntent": kind = .noResidencyIntent(required: rule["required"]?.boolValue ?? true)
        case "ecfmgCertified": kind = .ecfmgCertified(required: rule["required"]?.boolValue ?? true)
        default: return nil
        }
        return EligibilityRule(id: rule["id"]?.stringValue, kind: kind,
                               severity: rule["severity"]?.stringValue.flatMap(Severity.init(rawValue:)) ?? .error,
                               hint: rule["hint"]?.stringValue, location: at(pointer + "/" + member.key))
    }
}
