import Foundation
import CheckDocsNative

/// libmagic's answers, kept between runs (docs/inspection.md, "Content types cache"). The MIME
/// type libmagic gives a file depends only on the first `MagicSniffer.prefixBytes` bytes it is
/// shown and on libmagic itself; on plain text it costs 2 to 5 M instructions (the text tests of
/// its database), where hashing those bytes and reading a 100-byte entry cost a few dozen
/// microseconds. A second run over an unchanged folder then types its text files, documents and
/// anything else no signature settles without loading libmagic's database.
///
/// An entry is named by the SHA-256 of the bytes libmagic was shown, and holds libmagic's
/// identity (`MagicSniffer.identity`: its version and its database files' stamps) and the MIME
/// type. It is used only under the same identity; one that cannot be parsed is a miss, and is
/// rewritten. Whoever can write the cache can choose the types it gives, as with the OCR cache:
/// docs/security.md, "The OCR cache".
public struct ContentTypeCache: Sendable {
    /// `$XDG_CACHE_HOME/checkdocs/types`, else `~/.cache/checkdocs/types`.
    public let directory: String
    /// What the answers depend on besides the bytes (`MagicSniffer.identity`).
    public let engine: String

    public static let magic = "checkdocs content type 1"
    static let maxEntryBytes = 4096

    public init(directory: String, engine: String) {
        self.directory = directory
        self.engine = engine
    }

    /// This user's cache, beside the OCR cache; none inside a folder the run reads, and none
    /// when libmagic's identity cannot be told.
    public static func userCache(environment: [String: String] = ProcessInfo.processInfo.environment,
                                 awayFrom folders: [String] = []) -> ContentTypeCache? {
        guard let directory = directory(environment: environment), CacheLocation.isAway(directory, from: folders),
              let engine = MagicSniffer.identity else { return nil }
        return ContentTypeCache(directory: directory, engine: engine)
    }

    /// Where this user's cache is, whether or not libmagic can be used.
    public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        OCRCache.root(environment: environment).map { $0 + "/types" }
    }

    /// libmagic's answer for `prefix`: the one kept from an earlier run, else libmagic's own
    /// (then kept).
    public func mimeType(of prefix: [UInt8]) -> String? {
        let name = Self.name(prefix)
        if let known = remembered(name) { return known }
        guard let mime = MagicSniffer.shared.mimeType(of: prefix) else { return nil }
        remember(mime, name: name)
        return mime
    }

    /// The name of the entry for the bytes `prefix`.
    static func name(_ prefix: [UInt8]) -> String {
        SHA256.hex(prefix)
    }

    /// The MIME type kept for `prefix` under this engine, or nil.
    func remembered(_ name: String) -> String? {
        guard let bytes = PrivateFiles.read(directory: directory, name: name, limit: Self.maxEntryBytes) else { return nil }
        return Self.decode(bytes, engine: engine)
    }

    func remember(_ mime: String, name: String) {
        guard Self.isMIMEType(mime.utf8), PrivateFiles.makeDirectory(directory) == nil else { return }
        // Not flushed: a torn entry is a miss (AtomicFile, `durable`).
        _ = PrivateFiles.write(Self.encode(mime, engine: engine), directory: directory, name: name, durable: false)
    }

    static func encode(_ mime: String, engine: String) -> [UInt8] {
        Array("\(magic)\n\(engine)\n\(mime)\n".utf8)
    }

    /// The MIME type of an entry written under `engine`; nil for anything else.
    static func decode(_ bytes: [UInt8], engine: String) -> String? {
        guard bytes.last == 0x0A else { return nil }
        let lines = bytes.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false)
        guard lines.count == 3, lines[0].elementsEqual(magic.utf8), lines[1].elementsEqual(engine.utf8),
              isMIMEType(lines[2]) else { return nil }
        return String(decoding: lines[2], as: UTF8.self)
    }

    /// A type and a subtype of letters, digits and `+-._`, as libmagic names them
    /// (`text/plain`, `application/vnd.openxmlformats-officedocument.wordprocessingml.document`).
    static func isMIMEType<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> Bool {
        guard (3...255).contains(bytes.count), bytes.filter({ $0 == UInt8(ascii: "/") }).count == 1,
              bytes.first != UInt8(ascii: "/"), bytes.last != UInt8(ascii: "/") else { return false }
        return bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "/"): true
            default: false
            }
        }
    }

    /// Empties the cache in `directory` (`checkdocs cache clear`): how many entries were removed.
    public static func clear(directory: String) -> Result<Int, SystemError> {
        PrivateFiles.removeFiles(in: directory)
    }
}
