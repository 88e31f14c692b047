#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files only their owner may read, in a directory only its owner may enter: the OCR cache
/// (docs/security.md, "The OCR cache"), which holds names and passport numbers. Directories are
/// made 0700 whatever the umask, files 0600 (narrower only by a stricter umask); a file is written to a temporary beside it,
/// flushed, and renamed into place, so a reader sees the old entry or the new one, never half.
public enum PrivateFiles {
    /// Makes `path` and its missing parents (each new one 0700). An existing final directory that
    /// is a link, or not a directory, or not owned by this user, is refused: the cache is never
    /// put where another user could read it. An existing one of ours is narrowed to 0700.
    public static func makeDirectory(_ path: String) -> SystemError? {
        guard path.hasPrefix("/") else { return SystemError(code: EINVAL) }
        var prefix = ""
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0, errno != EEXIST { return SystemError(code: errno) }
        }
        var status = stat()
        guard lstat(path, &status) == 0 else { return SystemError(code: errno) }
        guard (status.st_mode & S_IFMT) == S_IFDIR, status.st_uid == geteuid() else { return SystemError(code: ENOTDIR) }
        if status.st_mode & 0o777 != 0o700, chmod(path, 0o700) != 0 { return SystemError(code: errno) }
        return nil
    }

    /// Writes `bytes` as `directory/name`, mode 0600, replacing any file of that name atomically
    /// (AtomicFile: the temporary is registered, so a signal removes it); `durable: false` for an
    /// entry its reader checks whole (AtomicFile).
    public static func write(_ bytes: [UInt8], directory: String, name: String, durable: Bool = true) -> InputError? {
        do {
            try AtomicFile.write(bytes, directory: directory, name: name, replace: true, mode: 0o600, durable: durable)
            return nil
        } catch {
            return error
        }
    }

    /// The whole of `directory/name` when it is a regular file (no link followed) of at most
    /// `limit` bytes; nil otherwise.
    public static func read(directory: String, name: String, limit: Int) -> [UInt8]? {
        let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
        return try? SafeFileReader.read(path, limit: limit)
    }

    /// Removes every regular file and link directly in `directory` (not what is below a
    /// subdirectory); returns how many were removed, or the error that stopped it. A missing
    /// directory has nothing to remove.
    public static func removeFiles(in directory: String) -> Result<Int, SystemError> {
        let folder = open(directory, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0 else { return errno == ENOENT ? .success(0) : .failure(SystemError(code: errno)) }
        defer { close(folder) }
        guard case let .success(handle) = Directory.open(directory) else { return .failure(SystemError(code: EIO)) }
        var removed = 0
        for name in handle.names() {
            guard case let .success(entry) = handle.entry(name), entry.kind == .regular || entry.kind == .symlink else { continue }
            let result = name.withUnsafeBufferPointer { buffer -> Int32 in
                var terminated = Array(buffer)
                terminated.append(0)
                return terminated.withUnsafeBufferPointer {
                    $0.baseAddress!.withMemoryRebound(to: CChar.self, capacity: $0.count) { unlinkat(folder, $0, 0) }
                }
            }
            if result != 0 { return .failure(SystemError(code: errno)) }
            removed += 1
        }
        return .success(removed)
    }
}
