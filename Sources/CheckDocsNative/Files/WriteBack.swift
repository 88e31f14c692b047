import CWriteBack

/// Starts the write-back of a file while it is being written, a stride at a time, so that the
/// fsync that ends its writing finds most of it on disk already.
///
/// The kernel writes dirty pages in the background only past a threshold (a tenth of the free
/// memory by default): a file of a few hundred megabytes, a catalog's JSON report, stays in memory
/// until its fsync, which then waits for all of it, the run's last step (docs/performance.md,
/// "Written back as it goes"). Asked every `stride` bytes, the disk writes while the rest is made.
/// A request does not wait for the disk, and one refused (an old kernel, a file system without
/// it) leaves the pages to the fsync, which reports any error that matters.
struct WriteBack {
    /// Large enough that a request is a large write, small enough that the disk starts early:
    /// 8 MiB. A typical report (tens of kilobytes) never reaches it.
    static let stride = 8 << 20

    /// Bytes written so far, and where the last request ended.
    private var written = 0
    private var requested = 0

    /// Records `count` more bytes written to `descriptor` at its end, and asks for the write-back
    /// of what was written since the last request once that is a stride or more: the range asked
    /// for, if any.
    @discardableResult
    mutating func wrote(_ count: Int, to descriptor: Int32) -> Range<Int>? {
        written += count
        guard written - requested >= Self.stride else { return nil }
        let range = requested..<written
        _ = Self.start(range, of: descriptor)
        requested = written
        return range
    }

    /// Asks the kernel to start writing `range` of the file back: 0, or why not (an errno;
    /// ESPIPE for a pipe or a device, ENOSYS without sync_file_range).
    static func start(_ range: Range<Int>, of descriptor: Int32) -> Int32 {
        checkdocs_start_write_back(descriptor, Int64(range.lowerBound), Int64(range.count))
    }
}
