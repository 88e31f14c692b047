import Yams

/// Where a manifest's top-level keys and its `documents:` entries are in the text, so that
/// `init --update` can add entries and rename a key without re-serializing the applicant's YAML
/// (their comments, quoting and order stay byte for byte; docs/manifest.md). Read after
/// `YAMLReader.read` accepted the same text, so it only needs the positions.
public struct YAMLOutline: Sendable {
    public struct Key: Sendable {
        /// The key's text as YAMLReader reads it.
        public var name: String
        /// 1-based line and column (in Unicode scalars) where the key starts (at its quote if quoted).
        public var line: Int
        public var column: Int
    }

    public enum Shape: Sendable, Equatable {
        /// No `documents:` key.
        case absent
        /// A block mapping (entries on their own lines).
        case block
        /// A flow mapping (`{...}`) starting on this line and column.
        case flow(line: Int, column: Int, empty: Bool)
        /// Anything else (null, a list, a scalar).
        case other
    }

    /// False when the root is not a block mapping (a flow `{...}` root, or an empty file).
    public var rootIsBlock: Bool
    public var topLevel: [Key]
    public var documents: Key?
    public var shape: Shape
    public var entries: [Key]

    public static func read(_ text: String) throws(YAMLReader.Failure) -> YAMLOutline {
        let node: Node?
        let parser: Parser
        do {
            parser = try Parser(yaml: text, resolver: .basic, constructor: .nodesOnly, encoding: .utf8)
            node = try parser.singleRoot()
        } catch {
            throw YAMLReader.Failure(line: 0, column: 0, message: "not valid YAML")
        }
        defer { withExtendedLifetime(parser) {} }
        let source = ByteOrderMarks(text)
        func key(_ node: Node) -> Key? {
            guard case let .scalar(scalar) = node, let mark = scalar.mark else { return nil }
            return Key(name: source?.restored(scalar) ?? scalar.string, line: mark.line, column: mark.column)
        }
        var outline = YAMLOutline(rootIsBlock: false, topLevel: [], documents: nil, shape: .absent, entries: [])
        guard let node, case let .mapping(root) = node else { return outline }
        outline.rootIsBlock = root.style != .flow
        for (name, value) in root {
            guard let top = key(name) else { continue }
            outline.topLevel.append(top)
            guard top.name == "documents" else { continue }
            outline.documents = top
            guard case let .mapping(documents) = value else {
                outline.shape = .other
                continue
            }
            // An empty mapping can only be written `{}`, whatever style the parser reports for it.
            if documents.style == .flow || documents.isEmpty {
                outline.shape = .flow(line: documents.mark?.line ?? 0, column: documents.mark?.column ?? 0, empty: documents.isEmpty)
            } else {
                outline.shape = .block
            }
            outline.entries = documents.compactMap { key($0.key) }
        }
        return outline
    }
}
