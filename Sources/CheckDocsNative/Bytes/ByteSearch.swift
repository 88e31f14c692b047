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

    /// Whether `pattern` occurs in `bytes` (the folded lines of the fact readers, several
    /// phrases per line: the pattern is given as bytes, made once).
    public static func contains(_ bytes: [UInt8], _ pattern: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { contains($0, pattern) }
    }

    static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: String) -> Bool {
        contains(haystack, Array(needle.utf8))
    }

    static func contains(_ haystack: UnsafeRawBufferPointer, _ pattern: [UInt8]) -> Bool {
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

    /// Whether `needle` occurs in `text`, compared byte for byte (no Unicode equivalence): for the
    /// fixed ASCII markers the report looks for in its own sentences, once per requirement.
    public static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text
        return text.withUTF8 { contains(UnsafeRawBufferPointer($0), needle) }
    }

    /// The UTF-8 offsets in `text` just past each occurrence of `needle`, in order (occurrences
    /// do not overlap).
    public static func offsetsAfter(_ needle: String, in text: String) -> [Int] {
        var text = text
        let pattern = Array(needle.utf8)
        return text.withUTF8 { utf8 in
            var found: [Int] = []
            guard let base = utf8.baseAddress, !pattern.isEmpty, utf8.count >= pattern.count else { return found }
            let last = utf8.count - pattern.count
            var offset = 0
            pattern.withUnsafeBytes { wanted in
                while offset <= last {
                    guard let hit = memchr(base + offset, Int32(pattern[0]), last - offset + 1) else { return }
                    let position = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + position, wanted.baseAddress!, pattern.count) == 0 {
                        found.append(position + pattern.count)
                        offset = position + pattern.count
                    } else {
                        offset = position + 1
                    }
                }
            }
            return found
        }
    }

    /// The index of the first byte at or after `start` that JSON output must look at: a control
    /// character (below 0x20), `"`, `\`, or 0x7F and above (DEL, and every byte of a non-ASCII
    /// character, some of which are escaped); `bytes.count` when there is none. Eight bytes are
    /// tested at a time: a report is mostly plain ASCII, and this is its hottest loop.
    public static func firstJSONSpecialByte(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        let count = bytes.count
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            // (x - n·ones) & ~x & highs is non-zero exactly when some byte of x is below n (n ≤ 0x80);
            // a byte equal to c is a byte of x ^ c·ones below 1.
            func anyBelow(_ word: UInt64, _ n: UInt64) -> Bool { (word &- ones &* n) & ~word & highs != 0 }
            while index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if word & highs != 0 || anyBelow(word, 0x20) || anyBelow(word ^ (ones &* 0x22), 1)
                    || anyBelow(word ^ (ones &* 0x5C), 1) || anyBelow(word ^ (ones &* 0x7F), 1) { break }
                index += 8
            }
        }
        while index < count {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte >= 0x7F { return index }
            index += 1
        }
        return count
    }
}
