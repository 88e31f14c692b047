import Foundation
import CheckDocsNative
import CheckDocsFormats

/// Turns a schema-valid program description or checklist, XML or JSON, into the shared model,
/// through one reading of both syntaxes (`DescriptionNode`, docs/programs.md "XML ↔ JSON mapping").
/// Each document constraint kind decodes itself (Engine/Constraints/), and so does each kind of
/// eligibility rule (Engine/Eligibility/). A value the model cannot hold is an error at its
/// location, never a silent default.
struct ProgramDecoder {
    /// What decoding made of a description: the description with every part that decoded, and
    /// the errors of the others. `rulesComplete`: no requirement, eligibility rule, removal or
    /// tightening was dropped, so the description's rules are all there (`lint` then resolves it
    /// too, and reports what resolving finds beside the decoding's errors).
    struct Decoded {
        var description: ProgramDescription?
        var errors: [InputError]
        var rulesComplete: Bool

        /// The description when every part decoded; else every error.
        func get() throws(InputErrors) -> ProgramDescription {
            guard errors.isEmpty, let description else { throw InputErrors(errors) }
            return description
        }
    }

    /// Decodes an XML root element, checking its namespace first.
    static func decode(xml root: XMLElementNode, file: String) throws(InputErrors) -> ProgramDescription {
        try decoded(xml: root, file: file).get()
    }

    /// Decodes a JSON document `{"schemaVersion": 1, "program": {…}}` (or `"checklist"`).
    static func decode(json document: JSONValue, file: String) throws(InputErrors) -> ProgramDescription {
        try decoded(json: document, file: file).get()
    }

    static func decoded(xml root: XMLElementNode, file: String) -> Decoded {
        guard root.namespace == ProgramFormat.namespace else {
            return Decoded(description: nil, errors: [InputError(DescriptionNode.xml(root, file: file).location,
                                                                 "the root element must be in the namespace \(ProgramFormat.namespace)")],
                           rulesComplete: false)
        }
        let role: ProgramDescription.Role = root.name == "checklist" ? .checklist : .program
        return ProgramDecoder().decode(.xml(root, file: file), role: role)
    }

    static func decoded(json document: JSONValue, file: String) -> Decoded {
        let role: ProgramDescription.Role = document["checklist"] != nil ? .checklist : .program
        let pointer = "/" + role.rawValue
        guard let body = document[role.rawValue] else {
            return Decoded(description: nil, errors: [InputError(SourceLocation(file: file, position: .pointer("")), "missing \"program\" or \"checklist\"")],
                           rulesComplete: false)
        }
        return ProgramDecoder().decode(.json(body, named: role.rawValue, pointer: pointer, file: file), role: role)
    }

