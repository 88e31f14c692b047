import Foundation
import CheckDocsNative

/// The content facts of one run's documents, made at most once per file and shared by every
/// program. The check asks it, before evaluating each batch of programs, to inspect the documents
/// those programs' file rules look at; the ones not inspected yet are read concurrently.
public final class DocumentInspector: @unchecked Sendable {
    public let root: String
    private let files: [FilePath: ScannedFile]
    private let contentTypes: [FilePath: ContentType]
    /// PDF facts kept between runs (docs/inspection.md, "PDF facts cache"); nil: none.
    private let kept: (any KeptPDFFacts)?
    private let lock = NSLock()
    private var inspected: [FilePath: FileFacts] = [:]
    /// The files read with their pages' text (facts read from documents).
    private var textRead: Set<FilePath> = []
    /// How many files were read in depth (for tests and measurements).
    public private(set) var inspectionCount = 0

    public init(root: String, files: [ScannedFile], contentTypes: [FilePath: ContentType], kept: (any KeptPDFFacts)? = nil) {
        self.root = root
        self.kept = kept
        self.files = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        self.contentTypes = contentTypes
    }

    /// The sniffed content type of a file, if it was readable.
    public func contentType(of path: FilePath) -> ContentType? { contentTypes[path] }

    /// The facts of `path` if it was inspected; otherwise only its type and size.
    public func facts(of path: FilePath) -> FileFacts? {
        lock.lock()
        let found = inspected[path]
        lock.unlock()
        if let found { return found }
        guard let file = files[path] else { return nil }
        return FileFacts(size: file.size, content: contentTypes[path])
    }

    /// The whole of a document of at most `limit` bytes, read as it is inspected (no link
    /// followed, the same file the scan listed); nil when it cannot be read or is longer (OCR
    /// of scans, docs/inspection.md, "Facts read from scans").
    public func bytes(of path: FilePath, limit: Int) -> [UInt8]? {
        guard let file = files[path], file.readable, file.size <= Int64(limit),
              let bytes = try? DocumentFileReader.read(root: root, path: file.path.bytes, identity: file.identity, limit: limit + 1),
              bytes.count <= limit else { return nil }
        return bytes
    }

    /// The file the scan listed at `path`.
    func scannedFile(_ path: FilePath) -> ScannedFile? { files[path] }

    /// Inspects, on all cores, the given documents not inspected yet. With `pageTexts`, a PDF
    /// read without its pages' text is read again with them (facts read from documents).
    public func inspect(_ paths: some Sequence<FilePath>, pageTexts: Bool = false) {
        lock.lock()
        var seen = Set<FilePath>()
        let pending = paths.filter { path in
            (inspected[path] == nil || (pageTexts && !textRead.contains(path))) && files[path] != nil && seen.insert(path).inserted
        }
        lock.unlock()
        guard !pending.isEmpty else { return }
        // A document worker costs ~16 ms of CPU to start and ~0.1 ms per small PDF after that
        // (docs/inspection.md, "Cost"): one group, so one worker, per 16 documents, at most one per core.
        let groupCount = min(ProcessInfo.processInfo.activeProcessorCount, (pending.count + 15) / 16)
        let groups = (0..<max(1, groupCount)).map { group in stride(from: group, to: pending.count, by: max(1, groupCount)).map { pending[$0] } }
        let grouped = groups.concurrentMap { group in
            group.map { path in (path, FileInspector.inspect(root: root, file: files[path]!, content: contentTypes[path], pageTexts: pageTexts, kept: kept)) }
        }
        let byPath = Dictionary(grouped.joined().map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        let results = pending.map { byPath[$0]! }
        lock.lock()
        for (path, facts) in zip(pending, results) {
            inspected[path] = facts
            if pageTexts { textRead.insert(path) }
        }
        inspectionCount += pending.count
        lock.unlock()
    }
}
