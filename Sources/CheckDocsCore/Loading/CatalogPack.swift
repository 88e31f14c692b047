import CheckDocsNative
import CheckDocsFormats

/// One catalog's pack in the catalog cache (CatalogCache), for one run: the old pack is read
/// entry by entry as descriptions are loaded, and a new one is written only when something
/// changed (a description new or changed since, one gone, a damaged entry), a piece at a time,
/// then renamed over the old (docs/performance.md, "The compiled-catalog cache").
///
/// The file: a header (8 magic bytes, the cache's 32-byte stamp), the entries (each a tree in
/// `CatalogTreeCodec`'s form), the index (per entry: its 32-byte key, offset, length and FNV-1a
/// checksum), then a trailer (the index's offset, its entry count, its checksum, 8 magic bytes).
/// Numbers are little-endian. Everything read is checked: magic, stamp, every offset and length
/// against the file's size, the index's and each entry's checksum, then the tree's own bounds; a
/// pack or entry that fails any of it is ignored (its descriptions are read again) and rewritten.
final class CatalogPack: @unchecked Sendable {
    static let magic = Array("CDCATPK1".utf8)
    static let endMagic = Array("CDCATEND".utf8)
    static let headerSize = 40
    static let recordSize = 52
    static let trailerSize = 28
    /// A kept tree's bytes at most. A description's tree is a few kilobytes; the bound is what a
    /// damaged entry can cost, since a byte can decode to a node of tens of bytes.
    static let maxEntryBytes = 2 * 1024 * 1024
    /// Entries of one pack at most (a 10,000-program catalog holds 10,000): the index a damaged
    /// or forged trailer claims is checked against it before anything is read, so a sparse file
    /// that claims millions of entries costs nothing (its index would be 52 bytes each).
    static let maxEntries = 200_000

    struct Location {
        var offset: Int
        var length: Int
        var checksum: UInt64
    }

    let cache: CatalogCache
    let name: String
    let stamp: [UInt8]
    private let old: ReadOnlyFile?
    private let index: [CatalogCacheKey: Location]

    // Kept by `record` and `finish`, which run on one thread, in the catalog's order.
    private var recorded: [CatalogCacheKey] = []
    private var recordedSet = Set<CatalogCacheKey>()
    private var writer: PrivateFileWriter?
    private var written: [(key: CatalogCacheKey, location: Location)] = []
    private var writingFailed = false

    init(cache: CatalogCache, name: String, stamp: [UInt8]) {
        self.cache = cache
        self.name = name
        self.stamp = stamp
        let file = ReadOnlyFile.open(cache.directory + "/" + name)
        if let file, let index = Self.readIndex(file, stamp: stamp) {
            self.old = file
            self.index = index
        } else {
            self.old = nil
            self.index = [:]
        }
    }

    /// A description's key in this pack (CatalogCache.key).
    func key(_ bytes: [UInt8], json: Bool) -> CatalogCacheKey {
        CatalogCache.key(bytes, json: json, stamp: stamp)
    }

    /// How many entries the old pack holds (0 when there is none, or it was not trusted).
    var oldCount: Int { index.count }

    /// Whether a new pack was written by `finish`.
    private(set) var rewrote = false

    /// The old pack's index, or nil when the pack is not one this checkdocs wrote whole.
    private static func readIndex(_ file: ReadOnlyFile, stamp: [UInt8]) -> [CatalogCacheKey: Location]? {
        guard file.size >= headerSize + trailerSize, let header = file.read(at: 0, count: headerSize),
              Array(header[0..<8]) == magic, Array(header[8..<40]) == stamp,
              let trailer = file.read(at: file.size - trailerSize, count: trailerSize),
              Array(trailer[20..<28]) == endMagic else { return nil }
        let indexOffset = Int(exactly: ByteWords.word64(trailer, 0)) ?? -1
        let count = Int(ByteWords.word32(trailer, 8))
        let indexEnd = file.size - trailerSize
        guard count <= maxEntries, indexOffset >= headerSize, indexOffset <= indexEnd, (indexEnd - indexOffset) == count * recordSize,
              let records = file.read(at: indexOffset, count: indexEnd - indexOffset),
              Self.checksum(records[...]) == ByteWords.word64(trailer, 12) else { return nil }
        var index: [CatalogCacheKey: Location] = [:]
        index.reserveCapacity(count)
        for number in 0..<count {
            let start = number * recordSize
            let key = CatalogCacheKey(Array(records[start..<(start + 32)]))
            let offset = Int(exactly: ByteWords.word64(records, start + 32)) ?? -1
            let length = Int(ByteWords.word32(records, start + 40))
            guard offset >= headerSize, length <= maxEntryBytes, offset <= indexOffset, length <= indexOffset - offset else { return nil }
            if index[key] == nil { index[key] = Location(offset: offset, length: length, checksum: ByteWords.word64(records, start + 44)) }
        }
        return index
    }

