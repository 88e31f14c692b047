#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes one whole file atomically: a temporary beside it is written and flushed, then put in
/// place. Without `replace`, it is linked into place, which fails if the name exists, so an existing
/// file is never overwritten, even by a race; with `replace`, it is renamed over the old file.
/// `mode` is the new file's (less the umask): 0600 for the OCR cache, which holds passport numbers.
/// `durable: false` skips the two flushes (the file's and its folder's), for a cache entry that is
/// checked whole when read: after a crash it may be empty or torn, which its reader takes for a
/// miss, and a flush can cost more than what the entry saves (milliseconds on a laptop's disk,
/// against a millisecond of libmagic or poppler; docs/inspection.md, "Content types cache").
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], directory: String, name: String, replace: Bool, mode: mode_t = 0o644,
                             durable: Bool = true) throws(InputError) {
        let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
        let folder: Int32
        do {
            folder = try PendingFiles.shared.openDirectory(directory)
        } catch {
            throw InputError(file: directory, "cannot open the folder: \(error.description)")
        }
        defer { PendingFiles.shared.release(directory: folder) }
        // Registered, so a signal removes it: nothing but the manifest is ever left in the folder.
        let created: (PendingFiles.Temporary, descriptor: Int32)
        do {
            created = try PendingFiles.shared.create(in: folder, for: name, mode: mode)
        } catch {
            throw InputError(file: path, "cannot write: \(error.description)")
        }
        let (temporary, descriptor) = created
        var failure: Int32 = FileSystem.writeAll(bytes[...], to: descriptor) ?? 0
        if failure == 0, durable, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure == 0 {
            do {
                if replace {
                    try PendingFiles.shared.renameAll([temporary])
                } else {
                    try PendingFiles.shared.link(temporary)
                }
            } catch let error as PendingFiles.RenameFailure {
                failure = error.error.code
            } catch let error as SystemError {
                failure = error.code
            } catch {}
        }
        // After a link, the temporary is a second name to remove; after a failure, the only one.
        PendingFiles.shared.remove(temporary)
        if failure == EEXIST { throw InputError(file: path, "already exists; not overwritten (use --force to replace it)") }
        if failure != 0 { throw InputError(file: path, "cannot write: \(SafeFileReader.describe(errno: failure)); any previous file is unchanged") }
        if durable { PendingFiles.flush(directory: folder) }
    }
}
