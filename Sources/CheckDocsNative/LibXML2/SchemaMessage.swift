/// Makes libxml2's schema messages shorter without losing what they say.
enum SchemaMessage {
    static func simplify(_ message: String) -> String {
        var text = message.replacingOccurrences(of: "{urn:checkdocs:program:1}", with: "")
        text = text.replacingOccurrences(of: "Schemas validity error : ", with: "")
        return hinted(worded(date: text))
    }

    /// libxml2's "Element 'source', attribute 'asOf': '2027-02-30' is not a valid value of the
    /// atomic type 'Date'." worded as the JSON schema words a refused date (DateWording): a value
    /// in the form that names no day says so, not that it is of the wrong type.
    static func worded(date message: String) -> String {
        let trimmed = message.hasSuffix("\n") ? String(message.dropLast()) : message
        let ending = "' is not a valid value of the atomic type 'Date'."
        guard trimmed.hasSuffix(ending), let start = trimmed.range(of: ": '")?.upperBound,
              start <= trimmed.index(trimmed.endIndex, offsetBy: -ending.count) else { return message }
        let value = trimmed[start..<trimmed.index(trimmed.endIndex, offsetBy: -ending.count)]
        return String(trimmed[..<trimmed.index(start, offsetBy: -1)]) + DateWording.refusal("\"\(value)\"", inForm: DateWording.isInForm(value))
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
