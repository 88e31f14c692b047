import Foundation
import CheckDocsFormats
import CheckDocsNative

/// OCR of the scans whose facts a run needs (docs/inspection.md, "Facts read from scans"): a
/// JPEG or PNG in one request, a PDF without a text layer page by page (its first
/// `maxPages`), every request in a document worker, as many at once as there are cores. A
/// reading is taken from the OCR cache when it holds one for the same bytes, and kept there
/// after. One reader serves a whole run (a batch's folders too), so that "OCR is unavailable"
/// is said once.
public final class ScanReader: @unchecked Sendable {
    /// The pages of a scanned PDF that are read: a passport's data page, a lab report's results
    /// and a certificate's dates are on its first pages.
    public static let maxPages = 3
    /// Progress is shown only once OCR has taken this long (docs/inspection.md).
    public static let progressDelay = 1.0

    let workers: DocumentWorkers
    let cache: OCRCache?
    /// Where the scans' digests are remembered, so that a second run finds its readings in
    /// `cache` without reading the scans (docs/inspection.md, "Content digests").
    public let digests: ContentDigests?
    /// The facts read from each scan, kept beside the OCR cache (docs/inspection.md, "Facts cache").
    let facts: ScanFactsCache?
    let progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    let unavailable: (@Sendable (_ reason: String) -> Void)?

    private let lock = NSLock()
    private var requests = 0
    private var cacheHits = 0
    private var saidUnavailable = false

    /// `progress` is called with scans done and scans to read once OCR has run `progressDelay`
    /// seconds, and last with done == total; `unavailable` once per reader with the worker's reason.
    public init(workers: DocumentWorkers = .shared, cache: OCRCache?, digests: ContentDigests? = nil,
                progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil,
                unavailable: (@Sendable (_ reason: String) -> Void)? = nil) {
        self.workers = workers
        self.cache = cache
        self.digests = digests
        facts = cache.flatMap(ScanFactsCache.init(beside:))
        self.progress = progress
        self.unavailable = unavailable
    }

    /// OCR requests sent to workers so far (cached readings are not requests).
    public var ocrRequests: Int { lock.withLock { requests } }
    /// Readings taken from the cache so far.
    public var cachedReadings: Int { lock.withLock { cacheHits } }

    /// One scan to read: its content's SHA-256, whether it is a PDF (else an image), and its
    /// bytes, read only when a page is not in the cache (and then once).
    final class Scan: @unchecked Sendable {
        let path: FilePath
        let sha256: String
        let isPDF: Bool
        private let lock = NSLock()
        private var bytes: [UInt8]?
        private var load: (() -> [UInt8]?)?

        init(path: FilePath, sha256: String, isPDF: Bool, bytes: [UInt8]?, load: @escaping () -> [UInt8]?) {
            self.path = path
            self.sha256 = sha256
            self.isPDF = isPDF
            self.bytes = bytes
            self.load = bytes == nil ? load : nil
        }

        /// The bytes; nil when they can no longer be read as they were hashed.
        func content() -> [UInt8]? {
            lock.withLock {
                if let load {
                    bytes = load().flatMap { SHA256.hex($0) == sha256 ? $0 : nil }
                    self.load = nil
                }
                return bytes
            }
        }
    }

    /// Whether the cache holds a reading of `scan`'s first page: then its bytes were a scan
    /// before (a PDF is OCRed only when its text layer is empty), and need not be read again.
    func hasReading(_ scan: Scan) -> Bool {
        cache?.load(hash: scan.sha256, input: scan.isPDF ? .pdfPage(index: 0) : .image) != nil
    }

    /// What OCR read of some scans.
    struct Pages {
        /// The pages read of each scan (1-based page, what OCR read), in page order.
        var pages: [FilePath: [(page: Int, text: OCRPage)]] = [:]
        /// The scans every page of which was read (none failed or was unavailable).
        var complete: Set<FilePath> = []
        /// Why a scan, or one of its pages, was not read: its worker timed out, crashed or
        /// answered garbage ("inspection failed: …"); the first page's reason when several failed.
        var failures: [FilePath: String] = [:]
    }

