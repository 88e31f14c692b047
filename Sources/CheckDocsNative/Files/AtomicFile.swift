#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes one whole file atomically: a temporary beside it is written and flushed, then put in
/// place. Without `replace`, it is linked into place, which fails if the name exists, so an existing
/// file is never overwritten, even by a race; with `replace`, it is renamed over the old file.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], directory: String, name: String, replace: Bool) throws(InputError) {
        let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
        let folder = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { throw InputError(file: directory, "cannot open the folder: \(SafeFileReader.describe(errno: errno))") }
        defer { close(folder) }
        let temporary = ".\(name).checkdocs-\(getpid()).tmp"
        let descriptor = openat(folder, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw InputError(file: path, "cannot write: \(SafeFileReader.describe(errno: errno))") }
        var failure: Int32 = FileSystem.writeAll(bytes[...], to: descriptor) ?? 0
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure == 0 {
            if replace {
                if renameat(folder, temporary, folder, name) != 0 { failure = errno }
            } else if linkat(folder, temporary, folder, name, 0) != 0 {
                failure = errno
            }
        }
        // After a link, the temporary is a second name to remove; after a failure, the only one.
        if failure != 0 || !replace { unlinkat(folder, temporary, 0) }
        if failure == EEXIST { throw InputError(file: path, "already exists; not overwritten (use --force to replace it)") }
        if failure != 0 { throw InputError(file: path, "cannot write: \(SafeFileReader.describe(errno: failure)); any previous file is unchanged") }
        fsync(folder)
    }
}
