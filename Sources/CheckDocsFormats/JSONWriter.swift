import CheckDocsNative

/// Serializes a JSONValue deterministically into UTF-8 bytes: keys in the order given, two-space
/// indent, every string escaped (control characters including C1, bidi overrides, quotes,
/// backslashes, U+2028 and U+2029).
public enum JSONWriter {
    public static func write(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        write(value, indent: 0, into: &out)
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes `value` as if it started at nesting depth `indent` (its first line is not indented).
    public static func write(_ value: JSONValue, indent: Int, into out: inout [UInt8]) {
        switch value {
        case .null: JSONWriter.raw("null", into: &out)
        case let .bool(flag): JSONWriter.raw(flag ? "true" : "false", into: &out)
        case let .number(_, text): out.append(contentsOf: text.utf8)
        case let .string(text): escape(text, into: &out)
        case let .array(items):
            guard !items.isEmpty else { return JSONWriter.raw("[]", into: &out) }
            JSONWriter.raw("[\n", into: &out)
            for (index, item) in items.enumerated() {
                indentation(indent + 1, into: &out)
                write(item, indent: indent + 1, into: &out)
                JSONWriter.raw(index == items.count - 1 ? "\n" : ",\n", into: &out)
            }
            indentation(indent, into: &out)
            out.append(UInt8(ascii: "]"))
        case let .object(members):
            guard !members.isEmpty else { return JSONWriter.raw("{}", into: &out) }
            JSONWriter.raw("{\n", into: &out)
            for (index, member) in members.enumerated() {
                indentation(indent + 1, into: &out)
                escape(member.key, into: &out)
                JSONWriter.raw(": ", into: &out)
                write(member.value, indent: indent + 1, into: &out)
                JSONWriter.raw(index == members.count - 1 ? "\n" : ",\n", into: &out)
            }
            indentation(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Appends a literal's bytes (a copy of its buffer: `.utf8` of a literal goes through the
    /// generic collection path, a few hundred instructions for two bytes).
    /// A literal of a few bytes (`,\n`, `: `, `null`) is appended byte by byte: appending a
    /// buffer costs about a hundred instructions whatever its length, a byte about twenty.
    public static func raw(_ literal: StaticString, into out: inout [UInt8]) {
        literal.withUTF8Buffer { bytes in
            if bytes.count <= 4 {
                for byte in bytes { out.append(byte) }
            } else {
                out.append(contentsOf: bytes)
            }
        }
    }

    public static func indentation(_ depth: Int, into out: inout [UInt8]) {
        if depth < indents.count {
            raw(indents[depth], into: &out)
        } else {
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
        }
    }

    /// Two spaces per level, as literals: copying a literal's buffer is one memcpy, where
    /// appending a slice of an array of spaces went through the generic path.
    private static let indents: [StaticString] = [
        "", "  ", "    ", "      ", "        ", "          ", "            ", "              ",
        "                ", "                  ", "                    ", "                      ",
    ]

    /// Copies runs of plain bytes at once; only the rare byte that needs escaping is looked at twice.
    public static func escape(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while true {
                // Plain bytes are skipped eight at a time; only the bytes found here are looked at.
                index = ByteSearch.firstJSONSpecialByte(in: bytes, from: index)
                guard index < bytes.count else { break }
                // The rule is ByteSearch's, shared with ByteBuffer.append(jsonString:).
                let length = ByteSearch.jsonEscapeLength(in: bytes, at: index)
                guard length > 0 else {
                    index += 1
                    continue
                }
                out.append(contentsOf: bytes[runStart..<index])
                ByteSearch.jsonEscape(bytes, at: index, length: length) { first, second in
                    out.append(first)
                    out.append(second)
                } hex: { scalar in
                    JSONWriter.raw("\\u", into: &out)
                    for shift: UInt32 in [12, 8, 4, 0] { out.append(ByteSearch.hexDigit(scalar >> shift)) }
                }
                index += length
                runStart = index
            }
            out.append(contentsOf: bytes[runStart..<bytes.count])
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// Writes one JSON object member by member, straight to bytes, in JSONWriter's layout. For the
/// report's hot path (an object per requirement), where building a JSONValue first costs more
/// than writing it; its members are written into a `ByteBuffer` (JSONWriter+ByteBuffer.swift).
public struct JSONObjectWriter {
    @usableFromInline let depth: Int
    @usableFromInline var empty = true

    /// `depth`: the nesting depth of the object itself (its first line is not indented).
    public init(depth: Int) { self.depth = depth }
}
