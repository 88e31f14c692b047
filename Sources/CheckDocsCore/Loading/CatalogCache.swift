import Foundation
import CheckDocsNative
import CheckDocsFormats

/// The compiled-catalog cache (docs/performance.md, "The compiled-catalog cache"; what it holds:
/// docs/security.md, "The catalog cache"): the validated tree of every program description a run
/// loaded, kept in the user's cache directory (`$XDG_CACHE_HOME/checkdocs/catalog`, else
/// `~/.cache/checkdocs/catalog`) so that a description whose bytes have not changed skips libxml2's
/// parse and XSD validation, or the JSON parser and schema validation, on the next run.
///
/// One pack per catalog (the run's description paths), with an entry per description keyed by
/// the SHA-256 of the cache's stamp, the syntax and the file's bytes. The stamp is the SHA-256 of
/// the format's version, checkdocs' version and the text of both program schemas, so a pack
/// written by another version, or against other schemas, is never trusted: it is ignored and
/// written again. Only descriptions that loaded without error are kept: an invalid one is read
/// and reported on every run.
public struct CatalogCache: Sendable {
    /// `$XDG_CACHE_HOME/checkdocs/catalog`, else `~/.cache/checkdocs/catalog`.
    public let directory: String
    let toolVersion: String
    let schemas: [String]

    /// Changes whenever what a pack holds, or how, changes.
    static let format = "checkdocs catalog cache 2"
    /// The environment variable that turns the cache off (`CHECKDOCS_CATALOG_CACHE=off`).
    public static let switchVariable = "CHECKDOCS_CATALOG_CACHE"

    init(directory: String, toolVersion: String, schemas: [String]) {
        self.directory = directory
        self.toolVersion = toolVersion
        self.schemas = schemas
    }

    /// What a pack must have been written with to be read: the SHA-256 of the format, the
    /// version and the schemas' text (72 KB: worked out once per run that loads programs, by
    /// `pack(for:)`, not for runs of the standard checklists alone).
    var stamp: [UInt8] {
        var hasher = SHA256()
        hasher.update(Array((Self.format + "\0" + toolVersion + "\0").utf8)[...])
        for schema in schemas { hasher.update(Array((schema + "\0").utf8)[...]) }
        return hasher.finalize()
    }

    /// This user's cache for this checkdocs, or nil when it is turned off, neither
    /// `XDG_CACHE_HOME` (absolute) nor `HOME` says where it is, or that is inside one of
    /// `folders` (the run's applicant and programs folders).
    public static func userCache(environment: [String: String] = ProcessInfo.processInfo.environment,
                                 toolVersion: String, awayFrom folders: [String] = []) -> CatalogCache? {
        if environment[switchVariable] == "off" { return nil }
        guard let directory = directory(environment: environment), CacheLocation.isAway(directory, from: folders) else { return nil }
        return CatalogCache(directory: directory, toolVersion: toolVersion, schemas: builtinSchemas)
    }

    /// The program schemas the built-in data holds: the validation a cached tree stands for.
    static var builtinSchemas: [String] {
        [BuiltinData.file(BuiltinData.programSchemaFile) ?? "", BuiltinData.file(BuiltinData.programJSONSchemaFile) ?? ""]
    }

    /// Beside the OCR cache (the same XDG rule: a relative XDG_CACHE_HOME is ignored).
    public static func directory(environment: [String: String]) -> String? {
        OCRCache.root(environment: environment).map { $0 + "/catalog" }
    }

    /// An entry's key: the stamp, the syntax and the bytes, so the same bytes read as XML and as
    /// JSON (or by another version) never share an entry.
    static func key(_ bytes: [UInt8], json: Bool, stamp: [UInt8]) -> CatalogCacheKey {
        var hasher = SHA256()
        hasher.update(stamp[...])
        hasher.update([json ? 2 : 1][...])
        hasher.update(bytes[...])
        return CatalogCacheKey(hasher.finalize())
    }

    /// The pack of a catalog: named by the SHA-256 of the paths the run was given (`--programs`,
    /// or the folder's `programs/`, made absolute), so each catalog has one pack, which a file
    /// added, changed or removed under those paths updates rather than replaces.
    static func packName(for paths: [String]) -> String {
        let directory = FileManager.default.currentDirectoryPath
        var hasher = SHA256()
        for path in paths.map({ $0.hasPrefix("/") ? $0 : directory + "/" + $0 }).sorted() {
            hasher.update(Array(path.utf8)[...])
            hasher.update([0][...])
        }
        return CatalogCacheKey(hasher.finalize()).hex + ".pack"
    }

    /// The pack of the catalog given as these files and folders, opened for one run.
    func pack(for paths: [String]) -> CatalogPack {
        CatalogPack(cache: self, name: Self.packName(for: paths), stamp: stamp)
    }

    /// Empties the cache (`checkdocs cache clear`): how many packs were removed.
    public func clear() -> Result<Int, SystemError> {
        Self.clear(directory: directory)
    }

    /// Empties the cache at `directory` (CatalogCache.directory), whether or not it is turned off.
    public static func clear(directory: String) -> Result<Int, SystemError> {
        PrivateFiles.removeFiles(in: directory)
    }
}

/// A SHA-256 digest as four words (a dictionary key that allocates nothing).
struct CatalogCacheKey: Hashable, Sendable {
    let words: (UInt64, UInt64, UInt64, UInt64)

    init(_ digest: [UInt8]) {
        func word(_ start: Int) -> UInt64 {
            var value: UInt64 = 0
            for index in start..<(start + 8) { value = value << 8 | UInt64(index < digest.count ? digest[index] : 0) }
            return value
        }
        words = (word(0), word(8), word(16), word(24))
    }

    var bytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for word in [words.0, words.1, words.2, words.3] {
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
        return bytes
    }

    var hex: String { SHA256.hex(digest: bytes) }

    static func == (lhs: CatalogCacheKey, rhs: CatalogCacheKey) -> Bool { lhs.words == rhs.words }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }
}
