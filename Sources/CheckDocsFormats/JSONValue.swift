/// A JSON (or YAML-converted) value, with object keys kept in document order.
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// The number and its source text (so huge or precise numbers are never silently rounded away).
    case number(Double, String)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    public subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// Equality as JSON Schema's `const` and `enum` see it: a number by its value (`1.0` is `1`),
    /// not by the text it was written with; everything else as `==`.
    public func isSameValue(as other: JSONValue) -> Bool {
        if case let .number(left, _) = self, case let .number(right, _) = other { return left == right }
        return self == other
    }

    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case let .number(value, _): return value == value.rounded() && abs(value) < 1e15 ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    public var stringValue: String? {
        if case let .string(text) = self { return text }
        return nil
    }

    public var doubleValue: Double? {
        if case let .number(value, _) = self { return value }
        return nil
    }

    public var intValue: Int? {
        if case let .number(value, _) = self, value == value.rounded(), abs(value) < 1e15 { return Int(value) }
        return nil
    }

    public var boolValue: Bool? {
        if case let .bool(value) = self { return value }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case let .array(items) = self { return items }
        return nil
    }

    public var members: [JSONMember]? {
        if case let .object(members) = self { return members }
        return nil
    }
}

public struct JSONMember: Hashable, Sendable {
    public var key: String
    public var value: JSONValue

    public init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// JSON Pointer (RFC 6901) building.
public enum JSONPointer {
    public static func appending(_ pointer: String, _ token: String) -> String {
        // Almost no key holds "~" or "/": skip the escaping then.
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return joined(pointer, token) }
        // Escaped byte by byte: the manifest's keys are its files' paths, and Foundation's
        // `replacingOccurrences` cost 90 k instructions for each one with a folder in it.
        var escaped: [UInt8] = []
        escaped.reserveCapacity(pointer.utf8.count + token.utf8.count + 8)
        escaped.append(contentsOf: pointer.utf8)
        escaped.append(UInt8(ascii: "/"))
        for byte in token.utf8 {
            switch byte {
            case UInt8(ascii: "~"): escaped.append(contentsOf: [UInt8(ascii: "~"), UInt8(ascii: "0")])
            case UInt8(ascii: "/"): escaped.append(contentsOf: [UInt8(ascii: "~"), UInt8(ascii: "1")])
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    public static func appending(_ pointer: String, _ index: Int) -> String { joined(pointer, String(index)) }

    /// `pointer/token`, its bytes copied once into a string made at its final size: `pointer + "/"
    /// + token` made a string for `pointer/` first, and `String.append` costs a few hundred
    /// instructions a call; a description's decoder makes a pointer for every node it reads.
    private static func joined(_ pointer: String, _ token: String) -> String {
        var pointer = pointer
        var token = token
        let pointerCount = pointer.utf8.count
        let tokenCount = token.utf8.count
        return pointer.withUTF8 { head in
            token.withUTF8 { tail in
                String(unsafeUninitializedCapacity: pointerCount + 1 + tokenCount) { buffer in
                    guard let base = buffer.baseAddress else { return 0 }
                    if let source = head.baseAddress { base.update(from: source, count: pointerCount) }
                    base[pointerCount] = UInt8(ascii: "/")
                    if let source = tail.baseAddress { (base + pointerCount + 1).update(from: source, count: tokenCount) }
                    return pointerCount + 1 + tokenCount
                }
            }
        }
    }
}

import Foundation
