#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-pattern search in memory, for markers poppler-glib does not expose: memchr finds each
/// candidate first byte, memcmp compares the rest.
public enum ByteSearch {
    /// Whether `needle`'s UTF-8 bytes occur in `bytes` (memchr and memcmp: a PDF's tail is
    /// searched for every PDF of a folder).
    public static func contains(_ bytes: ArraySlice<UInt8>, _ needle: String) -> Bool {
        bytes.withUnsafeBytes { contains($0, needle) }
    }

    static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let base = haystack.baseAddress, !pattern.isEmpty, haystack.count >= pattern.count else { return false }
        let last = haystack.count - pattern.count
        var offset = 0
        return pattern.withUnsafeBytes { wanted in
            while offset <= last {
                guard let hit = memchr(base + offset, Int32(pattern[0]), last - offset + 1) else { return false }
                let position = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + position, wanted.baseAddress!, pattern.count) == 0 { return true }
                offset = position + 1
            }
            return false
        }
    }
}
