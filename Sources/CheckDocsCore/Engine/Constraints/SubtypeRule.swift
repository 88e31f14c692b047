import CheckDocsNative

/// `<subtype only="tdap"/>` or `<subtype not="td"/>`: what the file is more precisely within its
/// type. A file named "Td booster" is a `tdap` file by its type (the catalog counts both under
/// one type), but a program that wants "Tdap, a Td does not count" needs to know which it is:
/// the manifest's `subtype` says so. A file whose subtype is not recorded is `not-evaluable`,
/// naming that field: it is neither counted nor missing (docs/programs.md, "subtype").
public struct SubtypeRule: DocumentConstraint {
    /// The subtypes that count (empty: any not excluded).
    public var only: [String]
    /// The subtypes that do not count.
    public var excluded: [String]

    public init(only: [String] = [], excluded: [String] = []) {
        self.only = only
        self.excluded = excluded
    }

    public static let checkOrder = 15
    public static let syntax = ["subtype"]

    public static func decode(from clause: DescriptionNode) throws(InputError) -> [SubtypeRule] {
        guard let node = clause.child("subtype") else { return [] }
        let only = try node.list("only") ?? []
        let excluded = try node.list("not") ?? []
        if only.isEmpty && excluded.isEmpty {
            throw InputError(node.location, "a subtype rule needs only (the subtypes that count) or not (those that do not)")
        }
        if let both = only.first(where: excluded.contains) {
            throw InputError(node.location(of: "not"), "the subtype \"\(both)\" is both in only and in not")
        }
        return [SubtypeRule(only: only, excluded: excluded)]
    }

    public func check(_ document: ApplicantDocument, in context: ClauseContext) -> ConstraintFailure? {
        guard let subtype = document.facts.subtype else { return fail(.notEvaluable, Failure.unknown(only: only, excluded: excluded)) }
        if excluded.contains(subtype) || (!only.isEmpty && !only.contains(subtype)) {
            return fail(.invalid, Failure.excluded(subtype: subtype, only: only, excluded: excluded))
        }
        return nil
    }

    public func describe(dates: ProgramDates?, catalog: DocumentCatalog) -> [String] {
        [Self.rule(only: only, excluded: excluded)]
    }

    static func rule(only: [String], excluded: [String]) -> String {
        var parts: [String] = []
        if !only.isEmpty { parts.append("only \(Wording.list(only, conjunction: "or"))") }
        if !excluded.isEmpty { parts.append("not \(Wording.list(excluded, conjunction: "or"))") }
        return "subtype " + parts.joined(separator: ", ")
    }

    /// "only tdap counts", "td does not count".
    static func counting(only: [String], excluded: [String]) -> String {
        if !only.isEmpty { return "only \(Wording.list(only, conjunction: "or")) \(only.count == 1 ? "counts" : "count")" }
        return "\(Wording.list(excluded, conjunction: "or")) \(excluded.count == 1 ? "does" : "do") not count"
    }

    public enum Failure: FindingDetail {
        case unknown(only: [String], excluded: [String])
        case excluded(subtype: String, only: [String], excluded: [String])

        public var code: String {
            switch self {
            case .unknown: return "subtype-unknown"
            case .excluded: return "subtype-excluded"
            }
        }

        public var fields: [FindingReason.Field] {
            switch self {
            case let .unknown(only, excluded):
                return .list(("field", .string("subtype")), ("only", only.isEmpty ? nil : .strings(only)),
                             ("not", excluded.isEmpty ? nil : .strings(excluded)))
            case let .excluded(subtype, only, excluded):
                return .list(("actual", .string(subtype)), ("only", only.isEmpty ? nil : .strings(only)),
                             ("not", excluded.isEmpty ? nil : .strings(excluded)))
            }
        }

        public func sentence(catalog: DocumentCatalog) -> String {
            switch self {
            case let .unknown(only, excluded):
                return "its subtype is not recorded and its name does not say it; \(SubtypeRule.counting(only: only, excluded: excluded)) (add `subtype:` to its manifest entry)"
            case let .excluded(subtype, only, excluded):
                return "its subtype is \(subtype), which does not count" + (only.isEmpty ? "" : "; \(SubtypeRule.counting(only: only, excluded: excluded))")
            }
        }
    }
}
