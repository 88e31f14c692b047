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

    /// Control characters, DEL, C1 controls (U+0080–U+009F, which some terminals obey like ESC),
    /// and the bidirectional embedding, override and isolate controls (Trojan Source).
    public static func needsEscape(_ scalar: Unicode.Scalar, keepNewlines: Bool = false) -> Bool {
        switch scalar.value {
        case 0x0A: return !keepNewlines
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
