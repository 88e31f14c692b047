/// A requirement's rule in words, made when a report reads it (`RuleWords`): what the words are
/// made from is kept (the expression, the program's dates, the catalog shared by reference), and
/// in a batch the words come from the run's `RuleTexts`, made once per program and dates.
struct DeferredRuleWords: RuleToWord {
    let expression: RequirementExpression
    let dates: ProgramDates
    let catalog: FindingToWord.Catalog
    /// The batch's shared words and this rule's key in them (nil: a one-folder check).
    let shared: (texts: RuleTexts, key: RuleTexts.Key)?

    var text: String {
        guard let shared else { return Self.describe(expression, catalog: catalog.catalog, dates: dates) }
        return shared.texts.text(for: shared.key) { Self.describe(expression, catalog: catalog.catalog, dates: dates) }
    }

    /// The rule in words; a single clause with its dates worked out.
    static func describe(_ expression: RequirementExpression, catalog: DocumentCatalog, dates: ProgramDates) -> String {
        if case let .document(clause) = expression {
            return RuleDescription.describe(clause, catalog: catalog, dates: dates)
        }
        return RuleDescription.describe(expression, catalog: catalog)
    }
}
