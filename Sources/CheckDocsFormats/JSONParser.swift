import CheckDocsNative

/// A strict RFC 8259 JSON parser with bounded nesting. Written here rather than using
/// JSONSerialization so that duplicate keys, lone surrogates, trailing commas and nesting
/// depth are all errors with a line and column, and key order is kept for messages.
public struct JSONParser {
    public struct SyntaxError: Error, Equatable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    public static let maxDepth = 64

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0

    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        // A UTF-8 byte-order mark is tolerated; other encodings are not JSON (RFC 8259 §8.1).
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw parser.error("the file is not valid UTF-8", at: parser.firstInvalidUTF8Offset())
        }
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        if parser.index < bytes.count { throw parser.error("unexpected content after the JSON value") }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func firstInvalidUTF8Offset() -> Int {
        var offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 0
            if length == 0 || offset + length > bytes.count
                || String(validating: bytes[offset..<offset + length], as: UTF8.self) == nil { return offset }
            offset += length
        }
        return offset
    }

    private func error(_ message: String, at offset: Int? = nil) -> SyntaxError {
        let position = min(offset ?? index, bytes.count)
        var line = 1
        var lineStart = 0
        for i in 0..<position where bytes[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        return SyntaxError(line: line, column: position - lineStart + 1, message: message)
    }

    /// A switch, not `[…].contains`: the search of an array literal cost 57 M instructions of
    /// reading 1,000 indented descriptions, the switch 32 M (docs/performance.md, "JSON descriptions").
    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func parseValue() throws(SyntaxError) -> JSONValue {
        guard index < bytes.count else { throw error("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected \(describeCharacter(at: index))")
        }
    }

    /// The character at `offset` for a message: printable ASCII quoted, anything else as U+XXXX
    /// (the bytes are valid UTF-8 by now), so a NUL or an escape byte never reaches the terminal raw.
    private func describeCharacter(at offset: Int) -> String {
        let byte = bytes[offset]
        if byte >= 0x21 && byte < 0x7F { return "character '\(String(UnicodeScalar(byte)))'" }
        let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        let scalar = String(decoding: bytes[offset..<min(bytes.count, offset + length)], as: UTF8.self).unicodeScalars.first
        let value = String(scalar?.value ?? UInt32(byte), radix: 16, uppercase: true).leftPadded(to: 4)
        return "character U+\(value)" + (scalar.map { $0.properties.isWhitespace ? " (whitespace JSON does not allow)" : "" } ?? "")
    }

    private mutating func expectLiteral(_ literal: String) throws(SyntaxError) {
        let expected = Array(literal.utf8)
        guard index + expected.count <= bytes.count, bytes[index..<index + expected.count].elementsEqual(expected) else {
            throw error("invalid literal (expected \(literal))")
        }
        index += expected.count
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > JSONParser.maxDepth { throw error("nesting deeper than \(JSONParser.maxDepth) levels") }
    }

    private mutating func parseObject() throws(SyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var members: [JSONMember] = []
        // Keys compare by scalars, not by Swift's canonical equivalence (NFC "é" ≠ NFD "é").
        var seen: Set<[UInt8]>?
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a quoted object key") }
            let keyStart = index
            let key = try parseString()
            if Self.isDuplicate(key, in: members, seen: &seen) {
                throw error("duplicate key \"\(key)\"", at: keyStart)
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after an object key") }
            index += 1
            skipWhitespace()
            let value = try parseValue()
            members.append(JSONMember(key: key, value: value))
            skipWhitespace()
            guard index < bytes.count else { throw error("unterminated object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            throw error("expected ',' or '}' in an object")
        }
    }

    /// Whether `key` is already a key of the object being read. Two keys are the same when their
    /// scalars are, that is their UTF-8 bytes. An object has a few keys, compared in place; past 16
    /// they go into a set (made once), so a huge object is not compared key by key.
    private static func isDuplicate(_ key: String, in members: [JSONMember], seen: inout Set<[UInt8]>?) -> Bool {
        if seen == nil, members.count < 16 {
            let count = key.utf8.count
            for member in members where member.key.utf8.count == count && member.key.utf8.elementsEqual(key.utf8) { return true }
            return false
        }
        if seen == nil { seen = Set(members.map { Array($0.key.utf8) }) }
        return !seen!.insert(Array(key.utf8)).inserted
    }

    private mutating func parseArray() throws(SyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw error("unterminated array") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            throw error("expected ',' or ']' in an array")
        }
    }

    /// The input is known to be valid UTF-8 (checked up front), so runs of plain bytes are copied
    /// as they are; only escapes are decoded.
    private mutating func parseString() throws(SyntaxError) -> String {
        index += 1
        var decoded: [UInt8] = []
        var runStart = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                defer { index += 1 }
                if decoded.isEmpty { return String(decoding: bytes[runStart..<index], as: UTF8.self) }
                decoded.append(contentsOf: bytes[runStart..<index])
                return String(decoding: decoded, as: UTF8.self)
            }
            if byte < 0x20 { throw error("control character in a string (escape it)") }
            if byte == UInt8(ascii: "\\") {
                decoded.append(contentsOf: bytes[runStart..<index])
                index += 1
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                var scalar: UnicodeScalar
                switch escape {
                case UInt8(ascii: "\""): scalar = "\""
                case UInt8(ascii: "\\"): scalar = "\\"
                case UInt8(ascii: "/"): scalar = "/"
                case UInt8(ascii: "b"): scalar = "\u{08}"
                case UInt8(ascii: "f"): scalar = "\u{0C}"
                case UInt8(ascii: "n"): scalar = "\n"
                case UInt8(ascii: "r"): scalar = "\r"
                case UInt8(ascii: "t"): scalar = "\t"
                case UInt8(ascii: "u"):
                    let high = try parseHex4()
                    if (0xD800...0xDBFF).contains(high) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                            throw error("lone surrogate \\u\(String(high, radix: 16, uppercase: true)) in a string")
                        }
                        index += 2
                        let low = try parseHex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid surrogate pair in a string") }
                        scalar = UnicodeScalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
                    } else if (0xDC00...0xDFFF).contains(high) {
                        throw error("lone surrogate \\u\(String(high, radix: 16, uppercase: true)) in a string")
                    } else {
                        scalar = UnicodeScalar(high)!
                    }
                default:
                    throw error("invalid escape in a string")
                }
                decoded.append(contentsOf: String(scalar).utf8)
                runStart = index
                continue
            }
            index += 1
        }
        throw error("unterminated string")
    }

    private mutating func parseHex4() throws(SyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("incomplete \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - 87)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - 55)
            default: throw error("invalid \\u escape")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws(SyntaxError) -> JSONValue {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        func digits(_ parser: inout JSONParser) -> Int {
            var count = 0
            while parser.index < parser.bytes.count, (48...57).contains(parser.bytes[parser.index]) {
                parser.index += 1
                count += 1
            }
            return count
        }
        guard index < bytes.count else { throw error("incomplete number") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits(&self) == 0 {
            throw error("invalid number")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            if digits(&self) == 0 { throw error("invalid number: digits expected after '.'") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            if digits(&self) == 0 { throw error("invalid number: digits expected in the exponent") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if index - start > 40 { throw error("number too long (\(index - start) characters)", at: start) }
        guard let value = Double(text), value.isFinite else { throw error("number out of range", at: start) }
        return .number(value, text)
    }
}