    /// The cached entry for `key` when the old pack has it whole (its checksum matches).
    /// Safe from any thread.
    func entry(_ key: CatalogCacheKey) -> [UInt8]? {
        guard let old, let location = index[key], let bytes = old.read(at: location.offset, count: location.length),
              Self.checksum(bytes[...]) == location.checksum else { return nil }
        return bytes
    }

    /// Notes one description that loaded, in the catalog's order: `hit` when its entry came from
    /// the old pack (`entry` nil: it is read from there again if a new pack is being written),
    /// else `entry` is its tree just encoded. The first new entry starts a new pack, with the
    /// entries already seen copied from the old one.
    func record(_ key: CatalogCacheKey, entry: [UInt8]?, hit: Bool) {
        guard recordedSet.insert(key).inserted else { return }
        recorded.append(key)
        if writer == nil, !hit { startWriting(before: key) }
        if writer != nil, let bytes = entry ?? self.entry(key) { append(key, bytes) }
    }

    /// Ends the run's use of the pack: a new pack is put in place when one was started, or when
    /// the old one holds entries of descriptions no longer in the catalog. A cache that cannot be
    /// written is left as it was, in silence: the next run reads the descriptions again.
    func finish() {
        if writer == nil, !recorded.isEmpty, recorded.count != index.count { startWriting(before: nil) }
        guard let writer else { return }
        self.writer = nil
        var records: [UInt8] = []
        records.reserveCapacity(written.count * Self.recordSize)
        for (key, location) in written {
            records += key.bytes
            ByteWords.put64(UInt64(location.offset), into: &records)
            ByteWords.put32(UInt32(location.length), into: &records)
            ByteWords.put64(location.checksum, into: &records)
        }
        let indexOffset = writer.count
        writer.append(records)
        var trailer: [UInt8] = []
        ByteWords.put64(UInt64(indexOffset), into: &trailer)
        ByteWords.put32(UInt32(written.count), into: &trailer)
        ByteWords.put64(Self.checksum(records[...]), into: &trailer)
        trailer += Self.endMagic
        writer.append(trailer)
        rewrote = writer.commit() == nil
    }

    /// Starts the new pack and copies into it the entries recorded so far (but `current`).
    private func startWriting(before current: CatalogCacheKey?) {
        guard !writingFailed else { return }
        guard PrivateFiles.makeDirectory(cache.directory) == nil,
              let started = try? PrivateFileWriter(directory: cache.directory, name: name) else {
            writingFailed = true
            return
        }
        writer = started
        started.append(Self.magic + stamp)
        for key in recorded where key != current {
            guard let bytes = entry(key) else { continue }
            append(key, bytes)
        }
    }

    private func append(_ key: CatalogCacheKey, _ entry: [UInt8]) {
        guard let writer, entry.count <= Self.maxEntryBytes, written.count < Self.maxEntries else { return }
        written.append((key, Location(offset: writer.count, length: entry.count, checksum: Self.checksum(entry[...]))))
        writer.append(entry)
    }

    // MARK: Bytes

    /// FNV-1a, 64 bits: finds damage (a torn or edited pack), not an attacker (docs/security.md, "The catalog cache").
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 { ByteWords.fnv1a(bytes) }

}
