import Foundation
import CheckDocsFormats
import CheckDocsNative

/// The SHA-256 of applicant files, remembered between runs by what `stat` says of them
/// (docs/inspection.md, "Content digests"), so that a second run over an unchanged folder finds
/// its OCR readings without reading a byte of its scans.
///
/// An entry is named by the file's device and inode and holds the file's stamp (size, modified
/// and changed times in nanoseconds) and the SHA-256 of its content. It is used only when the
/// stamp is the same: any write moves a file's change time, which no user can set back. A file
/// whose change time is less than `settle` before the moment it was opened for hashing is not
/// remembered: a write later in the same clock tick would leave the stamp as it was (git's
/// "racily clean" files). An entry that cannot be parsed is a miss, and is rewritten.
public struct ContentDigests: Sendable {
    /// `$XDG_CACHE_HOME/checkdocs/digests`, else `~/.cache/checkdocs/digests`.
    public let directory: String
    /// How long a file must have been unchanged when it is hashed to be remembered.
    public let settle: Duration

    public static let magic = "checkdocs content digest 1"
    static let maxEntryBytes = 512

    public init(directory: String, settle: Duration = .seconds(2)) {
        self.directory = directory
        self.settle = settle
    }

    /// The memo of this user, beside the OCR cache; none inside a folder the run reads.
    public static func userMemo(environment: [String: String] = ProcessInfo.processInfo.environment,
                                awayFrom folders: [String] = []) -> ContentDigests? {
        guard let directory = OCRCache.root(environment: environment).map({ $0 + "/digests" }),
              CacheLocation.isAway(directory, from: folders) else { return nil }
        return ContentDigests(directory: directory)
    }

    /// A file's digest, and its bytes when they had to be read for it.
    public struct Digest: Sendable {
        public var sha256: String
        public var bytes: [UInt8]?
    }

    /// The remembered digest of `file` when its stamp has not moved since it was hashed; nil
    /// otherwise (nothing is read).
    public func remembered(root: String, file: ScannedFile) -> String? {
        guard let stamp = DocumentFileReader.stamp(root: root, path: file.path.bytes, identity: file.identity),
              let bytes = PrivateFiles.read(directory: directory, name: Self.name(file.identity), limit: Self.maxEntryBytes),
              let entry = Self.decode(bytes), entry.stamp == stamp else { return nil }
        return entry.sha256
    }

    /// Reads and hashes `file`; with a memo, remembers the digest when the file has settled.
    static func hash(root: String, file: ScannedFile, limit: Int, remembering memo: ContentDigests?) -> Digest? {
        guard file.readable, file.size <= Int64(limit) else { return nil }
        let opened = Date()
        guard let (bytes, stamp) = try? DocumentFileReader.readStamped(root: root, path: file.path.bytes, identity: file.identity, limit: limit + 1),
              bytes.count <= limit, Int64(bytes.count) == stamp.size else { return nil }
        let sha256 = SHA256.hex(bytes)
        if let memo, memo.hasSettled(stamp, at: opened) {
            memo.store(Entry(stamp: stamp, sha256: sha256), for: file.identity)
        }
        return Digest(sha256: sha256, bytes: bytes)
    }

    func hasSettled(_ stamp: FileStamp, at opened: Date) -> Bool {
        let openedNanoseconds = Int64(opened.timeIntervalSince1970 * 1e9)
        let (seconds, attoseconds) = settle.components
        let settleNanoseconds = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        return openedNanoseconds - max(stamp.changed, stamp.modified) >= settleNanoseconds
    }

    struct Entry: Equatable {
        var stamp: FileStamp
        var sha256: String
    }

    static func name(_ identity: FileIdentity) -> String {
        String(identity.device, radix: 16) + "-" + String(identity.inode, radix: 16)
    }

    func store(_ entry: Entry, for identity: FileIdentity) {
        guard PrivateFiles.makeDirectory(directory) == nil else { return }
        _ = PrivateFiles.write(Self.encode(entry), directory: directory, name: Self.name(identity))
    }

    static func encode(_ entry: Entry) -> [UInt8] {
        Array("\(magic)\n\(entry.stamp.size) \(entry.stamp.modified) \(entry.stamp.changed) \(entry.sha256)\n".utf8)
    }

    /// Read byte by byte: every run reads one entry per scan.
    static func decode(_ bytes: [UInt8]) -> Entry? {
        let head = Array(magic.utf8) + [0x0A]
        guard bytes.count > head.count, bytes.starts(with: head), bytes.last == 0x0A else { return nil }
        let fields = bytes[head.count..<(bytes.count - 1)].split(separator: 0x20, omittingEmptySubsequences: false)
        func number(_ field: ArraySlice<UInt8>) -> Int64? {
            // A time before 1970 is negative.
            let digits = field.first == UInt8(ascii: "-") ? field.dropFirst() : field
            guard !digits.isEmpty, digits.count <= 19, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return Int64(String(decoding: field, as: UTF8.self))
        }
        guard fields.count == 4, let size = number(fields[0]), let modified = number(fields[1]), let changed = number(fields[2]),
              fields[3].count == 64, fields[3].allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }) else { return nil }
        return Entry(stamp: FileStamp(size: size, modified: modified, changed: changed), sha256: String(decoding: fields[3], as: UTF8.self))
    }

    /// Empties the memo (`checkdocs cache clear`): how many entries were removed.
    public func clear() -> Result<Int, SystemError> {
        PrivateFiles.removeFiles(in: directory)
    }
}

extension DocumentInspector {
    /// The SHA-256 of a document's whole content of at most `limit` bytes: from `memo` when it
    /// remembers the file unchanged, else read (and remembered); nil when it cannot be read or
    /// is longer. `readIfUnknown: false` only asks the memo.
    func digest(of path: FilePath, memo: ContentDigests?, limit: Int, readIfUnknown: Bool = true) -> ContentDigests.Digest? {
        guard let file = scannedFile(path) else { return nil }
        if let memo, let sha256 = memo.remembered(root: root, file: file) { return ContentDigests.Digest(sha256: sha256) }
        guard readIfUnknown else { return nil }
        return ContentDigests.hash(root: root, file: file, limit: limit, remembering: memo)
    }
}
