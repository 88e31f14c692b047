#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CheckDocsNative

/// Where one report goes. Nothing becomes visible until `commit`: a file is written to a temporary
/// beside it and renamed into place (after fsync); standard output is spooled to an unlinked
/// temporary file and copied out at the end. So a run that ends in an error leaves no report, and
/// a catalog of any size never needs its report in memory.
///
/// A file inside the applicant folder, or on top of one of its files, is refused (docs/security.md,
/// promise 1: the folder is never changed). Identities are compared by (device, inode), never by
/// path strings. A path that is a device or a pipe (`/dev/null`, `/dev/stdout`) is written to
/// directly: replacing it would be wrong.
public final class ReportDestination {
    private enum Mode {
        /// Standard output, spooled until commit.
        case spool
        /// A regular file: the temporary in the folder it goes in, renamed at commit.
        case replace(directory: Int32, temporary: String, name: String)
        /// A device or pipe, written as we go.
        case direct
    }

    private let path: String
    private let descriptor: Int32
    private let mode: Mode
    private var finished = false

    private init(path: String, descriptor: Int32, mode: Mode) {
        self.path = path
        self.descriptor = descriptor
        self.mode = mode
    }

    deinit { discard() }

    /// Where `path` would land: its folder's identity and its name, so two spellings of one
    /// destination are seen to be one. nil when the folder cannot be examined (opening says why).
    public static func target(of path: String) -> String? {
        let (directory, name) = split(path)
        var status = stat()
        guard stat(directory, &status) == 0 else { return nil }
        return "\(status.st_dev):\(status.st_ino)/\(name)"
    }

