/// Human descriptions of rules, shared by the engine's messages and `explain`.
public enum RuleDescription {
    public static func describe(_ clause: DocumentClause, catalog: DocumentCatalog) -> String {
        describe(clause, catalog: catalog, dates: nil)
    }

    static func describe(_ clause: DocumentClause, catalog: DocumentCatalog, dates: ProgramDates?) -> String {
        var text = ""
        append(clause, catalog: catalog, dates: dates, to: &text)
        return text
    }

    public static func describe(_ expression: RequirementExpression, catalog: DocumentCatalog) -> String {
        var text = ""
        append(expression, catalog: catalog, to: &text)
        return text
    }

    // The words are appended to one string: every requirement of a JSON report's programs is
    // worded, and a list of parts joined (and, in a combination, bracketed) string by string
    // allocated and copied each part several times (docs/performance.md, "Instruction counts,
    // third round").

    /// "count × title; constraint; constraint".
    private static func append(_ clause: DocumentClause, catalog: DocumentCatalog, dates: ProgramDates?, to text: inout String) {
        if clause.min > 1 || clause.max != nil {
            text += String(clause.min)
            if let max = clause.max {
                text += "–"
                text += String(max)
            }
            text += " × "
        }
        text += catalog.title(of: clause.type)
        // Each kind words itself (Engine/Constraints/), in the order of the kinds.
        for constraint in clause.constraints {
            for part in constraint.base.describe(dates: dates, catalog: catalog) {
                text += "; "
                text += part
            }
        }
    }

    private static func append(_ expression: RequirementExpression, catalog: DocumentCatalog, to text: inout String) {
        let items: [RequirementExpression]
        let separator: String
        switch expression {
        case let .document(clause): return append(clause, catalog: catalog, dates: nil, to: &text)
        case let .anyOf(alternatives):
            text += "one of: "
            (items, separator) = (alternatives, ") | (")
        case let .allOf(parts):
            text += "all of: "
            (items, separator) = (parts, ") + (")
        }
        for (index, item) in items.enumerated() {
            text += index == 0 ? "(" : separator
            append(item, catalog: catalog, to: &text)
        }
        if !items.isEmpty { text += ")" }
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
