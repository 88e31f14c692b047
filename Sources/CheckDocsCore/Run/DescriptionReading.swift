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
    private let read: @Sendable ([String]) -> Batch
    /// The batch being read; at most two are held.
    private var next: Background<Batch>?
    private var index = 0

    init(paths: [String], schemas: Schemas, cache: CatalogCache?, batchSize: Int) {
        listing = ProgramLoader.files(in: paths)
        let loader = ProgramLoader(schemas: schemas)
        let pack = cache?.pack(for: paths)
        self.pack = pack
        let files = listing.files
        batches = stride(from: 0, to: files.count, by: batchSize).map { Array(files[$0..<min($0 + batchSize, files.count)]) }
        read = { batch in pack.map { loader.load(files: batch, pack: $0) } ?? loader.load(files: batch) }
        next = batches.first.map { [read] first in Background { read(first) } }
    }

    /// The next batch's descriptions, in order (nil after the last); the one after it starts reading.
    func nextBatch() -> Batch? {
        guard let reading = next else { return nil }
        let loaded = reading.wait()
        index += 1
        next = index < batches.count ? Background { [read, batch = batches[index]] in read(batch) } : nil
        return loaded
    }

    /// Waits for a batch still being read: nothing is left running behind an error.
    func drain() {
        _ = next?.wait()
        next = nil
    }

    /// Stores the catalog cache's pack, once every batch was read.
    func finish() { pack?.finish() }
}
