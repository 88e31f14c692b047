import CheckDocsNative

/// The text of `checkdocs explain`: a program's or checklist's rules, or a document type.
public enum Explanation {
    public static func program(_ program: ResolvedProgram, catalog: DocumentCatalog) -> String {
        let description = program.description
        var lines = ["\(description.id) — \(description.name) (\(description.kind.rawValue))"]
        if let institution = description.institution { lines.append("  \(institution)") }
        lines.append("  source: \(description.source.href) (as of \(description.source.asOf))")
        // A standard checklist explained on its own is resolved against itself: not worth saying.
        let bases = program.checklists.map(\.id).filter { $0 != description.id }
        if !bases.isEmpty { lines.append("  builds on: \(bases.joined(separator: ", "))") }
        if let rotation = description.rotation { lines.append("  rotation: \(rotation.start) → \(rotation.end)") }
        if let sessions = description.sessions { lines.append("  sessions: \(sessions.words)") }
        if let deadline = description.deadline { lines.append("  deadline: \(deadline)") }
        if let lead = description.leadTime { lines.append("  \(lead.words)") }
        for fee in description.fees {
            lines.append("  fee: \(fee.currency) \(fee.amount)\(fee.per == .once ? "" : " per \(fee.per.rawValue)") (\(fee.label))")
        }
        if let facts = ChoosingWords.facts(description) { lines.append("  for choosing: \(facts)") }
        if !program.eligibility.isEmpty {
            lines.append("")
            lines.append("Eligibility")
            for rule in program.eligibility {
                var flags: [String] = []
                if rule.severity == .warning { flags.append("warning") }
                if let severity = rule.ifNotEvaluable, severity != rule.severity { flags.append("if not evaluable: \(severity.rawValue)") }
                lines.append("  [\(rule.id)] \(rule.title)" + (flags.isEmpty ? "" : " (\(flags.joined(separator: ", ")))"))
                if let condition = rule.condition { lines.append("      only if \(RuleDescription.describe(condition))") }
                if let hint = rule.hint { lines.append("      \(hint)") }
            }
        }
        lines.append("")
        lines.append("Requirements")
        for requirement in program.requirements {
            var flags: [String] = []
            if requirement.severity == .warning { flags.append("warning") }
            if requirement.supplier != .applicant { flags.append("from \(requirement.supplier.rawValue)") }
            if requirement.due != .application { flags.append("due \(requirement.due.rawValue)") }
            lines.append("  [\(requirement.id)] \(requirement.title)" + (flags.isEmpty ? "" : " (\(flags.joined(separator: ", ")))"))
            if let condition = requirement.condition { lines.append("      only if \(RuleDescription.describe(condition))") }
            lines.append("      " + RuleDescription.describe(requirement.expression, catalog: catalog))
            if let hint = requirement.hint { lines.append("      → \(hint)") }
        }
        return DisplayText.escape(lines.joined(separator: "\n"), keepNewlines: true) + "\n"
    }

    public static func type(_ type: DocumentType, knowledge: Knowledge) -> String {
        var lines = ["\(type.id) — \(type.title)", "  \(type.description)", "  category: \(type.category)"]
        if !type.parents.isEmpty { lines.append("  counts as: \(type.parents.joined(separator: ", "))") }
        lines.append("  a date in the file name means: \(type.fileNameDate == .expires ? "the expiry date" : "the date issued or taken")")
        lines.append("  file names recognized: \(type.aliases.joined(separator: ", "))")
        if let interval = type.minDoseIntervalDays { lines.append("  doses count when at least \(interval) days apart") }
        for rule in type.doseIntervals { lines.append("  dose \(rule.dose) counts when at least \(rule.minDays) days after dose \(rule.after)") }
        if !type.qualifiers.isEmpty {
            lines.append("  alone in a file name, where no other type is named: \(type.qualifiers.joined(separator: ", "))")
        }
        let subtypes = knowledge.catalog.subtypes(of: type.id)
        if !subtypes.isEmpty {
            let listed = subtypes.map { $0.aliases.isEmpty ? $0.id : "\($0.id) (\($0.aliases.joined(separator: ", ")))" }
            lines.append("  subtypes (manifest `subtype:`): \(listed.joined(separator: "; "))")
        }
        let users = knowledge.checklists.filter { checklist in
            checklist.requirements.contains { requirement in
                requirement.expression.documentTypes.contains { knowledge.catalog.type(type.id, satisfies: $0) }
            }
        }.map(\.id).sorted()
        if !users.isEmpty { lines.append("  used by checklists: \(users.joined(separator: ", "))") }
        return DisplayText.escape(lines.joined(separator: "\n"), keepNewlines: true) + "\n"
    }
}

extension Explanation {
    /// The document type one of whose file-name aliases is `text` (`explain flu`, `explain
    /// quantiferon`), compared as `check` compares names: lower case, words apart. Nil when no
    /// type, or more than one, has it.
    public static func typeByAlias(_ text: String, catalog: DocumentCatalog) -> DocumentType? {
        func words(_ text: String) -> [String] { FileNameTokens.tokens(text).map(\.text) }
        let wanted = words(text)
        guard !wanted.isEmpty else { return nil }
        let matches = catalog.types.filter { type in type.aliases.contains { words($0) == wanted } }
        return matches.count == 1 ? matches[0] : nil
    }
}
