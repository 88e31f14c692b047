import CheckDocsNative

// JSONWriter's layout written into a `ByteBuffer`: the JSON report's programs (the hot path of a
// catalog run, docs/performance.md "JSON report writer"), member by member, never as a tree.

/// Writes one JSON array item by item in JSONWriter's layout: `[]` when empty, else one item per
/// line at `depth + 1`.
public struct JSONArrayWriter {
    @usableFromInline let depth: Int
    @usableFromInline var empty = true

    /// `depth`: the nesting depth of the array itself (its first line is not indented).
    public init(depth: Int) { self.depth = depth }

    /// Starts the next item: the separator before it and its indentation.
    @inlinable
    public mutating func next(into out: inout ByteBuffer) {
        out.appendLine(after: empty ? UInt8(ascii: "[") : UInt8(ascii: ","), indentation: depth + 1)
        empty = false
    }

    @inlinable
    public func close(into out: inout ByteBuffer) {
        guard !empty else { return out.append(UInt8(ascii: "["), UInt8(ascii: "]")) }
        out.appendLine(after: 0, indentation: depth)
        out.append(UInt8(ascii: "]"))
    }
}

extension JSONObjectWriter {
    /// The separator, indentation and `"key": ` of the next member (a key written as given: the
    /// report's keys are plain ASCII literals).
    // Inlined where it is called: the key's length and bytes are then constants.
    @inlinable @inline(__always)
    public mutating func key(_ key: StaticString, into out: inout ByteBuffer) {
        out.appendLine(after: empty ? UInt8(ascii: "{") : UInt8(ascii: ","), indentation: depth + 1)
        empty = false
        out.appendMemberName(key)
    }

    /// The same for a key made at run time (escaped, as JSONWriter writes a member's key).
    @inlinable
    public mutating func key(escaping key: String, into out: inout ByteBuffer) {
        out.appendLine(after: empty ? UInt8(ascii: "{") : UInt8(ascii: ","), indentation: depth + 1)
        empty = false
        out.append(jsonString: key)
        out.append(UInt8(ascii: ":"), UInt8(ascii: " "))
    }

    @inlinable @inline(__always)
    public mutating func string(_ key: StaticString, _ value: String, into out: inout ByteBuffer) {
        self.key(key, into: &out)
        out.append(jsonString: value)
    }

    @inlinable @inline(__always)
    public mutating func bool(_ key: StaticString, _ value: Bool, into out: inout ByteBuffer) {
        self.key(key, into: &out)
        out.append(value ? "true" : "false")
    }

    /// An integer member, spelled as `String(value)` spells it.
    @inlinable @inline(__always)
    public mutating func integer(_ key: StaticString, _ value: Int, into out: inout ByteBuffer) {
        self.key(key, into: &out)
        out.append(decimal: value)
    }

    /// A member whose value is JSON text made elsewhere (a decimal's digits), written as it is.
    @inlinable
    public mutating func raw(_ key: StaticString, _ text: String, into out: inout ByteBuffer) {
        self.key(key, into: &out)
        out.append(utf8: text)
    }

    @inlinable
    public mutating func strings<Values: Collection<String>>(_ key: StaticString, _ values: Values, into out: inout ByteBuffer) {
        self.key(key, into: &out)
        var array = JSONArrayWriter(depth: depth + 1)
        for value in values {
            array.next(into: &out)
            out.append(jsonString: value)
        }
        array.close(into: &out)
    }

    @inlinable
    public func close(into out: inout ByteBuffer) {
        guard !empty else { return out.append(UInt8(ascii: "{"), UInt8(ascii: "}")) }
        out.appendLine(after: 0, indentation: depth)
        out.append(UInt8(ascii: "}"))
    }
}
