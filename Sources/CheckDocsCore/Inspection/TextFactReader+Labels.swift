import CheckDocsNative

/// Finding the date labels of a line, exactly or, in OCR text, with one letter misread
/// (docs/inspection.md, "Facts read from documents").
extension TextFactReader {
    struct Label {
        var fact: FactClass
        var end: Int
    }

    /// In OCR text, a label of at least this many characters is still read with one letter misread.
    static let ocrLabelLength = 8

    /// The date labels of a line. In OCR text (`ocr`) a long label whose first character is right
    /// may have one other letter misread as another letter ("giltig bis", "date of explry"):
    /// the English model drops accents and confuses l and i. Exact readings are found first, so
    /// they win over a misread one ending at the same place.
    static func labelPositions(_ line: FoldedLine, ocr: Bool = false) -> [Label] {
        line.isASCII ? asciiLabelPositions(line, ocr: ocr) : characterLabelPositions(line.characters, ocr: ocr)
    }

    /// `labelPositions` character by character: for a line that is not ASCII.
    static func characterLabelPositions(_ characters: [Character], ocr: Bool) -> [Label] {
        var found: [Label] = []
        for (fact, phrases) in dateLabels {
            for phrase in phrases {
                for start in occurrences(of: phrase.characters, in: characters) {
                    found.append(Label(fact: fact, end: start + phrase.count))
                }
            }
        }
        if ocr {
            for (fact, phrases) in dateLabels {
                for phrase in phrases where phrase.count >= ocrLabelLength {
                    for start in misreadOccurrences(of: phrase.characters, in: characters) {
                        found.append(Label(fact: fact, end: start + phrase.count))
                    }
                }
            }
        }
        // The nearest label wins; between labels ending together, the longer (found first) wins.
        var byEnd: [Int: Label] = [:]
        for label in found where byEnd[label.end] == nil { byEnd[label.end] = label }
        return byEnd.values.sorted { $0.end < $1.end }
    }

    /// A date label with its rank: its place in `dateLabels`, which decides between labels
    /// ending at the same place (an exact reading before any misread one).
    struct RankedLabel {
        var rank: Int
        var fact: FactClass
        var phrase: Phrase
    }

    static let rankedLabels: [RankedLabel] = dateLabels.flatMap { fact, phrases in phrases.map { (fact, $0) } }
        .enumerated().map { RankedLabel(rank: $0.offset, fact: $0.element.0, phrase: $0.element.1) }

    /// The ASCII labels by their first byte: at each word start of an ASCII line only the few
    /// labels that begin with its byte are compared, not all of them.
    static let asciiLabelsByFirstByte: [[RankedLabel]] = {
        var table = [[RankedLabel]](repeating: [], count: 128)
        for label in rankedLabels where label.phrase.isASCII { table[Int(label.phrase.utf8[0])].append(label) }
        return table
    }()

    /// Labels that are not ASCII but begin with an ASCII character: only they may be read
    /// misread in an ASCII line (a first character is never misread).
    static let misreadableNonASCIILabels = rankedLabels.filter {
        !$0.phrase.isASCII && $0.phrase.utf8[0] < 0x80 && $0.phrase.count >= ocrLabelLength
    }

    /// `labelPositions` of an ASCII line, the same labels found by one pass over its word starts.
    static func asciiLabelPositions(_ line: FoldedLine, ocr: Bool) -> [Label] {
        let bytes = line.utf8
        var best: [Int: (rank: Int, fact: FactClass)] = [:]
        func found(_ label: RankedLabel, end: Int, misread: Bool) {
            let rank = label.rank + (misread ? rankedLabels.count : 0)
            if let current = best[end], current.rank <= rank { return }
            best[end] = (rank, label.fact)
        }
        for start in bytes.indices where start == 0 || !bytes[start - 1].isLetter {
            let first = Int(bytes[start])
            guard first < 128 else { continue }
            for label in asciiLabelsByFirstByte[first] {
                if matches(label.phrase.utf8, in: bytes, at: start) {
                    found(label, end: start + label.phrase.count, misread: false)
                } else if ocr, label.phrase.count >= ocrLabelLength, misreadMatches(label.phrase.utf8, in: bytes, at: start) {
                    found(label, end: start + label.phrase.count, misread: true)
                }
            }
        }
        if ocr {
            for label in misreadableNonASCIILabels {
                for start in misreadOccurrences(of: label.phrase.characters, in: line.characters) {
                    found(label, end: start + label.phrase.count, misread: true)
                }
            }
        }
        return best.map { Label(fact: $0.value.fact, end: $0.key) }.sorted { $0.end < $1.end }
    }

    /// Start offsets of `needle` in `haystack` at word starts.
    static func occurrences<Unit: TextUnit>(of needle: [Unit], in haystack: [Unit]) -> [Int] {
        guard !needle.isEmpty, haystack.count >= needle.count else { return [] }
        return (0...(haystack.count - needle.count)).filter { start in
            (start == 0 || !haystack[start - 1].isLetter) && matches(needle, in: haystack, at: start)
        }
    }

    /// Whether `needle` is in `haystack` at `start`.
    static func matches<Unit: TextUnit>(_ needle: [Unit], in haystack: [Unit], at start: Int) -> Bool {
        guard !needle.isEmpty, start + needle.count <= haystack.count, haystack[start] == needle[0] else { return false }
        var offset = 1
        while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
        return offset == needle.count
    }

    /// Start offsets of `needle` in `haystack` at word starts, with exactly one letter after the
    /// first read as another letter. Only where the first character matches is the rest compared,
    /// and the comparison stops at the second difference, as `occurrences` stops at the first.
    static func misreadOccurrences<Unit: TextUnit>(of needle: [Unit], in haystack: [Unit]) -> [Int] {
        guard needle.count >= 3, haystack.count >= needle.count else { return [] }
        return (0...(haystack.count - needle.count)).filter { start in
            (start == 0 || !haystack[start - 1].isLetter) && misreadMatches(needle, in: haystack, at: start)
        }
    }

    /// Whether `needle` is in `haystack` at `start` with exactly one letter after the first misread.
    static func misreadMatches<Unit: TextUnit>(_ needle: [Unit], in haystack: [Unit], at start: Int) -> Bool {
        guard needle.count >= 3, start + needle.count <= haystack.count, haystack[start] == needle[0] else { return false }
        // A whole word, and its last letter read right: a word's ending is where languages
        // inflect it, so "validado" and "validated" are not "validade" misread.
        let end = start + needle.count
        if end < haystack.count, haystack[end].isLetter { return false }
        if haystack[end - 1] != needle[needle.count - 1] { return false }
        var misread = 0
        for offset in 1..<needle.count where haystack[start + offset] != needle[offset] {
            misread += 1
            if misread > 1 || !needle[offset].isLetter || !haystack[start + offset].isLetter { return false }
        }
        return misread == 1
    }
}
