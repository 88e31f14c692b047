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
    /// omittingEmptySubsequences: false)`. On ASCII text a space is always a Character of its own.
    func spaceSeparatedParts() -> [Substring] {
        guard ASCIIText.isASCII(self) else { return split(separator: " ", omittingEmptySubsequences: false) }
        var parts: [Substring] = []
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == 0x20 {
                parts.append(self[start..<index])
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        parts.append(self[start..<index])
        return parts
    }
}
