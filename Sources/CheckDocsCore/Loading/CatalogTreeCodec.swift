import CheckDocsNative
import CheckDocsFormats

/// A validated description's tree (the `XMLElementNode`s libxml2 gave, or the `JSONValue` the
/// JSON parser gave, after the schema accepted it) in a compact binary form, for the catalog
/// cache (docs/performance.md, "The compiled-catalog cache"). `ProgramDecoder` still decodes the
/// tree on every run, so the cache holds nothing that a new constraint kind could misread.
///
/// The form: a kind byte (1 XML, 2 JSON), a table of the strings, each set of UTF-8 bytes once (a
/// count, then each as a length and its bytes; `StringTable`, and a reader takes a string twice),
/// then the nodes depth first, every string as an index into the table.
/// All numbers are little-endian. Decoding is bounded: every length and count is checked against
/// what is left, the depth is limited, every string must be valid UTF-8; damaged bytes give nil,
/// never a trap.
enum CatalogTreeCodec {
    enum Tree: Equatable {
        case xml(XMLElementNode)
        case json(JSONValue)

        static func == (lhs: Tree, rhs: Tree) -> Bool {
            switch (lhs, rhs) {
            case let (.json(a), .json(b)): return a == b
            case let (.xml(a), .xml(b)): return CatalogTreeCodec.same(a, b)
            default: return false
            }
        }
    }

    /// Deeper trees are not kept: the JSON parser's own limit, far deeper than any description
    /// the schemas allow, and shallow enough for the small stacks of the threads that decode.
    static let maxDepth = JSONParser.maxDepth
    private static let none = UInt32.max

    // MARK: Encoding

    /// The tree's bytes, or nil when it cannot be kept (too deep, a line past 2^32).
    static func encode(_ tree: Tree) -> [UInt8]? {
        var writer = Writer()
        let kind: UInt8
        switch tree {
        case let .xml(root):
            kind = 1
            guard writer.element(root, depth: 0) else { return nil }
        case let .json(value):
            kind = 2
            guard writer.value(value, depth: 0) else { return nil }
        }
        let strings = writer.strings.strings
        var bytes: [UInt8] = [kind]
        bytes.reserveCapacity(writer.nodes.count + writer.strings.byteCount + 4 * strings.count + 5)
        ByteWords.put32(UInt32(strings.count), into: &bytes)
        for string in strings {
            ByteWords.put32(UInt32(string.utf8.count), into: &bytes)
            bytes += string.utf8
        }
        bytes += writer.nodes
        return bytes
    }

    private struct Writer {
        var strings = StringTable()
        var nodes: [UInt8] = []

        mutating func number(_ number: UInt32) { ByteWords.put32(number, into: &nodes) }

        mutating func string(_ string: String) { number(strings.index(of: string)) }

        mutating func element(_ node: XMLElementNode, depth: Int) -> Bool {
            guard depth < CatalogTreeCodec.maxDepth, let line = UInt32(exactly: node.line), let column = UInt32(exactly: node.column),
                  node.attributes.count < Int(UInt32.max), node.children.count < Int(UInt32.max) else { return false }
            string(node.name)
            if let namespace = node.namespace { string(namespace) } else { number(CatalogTreeCodec.none) }
            number(line)
            number(column)
            string(node.text)
            number(UInt32(node.attributes.count))
            for attribute in node.attributes {
                string(attribute.name)
                string(attribute.value)
            }
            number(UInt32(node.children.count))
            for child in node.children where !element(child, depth: depth + 1) { return false }
            return true
        }

        mutating func value(_ value: JSONValue, depth: Int) -> Bool {
            guard depth < CatalogTreeCodec.maxDepth else { return false }
            switch value {
            case .null: nodes.append(0)
            case let .bool(flag): nodes.append(flag ? 2 : 1)
            case let .number(double, text):
                nodes.append(3)
                let bits = double.bitPattern
                number(UInt32(truncatingIfNeeded: bits))
                number(UInt32(truncatingIfNeeded: bits >> 32))
                string(text)
            case let .string(text):
                nodes.append(4)
                string(text)
            case let .array(items):
                guard items.count < Int(UInt32.max) else { return false }
                nodes.append(5)
                number(UInt32(items.count))
                for item in items where !self.value(item, depth: depth + 1) { return false }
            case let .object(members):
                guard members.count < Int(UInt32.max) else { return false }
                nodes.append(6)
                number(UInt32(members.count))
                for member in members {
                    string(member.key)
                    guard self.value(member.value, depth: depth + 1) else { return false }
                }
            }
            return true
        }
    }

