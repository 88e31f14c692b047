/// Makes libxml2's schema messages shorter without losing what they say.
enum SchemaMessage {
    static func simplify(_ message: String) -> String {
        var text = message.replacingOccurrences(of: "{urn:checkdocs:program:1}", with: "")
        text = text.replacingOccurrences(of: "Schemas validity error : ", with: "")
        return hinted(worded(pattern: worded(order: worded(date: text))))
    }

    /// libxml2's "Element 'extends': This element is not expected. Expected is ( institution )."
    /// and "Element 'program': Missing child element(s). Expected is one of ( a, b )." worded with
    /// what to write instead: the element that must come next, and the name meant when the one
    /// written is a misspelling of it.
    static func worded(order message: String) -> String {
        let unexpected = "': This element is not expected. Expected is "
        let missing = "': Missing child element(s). Expected is "
        guard message.hasPrefix("Element '"),
              let marker = message.range(of: unexpected) ?? message.range(of: missing) else { return message }
        let element = message[message.index(message.startIndex, offsetBy: "Element '".count)..<marker.lowerBound]
        var list = message[marker.upperBound...]
        guard list.hasSuffix(" )."), list.hasPrefix("( ") || list.hasPrefix("one of ( ") else { return message }
        list = list.dropFirst(list.hasPrefix("( ") ? 2 : "one of ( ".count).dropLast(3)
        let expected = list.split(separator: ",").map { String($0.filter { $0 != " " }) }
        // libxml2 writes a wildcard as ##other{…}: such a list is left as it is.
        guard !expected.isEmpty, expected.allSatisfy({ !$0.isEmpty && !$0.contains("#") && !$0.contains("{") }) else { return message }
        let next = expected.count == 1 ? "<\(expected[0])>" : "one of " + expected.map { "<\($0)>" }.joined(separator: ", ")
        if marker.upperBound == message.range(of: missing)?.upperBound {
            return "<\(element)> is incomplete: \(next) must come next"
        }
        if let meant = Suggestion.closest(to: String(element), in: expected), meant != element {
            return "<\(element)> is not allowed here (did you mean <\(meant)>?): \(next) must come next"
        }
        return "<\(element)> is not allowed here: \(next) must come next (a description's elements come in a fixed order)"
    }

    /// The forms program.xsd's patterns ask for, in words, and a value that fits when one is easy
    /// to make from the refused one (`SchemaMessageTests` holds every pattern of the XSD to a
    /// wording here).
    static let patterns: [String: (words: String, fix: @Sendable (String) -> String?)] = [
        #"[a-z0-9][a-z0-9._\-]{0,79}"#: ("an id: lowercase letters, digits, '.', '_' and '-', starting with a letter or digit, at most 80",
                                         { identifier($0, allowing: "._-", limit: 80) }),
        #"[a-z0-9][a-z0-9\-]{0,39}"#: ("a name: lowercase letters, digits and '-', starting with a letter or digit, at most 40",
                                       { identifier($0, allowing: "-", limit: 40) }),
        #"[A-Za-z0-9][A-Za-z0-9._\-]{0,39}"#: ("letters, digits, '.', '_' and '-', starting with a letter or digit, at most 40", { _ in nil }),
        #"[A-Za-z0-9][A-Za-z0-9._/\-]{0,39}"#: ("a unit: letters, digits, '.', '_', '/' and '-', starting with a letter or digit, at most 40",
                                               { _ in nil }),
        #"\d{4}-\d{2}-\d{2}"#: ("a date, YYYY-MM-DD", { _ in nil }),
        #"(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"#: ("a day of the year, MM-DD (as 11-01)", { _ in nil }),
        #"(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])/(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"#:
            ("a yearly period, MM-DD/MM-DD (as 11-01/03-31)", { _ in nil }),
        #"[A-Z]{3}"#: ("a currency code, three capital letters (as USD)",
                       { $0.count == 3 && $0.allSatisfy(\.isLetter) && $0.allSatisfy(\.isASCII) ? $0.uppercased() : nil }),
    ]

    /// libxml2's "Element 'program', attribute 'id': [facet 'pattern'] The value 'Test Prog' is
    /// not accepted by the pattern '…'." worded as the form the value must have, and the value
    /// that has it when one is easy to make ("test-prog").
    static func worded(pattern message: String) -> String {
        let facet = "[facet 'pattern'] The value '"
        let middle = "' is not accepted by the pattern '"
        guard let start = message.range(of: facet), let split = message.range(of: middle, range: start.upperBound..<message.endIndex),
              message.hasSuffix("'.") else { return message }
        let value = String(message[start.upperBound..<split.lowerBound])
        let pattern = String(message[split.upperBound..<message.index(message.endIndex, offsetBy: -2)])
        guard let form = patterns[pattern] else { return message }
        let fix = form.fix(value).map { $0 != value && !$0.isEmpty ? " (did you mean \"\($0)\"?)" : "" } ?? ""
        return String(message[..<start.lowerBound]) + "\"\(value)\" is not \(form.words)" + fix
    }

    /// `value` lowercased, with each run of other characters made one '-' (ends trimmed), cut to `limit`.
    private static func identifier(_ value: String, allowing punctuation: String, limit: Int) -> String? {
        var result = ""
        for character in value.lowercased() {
            if (character.isASCII && (character.isLetter || character.isNumber)) || punctuation.contains(character) {
                result.append(character)
            } else if result.last != "-" {
                result.append("-")
            }
        }
        while let first = result.first, !(first.isLetter || first.isNumber) { result.removeFirst() }
        while result.last == "-" { result.removeLast() }
        return result.isEmpty ? nil : String(result.prefix(limit))
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
