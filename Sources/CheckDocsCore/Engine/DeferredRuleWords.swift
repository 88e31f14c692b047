/// A requirement's rule in words, made when a report reads it (`Words`): what the words are
/// made from is kept (the program's requirements and dates, the catalog shared by reference), and
/// in a batch the words come from the run's `RuleTexts`, made once per program and dates.
/// It is the program's words and the requirement's place among them, small enough to be held in
/// `Words` as it is: a copy of the expression, dates and key in each result was a heap box
/// for every requirement of every program evaluated.
struct DeferredRuleWords: ValueToMake {
    let program: ProgramRuleWords
    let index: Int

    var value: String {
        let requirement = program.requirements[index]
        let (expression, dates, catalog) = (requirement.expression, program.dates, program.catalog.catalog)
        guard let shared = program.shared else {
            // The same rule measured from the same days reads the same in every program.
            return program.outcomes.ruleText(of: requirement, dates: dates) { Self.describe(expression, catalog: catalog, dates: dates) }
        }
        let key = RuleTexts.Key(file: shared.file, program: shared.id, requirement: requirement.id, asOf: dates.asOf,
                                rotation: dates.rotation, deadline: dates.deadline, offer: dates.offer)
        return shared.texts.text(for: key) { Self.describe(expression, catalog: catalog, dates: dates) }
    }

    /// The rule in words; a single clause with its dates worked out.
    static func describe(_ expression: RequirementExpression, catalog: DocumentCatalog, dates: ProgramDates) -> String {
        if case let .document(clause) = expression {
            return RuleDescription.describe(clause, catalog: catalog, dates: dates)
        }
        return RuleDescription.describe(expression, catalog: catalog)
    }
}

/// What one program's rules are worded from, made once per program evaluated and shared by its
/// results' rules in words.
final class ProgramRuleWords: Sendable {
    let requirements: [Requirement]
    let dates: ProgramDates
    let catalog: FindingToWord.Catalog
    /// The batch's shared words, and the program's file and id in their keys (nil: a one-folder check).
    let shared: (texts: RuleTexts, file: String, id: String)?
    /// The folder's outcomes of rules, which keep the rules in words of a one-folder check by
    /// rule and anchor days (`ExpressionMemo.ruleText`).
    let outcomes: ExpressionMemo

    init(requirements: [Requirement], dates: ProgramDates, catalog: FindingToWord.Catalog,
         shared: (texts: RuleTexts, file: String, id: String)?, outcomes: ExpressionMemo) {
        self.requirements = requirements
        self.dates = dates
        self.catalog = catalog
        self.shared = shared
        self.outcomes = outcomes
    }
}
