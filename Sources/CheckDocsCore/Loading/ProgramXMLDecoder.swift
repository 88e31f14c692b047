import Foundation
import CheckDocsNative

/// Turns a schema-valid `<program>` or `<checklist>` element into the shared model.
/// The XSD has already checked structure and value forms; this maps names to model values.
struct ProgramXMLDecoder {
    let file: String

    func decode(_ root: XMLElementNode) throws(InputErrors) -> ProgramDescription {
        guard root.namespace == ProgramFormat.namespace else {
            throw InputErrors([InputError(location(root), "the root element must be in the namespace \(ProgramFormat.namespace)")])
        }
        let role: ProgramDescription.Role = root.name == "checklist" ? .checklist : .program
        guard let source = root.child(named: "source"), let asOf = date(source.attribute("asOf")) else {
            throw InputErrors([InputError(location(root), "missing <source href asOf>")])
        }
        var description = ProgramDescription(
            role: role,
            id: root.attribute("id") ?? "",
            kind: ProgramKind(rawValue: root.attribute("kind") ?? "") ?? .observership,
            name: text(root.child(named: "name")) ?? "",
            source: Provenance(href: source.attribute("href") ?? "", asOf: asOf),
            file: location(root))
        description.institution = text(root.child(named: "institution"))
        description.specialty = text(root.child(named: "specialty"))
        description.location = text(root.child(named: "location"))
        description.extends = root.children(named: "extends").compactMap { $0.attribute("checklist") }
        if let rotation = root.child(named: "rotation"), let start = date(rotation.attribute("start")),
           let end = date(rotation.attribute("end")) {
            description.rotation = Rotation(start: start, end: end)
        }
        description.deadline = date(root.child(named: "deadline")?.attribute("date"))
        description.leadTimeDays = root.child(named: "leadTime")?.attribute("minDays").flatMap { Int($0) }
        description.fees = root.children(named: "fee").map {
            Fee(amount: Decimal(string: $0.attribute("amount") ?? "0", locale: Locale(identifier: "en_US_POSIX")) ?? 0,
                currency: $0.attribute("currency") ?? "USD", label: $0.attribute("label") ?? "")
        }
        for rule in root.child(named: "eligibility")?.children ?? [] {
            if let decoded = eligibilityRule(rule) { description.eligibility.append(decoded) }
        }
        for item in root.child(named: "requirements")?.children ?? [] {
            switch item.name {
            case "require": description.requirements.append(requirement(item, origin: description.id))
            case "remove": description.removals.append(Removal(ref: item.attribute("ref") ?? "", location: location(item)))
            case "tighten": description.tightenings.append(tightening(item))
            default: break
            }
        }
        return description
    }

    private func location(_ element: XMLElementNode) -> SourceLocation {
        SourceLocation(file: file, position: .line(element.line, column: element.column))
    }

