#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the beginning (or the whole, under a cap) of one scanned document. The file is opened
/// like the scanner saw it: no final symlink followed, no blocking on a FIFO, and it must still be
/// the same regular file (device and inode) the scan listed, or nothing is read.
public enum DocumentFileReader {
    public enum Failure: Error, Equatable {
        case cannotOpen(String)
        case changed
    }

    /// The last `limit` bytes of `path` (all of it when shorter), opened and checked as `read` does.
    public static func readTail(root: String, path: [UInt8], identity: FileIdentity, size: Int64, limit: Int) throws(Failure) -> [UInt8] {
        let offset = max(0, size - Int64(limit))
        return try read(root: root, path: path, identity: identity, from: offset, limit: limit).bytes
    }

    /// Up to `limit` bytes from the start of `path` (raw name bytes, relative to `root`).
    public static func read(root: String, path: [UInt8], identity: FileIdentity, limit: Int) throws(Failure) -> [UInt8] {
        try read(root: root, path: path, identity: identity, from: 0, limit: limit).bytes
    }

    /// Up to `limit` bytes from the start of `path`, and the file's stamp as the open file had
    /// it before the first byte was read.
    public static func readStamped(root: String, path: [UInt8], identity: FileIdentity, limit: Int) throws(Failure) -> (bytes: [UInt8], stamp: FileStamp) {
        try read(root: root, path: path, identity: identity, from: 0, limit: limit)
    }

    /// The stamp of `path` without opening it (no link followed); nil when it is gone, not a
    /// regular file, or not the file the scan listed.
    public static func stamp(root: String, path: [UInt8], identity: FileIdentity) -> FileStamp? {
        var status = stat()
        let result = terminated(root: root, path: path).withUnsafeBufferPointer {
            $0.baseAddress!.withMemoryRebound(to: CChar.self, capacity: $0.count) { lstat($0, &status) }
        }
        guard result == 0, (status.st_mode & S_IFMT) == S_IFREG,
              FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino)) == identity else { return nil }
        return FileStamp(status)
    }

    private static func terminated(root: String, path: [UInt8]) -> [UInt8] {
        var full = Array(root.utf8)
        if full.last != UInt8(ascii: "/") { full.append(UInt8(ascii: "/")) }
        full += path
        full.append(0)
        return full
    }

    private static func read(root: String, path: [UInt8], identity: FileIdentity, from offset: Int64, limit: Int) throws(Failure) -> (bytes: [UInt8], stamp: FileStamp) {
        let full = terminated(root: root, path: path)
        let descriptor = full.withUnsafeBufferPointer {
            $0.baseAddress!.withMemoryRebound(to: CChar.self, capacity: $0.count) {
                open($0, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            }
        }
        guard descriptor >= 0 else { throw .cannotOpen(SafeFileReader.describe(errno: errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG,
              FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino)) == identity else {
            throw .changed
        }
        let wanted = max(0, min(limit, Int(Int64(status.st_size) - min(offset, Int64(status.st_size)))))
        if offset > 0, lseek(descriptor, off_t(offset), SEEK_SET) < 0 { throw .cannotOpen(SafeFileReader.describe(errno: errno)) }
        var bytes = [UInt8](repeating: 0, count: wanted)
        var total = 0
        while total < wanted {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + total, wanted - total)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .cannotOpen(SafeFileReader.describe(errno: errno))
            }
            if count == 0 { break }
            total += count
        }
        if total < wanted { bytes.removeSubrange(total...) }
        return (bytes, FileStamp(status))
    }
}

/// What `stat` says of a file's content without reading it: its size and the times its data
/// (modified) and its inode (changed) last changed, in nanoseconds. Any write to the file moves
/// its change time, which no user can set back, so an equal stamp on the same device and inode
/// means the same content, unless the file changed within the clock tick the stamp was taken in
/// (ContentDigests guards against that).
public struct FileStamp: Hashable, Sendable {
    public var size: Int64
    public var modified: Int64
    public var changed: Int64

    public init(size: Int64, modified: Int64, changed: Int64) {
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    init(_ status: stat) {
        size = Int64(status.st_size)
        modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
        changed = Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec)
    }
}