    // MARK: Decoding

    /// The tree, or nil when the bytes are not one whole tree of this form.
    static func decode(_ bytes: [UInt8]) -> Tree? {
        var reader = Reader(bytes: bytes)
        guard let kind = reader.byte(), let count = reader.number(), Int(count) <= reader.remaining / 4 else { return nil }
        var strings: [String] = []
        strings.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let length = reader.number(), let text = reader.string(length: Int(length)) else { return nil }
            strings.append(text)
        }
        reader.strings = strings
        let tree: Tree
        switch kind {
        case 1:
            var builder = XMLElementTree.Builder()
            guard reader.element(into: 0, of: &builder, depth: 0) else { return nil }
            tree = .xml(builder.finish())
        case 2:
            guard let value = reader.value(depth: 0) else { return nil }
            tree = .json(value)
        default:
            return nil
        }
        // Trailing bytes mean the entry is not what was written.
        return reader.remaining == 0 ? tree : nil
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0
        var strings: [String] = []

        init(bytes: [UInt8]) { self.bytes = bytes }

        var remaining: Int { bytes.count - position }

        mutating func byte() -> UInt8? {
            guard position < bytes.count else { return nil }
            defer { position += 1 }
            return bytes[position]
        }

        mutating func number() -> UInt32? {
            guard remaining >= 4 else { return nil }
            defer { position += 4 }
            return ByteWords.word32(bytes, position)
        }

        mutating func string(length: Int) -> String? {
            guard length <= remaining else { return nil }
            defer { position += length }
            return String(validUTF8: bytes[position..<(position + length)])
        }

        mutating func indexed() -> String? {
            guard let index = number(), Int(index) < strings.count else { return nil }
            return strings[Int(index)]
        }

        /// A count of things each at least `size` bytes long, if that many can still follow.
        mutating func count(each size: Int) -> Int? {
            guard let count = number(), Int(count) <= remaining / size else { return nil }
            return Int(count)
        }

        /// The element in `slot` of the tree being built, and everything under it; false when the
        /// bytes are not one.
        mutating func element(into slot: Int, of builder: inout XMLElementTree.Builder, depth: Int) -> Bool {
            guard depth < CatalogTreeCodec.maxDepth, let name = indexed(), let namespaceIndex = number(),
                  let line = number(), let column = number(), let text = indexed() else { return false }
            var namespace: String?
            if namespaceIndex != CatalogTreeCodec.none {
                guard Int(namespaceIndex) < strings.count else { return false }
                namespace = strings[Int(namespaceIndex)]
            }
            guard let attributeCount = count(each: 8) else { return false }
            for _ in 0..<attributeCount {
                guard let attributeName = indexed(), let value = indexed() else { return false }
                builder.addAttribute(name: attributeName, value: value)
            }
            // An element is at least 28 bytes: name, namespace, line, column, text and two counts.
            guard let childCount = count(each: 28) else { return false }
            let slots = builder.place(slot, name: name, namespace: namespace, text: text, line: Int(line), column: Int(column),
                                      childCount: childCount)
            for childSlot in slots where !element(into: childSlot, of: &builder, depth: depth + 1) { return false }
            return true
        }

