import CLibXML2

/// One message from libxml2 (parser or schema validator), copied out into Swift values.
struct XMLIssue: Sendable {
    var line: Int
    var column: Int
    var code: Int
    var message: String
    var isWarning: Bool
    /// The local name of the element a validity error is about, when libxml2 says.
    var elementName: String?
}

/// Receives libxml2's structured errors through a C callback; lives only for one parse or validation.
final class XMLIssueCollector {
    var issues: [XMLIssue] = []
    /// libxml2 can report thousands of errors for one broken file; keep the first ones.
    let limit = 200
}

/// The C callback. It must not capture anything; the collector travels as the user-data pointer.
let collectXMLIssue: xmlStructuredErrorFunc = { userData, error in
    guard let userData, let error else { return }
    let collector = Unmanaged<XMLIssueCollector>.fromOpaque(userData).takeUnretainedValue()
    guard collector.issues.count < collector.limit else { return }
    let value = error.pointee
    var message = value.message.map { String(cString: $0) } ?? "unknown XML error"
    while message.last == "\n" || message.last == " " { message.removeLast() }
    var elementName: String?
    if let node = value.node?.assumingMemoryBound(to: xmlNode.self), node.pointee.type == XML_ELEMENT_NODE,
       let name = node.pointee.name {
        elementName = String(cString: name)
    }
    var line = Int(value.line)
    if line == 0, let node = value.node?.assumingMemoryBound(to: xmlNode.self) {
        line = Int(xmlGetLineNo(node))
    }
    collector.issues.append(XMLIssue(
        line: line,
        column: Int(value.int2),
        code: Int(value.code),
        // Shortened (the namespace written before each expected element) before it is cut, so
        // that a list of expected elements is whole; cut, it ends in "…", never mid-name alone.
        message: XMLIssue.bounded(SchemaMessage.simplify(message)),
        isWarning: value.level == XML_ERR_WARNING,
        elementName: elementName))
}

extension XMLIssue {
    /// At most 400 characters of a message: libxml2 quotes the document's names in it, and a
    /// hostile description's names are as long as it likes.
    static func bounded(_ message: String) -> String {
        DisplayText.cut(message, toCharacters: 400)
    }
}
