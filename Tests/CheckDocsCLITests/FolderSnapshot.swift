import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The fingerprint of a folder tree (docs/security.md, "How the proof runs": folder unchanged): for
/// every entry, its raw path bytes, type, mode, size, mtime, symlink target and a hash of its
/// contents. Walked through directory descriptors, so names that are not UTF-8 and trees deeper
/// than PATH_MAX are fingerprinted too; FIFOs and sockets are never opened.
struct FolderSnapshot: Equatable {
    struct Entry: Equatable {
        var path: [UInt8]
        var type: UInt32
        var mode: UInt32
        var size: Int64
        var modified: timespec
        var link: [UInt8]
        var hash: UInt64

        static func == (a: Entry, b: Entry) -> Bool {
            a.path == b.path && a.type == b.type && a.mode == b.mode && a.size == b.size && a.link == b.link && a.hash == b.hash
                && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
        }

        var summary: String {
            "\(String(decoding: path, as: UTF8.self)) type=\(String(type, radix: 8)) mode=\(String(mode, radix: 8)) size=\(size) "
                + "mtime=\(modified.tv_sec).\(modified.tv_nsec) hash=\(hash)"
        }
    }

    var entries: [Entry] = []

    /// Files over this size are hashed by their first and last MiB (with size and mtime): a
    /// 100 GB sparse file must not be read whole.
    static let fullHashLimit: Int64 = 16 << 20

    init(_ root: String) {
        let descriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        var status = stat()
        fstat(descriptor, &status)
        entries.append(Entry(path: [], type: status.st_mode & S_IFMT, mode: status.st_mode & 0o7777, size: 0,
                             modified: status.st_mtim, link: [], hash: 0))
        walk(descriptor, prefix: [])
        entries.sort { $0.path.lexicographicallyPrecedes($1.path) }
    }

