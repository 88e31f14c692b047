/// What one `check` run is asked to do.
public struct CheckRequest: Sendable {
    public var folder: String
    public var programPaths: [String]
    public var programIDs: [String]
    public var kinds: [ProgramKind]
    public var asOf: CalendarDate
    public var checklistPaths: [String]
    public var failOn: Severity?
    /// Waivers from `--waivers` (nil: none given). The folder's own waivers file adds to them.
    public var waivers: [Waiver]?

    public init(folder: String, programPaths: [String] = [], programIDs: [String] = [], kinds: [ProgramKind] = [],
                asOf: CalendarDate, checklistPaths: [String] = [], failOn: Severity? = .error, waivers: [Waiver]? = nil) {
        self.folder = folder
        self.waivers = waivers
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
    public let schemas: Schemas
    public let catalog: DocumentCatalog
    public let checklists: [ProgramDescription]
    let resolver: ProgramResolver

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
        if !resolver.checklistErrors.isEmpty { throw InputErrors(resolver.checklistErrors) }
        return Knowledge(schemas: schemas, catalog: catalog, checklists: checklists, resolver: resolver)
    }

    /// Programs from files and folders, resolved against the checklists.
    public func loadPrograms(_ paths: [String]) throws(InputErrors) -> [ResolvedProgram] {
        let loaded = ProgramLoader(schemas: schemas).loadAll(paths)
        var ids: [String: SourceLocation] = [:]
        let programs = resolve(loaded.descriptions, seen: &ids)
        let errors = loaded.errors + programs.errors
        if !errors.isEmpty { throw InputErrors(errors) }
        return programs.programs
    }

    /// Resolves loaded descriptions as programs: a checklist here, or an id already in `seen`
    /// (from this call or an earlier one), is an error.
    func resolve(_ descriptions: [ProgramDescription], seen: inout [String: SourceLocation]) -> (programs: [ResolvedProgram], errors: [InputError]) {
        var errors: [InputError] = []
        var programs: [ProgramDescription] = []
        for description in descriptions {
            if description.role == .checklist {
                errors.append(InputError(description.file, "is a <checklist>; give checklists with --checklists"))
            } else {
                programs.append(description)
            }
        }
        let resolved = resolver.resolve(programs, seen: &seen)
        return (resolved.programs, errors + resolved.errors)
    }

