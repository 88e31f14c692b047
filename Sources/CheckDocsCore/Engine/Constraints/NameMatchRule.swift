import CheckDocsNative

/// `<nameMatch allowAliases="…"/>`: the name on a document must be the passport name, or — where
/// aliases are allowed — one of the applicant's declared `otherNames` backed by a
/// name-verification document in the folder. The printed name comes from the manifest
/// (`nameOnDocument`) or, failing that, is looked for in the PDF's text layer.
///
/// Outcomes: the passport name → passes; a declared other name → passes only with a
/// name-verification document (and `allowAliases` not false), else `invalid`; initials, another
/// order or a missing middle name → `not-evaluable` (maybe the same person, but a discrepancy to
/// bridge: never silently passed, never called a different person); any other name → `invalid`.
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
            return ConstraintFailure(.notEvaluable, .passportNameUnknown)
        }
        let aliases = evaluation.profile.otherNames
        if let printed = document.facts.nameOnDocument {
            return compare(printed, reference: reference, aliases: aliases, source: .manifest, in: evaluation)
        }
        guard let text = evaluation.inspector?.facts(of: document.path)?.pdf?.textSample, !text.isEmpty else {
            return ConstraintFailure(.notEvaluable, .printedNameUnknown)
        }
        // The text layer: look for the passport name, then each declared other name.
        let words = NameComparison.words(text)
        for (index, name) in ([reference] + aliases).enumerated() {
            guard let found = NameComparison.find(NameComparison.words(name), in: words) else { continue }
            if index == 0 {
                if found == .same { return nil }
                return ConstraintFailure(.notEvaluable, .passportNameReordered(passport: reference))
            }
            if found == .same {
                return compare(name, reference: reference, aliases: aliases, source: .textLayer, in: evaluation)
            }
        }
        return ConstraintFailure(.notEvaluable, .passportNameNotInText(passport: reference))
    }

    private func compare(_ printed: String, reference: String, aliases: [String], source: NameSource,
                         in evaluation: EvaluationContext) -> ConstraintFailure? {
        let direct = NameComparison.compare(printed, to: reference)
        if direct == .same { return nil }
        if let alias = aliases.first(where: { NameComparison.compare(printed, to: $0) == .same }) {
            if !allowAliases {
                return ConstraintFailure(.invalid, .aliasNotAccepted(source: source, printed: printed, alias: alias, passport: reference))
            }
            if !evaluation.documents(satisfying: "name_verification").isEmpty { return nil }
            return ConstraintFailure(.invalid, .aliasUnverified(source: source, printed: printed, passport: reference))
        }
        if case let .variant(differences) = direct {
            return ConstraintFailure(.notEvaluable, .nameVariant(source: source, printed: printed, passport: reference, differences: differences))
        }
        return ConstraintFailure(.invalid, .otherName(source: source, printed: printed, passport: reference,
                                                      aliasesAccepted: allowAliases && !aliases.isEmpty))
    }

    public func describe(dates: ProgramDates?, catalog: DocumentCatalog) -> [String] {
        [allowAliases ? "in the passport name (or a declared other name, with a name-verification document)" : "in the passport name exactly"]
    }
}

/// Where the name compared with the passport's came from.
public enum NameSource: String, Hashable, Sendable {
    /// The manifest's `nameOnDocument`.
    case manifest
    /// The PDF's text layer.
    case textLayer = "text-layer"
}
