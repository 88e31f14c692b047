import CMagic
import Foundation

/// libmagic, confined here: the MIME type of a file's first bytes. A `magic_t` must not be used by
/// two threads at once, so handles live in a small pool; each call borrows one. Opening a handle
/// mmaps the compiled database once (≈ 0.07 ms); a lookup costs ≈ 0.03 ms.
final class MagicSniffer: @unchecked Sendable {
    static let shared = MagicSniffer()
    /// How many bytes of a file the type is decided from.
    static let prefixBytes = 1024

    private let lock = NSLock()
    private var idle: [OpaquePointer] = []
    private var failed = false

    /// The MIME type of `bytes`, or nil if libmagic or its database is unavailable.
    func mimeType(of bytes: [UInt8]) -> String? {
        if bytes.isEmpty { return "application/x-empty" }
        guard let handle = borrow() else { return nil }
        defer { giveBack(handle) }
        let result = bytes.withUnsafeBytes { magic_buffer(handle, $0.baseAddress, $0.count) }
        guard let result else { return nil }
        return String(cString: result)
    }

    private func borrow() -> OpaquePointer? {
        lock.lock()
        if let handle = idle.popLast() {
            lock.unlock()
            return handle
        }
        let gaveUp = failed
        lock.unlock()
        if gaveUp { return nil }
        guard let handle = magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR) else { return nil }
        if magic_load(handle, nil) != 0 {
            magic_close(handle)
            lock.lock()
            failed = true
            lock.unlock()
            return nil
        }
        return handle
    }

    private func giveBack(_ handle: OpaquePointer) {
        lock.lock()
        idle.append(handle)
        lock.unlock()
    }
}
