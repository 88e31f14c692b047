/// A growing run of bytes written at its end, for the JSON report's programs (docs/performance.md,
/// "JSON report writer"). An `[UInt8]` pays a uniqueness check, and often a retain and release,
/// on every append; a report appends a few bytes at a time, hundreds of times per requirement.
/// This buffer is one allocation owned by one value: not copyable, so there is nothing to check,
/// and not Sendable, so it stays on the thread that formats one program.
public struct ByteBuffer: ~Copyable {
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var used: Int
    @usableFromInline var capacity: Int
    /// False while the bytes are written into an array's storage (`array(capacity:_:)`): that
    /// memory is the array's, never freed here.
    @usableFromInline var owned: Bool

    public init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
        used = 0
        owned = true
    }

    init(writingInto storage: UnsafeMutablePointer<UInt8>, capacity: Int) {
        base = storage
        self.capacity = capacity
        used = 0
        owned = false
    }

    deinit { if owned { base.deallocate() } }

    /// The bytes written, as an array (one copy).
    public consuming func array() -> [UInt8] {
        let count = used
        guard count > 0 else { return [] }
        let source = base
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.baseAddress!.initialize(from: source, count: count)
            initialized = count
        }
    }

    /// The bytes `body` writes, written straight into a new array's storage of `capacity` bytes:
    /// no copy when they fit (a report's program fragment is an array, and copying 386 MB of
    /// them is a cost of its own); when they do not, the buffer moves to memory of its own as it
    /// grows and its bytes are copied into the array once at the end.
    public static func array(capacity: Int, _ body: (inout ByteBuffer) -> Void) -> [UInt8] {
        var overflow: [UInt8]?
        let capacity = max(capacity, 64)
        let written = [UInt8](unsafeUninitializedCapacity: capacity) { storage, initialized in
            var buffer = ByteBuffer(writingInto: storage.baseAddress!, capacity: storage.count)
            body(&buffer)
            if buffer.owned {
                overflow = buffer.array()
                initialized = 0
            } else {
                initialized = buffer.used
            }
        }
        return overflow ?? written
    }

    /// The bytes `body` writes, as a string, written straight into the string's storage when they
    /// fit in `capacity` bytes: a sentence made of a dozen parts, where each `String.append` of
    /// an interpolation cost about 400 instructions (docs/performance.md, "Sentences in one
    /// buffer"). `body` writes UTF-8; anything else is repaired as `String(decoding:as:)` does.
    public static func string(capacity: Int, _ body: (inout ByteBuffer) -> Void) -> String {
        var overflow: String?
        // At least a byte, so that growing doubles something; up to 15 make a small string, with
        // no allocation (a date).
        let capacity = max(capacity, 1)
        let written = String(unsafeUninitializedCapacity: capacity) { storage in
            var buffer = ByteBuffer(writingInto: storage.baseAddress!, capacity: storage.count)
            body(&buffer)
            guard !buffer.owned else {
                overflow = String(decoding: buffer.array(), as: UTF8.self)
                return 0
            }
            return buffer.used
        }
        return overflow ?? written
    }

    /// Room for `extra` more bytes, so that the appends that follow need no other check.
    @inlinable @inline(__always)
    public mutating func reserve(_ extra: Int) {
        if extra > capacity &- used { grow(to: used + extra) }
    }

    @usableFromInline
    mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        moved.initialize(from: base, count: used)
        if owned { base.deallocate() }
        base = moved
        capacity = newCapacity
        owned = true
    }

    @inlinable @inline(__always)
    public mutating func append(_ byte: UInt8) {
        reserve(1)
        base[used] = byte
        used &+= 1
    }

    @inlinable @inline(__always)
    public mutating func append(_ first: UInt8, _ second: UInt8) {
        reserve(2)
        base[used] = first
        base[used &+ 1] = second
        used &+= 2
    }

    /// A literal's bytes.
    @inlinable @inline(__always)
    public mutating func append(_ literal: StaticString) {
        if literal.hasPointerRepresentation {
            append(literal.utf8Start, count: literal.utf8CodeUnitCount)
        } else {
            literal.withUTF8Buffer { bytes in append(bytes.baseAddress!, count: bytes.count) }
        }
    }

    @inlinable @inline(__always)
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        append(start, count: bytes.count)
    }

    /// A short run (a key, a separator) byte by byte; a longer one at once: a call to memcpy
    /// costs more than the few stores of a key.
    @inlinable @inline(__always)
    public mutating func append(_ start: UnsafePointer<UInt8>, count: Int) {
        reserve(count)
        let end = base + used
        if count <= 16 {
            var index = 0
            while index < count {
                end[index] = start[index]
                index &+= 1
            }
        } else {
            end.initialize(from: start, count: count)
        }
        used &+= count
    }

    /// `separator` (none when 0), a newline and `indentation` levels of two spaces: the start of
    /// a line of JSONWriter's layout, with one check for room.
    @inlinable @inline(__always)
    public mutating func appendLine(after separator: UInt8, indentation: Int) {
        let spaces = indentation * 2
        // The spaces go in whole words, up to seven bytes past them (overwritten next).
        reserve(spaces &+ 10)
        if separator != 0 {
            base[used] = separator
            used &+= 1
        }
        base[used] = UInt8(ascii: "\n")
        used &+= 1
        let end = UnsafeMutableRawPointer(base + used)
        var offset = 0
        while offset < spaces {
            end.storeBytes(of: 0x2020_2020_2020_2020 as UInt64, toByteOffset: offset, as: UInt64.self)
            offset &+= 8
        }
        used &+= spaces
    }

    /// `"key": `, for a key that needs no escaping (a literal of the report's).
    @inlinable @inline(__always)
    public mutating func appendMemberName(_ key: StaticString) {
        let count = key.utf8CodeUnitCount
        reserve(count &+ 4)
        base[used] = UInt8(ascii: "\"")
        used &+= 1
        append(key)
        base[used] = UInt8(ascii: "\"")
        base[used &+ 1] = UInt8(ascii: ":")
        base[used &+ 2] = UInt8(ascii: " ")
        used &+= 3
    }

    /// A string's UTF-8 bytes as they are.
    public mutating func append(utf8 text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil {
            var text = text
            text.withUTF8 { append($0) }
        }
    }

    /// `value` in decimal, with a minus sign when negative: what `String(value)` spells.
    public mutating func append(decimal value: Int) {
        var magnitude = value.magnitude
        // Int.min has 19 digits and a sign.
        reserve(20)
        if value < 0 {
            base[used] = UInt8(ascii: "-")
            used &+= 1
        }
        var digits = 1
        var rest = magnitude / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        var index = used &+ digits
        used = index
        repeat {
            index &-= 1
            base[index] = UInt8(truncatingIfNeeded: 48 &+ magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
    }

    /// The last `width` decimal digits of a non-negative `value`, zero-padded (a date's parts).
    @inlinable @inline(__always)
    public mutating func append(digitsOf value: Int, width: Int) {
        reserve(width)
        var rest = value
        var index = used &+ width
        while index > used {
            index &-= 1
            base[index] = UInt8(truncatingIfNeeded: 48 &+ rest % 10)
            rest /= 10
        }
        used &+= width
    }

    /// `text` as a JSON string, quotes included, escaped as `JSONWriter.escape` escapes it:
    /// control characters (C0, DEL, C1), U+2028/2029 and the bidi controls as `\uXXXX`, quotes,
    /// backslashes, newline, carriage return and tab as two-byte escapes; runs of other bytes
    /// are copied at once, found eight bytes at a time.
    public mutating func append(jsonString text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ appendJSONString(utf8: $0) }) == nil {
            var text = text
            text.withUTF8 { appendJSONString(utf8: $0) }
        }
    }

    /// Scans and copies in one pass: each word of eight bytes is stored before it is tested (room
    /// for it is kept), and `used` moves past only the plain bytes it holds, so a special byte's
    /// copy is overwritten by its escape.
    mutating func appendJSONString(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        // The quotes, the bytes, and a word's slack past them; an escape reserves its own.
        reserve(count &+ 10)
        base[used] = UInt8(ascii: "\"")
        used &+= 1
        guard let start = bytes.baseAddress else { return append(UInt8(ascii: "\"")) }
        let source = UnsafeRawPointer(start)
        var index = 0
        // Where the bytes copied one for one begin: after the last escape.
        var copiedFrom = 0
        while index < count {
            // Plain bytes, eight at a time.
            while index &+ 8 <= count {
                let word = source.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                UnsafeMutableRawPointer(base + used).storeBytes(of: word, as: UInt64.self)
                let flags = ByteSearch.jsonSpecialFlags(UInt64(littleEndian: word))
                if flags != 0 {
                    let plain = flags.trailingZeroBitCount >> 3
                    index &+= plain
                    used &+= plain
                    break
                }
                index &+= 8
                used &+= 8
            }
            // Fewer than eight left: the last eight bytes as one word when they were all copied
            // as they are since the last escape (those before `index` are written again, the
            // same bytes at the same places, and read as a plain letter so they flag nothing).
            if index &+ 8 > count, index < count, count &- 8 >= copiedFrom {
                let skipped = UInt64(index &- (count &- 8)) &* 8
                let before: UInt64 = (1 << skipped) &- 1
                let word = source.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
                UnsafeMutableRawPointer(base + (used &- (index &- (count &- 8)))).storeBytes(of: word, as: UInt64.self)
                let little = UInt64(littleEndian: word)
                let flags = ByteSearch.jsonSpecialFlags(little & ~before | 0x4141_4141_4141_4141 & before)
                let plain = flags == 0 ? count &- index : (count &- 8 &+ flags.trailingZeroBitCount >> 3) &- index
                index &+= plain
                used &+= plain
            }
            // A byte to look at, or (after an escape) fewer than eight left.
            while index < count {
                let byte = start[index]
                if ByteSearch.isJSONSpecial(byte) { break }
                base[used] = byte
                used &+= 1
                index &+= 1
            }
            guard index < count else { break }
            let length = ByteSearch.jsonEscapeLength(in: bytes, at: index)
            if length == 0 {
                // A byte of a character written as it is.
                base[used] = start[index]
                used &+= 1
                index &+= 1
                continue
            }
            ByteSearch.jsonEscape(bytes, at: index, length: length) { first, second in append(first, second) } hex: { scalar in
                append(UInt8(ascii: "\\"), UInt8(ascii: "u"))
                append(ByteSearch.hexDigit(scalar >> 12), ByteSearch.hexDigit(scalar >> 8))
                append(ByteSearch.hexDigit(scalar >> 4), ByteSearch.hexDigit(scalar))
            }
            index &+= length
            copiedFrom = index
            // An escape is longer than its bytes: room again for the rest and the slack.
            reserve(count &- index &+ 9)
        }
        append(UInt8(ascii: "\""))
    }
}
