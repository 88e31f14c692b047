import CheckDocsNative

/// A phrase the fact readers look for (a label, a result word), folded like the lines it is
/// looked for in, kept as characters and as UTF-8 bytes.
struct Phrase: ExpressibleByStringLiteral {
    let characters: [Character]
    let utf8: [UInt8]
    var isASCII: Bool { utf8.count == characters.count }
    var count: Int { characters.count }

    init(_ text: String) {
        characters = Array(text)
        utf8 = Array(text.utf8)
    }

    init(stringLiteral text: String) { self.init(text) }
}

/// One folded line of document text (TextDates.fold), in the forms the readers match on. Most
/// lines are ASCII, and there a byte is a character: offsets into `utf8` are offsets into
/// characters, so a phrase is compared byte by byte, several times faster than `Character`s,
/// and the line's `Character`s are never made (docs/performance.md, "Scans"). Other lines are
/// compared character by character, as before.
final class FoldedLine {
    let utf8: [UInt8]
    let isASCII: Bool
    private let folded: String
    /// The line's characters, made only for a line that is not ASCII, or when asked.
    private(set) lazy var characters: [Character] = Array(folded)

    init(_ folded: String) {
        self.folded = folded
        utf8 = Array(folded.utf8)
        // "\r\n" is one character of two bytes (a line never holds one: lines are split at it).
        isASCII = utf8.allSatisfy { $0 < 0x80 } && !zip(utf8, utf8.dropFirst()).contains { $0 == 0x0D && $1 == 0x0A }
    }

    /// How many characters the line has.
    var count: Int { isASCII ? utf8.count : characters.count }

    subscript(_ offset: Int) -> Character {
        isASCII ? Character(Unicode.Scalar(utf8[offset])) : characters[offset]
    }

    /// The characters in `range`, as a string.
    func text(_ range: Range<Int>) -> String {
        isASCII ? String(decoding: utf8[range], as: UTF8.self) : String(characters[range])
    }

    /// Whether `phrase` occurs anywhere (not only at a word's start). UTF-8 is self-synchronizing,
    /// so a byte match is a match of whole characters; folding has removed the accents that
    /// could make two spellings of one character differ.
    func contains(_ phrase: Phrase) -> Bool {
        ByteSearch.contains(utf8, phrase.utf8)
    }

    /// Start offsets of `phrase` at word starts (TextFactReader.occurrences).
    func occurrences(of phrase: Phrase) -> [Int] {
        guard isASCII else { return TextFactReader.occurrences(of: phrase.characters, in: characters) }
        // A character outside ASCII equals no character of an ASCII line.
        guard phrase.isASCII else { return [] }
        return TextFactReader.occurrences(of: phrase.utf8, in: utf8)
    }

    /// Whether `phrase` occurs as a whole word.
    func containsWord(_ phrase: Phrase) -> Bool {
        occurrences(of: phrase).contains { start in
            let end = start + phrase.count
            return end == count || !self[end].isLetter
        }
    }
}

/// What the phrase matchers compare: a `Character`, or a byte of an ASCII line.
protocol TextUnit: Equatable {
    var isLetter: Bool { get }
}

extension Character: TextUnit {}

extension UInt8: TextUnit {
    /// An ASCII letter, as `Character.isLetter` says of the ASCII characters.
    var isLetter: Bool { (self | 0x20) >= 0x61 && (self | 0x20) <= 0x7A }
}
