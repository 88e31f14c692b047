import CWriteBack
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts the write-back of a file while it is being written, a stride at a time, and flushes it
/// to stable storage on a thread of its own every few strides, so that the fsync that ends its
/// writing finds almost nothing left to do.
///
/// The kernel writes dirty pages in the background only past a threshold (a tenth of the free
/// memory by default): a file of a few hundred megabytes, a catalog's JSON report, stays in memory
/// until its fsync, which then waits for all of it, the run's last step (docs/performance.md,
/// "Written back as it goes"). Asked every `stride` bytes, the disk writes while the rest is made.
/// A request does not wait for the disk, and one refused (an old kernel, a file system without
/// it) leaves the pages to the fsync.
///
/// Written back is not yet stable: the fsync still has the disk flush its own cache of all of
/// it, which took 0.5 s of a 386 MB report on a virtual disk (docs/performance.md, "Flushed as it
/// goes"). So every `flushStride` bytes, if the last flush is done, another starts on a thread of
/// its own (`EarlyFlush`), and the fsync flushes only what came after it. An early flush changes
/// nothing a reader can see: the file is still a temporary, renamed into place only after the
/// last fsync.
struct WriteBack {
    /// Large enough that a request is a large write, small enough that the disk starts early:
    /// 8 MiB. A typical report (tens of kilobytes) never reaches it.
    static let stride = 8 << 20
    /// Four strides: a dozen flushes for a 400 MB report (each the disk's cache written out, 56–72 ms
    /// each in docs/performance.md), and at most this much left for the last fsync.
    static let flushStride = 32 << 20

    /// Bytes written so far, and where the last request ended.
    private var written = 0
    private var requested = 0
    /// Bytes written when the last early flush started, and that flush.
    private var flushedAt = 0
    private var flush: EarlyFlush?
    /// The first error an early flush met, kept for `settle`.
    private var failure: Int32 = 0
    /// Early flushes started so far (for tests).
    private(set) var flushes = 0

    /// Records `count` more bytes written to `descriptor` at its end, and asks for the write-back
    /// of what was written since the last request once that is a stride or more: the range asked
    /// for, if any. An early flush starts as well when due.
    @discardableResult
    mutating func wrote(_ count: Int, to descriptor: Int32) -> Range<Int>? {
        written += count
        guard written - requested >= Self.stride else { return nil }
        let range = requested..<written
        _ = Self.start(range, of: descriptor)
        requested = written
        if written - flushedAt >= Self.flushStride, flush?.isDone ?? true {
            keep(flush?.wait())
            flush = EarlyFlush(descriptor)
            flushedAt = written
            flushes += 1
        }
        return range
    }

    private mutating func keep(_ result: Int32?) {
        if let result, failure == 0 { failure = result }
    }

    /// Waits for the early flush under way, if any: call it (or `sync`) before the file's
    /// descriptor is closed (the flush uses it). 0, or the errno an early flush met. Linux reports
    /// a write-back error once per open file, to whichever flush comes first: the fsync after an
    /// early flush that met one would return 0, so `sync` returns this errno as the fsync's.
    mutating func settle() -> Int32 {
        keep(flush?.wait())
        flush = nil
        return failure
    }

    /// Settles (`settle`), then flushes the file with `fsync`: 0, or the first errno of the two.
    /// The last flush of every file written this way, before it is closed and renamed.
    mutating func sync(_ descriptor: Int32) -> Int32 {
        let early = settle()
        let last = fsync(descriptor) == 0 ? 0 : errno
        return early != 0 ? early : last
    }

    /// Asks the kernel to start writing `range` of the file back: 0, or why not (an errno;
    /// ESPIPE for a pipe or a device, ENOSYS without sync_file_range).
    static func start(_ range: Range<Int>, of descriptor: Int32) -> Int32 {
        checkdocs_start_write_back(descriptor, Int64(range.lowerBound), Int64(range.count))
    }
}

/// One `fdatasync` of a file, run on a serial queue of its own (a thread that is not one of the
/// pool's, which evaluates programs meanwhile): 0 or its errno, once done.
final class EarlyFlush: @unchecked Sendable {
    // `result` is written once, before the group is left, and read only after a wait on it.
    private let finished = DispatchGroup()
    private var result: Int32 = 0

    private static let queue = DispatchQueue(label: "checkdocs.early-flush")

    init(_ descriptor: Int32) {
        finished.enter()
        Self.queue.async { [self] in
            #if os(Linux)
            result = fdatasync(descriptor) == 0 ? 0 : errno
            #else
            result = fsync(descriptor) == 0 ? 0 : errno
            #endif
            finished.leave()
        }
    }

    /// Whether the flush is over, without waiting.
    var isDone: Bool { finished.wait(timeout: .now()) == .success }

    /// Its result, once over.
    func wait() -> Int32 {
        finished.wait()
        return result
    }
}
