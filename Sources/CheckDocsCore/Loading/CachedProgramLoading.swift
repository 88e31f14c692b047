import CheckDocsNative
import CheckDocsFormats

extension ProgramLoader {
    /// One file loaded through the catalog cache: its result, and (when it loaded) its entry.
    struct CachedLoad: Sendable {
        var result: Result<ProgramDescription, InputErrors>
        var key: CatalogCacheKey?
        /// The tree just encoded, for a description the pack did not hold; nil for one it did
        /// (`hit`), whose bytes the pack reads again only if it is rewritten: a batch's 5,000
        /// entries, 18 MB, were held until the whole catalog had loaded (docs/performance.md,
        /// "What a batch keeps of each folder").
        var entry: [UInt8]?
        var hit = false
    }

    /// Loads the given files on all cores, results in the files' order; with a `pack`, taking each
    /// validated tree from it when the file's bytes are those it was made from (docs/performance.md, "The
    /// compiled-catalog cache"). Every file is still read and hashed; only the parse and
    /// validation are skipped, and `ProgramDecoder` runs either way, so a cached run's model is
    /// the one an uncached run makes. What loaded is recorded in the pack, in the files' order.
    func load(files: [String], pack: CatalogPack?) -> (descriptions: [ProgramDescription], errors: [InputError]) {
        Self.gather(files.concurrentMap { load(file: $0, pack: pack) }, pack: pack)
    }

    /// One file, through `pack` when there is one.
    func load(file path: String, pack: CatalogPack?) -> CachedLoad {
        pack.map { load(file: path, pack: $0) } ?? CachedLoad(result: load(file: path))
    }

    /// The files' descriptions and errors, in order; what loaded is recorded in `pack`.
    static func gather(_ loads: [CachedLoad], pack: CatalogPack?) -> (descriptions: [ProgramDescription], errors: [InputError]) {
        var descriptions: [ProgramDescription] = []
        // One description per file that loads: a list grown by appending kept up to twice that.
        descriptions.reserveCapacity(loads.count)
        var errors: [InputError] = []
        for load in loads {
            switch load.result {
            case let .success(description):
                descriptions.append(description)
                if let pack, let key = load.key, load.hit || load.entry != nil { pack.record(key, entry: load.entry, hit: load.hit) }
            case let .failure(failure):
                errors += failure.errors
            }
        }
        return (descriptions, errors)
    }

    func load(file path: String, pack: CatalogPack) -> CachedLoad {
        let bytes: [UInt8]
        do {
            bytes = try SafeFileReader.read(path)
        } catch {
            return CachedLoad(result: .failure(InputErrors([error])))
        }
        let json = path.lowercased().hasSuffix(".json")
        let key = pack.key(bytes, json: json)
        // A cached tree that does not decode is not trusted to report errors: the file is read.
        if let entry = pack.entry(key), let tree = CatalogTreeCodec.decode(entry), tree.isJSON == json,
           case let .success(description) = Self.decode(tree, file: path) {
            return CachedLoad(result: .success(description), key: key, hit: true)
        }
        let parsed: Result<CatalogTreeCodec.Tree, InputErrors> = json
            ? parseJSON(bytes, file: path).map { .json($0) }
            : parseXML(bytes, file: path).map { .xml($0) }
        switch parsed {
        case let .failure(errors):
            return CachedLoad(result: .failure(errors))
        case let .success(tree):
            let result = Self.decode(tree, file: path)
            // Errors are never cached: only a tree that decoded is kept.
            guard case .success = result, let entry = CatalogTreeCodec.encode(tree) else { return CachedLoad(result: result) }
            return CachedLoad(result: result, key: key, entry: entry)
        }
    }
}

extension CatalogTreeCodec.Tree {
    var isJSON: Bool {
        if case .json = self { return true }
        return false
    }
}
