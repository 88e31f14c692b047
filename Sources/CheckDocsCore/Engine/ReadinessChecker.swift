/// What one `check` run is asked to do.
public struct CheckRequest: Sendable {
    public var folder: String
    public var programPaths: [String]
    public var programIDs: [String]
    public var kinds: [ProgramKind]
    public var asOf: CalendarDate
    public var checklistPaths: [String]
    public var failOn: Severity?

    public init(folder: String, programPaths: [String] = [], programIDs: [String] = [], kinds: [ProgramKind] = [],
                asOf: CalendarDate, checklistPaths: [String] = [], failOn: Severity? = .error) {
        self.folder = folder
        self.programPaths = programPaths
        self.programIDs = programIDs
        self.kinds = kinds
        self.asOf = asOf
        self.checklistPaths = checklistPaths
        self.failOn = failOn
    }
}

/// The catalog, checklists and loaders one run uses (built-in data plus --checklists).
public struct Knowledge: Sendable {
    public var schemas: Schemas
    public var catalog: DocumentCatalog
    public var checklists: [ProgramDescription]

    /// Loads built-in data and any extra checklist folders. Extra `document-types.json` files add
    /// or replace types; extra checklists add to or override built-in ones by id.
    public static func load(extraChecklists: [String] = []) throws(InputErrors) -> Knowledge {
        let schemas = try Schemas.shared()
        var types = try CatalogLoader.builtin().types
        let loader = ProgramLoader(schemas: schemas)
        var errors: [InputError] = []
        var checklists: [ProgramDescription] = []
        for file in BuiltinData.checklistFiles {
            switch loader.load(Array(file.text.utf8), file: file.name) {
            case let .success(description): checklists.append(description)
            case let .failure(failure): errors += failure.errors
            }
        }
        var extraPaths: [String] = []
        for path in extraChecklists {
            if FileSystem.kind(of: path) == .directory {
                for file in FileSystem.files(under: path, extensions: ["xml", "json"]) {
                    if file.hasSuffix("/document-types.json") {
                        do {
                            types = CatalogLoader.merging(types, try CatalogLoader.load(file: file, known: Set(types.map(\.id))))
                        } catch {
                            errors += error.errors
                        }
                    } else {
                        extraPaths.append(file)
                    }
                }
            } else {
                extraPaths.append(path)
            }
        }
        let extra = loader.loadAll(extraPaths)
        errors += extra.errors
        for description in extra.descriptions {
            if description.role != .checklist {
                errors.append(InputError(description.file, "--checklists expects <checklist> files; this is a <program>"))
                continue
            }
            checklists.removeAll { $0.id == description.id }
            checklists.append(description)
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        let catalog = DocumentCatalog(types: types)
        let resolver = ProgramResolver(catalog: catalog, checklists: checklists)
        let checklistErrors = checklists.flatMap { resolver.check($0) }
        if !checklistErrors.isEmpty { throw InputErrors(checklistErrors) }
        return Knowledge(schemas: schemas, catalog: catalog, checklists: checklists)
    }

    /// Programs from files and folders, resolved against the checklists.
    public func loadPrograms(_ paths: [String]) throws(InputErrors) -> [ResolvedProgram] {
        let loaded = ProgramLoader(schemas: schemas).loadAll(paths)
        var errors = loaded.errors
        var programs: [ProgramDescription] = []
        for description in loaded.descriptions {
            if description.role == .checklist {
                errors.append(InputError(description.file, "is a <checklist>; give checklists with --checklists"))
            } else {
                programs.append(description)
            }
        }
        let resolved = ProgramResolver(catalog: catalog, checklists: checklists).resolve(programs)
        errors += resolved.errors
        if !errors.isEmpty { throw InputErrors(errors) }
        return resolved.programs
    }

    /// The standard checklists as programs, for a folder with no programs of its own.
    public func standardPrograms() throws(InputErrors) -> [ResolvedProgram] {
        let resolver = ProgramResolver(catalog: catalog, checklists: checklists)
        let result = resolver.resolve(checklists.sorted { $0.kind < $1.kind }.map { checklist in
            var program = checklist
            program.role = .program
            program.extends = [checklist.id]
            program.requirements = []
            program.eligibility = []
            program.removals = []
            program.tightenings = []
            return program
        })
        if !result.errors.isEmpty { throw InputErrors(result.errors) }
        return result.programs
    }
}

/// Runs a whole check: scan the folder once, load and resolve programs, evaluate each, summarize.
public enum ReadinessChecker {
    public static let toolVersion = "0.1.0"

    public static func check(_ request: CheckRequest, knowledge: Knowledge) throws(InputErrors) -> ReadinessReport {
        let folder = try ApplicantFolderLoader(catalog: knowledge.catalog, schemas: knowledge.schemas).load(request.folder)
        var paths = request.programPaths
        if paths.isEmpty {
            let own = request.folder.hasSuffix("/") ? request.folder + "programs" : request.folder + "/programs"
            if FileSystem.kind(of: own, followLinks: false) == .directory { paths = [own] }
        }
        var programs = paths.isEmpty ? try knowledge.standardPrograms() : try knowledge.loadPrograms(paths)
        if !request.programIDs.isEmpty {
            let unknown = request.programIDs.filter { id in !programs.contains { $0.id == id } }
            if !unknown.isEmpty {
                throw InputErrors(unknown.map { id in
                    let suggestion = Suggestion.didYouMean(id, in: programs.map(\.id))
                    return InputError(file: "--program", "no program with id \"\(id)\"\(suggestion)")
                })
            }
            programs = programs.filter { request.programIDs.contains($0.id) }
        }
        if !request.kinds.isEmpty { programs = programs.filter { request.kinds.contains($0.kind) } }
        programs.sort { $0.id < $1.id }

        let context = EvaluationContext(asOf: request.asOf, profile: folder.manifest.profile, hasManifest: folder.manifest.file != nil,
                                        catalog: knowledge.catalog, documents: folder.documents)
        let evaluator = ProgramEvaluator(context: context)
        let results = programs.map(evaluator.evaluate)
        return ReadinessReport(
            toolVersion: toolVersion, asOf: request.asOf, folder: request.folder, programs: results,
            documents: folder.documents, unrecognizedFiles: folder.unrecognized, ambiguousFiles: folder.ambiguous,
            diagnostics: folder.diagnostics, crossProgram: CrossProgramSummary.items(results),
            fees: CrossProgramSummary.fees(results), failOn: request.failOn,
            folderIdentity: folder.rootIdentity, fileIdentities: folder.fileIdentities)
    }
}