        mutating func value(depth: Int) -> JSONValue? {
            guard depth < CatalogTreeCodec.maxDepth, let tag = byte() else { return nil }
            switch tag {
            case 0: return .null
            case 1: return .bool(false)
            case 2: return .bool(true)
            case 3:
                guard let low = number(), let high = number(), let text = indexed() else { return nil }
                // The JSON parser makes only finite numbers: a NaN or an infinity is a damaged
                // entry (and a NaN would not even equal itself when the tree is compared).
                let number = Double(bitPattern: UInt64(high) << 32 | UInt64(low))
                guard number.isFinite else { return nil }
                return .number(number, text)
            case 4:
                return indexed().map(JSONValue.string)
            case 5:
                guard let count = count(each: 1) else { return nil }
                var items: [JSONValue] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    guard let item = value(depth: depth + 1) else { return nil }
                    items.append(item)
                }
                return .array(items)
            case 6:
                guard let count = count(each: 5) else { return nil }
                var members: [JSONMember] = []
                members.reserveCapacity(count)
                for _ in 0..<count {
                    guard let key = indexed(), let item = value(depth: depth + 1) else { return nil }
                    members.append(JSONMember(key: key, value: item))
                }
                return .object(members)
            default:
                return nil
            }
        }
    }

    /// Two XML trees alike in everything the decoder reads (XMLElementNode is not Equatable:
    /// its attributes are tuples).
    static func same(_ a: XMLElementNode, _ b: XMLElementNode) -> Bool {
        a.name == b.name && a.namespace == b.namespace && a.text == b.text && a.line == b.line && a.column == b.column
            && a.attributes.count == b.attributes.count
            && zip(a.attributes, b.attributes).allSatisfy { $0.name == $1.name && $0.value == $1.value }
            && a.children.count == b.children.count && zip(a.children, b.children).allSatisfy { same($0, $1) }
    }
}

/// The strings of a tree being encoded, in the order first met, each set of bytes once (but for
/// the look-ups cut short, below), and each one's index.
/// Strings are told apart by their UTF-8 bytes, not by `String`'s equality, which takes two
/// spellings of an accented letter (precomposed and combining) for one and would write the
/// first spelling in place of the second. They are found by a hash of those bytes in a table
/// open-addressed by the tree (a `[String: UInt32]` hashed every string with SipHash, and with
/// its growth was most of what encoding a tree cost: docs/performance.md, "The pack's strings").
/// A string whose probe runs past `maxProbes` slots (32) is added again rather than looked for further:
/// the reader takes a table with a string twice, and a description built to collide costs at most
/// that many comparisons a string.
struct StringTable {
    private(set) var strings: [String] = []
    /// The UTF-8 bytes of all `strings`.
    private(set) var byteCount = 0
    /// The hash of each of `strings`, for growing the table without hashing them again.
    private var hashes: [UInt64] = []
    /// Index + 1 into `strings`, 0 for an empty slot; a power of two long, at most half full.
    private var slots = [UInt32](repeating: 0, count: 64)
    /// How many slots a look-up tries (fewer in tests, to add strings again).
    let maxProbes: Int

    init(maxProbes: Int = 32) { self.maxProbes = maxProbes }

    /// The index of `string`'s bytes in the table, added when not there.
    mutating func index(of string: String) -> UInt32 {
        let hash = Self.mixed(ByteWords.fnv1a(utf8: string))
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        for _ in 0..<maxProbes {
            let entry = Int(slots[slot])
            if entry == 0 {
                slots[slot] = UInt32(strings.count + 1)
                return add(string, hash)
            }
            if hashes[entry - 1] == hash, ByteWords.sameUTF8(strings[entry - 1], string) { return UInt32(entry - 1) }
            slot = (slot + 1) & mask
        }
        return add(string, hash)
    }

    private mutating func add(_ string: String, _ hash: UInt64) -> UInt32 {
        let index = UInt32(strings.count)
        strings.append(string)
        hashes.append(hash)
        byteCount += string.utf8.count
        if strings.count * 2 > slots.count { grow() }
        return index
    }

    /// Twice the slots, every string placed again by its kept hash, within `maxProbes` slots as a
    /// look-up searches them: one that finds no room there stays in `strings` unplaced, as a
    /// string added past its probe does, so colliding hashes cost no more here than there.
    private mutating func grow() {
        slots = [UInt32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for index in hashes.indices {
            var slot = Int(truncatingIfNeeded: hashes[index]) & mask
            for _ in 0..<maxProbes {
                if slots[slot] == 0 {
                    slots[slot] = UInt32(index + 1)
                    break
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// FNV-1a of the bytes, mixed so that the low bits, which pick the slot, depend on all of them.
    private static func mixed(_ hash: UInt64) -> UInt64 {
        var hash = hash ^ hash >> 29
        hash = hash &* 0xbf58_476d_1ce4_e5b9
        return hash ^ hash >> 32
    }
}
