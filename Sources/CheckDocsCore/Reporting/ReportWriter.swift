#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes report files atomically (temp file, fsync, rename, fsync the folder) and refuses any
/// destination inside the applicant folder or on top of one of its files (reliability.md §5).
/// Identities are compared by (device, inode), never by path strings.
public enum ReportWriter {
    public static func write(_ text: String, to path: String, applicantRoot: FileIdentity, applicantFiles: Set<FileIdentity>) throws(InputError) {
        try writeAll([(text, path)], applicantRoot: applicantRoot, applicantFiles: applicantFiles)
    }

    /// All or nothing: every report is first written to a temporary file beside its destination;
    /// only when all of them are written are they renamed into place. A refused or failed
    /// destination therefore leaves no report behind, and every previous file unchanged.
    public static func writeAll(_ reports: [(text: String, path: String)], applicantRoot: FileIdentity,
                                applicantFiles: Set<FileIdentity>) throws(InputError) {
        var staged: [Staged] = []
        defer { for item in staged { close(item.directory) } }
        do throws(InputError) {
            for (index, report) in reports.enumerated() {
                let item = try stage(report.text, to: report.path, index: index, applicantRoot: applicantRoot, applicantFiles: applicantFiles)
                staged.append(item)
                if staged.dropLast().contains(where: { $0.directoryIdentity == item.directoryIdentity && $0.name == item.name }) {
                    throw InputError(file: report.path, "is given for two reports; give each report its own file")
                }
            }
            for (index, item) in staged.enumerated() where renameat(item.directory, item.temporary, item.directory, item.name) != 0 {
                let code = errno
                for pending in staged[index...] { unlinkat(pending.directory, pending.temporary, 0) }
                throw InputError(file: item.path, "cannot write the report: \(SafeFileReader.describe(errno: code)); any previous file is unchanged")
            }
        } catch {
            for item in staged { unlinkat(item.directory, item.temporary, 0) }
            throw error
        }
        for item in staged { fsync(item.directory) }
    }

    /// A report written and flushed to its temporary file, waiting to be renamed.
    private struct Staged {
        var path: String
        var directory: Int32
        var directoryIdentity: FileIdentity
        var name: String
        var temporary: String
    }

    private static func stage(_ text: String, to path: String, index: Int, applicantRoot: FileIdentity,
                              applicantFiles: Set<FileIdentity>) throws(InputError) -> Staged {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty, name != ".", name != ".." else { throw InputError(file: path, "is not a file name") }

        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directoryDescriptor >= 0 else {
            throw InputError(file: path, "cannot write the report: the folder \(directory) cannot be opened (\(SafeFileReader.describe(errno: errno)))")
        }
        var keep = false
        defer { if !keep { close(directoryDescriptor) } }
        var folder = stat()
        fstat(directoryDescriptor, &folder)
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

        let temporary = ".\(name).checkdocs-\(getpid())-\(index).tmp"
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
        if failure != 0 {
            unlinkat(directoryDescriptor, temporary, 0)
            throw InputError(file: path, "cannot write the report: \(SafeFileReader.describe(errno: failure)); any previous file is unchanged")
        }
        keep = true
        return Staged(path: path, directory: directoryDescriptor,
                      directoryIdentity: FileIdentity(device: UInt64(folder.st_dev), inode: UInt64(folder.st_ino)),
                      name: name, temporary: temporary)
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
