#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Little-endian words in byte arrays and FNV-1a, for the small binary formats checkdocs writes
/// itself (the compiled-catalog pack and its trees) and for short stable names. One home, so the
/// writer and the reader of a format can never disagree on byte order.
public enum ByteWords {
    public static func put32(_ value: UInt32, into bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    public static func put64(_ value: UInt64, into bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    /// The word at `start`; the caller has checked that four bytes are there. Inlinable: the
    /// catalog cache reads a few hundred words per description, and a call cost more than the read.
    @inlinable
    public static func word32(_ bytes: [UInt8], _ start: Int) -> UInt32 {
        UInt32(bytes[start]) | UInt32(bytes[start + 1]) << 8 | UInt32(bytes[start + 2]) << 16 | UInt32(bytes[start + 3]) << 24
    }

    /// The word at `start`; the caller has checked that eight bytes are there.
    public static func word64(_ bytes: [UInt8], _ start: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in (start..<(start + 8)).reversed() { value = value << 8 | UInt64(bytes[index]) }
        return value
    }

    /// FNV-1a, 64 bits: finds damage and spreads names, never an attacker's work.
    public static func fnv1a<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// FNV-1a of a string's UTF-8 bytes, read from its storage in place (the catalog pack's
    /// table of strings, `StringTable`).
    public static func fnv1a(utf8 string: String) -> UInt64 {
        var string = string
        return string.withUTF8 { fnv1a($0) }
    }

    /// Whether two strings hold the same UTF-8 bytes: not `String`'s equality, which takes two
    /// spellings of an accented letter (precomposed, and with a combining mark) for one.
    /// Compared with `memcmp`: `elementsEqual` went byte by byte through an iterator.
    public static func sameUTF8(_ a: String, _ b: String) -> Bool {
        let count = a.utf8.count
        guard count == b.utf8.count else { return false }
        guard count > 0 else { return true }
        var a = a, b = b
        return a.withUTF8 { a in b.withUTF8 { b in memcmp(a.baseAddress!, b.baseAddress!, count) == 0 } }
    }
}
