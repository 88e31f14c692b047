/// A parsed XML element as plain Swift values: nothing from libxml2 outlives the parse.
///
/// A final class, not a struct: a description is read through many small accessors
/// (`DescriptionNode`), each of which held its own copy of the element, and a copy of a struct
/// of five references cost five retains and five releases; a copy of this is one
/// (docs/performance.md, "Loading descriptions").
public final class XMLElementNode: Sendable {
    public let name: String
    public let namespace: String?
    public let attributes: [(name: String, value: String)]
    public let children: [XMLElementNode]
    /// Its text pieces, joined in order; empty for an element with children whose pieces are only
    /// white space (the indentation between them), which nothing reads.
    public let text: String
    public let line: Int
    private let givenColumn: Int
    /// The parsed document's lines, when the column is found only if asked for.
    private let source: XMLSourceLines?

    /// For a tree kept elsewhere and rebuilt (the catalog cache, CheckDocsCore's CatalogTreeCodec).
    public convenience init(name: String, namespace: String?, attributes: [(name: String, value: String)], children: [XMLElementNode],
                            text: String, line: Int, column: Int) {
        self.init(name: name, namespace: namespace, attributes: attributes, children: children, text: text, line: line,
                  givenColumn: column, source: nil)
    }

    /// An element just parsed: its column is looked up in `source` when a location is made.
    convenience init(name: String, namespace: String?, attributes: [(name: String, value: String)], children: [XMLElementNode],
                     text: String, line: Int, source: XMLSourceLines) {
        self.init(name: name, namespace: namespace, attributes: attributes, children: children, text: text, line: line,
                  givenColumn: 0, source: source)
    }

    private init(name: String, namespace: String?, attributes: [(name: String, value: String)], children: [XMLElementNode],
                 text: String, line: Int, givenColumn: Int, source: XMLSourceLines?) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.text = text
        self.line = line
        self.givenColumn = givenColumn
        self.source = source
    }

    /// 1-based column of the start tag on its line (0 when it cannot be found). libxml2 gives
    /// only the line; the column is searched for in the document's bytes when asked for, since
    /// only the elements a location is made of (a requirement, a clause, an error) need one.
    public var column: Int {
        guard let source else { return givenColumn }
        return source.lines.column(ofTag: name.utf8, onLine: line)
    }

    public func attribute(_ name: String) -> String? {
        for attribute in attributes where attribute.name == name { return attribute.value }
        return nil
    }

    public func children(named name: String) -> [XMLElementNode] {
        children.filter { $0.name == name }
    }

    public func child(named name: String) -> XMLElementNode? {
        for child in children where child.name == name { return child }
        return nil
    }
}

/// One parsed document's lines, shared by its elements for their columns.
final class XMLSourceLines: Sendable {
    let lines: LineIndex

    init(_ lines: LineIndex) { self.lines = lines }
}
