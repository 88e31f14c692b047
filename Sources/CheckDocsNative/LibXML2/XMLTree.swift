/// A parsed XML document's elements as plain Swift values, all in one place: nothing from libxml2
/// outlives the parse.
///
/// One tree per document, its elements in one array, every element's children side by side in
/// it, and every attribute in a second array, instead of an object per element with an array of
/// children and one of attributes each: a description of ~50 elements was ~150 allocations to
/// make and a chain of releases to free, and is now a handful (docs/performance.md, "One
/// allocation per description tree").
///
/// The accessors are `@inlinable`: a decoder in another module reads every element's name and
/// children, and a call per read cost more than the read.
public final class XMLElementTree: Sendable {
    @usableFromInline
    struct Element: Sendable {
        @usableFromInline var name: String
        @usableFromInline var text: String
        /// Index into `namespaces`, or -1 for none.
        @usableFromInline var namespace: Int32
        @usableFromInline var attributeStart: Int32
        @usableFromInline var attributeCount: Int32
        @usableFromInline var childStart: Int32
        @usableFromInline var childCount: Int32
        @usableFromInline var line: Int32
        /// The column given when the tree was rebuilt; 0 when it is found in `source`.
        @usableFromInline var givenColumn: Int32

        static let placeholder = Element(name: "", text: "", namespace: -1, attributeStart: 0, attributeCount: 0,
                                         childStart: 0, childCount: 0, line: 0, givenColumn: 0)
    }

    @usableFromInline let elements: [Element]
    @usableFromInline let attributes: [(name: String, value: String)]
    @usableFromInline let namespaces: [String]
    /// The parsed document's lines, when columns are found only if asked for.
    let source: LineIndex?

    fileprivate init(_ builder: consuming Builder) {
        elements = builder.elements
        attributes = builder.attributes
        namespaces = builder.namespaces
        source = builder.source
    }

    /// Builds a tree element by element: each element is placed in a slot given to it, and its
    /// children's slots are given together, side by side, when it is placed. Slot 0 is the root.
    /// An element's attributes are added just before it is placed.
    public struct Builder {
        private(set) var elements: [Element] = [.placeholder]
        private(set) var attributes: [(name: String, value: String)] = []
        private(set) var namespaces: [String] = []
        /// Where the attributes added since the last element was placed start.
        private var unplacedAttributes = 0
        let source: LineIndex?

        /// For a tree kept elsewhere and rebuilt, whose columns are given.
        public init() { source = nil }

        init(source: LineIndex) { self.source = source }

        /// Puts an element in `slot`, with the attributes added since the last element was placed,
        /// and returns the slots of its `childCount` children.
        public mutating func place(_ slot: Int, name: String, namespace: String?, text: String, line: Int, column: Int,
                                   childCount: Int) -> Range<Int> {
            var index: Int32 = -1
            if let namespace { index = namespaceIndex(namespace) }
            return place(slot, name: name, namespace: index, text: text, line: line, column: column, childCount: childCount)
        }

        /// The same, with the namespace given by `namespaceIndex` (-1 for none).
        mutating func place(_ slot: Int, name: String, namespace: Int32, text: String, line: Int, column: Int,
                            childCount: Int) -> Range<Int> {
            let childStart = elements.count
            elements[slot] = Element(name: name, text: text, namespace: namespace, attributeStart: Int32(unplacedAttributes),
                                     attributeCount: Int32(attributes.count - unplacedAttributes), childStart: Int32(childStart),
                                     childCount: Int32(childCount), line: Int32(clamping: line), givenColumn: Int32(clamping: column))
            unplacedAttributes = attributes.count
            for _ in 0..<childCount { elements.append(.placeholder) }
            return childStart..<(childStart + childCount)
        }

        /// The index of `namespace` in the tree's table, added if new. A description has one
        /// namespace: the table is searched, not hashed.
        mutating func namespaceIndex(_ namespace: String) -> Int32 {
            if let known = namespaces.firstIndex(of: namespace) { return Int32(known) }
            namespaces.append(namespace)
            return Int32(namespaces.count - 1)
        }

        /// An attribute of the element placed next.
        public mutating func addAttribute(name: String, value: String) {
            attributes.append((name: name, value: value))
        }

