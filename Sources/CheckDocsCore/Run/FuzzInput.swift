/// Reads a fuzz input as a stream of choices, for the targets that build a structure (a folder
/// tree, a program, a report) rather than parse the bytes. Deterministic: the same bytes always
/// give the same structure. Past the end every read is 0, so any input, the empty one included,
/// decodes to something small and valid; libFuzzer's mutations then steer the choices.
struct FuzzInput {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { index >= bytes.count }

    mutating func byte() -> UInt8 {
        guard index < bytes.count else { return 0 }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func bool() -> Bool { byte() & 1 == 1 }

    /// A number in `range`, from one byte (two when the range is wider than 256).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let width = range.upperBound - range.lowerBound + 1
        let raw = width > 256 ? Int(byte()) << 8 | Int(byte()) : Int(byte())
        return range.lowerBound + raw % width
    }

    mutating func pick<T>(_ choices: [T]) -> T { choices[int(0...choices.count - 1)] }

    /// Up to `limit` raw bytes, length first.
    mutating func bytes(upTo limit: Int) -> [UInt8] {
        let count = int(0...limit)
        var out: [UInt8] = []
        out.reserveCapacity(count)
        for _ in 0..<count where !isAtEnd { out.append(byte()) }
        return out
    }

    /// A day between 1900-01-01 and 2200-12-31 (the dates the inputs may hold, DateLimits), a
    /// third of the time near 2026-12-01 so that windows and expiries meet.
    mutating func date() -> CalendarDate {
        let near = CalendarDate(clampingYear: 2026, month: 12, day: 1)
        if byte() % 3 == 0 {
            return CalendarDate(ordinal: near.ordinal + int(0...1500) - 750)
        }
        let span = DateLimits.latest.ordinal - DateLimits.earliest.ordinal
        let raw = Int(byte()) << 16 | Int(byte()) << 8 | Int(byte())
        return CalendarDate(ordinal: DateLimits.earliest.ordinal + raw % (span + 1))
    }

    /// Pieces of hostile text: markup, Markdown, terminal escapes, bidirectional overrides, line
    /// and paragraph separators, noncharacters, a lone combining mark, a long run.
    static let hostilePieces: [String] = [
        "<script>alert(1)</script>", "</td>", "<!--", "]]>", "<![CDATA[", "&amp;", "&#0;", "&", "\"", "'", "<", ">",
        "[x](javascript:alert(1))", "![i](http://e.org/x.png)", "`", "``", "|", "*", "_", "~~", "$x$", "#", "\\", "\\`",
        "\u{1B}[31m", "\u{1B}]8;;http://e.org\u{7}", "\u{0}", "\u{7}", "\u{8}", "\t", "\n", "\r", "\r\n", "\u{7F}", "\u{85}",
        "\u{9B}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{200B}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{FFFE}", "\u{FFFF}",
        "\u{301}", "\u{1F600}", "é", "e\u{301}", "名前", "مرحبا", " ", "  ", "http://e.org/a b", "https://e.org/<x>",
        "javascript:alert(1)", "data:text/html,x", "{", "}", "\"a\":", "%s", "%00", "-->", "<?xml?>",
        String(repeating: "W", count: 3000), String(repeating: "`", count: 40),
    ]

    /// Text of up to `pieces` parts, each a hostile piece, a run of printable ASCII, or a scalar
    /// taken from the input (any valid scalar: controls, surrogates are skipped by Unicode.Scalar).
    mutating func text(pieces: Int = 6) -> String {
        var out = ""
        for _ in 0..<int(0...pieces) {
            switch byte() % 4 {
            case 0: out += pick(Self.hostilePieces)
            case 1:
                let value = UInt32(byte()) << 16 | UInt32(byte()) << 8 | UInt32(byte())
                if let scalar = Unicode.Scalar(value % 0x110000) { out.unicodeScalars.append(scalar) }
            default:
                for _ in 0..<int(1...8) { out.unicodeScalars.append(Unicode.Scalar(0x20 + byte() % 0x5F)) }
            }
        }
        return out
    }

    /// Text that is never empty (a field the model requires).
    mutating func nonEmptyText(pieces: Int = 6) -> String {
        let value = text(pieces: pieces)
        return value.isEmpty ? "x" : value
    }
}
