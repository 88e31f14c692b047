import CheckDocsNative
import CheckDocsFormats

/// One element of a program description, read the same way whether it was written in XML or in
/// JSON, following the mapping of docs/programs.md ("XML ↔ JSON mapping"):
/// - an XML attribute is a JSON key of the same name (space-separated lists become arrays);
/// - a text element (`<name>`) is a string key;
/// - a single child element (`<validThrough/>`) is an object under the same key;
/// - a repeated child element (`<window/>`) is an array under the plural key (`"windows"`);
/// - a list of differently named elements (`<anyOf>`'s children, `<eligibility>`) is an array of
///   objects with one key each.
///
/// The schema has checked structure and value forms before a node is read. Every accessor still
/// refuses a value it cannot use, with the value's location, instead of falling back to a default:
/// a description that reaches the model means what it says.
public struct DescriptionNode: Sendable {
    enum Backing: Sendable {
        case xml(XMLElementNode)
        case json(JSONValue, pointer: String)
    }

    /// The element name (XML) or the key this node was found under (JSON).
    public let name: String
    let backing: Backing
    let file: String

    public static func xml(_ element: XMLElementNode, file: String) -> DescriptionNode {
        DescriptionNode(name: element.name, backing: .xml(element), file: file)
    }

    public static func json(_ value: JSONValue, named name: String, pointer: String, file: String) -> DescriptionNode {
        DescriptionNode(name: name, backing: .json(value, pointer: pointer), file: file)
    }

    public var location: SourceLocation {
        switch backing {
        case let .xml(element): return SourceLocation(file: file, position: .line(element.line, column: element.column))
        case let .json(_, pointer): return SourceLocation(file: file, position: .pointer(pointer))
        }
    }

    /// Where an attribute's value is: the element (XML has no attribute positions) or the key.
    public func location(of attribute: String) -> SourceLocation {
        switch backing {
        case .xml: return location
        case let .json(_, pointer): return SourceLocation(file: file, position: .pointer(JSONPointer.appending(pointer, attribute)))
        }
    }

    public func has(_ attribute: String) -> Bool { scalar(attribute) != nil }

    // MARK: Attributes

    /// A string attribute (or key) as written.
    public func string(_ attribute: String) throws(InputError) -> String? {
        switch scalar(attribute) {
        case nil: return nil
        case let .text(text)?: return text
        case let .json(value)?:
            guard let text = value.stringValue else { throw mistyped(attribute, value, "a string") }
            return text
        }
    }

    /// A string attribute that must be present.
    public func required(_ attribute: String) throws(InputError) -> String {
        guard let value = try string(attribute) else { throw InputError(location, "missing \(describe(attribute))") }
        return value
    }

