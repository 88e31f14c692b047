import CMagic
import Foundation

/// libmagic, confined here: the MIME type of a file's first bytes. A `magic_t` must not be used by
/// two threads at once, and each handle holds its own copy of the compiled database (≈ 8 MB
/// resident), so there is one handle, used under a lock: a lookup costs ≈ 0.03 ms for most
/// files, but about 1 ms for plain text (the text tests of its database), whose answers are
/// therefore kept between runs (ContentTypeCache in CheckDocsCore).
public final class MagicSniffer: @unchecked Sendable {
    public static let shared = MagicSniffer()
    /// How many bytes of a file the type is decided from.
    public static let prefixBytes = 1024

    private let lock = NSLock()
    private var handle: OpaquePointer?
    private var opened = false
    /// Sessions under way (`whileSniffing`); the handle is closed when the last one ends.
    private var sessions = 0

    /// Runs `body`, in which many files are sniffed, with the handle kept open; when no other
    /// session is under way the handle is closed afterwards, releasing the database (≈ 6 MB of
    /// the mapped `magic.mgc` and ≈ 2 MB of libmagic's own tables) for the rest of the run. A
    /// check sniffs its folder once, at the start; its peak comes later, while programs are
    /// evaluated (docs/performance.md, "Peak memory (issue 15)"). The next session opens it again.
    public func whileSniffing<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock.lock()
        sessions += 1
        lock.unlock()
        defer {
            lock.lock()
            sessions -= 1
            if sessions == 0 {
                if let handle { magic_close(handle) }
                handle = nil
                opened = false
            }
            lock.unlock()
        }
        return try body()
    }

    /// Whether the database is loaded now (tests).
    var isLoaded: Bool {
        lock.lock()
        defer { lock.unlock() }
        return handle != nil
    }

    /// The MIME type of `bytes`, or nil if libmagic or its database is unavailable.
    public func mimeType(of bytes: [UInt8]) -> String? {
        if bytes.isEmpty { return "application/x-empty" }
        lock.lock()
        defer { lock.unlock() }
        guard let handle = openedHandle() else { return nil }
        let result = bytes.withUnsafeBytes { magic_buffer(handle, $0.baseAddress, $0.count) }
        guard let result else { return nil }
        return String(cString: result)
    }

    /// What libmagic's answers depend on besides the bytes: its version, the flags the handle is
    /// opened with, and each database file it loads (the path `magic_load` would take, from
    /// `MAGIC` or the defaults, with each file's size, modification and change times). Answers
    /// kept under one identity are not used under another (docs/inspection.md, "Content types
    /// cache"). Nil when a database is missing or is a directory of sources, whose files' changes
    /// no single stamp shows: such answers are not kept at all.
    public static let identity: String? = magic_getpath(nil, 0).flatMap { identity(databasePath: String(cString: $0)) }

    /// The identity of this libmagic with the database `path` (files separated by colons).
    static func identity(databasePath path: String) -> String? {
        var identity = "libmagic \(magic_version()) mime-type"
        let components = path.split(separator: ":")
        guard !components.isEmpty else { return nil }
        for component in components {
            // magic_load reads the compiled `<file>.mgc` when there is one, else the file itself.
            let file = FileSystem.kind(of: component + ".mgc") == .regular ? component + ".mgc" : String(component)
            guard FileSystem.kind(of: file) == .regular, let stamp = FileSystem.stamp(of: file) else { return nil }
            identity += " \(file) \(stamp.size) \(stamp.modified) \(stamp.changed)"
        }
        return identity
    }

    /// Opens the handle on first use; called with the lock held.
    private func openedHandle() -> OpaquePointer? {
        if opened { return handle }
        opened = true
        guard let candidate = magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR) else { return nil }
        if magic_load(candidate, nil) != 0 {
            magic_close(candidate)
            return nil
        }
        handle = candidate
        return handle
    }
}
