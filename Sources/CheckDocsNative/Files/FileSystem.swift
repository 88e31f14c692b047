#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small POSIX helpers with Swift values in and out.
public enum FileSystem {
    /// Writes every byte, retrying after interruptions; nil on success, else errno.
    public static func writeAll(_ bytes: ArraySlice<UInt8>, to descriptor: Int32) -> Int32? {
        var offset = bytes.startIndex
        while offset < bytes.endIndex {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress!, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }

    /// A new temporary file in `directory`, already unlinked: a descriptor nothing else can
    /// reach, and nothing left behind whatever happens next. The errno on failure.
    public static func unlinkedTemporary(in directory: String, prefix: String) -> Result<Int32, SystemError> {
        var template = Array((directory + "/" + prefix + "XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return .failure(SystemError(code: errno)) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return .success(descriptor)
    }

    /// Copies `source` from its start to `destination`. A reader that closed its end (EPIPE) is
    /// its own choice: the copy stops quietly. nil on success, else errno.
    public static func copyAll(from source: Int32, to destination: Int32) -> Int32? {
        lseek(source, 0, SEEK_SET)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { return errno }
            guard count > 0 else { return nil }
            if let failure = writeAll(buffer[0..<count], to: destination) {
                return failure == EPIPE ? nil : failure
            }
        }
    }

    public enum Kind: Sendable { case regular, directory, symlink, other, missing }

    /// Whether this process may list a directory and reach the entries in it.
    public static func canSearch(_ directory: String) -> Bool { access(directory, R_OK | X_OK) == 0 }

    public static func kind(of path: String, followLinks: Bool = true) -> Kind {
        var status = stat()
        let result = followLinks ? stat(path, &status) : lstat(path, &status)
        guard result == 0 else { return .missing }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// The stamp of what `path` leads to, or with `followLinks: false` of a link itself; nil when
    /// it is missing.
    public static func stamp(of path: String, followLinks: Bool = true) -> FileStamp? {
        var status = stat()
        guard (followLinks ? stat(path, &status) : lstat(path, &status)) == 0 else { return nil }
        return FileStamp(status)
    }

    /// (device, inode) — how two paths are compared for identity; never by their strings.
    public static func identity(of path: String) -> FileIdentity? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }
}

public struct FileIdentity: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64

    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }
}
