/// The documents whose content the programs' rules read, so that the inspector reads each of them
/// once, on all cores, before the programs are evaluated: the documents of a clause whose
/// constraints need file facts (a `<file>` rule that asks about more than the name and size), and
/// the PDFs a `<nameMatch>` rule must read the name from (no `nameOnDocument` in the manifest),
/// and every PDF that could satisfy a clause and does not end cleanly, for the baseline check (it
/// opens, it needs no password: `BaselineCheck`). Every other baseline fact is the type sniffed at
/// load.
enum ContentNeeds {
    /// `clauseTypes`: the types the programs' clauses look at; `factTypes` and `textTypes`: those
    /// whose clauses need file facts or a document's text (`ClauseNeeds`).
    static func paths(clauseTypes: Set<String>, factTypes: Set<String>, textTypes: Set<String>, in context: EvaluationContext) -> [FilePath] {
        var paths = factTypes.sorted().flatMap { context.documents(satisfying: $0).map(\.path) }
        for type in clauseTypes.subtracting(factTypes).sorted() {
            for document in context.documents(satisfying: type) {
                // A PDF whose end is clean opens without a password: the baseline needs no parser.
                guard let content = context.inspector?.contentType(of: document.path), content.format == .pdf,
                      content.pdfEndsCleanly != true else { continue }
                paths.append(document.path)
            }
        }
        for type in textTypes.sorted() {
            for document in context.documents(satisfying: type)
            where document.facts.nameOnDocument == nil && context.inspector?.contentType(of: document.path)?.format == .pdf {
                paths.append(document.path)
            }
        }
        return paths
    }
}