    private func decode(_ root: DescriptionNode, role: ProgramDescription.Role) -> Decoded {
        var errors: [InputError] = []
        var rulesComplete = true
        /// Runs one part of the decoding; its error is collected, so one run reports them all.
        func collect<T>(_ body: () throws(InputError) -> T) -> T? {
            do { return try body() } catch { errors.append(error); return nil }
        }
        guard let source = root.child("source"),
              let asOf = collect({ () throws(InputError) in try source.date("asOf") }) ?? nil,
              let href = collect({ () throws(InputError) in try source.required("href") }),
              let id = collect({ () throws(InputError) in try root.required("id") }),
              let kind = collect({ () throws(InputError) in try root.value("kind", as: ProgramKind.self) }) ?? nil,
              let name = collect({ () throws(InputError) in try root.text("name") }) ?? nil else {
            if errors.isEmpty { errors.append(InputError(root.location, "missing id, kind, name or <source href asOf>")) }
            return Decoded(description: nil, errors: errors, rulesComplete: false)
        }
        var description = ProgramDescription(role: role, id: id, kind: kind, name: name,
                                             source: Provenance(href: href, asOf: asOf), file: root.location)
        // Each part on its own: a reversed rotation must not hide a bad <facts> after it (lint
        // reports every error of a file).
        _ = collect { () throws(InputError) in
            description.institution = try root.text("institution")
            description.specialty = try root.text("specialty")
            description.location = try root.text("location")
        }
        for node in root.children("extends", plural: "extends") {
            _ = collect { () throws(InputError) in
                guard let checklist = try node.string(orOwnValue: "checklist") else { throw InputError(node.location, "missing checklist") }
                description.extends.append(checklist)
                description.extendsLocations.append(node.location)
            }
        }
        let rotationNode = root.child("rotation")
        if let rotation = rotationNode {
            _ = collect { () throws(InputError) in
                guard let start = try rotation.date("start"), let end = try rotation.date("end") else {
                    throw InputError(rotation.location, "a rotation needs a start and an end")
                }
                guard start <= end else { throw InputError(rotation.location, "the rotation ends (\(end)) before it starts (\(start))") }
                description.rotation = Rotation(start: start, end: end)
            }
        }
        if let node = root.child("sessions") {
            _ = collect { () throws(InputError) in
                guard rotationNode == nil else {
                    throw InputError(node.location, "a program gives either one rotation or its sessions, not both")
                }
                description.sessions = try Sessions.decode(from: node)
            }
        }
        if let deadline = root.child("deadline") {
            _ = collect { () throws(InputError) in
                guard let text = try deadline.string(orOwnValue: "date"), let date = CalendarDate(iso: text) else {
                    throw InputError(deadline.location, "the deadline must be a date in the form YYYY-MM-DD")
                }
                description.deadline = date
            }
        }
        if let node = root.child("leadTime") { _ = collect { () throws(InputError) in description.leadTime = try LeadTime.decode(from: node) } }
        if let node = root.child("facts") { _ = collect { () throws(InputError) in description.facts = try Self.facts(node) } }
        for node in root.children("fee", plural: "fees") {
            if let fee = collect({ () throws(InputError) in try Self.fee(node) }) { description.fees.append(fee) }
        }
        // Each list is given its room once: grown step by step, a program's requirements were
        // moved three or four times over.
        let ruleNodes = root.items(in: "eligibility")
        description.eligibility.reserveCapacity(ruleNodes.count)
        for node in ruleNodes {
            if let rule = collect({ () throws(InputError) in try Self.eligibilityRule(node) }) { description.eligibility.append(rule) } else { rulesComplete = false }
        }
        let requirementNodes = root.children("require", in: "requirements", plural: "requirements")
        description.requirements.reserveCapacity(requirementNodes.count)
        for node in requirementNodes {
            if let requirement = collect({ () throws(InputError) in try Self.requirement(node, origin: id) }) {
                description.requirements.append(requirement)
            } else {
                rulesComplete = false
            }
        }
        for node in root.children("remove", in: "requirements", plural: "remove") {
            if let ref = collect({ () throws(InputError) in try node.string(orOwnValue: "ref") }) ?? nil {
                description.removals.append(Removal(ref: ref, location: node.location))
            } else {
                rulesComplete = false
            }
        }
        for node in root.children("tighten", in: "requirements", plural: "tighten") {
            if let tightening = collect({ () throws(InputError) in try Self.tightening(node) }) { description.tightenings.append(tightening) } else { rulesComplete = false }
        }
        return Decoded(description: description, errors: errors, rulesComplete: rulesComplete)
    }

    private static func fee(_ node: DescriptionNode) throws(InputError) -> Fee {
        guard let text = try node.numberText("amount"),
              let amount = Decimal(amountText: text), amount >= 0 else {
            throw InputError(node.location(of: "amount"), "a fee needs an amount of 0 or more")
        }
        return Fee(amount: amount, currency: try node.string("currency") ?? "USD", label: try node.string("label") ?? "",
                   per: try node.value("per", as: FeePeriod.self) ?? .once)
    }

    /// `<facts setting handsOn letter city livingPerWeek livingCurrency weeks care/>` (docs/programs.md, "Facts for choosing").
    private static func facts(_ node: DescriptionNode) throws(InputError) -> ChoosingFacts {
        var facts = ChoosingFacts()
        facts.setting = try node.value("setting", as: ChoosingFacts.Setting.self)
        facts.care = try node.value("care", as: ChoosingFacts.Care.self)
        facts.handsOn = try node.value("handsOn", as: ChoosingFacts.HandsOn.self)
        facts.letter = try node.value("letter", as: ChoosingFacts.Letter.self)
        facts.city = try node.string("city")
        if let text = try node.numberText("livingPerWeek") {
            guard let amount = Decimal(amountText: text), amount >= 0 else {
                throw InputError(node.location(of: "livingPerWeek"), "livingPerWeek must be an amount of 0 or more")
            }
            facts.livingPerWeek = amount
        }
        // A currency with no amount to be in says nothing: refused, not silently kept.
        if let currency = try node.string("livingCurrency") {
            guard facts.livingPerWeek != nil else {
                throw InputError(node.location(of: "livingCurrency"), "livingCurrency needs livingPerWeek, the amount it is the currency of")
            }
            facts.livingCurrency = currency
        }
        facts.weeks = try node.int("weeks", in: 1...104)
        return facts
    }

