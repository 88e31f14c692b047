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
        let decision = decide(rule, withVerdict: true)
        // Asked for, only a condition that does not hold leaves no verdict.
        guard let verdict = decision.verdict else {
            let condition = rule.condition.map { RuleDescription.describe($0) } ?? ""
            return result(.notApplicable, message: Words("applies only if \(condition)"), severity: decision.severity)
        }
        let frame: RequirementMessage.Frame = decision.undecidedCondition.map { .undecidedCondition($0) } ?? .none
        return result(decision.status, message: RequirementMessage.words(verdict.words, frame: frame, measuredFrom: nil, catalog: context.wordingCatalog),
                      reason: verdict.finding.map { ReasonData(finding: $0, file: nil) }, severity: decision.severity)
    }

    /// What decides a rule's result: its status and severity, the verdict of its check (nil when
    /// its condition does not hold: not applicable; and when only the status was asked for), and
    /// the condition left undecided, in words, when that turned a failure into `not-evaluable`.
    struct Decision {
        var status: RequirementStatus
        var severity: Severity
        var verdict: EligibilityVerdict?
        var undecidedCondition: String?
    }

    /// The rule's condition, then its check's verdict (kept for the same check and days). Its
    /// status and severity alone are all a batch summary reads (`ProgramEvaluator.status`):
    /// without `withVerdict`, only the verdict's status is kept, with the requirements' statuses
    /// (`ExpressionMemo.status(for:make:)`), where the verdicts kept are few.
    func decide(_ rule: EligibilityRule, withVerdict: Bool) -> Decision {
        var unknownField: String?
        if let condition = rule.condition {
            switch ConditionEvaluator.evaluate(condition, profile: context.profile, dates: dates, context: nil) {
            case .holds: break
            case .fails: return Decision(status: .notApplicable, severity: rule.severity)
            case let .unknown(field): unknownField = field
            }
        }
        // The same check measured from the same days decides the same in every program (`ExpressionMemo`).
        let verdict: EligibilityVerdict?
        let verdictStatus: RequirementStatus
        if withVerdict {
            let made = context.outcomes.verdict(of: rule, dates: dates) { rule.check.base.verdict(in: ClauseContext(evaluation: context, dates: dates)) }
            verdict = made
            verdictStatus = made.status
        } else {
            verdict = nil
            verdictStatus = context.outcomes.status(for: ExpressionMemo.Key(rule.ruleKey, dates)) {
                rule.check.base.verdict(in: ClauseContext(evaluation: context, dates: dates)).status
            }
        }
        // Unmet, but the rule may not apply at all: undecided, not ineligible. A rule left
        // undecided has the severity it asks for then.
        let undecidedSeverity = rule.ifNotEvaluable ?? rule.severity
        guard verdictStatus.isFailure, let unknownField, let condition = rule.condition else {
            return Decision(status: verdictStatus, severity: verdictStatus == .notEvaluable ? undecidedSeverity : rule.severity, verdict: verdict)
        }
        return Decision(status: .notEvaluable, severity: undecidedSeverity, verdict: verdict,
                        undecidedCondition: "applies only if \(RuleDescription.describe(condition)); set `\(unknownField)` in the manifest to decide")
    }
}
