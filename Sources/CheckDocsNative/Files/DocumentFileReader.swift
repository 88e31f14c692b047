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
        return try read(root: root, path: path, identity: identity, from: offset, limit: limit)
    }

    /// Up to `limit` bytes from the start of `path` (raw name bytes, relative to `root`).
    public static func read(root: String, path: [UInt8], identity: FileIdentity, limit: Int) throws(Failure) -> [UInt8] {
        try read(root: root, path: path, identity: identity, from: 0, limit: limit)
    }

    private static func read(root: String, path: [UInt8], identity: FileIdentity, from offset: Int64, limit: Int) throws(Failure) -> [UInt8] {
        var full = Array(root.utf8)
        if full.last != UInt8(ascii: "/") { full.append(UInt8(ascii: "/")) }
        full += path
        full.append(0)
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
        return bytes
    }
}