    private func text(_ element: XMLElementNode?) -> String? {
        guard let element else { return nil }
        let trimmed = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private func date(_ value: String?) -> CalendarDate? { value.flatMap { CalendarDate(iso: $0) } }
    private func bool(_ value: String?) -> Bool? { value.map { $0 == "true" || $0 == "1" } }
    private func int(_ value: String?) -> Int? { value.flatMap { Int($0) } }
    private func double(_ value: String?) -> Double? { value.flatMap { Double($0) } }
    private func list(_ value: String?) -> [String] { value?.split(whereSeparator: \.isWhitespace).map(String.init) ?? [] }

    private func requirement(_ element: XMLElementNode, origin: String) -> Requirement {
        let expressionElement = element.children.first { ["document", "anyOf", "allOf"].contains($0.name) }
        return Requirement(
            id: element.attribute("id") ?? "",
            title: element.attribute("title") ?? "",
            severity: Severity(rawValue: element.attribute("severity") ?? "") ?? .error,
            supplier: Supplier(rawValue: element.attribute("supplier") ?? "") ?? .applicant,
            due: Stage(rawValue: element.attribute("due") ?? "") ?? .application,
            hint: element.attribute("hint"),
            condition: element.child(named: "when").map(condition),
            expression: expressionElement.map(expression) ?? .allOf([]),
            origin: origin,
            location: location(element))
    }

    private func condition(_ element: XMLElementNode) -> Condition {
        var condition = Condition()
        condition.instructionInEnglish = bool(element.attribute("instructionInEnglish"))
        condition.usCitizenOrPermanentResident = bool(element.attribute("usCitizenOrPermanentResident"))
        condition.status = element.attribute("status").flatMap(ApplicantStatus.init(rawValue:))
        condition.intendsResidency = bool(element.attribute("intendsResidency"))
        condition.ecfmgCertified = bool(element.attribute("ecfmgCertified"))
        condition.rotationOverlaps = element.attribute("rotationOverlaps").flatMap { MonthDayRange($0) }
        return condition
    }

    private func expression(_ element: XMLElementNode) -> RequirementExpression {
        switch element.name {
        case "anyOf": return .anyOf(element.children.map(expression))
        case "allOf": return .allOf(element.children.map(expression))
        default: return .document(documentClause(element))
        }
    }

    private func documentClause(_ element: XMLElementNode) -> DocumentClause {
        var clause = DocumentClause(type: element.attribute("type") ?? "", location: location(element))
        clause.min = int(element.attribute("min")) ?? 1
        clause.max = int(element.attribute("max"))
        clause.minDoses = int(element.attribute("minDoses"))
        clause.result = element.attribute("result").flatMap(LabResult.init(rawValue:))
        clause.constraints = constraints(element)
        return clause
    }

    private func constraints(_ element: XMLElementNode) -> DocumentConstraints {
        var constraints = DocumentConstraints()
        constraints.windows = element.children(named: "window").compactMap { window in
            guard let anchor = Anchor(rawValue: window.attribute("anchor") ?? ""), let within = int(window.attribute("within")),
                  let unit = DurationUnit(rawValue: window.attribute("unit") ?? "") else { return nil }
            return ValidityWindow(anchor: anchor, within: within, unit: unit)
        }
        if let through = element.child(named: "validThrough"), let anchor = Anchor(rawValue: through.attribute("anchor") ?? "") {
            constraints.validThrough = ValidThrough(anchor: anchor, margin: int(through.attribute("margin")) ?? 0,
                                                    unit: DurationUnit(rawValue: through.attribute("unit") ?? "") ?? .days)
        }
        if let season = element.child(named: "season"), let anchor = Anchor(rawValue: season.attribute("anchor") ?? ""),
           let startsOn = season.attribute("startsOn").flatMap({ MonthDay($0) }) {
            constraints.season = SeasonRule(anchor: anchor, startsOn: startsOn)
        }
        if let titer = element.child(named: "titer"), let min = double(titer.attribute("min")) {
            constraints.titer = TiterThreshold(min: min, unit: titer.attribute("unit") ?? "")
        }
        if let issuer = element.child(named: "issuer") {
            constraints.issuer = IssuerRule(form: issuer.attribute("form"), organization: issuer.attribute("organization"),
                                            signed: bool(issuer.attribute("signed")), letterhead: bool(issuer.attribute("letterhead")))
        }
        if let translation = element.child(named: "translation") {
            constraints.translation = TranslationRule(certified: bool(translation.attribute("certified")) ?? true)
        }
        if let nameMatch = element.child(named: "nameMatch") {
            constraints.nameMatch = NameMatchRule(allowAliases: bool(nameMatch.attribute("allowAliases")) ?? true)
        }
        if let file = element.child(named: "file") {
            constraints.file = FileConstraint(
                formats: file.attribute("formats").map { list($0) }, maxBytes: int(file.attribute("maxBytes")),
                notEncrypted: bool(file.attribute("notEncrypted")), noDigitalSignature: bool(file.attribute("noDigitalSignature")),
                maxPages: int(file.attribute("maxPages")), minPages: int(file.attribute("minPages")), pageSize: file.attribute("pageSize"),
                pixelWidth: int(file.attribute("pixelWidth")), pixelHeight: int(file.attribute("pixelHeight")),
                forbiddenCharacters: file.attribute("forbiddenCharacters"), maxCharacters: int(file.attribute("maxCharacters")))
        }
        return constraints
    }

    private func tightening(_ element: XMLElementNode) -> Tightening {
        Tightening(ref: element.attribute("ref") ?? "", type: element.attribute("type"), min: int(element.attribute("min")),
                   severity: element.attribute("severity").flatMap(Severity.init(rawValue:)),
                   due: element.attribute("due").flatMap(Stage.init(rawValue:)), hint: element.attribute("hint"),
                   constraints: constraints(element), location: location(element))
    }

    private func eligibilityRule(_ element: XMLElementNode) -> EligibilityRule? {
        let kind: EligibilityRule.Kind
        switch element.name {
        case "applicantStatus":
            kind = .applicantStatus(allowed: list(element.attribute("allowed")).compactMap(ApplicantStatus.init(rawValue:)),
                                    notGraduatedBefore: element.attribute("notGraduatedBefore").flatMap(Anchor.init(rawValue:)))
        case "graduation":
            kind = .graduation(maxYearsSince: int(element.attribute("maxYearsSince")) ?? 0,
                               anchor: element.attribute("anchor").flatMap(Anchor.init(rawValue:)) ?? .rotationStart)
        case "yearOfStudy":
            kind = .yearOfStudy(min: int(element.attribute("min")) ?? 0)
        case "exam":
            kind = .exam(exams: list(element.attribute("exam")).compactMap(Exam.init(rawValue:)),
                         passed: bool(element.attribute("passed")) ?? true,
                         minScore: double(element.attribute("minScore")), maxAttempts: int(element.attribute("maxAttempts")))
        case "english":
            let options = element.children(named: "test").compactMap { test -> EnglishTestOption? in
                guard let name = EnglishTestName(rawValue: test.attribute("test") ?? "") else { return nil }
                return EnglishTestOption(test: name, minTotal: double(test.attribute("minTotal")),
                                         minSection: double(test.attribute("minSection")), withinYears: int(test.attribute("withinYears")))
            }
            kind = .english(options: options,
                            exemptIfInstructionInEnglish: bool(element.attribute("exemptIfInstructionInEnglish")) ?? false,
                            exemptIfExamPassed: bool(element.attribute("exemptIfExamPassed")) ?? false)
        case "visaClass": kind = .visaClass(accepted: list(element.attribute("accepted")))
        case "citizenship": kind = .citizenship(excluded: list(element.attribute("excluded")))
        case "noResidencyIntent": kind = .noResidencyIntent(required: bool(element.attribute("required")) ?? true)
        case "ecfmgCertified": kind = .ecfmgCertified(required: bool(element.attribute("required")) ?? true)
        default: return nil
        }
        return EligibilityRule(id: element.attribute("id"), kind: kind,
                               severity: element.attribute("severity").flatMap(Severity.init(rawValue:)) ?? .error,
                               hint: element.attribute("hint"), location: location(element))
    }
}

public enum ProgramFormat {
    public static let namespace = "urn:checkdocs:program:1"
}
