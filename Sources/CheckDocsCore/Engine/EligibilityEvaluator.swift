/// Evaluates program-level eligibility rules against the applicant profile: each kind decides
/// (Engine/Eligibility/); this turns its outcome into a result with its `reason`.
/// Unknown facts give `not-evaluable` (with the manifest field to fill in), never a guess.
/// A rule's `when` is decided as a requirement's is (docs/programs.md, "Eligibility rules").
struct EligibilityEvaluator {
    let context: EvaluationContext
    let dates: ProgramDates

    func evaluate(_ rule: EligibilityRule) -> RequirementResult {
        var result = RequirementResult(
            id: rule.id, title: rule.title, category: .eligibility, documentTypes: [], status: .notApplicable,
            severity: rule.severity, supplier: .applicant, due: .application, files: [], message: "",
            hint: rule.hint, rule: rule.title, origin: "")
        var unknownCondition: String?
        if let condition = rule.condition {
            switch ConditionEvaluator(profile: context.profile, dates: dates).evaluate(condition) {
            case .holds: break
            case .fails:
                result.message = "applies only if \(RuleDescription.describe(condition))"
                return result
            case let .unknown(field):
                unknownCondition = "applies only if \(RuleDescription.describe(condition)); set `\(field)` in the manifest to decide"
            }
        }
        let verdict = rule.check.base.verdict(in: ClauseContext(evaluation: context, dates: dates))
        result.status = verdict.status
        result.message = verdict.message
        result.reasonData = verdict.finding.map { ReasonData(finding: $0, file: nil) }
        // Unmet, but the rule may not apply at all: undecided, not ineligible.
        if verdict.status.isFailure, let unknownCondition {
            result.status = .notEvaluable
            result.message = unknownCondition + " — " + verdict.message
        }
        if result.status == .notEvaluable, let severity = rule.ifNotEvaluable { result.severity = severity }
        return result
    }
}
