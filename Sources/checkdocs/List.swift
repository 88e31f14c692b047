import ArgumentParser
import CheckDocsCore
import CheckDocsNative

struct List: InputCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List programs, document types or checklists.")

    enum What: String, CaseArgument {
        case programs, types, checklists
    }

    @Argument(help: "programs, types or checklists.")
    var what: What

    @OptionGroup var catalog: CatalogOptions

    func body() throws(InputErrors) {
        try Terminal.requireStandardOutput()
        let knowledge = try Knowledge.load(extraChecklists: catalog.checklists)
        switch what {
        case .types:
            Terminal.out(TextTable.render(knowledge.catalog.types.sorted { $0.id < $1.id }.map { [$0.id, $0.title] }))
        case .checklists:
            // Counted as `explain` lists them: the eligibility rules beside the document requirements.
            Terminal.out(TextTable.render(knowledge.checklists.sorted { $0.id < $1.id }.map {
                func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
                let rules = $0.eligibility.isEmpty ? "" : " and " + count($0.eligibility.count, "eligibility rule")
                return [$0.id, "\($0.name) — \(count($0.requirements.count, "requirement"))\(rules), \($0.source.href) (as of \($0.source.asOf))"]
            }))
        case .programs:
            let programs = catalog.programs.isEmpty ? try knowledge.standardPrograms() : try knowledge.loadPrograms(catalog.programs)
            Terminal.out(TextTable.render(programs.sorted { $0.id < $1.id }.map {
                [$0.id, $0.description.kind.rawValue, $0.description.name]
            }))
            // Without --programs, the built-in catalog of real programs follows (what `pick` uses).
            if catalog.programs.isEmpty {
                let builtin = try knowledge.builtinCatalog()
                Terminal.out("\nBuilt-in catalog (\(builtin.count) programs, used by pick when no --programs is given)\n")
                Terminal.out(TextTable.render(builtin.sorted { $0.id < $1.id }.map {
                    [$0.id, $0.description.kind.rawValue, "\($0.description.name), \($0.description.institution ?? "") (as of \($0.description.source.asOf))"]
                }))
            }
        }
    }
}