    /// The pages of each scan, read by OCR or taken from the cache.
    func read(_ scans: [Scan]) -> Pages {
        guard !scans.isEmpty else { return Pages() }
        let started = Date()
        let total = scans.count
        var done = 0
        var shown = false
        let progressLock = NSLock()
        func finished(_ count: Int) {
            guard count > 0, let progress else { return }
            progressLock.withLock {
                done += count
                if shown || Date().timeIntervalSince(started) > Self.progressDelay {
                    shown = true
                    progress(done, total)
                }
            }
        }
        // First pages (and images) first: a PDF's first page says how many pages it has.
        let first = scans.concurrentMap { scan -> Reading in
            let result = reading(scan, input: scan.isPDF ? .pdfPage(index: 0) : .image)
            if !(scan.isPDF && result.read.map(Self.pageCount) ?? 1 > 1) { finished(1) }
            return result
        }
        var more: [(scan: Int, index: Int)] = []
        for (number, scan) in scans.enumerated() where scan.isPDF {
            guard let result = first[number].read else { continue }
            let count = min(Self.pageCount(result), Self.maxPages)
            more += (1..<max(1, count)).map { (number, $0) }
        }
        var remaining = Dictionary(grouping: more, by: \.scan).mapValues(\.count)
        let rest = more.concurrentMap { job -> Reading in
            let result = reading(scans[job.scan], input: .pdfPage(index: job.index))
            let last = progressLock.withLock { () -> Bool in
                remaining[job.scan, default: 1] -= 1
                return remaining[job.scan] == 0
            }
            if last { finished(1) }
            return result
        }
        var pages: [FilePath: [(page: Int, text: OCRPage)]] = [:]
        var failed: Set<FilePath> = []
        var failures: [FilePath: String] = [:]
        for (path, page, result) in zip(scans, first).map({ ($0.path, 1, $1) }) + zip(more, rest).map({ (scans[$0.scan].path, $0.index + 1, $1) }) {
            switch result {
            case let .read(.page(text)): pages[path, default: []].append((page, text))
            case .read(.unreadable), .read(.unavailable): break
            case let .failed(reason):
                failed.insert(path)
                if failures[path] == nil { failures[path] = reason }
            case .unavailable: failed.insert(path)
            }
        }
        return Pages(pages: pages.mapValues { $0.sorted { $0.page < $1.page } },
                     complete: Set(scans.map(\.path)).subtracting(failed), failures: failures)
    }

    /// One request's outcome: what OCR read (or found unreadable), a worker's failure, or OCR
    /// unavailable here.
    private enum Reading {
        case read(OCRResult)
        case failed(String)
        case unavailable

        var read: OCRResult? {
            if case let .read(result) = self { return result }
            return nil
        }
    }

    private static func pageCount(_ result: OCRResult) -> Int {
        if case let .page(page) = result { return page.pageCount }
        return 1
    }

    /// One image or page: from the cache, else from a worker (and then kept); or the worker's
    /// failure (timeout, crash), or OCR unavailable (said once).
    private func reading(_ scan: Scan, input: OCRWorkerProtocol.Input) -> Reading {
        if let cached = cache?.load(hash: scan.sha256, input: input) {
            lock.withLock { cacheHits += 1 }
            return .read(cached)
        }
        // Once a worker said OCR cannot run here, no other request can do better.
        guard !lock.withLock({ saidUnavailable }) else { return .unavailable }
        guard let bytes = scan.content() else { return .failed("it changed or was replaced while checkdocs was running") }
        lock.withLock { requests += 1 }
        let reading: DocumentWorkers.OCRReading
        switch input {
        case .image: reading = workers.ocrImage(bytes)
        case let .pdfPage(index): reading = workers.ocrPDFPage(bytes, index: index)
        }
        let result: OCRResult
        switch reading {
        case let .page(page): result = .page(page)
        case let .unreadable(reason): result = .unreadable(reason)
        case let .unavailable(reason):
            let first = lock.withLock { () -> Bool in
                defer { saidUnavailable = true }
                return !saidUnavailable
            }
            if first { unavailable?(reason.reason) }
            return .unavailable
        case let .failed(reason): return .failed(reason)
        }
        cache?.store(result, hash: scan.sha256, input: input)
        return .read(result)
    }
}
