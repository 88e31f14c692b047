/// Human descriptions of rules, shared by the engine's messages and `explain`.
public enum RuleDescription {
    public static func describe(_ clause: DocumentClause, catalog: DocumentCatalog) -> String {
        describe(clause, catalog: catalog, dates: nil)
    }

    static func describe(_ clause: DocumentClause, catalog: DocumentCatalog, dates: ProgramDates?) -> String {
        var head = catalog.title(of: clause.type)
        if clause.min > 1 || clause.max != nil {
            head = clause.max.map { "\(clause.min)–\($0) × " } .map { $0 + head } ?? "\(clause.min) × \(head)"
        }
        // Each kind words itself (Engine/Constraints/), in the order of the kinds.
        let parts = [head] + clause.constraints.flatMap { $0.base.describe(dates: dates, catalog: catalog) }
        return parts.joined(separator: "; ")
    }

    public static func describe(_ expression: RequirementExpression, catalog: DocumentCatalog) -> String {
        switch expression {
        case let .document(clause): return describe(clause, catalog: catalog)
        case let .anyOf(items): return "one of: " + items.map { "(" + describe($0, catalog: catalog) + ")" }.joined(separator: " | ")
        case let .allOf(items): return "all of: " + items.map { "(" + describe($0, catalog: catalog) + ")" }.joined(separator: " + ")
        }
    }

    public static func describe(_ condition: Condition) -> String {
        var parts: [String] = []
        if let value = condition.instructionInEnglish { parts.append(value ? "instruction was in English" : "instruction was not in English") }
        if let value = condition.usCitizenOrPermanentResident { parts.append(value ? "US citizen or permanent resident" : "not a US citizen or permanent resident") }
        if let value = condition.status { parts.append("applicant is a \(value.rawValue)") }
        if let value = condition.intendsResidency { parts.append(value ? "intends to apply for residency" : "does not intend to apply for residency") }
        if let value = condition.ecfmgCertified { parts.append(value ? "ECFMG certified" : "not ECFMG certified") }
        if let range = condition.rotationOverlaps { parts.append("the rotation overlaps \(range)") }
        parts += ClassCondition.describe(condition)
        if let wanted = condition.documentStates { parts.append("a \(wanted.type) document states \(wanted.statement)") }
        return parts.joined(separator: " and ")
    }
}
