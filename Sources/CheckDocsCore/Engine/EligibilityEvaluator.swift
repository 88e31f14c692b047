/// Evaluates program-level eligibility rules against the applicant profile: each kind decides
/// (Engine/Eligibility/); this turns its outcome into a result with its `reason`.
/// Unknown facts give `not-evaluable` (with the manifest field to fill in), never a guess.
/// A rule's `when` is decided as a requirement's is (docs/programs.md, "Eligibility rules").
struct EligibilityEvaluator {
    let context: EvaluationContext
    let dates: ProgramDates

    func evaluate(_ rule: EligibilityRule) -> RequirementResult {
        /// The result, made once with all its fields (as a requirement's is, `RequirementEvaluator`).
        func result(_ status: RequirementStatus, message: Words, reason: ReasonData? = nil, severity: Severity) -> RequirementResult {
            RequirementResult(id: rule.id, title: rule.title, category: .eligibility, documentTypes: [], status: status,
                              severity: severity, supplier: .applicant, due: .application, files: [], messageWords: message,
                              reasonData: reason, candidates: [], choice: nil, hint: rule.hint, ruleWords: Words(rule.title), origin: "")
        }
        var unknownCondition: String?
        if let condition = rule.condition {
            switch ConditionEvaluator.evaluate(condition, profile: context.profile, dates: dates, context: nil) {
            case .holds: break
            case .fails:
                return result(.notApplicable, message: Words("applies only if \(RuleDescription.describe(condition))"), severity: rule.severity)
            case let .unknown(field):
                unknownCondition = "applies only if \(RuleDescription.describe(condition)); set `\(field)` in the manifest to decide"
            }
        }
        // The same check measured from the same days decides the same in every program (`ExpressionMemo`).
        let verdict = context.outcomes.verdict(of: rule, dates: dates) { rule.check.base.verdict(in: ClauseContext(evaluation: context, dates: dates)) }
        var status = verdict.status
        var frame = RequirementMessage.Frame.none
        // Unmet, but the rule may not apply at all: undecided, not ineligible.
        if status.isFailure, let unknownCondition {
            status = .notEvaluable
            frame = .undecidedCondition(unknownCondition)
        }
        return result(status, message: RequirementMessage.words(verdict.words, frame: frame, measuredFrom: nil, catalog: context.wordingCatalog),
                      reason: verdict.finding.map { ReasonData(finding: $0, file: nil) },
                      severity: status == .notEvaluable ? rule.ifNotEvaluable ?? rule.severity : rule.severity)
    }
}
