import ArgumentParser
import CheckDocsCore
import CheckDocsNative
import CheckDocsFormats

struct Explain: InputCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a program, a checklist or a document type: what it requires and why.")

    @Argument(help: ArgumentHelp("A program id, checklist id, document type id, or a file-name alias of a type (flu, quantiferon).", valueName: "id"))
    var id: String

    @OptionGroup var catalog: CatalogOptions

    func validate() throws {
        if id.isEmpty { throw ValidationError("the id is empty") }
    }

    func body() throws(InputErrors) {
        try Terminal.requireStandardOutput()
        let knowledge = try Knowledge.load(extraChecklists: catalog.checklists)
        let programs = catalog.programs.isEmpty ? [] : try knowledge.loadPrograms(catalog.programs)
        if let program = programs.first(where: { $0.id == id }) {
            Terminal.out(Explanation.program(program, catalog: knowledge.catalog))
        } else if knowledge.checklists.contains(where: { $0.id == id }) {
            let standard = try knowledge.standardPrograms()
            if let checklist = standard.first(where: { $0.id == id }) {
                Terminal.out(Explanation.program(checklist, catalog: knowledge.catalog))
            }
        } else if let type = knowledge.catalog[id] ?? Explanation.typeByAlias(id, catalog: knowledge.catalog) {
            Terminal.out(Explanation.type(type, knowledge: knowledge))
        } else if catalog.programs.isEmpty, let program = try knowledge.builtinCatalog().first(where: { $0.id == id }) {
            // Without --programs, the built-in catalog's programs (docs/catalog.md), as `pick` and `list` see them.
            Terminal.out(Explanation.program(program, catalog: knowledge.catalog))
        } else {
            let builtin = catalog.programs.isEmpty ? try knowledge.builtinCatalog().map(\.id) : []
            // File-name aliases too: `explain` finds a type by one (`quantiferon`), so a misspelt one is suggested.
            let candidates = programs.map(\.id) + builtin + knowledge.checklists.map(\.id) + knowledge.catalog.types.map(\.id)
                + knowledge.catalog.types.flatMap(\.aliases)
            var suggestion = Suggestion.didYouMean(id, in: candidates)
            // A program of the applicant's own is in no list explain reads without --programs.
            if suggestion.isEmpty, catalog.programs.isEmpty {
                suggestion = "; a program of your own is found with --programs (its file, or a folder such as your folder's programs/)"
            }
            // An id longer than any there is is shown cut, so that the error stays one short line.
            throw InputErrors([InputError(file: DisplayText.cut(id, toCharacters: 80), "no program, checklist or document type with this id\(suggestion)")])
        }
    }
}
