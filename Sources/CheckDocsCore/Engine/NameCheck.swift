/// `<nameMatch allowAliases="…"/>` (SPEC §4 item 12, DOMAIN.md §C case 7): the name on a document
/// must be the passport name, or — where aliases are allowed — one of the applicant's declared
/// `otherNames` backed by a name-verification document in the folder. The printed name comes from
/// the manifest (`nameOnDocument`) or, failing that, is looked for in the PDF's text layer.
///
/// Outcomes: the passport name → passes; a declared other name → passes only with a
/// name-verification document (and `allowAliases` not false), else `invalid`; initials, another
/// order or a missing middle name → `not-evaluable` (maybe the same person, but a discrepancy
/// ECFMG wants bridged: never silently passed, never called a different person); any other name →
/// `invalid`.
struct NameCheck {
    let context: EvaluationContext

    typealias Failure = (RequirementStatus, () -> String)

    func check(_ document: ApplicantDocument, against rule: NameMatchRule) -> Failure? {
        let isPassport = context.catalog.typesSatisfied(by: document.type ?? "").contains("passport")
        guard let reference = isPassport ? context.profile.name : context.passportName else {
            return (.notEvaluable, { "the passport name is unknown: set `applicant.name` in the manifest (or `nameOnDocument:` on the passport)" })
        }
        let aliases = context.profile.otherNames
        if let printed = document.facts.nameOnDocument {
            return compare(printed, reference: reference, aliases: aliases, rule: rule, source: "printed as")
        }
        let facts = context.inspector?.facts(of: document.path)
        guard let text = facts?.pdf?.textSample, !text.isEmpty else {
            if let reason = facts?.notInspected, facts?.pdf == nil, facts?.content?.format == .pdf {
                return (.notEvaluable, { "its text was not read (\(reason)): add `nameOnDocument:` to its manifest entry" })
            }
            return (.notEvaluable, { "the name printed on it is not recorded: add `nameOnDocument:` to its manifest entry" })
        }
        // The text layer: look for the passport name, then each declared other name.
        let words = NameComparison.words(text)
        for (index, name) in ([reference] + aliases).enumerated() {
            guard let found = NameComparison.find(NameComparison.words(name), in: words) else { continue }
            if index == 0 {
                if found == .same { return nil }
                return (.notEvaluable, {
                    "its text shows the passport name \(Self.quote(reference)) in another order — a name discrepancy; add `nameOnDocument:` to its manifest entry, and if the order differs, list it under `applicant.otherNames` with a name-verification document"
                })
            }
            if found == .same {
                return compare(name, reference: reference, aliases: aliases, rule: rule, source: "its text shows the name")
            }
        }
        return (.notEvaluable, {
            "the passport name (\(Self.quote(reference))) is not in its text layer: add `nameOnDocument:` to its manifest entry"
        })
    }

    private func compare(_ printed: String, reference: String, aliases: [String], rule: NameMatchRule, source: String) -> Failure? {
        let shown = Self.quote(printed)
        let passport = Self.quote(reference)
        let direct = NameComparison.compare(printed, to: reference)
        if direct == .same { return nil }
        if let alias = aliases.first(where: { NameComparison.compare(printed, to: $0) == .same }) {
            if !rule.allowAliases {
                return (.invalid, { "\(source) \(shown), your other name \(Self.quote(alias)); this program requires the passport name \(passport) exactly" })
            }
            if !context.documents(satisfying: "name_verification").isEmpty { return nil }
            return (.invalid, {
                "\(source) \(shown), your other name, not the passport name \(passport); add a name-verification document (marriage certificate, name-change deed or school letter) to the folder"
            })
        }
        if case let .variant(differences) = direct {
            return (.notEvaluable, {
                "\(source) \(shown): the passport name \(passport) \(differences.description) — a name discrepancy; if it is you, list it under `applicant.otherNames` and add a name-verification document"
            })
        }
        let declared = rule.allowAliases && !aliases.isEmpty ? " or a declared other name" : ""
        return (.invalid, { "\(source) \(shown), which is not the passport name \(passport)\(declared)" })
    }

    static func quote(_ name: String) -> String { "\"" + DisplayText.escape(name) + "\"" }
}
