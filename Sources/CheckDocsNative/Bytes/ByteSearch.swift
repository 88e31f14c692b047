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
    /// character (below 0x20), `"`, `\\`, or 0x7F and above (DEL, and every byte of a non-ASCII
    /// character, some of which are escaped); `bytes.count` when there is none. Eight bytes are
    /// tested at a time, without a branch per test: a report is mostly plain ASCII. The scan of
    /// `JSONWriter.escape`; the report's programs scan as they copy, with the same flags
    /// (`ByteBuffer.append(jsonString:)`, docs/performance.md "JSON report writer").
    public static func firstJSONSpecialByte(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        let count = bytes.count
        if let base = bytes.baseAddress, count >= 8 {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= count {
                let flags = jsonSpecialFlags(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
                if flags != 0 { return index + flags.trailingZeroBitCount >> 3 }
                index += 8
            }
            guard index < count else { return count }
            // The last eight bytes, those before `index` (tested already, or before `start`)
            // replaced by a plain letter so that they flag nothing and carry nothing upwards.
            let skipped = UInt64(index - (count - 8)) * 8
            let before: UInt64 = (1 << skipped) - 1
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
            let flags = jsonSpecialFlags(word & ~before | 0x4141_4141_4141_4141 & before)
            return flags == 0 ? count : count - 8 + flags.trailingZeroBitCount >> 3
        }
        while index < count {
            let byte = bytes[index]
            if isJSONSpecial(byte) { return index }
            index += 1
        }
        return count
    }

    /// The high bit of each byte of `word` (first byte lowest) that JSON output must look at, and
    /// perhaps of bytes above such a byte, never below: so the lowest flag is exact. A byte of
    /// 0x80 or more has its high bit; 0x7F gets it by adding one; (x - n·ones) & ~x sets it in a
    /// byte below n (n ≤ 0x80), and a byte equal to c is a byte of x ^ c·ones below 1. Borrows
    /// and carries only start at a flagged byte and only move upwards.
    @inline(__always)
    static func jsonSpecialFlags(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let control = (word &- ones &* 0x20) & ~word
        return (word | (word &+ ones) | control | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)) & highs
    }
}

extension ByteSearch {
    /// Whether JSON output looks at this byte before writing it: a quote, a backslash, a C0
    /// control, DEL, or a byte of a non-ASCII character (some of which are escaped).
    @inlinable @inline(__always)
    public static func isJSONSpecial(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C || byte >= 0x7F }

    /// How many bytes from `index` (a byte `firstJSONSpecialByte` stopped at) JSON output writes
    /// as one escape: 1 for a quote, backslash, C0 control or DEL, 2 for a C1 control
    /// (C2 80–C2 9F), 3 for U+2028/2029 and the bidi controls U+202A–202E and U+2066–2069;
    /// 0 when the byte is written as it is (other non-ASCII bytes). The one rule of both JSON
    /// writers (`JSONWriter.escape` and `ByteBuffer.append(jsonString:)`).
    @inlinable
    public static func jsonEscapeLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return 1 }
        if byte == 0xC2 { return index + 1 < bytes.count && bytes[index + 1] < 0xA0 ? 2 : 0 }
        if byte == 0xE2, index + 2 < bytes.count {
            let second = bytes[index + 1], third = bytes[index + 2]
            if (second == 0x80 && (0xA8...0xAE).contains(third)) || (second == 0x81 && (0xA6...0xA9).contains(third)) { return 3 }
        }
        return 0
    }

    /// The escape for the `length` bytes at `index`: a two-byte one (`\"`, `\\`, `\n`, `\r`,
    /// `\t`) given to `pair`, or the scalar they encode given to `hex` (to be written `\uXXXX`).
    @inlinable @inline(__always)
    public static func jsonEscape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int,
                                  pair: (UInt8, UInt8) -> Void, hex: (UInt32) -> Void) {
        let byte = bytes[index]
        switch length {
        case 1:
            switch byte {
            case UInt8(ascii: "\""): pair(UInt8(ascii: "\\"), UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): pair(UInt8(ascii: "\\"), UInt8(ascii: "\\"))
            case 0x0A: pair(UInt8(ascii: "\\"), UInt8(ascii: "n"))
            case 0x0D: pair(UInt8(ascii: "\\"), UInt8(ascii: "r"))
            case 0x09: pair(UInt8(ascii: "\\"), UInt8(ascii: "t"))
            default: hex(UInt32(byte))
            }
        case 2: hex(UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F))
        default: hex(UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F))
        }
    }

    /// The lowercase hexadecimal digit of `value`'s low four bits.
    @inlinable @inline(__always)
    public static func hexDigit(_ value: UInt32) -> UInt8 {
        let nibble = UInt8(truncatingIfNeeded: value & 0xF)
        return nibble < 10 ? 48 &+ nibble : 87 &+ nibble
    }
}