        /// A copy of `node` and everything under it, into `slot`.
        mutating func copy(_ node: XMLElementNode, into slot: Int) {
            for attribute in node.attributes { addAttribute(name: attribute.name, value: attribute.value) }
            let children = place(slot, name: node.name, namespace: node.namespace, text: node.text, line: node.line,
                                 column: node.column, childCount: node.children.count)
            for (childSlot, child) in zip(children, node.children) { copy(child, into: childSlot) }
        }

        /// The tree built, by its root.
        public consuming func finish() -> XMLElementNode { XMLElementNode(tree: XMLElementTree(self), index: 0) }
    }
}

/// One element of an `XMLElementTree`: the tree and the element's place in it. A copy is one
/// reference (docs/performance.md, "Loading descriptions": a description is read through many
/// small accessors, each holding its own copy).
public struct XMLElementNode: Sendable {
    @usableFromInline let tree: XMLElementTree
    @usableFromInline let index: Int

    @inlinable
    init(tree: XMLElementTree, index: Int) {
        self.tree = tree
        self.index = index
    }

    /// An element made of parts (tests, and trees changed from another): a new tree of its own.
    public init(name: String, namespace: String?, attributes: [(name: String, value: String)], children: [XMLElementNode],
                text: String, line: Int, column: Int) {
        var builder = XMLElementTree.Builder()
        for attribute in attributes { builder.addAttribute(name: attribute.name, value: attribute.value) }
        let slots = builder.place(0, name: name, namespace: namespace, text: text, line: line, column: column,
                                  childCount: children.count)
        for (slot, child) in zip(slots, children) { builder.copy(child, into: slot) }
        self = builder.finish()
    }

    // Each field is read in place: a copy of the whole element would retain both its strings.

    @inlinable
    public var name: String { tree.elements[index].name }

    @inlinable
    public var namespace: String? {
        let namespace = tree.elements[index].namespace
        return namespace < 0 ? nil : tree.namespaces[Int(namespace)]
    }

    /// Its text pieces, joined in order; empty for an element with children whose pieces are only
    /// white space (the indentation between them), which nothing reads.
    @inlinable
    public var text: String { tree.elements[index].text }

    @inlinable
    public var line: Int { Int(tree.elements[index].line) }

    @inlinable
    public var attributes: ArraySlice<(name: String, value: String)> { tree.attributes[attributeRange] }

    @inlinable
    public var children: Children { Children(tree: tree, start: childRange.lowerBound, count: childRange.count) }

    /// Where its attributes are in the tree's list.
    @inlinable
    var attributeRange: Range<Int> {
        let start = Int(tree.elements[index].attributeStart)
        return start..<(start + Int(tree.elements[index].attributeCount))
    }

    /// Where its children are in the tree's elements.
    @inlinable
    var childRange: Range<Int> {
        let start = Int(tree.elements[index].childStart)
        return start..<(start + Int(tree.elements[index].childCount))
    }

    /// 1-based column of the start tag on its line (0 when it cannot be found). libxml2 gives
    /// only the line; the column is searched for in the document's bytes when asked for, since
    /// only the elements a location is made of (a requirement, a clause, an error) need one.
    public var column: Int {
        guard let source = tree.source else { return Int(tree.elements[index].givenColumn) }
        return source.column(ofTag: tree.elements[index].name.utf8, onLine: Int(tree.elements[index].line))
    }

    /// The attribute's value, read in place (a slice of the list would retain it).
    @inlinable
    public func attribute(_ name: String) -> String? {
        for position in attributeRange where tree.attributes[position].name == name { return tree.attributes[position].value }
        return nil
    }

    @inlinable
    public func child(named name: String) -> XMLElementNode? {
        for position in childRange where tree.elements[position].name == name { return XMLElementNode(tree: tree, index: position) }
        return nil
    }

    /// An element's child elements, in document order.
    public struct Children: RandomAccessCollection, Sendable {
        @usableFromInline let tree: XMLElementTree
        @usableFromInline let start: Int
        public let count: Int

        @inlinable
        init(tree: XMLElementTree, start: Int, count: Int) {
            self.tree = tree
            self.start = start
            self.count = count
        }

        @inlinable public var startIndex: Int { 0 }
        @inlinable public var endIndex: Int { count }

        @inlinable
        public subscript(position: Int) -> XMLElementNode {
            precondition(position >= 0 && position < count, "child index out of range")
            return XMLElementNode(tree: tree, index: start + position)
        }
    }
}
