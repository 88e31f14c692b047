#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where one report goes. Nothing becomes visible until the run's `ReportCommit` commits: a file
/// is written to a temporary beside it (registered with `PendingFiles`, so a signal removes it),
/// and renamed into place with the run's other outputs; standard output is spooled to an
/// unlinked temporary file and copied out at the end. So a run that ends in an error leaves no
/// report, and a catalog of any size never needs its report in memory.
///
/// A file inside the applicant folder, or on top of one of its files, is refused (docs/security.md,
/// promise 1: the folder is never changed). Identities are compared by (device, inode), never by path strings; a folder whose
/// ancestors cannot all be examined is refused too. A path that is a device or a pipe
/// (`/dev/null`, `/dev/stdout`), or names one of the process's open descriptors (`/dev/stdout`
/// when standard output is a file), is written to directly: replacing it would be wrong.
public final class ReportDestination {
    private enum Mode {
        /// Standard output, spooled until commit.
        case spool
        /// A regular file: the temporary in the folder it goes in, renamed at commit.
        case replace(PendingFiles.Temporary)
        /// A device or pipe, written as we go.
        case direct
    }

    private enum State { case writing, written, done }

    let path: String
    private let descriptor: Int32
    private let mode: Mode
    private var state = State.writing
    private var writeBack = WriteBack()

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

