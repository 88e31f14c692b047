#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder opened read-only by descriptor: its entries as raw byte names (never decoded, so a
/// name that is not UTF-8 is still listed), and each child examined or opened relative to it
/// (fstatat, openat): path length never matters and a final symbolic link is never followed
/// unless asked for. Closed when released.
public final class Directory {
    /// What one entry is, without following a symbolic link (unless asked for).
    public struct Entry: Sendable {
        public var kind: FileSystem.Kind
        public var size: Int64
        public var identity: FileIdentity
    }

    private let stream: OpaquePointer
    private var descriptor: Int32 { dirfd(stream) }
    public let identity: FileIdentity

    private init?(descriptor: Int32) {
        var status = stat()
        guard fstat(descriptor, &status) == 0, let stream = fdopendir(descriptor) else {
            close(descriptor)
            return nil
        }
        self.stream = stream
        identity = FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }

    deinit { closedir(stream) }

    /// The folder at `path`; a symbolic link there is followed (the caller named it).
    public static func open(_ path: String) -> Result<Directory, SystemError> {
        made(openPath(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC))
    }

    /// The child folder `name`, never through a symbolic link.
    public func open(child name: [UInt8]) -> Result<Directory, SystemError> {
        let descriptor = withName(name) { openat(self.descriptor, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
        return Self.made(descriptor)
    }

    private static func made(_ descriptor: Int32) -> Result<Directory, SystemError> {
        guard descriptor >= 0 else { return .failure(SystemError(code: errno)) }
        guard let directory = Directory(descriptor: descriptor) else { return .failure(SystemError(code: errno)) }
        return .success(directory)
    }

    /// Every entry's name but `.` and `..`, in byte order.
    public func names() -> [[UInt8]] {
        rewinddir(stream)
        var names: [[UInt8]] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
        names.sort { $0.lexicographicallyPrecedes($1) }
        return names
    }

    /// What `name` is: the entry itself, or with `followLinks` what a symbolic link leads to.
    public func entry(_ name: [UInt8], followLinks: Bool = false) -> Result<Entry, SystemError> {
        var status = stat()
        let result = withName(name) { fstatat(descriptor, $0, &status, followLinks ? 0 : AT_SYMLINK_NOFOLLOW) }
        guard result == 0 else { return .failure(SystemError(code: errno)) }
        let kind: FileSystem.Kind
        switch status.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symlink
        default: kind = .other
        }
        return .success(Entry(kind: kind, size: Int64(status.st_size),
                              identity: FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))))
    }

    /// nil when the file `name` can be opened for reading; opening read-only and non-blocking,
    /// then closing at once, proves it without reading a byte (and never blocks on a FIFO).
    public func readProbe(_ name: [UInt8]) -> SystemError? {
        let probe = withName(name) { openat(descriptor, $0, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC) }
        guard probe >= 0 else { return SystemError(code: errno) }
        close(probe)
        return nil
    }

    /// Whether this folder is, or lies inside, one of `roots` (FileSystem.containment).
    public func containment(in roots: Set<FileIdentity>) -> FileSystem.Containment {
        FileSystem.containment(of: descriptor, in: roots)
    }

    private func withName<T>(_ name: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        let cName = name.map { CChar(bitPattern: $0) } + [0]
        return cName.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}

/// open(2), out of the scope of `Directory.open`.
private func openPath(_ path: String, _ flags: Int32) -> Int32 { open(path, flags) }
