/// What a list of programs' document clauses ask of the folder, by document type: which types a
/// clause looks at, which need file facts or text read (`ContentNeeds`), and which manifest
/// fields a reading could decide (`DocumentFactReading`). None of it depends on the folder, so a
/// batch gathers it once for its catalog instead of walking every clause of every program again
/// for each folder (docs/performance.md, "One walk of the catalog per batch").
struct ClauseNeeds: Sendable {
    var clauseTypes = Set<String>()
    /// Types with a clause whose constraints need file facts (a `<file>` rule beyond name and size).
    var factTypes = Set<String>()
    /// Types with a clause that reads a document's text (`<nameMatch>`).
    var textTypes = Set<String>()
    /// For each type, the manifest fields its clauses need that some reading may decide.
    var decidableFields: [String: Set<String>] = [:]

    init(_ programs: [ResolvedProgram]) {
        programs.forEachDistinctRuleClause { clause in
            clauseTypes.insert(clause.type)
            for constraint in clause.constraints {
                switch constraint.base.contentNeeded {
                case .none: break
                case .fileFacts: factTypes.insert(clause.type)
                case .text: textTypes.insert(clause.type)
                }
                // A look-up by the constraint's kind, not a cast to each kind that needs a field.
                if let fields = DocumentFactReading.decidableFieldsByKind[ObjectIdentifier(type(of: constraint.base))] {
                    decidableFields[clause.type, default: []].formUnion(fields)
                }
            }
        }
    }
}

extension ClauseNeeds {
    /// The documents whose content these clauses read, for the inspector to read first (`ContentNeeds`).
    func contentPaths(in context: EvaluationContext) -> [FilePath] {
        ContentNeeds.paths(clauseTypes: clauseTypes, factTypes: factTypes, textTypes: textTypes, in: context)
    }
}
