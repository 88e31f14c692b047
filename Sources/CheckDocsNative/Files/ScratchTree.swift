#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Throwaway file trees for the folder-scan fuzz target (docs/security.md, "Fuzzing"): made
/// from raw-byte names through directory descriptors (so names of any bytes and any depth work),
/// photographed entry by entry without following a link or opening a FIFO, and removed without
/// following a link. Not part of the library's API: only `@_spi(Fuzzing)` sees it.
@_spi(Fuzzing) public enum ScratchTree {
    public enum Kind: Hashable, Sendable { case directory, file, symlink, fifo, other }

    /// One entry to make: in the tree's root (`parent` nil) or in an earlier directory entry.
    public struct Node: Sendable {
        public var parent: Int?
        public var name: [UInt8]
        public var kind: Kind
        /// A file's bytes, or a link's target.
        public var data: [UInt8]

        public init(parent: Int?, name: [UInt8], kind: Kind, data: [UInt8] = []) {
            self.parent = parent
            self.name = name
            self.kind = kind
            self.data = data
        }
    }

    /// What an entry is, as far as "did anything change" can tell: type, mode, size, identity,
    /// modification and change times, a file's bytes and a link's target.
    public struct Entry: Hashable, Sendable {
        public var kind: Kind
        public var mode: UInt32
        public var size: Int64
        public var device: UInt64
        public var inode: UInt64
        public var modified: [Int]
        public var changed: [Int]
        public var data: [UInt8]
    }

    /// A fresh private folder under the temporary directory; nil if none can be made.
    public static func makeBase() -> String? {
        let parent = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((parent + "/checkdocs-fuzz-XXXXXX").utf8CString)
        return template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let made = mkdtemp(buffer.baseAddress!) else { return nil }
            return String(cString: made)
        }
    }

    /// Makes `path` (a new folder) and the nodes in it, best effort: a node whose name the file
    /// system refuses (too long, say) or whose parent is not a folder is left out. The caller
    /// photographs the result rather than trusting the plan. Returns how many nodes were made.
    @discardableResult
    public static func build(_ nodes: [Node], at path: String) -> Int {
        guard mkdir(path, 0o755) == 0 else { return 0 }
        let root = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { return 0 }
        var folders: [Int: Int32] = [:]
        defer {
            close(root)
            for descriptor in folders.values { close(descriptor) }
        }
        var made = 0
        for (index, node) in nodes.enumerated() {
            let parent: Int32
            if let index = node.parent {
                guard let descriptor = folders[index] else { continue }
                parent = descriptor
            } else {
                parent = root
            }
            guard !node.name.isEmpty, !node.name.contains(0), !node.name.contains(UInt8(ascii: "/")) else { continue }
            let ok: Bool = withCString(node.name) { name in
                switch node.kind {
                case .directory:
                    guard mkdirat(parent, name, 0o755) == 0 else { return false }
                    let descriptor = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                    if descriptor >= 0 { folders[index] = descriptor }
                    return true
                case .file:
                    let descriptor = openat(parent, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
                    guard descriptor >= 0 else { return false }
                    defer { close(descriptor) }
                    return FileSystem.writeAll(node.data[...], to: descriptor) == nil
                case .symlink:
                    return withCString(node.data) { symlinkat($0, parent, name) == 0 }
                case .fifo:
                    return mkfifoat(parent, name, 0o644) == 0
                case .other:
                    return false
                }
            }
            if ok { made += 1 }
        }
        return made
    }

    /// Every entry under `path` (hidden ones included), by its path relative to `path` with `/`
    /// between raw names. Links are read, never followed; only regular files are opened (read
    /// only, non-blocking, up to `limit` bytes each).
    public static func snapshot(_ path: String, limit: Int = 65536) -> [[UInt8]: Entry] {
        var entries: [[UInt8]: Entry] = [:]
        let root = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard root >= 0 else { return entries }
        walk(root, prefix: [], limit: limit, into: &entries)
        return entries
    }

    /// Removes `path` and everything under it; links are removed, not followed.
    public static func remove(_ path: String) {
        let parent = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard parent >= 0 else { return }
        defer { close(parent) }
        removeEntry(parent, Array(path.utf8))
    }

    // MARK: - Private

    private static func withCString<R>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
        var terminated = bytes + [0]
        return terminated.withUnsafeMutableBufferPointer {
            $0.baseAddress!.withMemoryRebound(to: CChar.self, capacity: $0.count) { body($0) }
        }
    }

    private static func names(in directory: Int32) -> [[UInt8]] {
        let duplicate = dup(directory)
        guard duplicate >= 0, let stream = fdopendir(duplicate) else {
            if duplicate >= 0 { close(duplicate) }
            return []
        }
        defer { closedir(stream) }
        var names: [[UInt8]] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            names.append(name)
        }
        return names.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// Consumes (closes) `directory`.
    private static func walk(_ directory: Int32, prefix: [UInt8], limit: Int, into entries: inout [[UInt8]: Entry]) {
        defer { close(directory) }
        for name in names(in: directory) {
            let path = prefix.isEmpty ? name : prefix + [UInt8(ascii: "/")] + name
            var status = stat()
            guard withCString(name, { fstatat(directory, $0, &status, AT_SYMLINK_NOFOLLOW) }) == 0 else { continue }
            var entry = Entry(kind: .other, mode: UInt32(status.st_mode), size: Int64(status.st_size),
                              device: UInt64(status.st_dev), inode: UInt64(status.st_ino),
                              modified: [Int(status.st_mtim.tv_sec), Int(status.st_mtim.tv_nsec)],
                              changed: [Int(status.st_ctim.tv_sec), Int(status.st_ctim.tv_nsec)], data: [])
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                entry.kind = .directory
                let child = withCString(name) { openat(directory, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
                if child >= 0 { walk(child, prefix: path, limit: limit, into: &entries) }
            case S_IFREG:
                entry.kind = .file
                let file = withCString(name) { openat(directory, $0, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC) }
                if file >= 0 {
                    entry.data = [UInt8](repeating: 0, count: limit)
                    let count = entry.data.withUnsafeMutableBytes { read(file, $0.baseAddress!, limit) }
                    entry.data.removeSubrange(max(count, 0)...)
                    close(file)
                }
            case S_IFLNK:
                entry.kind = .symlink
                var target = [UInt8](repeating: 0, count: 4096)
                let count = withCString(name) { name in
                    target.withUnsafeMutableBytes { readlinkat(directory, name, $0.baseAddress!.assumingMemoryBound(to: CChar.self), $0.count) }
                }
                entry.data = Array(target.prefix(max(count, 0)))
            case S_IFIFO:
                entry.kind = .fifo
            default:
                break
            }
            entries[path] = entry
        }
    }

    /// Removes `name` in `parent`: a folder's content first.
    private static func removeEntry(_ parent: Int32, _ name: [UInt8]) {
        withCString(name) { cName in
            if unlinkat(parent, cName, 0) == 0 { return }
            let directory = openat(parent, cName, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard directory >= 0 else { return }
            for child in names(in: directory) { removeEntry(directory, child) }
            close(directory)
            unlinkat(parent, cName, AT_REMOVEDIR)
        }
    }
}
