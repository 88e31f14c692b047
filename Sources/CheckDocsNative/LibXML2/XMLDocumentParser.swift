import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hardened libxml2 parsing from memory (docs/security.md, "Hardened parsers"): no network, no
/// entity substitution, no DTD loading, a deny-all external loader, and any document with a DOCTYPE
/// refused.
public enum XMLDocumentParser {
    /// Parses and, when a schema is given, validates `data`; returns the root element as Swift
    /// values. Errors carry `file:line:column` and are all reported, not just the first.
    public static func parse(_ data: [UInt8], file: String, schema: XMLSchema?) -> Result<XMLElementNode, InputErrors> {
        XMLLibrary.initializeOnce()
        // Everything libxml2 allocates for this document comes from one region, emptied at once
        // when the document is done (XMLMemory). Its last error, which libxml2 keeps per thread in
        // strings of the region, is cleared first: nothing of the region outlives it.
        XMLMemory.beginRegion()
        defer {
            xmlResetLastError()
            XMLMemory.endRegion()
        }
        return parseInRegion(data, file: file, schema: schema)
    }

    private static let doctypeMessage = "a DOCTYPE is not allowed in a program description (DTDs and entities are refused for safety)"

    /// The refusal of a DOCTYPE, at its line and column, when the text has one.
    private static func doctypeRefusal(_ lines: LineIndex, file: String) -> InputError? {
        guard let line = lines.firstLine(containing: "<!DOCTYPE") else { return nil }
        return InputError(SourceLocation(file: file, position: .line(line, column: lines.column(of: "<!DOCTYPE", onLine: line))), doctypeMessage)
    }

    /// Whether `data` is UTF-16 or UTF-32: a byte-order mark, or a first `<` beside zero bytes.
    static func isWide(_ data: [UInt8]) -> Bool {
        guard data.count >= 2 else { return false }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { return true }
        return (data[0] == 0 && data[1] == 0x3C) || (data[0] == 0x3C && data[1] == 0) || (data[0] == 0 && data[1] == 0)
    }

