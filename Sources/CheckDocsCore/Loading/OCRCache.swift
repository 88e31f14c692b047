import Foundation
import CheckDocsFormats
import CheckDocsNative

/// What OCR read from a scan, kept between runs (docs/inspection.md, "OCR cache"; what it holds:
/// docs/security.md, "The OCR cache"). OCR is a pure function of the file's bytes and the page
/// (docs/inspection.md, "OCR"), so an entry is named by the SHA-256 of the file's content and
/// the page asked for. An entry also records the checkdocs version and the engine's identity
/// (Tesseract, its language, mode and resolution, and the model file's size and time): an entry
/// of another version, or one that is truncated or damaged (its body's SHA-256 does not match),
/// is never trusted: it is read again and rewritten. Only readings that depend on nothing but
/// the bytes are kept (a page, or "unreadable"); "unavailable" and a failed worker never are.
public struct OCRCache: Sendable {
    /// `$XDG_CACHE_HOME/checkdocs/ocr`, else `~/.cache/checkdocs/ocr`.
    public let directory: String
    public let toolVersion: String
    public let engine: String

    public static let magic = "checkdocs OCR cache entry 1"
    /// An entry is at most this long: a worker's answer is at most ~48 KB (OCRWorkerProtocol).
    public static let maxEntryBytes = 256 * 1024

    public init(directory: String, toolVersion: String, engine: String) {
        self.directory = directory
        self.toolVersion = toolVersion
        self.engine = engine
    }

    /// The cache of this user, or nil when neither `XDG_CACHE_HOME` (absolute) nor `HOME` says
    /// where, or when that is inside one of `folders` (the run's applicant and programs folders).
    public static func userCache(environment: [String: String] = ProcessInfo.processInfo.environment,
                                 toolVersion: String, awayFrom folders: [String] = []) -> OCRCache? {
        guard let directory = directory(environment: environment), CacheLocation.isAway(directory, from: folders) else { return nil }
        return OCRCache(directory: directory, toolVersion: toolVersion, engine: engineIdentity(environment: environment))
    }

    /// Where the cache is (the XDG base directory rule: a relative XDG_CACHE_HOME is ignored).
    public static func directory(environment: [String: String]) -> String? {
        root(environment: environment).map { $0 + "/ocr" }
    }

    /// `$XDG_CACHE_HOME/checkdocs`, else `~/.cache/checkdocs`: the folder of every cache
    /// checkdocs keeps (OCR readings, digests, facts, compiled catalogs).
    public static func root(environment: [String: String]) -> String? {
        if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") { return trimmed(base) + "/checkdocs" }
        if let home = environment["HOME"], home.hasPrefix("/") { return trimmed(home) + "/.cache/checkdocs" }
        return nil
    }

    /// The cache `name` beside this one (this cache is `<root>/ocr`).
    func sibling(_ name: String) -> String {
        String(directory.dropLast("ocr".count)) + name
    }

    private static func trimmed(_ path: String) -> String {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path == "/" ? "" : path
    }

    /// The OCR engine as the workers run it (OCRReader: Tesseract 5, LSTM, English, automatic
    /// page segmentation, 300 dpi, the MRZ re-reading, the cell reader and its templates), and the English model the worker will
    /// load ($TESSDATA_PREFIX, else Debian's place) by size and modification time, so that a new
    /// model invalidates every entry. Found without loading Tesseract in this process.
    public static func engineIdentity(environment: [String: String]) -> String {
        let tessdata = environment["TESSDATA_PREFIX"].map { trimmed($0) } ?? "/usr/share/tesseract-ocr/5/tessdata"
        let model = tessdata + "/eng.traineddata"
        var identity = "tesseract5 lstm eng psm3 \(Int(OCRReader.renderDPI))dpi text\(OCRReader.keptTextBytes) mrz\(OCRReader.keptMRZTextBytes) mrzcells1 glyphs\(templatesDigest)"
        // The model's size and modification time in whole seconds (of the path itself, as
        // FileManager's attributes gave them before: entries written then stay valid).
        if let stamp = FileSystem.stamp(of: model, followLinks: false) {
            identity += " model \(stamp.size) \(stamp.modified / 1_000_000_000)"
        } else {
            identity += " model none"
        }
        return identity
    }

    /// The MRZ cell reader's templates (FNV-1a of the embedded file), so regenerated templates,
    /// which may read a zone differently, invalidate every entry.
    static let templatesDigest = String(ByteWords.fnv1a(Array((BuiltinData.file(MRZCellReader.templatesFile) ?? "").utf8)), radix: 16)

    /// The entry's name: the content's SHA-256 and the page ("image", or "page1"…).
    static func name(hash: String, input: OCRWorkerProtocol.Input) -> String {
        switch input {
        case .image: return hash + ".image"
        case let .pdfPage(index): return hash + ".page\(index + 1)"
        }
    }

    /// The cached reading, or nil (none, or not to be trusted).
    func load(hash: String, input: OCRWorkerProtocol.Input) -> OCRResult? {
        guard let bytes = PrivateFiles.read(directory: directory, name: Self.name(hash: hash, input: input), limit: Self.maxEntryBytes) else {
            return nil
        }
        return decode(bytes)
    }

    /// Keeps `result` when it depends on the bytes alone; a cache that cannot be written is
    /// skipped silently (the run reads the scan again next time).
    func store(_ result: OCRResult, hash: String, input: OCRWorkerProtocol.Input) {
        guard let bytes = encode(result) else { return }
        guard PrivateFiles.makeDirectory(directory) == nil else { return }
        _ = PrivateFiles.write(bytes, directory: directory, name: Self.name(hash: hash, input: input))
    }

    /// The header lines, then the reading as a worker's answer (OCRWorkerProtocol), which
    /// `decode` checks field by field as it checks a worker's.
    func encode(_ result: OCRResult) -> [UInt8]? {
        switch result {
        case .page, .unreadable: break
        case .unavailable: return nil
        }
        let body: [UInt8] = [DocumentWorkerProtocol.version, DocumentWorkerProtocol.Kind.ocrPage.rawValue,
                             DocumentWorkerProtocol.Status.facts.rawValue] + OCRWorkerProtocol.encode(result)
        let header = "\(Self.magic)\ntool \(toolVersion)\nengine \(engine)\nbody \(body.count) \(SHA256.hex(body))\n"
        return Array(header.utf8) + body
    }

    func decode(_ bytes: [UInt8]) -> OCRResult? {
        guard let (header, body, checksum) = CacheEntry.split(bytes, headerLines: 3),
              header == [Self.magic, "tool " + toolVersion, "engine " + engine], SHA256.hex(body) == checksum else { return nil }
        switch OCRWorkerProtocol.decode(body) {
        case let .success(result) where result.isCacheable: return result
        default: return nil
        }
    }

    /// Empties the cache (`checkdocs cache clear`): how many entries were removed.
    public func clear() -> Result<Int, SystemError> {
        PrivateFiles.removeFiles(in: directory)
    }
}

extension OCRResult {
    var isCacheable: Bool {
        if case .unavailable = self { return false }
        return true
    }
}
