import CheckDocsNative

/// `<issuer form="…" organization="…" signed="…" letterhead="…"/>` (docs/programs.md, `<issuer>`),
/// checked against the manifest's facts for the document: `form`, `issuer`, `signed`, `letterhead`.
/// A fact that contradicts the rule makes the file `invalid`; a fact the manifest does not give
/// makes it `not-evaluable`, naming the manifest fields to add.
struct IssuerCheck {
    typealias Failure = (RequirementStatus, () -> String)

    /// Names of the forms programs ask for, for reports; other ids are shown as written.
    static let formTitles = ["aamc-standardized": "AAMC Standardized Immunization Form"]

    static func formTitle(_ id: String) -> String {
        formTitles[id].map { "the \($0) (`\(id)`)" } ?? "the `\(DisplayText.escape(id))` form"
    }

    func check(_ document: ApplicantDocument, against rule: IssuerRule) -> Failure? {
        let facts = document.facts
        var unknown: [String] = []
        if let form = rule.form {
            if let actual = facts.form {
                if actual != form {
                    return (.invalid, { "it is on \(Self.formTitle(actual)); \(Self.formTitle(form)) is required" })
                }
            } else {
                unknown.append("`form: \(form)`")
            }
        }
        if let organization = rule.organization {
            if let issuer = facts.issuer {
                if !Self.names(issuer, organization) {
                    return (.invalid, { "it was issued by \"\(DisplayText.escape(issuer))\"; one from \(organization) is required" })
                }
            } else {
                unknown.append("`issuer:`")
            }
        }
        if let signed = rule.signed {
            if let actual = facts.signed {
                if actual != signed {
                    return (.invalid, { signed ? "it is not signed (`signed: false`); a signed original is required" : "it is signed; an unsigned copy is required" })
                }
            } else {
                unknown.append("`signed:`")
            }
        }
        if let letterhead = rule.letterhead {
            if let actual = facts.letterhead {
                if actual != letterhead {
                    return (.invalid, { letterhead ? "it is not on letterhead (`letterhead: false`); one on the issuer's letterhead is required" : "it is on letterhead; a plain one is required" })
                }
            } else {
                unknown.append("`letterhead:`")
            }
        }
        guard !unknown.isEmpty else { return nil }
        let fields = unknown.count == 1 ? unknown[0] : unknown.dropLast().joined(separator: ", ") + " and " + unknown.last!
        return (.notEvaluable, { "the manifest does not say \(Self.what(rule, unknown: unknown)): add \(fields) to its manifest entry" })
    }

    /// Whether the issuer text names the organization: its words, in order, case and accents aside
    /// ("American Heart Association (AHA), Dallas" names "American Heart Association").
    static func names(_ issuer: String, _ organization: String) -> Bool {
        let have = FileNameTokens.tokens(issuer).map(\.text)
        let want = FileNameTokens.tokens(organization).map(\.text)
        guard !want.isEmpty, have.count >= want.count else { return false }
        return (0...(have.count - want.count)).contains { Array(have[$0..<($0 + want.count)]) == want }
    }

    private static func what(_ rule: IssuerRule, unknown: [String]) -> String {
        var parts: [String] = []
        if unknown.contains(where: { $0.hasPrefix("`form") }) { parts.append("which form it is on") }
        if unknown.contains("`issuer:`") { parts.append("who issued it") }
        if unknown.contains("`signed:`") { parts.append("whether it is signed") }
        if unknown.contains("`letterhead:`") { parts.append("whether it is on letterhead") }
        return parts.count <= 2 ? parts.joined(separator: " or ") : parts.dropLast().joined(separator: ", ") + " or " + parts.last!
    }
}
