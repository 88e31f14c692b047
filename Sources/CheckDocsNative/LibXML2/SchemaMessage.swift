/// Makes libxml2's schema messages shorter without losing what they say.
enum SchemaMessage {
    static func simplify(_ message: String) -> String {
        var text = message.replacingOccurrences(of: "{urn:checkdocs:program:1}", with: "")
        text = text.replacingOccurrences(of: "Schemas validity error : ", with: "")
        return hinted(text)
    }

    /// libxml2's words for the slips people make most, with what to do about each.
    static func hinted(_ message: String) -> String {
        for (words, hint) in hints where message.contains(words) && !message.contains(hint) {
            return message + " (" + hint + ")"
        }
        return message
    }

    private static let hints: [(String, String)] = [
        ("No matching global declaration available for the validation root",
         "a program or checklist's root element needs xmlns=\"urn:checkdocs:program:1\""),
        ("xmlParseEntityRef: no name", "a bare & in text: write &amp;"),
        ("StartTag: invalid element name", "a bare < in text: write &lt;"),
    ]

    /// The attribute a message is about: libxml2 writes "Element 'e', attribute 'a': …".
    static func attribute(in message: String) -> String? {
        guard let start = message.range(of: "', attribute '")?.upperBound,
              let end = message[start...].firstIndex(of: "'") else { return nil }
        let name = message[start..<end]
        // A namespaced attribute is written {uri}name.
        return String(name.split(separator: "}").last ?? name)
    }
}
