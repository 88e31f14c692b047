/// Makes untrusted text (names from program descriptions, manifest keys and values, file names,
/// libxml2 and YAML messages) safe to print on a terminal: control characters (C0, DEL, C1)
/// and bidirectional overrides are shown escaped, so input can neither move the cursor, change
/// colours, hide text, nor break a one-line error message into several lines.
public enum DisplayText {
    public static func escape(_ text: String, keepNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepNewlines: keepNewlines) }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar, keepNewlines: keepNewlines) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += scalar.value < 0x80 ? "\\x" + hex.leftPadded(to: 2) : "\\u{" + hex + "}"
            }
        }
        return out
    }

    /// At most `limit` characters of `text`: a longer one is cut and ends in "…", so that a
    /// hostile name or message of any length stays a short line.
    public static func cut(_ text: String, toCharacters limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// Control characters, DEL, C1 controls (U+0080–U+009F, which some terminals obey like ESC),
    /// and the bidirectional embedding, override and isolate controls (Trojan Source).
    public static func needsEscape(_ scalar: Unicode.Scalar, keepNewlines: Bool = false) -> Bool {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return false }  // printable ASCII: the common case, first
        if value == 0x0A { return !keepNewlines }
        return value < 0x20 || (value >= 0x7F && value <= 0x9F) || (value >= 0x202A && value <= 0x202E) || (value >= 0x2066 && value <= 0x2069)
    }
}
