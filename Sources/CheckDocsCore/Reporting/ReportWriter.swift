#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a report file atomically (temp file, fsync, rename, fsync the folder) and refuses any
/// destination inside the applicant folder or on top of one of its files (reliability.md §5).
/// Identities are compared by (device, inode), never by path strings.
public enum ReportWriter {
    public static func write(_ text: String, to path: String, applicantRoot: FileIdentity, applicantFiles: Set<FileIdentity>) throws(InputError) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty, name != ".", name != ".." else { throw InputError(file: path, "is not a file name") }

        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directoryDescriptor >= 0 else {
            throw InputError(file: path, "cannot write the report: the folder \(directory) cannot be opened (\(SafeFileReader.describe(errno: errno)))")
        }
        defer { close(directoryDescriptor) }
        if isInside(directoryDescriptor, root: applicantRoot) {
            throw InputError(file: path, "refusing to write a report inside the applicant folder; choose a path outside it")
        }
        var existing = stat()
        if fstatat(directoryDescriptor, name, &existing, AT_SYMLINK_NOFOLLOW) == 0 {
            if (existing.st_mode & S_IFMT) == S_IFDIR { throw InputError(file: path, "is a folder") }
            var target = stat()
            if fstatat(directoryDescriptor, name, &target, 0) == 0,
               applicantFiles.contains(FileIdentity(device: UInt64(target.st_dev), inode: UInt64(target.st_ino))) {
                throw InputError(file: path, "is (or links to) one of the applicant's files; refusing to overwrite it")
            }
        }

        let temporary = ".\(name).checkdocs-\(getpid()).tmp"
        let descriptor = openat(directoryDescriptor, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw InputError(file: path, "cannot write the report: \(SafeFileReader.describe(errno: errno))")
        }
        var failure: Int32 = 0
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            offset += written
        }
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure == 0, renameat(directoryDescriptor, temporary, directoryDescriptor, name) != 0 { failure = errno }
        if failure != 0 {
            unlinkat(directoryDescriptor, temporary, 0)
            throw InputError(file: path, "cannot write the report: \(SafeFileReader.describe(errno: failure)); any previous file is unchanged")
        }
        fsync(directoryDescriptor)
    }

    /// Whether the directory or any of its ancestors is the applicant folder.
    static func isInside(_ directory: Int32, root: FileIdentity) -> Bool {
        var current = dup(directory)
        var previous: FileIdentity?
        for _ in 0..<4096 {
            guard current >= 0 else { return false }
            var status = stat()
            guard fstat(current, &status) == 0 else { close(current); return false }
            let identity = FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
            if identity == root { close(current); return true }
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