    /// What differs, one line per entry, for a readable failure message.
    func differences(from other: FolderSnapshot) -> [String] {
        let mine = Dictionary(entries.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let theirs = Dictionary(other.entries.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var lines: [String] = []
        for entry in entries where theirs[entry.path] == nil { lines.append("gone: " + entry.summary) }
        for entry in other.entries {
            if let before = mine[entry.path] {
                if before != entry { lines.append("changed: " + before.summary + " -> " + entry.summary) }
            } else {
                lines.append("new: " + entry.summary)
            }
        }
        return lines
    }

    private mutating func walk(_ directory: Int32, prefix: [UInt8]) {
        guard let stream = fdopendir(directory) else {
            close(directory)
            return
        }
        defer { closedir(stream) }
        var names: [[UInt8]] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
        let fd = dirfd(stream)
        for name in names {
            let path = prefix.isEmpty ? name : prefix + [0x2F] + name
            var cName = name.map { CChar(bitPattern: $0) } + [0]
            var status = stat()
            guard fstatat(fd, &cName, &status, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            let type = status.st_mode & S_IFMT
            var entry = Entry(path: path, type: type, mode: status.st_mode & 0o7777, size: Int64(status.st_size),
                              modified: status.st_mtim, link: [], hash: 0)
            switch type {
            case S_IFLNK:
                var buffer = [CChar](repeating: 0, count: 4096)
                let count = readlinkat(fd, &cName, &buffer, buffer.count)
                entry.link = count > 0 ? buffer.prefix(count).map { UInt8(bitPattern: $0) } : []
            case S_IFREG where status.st_size == 0:
                break  // nothing to hash; the size and mtime say it all
            case S_IFREG:
                entry.hash = Self.hash(openat(fd, &cName, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC), size: Int64(status.st_size))
            case S_IFDIR:
                let child = openat(fd, &cName, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if child >= 0 { entries.append(entry); walk(child, prefix: path); continue }
            default:
                break
            }
            entries.append(entry)
        }
    }

    /// FNV-1a over the contents (or both ends of a large file); closes the descriptor.
    private static func hash(_ descriptor: Int32, size: Int64) -> UInt64 {
        guard descriptor >= 0 else { return 1 }  // unreadable to the snapshot: a constant
        defer { close(descriptor) }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        func consume(from offset: Int64, upTo end: Int64) {
            var position = offset
            while position < end {
                let wanted = Int(min(Int64(buffer.count), end - position))
                let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, wanted, off_t(position)) }
                guard count > 0 else { return }
                for byte in buffer.prefix(count) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
                position += Int64(count)
            }
        }
        if size <= fullHashLimit {
            consume(from: 0, upTo: size)
        } else {
            consume(from: 0, upTo: 1 << 20)
            consume(from: size - (1 << 20), upTo: size)
        }
        return hash
    }
}

/// A throwaway place for one hostile run: `folder` is the applicant folder, `outside` holds a
/// canary file whose unique content must never appear in any output, and `runChecked` enforces
/// the invariants after every run: the folder's and the outside's fingerprints are unchanged,
/// nothing new appeared, the canary is never echoed, no crash (exit ≥ 128), no timeout.
struct Sandbox {
    let base: String
    let folder: String
    let outside: String
    /// Where reports go: outside the applicant folder and apart from the canary.
    let reports: String
    /// Hostile program descriptions and other inputs that are not the applicant's.
    let inputs: String
    let canary = "CANARY-" + UUID().uuidString
    var canaryPath: String { outside + "/secret.pdf" }

    /// `inMemory`: on /dev/shm when there is one, for tests that make many files.
    init(inMemory: Bool = false) throws {
        let shm = "/dev/shm/"
        let parent = inMemory && access(shm, W_OK) == 0 ? shm : NSTemporaryDirectory()
        base = parent + "checkdocs-adversarial-" + UUID().uuidString
        folder = base + "/applicant"
        outside = base + "/outside"
        reports = base + "/reports"
        inputs = base + "/inputs"
        for path in [base, folder, outside, reports, inputs] { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        // Traversable by the unprivileged user that some tests run the binary as.
        chmod(base, 0o755)
        try Data(canary.utf8).write(to: URL(fileURLWithPath: canaryPath))
    }

    /// Removes everything, however deep, with whatever modes the test left.
    func remove() {
        _ = try? CLITests.run(["-R", "u+rwx", base], binary: "/bin/chmod")
        _ = try? CLITests.run(["-rf", base], binary: "/bin/rm")
    }

    @discardableResult
    func file(_ relative: String, _ contents: String? = nil) throws -> String {
        let path = folder + "/" + relative
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Self.sample(relative, contents).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The given text; by default a real one-page PDF for a `.pdf` name (every candidate gets the
    /// baseline check: a PDF must be one and must open) and "scan" for any other name.
    static func sample(_ name: String, _ contents: String?) -> Data {
        if let contents { return Data(contents.utf8) }
        if name.lowercased().hasSuffix(".pdf") { return samplePDF }
        return Data("scan".utf8)
    }

    static let samplePDF = FileManager.default.contents(atPath: CLITests.root + "/samples/applicants/ready/CV_2026.pdf")!

    /// Memory bound for every run: 512 MiB of address space (docs/security.md, "How the proof
    /// runs").
    static let prlimit = ["/usr/bin/prlimit", "--as=\(512 << 20)", "--"]
    /// Runs the binary as nobody when the tests run as root; nil when that is not possible: no
    /// setpriv, or nobody cannot reach the binary (a clone under /root, say).
    static let unprivileged: [String]? = {
        if geteuid() != 0 { return [] }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return nil }
        let launcher = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"]
        guard let probe = try? CLITests.run(["--version"], directory: "/", timeout: 10, launcher: launcher), probe.status == 0 else { return nil }
        return launcher
    }()
    static let canDropPrivileges = unprivileged != nil

    /// Runs checkdocs under the time and memory bounds and checks every invariant.
    @discardableResult
    func runChecked(_ arguments: [String], timeout: Double = 10, unprivileged: Bool = false, directory: String = CLITests.root,
                    reportFiles: [String] = [], environment: [String: String] = [:],
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> CLITests.Run {
        let before = FolderSnapshot(folder), outsideBefore = FolderSnapshot(outside)
        var launcher = FileManager.default.isExecutableFile(atPath: Self.prlimit[0]) ? Self.prlimit : []
        if unprivileged { launcher += try #require(Self.unprivileged, "no way to drop privileges", sourceLocation: sourceLocation) }
        let run = try CLITests.run(arguments, directory: directory, timeout: timeout, launcher: launcher, environment: environment)
        #expect(!run.timedOut, "timed out after \(timeout) s: \(arguments)", sourceLocation: sourceLocation)
        #expect(run.status < 128, "crashed with \(run.status): \(run.stderr.prefix(500))", sourceLocation: sourceLocation)
        #expect(!run.stderr.contains("Fatal error"), "trap: \(run.stderr.prefix(500))", sourceLocation: sourceLocation)
        let after = FolderSnapshot(folder)
        #expect(before == after, "the applicant folder changed: \(before.differences(from: after).prefix(5))", sourceLocation: sourceLocation)
        let outsideAfter = FolderSnapshot(outside)
        #expect(outsideBefore == outsideAfter,
                "the outside folder changed: \(outsideBefore.differences(from: outsideAfter).prefix(5))", sourceLocation: sourceLocation)
        #expect(!run.stdout.contains(canary) && !run.stderr.contains(canary), "the canary leaked", sourceLocation: sourceLocation)
        for report in reportFiles {
            if run.status == 2 || run.status == 64 {
                #expect(!FileManager.default.fileExists(atPath: report), "exit \(run.status) left \(report) behind", sourceLocation: sourceLocation)
            } else if let data = FileManager.default.contents(atPath: report) {
                #expect(!String(decoding: data, as: UTF8.self).contains(canary), "the canary leaked into \(report)", sourceLocation: sourceLocation)
            }
        }
        return run
    }
}
