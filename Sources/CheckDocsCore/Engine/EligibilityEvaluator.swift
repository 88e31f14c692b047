/// Evaluates program-level eligibility rules against the applicant profile: each kind decides
/// (Engine/Eligibility/); this turns its outcome into a result with its `reason`.
/// Unknown facts give `not-evaluable` (with the manifest field to fill in), never a guess.
struct EligibilityEvaluator {
    let context: EvaluationContext
    let dates: ProgramDates

    func evaluate(_ rule: EligibilityRule) -> RequirementResult {
        let verdict = rule.check.base.verdict(in: ClauseContext(evaluation: context, dates: dates))
        var result = RequirementResult(
            id: rule.id, title: rule.title, category: .eligibility, documentTypes: [], status: verdict.status,
            severity: rule.severity, supplier: .applicant, due: .application, files: [], message: verdict.message,
            hint: rule.hint, rule: rule.title, origin: "")
        result.reason = verdict.finding?.reason(file: nil)
        return result
    }
}