    /// The descriptor number `path` names: `/dev/stdout` (1), `/dev/stderr` (2), `/dev/fd/N`,
    /// `/proc/self/fd/N`, or a symbolic link (through a chain of them) to one of those.
    static func openDescriptor(named path: String) -> Int32? {
        func number(_ text: String) -> Int32? {
            switch text {
            case "/dev/stdout": return 1
            case "/dev/stderr": return 2
            default:
                for prefix in ["/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/", "/proc/\(getpid())/fd/"] where text.hasPrefix(prefix) {
                    let digits = text.dropFirst(prefix.count)
                    guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
                    return Int32(digits)
                }
                return nil
            }
        }
        if let found = number(path) { return found }
        // A chain of links, relative ones too, is followed to at most 16 hops.
        func link(_ path: String) -> String? {
            var buffer = [CChar](repeating: 0, count: 4096)
            let length = readlink(path, &buffer, buffer.count - 1)
            guard length > 0 else { return nil }
            let target = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if target.hasPrefix("/") { return target }
            return split(path).directory + "/" + target
        }
        var current = path
        for _ in 0..<16 {
            guard let next = link(current) else { return nil }
            if let found = number(next) { return found }
            current = next
        }
        return nil
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

    /// How long a FIFO given as a report path may go without a reader, in milliseconds.
    static let fifoReaderWait = 5_000

    /// Whether `path`, its links followed, names an entry of a folder inside one of `roots`.
    private static func resolvesInside(_ path: String, roots: Set<FileIdentity>) -> Bool {
        guard !roots.isEmpty, let resolved = realpath(path, nil) else { return false }
        defer { free(resolved) }
        let real = String(cString: resolved)
        let parent = real.lastIndex(of: "/").map { String(real[..<$0]) } ?? "."
        let descriptor = open(parent.isEmpty ? "/" : parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return FileSystem.containment(of: descriptor, in: roots) == .inside
    }

    /// A report file refused inside any of `applicantRoots` (a batch run has many folders).
    public static func file(_ path: String, applicantRoots: Set<FileIdentity>, applicantFiles: Set<FileIdentity>) throws(InputError) -> ReportDestination {
        let (directory, name) = split(path)
        guard !name.isEmpty, name != ".", name != ".." else { throw InputError(file: path, "is not a file name") }

        let directoryDescriptor: Int32
        do {
            directoryDescriptor = try PendingFiles.shared.openDirectory(directory)
        } catch {
            throw InputError(file: path, "cannot write the report: the folder \(directory) cannot be opened (\(error.description))")
        }
        var keep = false
        defer { if !keep { PendingFiles.shared.release(directory: directoryDescriptor) } }
        switch FileSystem.containment(of: directoryDescriptor, in: applicantRoots) {
        case .inside:
            // A batch's folders are all refused: the report of one may not land in another.
            let which = applicantRoots.count > 1 ? "one of the applicant folders; choose a path outside them" : "the applicant folder; choose a path outside it"
            throw InputError(file: path, "refusing to write a report inside " + which)
        case let .unknown(reason):
            throw InputError(file: path, "cannot tell whether the report would be inside the applicant folder: \(reason); choose a path outside it")
        case .outside:
            break
        }
        // A name for one of this process's open descriptors (`/dev/stdout`, `/dev/fd/3`, or a link
        // to one): written through that descriptor, never replaced. With standard output sent to
        // a file, `/dev/stdout` is a link to that file, and a rename would replace the link.
        if let number = openDescriptor(named: path) {
            // A closed stdout was reserved on /dev/null at start (StandardStreams): still closed.
            if number == 1, StandardStreams.outputClosed { throw StandardStreams.closedOutputError }
            var target = stat()
            guard fstat(number, &target) == 0 else { throw InputError(file: path, "cannot write the report: descriptor \(number) is not open") }
            if applicantFiles.contains(FileIdentity(device: UInt64(target.st_dev), inode: UInt64(target.st_ino))) {
                throw InputError(file: path, "is (or links to) one of the applicant's files; refusing to overwrite it")
            }
            let descriptor = fcntl(number, F_DUPFD_CLOEXEC, 3)
            guard descriptor >= 0 else { throw InputError(file: path, "cannot write the report: \(SafeFileReader.describe(errno: errno))") }
            return ReportDestination(path: path, descriptor: descriptor, mode: .direct)
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
                    // One inside an applicant folder, reached by a link (a hidden FIFO the scan
                    // never listed, so not among the applicant's files), is the applicant's too.
                    if Self.resolvesInside(path, roots: applicantRoots) {
                        throw InputError(file: path, "links to a FIFO or device inside the applicant folder; refusing to write to it")
                    }
                    // A FIFO nobody reads would block the open for ever: opened without waiting,
                    // it fails (ENXIO) until a reader comes, for a few seconds, and is then
                    // written as any device is.
                    var descriptor = openat(directoryDescriptor, name, O_WRONLY | O_CLOEXEC | (kind == S_IFIFO ? O_NONBLOCK : 0))
                    var waited = 0
                    while descriptor < 0, kind == S_IFIFO, errno == ENXIO, waited < Self.fifoReaderWait {
                        usleep(50_000)
                        waited += 50
                        descriptor = openat(directoryDescriptor, name, O_WRONLY | O_CLOEXEC | O_NONBLOCK)
                    }
                    guard descriptor >= 0 else {
                        let reason = kind == S_IFIFO && errno == ENXIO ? "no program is reading the FIFO" : SafeFileReader.describe(errno: errno)
                        throw InputError(file: path, "cannot write the report: \(reason)")
                    }
                    if kind == S_IFIFO { _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK) }
                    return ReportDestination(path: path, descriptor: descriptor, mode: .direct)
                }
            }
        }
        let created: (PendingFiles.Temporary, descriptor: Int32)
        do {
            created = try PendingFiles.shared.create(in: directoryDescriptor, for: name)
        } catch {
            throw InputError(file: path, "cannot write the report: \(error.description)")
        }
        keep = true
        return ReportDestination(path: path, descriptor: created.descriptor, mode: .replace(created.0))
    }

    /// The spool goes in $TMPDIR, or /tmp when $TMPDIR is (or may be) inside an applicant folder:
    /// nothing, not even an unlinked temporary, is ever written there. A closed stdout is refused.
    public static func standardOutput(applicantRoots: Set<FileIdentity> = []) throws(InputError) -> ReportDestination {
        guard !StandardStreams.outputClosed else { throw StandardStreams.closedOutputError }
        var base = ProcessEnvironment.temporaryDirectory
        let baseDescriptor = open(base, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if baseDescriptor >= 0 {
            if FileSystem.containment(of: baseDescriptor, in: applicantRoots) != .outside { base = "/tmp" }
            close(baseDescriptor)
        }
        // Unlinked at once: nothing of the applicant's is left behind, whatever happens next.
        switch FileSystem.unlinkedTemporary(in: base, prefix: "checkdocs-stdout-") {
        case let .success(descriptor):
            return ReportDestination(path: "<stdout>", descriptor: descriptor, mode: .spool)
        case let .failure(error):
            throw InputError(file: "<stdout>", "cannot create a temporary file in \(base): \(SafeFileReader.describe(errno: error.code))")
        }
    }

    public func write(_ bytes: [UInt8]) throws(InputError) {
        if let failure = FileSystem.writeAll(bytes[...], to: descriptor) {
            throw InputError(file: path, "cannot write the report: \(SafeFileReader.describe(errno: failure))")
        }
        // A temporary is flushed at `finish`: its write-back starts as it is written.
        if case .replace = mode { writeBack.wrote(bytes.count, to: descriptor) }
    }

    /// Whether this report goes to standard output (copied out at commit).
    var isStandardOutput: Bool {
        if case .spool = mode { return true }
        return false
    }

    /// The temporary to rename at commit, once written; nil for stdout, devices and dropped reports.
    var pendingTemporary: PendingFiles.Temporary? {
        guard state == .written, case let .replace(temporary) = mode else { return nil }
        return temporary
    }

    var isDiscarded: Bool { state == .done }

    /// Ends the writing: a temporary is flushed to disk and closed (its descriptor freed: a batch
    /// may hold thousands until the commit). Nothing becomes visible.
    public func finish() throws(InputError) {
        guard state == .writing else { return }
        var failure: Int32 = 0
        switch mode {
        case .spool:
            break
        case .direct:
            if close(descriptor) != 0 { failure = errno }
        case .replace:
            failure = writeBack.sync(descriptor)
            if close(descriptor) != 0, failure == 0 { failure = errno }
        }
        state = .written
        if failure != 0 {
            throw InputError(file: path, "cannot write the report: \(SafeFileReader.describe(errno: failure)); any previous file is unchanged")
        }
    }

    /// Copies the spool to stdout. A closed pipe (`| head`) is the reader's choice: it stops
    /// quietly. A full disk does not.
    func copyToStandardOutput() throws(InputError) {
        guard case .spool = mode, state != .done else { return }
        if let failure = FileSystem.copyAll(from: descriptor, to: STDOUT_FILENO) {
            throw InputError(file: path, "cannot write the report: \(SafeFileReader.describe(errno: failure))")
        }
    }

    /// After the commit renamed the temporary (or copied the spool): only descriptors to let go.
    func committed() {
        guard state != .done else { return }
        if state == .writing {
            _ = writeBack.settle()
            close(descriptor)
        }
        if case .spool = mode, state == .written { close(descriptor) }
        state = .done
        if case let .replace(temporary) = mode { PendingFiles.shared.release(directory: temporary.directory) }
    }

    /// Drops the report: the temporary goes, any previous file at the path is unchanged.
    public func discard() {
        guard state != .done else { return }
        // No early flush may still use the descriptor when it is closed (and perhaps reused).
        if state == .writing { _ = writeBack.settle() }
        if state == .writing || isStandardOutput { close(descriptor) }
        state = .done
        if case let .replace(temporary) = mode {
            PendingFiles.shared.remove(temporary)
            PendingFiles.shared.release(directory: temporary.directory)
        }
    }
}

enum ProcessEnvironment {
    static var temporaryDirectory: String {
        if let value = getenv("TMPDIR"), value.pointee != 0 { return String(cString: value) }
        return "/tmp"
    }
}
