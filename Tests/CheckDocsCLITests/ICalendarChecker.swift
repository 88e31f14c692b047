/// A strict reader of what `plan --ics` must produce (RFC 5545 §3.1, §3.3.11, §3.6): CRLF line
/// ends only, physical lines of at most 75 octets, folds that do not split UTF-8, well-formed
/// content lines, balanced components, the required properties, and escaped TEXT values.
enum ICalendarChecker {
    struct Event {
        var properties: [String: String]
    }

    /// The problems found (empty: valid) and the events read.
    static func check(_ bytes: [UInt8]) -> (problems: [String], events: [Event]) {
        var problems: [String] = []
        var lines: [[UInt8]] = []
        var index = 0
        var start = 0
        while index < bytes.count {
            if bytes[index] == 0x0A { problems.append("bare LF at byte \(index)") }
            if bytes[index] == 0x0D {
                guard index + 1 < bytes.count, bytes[index + 1] == 0x0A else {
                    problems.append("bare CR at byte \(index)")
                    index += 1
                    continue
                }
                lines.append(Array(bytes[start..<index]))
                index += 2
                start = index
                continue
            }
            index += 1
        }
        if start != bytes.count { problems.append("the last line does not end in CRLF") }
        var logical: [[UInt8]] = []
        for line in lines {
            if line.count > 75 { problems.append("line over 75 octets: \(String(decoding: line, as: UTF8.self))") }
            if String(validating: line, as: UTF8.self) == nil { problems.append("a physical line is not valid UTF-8 (split sequence?)") }
            if line.first == UInt8(ascii: " ") || line.first == UInt8(ascii: "\t") {
                if logical.isEmpty { problems.append("continuation line first") } else { logical[logical.count - 1] += line.dropFirst() }
            } else {
                logical.append(line)
            }
        }
        var stack: [String] = []
        var events: [Event] = []
        var current: [String: String]?
        var calendar: [String: String] = [:]
        for raw in logical {
            let line = String(decoding: raw, as: UTF8.self)
            guard let colon = line.firstIndex(of: ":") else {
                problems.append("no colon: \(line)")
                continue
            }
            let head = String(line[..<colon])
            let name = String(head.split(separator: ";", maxSplits: 1).first ?? "")
            let value = String(line[line.index(after: colon)...])
            if name.isEmpty || !name.allSatisfy({ $0.isUppercase || $0 == "-" || $0.isNumber }) { problems.append("bad name: \(name)") }
            switch name {
            case "BEGIN":
                stack.append(value)
                if value == "VEVENT" { current = [:] }
            case "END":
                if stack.popLast() != value { problems.append("END:\(value) does not close its BEGIN") }
                if value == "VEVENT", let properties = current {
                    events.append(Event(properties: properties))
                    current = nil
                }
            default:
                if current != nil {
                    if current![name] != nil, name != "CATEGORIES" { problems.append("\(name) twice in one VEVENT") }
                    current![head] = value
                    current![name] = value
                } else {
                    calendar[name] = value
                }
                if ["SUMMARY", "DESCRIPTION", "UID"].contains(name) { problems += textProblems(value, name) }
            }
        }
        if !stack.isEmpty { problems.append("unclosed: \(stack)") }
        if logical.first.map({ String(decoding: $0, as: UTF8.self) }) != "BEGIN:VCALENDAR" { problems.append("does not start with BEGIN:VCALENDAR") }
        if calendar["VERSION"] != "2.0" { problems.append("VERSION is not 2.0") }
        if (calendar["PRODID"] ?? "").isEmpty { problems.append("no PRODID") }
        for event in events {
            for required in ["UID", "DTSTAMP", "DTSTART;VALUE=DATE", "SUMMARY"] where event.properties[required] == nil {
                problems.append("VEVENT without \(required)")
            }
            if let date = event.properties["DTSTART;VALUE=DATE"], date.count != 8 || !date.allSatisfy(\.isNumber) {
                problems.append("DTSTART is not a DATE: \(date)")
            }
        }
        return (problems, events)
    }

    /// TEXT: every backslash starts \\ \; \, \n or \N; no bare ; or ,; no control characters.
    private static func textProblems(_ value: String, _ name: String) -> [String] {
        var problems: [String] = []
        var scalars = value.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case "\\":
                guard let next = scalars.next(), ["\\", ";", ",", "n", "N"].contains(next) else {
                    problems.append("\(name): a backslash that escapes nothing")
                    continue
                }
            case ";", ",": problems.append("\(name): unescaped \(scalar)")
            default:
                if (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F { problems.append("\(name): control character") }
            }
        }
        return problems
    }

    /// Unescapes a TEXT value.
    static func text(_ value: String) -> String {
        var out = ""
        var escaped = false
        for character in value {
            if escaped {
                out.append(character == "n" || character == "N" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}
