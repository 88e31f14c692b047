import CheckDocsNative

/// `<issuer form="…" organization="…" signed="…" letterhead="…"/>`, checked against the manifest's
/// facts for the document: `form`, `issuer`, `signed`, `letterhead`. A fact that contradicts the
/// rule makes the file `invalid`; a fact the manifest does not give makes it `not-evaluable`,
/// naming the manifest fields to add.
public struct IssuerRule: DocumentConstraint {
    public var form: String?
    public var organization: String?
    public var signed: Bool?
    public var letterhead: Bool?

    public init(form: String? = nil, organization: String? = nil, signed: Bool? = nil, letterhead: Bool? = nil) {
        self.form = form
        self.organization = organization
        self.signed = signed
        self.letterhead = letterhead
    }

    public static let checkOrder = 70
    public static let syntax = ["issuer"]

    public static func decode(from clause: DescriptionNode) throws(InputError) -> [IssuerRule] {
        guard let node = clause.child("issuer") else { return [] }
        return [IssuerRule(form: try node.string("form"), organization: try node.string("organization"),
                           signed: try node.bool("signed"), letterhead: try node.bool("letterhead"))]
    }

    public func check(_ document: ApplicantDocument, in context: ClauseContext) -> ConstraintFailure? {
        let facts = document.facts
        var unknown: [IssuerFact] = []
        if let form {
            if let actual = facts.form {
                if actual != form { return ConstraintFailure(.invalid, .wrongForm(actual: actual, required: form)) }
            } else {
                unknown.append(.form(form))
            }
        }
        if let organization {
            if let issuer = facts.issuer {
                if !Self.names(issuer, organization) {
                    return ConstraintFailure(.invalid, .wrongIssuer(actual: issuer, required: organization))
                }
            } else {
                unknown.append(.issuer)
            }
        }
        if let signed {
            if let actual = facts.signed {
                if actual != signed { return ConstraintFailure(.invalid, .signatureMismatch(required: signed)) }
            } else {
                unknown.append(.signed)
            }
        }
        if let letterhead {
            if let actual = facts.letterhead {
                if actual != letterhead { return ConstraintFailure(.invalid, .letterheadMismatch(required: letterhead)) }
            } else {
                unknown.append(.letterhead)
            }
        }
        return unknown.isEmpty ? nil : ConstraintFailure(.notEvaluable, .issuerFactsUnknown(unknown))
    }

    /// Whether the issuer text names the organization: its words, in order, case and accents aside
    /// ("American Heart Association (AHA), Dallas" names "American Heart Association").
    static func names(_ issuer: String, _ organization: String) -> Bool {
        let have = FileNameTokens.tokens(issuer).map(\.text)
        let want = FileNameTokens.tokens(organization).map(\.text)
        guard !want.isEmpty, have.count >= want.count else { return false }
        return (0...(have.count - want.count)).contains { Array(have[$0..<($0 + want.count)]) == want }
    }

    public func describe(dates: ProgramDates?, catalog: DocumentCatalog) -> [String] {
        var parts: [String] = []
        if let form { parts.append("on " + Wording.formTitle(form)) }
        if let organization { parts.append("issued by \(organization)") }
        if let signed { parts.append(signed ? "signed" : "not signed") }
        if let letterhead { parts.append(letterhead ? "on letterhead" : "not on letterhead") }
        return parts
    }
}

/// An issuer fact the manifest does not record for a document.
public enum IssuerFact: Hashable, Sendable {
    case form(String), issuer, signed, letterhead
}
