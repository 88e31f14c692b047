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
                text += " (on or after \(dates.date(for: window.anchor).subtracting(window.within, window.unit)))"
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
        if let issuer = constraints.issuer {
            if let form = issuer.form { parts.append("on " + IssuerCheck.formTitle(form)) }
            if let organization = issuer.organization { parts.append("issued by \(organization)") }
            if let signed = issuer.signed { parts.append(signed ? "signed" : "not signed") }
            if let letterhead = issuer.letterhead { parts.append(letterhead ? "on letterhead" : "not on letterhead") }
        }
        if let translation = constraints.translation {
            parts.append("in English or with a\(translation.certified ? " certified" : "n") English translation beside it")
        }
        if let nameMatch = constraints.nameMatch {
            parts.append(nameMatch.allowAliases ? "in the passport name (or a declared other name, with a name-verification document)" : "in the passport name exactly")
        }
        if let file = constraints.file { parts += describe(file) }
        return parts.joined(separator: "; ")
    }

    /// "PDF", "at most 1 MB", "US Letter pages", … for a `<file>` rule.
    static func describe(_ rule: FileConstraint) -> [String] {
        var parts: [String] = []
        if let formats = rule.formats {
            parts.append(formats.map { FileFormat(rawValue: $0)?.title ?? $0 }.joined(separator: " or "))
        }
        if let maxBytes = rule.maxBytes { parts.append("at most \(ByteCount.describe(Int64(maxBytes)))") }
        if rule.notEncrypted == true { parts.append("not encrypted") }
        if rule.noDigitalSignature == true { parts.append("no digital signature") }
        switch (rule.minPages, rule.maxPages) {
        case let (min?, max?): parts.append("\(min)–\(max) pages")
        case let (min?, nil): parts.append("at least \(FileConstraintEvaluator.pages(min))")
        case let (nil, max?): parts.append("at most \(FileConstraintEvaluator.pages(max))")
        case (nil, nil): break
        }
        if let size = rule.pageSize { parts.append("\(PaperSize(rawValue: size)?.title ?? size) pages") }
        if rule.pixelWidth != nil || rule.pixelHeight != nil {
            parts.append("\(rule.pixelWidth.map(String.init) ?? "any") × \(rule.pixelHeight.map(String.init) ?? "any") px")
        }
        if let max = rule.maxCharacters { parts.append("at most \(FileConstraintEvaluator.number(max)) characters") }
        if let forbidden = rule.forbiddenCharacters {
            parts.append("no \(forbidden.map(String.init).joined(separator: " ")) in the file name")
        }
        return parts
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
