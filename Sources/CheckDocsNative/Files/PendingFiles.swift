#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import class Foundation.NSLock

/// An errno from a system call.
public struct SystemError: Error, Sendable {
    public var code: Int32
    public var description: String { SafeFileReader.describe(errno: code) }
}

/// The hidden temporaries of the run's outputs, written beside their destinations and renamed
/// into place together. Every temporary is registered here from the moment it is created until
/// it is renamed or removed, so a SIGINT, SIGTERM or SIGHUP removes them all before the process
/// exits (docs/security.md, promise 7). Directories are opened once each and shared, so a batch
/// with a report per folder holds one descriptor per report directory, not one per report.
public final class PendingFiles: @unchecked Sendable {
    public static let shared = PendingFiles()

    /// A temporary file: where it is, its name there, and the name it is to be renamed to.
    public struct Temporary: Hashable, Sendable {
        fileprivate let id: Int
        public let directory: Int32
        public let name: String
        public let destination: String
    }

    private let lock = NSLock()
    private var temporaries: [Int: Temporary] = [:]
    private var nextID = 0
    /// Shared directory descriptors by identity, with how many users hold each.
    private var directories: [FileIdentity: (descriptor: Int32, users: Int)] = [:]
    private var identities: [Int32: FileIdentity] = [:]

    /// Opens `path` as a directory to write in (read-only descriptor, as `fsync` needs), or
    /// returns the descriptor already open for the same directory. Give it back with `release`.
    public func openDirectory(_ path: String) throws(SystemError) -> Int32 {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SystemError(code: errno) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            throw SystemError(code: code)
        }
        let identity = FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
        lock.lock()
        defer { lock.unlock() }
        if let shared = directories[identity] {
            close(descriptor)
            directories[identity] = (shared.descriptor, shared.users + 1)
            return shared.descriptor
        }
        directories[identity] = (descriptor, 1)
        identities[descriptor] = identity
        return descriptor
    }

    /// Gives back a descriptor from `openDirectory`; the last user closes it.
    public func release(directory descriptor: Int32) {
        lock.lock()
        defer { lock.unlock() }
        guard let identity = identities[descriptor], let shared = directories[identity] else { return }
        if shared.users > 1 {
            directories[identity] = (descriptor, shared.users - 1)
        } else {
            directories[identity] = nil
            identities[descriptor] = nil
            close(descriptor)
        }
    }

    /// Creates a new temporary for `name` in `directory`, open for writing, with `mode` (less the
    /// umask); it is registered before anyone else can see it, so a signal can never leave it
    /// behind unnoticed.
    public func create(in directory: Int32, for name: String, mode: mode_t = 0o644) throws(SystemError) -> (Temporary, descriptor: Int32) {
        let temporaryName = Self.temporaryName(for: name)
        lock.lock()
        defer { lock.unlock() }
        let descriptor = openat(directory, temporaryName, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw SystemError(code: errno) }
        nextID += 1
        let temporary = Temporary(id: nextID, directory: directory, name: temporaryName, destination: name)
        temporaries[temporary.id] = temporary
        return (temporary, descriptor)
    }

    /// Removes a temporary that will not be used.
    public func remove(_ temporary: Temporary) {
        lock.lock()
        defer { lock.unlock() }
        guard temporaries.removeValue(forKey: temporary.id) != nil else { return }
        unlinkat(temporary.directory, temporary.name, 0)
    }

    /// Renames every temporary to its destination, under the lock, so a signal arriving meanwhile
    /// is handled after the last rename (every report in place) and never between two. The first
    /// failure stops the renames and is thrown with the temporary it happened on; the temporaries
    /// not yet renamed stay registered (the caller removes them).
    public func renameAll(_ all: [Temporary]) throws(RenameFailure) {
        lock.lock()
        defer { lock.unlock() }
        for temporary in all {
            if renameat(temporary.directory, temporary.name, temporary.directory, temporary.destination) != 0 {
                throw RenameFailure(temporary: temporary, error: SystemError(code: errno))
            }
            temporaries[temporary.id] = nil
        }
    }

    /// Links a temporary to its destination, which must not exist (`init` never overwrites).
    public func link(_ temporary: Temporary) throws(SystemError) {
        lock.lock()
        defer { lock.unlock() }
        guard linkat(temporary.directory, temporary.name, temporary.directory, temporary.destination, 0) == 0 else {
            throw SystemError(code: errno)
        }
    }

    /// Flushes a folder's entries (the renames in it) to disk.
    public static func flush(directory: Int32) { fsync(directory) }

    public struct RenameFailure: Error {
        public var temporary: Temporary
        public var error: SystemError
    }

    /// The hidden name beside `name`: `.NAME.checkdocs-PID.tmp`, or, when that would be longer
    /// than a file name may be (NAME_MAX, 255 bytes; the report's own name may be that long),
    /// `.checkdocs-PID-HASH.tmp` with a hash of the name. Either way it is in the same folder, so
    /// the rename stays atomic.
    static func temporaryName(for name: String) -> String {
        let plain = ".\(name).checkdocs-\(getpid()).tmp"
        if plain.utf8.count <= 255 { return plain }
        let hex = String(ByteWords.fnv1a(name.utf8), radix: 16)
        return ".checkdocs-\(getpid())-\(String(repeating: "0", count: 16 - hex.count) + hex).tmp"
    }

    // MARK: Signals

    /// Makes SIGINT, SIGTERM and SIGHUP remove every registered temporary and then exit with
    /// 128 + the signal. The signals are blocked in the calling thread before any other thread
    /// exists (every thread inherits the mask) and taken by `sigwait` on a thread of their own:
    /// the clean-up runs as ordinary code, not in a signal handler, and takes the same lock as
    /// `create` and `renameAll`. A signal that was ignored when checkdocs started (`nohup`, a
    /// background job) stays ignored. Call once, first thing in `main`.
    public static func removeOnSignals() {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in [SIGINT, SIGTERM, SIGHUP] where !isIgnored(signal) { sigaddset(&set, signal) }
        pthread_sigmask(SIG_BLOCK, &set, nil)
        handledSignals = set
        var thread = pthread_t()
        let created = pthread_create(&thread, nil, { _ in
            var set = PendingFiles.handledSignals
            var signal: Int32 = 0
            while sigwait(&set, &signal) != 0 {}
            PendingFiles.shared.removeAllAndExit(signal: signal)
        }, nil)
        if created == 0 {
            pthread_detach(thread)
        } else {
            pthread_sigmask(SIG_UNBLOCK, &set, nil)  // no thread to take them: the default action, as before
        }
    }

    nonisolated(unsafe) private static var handledSignals = sigset_t()

    private static func isIgnored(_ signal: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(signal, nil, &current) == 0 else { return false }
        #if canImport(Glibc)
        let handler = current.__sigaction_handler.sa_handler
        #else
        let handler = current.__sigaction_u.__sa_handler
        #endif
        return handler.map { unsafeBitCast($0, to: Int.self) == 1 } ?? false  // SIG_IGN is 1
    }

    /// Never returns and never unlocks: no temporary can be created or renamed after this.
    private func removeAllAndExit(signal: Int32) -> Never {
        lock.lock()
        for temporary in temporaries.values { unlinkat(temporary.directory, temporary.name, 0) }
        _exit(128 + signal)
    }
}
