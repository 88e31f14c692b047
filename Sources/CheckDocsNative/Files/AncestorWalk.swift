#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FileSystem {
    /// Whether a directory lies inside one of a set of folders.
    public enum Containment: Equatable, Sendable {
        case inside
        case outside
        /// The walk up to "/" could not be finished: the answer is not known (the reason says why).
        case unknown(String)
    }

    /// Beyond this many levels the walk gives up and answers `unknown`, never `outside`.
    static let ancestorLimit = 1 << 16

    /// Whether the directory open at `descriptor`, or any folder above it, is one of `roots`
    /// (compared by device and inode). Each parent is reached through `..` of a descriptor opened
    /// with O_PATH, which needs no read permission: a folder that can be searched but not read
    /// (mode 0311) cannot end the walk early. A walk that cannot reach "/" (a folder that cannot
    /// be searched, more than `ancestorLimit` levels) answers `unknown`, so the caller refuses
    /// rather than guessing (docs/security.md, promise 2).
    public static func containment(of descriptor: Int32, in roots: Set<FileIdentity>) -> Containment {
        var current = openat(descriptor, ".", walkFlags)
        guard current >= 0 else { return .unknown("the folder cannot be opened (\(SafeFileReader.describe(errno: errno)))") }
        defer { close(current) }
        var previous: FileIdentity?
        for level in 0...ancestorLimit {
            var status = stat()
            guard fstat(current, &status) == 0 else {
                return .unknown("the folder \(level) levels up cannot be examined (\(SafeFileReader.describe(errno: errno)))")
            }
            let identity = FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
            if roots.contains(identity) { return .inside }
            if identity == previous { return .outside }  // ".." of "/" is "/" itself
            previous = identity
            let parent = openat(current, "..", walkFlags)
            guard parent >= 0 else {
                return .unknown("the folder \(level + 1) levels up cannot be opened (\(SafeFileReader.describe(errno: errno)))")
            }
            close(current)
            current = parent
        }
        return .unknown("it is more than \(ancestorLimit) folders deep")
    }

    #if os(Linux)
    // O_PATH is behind _GNU_SOURCE, which Glibc's Swift module does not define: its value from
    // <bits/fcntl-linux.h> (the same on every architecture Swift runs on).
    private static let walkFlags = 0o10_000_000 | O_DIRECTORY | O_CLOEXEC
    #else
    // Without O_PATH a folder that cannot be read ends the walk, and the answer is `unknown`.
    private static let walkFlags = O_RDONLY | O_DIRECTORY | O_CLOEXEC
    #endif
}
