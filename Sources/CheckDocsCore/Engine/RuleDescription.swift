/// Human descriptions of rules, shared by the engine's messages and `explain`.
public enum RuleDescription {
    public static func describe(_ clause: DocumentClause, catalog: DocumentCatalog) -> String {
        describe(clause, catalog: catalog, dates: nil)
    }

    static func describe(_ clause: DocumentClause, catalog: DocumentCatalog, dates: ProgramDates?) -> String {
        var parts: [String] = []
        var head = catalog.title(of: clause.type)
        if clause.min > 1 || clause.max != nil {
            head = clause.max.map { "\(clause.min)–\($0) × " } .map { $0 + head } ?? "\(clause.min) × \(head)"
        }
        parts.append(head)
        if let minDoses = clause.minDoses { parts.append("\(minDoses) dose\(minDoses == 1 ? "" : "s")") }
        if let result = clause.result { parts.append("result \(result.rawValue)") }
        let constraints = clause.constraints
        if let titer = constraints.titer { parts.append("quantitative titer ≥ \(EligibilityRule.format(titer.min)) \(titer.unit)") }
        for window in constraints.windows {
            var text = "dated within \(window.within) \(window.unit.rawValue) before \(ProgramDates.describe(window.anchor))"
            if let dates, window.anchor != .asOf {
                text += " (on or after \(dates.date(for: window.anchor).adding(-window.within, window.unit)))"
            }
            parts.append(text)
        }
        if let season = constraints.season {
            parts.append("from the season (starting \(season.startsOn)) that covers \(ProgramDates.describe(season.anchor))")
        }
        if let through = constraints.validThrough {
            var text = "valid through \(ProgramDates.describe(through.anchor))"
            if through.margin > 0 { text += " + \(through.margin) \(through.unit.rawValue)" }
            if let dates { text += " (\(dates.date(for: through.anchor).adding(through.margin, through.unit)))" }
            parts.append(text)
        }
        let deferred = constraints.deferredRules
        if !deferred.isEmpty { parts.append("\(deferred.joined(separator: ", ")) rules noted, not yet checked") }
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
        return parts.joined(separator: " and ")
    }
}
