import CheckDocsNative

/// A check's program descriptions, read from their files batch by batch, each batch in the
/// background while the one before is evaluated. The first batch starts reading when the check
/// starts, before the applicant's folder is loaded: parsing and validating descriptions and
/// scanning the folder need nothing from each other, and a check of one folder against a few
/// programs waited for one and then the other (docs/performance.md, "Descriptions read while the
/// folder is").
final class DescriptionReading {
    typealias Batch = (descriptions: [ProgramDescription], errors: [InputError])

    /// The files found under the paths given, and the paths that could not be listed.
    let listing: (files: [String], errors: [InputError])
    private let pack: CatalogPack?
    private let batches: [[String]]
    private let read: @Sendable ([String]) -> HelpedMap<ProgramLoader.CachedLoad>
    /// The batch being read; at most two are held. The check's thread, when it asks for a batch
    /// not yet read, reads its files no core has started (`HelpedMap`).
    private var next: HelpedMap<ProgramLoader.CachedLoad>?
    private var index = 0

    init(paths: [String], schemas: Schemas, cache: CatalogCache?, batchSize: Int) {
        listing = ProgramLoader.files(in: paths)
        let loader = ProgramLoader(schemas: schemas)
        let pack = cache?.pack(for: paths)
        self.pack = pack
        let files = listing.files
        batches = stride(from: 0, to: files.count, by: batchSize).map { Array(files[$0..<min($0 + batchSize, files.count)]) }
        read = { batch in HelpedMap(count: batch.count) { loader.load(file: batch[$0], pack: pack) } }
        next = batches.first.map(read)
    }

    /// The next batch's descriptions, in order (nil after the last); the one after it starts reading.
    func nextBatch() -> Batch? {
        guard let reading = next else { return nil }
        let loaded = ProgramLoader.gather(reading.values(), pack: pack)
        index += 1
        next = index < batches.count ? read(batches[index]) : nil
        return loaded
    }

    /// Cancels the batch still being read, waiting only for the files under way: nothing is left
    /// running behind an error.
    func drain() {
        next?.cancel()
        next = nil
    }

    /// Stores the catalog cache's pack, once every batch was read.
    func finish() { pack?.finish() }
}
