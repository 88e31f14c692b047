import CheckDocsNative

/// `<nameMatch allowAliases="…"/>`: the name on a document must be the passport name, or — where
/// aliases are allowed — one of the applicant's declared `otherNames` backed by a
/// name-verification document in the folder. The printed name comes from the manifest
/// (`nameOnDocument`) or, failing that, is looked for in the PDF's text layer.
///
/// Outcomes: the passport name → passes; a declared other name → passes only with a
/// name-verification document (and `allowAliases` not false), else `invalid`; initials, another
/// order, a missing middle name or another spelling (spacing, particles, a listed
/// transliteration) → `not-evaluable` (maybe the same person, but a discrepancy to bridge: never
/// silently passed, never called a different person); any other name → `invalid`.
public struct NameMatchRule: DocumentConstraint {
    public var allowAliases: Bool

    public init(allowAliases: Bool) { self.allowAliases = allowAliases }

    public static let checkOrder = 90
    public static let syntax = ["nameMatch"]

    public static func decode(from clause: DescriptionNode) throws(InputError) -> [NameMatchRule] {
        guard let node = clause.child("nameMatch") else { return [] }
        return [NameMatchRule(allowAliases: try node.bool("allowAliases") ?? true)]
    }

    /// Without a `nameOnDocument` in the manifest, the name is looked for in the text layer.
    public var contentNeeded: ContentNeed { .text }

    public func check(_ document: ApplicantDocument, in context: ClauseContext) -> ConstraintFailure? {
        let evaluation = context.evaluation
        let isPassport = evaluation.catalog.typesSatisfied(by: document.type ?? "").contains("passport")
        guard let reference = isPassport ? evaluation.profile.name : evaluation.passportName else {
            return fail(.notEvaluable, Failure.passportNameUnknown)
        }
        let aliases = evaluation.profile.otherNames
        if let printed = document.facts.nameOnDocument {
            return compare(printed, reference: reference, aliases: aliases, source: .manifest, in: evaluation)
        }
        let facts = evaluation.inspector?.facts(of: document.path)
        guard let text = facts?.pdf?.textSample, !text.isEmpty else {
            // A PDF whose inspection failed (a timeout, a crash of the worker) had its text unread.
            if let reason = facts?.notInspected, facts?.pdf == nil, facts?.content?.format == .pdf {
                return fail(.notEvaluable, Failure.textNotRead(reason: reason))
            }
            return fail(.notEvaluable, Failure.printedNameUnknown)
        }
        // The text layer, line by line: look for the passport name, then each declared other name.
        // Beside other capitalized words ("ANNA TESTER OKAFOR") it may be part of a longer name:
        // that longer name is compared, a variant at best, never silently the same.
        for (index, name) in ([reference] + aliases).enumerated() {
            guard let found = NameComparison.findInText(NameComparison.words(name), text: text) else { continue }
            switch found {
            case .same:
                if index == 0 { return nil }
                return compare(name, reference: reference, aliases: aliases, source: .textLayer, in: evaluation)
            case let .besideOtherNames(printed):
                return compare(printed, reference: reference, aliases: aliases, source: .textLayer, in: evaluation)
            case .reordered:
                if index == 0 { return fail(.notEvaluable, Failure.passportNameReordered(passport: reference)) }
            }
        }
        return fail(.notEvaluable, Failure.passportNameNotInText(passport: reference))
    }

    private func compare(_ printed: String, reference: String, aliases: [String], source: NameSource,
                         in evaluation: EvaluationContext) -> ConstraintFailure? {
        let direct = NameComparison.compare(printed, to: reference)
        if direct == .same { return nil }
        if let alias = aliases.first(where: { NameComparison.compare(printed, to: $0) == .same }) {
            if !allowAliases {
                return fail(.invalid, Failure.aliasNotAccepted(source: source, printed: printed, alias: alias, passport: reference))
            }
            if !evaluation.candidates(satisfying: "name_verification").items.isEmpty { return nil }
            return fail(.invalid, Failure.aliasUnverified(source: source, printed: printed, passport: reference))
        }
        if case let .variant(differences) = direct {
            return fail(.notEvaluable, Failure.variant(source: source, printed: printed, passport: reference, differences: differences))
        }
        return fail(.invalid, Failure.otherName(source: source, printed: printed, passport: reference,
                                                aliasesAccepted: allowAliases && !aliases.isEmpty))
    }

