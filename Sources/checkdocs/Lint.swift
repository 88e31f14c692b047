import ArgumentParser
import CheckDocsCore
import CheckDocsNative

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Validate program descriptions and checklists against the schemas; report every error with its location.")

    @Argument(help: ArgumentHelp("Program description or checklist files, or folders of them.", valueName: "path"))
    var paths: [String]

    @Option(name: .long, help: ArgumentHelp("Extra checklists the descriptions may extend.", valueName: "dir"))
    var checklists: [String] = []

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date a source's asOf is compared with, YYYY-MM-DD (default: today).", valueName: "date"))
    var asOf: CalendarDate?

    func validate() throws {
        try Terminal.validatePaths(paths, "a path to lint")
        try Terminal.validatePaths(checklists, "the --checklists path")
        try CalendarDate.validateAsOf(asOf)
    }

    func run() throws {
        let knowledge: Knowledge
        do {
            try Terminal.requireStandardOutput()
            knowledge = try Knowledge.load(extraChecklists: checklists)
        } catch {
            throw Terminal.fail(error)
        }
        // A `document-types.json` among them (a folder given with --checklists holds one) is a
        // catalog of document types, checked against its own schema, and its types are known to
        // the descriptions linted with it; every other file is a description.
        let listing = ProgramLoader.files(in: paths)
        let loaded = ProgramLoader(schemas: knowledge.schemas).load(files: listing.files.filter { !CatalogLoader.isCatalogFile($0) })
        var errors = listing.errors + loaded.errors
        var types = knowledge.catalog.types
        var origins = CatalogLoader.origins(of: types, file: "builtin:" + BuiltinData.catalogFile)
        var catalogs: [String] = []
        for file in listing.files where CatalogLoader.isCatalogFile(file) {
            catalogs.append(file)
            CatalogLoader.add(file: file, to: &types, origins: &origins, errors: &errors)
        }
        // The limits `--checklists` holds the merged catalog to (parent cycles, chains, counts).
        if !catalogs.isEmpty { errors += CatalogLoader.checkLimits(types, origins: origins) }
        let localChecklists = loaded.descriptions.filter { $0.role == .checklist }
        var all = knowledge.checklists
        for checklist in localChecklists {
            all.removeAll { $0.id == checklist.id }
            all.append(checklist)
        }
        let resolver = ProgramResolver(catalog: DocumentCatalog(types: types), checklists: all)
        // A program whose decoding failed only outside its rules (a reversed rotation) is resolved
        // as well, with what decoded: its other errors come in the same run, not the next one.
        let loadedFiles = Set(loaded.descriptions.map(\.file.file))
        let failed = Set(loaded.errors.map(\.location.file)).subtracting(loadedFiles)
        let partial = listing.files.filter(failed.contains).compactMap(ProgramLoader(schemas: knowledge.schemas).partial(file:))
        let known = Set(errors.map(\.description))
        errors += resolver.resolve((loaded.descriptions + partial).filter { $0.role == .program }).errors.filter { !known.contains($0.description) }
        for checklist in localChecklists { errors += resolver.check(checklist) }
        let files = Set(loaded.descriptions.map(\.file.file)).union(listing.files.filter(CatalogLoader.isCatalogFile))
        let count = loaded.descriptions.count + catalogs.count + Set(errors.map(\.location.file)).subtracting(files).count
        if !errors.isEmpty {
            for error in InputErrors(errors).errors { Terminal.error("checkdocs: \(error)") }
            Terminal.error("checkdocs: \(errors.count) error\(errors.count == 1 ? "" : "s") in \(count) file\(count == 1 ? "" : "s")")
            throw ExitCode(2)
        }
        // Requirements change between cycles: a source read more than a year ago is worth reading
        // again (docs/catalog.md, "The built-in catalog of programs"). A warning, not an error.
        for line in SourceAge.warnings(loaded.descriptions, asOf: asOf ?? Terminal.today()) { Terminal.error("checkdocs: \(line)") }
        // Only `--checklists` reads a document-type catalog: beside program descriptions given with
        // --programs, check would refuse it as a description.
        for file in catalogs {
            Terminal.error("checkdocs: \(file): note: checked as a document-type catalog, which only --checklists reads")
        }
        Terminal.out("\(count) file\(count == 1 ? "" : "s") valid\n")
    }
}
