import Foundation
import Testing
@testable import CheckDocsCore

/// The byte-by-byte readings of ASCII lines (Inspection/FoldedText.swift; docs/performance.md,
/// "Scans") against the character-by-character ones they stand for: on ASCII text the two must
/// find the same labels, tokens, lines and zone candidates, for every line.
@Suite struct FoldedTextTests {
    /// Seeded lines made of the readers' own words, digits, separators and OCR's misreadings.
    static func lines(count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let labels = TextFactReader.rawDateLabels.flatMap(\.1).filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        let words = labels + ["Result:", "NEGATIVE", "positive", "Step 2 CK", "pass", "score", "IU/mL", "<<<", "P<UTO", "Name:",
                              "14", "2026", "05/14/2026", "14 May 2026", "2026-05-14", "03/04/2025", ":", "-", "/", ".", ",", "\t", "  "]
        // No line break: a page is split into lines before anything else reads it.
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<:-/., \t\u{0B}")
        return (0..<count).map { _ in
            var line = ""
            for _ in 0..<(1 + next(8)) {
                var word = Array(words[next(words.count)])
                // One character misread, sometimes: labels must still be found, or not, alike.
                if next(3) == 0, !word.isEmpty { word[next(word.count)] = alphabet[next(alphabet.count)] }
                line += String(word) + (next(4) == 0 ? "" : " ")
            }
            return line
        }
    }

    @Test("date labels of an ASCII line: the same by first-byte buckets as by every label over the line's characters, exact and misread")
    func labels() {
        for line in Self.lines(count: 1000, seed: 7) {
            let folded = FoldedLine(TextDates.fold(line))
            #expect(folded.isASCII)
            for ocr in [false, true] {
                let bytes = TextFactReader.asciiLabelPositions(folded, ocr: ocr).map { "\($0.fact)@\($0.end)" }
                let characters = TextFactReader.characterLabelPositions(Array(TextDates.fold(line)), ocr: ocr).map { "\($0.fact)@\($0.end)" }
                #expect(bytes == characters, "\(line) ocr: \(ocr)")
            }
        }
    }

    @Test("tokens, phrases and lines of ASCII text: the same from bytes as from characters")
    func tokensAndPhrases() {
        let phrases = TextFactReader.resultWords.map(\.0) + TextFactReader.nameLabels + TextFactReader.controlWords
        for line in Self.lines(count: 600, seed: 11) {
            let text = TextDates.fold(line)
            let folded = FoldedLine(text)
            let bytes = TextDates.asciiTokens(folded.utf8).map { "\($0.text)|\($0.isNumber)|\($0.start)|\($0.end)|\($0.separator)" }
            let characters = TextDates.tokens(Array(text)).map { "\($0.text)|\($0.isNumber)|\($0.start)|\($0.end)|\($0.separator)" }
            #expect(bytes == characters, "\(line)")
            for phrase in phrases where phrase.isASCII {
                #expect(folded.occurrences(of: phrase) == TextFactReader.occurrences(of: phrase.characters, in: Array(text)), "\(line)")
                #expect(folded.contains(phrase) == text.contains(String(phrase.characters)), "\(line)")
            }
        }
        // "\r\n" is one character of two bytes: such a line is not read byte by byte.
        #expect(!FoldedLine("a\r\nb").isASCII && FoldedLine("a\rb\n").isASCII)
        let page = Self.lines(count: 400, seed: 13).joined(separator: "\n")
        #expect(TextFactReader.asciiLines(page) == TextFactReader.characterLines(page))
        #expect(TextFactReader.asciiLines("a\r\nb\n\n \t\n\u{0B}c\u{0C}\rd") == TextFactReader.characterLines("a\r\nb\n\n \t\n\u{0B}c\u{0C}\rd"))
    }

    @Test("MRZ candidate lines of ASCII text: the same from bytes as from scalars")
    func zoneCandidates() {
        let zone = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
        var pages = [zone, "PASSPORT\r\n" + zone + "\r\n", "x\n\n" + zone.replacingOccurrences(of: "<<<", with: "< <<") + "\nend"]
        pages += (0..<200).map { Self.lines(count: 6, seed: UInt64($0)).joined(separator: "\n").uppercased() }
        for page in pages {
            #expect(MachineReadableZone.asciiCandidateBlocks(Array(page.utf8)) == MachineReadableZone.scalarCandidateBlocks(page), "\(page)")
        }
    }
}
