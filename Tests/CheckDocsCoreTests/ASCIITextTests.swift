import Testing
@testable import CheckDocsCore

/// The byte-level paths of `ASCIIText` and `FileNameTokens` give what the Character-level
/// operations they replace give (docs/performance.md, "Instruction counts, third round").
@Suite struct ASCIITextTests {
    static let samples = [
        "", " ", "word", "  two   words  ", "\tTab\tand\nnewline\r\nand\u{0B}vertical\u{0C}feed\r",
        "Letter of recommendation  (at most 4)", "a  b", " leading", "trailing ", "O'Brien_Step1-B1B2 2026.pdf",
        "MSPE / Dean's letter", "  ", "x\n\n\ny", "café au lait", "em\u{2003}space and\u{00A0}no-break",
        "e\u{0301} combining", "a \u{0301}b", "Step 2 CK (USMLE) score report.PDF",
        // Spaces beside other scalars: joined to a Prepend before or an extender after, or not.
        "✘ NOT READY  bench-00001 — Anesthesiology program 1", "→ Add it  · to the folder •", "a \u{200D}b", "a \u{0600} b",
        "\u{0600} x", "x \u{093F}y", "flag \u{1F3FB} z", "box ─ ┐ \u{20DD} ring", "end \u{FE0F}", "  \u{0301}", "a\u{0301} b",
    ]

    @Test("white space collapsed and words split as by Character.isWhitespace, ASCII or not")
    func whitespace() {
        for text in Self.samples {
            #expect(text.collapsingWhitespace() == text.split(whereSeparator: \.isWhitespace).joined(separator: " "), "\(text.debugDescription)")
            #expect(text.whitespaceSeparatedWords() == text.split(whereSeparator: \.isWhitespace).map(String.init), "\(text.debugDescription)")
        }
    }

    @Test("parts between single spaces as split(separator: \" \") gives them, empty parts kept")
    func spaces() {
        for text in Self.samples {
            #expect(text.spaceSeparatedParts() == text.split(separator: " ", omittingEmptySubsequences: false), "\(text.debugDescription)")
        }
    }

    @Test("an ASCII file name's tokens are those of the Unicode path")
    func fileNameTokens() {
        // Runs longer than the 15 bytes a string holds inline; apostrophes inside, at either end,
        // between digits and between a letter and a digit.
        let names = ["CV_2026-01-05.pdf", "USMLE-Step2CK_Score", "ecfmg's certificate 2", "ABC123def456", "x", "9", "-", "'",
                     "LetterOfRecommendationFromTheDepartmentChair_20261105.pdf", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyz",
                     "a'1", "1'2", "'lead", "trail'", "don't'stop", "it''s", "Z'z9'9"]
        for text in Self.samples + names {
            // A no-break space is a separator: the same name with one at its end takes the Unicode path.
            #expect(FileNameTokens.tokens(text) == FileNameTokens.tokens(text + "\u{00A0}"), "\(text.debugDescription)")
        }
        #expect(FileNameTokens.tokens("O'Brien_Step1") == [.init(text: "obrien", isNumber: false), .init(text: "step", isNumber: false),
                                                          .init(text: "1", isNumber: true)])
    }
}
