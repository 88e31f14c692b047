extension ResidencyRule {
    /// Whether `pick` aims at a target residency's `usce` rule, as `check` would hold the applicant
    /// to it (docs/pick.md, "The plan"): a warning-only rule does not block, so it is not aimed at;
    /// a rule whose `when` fails for the applicant does not apply; one whose `when` the manifest
    /// cannot decide may apply, so it is aimed at and named in `notes`.
    static func aimed(_ rule: EligibilityRule, of program: ResolvedProgram, profile: ApplicantProfile, asOf: CalendarDate,
                      notes: inout [String]) -> Bool {
        let id = program.id
        if rule.severity == .warning {
            notes.append("\(id): its USCE rule is a warning only (it does not block): not aimed at")
            return false
        }
        guard let condition = rule.condition else { return true }
        let description = program.description
        let dates = ProgramDates(asOf: asOf, rotation: description.rotation, deadline: description.deadline)
        switch ConditionEvaluator.evaluate(condition, profile: profile, dates: dates, context: nil) {
        case .holds:
            return true
        case .fails:
            notes.append("\(id): its USCE rule applies only if \(RuleDescription.describe(condition)), which does not hold for you: not aimed at")
            return false
        case let .unknown(field):
            notes.append("\(id): its USCE rule applies only if \(RuleDescription.describe(condition)); set `\(field)` in the manifest to decide: aimed at as if it applies")
            return true
        }
    }
}