    public func describe(dates: ProgramDates?, catalog: DocumentCatalog) -> [String] {
        [allowAliases ? "in the passport name (or a declared other name, with a name-verification document)" : "in the passport name exactly"]
    }

    public enum Failure: FindingDetail {
        case passportNameUnknown
        case printedNameUnknown
        case textNotRead(reason: String)
        case passportNameReordered(passport: String)
        case passportNameNotInText(passport: String)
        case aliasNotAccepted(source: NameSource, printed: String, alias: String, passport: String)
        case aliasUnverified(source: NameSource, printed: String, passport: String)
        case variant(source: NameSource, printed: String, passport: String, differences: NameComparison.Differences)
        case otherName(source: NameSource, printed: String, passport: String, aliasesAccepted: Bool)

        public var code: String {
            switch self {
            case .passportNameUnknown: return "passport-name-unknown"
            case .printedNameUnknown: return "name-unknown"
            case .textNotRead: return "text-not-read"
            case .passportNameReordered: return "name-reordered"
            case .passportNameNotInText: return "name-not-in-text"
            case .aliasNotAccepted: return "alias-not-accepted"
            case .aliasUnverified: return "alias-unverified"
            case .variant: return "name-variant"
            case .otherName: return "other-name"
            }
        }

        public var fields: [FindingReason.Field] {
            switch self {
            case .passportNameUnknown, .printedNameUnknown: return []
            case let .textNotRead(reason): return .list(("detail", .string(reason)))
            case let .passportNameReordered(passport), let .passportNameNotInText(passport):
                return .list(("passportName", .string(passport)))
            case let .aliasNotAccepted(source, printed, alias, passport):
                return .list(("source", .string(source.rawValue)), ("name", .string(printed)), ("alias", .string(alias)),
                             ("passportName", .string(passport)))
            case let .aliasUnverified(source, printed, passport), let .variant(source, printed, passport, _),
                 let .otherName(source, printed, passport, _):
                return .list(("source", .string(source.rawValue)), ("name", .string(printed)), ("passportName", .string(passport)))
            }
        }

        public func sentence(catalog: DocumentCatalog) -> String {
            switch self {
            case .passportNameUnknown:
                return "the passport name is unknown: set `applicant.name` in the manifest (or `nameOnDocument:` on the passport)"
            case .printedNameUnknown:
                return "the name printed on it is not recorded: add `nameOnDocument:` to its manifest entry"
            case let .textNotRead(reason):
                return "its text was not read (\(reason)): add `nameOnDocument:` to its manifest entry"
            case let .passportNameReordered(passport):
                return "its text shows the passport name \(Wording.quote(passport)) in another order — a name discrepancy; add `nameOnDocument:` to its manifest entry, and if the order differs, list it under `applicant.otherNames` with a name-verification document"
            case let .passportNameNotInText(passport):
                return "the passport name (\(Wording.quote(passport))) is not in its text layer: add `nameOnDocument:` to its manifest entry"
            case let .aliasNotAccepted(source, printed, alias, passport):
                return "\(source.wording) \(Wording.quote(printed)), your other name \(Wording.quote(alias)); this program requires the passport name \(Wording.quote(passport)) exactly"
            case let .aliasUnverified(source, printed, passport):
                return "\(source.wording) \(Wording.quote(printed)), your other name, not the passport name \(Wording.quote(passport)); add a name-verification document (marriage certificate, name-change deed or school letter) to the folder"
            case let .variant(source, printed, passport, differences):
                return "\(source.wording) \(Wording.quote(printed)): the passport name \(Wording.quote(passport)) \(differences.description) — a name discrepancy; if it is you, list it under `applicant.otherNames` and add a name-verification document"
            case let .otherName(source, printed, passport, aliasesAccepted):
                return "\(source.wording) \(Wording.quote(printed)), which is not the passport name \(Wording.quote(passport))\(aliasesAccepted ? " or a declared other name" : "")"
            }
        }
    }
}

/// Where the name compared with the passport's came from.
public enum NameSource: String, Hashable, Sendable {
    /// The manifest's `nameOnDocument`.
    case manifest
    /// The PDF's text layer.
    case textLayer = "text-layer"

    var wording: String {
        switch self {
        case .manifest: return "printed as"
        case .textLayer: return "its text shows the name"
        }
    }
}
