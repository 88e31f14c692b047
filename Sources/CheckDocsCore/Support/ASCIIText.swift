/// Byte-level forms of a few Character-level string operations, for text that is all ASCII
/// (nearly every description, report line and file name): there every byte is one Character, so
/// the result is the same, without the grapheme breaking and Unicode property look-ups that were
/// a few percent of a catalog run's instructions (docs/performance.md, "Instruction counts,
/// third round"). Text with any other byte takes the Character path.
enum ASCIIText {
    static func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }

    /// `Character.isWhitespace` of an ASCII byte: tab, line feed, vertical tab, form feed,
    /// carriage return and space.
    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
}

extension String {
    /// The words between runs of white space: `split(whereSeparator: \.isWhitespace)`.
    func whitespaceSeparatedWords() -> [String] {
        guard ASCIIText.isASCII(self) else { return split(whereSeparator: \.isWhitespace).map(String.init) }
        return utf8.split(whereSeparator: ASCIIText.isWhitespace).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The words between runs of white space joined by one space ("" when there is none):
    /// `split(whereSeparator: \.isWhitespace).joined(separator: " ")`.
    func collapsingWhitespace() -> String {
        guard ASCIIText.isASCII(self) else { return split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var spaceBefore = false
        for byte in utf8 {
            if ASCIIText.isWhitespace(byte) {
                spaceBefore = !bytes.isEmpty
                continue
            }
            if spaceBefore {
                bytes.append(0x20)
                spaceBefore = false
            }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The parts between single spaces, empty ones kept: `split(separator: " ",
    /// omittingEmptySubsequences: false)`, found by Unicode scalar. A space is a Character of its
    /// own unless the scalar before it is a Prepend or the one after it extends it (Extend, ZWJ,
    /// SpacingMark: the grapheme break rules GB9–GB9b); when a neighbour of a space is outside
    /// the ranges known to hold none of those (the report's lines: ASCII, dashes, arrows,
    /// badges), the Character path decides.
    func spaceSeparatedParts() -> [Substring] {
        var parts: [Substring] = []
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var index = scalars.startIndex
        var previous: Unicode.Scalar?
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if scalar == " " {
                guard previous.map(ASCIIText.neverPrepends) ?? true, next == scalars.endIndex || ASCIIText.neverExtends(scalars[next]) else {
                    return split(separator: " ", omittingEmptySubsequences: false)
                }
                parts.append(self[start..<index])
                start = next
            }
            previous = scalar
            index = next
        }
        parts.append(self[start..<scalars.endIndex])
        return parts
    }
}

extension ASCIIText {
    /// Not a Prepend scalar (those are in U+0600–U+0DFF and U+11000–U+11FFF).
    static func neverPrepends(_ scalar: Unicode.Scalar) -> Bool {
        !(0x0600...0x0DFF).contains(scalar.value) && !(0x11000...0x11FFF).contains(scalar.value)
    }

    /// Not a scalar that joins the one before it (Extend, ZWJ, SpacingMark): those before
    /// U+0300 (Latin, C1 controls), general punctuation from U+2010 (after the joiners U+200C and
    /// U+200D) to the currency signs (before the symbols' combining marks at U+20D0), and the
    /// letterlike symbols, arrows, mathematical and technical signs, box drawing, shapes,
    /// dingbats and miscellaneous symbols U+2100–U+2BFF.
    static func neverExtends(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x300 || (0x2010...0x20CF).contains(scalar.value) || (0x2100...0x2BFF).contains(scalar.value)
    }
}
