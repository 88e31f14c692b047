import CheckDocsNative
import Yams

/// Reads YAML into a JSONValue with bounds (docs/security.md, "Hardened parsers"): a size cap, no
/// anchors or aliases (the alias-bomb vector), no custom tags, bounded nesting and node count.
public enum YAMLReader {
    public static let maxBytes = 256 * 1024
    public static let maxDepth = 64
    public static let maxNodes = 100_000

    public struct Failure: Error, Sendable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    public static func read(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
        // A byte-order mark opening the file (as editors on Windows save it) marks the encoding,
        // and YAML allows it there. Yams read it as text, and refused the document at its second
        // key; removed, the rest reads as without it, its lines unchanged.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return try read(Array(bytes.dropFirst(3))) }
        let text = try checked(bytes)
        // The plain case (one document, no anchor, alias, tag, duplicate key or byte-order mark,
        // within the bounds) straight from libyaml's events; anything else through Yams below,
        // which reports it. Both read a plain document alike (`PlainYAMLTests`).
        if !ByteOrderMarks.mayHaveMark(bytes), let events = LibYAMLEvents.events(bytes), let value = plainValue(events) {
            return value
        }
        return try readThroughYams(text)
    }

    /// The text of `bytes`, refused before any parser sees it when too large, not UTF-8 or nested
    /// too deep in flow collections.
    static func checked(_ bytes: [UInt8]) throws(Failure) -> String {
        guard bytes.count <= maxBytes else { throw Failure(line: 0, column: 0, message: "larger than \(maxBytes) bytes") }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = position(ofByte: firstInvalidUTF8(bytes), in: bytes)
            let utf16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
            throw Failure(line: line, column: column, message: "not valid UTF-8" + (utf16 ? ": the file is UTF-16; save it as UTF-8" : ""))
        }
        // Yams recurses once per level while composing: refuse deep flow nesting before it sees it.
        var depth = 0
        var line = 1
        for byte in bytes {
            if byte == UInt8(ascii: "\n") { line += 1 }
            if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                depth += 1
                if depth > maxDepth { throw Failure(line: line, column: 0, message: "nesting deeper than \(maxDepth) levels") }
            } else if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                depth = max(0, depth - 1)
            }
        }
        return text
    }

    /// The whole reading through Yams's node tree, with every error it reports.
    static func readThroughYams(_ text: String) throws(Failure) -> JSONValue {
        // The parser is kept alive during the walk: Yams holds anchors weakly, and only the
        // parser's anchor table keeps them, so `node.anchor` tells anchored and aliased nodes.
        let parser: Parser
        let node: Node?
        do {
            // Every untagged plain scalar is tagged `untagged`; `plainScalar` types them. Yams's
            // default resolver compiles ICU regular expressions, which cost more than reading a
            // whole manifest; the basic one tags them !!str, as it does `!!str yes`, which must
            // stay text.
            parser = try Parser(yaml: text, resolver: untaggedResolver, constructor: .nodesOnly, encoding: .utf8)
            node = try parser.singleRoot()
        } catch let error as YamlError {
            throw clamped(tabHint(failure(from: error), in: text), to: text)
        } catch {
            throw Failure(line: 0, column: 0, message: "not valid YAML")
        }
        guard let node else { return .object([]) }
        var budget = maxNodes
        defer { withExtendedLifetime(parser) {} }
        let source = ByteOrderMarks(text)
        return try convert(node, depth: 0, budget: &budget, source: source)
    }

    private static func failure(from error: YamlError) -> Failure {
        switch error {
        case let .composer(_, problem, mark, _) where problem == "but found another document":
            return Failure(line: mark.line, column: mark.column,
                           message: "the file is one YAML document; a second document starts here (remove the extra '---' or '...')")
        case let .parser(_, problem, mark, _) where problem.hasPrefix("Maximum nesting level"):
            return Failure(line: mark.line, column: mark.column, message: "nesting deeper than \(maxDepth) levels")
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return Failure(line: mark.line, column: mark.column, message: "not valid YAML: \(problem)")
        case let .reader(problem, offset, _, yaml):
            // A reader's error (a control character) comes as an offset, not a line: Yams counts
            // it in Characters (a CRLF is one, an é one), so the text before it is read that way.
            guard let offset, let index = yaml.index(yaml.startIndex, offsetBy: offset, limitedBy: yaml.endIndex) else {
                return Failure(line: 0, column: 0, message: "not valid YAML: \(problem)")
            }
            let before = yaml[..<index]
            let lineStart = before.lastIndex(where: \.isNewline).map { before.index(after: $0) } ?? before.startIndex
            return Failure(line: before.count(where: \.isNewline) + 1, column: before[lineStart...].unicodeScalars.count + 1,
                           message: "not valid YAML: \(problem)")
        // Yams places the error at the first of the keys given twice, where it was first written:
        // a drafted manifest has a `type:` per document, and a line is what finds the one doubled.
        case let .duplicatedKeysInMapping(duplicates, context) where duplicates.contains("<uncovertable>"):
            return Failure(line: context.mark.line, column: context.mark.column,
                           message: "mapping keys must be plain text (a key here is a list or a mapping)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return Failure(line: context.mark.line, column: context.mark.column,
                           message: "duplicate key \(duplicates.map { "\"\($0)\"" }.joined(separator: ", ")): given again later in the same mapping")
        default:
            return Failure(line: 0, column: 0, message: "not valid YAML")
        }
    }

    /// The byte offset of the first byte that does not read as UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(scalar): offset += scalar.count
            case .emptyInput, .error: return offset
            }
        }
    }

    /// The 1-based line (after LF) and column (in Unicode scalars, as libyaml counts them) of the
    /// byte at `offset`; the bytes before it are read as UTF-8, what is not counting one each.
    static func position(ofByte offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        let before = bytes.prefix(max(0, min(offset, bytes.count)))
        let start = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let line = before.count { $0 == UInt8(ascii: "\n") } + 1
        return (line, String(decoding: before[start...], as: UTF8.self).unicodeScalars.count + 1)
    }

    /// A tab where YAML wants indentation is the usual cause of "cannot start any token": said.
    static func tabHint(_ failure: Failure, in text: String) -> Failure {
        guard failure.message.contains("cannot start any token") || failure.message.contains("found a tab character"),
              failure.line >= 1 else { return failure }
        // Any line break YAML knows (CRLF is one Character), as the failure's line counts them.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard failure.line <= lines.count, lines[failure.line - 1].prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") else {
            return failure
        }
        return Failure(line: failure.line, column: failure.column, message: failure.message + " (a tab: YAML indents with spaces only)")
    }

    /// libyaml ends an input that lacks a final line break with a line break of its own, so an
    /// error at the end of such a file is reported on the line after the last one (found by
    /// FuzzManifest: `{x:` gave line 2 of a one-line file). Such a position is moved to the
    /// end of the last line. Lines end as YAML ends them: LF, CR, CRLF, NEL, U+2028, U+2029.
    static func clamped(_ failure: Failure, to text: String) -> Failure {
        guard failure.line > 1 else { return failure }
        var line = 1, column = 1
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where previous == "\r": break
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": line += 1; column = 1
            default: column += 1
            }
            previous = scalar
        }
        guard failure.line > line else { return failure }
        return Failure(line: line, column: column, message: failure.message)
    }

    /// The tag given a plain scalar written without one. A manifest that writes it verbatim
    /// (`!<checkdocs:untagged> off`) gets the same typing as with no tag: harmless, so not refused.
    private static let untagged = Tag.Name(rawValue: "checkdocs:untagged")
    /// One rule, matching every text (`^`): the plain scalars the parser resolves are
    /// those written without a tag.
    private static let untaggedResolver = Resolver.basic.appending(try! Resolver.Rule(untagged, "^"))

    private static let allowedTags: Set<String> = [
        untagged.rawValue, Tag.Name.str.rawValue, Tag.Name.int.rawValue, Tag.Name.float.rawValue, Tag.Name.bool.rawValue,
        Tag.Name.null.rawValue, Tag.Name.timestamp.rawValue, Tag.Name.map.rawValue, Tag.Name.seq.rawValue,
    ]

    /// YAML 1.1's core words for null and booleans, as Yams's default resolver has them.
    private static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]
    private static let trueWords: Set<String> = ["yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]
    private static let falseWords: Set<String> = ["no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]

    /// Types an untagged plain scalar: null, a boolean, a decimal number, else text.
    static func plainScalar(_ text: String) -> JSONValue {
        if nullWords.contains(text) { return .null }
        if trueWords.contains(text) { return .bool(true) }
        if falseWords.contains(text) { return .bool(false) }
        return number(text) ?? .string(text)
    }

    /// A decimal number written as YAML and JSON write one (digits, sign, point, exponent);
    /// hex, octal, `1_000`, `.inf` and sexagesimal forms stay text.
    private static func number(_ text: String) -> JSONValue? {
        guard let first = text.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || (48...57).contains(first),
              text.utf8.allSatisfy({ (48...57).contains($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
                                     || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }),
              let value = Double(text), value.isFinite else { return nil }
        return .number(value, text)
    }

    /// The value of a plain document's events, as `convert` makes it from Yams's nodes; nil where
    /// `convert` or Yams would refuse it (a duplicate key, a key that is not a scalar, too deep,
    /// too many values), for Yams to say so.
    static func plainValue(_ events: [LibYAMLEvents.Event]) -> JSONValue? {
        guard !events.isEmpty else { return .object([]) }
        var index = 0
        var budget = maxNodes
        func value(depth: Int) -> JSONValue? {
            budget -= 1
            guard budget >= 0, depth <= maxDepth, index < events.count else { return nil }
            let event = events[index]
            index += 1
            switch event {
            case let .scalar(text, plain):
                return plain ? plainScalar(text) : .string(text)
            case .mappingStart:
                var members: [JSONMember] = []
                var seen = Set<String>()
                while index < events.count {
                    switch events[index] {
                    case .mappingEnd:
                        index += 1
                        return .object(members)
                    case let .scalar(key, _):
                        index += 1
                        guard seen.insert(key).inserted, let member = value(depth: depth + 1) else { return nil }
                        members.append(JSONMember(key: key, value: member))
                    default:
                        return nil
                    }
                }
                return nil
            case .sequenceStart:
                var items: [JSONValue] = []
                while index < events.count {
                    if events[index] == .sequenceEnd {
                        index += 1
                        return .array(items)
                    }
                    guard let item = value(depth: depth + 1) else { return nil }
                    items.append(item)
                }
                return nil
            case .mappingEnd, .sequenceEnd:
                return nil
            }
        }
        guard let root = value(depth: 0), index == events.count else { return nil }
        return root
    }

    private static func convert(_ node: Node, depth: Int, budget: inout Int, source: ByteOrderMarks?) throws(Failure) -> JSONValue {
        budget -= 1
        let line = node.mark?.line ?? 0
        let column = node.mark?.column ?? 0
        guard budget >= 0 else { throw Failure(line: line, column: column, message: "more than \(maxNodes) values") }
        guard depth <= maxDepth else { throw Failure(line: line, column: column, message: "nesting deeper than \(maxDepth) levels") }
        if node.anchor != nil {
            throw Failure(line: line, column: column, message: "YAML anchors and aliases are not allowed here")
        }
        let tag = node.tag.rawValue
        guard allowedTags.contains(tag) else {
            throw Failure(line: line, column: column, message: "YAML tag \(tag) is not allowed here")
        }
        switch node {
        case let .scalar(scalar):
            if scalar.style != .plain { return .string(source?.restored(scalar) ?? scalar.string) }
            switch Tag.Name(rawValue: tag) {
            case .null: return .null
            case .bool:
                // An explicit !!bool: a word that is no boolean is an error, not false.
                if trueWords.contains(scalar.string) { return .bool(true) }
                if falseWords.contains(scalar.string) { return .bool(false) }
                throw Failure(line: line, column: column, message: "\"\(scalar.string)\" is tagged !!bool but is not a boolean (true or false)")
            case .int, .float: return number(scalar.string) ?? .string(scalar.string)
            case untagged: return plainScalar(scalar.string)
            default: return .string(scalar.string)
            }
        case let .mapping(mapping):
            var members: [JSONMember] = []
            var seen = Set<String>()
            for (key, value) in mapping {
                guard case let .scalar(keyScalar) = key else {
                    throw Failure(line: key.mark?.line ?? line, column: 0, message: "mapping keys must be plain text")
                }
                let name = source?.restored(keyScalar) ?? keyScalar.string
                if !seen.insert(name).inserted {
                    throw Failure(line: key.mark?.line ?? line, column: key.mark?.column ?? 0, message: "duplicate key \"\(name)\"")
                }
                members.append(JSONMember(key: name, value: try convert(value, depth: depth + 1, budget: &budget, source: source)))
            }
            return .object(members)
        case let .sequence(sequence):
            var items: [JSONValue] = []
            for item in sequence { items.append(try convert(item, depth: depth + 1, budget: &budget, source: source)) }
            return .array(items)
        case .alias:
            throw Failure(line: line, column: column, message: "YAML anchors and aliases are not allowed here")
        }
    }
}

extension Constructor {
    /// For a parser whose nodes are read as they are (`YAMLReader`, `YAMLOutline`), never
    /// constructed into Swift values: the default constructor's tables of closures were built for
    /// every manifest read (0.6 M instructions, a tenth of the parse). Passed with `.utf8`, which
    /// Yams's default encoding also is for a native String, but found by reading the whole process
    /// environment for `YAMS_DEFAULT_ENCODING` (and printing a line to standard output when set).
    static var nodesOnly: Constructor { Constructor([:], [:], [:]) }
}

/// Yams turns each scalar's bytes into a String with Foundation's UTF-8 decoding, which drops a
/// U+FEFF (byte-order mark) at the start: a file name that begins with one (`"\uFEFFCV.pdf"`)
/// would come back without it and name no file. Where the scalar's source text begins with
/// U+FEFF, raw or escaped, it is put back. nil (nothing to do) for a text with no U+FEFF and no
/// `feff` in it, which is nearly every manifest.
struct ByteOrderMarks {
    private let lines: [[Unicode.Scalar]]

    init?(_ text: String) {
        guard Self.mayHaveMark(text.utf8) else { return nil }
        var lines: [[Unicode.Scalar]] = [[]]
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where previous == "\r": break
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": lines.append([])
            default: lines[lines.count - 1].append(scalar)
            }
            previous = scalar
        }
        self.lines = lines
    }

    /// Whether the text holds U+FEFF (EF BB BF in UTF-8) or "feff" in any case, looked for byte by
    /// byte: lowercasing the whole manifest to look for it cost more than Yams's parse of it.
    static func mayHaveMark<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        var previous: (UInt8, UInt8, UInt8) = (0, 0, 0)
        for byte in bytes {
            if previous.1 == 0xEF && previous.2 == 0xBB && byte == 0xBF { return true }
            let lower = byte | 0x20  // ASCII letters to lowercase; "feff" is letters only
            if (previous.0 | 0x20, previous.1 | 0x20, previous.2 | 0x20) == (0x66, 0x65, 0x66) && lower == 0x66 { return true }
            previous = (previous.1, previous.2, byte)
        }
        return false
    }

    func restored(_ scalar: Node.Scalar) -> String {
        guard !scalar.string.unicodeScalars.starts(with: ["\u{FEFF}"]), let mark = scalar.mark,
              mark.line >= 1, mark.line <= lines.count, mark.column >= 1 else { return scalar.string }
        var rest = lines[mark.line - 1].dropFirst(mark.column - 1)
        switch scalar.style {
        case .doubleQuoted, .singleQuoted:
            guard rest.popFirst() != nil else { return scalar.string }
        case .plain:
            break
        default:
            return scalar.string
        }
        let text = String(String.UnicodeScalarView(rest.prefix(10)))
        let marked = text.hasPrefix("\u{FEFF}")
            || (scalar.style == .doubleQuoted && (text.lowercased().hasPrefix("\\ufeff") || text.lowercased().hasPrefix("\\u0000feff")))
        return marked ? "\u{FEFF}" + scalar.string : scalar.string
    }
}
