/// The few Markdown marks that free text in a report carries, as HTML: checkdocs's own sentences
/// put manifest keys in backticks ("add `expires:` in the manifest"), and a program's hints may
/// use `**strong**`. The HTML report must never show those marks raw (docs/reports.md, HTML), so
/// a code span becomes `<code>` and a strong span `<strong>`; everything else is escaped text.
///
/// Messages also quote file names and values from the applicant's folder, which may hold a
/// backtick or two asterisks of their own. A mark counts only where a Markdown author would put
/// it: an opening mark at the start or after a space or an opening bracket or quote, a closing
/// mark at the end or before a space or punctuation, and nothing but text between. A mark that
/// does not pair that way is not Markdown but a character of a name, and is shown as itself.
enum InlineMarkup {
    static func html(_ text: String) -> String {
        render(Array(text), strong: true)
    }

    private static func render(_ characters: [Character], strong: Bool) -> String {
        var out = ""
        var plain = ""
        func flush() {
            out += MarkupEscaping.escape(plain)
            plain = ""
        }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "`", let end = closing(characters, from: index, mark: "`") {
                flush()
                out += "<code>" + MarkupEscaping.escape(String(characters[(index + 1)..<end])) + "</code>"
                index = end + 1
                continue
            }
            if strong, character == "*", index + 1 < characters.count, characters[index + 1] == "*",
               let end = closing(characters, from: index, mark: "**") {
                flush()
                out += "<strong>" + render(Array(characters[(index + 2)..<end]), strong: false) + "</strong>"
                index = end + 2
                continue
            }
            plain.append(character)
            index += 1
        }
        flush()
        return out
    }

    /// Where the mark opened at `start` closes, or nil when it is not an opening mark or nothing
    /// closes it. The span holds at least one character, does not start or end with a space, and
    /// holds no line break; the first mark of the same kind after it must be a closing one.
    private static func closing(_ characters: [Character], from start: Int, mark: String) -> Int? {
        let width = mark.count
        let first = start + width
        guard first < characters.count, opens(before: start > 0 ? characters[start - 1] : nil),
              !characters[first].isWhitespace, characters[first] != mark.first else { return nil }
        var index = first
        while index < characters.count {
            let character = characters[index]
            if character.isNewline { return nil }
            if String(characters[index..<min(index + width, characters.count)]) == mark {
                let after = index + width < characters.count ? characters[index + width] : nil
                guard !characters[index - 1].isWhitespace, closes(before: after) else { return nil }
                return index
            }
            index += 1
        }
        return nil
    }

    private static func opens(before previous: Character?) -> Bool {
        guard let previous else { return true }
        return previous.isWhitespace || "([{\"'“‘".contains(previous)
    }

    private static func closes(before next: Character?) -> Bool {
        guard let next else { return true }
        return next.isWhitespace || ".,;:!?)]}\"'”’—".contains(next)
    }
}