    private static func requirement(_ node: DescriptionNode, origin: String) throws(InputError) -> Requirement {
        guard let expressionNode = node.firstChild(among: ["document", "anyOf", "allOf"]) else {
            throw InputError(node.location, "a requirement needs one <document>, <anyOf> or <allOf>")
        }
        return Requirement(
            id: try node.required("id"),
            title: try node.required("title"),
            severity: try node.value("severity", as: Severity.self) ?? .error,
            supplier: try node.value("supplier", as: Supplier.self) ?? .applicant,
            due: try node.value("due", as: Stage.self) ?? .application,
            hint: try node.string("hint"),
            condition: try node.child("when").map(condition),
            expression: try expression(expressionNode),
            origin: origin,
            location: node.location)
    }

    private static func condition(_ node: DescriptionNode) throws(InputError) -> Condition {
        var condition = Condition()
        condition.instructionInEnglish = try node.bool("instructionInEnglish")
        condition.usCitizenOrPermanentResident = try node.bool("usCitizenOrPermanentResident")
        condition.status = try node.value("status", as: ApplicantStatus.self)
        condition.intendsResidency = try node.bool("intendsResidency")
        condition.ecfmgCertified = try node.bool("ecfmgCertified")
        if let text = try node.string("rotationOverlaps") {
            guard let range = MonthDayRange(text) else {
                throw InputError(node.location(of: "rotationOverlaps"), "rotationOverlaps is \"\(text)\"; it must be MM-DD/MM-DD")
            }
            condition.rotationOverlaps = range
        }
        condition.admissionClass = try node.list("admissionClass")
        condition.notAdmissionClass = try node.list("notAdmissionClass")
        condition.visaClass = try node.list("visaClass")
        condition.notVisaClass = try node.list("notVisaClass")
        switch (try node.string("documentType"), try node.string("states")) {
        case (nil, nil): break
        case let (type?, statement?): condition.documentStates = DocumentStatement(type: type, statement: statement)
        case (_?, nil): throw InputError(node.location(of: "documentType"), "a condition on a document needs states, the statement it makes")
        case (nil, _?): throw InputError(node.location(of: "states"), "a condition on a statement needs documentType, the type of the document that makes it")
        }
        return condition
    }

    private static func expression(_ node: DescriptionNode) throws(InputError) -> RequirementExpression {
        switch node.name {
        case "anyOf", "allOf":
            var items: [RequirementExpression] = []
            for item in node.items() { items.append(try expression(item)) }
            return node.name == "anyOf" ? .anyOf(items) : .allOf(items)
        default:
            return .document(try documentClause(node))
        }
    }

    private static func documentClause(_ node: DescriptionNode) throws(InputError) -> DocumentClause {
        var clause = DocumentClause(type: try node.required("type"), location: node.location)
        clause.min = try node.int("min", in: 0...1000) ?? 1
        clause.max = try node.int("max", in: 0...1000)
        clause.constraints = try DocumentConstraintKinds.decode(from: node)
        return clause
    }

    private static func tightening(_ node: DescriptionNode) throws(InputError) -> Tightening {
        Tightening(ref: try node.required("ref"), type: try node.string("type"), min: try node.int("min", in: 0...1000),
                   severity: try node.value("severity", as: Severity.self), due: try node.value("due", as: Stage.self),
                   hint: try node.string("hint"), condition: try node.child("when").map(condition),
                   constraints: try DocumentConstraintKinds.decode(from: node),
                   location: node.location)
    }

    /// An eligibility rule: the kind its element names decodes itself (Engine/Eligibility/).
    private static func eligibilityRule(_ node: DescriptionNode) throws(InputError) -> EligibilityRule {
        let check = try EligibilityKinds.decode(from: node)
        return EligibilityRule(id: try node.string("id"), check: check, severity: try node.value("severity", as: Severity.self) ?? .error,
                               hint: try node.string("hint"), condition: try node.child("when").map(condition),
                               ifNotEvaluable: try node.value("ifNotEvaluable", as: Severity.self), location: node.location)
    }
}

public enum ProgramFormat {
    public static let namespace = "urn:checkdocs:program:1"
}
