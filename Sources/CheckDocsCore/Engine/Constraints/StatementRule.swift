import CheckDocsNative

/// `<document … states="final-year class-rank">`: the document must state each of these (a
/// dean's letter that confirms the final year and the class rank). What a document states is a
/// fact recorded per file (manifest `states`); a file with no recorded statements is
/// `not-evaluable`, naming that field (docs/programs.md, "states").
public struct StatementRule: DocumentConstraint {
    public var statements: [String]

    public init(statements: [String]) { self.statements = statements }

    public static let checkOrder = 75
    public static let syntax = ["states"]

    public static func decode(from clause: DescriptionNode) throws(InputError) -> [StatementRule] {
        guard let statements = try clause.list("states") else { return [] }
        if statements.isEmpty { throw InputError(clause.location(of: "states"), "states lists no statement") }
        var seen = Set<String>()
        for statement in statements {
            if !seen.insert(statement).inserted { throw InputError(clause.location(of: "states"), "the statement \"\(statement)\" is listed twice") }
        }
        return [StatementRule(statements: statements)]
    }

    public func check(_ document: ApplicantDocument, in context: ClauseContext) -> ConstraintFailure? {
        guard let stated = document.facts.statements else { return fail(.notEvaluable, Failure.unknown(required: statements)) }
        let missing = statements.filter { !stated.contains($0) }
        return missing.isEmpty ? nil : fail(.invalid, Failure.notStated(missing: missing))
    }

    public func describe(dates: ProgramDates?, catalog: DocumentCatalog) -> [String] {
        ["stating \(Wording.list(statements, conjunction: "and"))"]
    }

    public enum Failure: FindingDetail {
        case unknown(required: [String])
        case notStated(missing: [String])

        public var code: String {
            switch self {
            case .unknown: return "statements-unknown"
            case .notStated: return "not-stated"
            }
        }

        public var fields: [FindingReason.Field] {
            switch self {
            case let .unknown(required): return .list(("field", .string("states")), ("required", .strings(required)))
            case let .notStated(missing): return .list(("missing", .strings(missing)))
            }
        }

        public func sentence(catalog: DocumentCatalog) -> String {
            switch self {
            case let .unknown(required):
                return "what it states is not recorded; it must state \(Wording.list(required, conjunction: "and")) (add `states:` to its manifest entry)"
            case let .notStated(missing):
                return "it does not state \(Wording.list(missing, conjunction: "or")), which it must"
            }
        }
    }
}