    private static func parseInRegion(_ data: [UInt8], file: String, schema: XMLSchema?) -> Result<XMLElementNode, InputErrors> {
        let collector = XMLIssueCollector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        let lines = LineIndex(data)
        // XML allows no NUL anywhere, but libxml2 stops reading at one after the root element, and
        // whatever follows it (garbage, a second document) was accepted unread.
        // (In UTF-16 or UTF-32, which libxml2 reads by their byte-order mark or first bytes, zero
        // bytes are half of every ASCII character: not looked for there.)
        if !Self.isWide(data), let (line, column) = lines.firstNUL() {
            return .failure(InputErrors([InputError(SourceLocation(file: file, position: .line(line, column: column)),
                                                    "not well-formed XML: a NUL byte (U+0000), which XML allows nowhere")]))
        }
        xmlSetStructuredErrorFunc(context, collectXMLIssue)
        defer { xmlSetStructuredErrorFunc(nil, nil) }

        // XML_PARSE_COMPACT keeps a short text (most attribute values, the white space between
        // elements) inside its node instead of in an allocation of its own; the tree is only read
        // (validated, then converted) and freed, never modified, which is what it asks.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_COMPACT.rawValue | XML_PARSE_BIG_LINES.rawValue)
        let document: xmlDocPtr? = data.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                xmlReadMemory(pointer, Int32(buffer.count), nil, nil, options)
            }
        }
        withExtendedLifetime(collector) {}
        guard let document else {
            // A DOCTYPE is refused whether or not libxml2 could parse what it declares: an entity
            // bomb otherwise came out as one "entity reference loop" line per level it nested.
            if let refusal = doctypeRefusal(lines, file: file) { return .failure(InputErrors([refusal])) }
            var seen = Set<String>()
            // libxml2 adds "Unregistered error message" after some of its errors (an invalid
            // character in CDATA): a placeholder of its own that tells the user nothing.
            let errors = collector.issues.filter {
                !$0.isWarning && !$0.message.hasPrefix("Unregistered error message") && seen.insert($0.message).inserted
            }.map { issue in
                InputError(SourceLocation(file: file, position: .line(max(issue.line, 1), column: issue.column)),
                           "not well-formed XML: \(SchemaMessage.hinted(issue.message))")
            }
            // libxml2 says nothing of an empty file: it is at line 1 all the same.
            let unsaid = InputError(SourceLocation(file: file, position: .line(1, column: 1)),
                                    data.isEmpty ? "not well-formed XML: the file is empty, and a description needs its root element" : "not well-formed XML")
            return .failure(InputErrors(errors.isEmpty ? [unsaid] : errors))
        }
        // A document wholly in its region goes with the region; walking it to free each node did nothing.
        defer { if !XMLMemory.regionHoldsAll { xmlFreeDoc(document) } }

        if document.pointee.intSubset != nil || document.pointee.extSubset != nil {
            return .failure(InputErrors([doctypeRefusal(lines, file: file) ?? InputError(file: file, doctypeMessage)]))
        }
        guard let root = xmlDocGetRootElement(document) else {
            return .failure(InputErrors([InputError(file: file, "the document has no root element")]))
        }

        if let schema {
            let issues = schema.validate(document)
            // libxml2 follows an invalid id that is a key (xs:unique) with "No precomputed value
            // available, …": the value's own refusal, before it, says all there is to say (kept
            // alone, were it ever alone, so that a refused document is never taken for a valid one).
            let refusals = issues.filter { !$0.isWarning }
            let worded = refusals.filter { !$0.message.contains("No precomputed value available") }
            let errors = worded.isEmpty ? refusals : worded
            if !errors.isEmpty {
                return .failure(InputErrors(errors.map { issue in
                    let place = issue.elementName.map {
                        lines.place(ofElement: $0, attribute: SchemaMessage.attribute(in: issue.message), endingOn: issue.line)
                    } ?? (line: issue.line, column: 0)
                    return InputError(SourceLocation(file: file, position: .line(max(place.line, 1), column: place.column)),
                                      SchemaMessage.simplify(issue.message))
                }))
            }
        }
        var tags = TagNames()
        var builder = XMLElementTree.Builder(source: lines)
        var namespaces = KnownNamespace()
        convert(root, into: 0, of: &builder, tags: &tags, namespaces: &namespaces)
        return .success(builder.finish())
    }

    /// Places `node` in `slot` of the tree being built, then its children in the slots it gives them.
    private static func convert(_ node: xmlNodePtr, into slot: Int, of builder: inout XMLElementTree.Builder,
                                tags: inout TagNames, namespaces: inout KnownNamespace) {
        let name = tags.name(node.pointee.name)
        var namespace: Int32 = -1
        if let href = node.pointee.ns?.pointee.href {
            // Every element of a description names the same namespace, by the same pointer.
            if href != namespaces.href {
                namespaces = KnownNamespace(href: href, index: builder.namespaceIndex(tags.name(href)))
            }
            namespace = namespaces.index
        }
        let childCount = Int(xmlChildElementCount(node))
        var firstText: UnsafeMutablePointer<xmlChar>?
        var textPieces = 0
        var onlyWhiteSpace = true
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
               let content = current.pointee.content {
                if textPieces == 0 { firstText = content }
                textPieces += 1
                if onlyWhiteSpace { onlyWhiteSpace = isWhiteSpace(content) }
            }
            child = current.pointee.next
        }
        // The text is every text piece's, in order. An element with children has a piece of white
        // space around each: nothing reads it (a description's texts are in elements of text
        // alone), and joining it was a string made for half the elements of every description.
        // Mixed content keeps its pieces, joined into one string made once.
        let text: String
        switch textPieces {
        case 0: text = ""
        case _ where childCount > 0 && onlyWhiteSpace: text = ""
        case 1: text = String(cString: firstText!)  // set with the first piece
        default: text = joinedText(of: node)
        }

        var property = node.pointee.properties
        while let attribute = property {
            let attributeName = tags.name(attribute.pointee.name)
            var value = ""
            // A value of one text node (every value, as entities are not substituted) is that
            // node's content: read in place, without libxml2's joined copy to free.
            if let only = attribute.pointee.children, only.pointee.type == XML_TEXT_NODE, only.pointee.next == nil,
               let content = only.pointee.content {
                value = String(cString: content)
            } else if let raw = xmlNodeListGetString(node.pointee.doc, attribute.pointee.children, 1) {
                value = String(cString: raw)
                cxml_free(raw)
            }
            builder.addAttribute(name: attributeName, value: value)
            property = attribute.pointee.next
        }
        let slots = builder.place(slot, name: name, namespace: namespace, text: text, line: Int(xmlGetLineNo(node)),
                                  column: 0, childCount: childCount)

        // xmlChildElementCount counts the same children as this walk converts; the bound is kept
        // anyway, so that no count can place an element outside the slots given.
        var next = slots.lowerBound
        child = node.pointee.children
        while let current = child, next < slots.upperBound {
            if current.pointee.type == XML_ELEMENT_NODE {
                convert(current, into: next, of: &builder, tags: &tags, namespaces: &namespaces)
                next += 1
            }
            child = current.pointee.next
        }
    }
}

