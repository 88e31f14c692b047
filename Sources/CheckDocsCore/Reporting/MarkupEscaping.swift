/// Escaping for the XML-family reports (HTML, JUnit). The same function serves text and attribute
/// values: it escapes all five markup characters, so a value can go anywhere between quotes.
public enum MarkupEscaping {
    /// Escapes `& < > " '`, keeps tab and line feed (as references inside attributes, where a
    /// parser would otherwise turn them into spaces), and makes every character that XML 1.0 forbids
    /// or HTML calls a parse error (C0 and C1 controls, DEL: `\xNN`; U+FFFE, U+FFFF: `\u{FFFE}`), and
    /// bidi overrides and isolates (`\u{202E}`), visible.
    public static func escape(_ text: String, attribute: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t": out += attribute ? "&#9;" : "\t"
            case "\n": out += attribute ? "&#10;" : "\n"
            default:
                if let visible = visibleControl(scalar) { out += visible } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// `\x1B` for a control character (or `\u{FFFE}` for a noncharacter, `\u{202E}` for a bidi
    /// override or isolate, which would reorder the text around it as the terminal report's
    /// `DisplayText` prevents) that must not be written raw to a terminal, an XML file or an HTML
    /// page; nil for anything printable.
    static func visibleControl(_ scalar: Unicode.Scalar) -> String? {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) {
            return "\\x" + String(value, radix: 16, uppercase: true).leftPadded(to: 2)
        }
        if value == 0xFFFE || value == 0xFFFF || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) {
            return "\\u{" + String(value, radix: 16, uppercase: true) + "}"
        }
        return nil
    }
}

/// The start of every HTML page checkdocs writes, up to the opening `<body>`: one place for the
/// head the check report and `pick` share (UTF-8, a phone's viewport, the generator, the inline
/// style; no script, no external asset).
enum HTMLPage {
    static func head(title: String, toolVersion: String, style: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="checkdocs \(MarkupEscaping.escape(toolVersion))"/>
        <title>\(MarkupEscaping.escape(title))</title>
        <style>\(style)</style>
        </head>
        <body>

        """
    }
}
