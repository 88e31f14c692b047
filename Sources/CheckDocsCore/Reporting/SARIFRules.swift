/// The SARIF rules, each id made in one place: a rule per failing requirement status
/// (`checkdocs/<status>`), one per kind of file finding, one per diagnostic code
/// (`checkdocs/folder/<code>`, from DiagnosticCode). docs/reports.md ("Rule ids", "Diagnostic
/// codes") lists them; ids are never renamed, only added.
struct SARIFRule: Sendable {
    var id: String
    var name: String
    var text: String
    /// `defaultConfiguration.level`; each result carries its own level too.
    var level: String

    /// Every rule, in the order `tool.driver.rules` lists them (so `ruleIndex` is stable).
    static let all: [SARIFRule] =
        RequirementStatus.allCases.compactMap(\.sarifRule) + [unrecognizedFile, ambiguousFile] + DiagnosticCode.allCases.map(\.sarifRule)

    static let unrecognizedFile = SARIFRule(id: "checkdocs/unrecognized-file", name: "UnrecognizedFile",
                                            text: "A file whose document type is not recognized counts for no requirement.", level: "warning")
    static let ambiguousFile = SARIFRule(id: "checkdocs/ambiguous-file", name: "AmbiguousFile",
                                         text: "A file whose name matches two document types counts for no requirement.", level: "warning")
}

extension RequirementStatus {
    /// The rule of a failing requirement with this status.
    var sarifRuleID: String { "checkdocs/" + rawValue }

    /// nil for a status that is not a finding (met, pending, waived, not applicable).
    var sarifRule: SARIFRule? {
        let rule: (name: String, text: String)
        switch self {
        case .missing: rule = ("MissingDocument", "A required document is not in the folder, or not enough of them.")
        case .expired: rule = ("Expired", "A document (or the application deadline) is past its validity.")
        case .expiresBeforeNeeded: rule = ("ExpiresBeforeNeeded", "A document is valid now but expires before the date it must cover.")
        case .invalid: rule = ("Invalid", "A document is there but does not meet the requirement (value, result, doses).")
        case .notEvaluable: rule = ("NotEvaluable", "The rule cannot be decided from the folder and manifest; the message says what would decide it.")
        case .ineligible: rule = ("Ineligible", "An eligibility rule of the program is not met.")
        case .ok, .pending, .waived, .notApplicable: return nil
        }
        return SARIFRule(id: sarifRuleID, name: rule.name, text: rule.text, level: "error")
    }
}

extension DiagnosticCode {
    /// Listed at `warning` whatever the code's level (as it always was: the level of each result
    /// is the diagnostic's own, `note` for a symlink).
    var sarifRule: SARIFRule { SARIFRule(id: sarifRuleID, name: sarifRuleName, text: summary, level: "warning") }
}
