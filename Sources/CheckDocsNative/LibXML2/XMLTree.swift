/// A parsed XML element as plain Swift values: nothing from libxml2 outlives the parse.
public struct XMLElementNode: Sendable {
    public var name: String
    public var namespace: String?
    public var attributes: [(name: String, value: String)]
    public var children: [XMLElementNode]
    public var text: String
    public var line: Int
    public var column: Int

    /// For a tree kept elsewhere and rebuilt (the catalog cache, CheckDocsCore's CatalogTreeCodec).
    public init(name: String, namespace: String?, attributes: [(name: String, value: String)], children: [XMLElementNode],
                text: String, line: Int, column: Int) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.text = text
        self.line = line
        self.column = column
    }

    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    public func children(named name: String) -> [XMLElementNode] {
        children.filter { $0.name == name }
    }

    public func child(named name: String) -> XMLElementNode? {
        children.first { $0.name == name }
    }
}