    private static func split(_ path: String) -> (directory: String, name: String) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return (directory, name)
    }

    public static func file(_ path: String, applicantRoot: FileIdentity, applicantFiles: Set<FileIdentity>) throws(InputError) -> ReportDestination {
        try file(path, applicantRoots: [applicantRoot], applicantFiles: applicantFiles)
    }

    /// A report file refused inside any of `applicantRoots` (a batch run has many folders).
    public static func file(_ path: String, applicantRoots: Set<FileIdentity>, applicantFiles: Set<FileIdentity>) throws(InputError) -> ReportDestination {
        let (directory, name) = split(path)
        guard !name.isEmpty, name != ".", name != ".." else { throw InputError(file: path, "is not a file name") }

        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directoryDescriptor >= 0 else {
            throw InputError(file: path, "cannot write the report: the folder \(directory) cannot be opened (\(SafeFileReader.describe(errno: errno)))")
        }
        var keep = false
        defer { if !keep { close(directoryDescriptor) } }
        if isInside(directoryDescriptor, roots: applicantRoots) {
            throw InputError(file: path, "refusing to write a report inside the applicant folder; choose a path outside it")
        }
        var existing = stat()
        if fstatat(directoryDescriptor, name, &existing, AT_SYMLINK_NOFOLLOW) == 0 {
            if (existing.st_mode & S_IFMT) == S_IFDIR { throw InputError(file: path, "is a folder") }
            var target = stat()
            if fstatat(directoryDescriptor, name, &target, 0) == 0 {
                if applicantFiles.contains(FileIdentity(device: UInt64(target.st_dev), inode: UInt64(target.st_ino))) {
                    throw InputError(file: path, "is (or links to) one of the applicant's files; refusing to overwrite it")
                }
                let kind = target.st_mode & S_IFMT
                if kind == S_IFCHR || kind == S_IFIFO || kind == S_IFSOCK {
                    let descriptor = openat(directoryDescriptor, name, O_WRONLY | O_CLOEXEC)
                    guard descriptor >= 0 else {
                        throw InputError(file: path, "cannot write the report: \(SafeFileReader.describe(errno: errno))")
                    }
                    return ReportDestination(path: path, descriptor: descriptor, mode: .direct)
                }
            }
        }
        let temporary = ".\(name).checkdocs-\(getpid()).tmp"
        let descriptor = openat(directoryDescriptor, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw InputError(file: path, "cannot write the report: \(SafeFileReader.describe(errno: errno))")
        }
        keep = true
        return ReportDestination(path: path, descriptor: descriptor, mode: .replace(directory: directoryDescriptor, temporary: temporary, name: name))
    }

    /// The spool goes in $TMPDIR, or /tmp when $TMPDIR is inside an applicant folder: nothing,
    /// not even an unlinked temporary, is ever written there.
    public static func standardOutput(applicantRoots: Set<FileIdentity> = []) throws(InputError) -> ReportDestination {
        var base = ProcessEnvironment.temporaryDirectory
        let baseDescriptor = open(base, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if baseDescriptor >= 0 {
            if isInside(baseDescriptor, roots: applicantRoots) { base = "/tmp" }
            close(baseDescriptor)
        }
        var template = Array((base + "/checkdocs-stdout-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw InputError(file: "<stdout>", "cannot create a temporary file in \(base): \(SafeFileReader.describe(errno: errno))")
        }
        // Unlinked at once: nothing of the applicant's is left behind, whatever happens next.
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return ReportDestination(path: "<stdout>", descriptor: descriptor, mode: .spool)
    }

    public func write(_ bytes: [UInt8]) throws(InputError) {
        if let failure = FileSystem.writeAll(bytes[...], to: descriptor) {
            throw InputError(file: path, "cannot write the report: \(SafeFileReader.describe(errno: failure))")
        }
    }

    /// Makes the report visible: renames the file into place, or copies the spool to stdout.
    public func commit() throws(InputError) {
        guard !finished else { return }
        finished = true
        switch mode {
        case .direct:
            close(descriptor)
        case .spool:
            defer { close(descriptor) }
            lseek(descriptor, 0, SEEK_SET)
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return }
                if let failure = FileSystem.writeAll(buffer[0..<count], to: STDOUT_FILENO) {
                    // A closed pipe (`| head`) is the reader's choice: stop quietly. A full disk is not.
                    if failure == EPIPE { return }
                    throw InputError(file: path, "cannot write the report: \(SafeFileReader.describe(errno: failure))")
                }
            }
        case let .replace(directory, temporary, name):
            defer { close(directory) }
            var failure: Int32 = 0
            if fsync(descriptor) != 0 { failure = errno }
            if close(descriptor) != 0, failure == 0 { failure = errno }
            if failure == 0, renameat(directory, temporary, directory, name) != 0 { failure = errno }
            if failure != 0 {
                unlinkat(directory, temporary, 0)
                throw InputError(file: path, "cannot write the report: \(SafeFileReader.describe(errno: failure)); any previous file is unchanged")
            }
            fsync(directory)
        }
    }

    /// Drops the report: the temporary goes, any previous file at the path is unchanged.
    public func discard() {
        guard !finished else { return }
        finished = true
        close(descriptor)
        if case let .replace(directory, temporary, _) = mode {
            unlinkat(directory, temporary, 0)
            close(directory)
        }
    }

    /// Whether the directory or any of its ancestors is an applicant folder.
    static func isInside(_ directory: Int32, roots: Set<FileIdentity>) -> Bool {
        var current = dup(directory)
        var previous: FileIdentity?
        for _ in 0..<4096 {
            guard current >= 0 else { return false }
            var status = stat()
            guard fstat(current, &status) == 0 else { close(current); return false }
            let identity = FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
            if roots.contains(identity) { close(current); return true }
            if identity == previous { close(current); return false }  // reached "/"
            previous = identity
            let parent = openat(current, "..", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            close(current)
            current = parent
        }
        if current >= 0 { close(current) }
        return false
    }
}

enum ProcessEnvironment {
    static var temporaryDirectory: String {
        if let value = getenv("TMPDIR"), value.pointee != 0 { return String(cString: value) }
        return "/tmp"
    }
}
