import CheckDocsNative
import CheckDocsFormats

/// The catalog, checklists and loaders one run uses (built-in data plus --checklists).
public struct Knowledge: Sendable {
    public let schemas: Schemas
    public let catalog: DocumentCatalog
    public let checklists: [ProgramDescription]
    let resolver: ProgramResolver
    private let classifiers = MadeOnce<DocumentClassifier>()

    /// The file-name classifier of `catalog`, made when first asked for: a check needs one, `lint`
    /// and `explain` do not (`KnowledgePrefetch` makes it while the command line is parsed).
    public var classifier: DocumentClassifier {
        classifiers.value { DocumentClassifier(catalog: catalog) }
    }

    /// Loads built-in data and any extra checklist folders. Extra `document-types.json` files add
    /// or replace types; extra checklists add to or override built-in ones by id.
    public static func load(extraChecklists: [String] = []) throws(InputErrors) -> Knowledge {
        // Made while the command line was parsed, when the executable started it (`KnowledgePrefetch`):
        // the whole knowledge, or the built-in data that extra checklists are added to.
        if let prefetched = KnowledgePrefetch.made() {
            if extraChecklists.isEmpty { return try prefetched.knowledge.get() }
            return try assemble(prefetched.builtin.get(), extraChecklists: extraChecklists)
        }
        return try assemble(BuiltinKnowledge.decode(), extraChecklists: extraChecklists)
    }

    /// The knowledge of the built-in data and `extraChecklists`.
    static func assemble(_ builtin: BuiltinKnowledge, extraChecklists: [String]) throws(InputErrors) -> Knowledge {
        let schemas = try Schemas.shared()
        let loader = ProgramLoader(schemas: schemas)
        var types = builtin.types
        var origins = CatalogLoader.origins(of: types, file: "builtin:" + BuiltinData.catalogFile)
        var errors = builtin.errors
        var checklists = builtin.checklists
        var extraPaths: [String] = []
        for path in extraChecklists {
            if FileSystem.kind(of: path) == .directory {
                let listing = DescriptionFolder.files(under: path, extensions: ["xml", "json"])
                errors += listing.errors
                for file in listing.files {
                    if CatalogLoader.isCatalogFile(file) {
                        CatalogLoader.add(file: file, to: &types, origins: &origins, errors: &errors)
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
        errors += CatalogLoader.checkLimits(types, origins: origins)
        if !errors.isEmpty { throw InputErrors(errors) }
        let catalog = DocumentCatalog(types: types)
        let resolver = ProgramResolver(catalog: catalog, checklists: checklists)
        if !resolver.checklistErrors.isEmpty { throw InputErrors(resolver.checklistErrors) }
        return Knowledge(schemas: schemas, catalog: catalog, checklists: checklists, resolver: resolver)
    }

    /// Programs from files and folders, resolved against the checklists.
    /// With `cache`, through the compiled-catalog cache (docs/performance.md, "The compiled-catalog cache").
    public func loadPrograms(_ paths: [String], cache: CatalogCache? = nil) throws(InputErrors) -> [ResolvedProgram] {
        let loaded = ProgramLoader(schemas: schemas).loadAll(paths, cache: cache)
        var ids: [String: SourceLocation] = [:]
        let programs = resolve(loaded.descriptions, seen: &ids)
        let errors = loaded.errors + programs.errors
        if !errors.isEmpty { throw InputErrors(errors) }
        return programs.programs
    }

    /// Resolves loaded descriptions as programs: a checklist here, or an id already in `seen`
    /// (from this call or an earlier one), is an error.
    func resolve(_ descriptions: [ProgramDescription], seen: inout [String: SourceLocation]) -> (programs: [ResolvedProgram], errors: [InputError]) {
        resolver.resolve(descriptions, refusing: { $0.role == .checklist ? "is a <checklist>; give checklists with --checklists" : nil },
                         seen: &seen)
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

/// The built-in document types and standard checklists as decoded, before any `--checklists` is
/// added: what every `Knowledge` of a process starts from, decoded once when `KnowledgePrefetch`
/// made it while the command line was parsed.
struct BuiltinKnowledge: Sendable {
    let types: [DocumentType]
    let checklists: [ProgramDescription]
    /// The standard checklists that did not decode (a build defect), reported with the knowledge.
    let errors: [InputError]

    static func decode() throws(InputErrors) -> BuiltinKnowledge {
        let loader = ProgramLoader(schemas: try Schemas.shared())
        // The standard checklists are decoded on the other cores while the document types are
        // here: every check waits for both before it starts (docs/performance.md, "Descriptions
        // read while the folder is").
        let decoding = Background { BuiltinData.checklistFiles.concurrentMap { loader.loadBuiltin(Array($0.text.utf8), file: $0.name) } }
        let types: [DocumentType]
        do {
            types = try CatalogLoader.builtinTypes()
        } catch {
            _ = decoding.wait()
            throw error
        }
        let (checklists, errors) = ProgramLoader.gather(decoding.wait().map { ProgramLoader.CachedLoad(result: $0) }, pack: nil)
        return BuiltinKnowledge(types: types, checklists: checklists, errors: errors)
    }
}