/// The namespace the last element converted was in: its URI's pointer in the document, and its
/// index in the tree being built.
private struct KnownNamespace {
    var href: UnsafePointer<xmlChar>?
    var index: Int32 = -1
}

/// Whether a text piece is only XML white space (space, tab, line feed, carriage return).
private func isWhiteSpace(_ content: UnsafeMutablePointer<xmlChar>) -> Bool {
    var byte = content
    while byte.pointee != 0 {
        switch byte.pointee {
        case 0x20, 0x09, 0x0A, 0x0D: byte += 1
        default: return false
        }
    }
    return true
}

/// The text and CDATA pieces of an element's children, concatenated.
private func joinedText(of node: xmlNodePtr) -> String {
    func forEachPiece(_ body: (UnsafeMutablePointer<xmlChar>, Int) -> Void) {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
               let content = current.pointee.content {
                body(content, strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self)))
            }
            child = current.pointee.next
        }
    }
    var total = 0
    forEachPiece { _, count in total += count }
    // Invalid UTF-8 is repaired as String(cString:) repairs it; libxml2 gives only valid UTF-8.
    return String(unsafeUninitializedCapacity: total) { buffer in
        var offset = 0
        forEachPiece { content, count in
            guard let base = buffer.baseAddress, offset + count <= buffer.count else { return }
            (base + offset).update(from: content, count: count)
            offset += count
        }
        return offset
    }
}

/// The element and attribute names and namespace URIs of one document, found by their pointer in
/// a small table: libxml2 keeps each name once in the document's dictionary, and every element of
/// a description carries the same namespace declaration, so a description's few dozen names are
/// made into strings once each instead of once per element and attribute. A pointer names the
/// same bytes for as long as the document lives, so a slot is right whenever its pointer matches.
/// A value passed `inout` down the conversion (a class's table would be checked for exclusive
/// access at every look-up).
private struct TagNames {
    private var pointers = [UnsafePointer<xmlChar>?](repeating: nil, count: 128)
    private var names = [String](repeating: "", count: 128)

    mutating func name(_ pointer: UnsafePointer<xmlChar>) -> String {
        // Fibonacci hashing: the dictionary packs names next to each other, so the low bits alone
        // would put neighbours in the same slot.
        let slot = Int(truncatingIfNeeded: (UInt64(UInt(bitPattern: pointer)) &* 0x9E37_79B9_7F4A_7C15) >> 57)
        if pointers[slot] == pointer { return names[slot] }
        let name = String(cString: pointer)
        pointers[slot] = pointer
        names[slot] = name
        return name
    }
}