    /// The standard checklists as programs, for a folder with no programs of its own.
    public func standardPrograms() throws(InputErrors) -> [ResolvedProgram] {
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

/// Runs a whole check: scan the folder once, then load, resolve and evaluate programs a batch at
/// a time, handing each result on as it is made, so memory stays flat whatever the catalog's size.
public enum ReadinessChecker {
    public static let toolVersion = "0.1.0"
    /// Enough programs per batch to keep every core busy; few enough that memory stays small.
    static let batchSize = 128

    /// The whole report at once (tests, library users).
    public static func check(_ request: CheckRequest, knowledge: Knowledge) throws(InputErrors) -> ReadinessReport {
        var collector = ReportCollector()
        try check(request, knowledge: knowledge, events: &collector)
        return collector.report!
    }

    /// Streams the check to `events`. Programs come in the order of their files (the standard
    /// checklists by kind). Every input error is collected; they are thrown together at the end,
    /// and no program is handed on after the first one.
    public static func check<Events: CheckEvents>(_ request: CheckRequest, knowledge: Knowledge, events: inout Events) throws(InputErrors) {
        try check(request, knowledge: knowledge, programs: nil, events: &events)
    }

    /// With `programs`, evaluates those already-resolved programs instead of loading
    /// `request.programPaths` or the folder's `programs/` (a batch run resolves its catalog once).
    public static func check<Events: CheckEvents>(_ request: CheckRequest, knowledge: Knowledge, programs: [ResolvedProgram]?,
                                                  events: inout Events) throws(InputErrors) {
        let folder = try ApplicantFolderLoader(catalog: knowledge.catalog, schemas: knowledge.schemas).load(request.folder)
        let ownWaivers = try WaiverLoader(schemas: knowledge.schemas).load(folder: request.folder)
        var waivers = WaiverApplier((request.waivers ?? []) + (ownWaivers ?? []), asOf: request.asOf)
        // One inspector for the run: a PDF read for a suggestion is not read again for a rule.
        let inspector = folder.makeInspector()
        let suggestions = ContentSuggester.suggest(for: folder.unrecognized, inspector: inspector, catalog: knowledge.catalog)
        let failures = ContentSuggester.failures(for: folder.unrecognized, inspector: inspector)
        try events.begin(ReportHeader(
            toolVersion: toolVersion, asOf: request.asOf, folder: request.folder, documents: folder.documents,
            unrecognizedFiles: folder.unrecognized, ambiguousFiles: folder.ambiguous,
            diagnostics: failures.isEmpty ? folder.diagnostics : (folder.diagnostics + failures).sorted(),
            suggestions: suggestions, failOn: request.failOn, folderIdentity: folder.rootIdentity, fileIdentities: folder.fileIdentities))

        let context = EvaluationContext(asOf: request.asOf, profile: folder.manifest.profile, hasManifest: folder.manifest.file != nil,
                                        catalog: knowledge.catalog, documents: folder.documents, inspector: inspector)
        let evaluator = ProgramEvaluator(context: context)
        var summary = ReportSummaryBuilder(failOn: request.failOn)
        var errors: [InputError] = []
        var seen: [String: SourceLocation] = [:]

        func evaluate(_ programs: [ResolvedProgram]) throws(InputErrors) {
            let chosen = programs.filter { program in
                (request.programIDs.isEmpty || request.programIDs.contains(program.id))
                    && (request.kinds.isEmpty || request.kinds.contains(program.kind))
            }
            guard errors.isEmpty else { return }
            // Read the content these programs' file rules need (each file once per run).
            context.inspector?.inspect(for: chosen, in: context)
            // Evaluating, waiving and formatting a program need nothing from the others: all of it
            // runs on every core; only the bookkeeping and the writing happen in order.
            let waiving = waivers
            let prepare = events.preparation
            let outcomes = chosen.concurrentMap { program in
                let (result, matched) = waiving.waive(evaluator.evaluate(program))
                return (result: result, matched: matched, prepared: prepare?(result) ?? [])
            }
            for outcome in outcomes {
                waivers.record(outcome.matched)
                summary.add(outcome.result)
                try events.program(outcome.result, prepared: outcome.prepared)
            }
        }

        let paths = programPaths(request)
        if let programs {
            for program in programs { seen[program.id] = program.description.file }
            try evaluate(programs)
        } else if paths.isEmpty {
            let standard = try knowledge.standardPrograms()
            for program in standard { seen[program.id] = program.description.file }
            try evaluate(standard)
        } else {
            let listing = ProgramLoader.files(in: paths)
            errors += listing.errors
            let loader = ProgramLoader(schemas: knowledge.schemas)
            for start in stride(from: 0, to: listing.files.count, by: batchSize) {
                let loaded = loader.load(files: Array(listing.files[start..<min(start + batchSize, listing.files.count)]))
                let resolved = knowledge.resolve(loaded.descriptions, seen: &seen)
                errors += loaded.errors + resolved.errors
                try evaluate(resolved.programs)
            }
        }
        for id in request.programIDs where seen[id] == nil {
            errors.append(InputError(file: "--program", "no program with id \"\(id)\"\(Suggestion.didYouMean(id, in: Array(seen.keys)))"))
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        var built = summary.build()
        if request.waivers != nil || ownWaivers != nil { built.waivers = waivers.summary }
        try events.end(built)
    }

    /// Where a check's programs come from: `--programs`, else the folder's own `programs/`;
    /// empty means the standard checklists.
    public static func programPaths(_ request: CheckRequest) -> [String] {
        if !request.programPaths.isEmpty { return request.programPaths }
        let own = request.folder.hasSuffix("/") ? request.folder + "programs" : request.folder + "/programs"
        return FileSystem.kind(of: own, followLinks: false) == .directory ? [own] : []
    }
}