    public func int(_ attribute: String, in range: ClosedRange<Int>? = nil) throws(InputError) -> Int? {
        let number: Int
        switch scalar(attribute) {
        case nil: return nil
        case let .text(text)?:
            guard let parsed = Int(text.trimmingWhitespace) else { throw invalid(attribute, text, "a whole number") }
            number = parsed
        case let .json(value)?:
            guard let parsed = value.intValue else { throw mistyped(attribute, value, "a whole number") }
            number = parsed
        }
        if let range, !range.contains(number) {
            throw InputError(location(of: attribute), "\(describe(attribute)) is \(number); it must be from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    public func double(_ attribute: String) throws(InputError) -> Double? {
        switch scalar(attribute) {
        case nil: return nil
        case let .text(text)?:
            guard let parsed = Double(text.trimmingWhitespace), parsed.isFinite else { throw invalid(attribute, text, "a number") }
            return parsed
        case let .json(value)?:
            guard let parsed = value.doubleValue, parsed.isFinite else { throw mistyped(attribute, value, "a number") }
            return parsed
        }
    }

    public func bool(_ attribute: String) throws(InputError) -> Bool? {
        switch scalar(attribute) {
        case nil: return nil
        case let .text(text)?:
            switch text.trimmingWhitespace {
            case "true", "1": return true
            case "false", "0": return false
            default: throw invalid(attribute, text, "true or false")
            }
        case let .json(value)?:
            guard let parsed = value.boolValue else { throw mistyped(attribute, value, "true or false") }
            return parsed
        }
    }

    public func date(_ attribute: String) throws(InputError) -> CalendarDate? {
        guard let text = try string(attribute) else { return nil }
        guard let date = CalendarDate(iso: text) else { throw invalid(attribute, text, "a date in the form YYYY-MM-DD") }
        return date
    }

    /// A value of a closed vocabulary (an anchor, a unit, a status, …).
    public func value<Value: RawRepresentable>(_ attribute: String, as type: Value.Type) throws(InputError) -> Value?
    where Value.RawValue == String {
        guard let text = try string(attribute) else { return nil }
        guard let value = Value(rawValue: text) else { throw invalid(attribute, text, "one of the values the schema lists") }
        return value
    }

    /// A list: space-separated words in XML, an array of strings in JSON.
    public func list(_ attribute: String) throws(InputError) -> [String]? {
        switch scalar(attribute) {
        case nil: return nil
        case let .text(text)?: return text.whitespaceSeparatedWords()
        case let .json(value)?:
            guard let items = value.arrayValue else { throw mistyped(attribute, value, "an array of strings") }
            var strings: [String] = []
            for item in items {
                guard let text = item.stringValue else { throw mistyped(attribute, item, "an array of strings") }
                strings.append(text)
            }
            return strings
        }
    }

    /// A list whose every word must be of a closed vocabulary.
    public func list<Value: RawRepresentable>(_ attribute: String, of type: Value.Type) throws(InputError) -> [Value]?
    where Value.RawValue == String {
        guard let words = try list(attribute) else { return nil }
        var values: [Value] = []
        for word in words {
            guard let value = Value(rawValue: word) else { throw invalid(attribute, word, "one of the values the schema lists") }
            values.append(value)
        }
        return values
    }

    /// A number as written (for decimal amounts that must not pass through a Double).
    public func numberText(_ attribute: String) throws(InputError) -> String? {
        switch scalar(attribute) {
        case nil: return nil
        case let .text(text)?: return String(text.trimmingWhitespace)
        case let .json(value)?:
            guard case let .number(_, text) = value else { throw mistyped(attribute, value, "a number") }
            return text
        }
    }

    /// A value written as an attribute in XML and as the node's own string in JSON:
    /// `<extends checklist="x"/>` and `"extends": ["x"]`, `<deadline date="D"/>` and `"deadline": "D"`.
    public func string(orOwnValue attribute: String) throws(InputError) -> String? {
        switch backing {
        case .xml: return try string(attribute)
        case let .json(value, _):
            guard let text = value.stringValue else {
                throw InputError(location, "\(name) is \(value.typeName); it must be a string")
            }
            return text
        }
    }

    /// A text element (`<name>Baylor</name>`) or string key, with its white space collapsed.
    public func text(_ element: String) throws(InputError) -> String? {
        switch backing {
        case let .xml(node):
            guard let child = node.child(named: element) else { return nil }
            let words = child.text.collapsingWhitespace()
            return words.isEmpty ? nil : words
        case .json:
            return try string(element)
        }
    }

    // MARK: Children

    /// A single child element, or an object under the same key.
    public func child(_ element: String) -> DescriptionNode? {
        switch backing {
        case let .xml(node):
            return node.child(named: element).map { .xml($0, file: file) }
        case let .json(value, pointer):
            guard let member = value[element] else { return nil }
            return .json(member, named: element, pointer: JSONPointer.appending(pointer, element), file: file)
        }
    }

    /// Calls `body` with every attribute and child element name of an XML node, or every key of
    /// a JSON object (where a repeated element's key is its plural: `body` is told which syntax
    /// it is), and returns true; returns false for any other JSON value. For skipping, when
    /// decoding, the constraint kinds a clause does not use.
    public func forEachWrittenName(_ body: (_ name: String, _ json: Bool) -> Void) -> Bool {
        switch backing {
        case let .xml(node):
            for attribute in node.attributes { body(attribute.name, false) }
            for child in node.children { body(child.name, false) }
            return true
        case let .json(value, _):
            guard let members = value.members else { return false }
            for member in members { body(member.key, true) }
            return true
        }
    }

    /// A repeated child element (`<window/>` …), or the items of the array under `plural` (`"windows"`).
    public func children(_ element: String, plural: String) -> [DescriptionNode] {
        switch backing {
        case let .xml(node):
            return Self.xmlChildren(of: node, named: element, file: file)
        case let .json(value, pointer):
            // Most clauses do not use a given kind: no pointer is made for an array that is not there.
            guard let items = value[plural]?.arrayValue, !items.isEmpty else { return [] }
            let arrayPointer = JSONPointer.appending(pointer, plural)
            return items.enumerated().map { index, item in
                .json(item, named: element, pointer: JSONPointer.appending(arrayPointer, index), file: file)
            }
        }
    }

    /// Elements of one name inside a container element (`<requirements><remove/>…`), or the items of
    /// the array under `plural` (`"remove": […]`).
    public func children(_ element: String, in container: String, plural: String) -> [DescriptionNode] {
        switch backing {
        case let .xml(node):
            return node.child(named: container).map { Self.xmlChildren(of: $0, named: element, file: file) } ?? []
        case .json:
            return children(element, plural: plural)
        }
    }

    /// The differently named elements this node holds: `<anyOf>`'s children in XML; in JSON the
    /// items of this node's array, each an object with one key that names it.
    public func items() -> [DescriptionNode] {
        switch backing {
        case let .xml(node):
            return node.children.map { .xml($0, file: file) }
        case let .json(value, pointer):
            return (value.arrayValue ?? []).enumerated().compactMap { index, item in
                Self.namedItem(item, pointer: JSONPointer.appending(pointer, index), file: file)
            }
        }
    }

    /// The differently named elements of a container element (`<eligibility>`), or of the array
    /// under the same key (`"eligibility": [{"exam": …}, …]`).
    public func items(in container: String) -> [DescriptionNode] {
        switch backing {
        case let .xml(node):
            return node.child(named: container).map { $0.children.map { .xml($0, file: file) } } ?? []
        case let .json(value, pointer):
            guard let array = value[container] else { return [] }
            return DescriptionNode.json(array, named: container, pointer: JSONPointer.appending(pointer, container), file: file).items()
        }
    }

    /// The one expression element among `names` (`<document>`, `<anyOf>`, `<allOf>`), or the key.
    public func firstChild(among names: [String]) -> DescriptionNode? {
        switch backing {
        case let .xml(node):
            for child in node.children where names.contains(child.name) { return .xml(child, file: file) }
            return nil
        case let .json(value, pointer):
            for name in names {
                if let member = value[name] { return .json(member, named: name, pointer: JSONPointer.appending(pointer, name), file: file) }
            }
            return nil
        }
    }

    // MARK: Private

    private enum Scalar {
        case text(String)
        case json(JSONValue)
    }

    private func scalar(_ attribute: String) -> Scalar? {
        switch backing {
        case let .xml(node): return node.attribute(attribute).map(Scalar.text)
        case let .json(value, _):
            guard let member = value[attribute] else { return nil }
            if case .null = member { return nil }
            return .json(member)
        }
    }

    /// The child elements of one name, made into nodes without a filtered copy of the children first.
    private static func xmlChildren(of node: XMLElementNode, named name: String, file: String) -> [DescriptionNode] {
        var nodes: [DescriptionNode] = []
        for child in node.children where child.name == name { nodes.append(.xml(child, file: file)) }
        return nodes
    }

    private static func namedItem(_ item: JSONValue, pointer: String, file: String) -> DescriptionNode? {
        guard let members = item.members, members.count == 1 else { return nil }
        let member = members[0]
        return .json(member.value, named: member.key, pointer: JSONPointer.appending(pointer, member.key), file: file)
    }

    private func describe(_ attribute: String) -> String {
        switch backing {
        case .xml: return "attribute \(attribute) of <\(name)>"
        case .json: return "\"\(attribute)\""
        }
    }

    private func invalid(_ attribute: String, _ text: String, _ expected: String) -> InputError {
        InputError(location(of: attribute), "\(describe(attribute)) is \"\(text)\"; it must be \(expected)")
    }

    private func mistyped(_ attribute: String, _ value: JSONValue, _ expected: String) -> InputError {
        InputError(location(of: attribute), "\(describe(attribute)) is \(value.typeName); it must be \(expected)")
    }
}

extension String {
    var trimmingWhitespace: Substring {
        // Almost every value is written without space around it: a printable ASCII byte at both
        // ends is a character that is not white space at both ends (an ASCII character is a
        // character of its own, or the end of one that starts with a prefix mark, never a space),
        // so nothing is trimmed and no character is looked at.
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self[...]
        }
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return self[start..<end]
    }
}
