#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads input files (program descriptions, manifests) without following a final symlink,
/// without blocking on a FIFO, and never more than a cap: a hostile or huge file gets an error.
public enum SafeFileReader {
    public static let defaultLimit = 5 * 1024 * 1024

    public static func read(_ path: String, limit: Int = defaultLimit) throws(InputError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ELOOP { throw InputError(file: path, "is a symbolic link; give the real file") }
            throw InputError(file: path, "cannot open: \(describe(errno: code))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw InputError(file: path, "cannot read: \(describe(errno: errno))") }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw InputError(file: path, "is not a regular file") }
        guard status.st_size <= limit else {
            throw InputError(file: path, "is \(status.st_size) bytes; the limit is \(limit) bytes")
        }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
        var total = 0
        while true {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + total, buffer.count - total)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError(file: path, "cannot read: \(describe(errno: errno))")
            }
            if count == 0 { break }
            total += count
            if total > limit { throw InputError(file: path, "grew past the limit of \(limit) bytes while being read") }
            if total == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: max(4096, bytes.count))) }
        }
        bytes.removeSubrange(total...)
        return bytes
    }

    public static func describe(errno code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file or directory"
        case EACCES, EPERM: return "permission denied"
        case ENOTDIR: return "not a directory"
        case EISDIR: return "is a directory"
        case ELOOP: return "too many levels of symbolic links"
        case ENAMETOOLONG: return "name too long"
        default: return String(cString: strerror(code))
        }
    }
}
