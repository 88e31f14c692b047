#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A regular file read in pieces at given offsets (the catalog cache's pack, docs/performance.md
/// "The compiled-catalog cache"): opened once, no link followed, never blocking on a FIFO; every
/// read asks for an exact range and gets it whole or gets nil. Reads from several threads at
/// once are safe (`pread` moves no shared offset).
public final class ReadOnlyFile: @unchecked Sendable {
    public let size: Int
    private let descriptor: Int32

    private init(descriptor: Int32, size: Int) {
        self.descriptor = descriptor
        self.size = size
    }

    deinit { close(descriptor) }

    /// The file at `path` when it is a regular file of this user; nil otherwise (missing, a link,
    /// another kind of file, unreadable).
    public static func open(_ path: String) -> ReadOnlyFile? {
        // The module's open(2), not this static `open`.
        #if canImport(Glibc)
        let descriptor = Glibc.open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        #else
        let descriptor = Darwin.open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        #endif
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_uid == geteuid(), status.st_size >= 0 else {
            close(descriptor)
            return nil
        }
        return ReadOnlyFile(descriptor: descriptor, size: Int(status.st_size))
    }

    /// Exactly `count` bytes from `offset`, or nil (a range outside the file as it was opened, a
    /// file that shrank meanwhile, a read error).
    public func read(at offset: Int, count: Int) -> [UInt8]? {
        guard offset >= 0, count >= 0, offset <= size, count <= size - offset else { return nil }
        if count == 0 { return [] }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var total = 0
            while total < count {
                let got = pread(descriptor, buffer.baseAddress! + total, count - total, off_t(offset + total))
                if got < 0, errno == EINTR { continue }
                if got <= 0 { failed = true; break }
                total += got
            }
            // Whatever was not read is zeroed, so the array is always fully initialized.
            if total < count { (buffer.baseAddress! + total).initialize(repeating: 0, count: count - total) }
            initialized = count
        }
        return failed ? nil : bytes
    }
}

/// A private file (mode 0600) written piece by piece into a hidden temporary beside its name, then
/// flushed and renamed into place (the catalog cache's pack, which can be tens of megabytes and is
/// never held whole in memory). The temporary is registered with `PendingFiles`, so a signal
/// removes it; `abandon` (or dropping the writer) removes it too. A reader sees the old file or
/// the new one, never half.
public final class PrivateFileWriter {
    private let folder: Int32
    private let temporary: PendingFiles.Temporary
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var failure: Int32 = 0
    private var finished = false
    private var writeBack = WriteBack()
    /// Bytes appended so far (the offset the next piece starts at).
    public private(set) var count = 0

    /// Starts `directory/name`; the directory must exist (PrivateFiles.makeDirectory).
    public init(directory: String, name: String) throws(SystemError) {
        folder = try PendingFiles.shared.openDirectory(directory)
        do {
            (temporary, descriptor) = try PendingFiles.shared.create(in: folder, for: name, mode: 0o600)
        } catch {
            PendingFiles.shared.release(directory: folder)
            throw error
        }
        buffer.reserveCapacity(Self.chunk)
    }

    deinit { abandon() }

    private static let chunk = 256 * 1024

    public func append(_ bytes: ArraySlice<UInt8>) {
        count += bytes.count
        guard failure == 0, !finished else { return }
        buffer += bytes
        if buffer.count >= Self.chunk { drain() }
    }

    public func append(_ bytes: [UInt8]) { append(bytes[...]) }

    private func drain() {
        if failure == 0, let error = FileSystem.writeAll(buffer[...], to: descriptor) { failure = error }
        if failure == 0 { writeBack.wrote(buffer.count, to: descriptor) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes the file and renames it into place; nil when it is there, else why not (and the
    /// temporary is removed: any previous file of that name is unchanged).
    public func commit() -> SystemError? {
        guard !finished else { return SystemError(code: EINVAL) }
        drain()
        // Settled and flushed even after a failed write: no early flush may outlive the descriptor.
        let synced = writeBack.sync(descriptor)
        if failure == 0 { failure = synced }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        descriptor = -1
        if failure == 0 {
            do {
                try PendingFiles.shared.renameAll([temporary])
            } catch {
                failure = error.error.code
            }
        }
        finished = true
        PendingFiles.shared.remove(temporary)
        if failure == 0 { PendingFiles.flush(directory: folder) }
        PendingFiles.shared.release(directory: folder)
        return failure == 0 ? nil : SystemError(code: failure)
    }

    /// Removes the temporary; nothing is put in place.
    public func abandon() {
        guard !finished else { return }
        finished = true
        _ = writeBack.settle()
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        PendingFiles.shared.remove(temporary)
        PendingFiles.shared.release(directory: folder)
    }
}
