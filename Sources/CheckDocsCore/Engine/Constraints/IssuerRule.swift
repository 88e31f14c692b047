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
                if actual != form { return fail(.invalid, Failure.wrongForm(actual: actual, required: form)) }
            } else {
                unknown.append(.form(form))
            }
        }
        if let organization {
            if let issuer = facts.issuer {
                if !Self.names(issuer, organization) {
                    return fail(.invalid, Failure.wrongIssuer(actual: issuer, required: organization))
                }
            } else {
                unknown.append(.issuer)
            }
        }
        if let signed {
            if let actual = facts.signed {
                if actual != signed { return fail(.invalid, Failure.signatureMismatch(required: signed)) }
            } else {
                unknown.append(.signed)
            }
        }
        if let letterhead {
            if let actual = facts.letterhead {
                if actual != letterhead { return fail(.invalid, Failure.letterheadMismatch(required: letterhead)) }
            } else {
                unknown.append(.letterhead)
            }
        }
        return unknown.isEmpty ? nil : fail(.notEvaluable, Failure.factsUnknown(unknown))
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
        if let form { parts.append("on " + Self.formTitle(form)) }
        if let organization { parts.append("issued by \(organization)") }
        if let signed { parts.append(signed ? "signed" : "not signed") }
        if let letterhead { parts.append(letterhead ? "on letterhead" : "not on letterhead") }
        return parts
    }

    /// Names of the forms programs ask for; other ids are shown as written.
    static let formTitles = ["aamc-standardized": "AAMC Standardized Immunization Form"]

    static func formTitle(_ id: String) -> String {
        formTitles[id].map { "the \($0) (`\(id)`)" } ?? "the `\(DisplayText.escape(id))` form"
    }

    public enum Failure: FindingDetail {
        case wrongForm(actual: String, required: String)
        case wrongIssuer(actual: String, required: String)
        case signatureMismatch(required: Bool)
        case letterheadMismatch(required: Bool)
        case factsUnknown([IssuerFact])

        public var code: String {
            switch self {
            case .wrongForm: return "wrong-form"
            case .wrongIssuer: return "wrong-issuer"
            case .signatureMismatch: return "signature-mismatch"
            case .letterheadMismatch: return "letterhead-mismatch"
            case .factsUnknown: return "facts-unknown"
            }
        }

        public var fields: [FindingReason.Field] {
            switch self {
            case let .wrongForm(actual, required), let .wrongIssuer(actual, required):
                return .list(("actual", .string(actual)), ("required", .string(required)))
            case let .signatureMismatch(required), let .letterheadMismatch(required):
                return .list(("required", .bool(required)))
            case let .factsUnknown(facts):
                return .list(("fields", .strings(facts.map(\.manifestKey))))
            }
        }

        public func sentence(catalog: DocumentCatalog) -> String {
            switch self {
            case let .wrongForm(actual, required):
                return "it is on \(IssuerRule.formTitle(actual)); \(IssuerRule.formTitle(required)) is required"
            case let .wrongIssuer(actual, required):
                return "it was issued by \"\(DisplayText.escape(actual))\"; one from \(required) is required"
            case let .signatureMismatch(required):
                return required ? "it is not signed (`signed: false`); a signed original is required" : "it is signed; an unsigned copy is required"
            case let .letterheadMismatch(required):
                return required ? "it is not on letterhead (`letterhead: false`); one on the issuer's letterhead is required"
                    : "it is on letterhead; a plain one is required"
            case let .factsUnknown(facts):
                let fields = facts.map { fact -> String in
                    if case let .form(form) = fact { return "`form: \(form)`" }
                    return "`\(fact.manifestKey):`"
                }
                let questions = facts.map { fact -> String in
                    switch fact {
                    case .form: return "which form it is on"
                    case .issuer: return "who issued it"
                    case .signed: return "whether it is signed"
                    case .letterhead: return "whether it is on letterhead"
                    }
                }
                return "the manifest does not say \(Wording.list(questions, conjunction: "or")): add \(Wording.list(fields, conjunction: "and")) to its manifest entry"
            }
        }
    }
}

/// An issuer fact the manifest does not record for a document.
public enum IssuerFact: Hashable, Sendable {
    case form(String), issuer, signed, letterhead

    /// The manifest key that records this fact.
    var manifestKey: String {
        switch self {
        case .form: return "form"
        case .issuer: return "issuer"
        case .signed: return "signed"
        case .letterhead: return "letterhead"
        }
    }
}
