/// Compares a name printed on a document with a reference name (the passport's), the way ECFMG
/// lists name discrepancies (docs/programs.md, `<nameMatch>`): case, accents, hyphens and
/// punctuation do not matter; initials, another order of the names, a missing (or extra) name and
/// another spelling (spacing, particles, a listed transliteration: `NameSpelling`) are variants —
/// possibly the same person, never silently the same; anything else is a different name.
public enum NameComparison {
    /// How two names differ when one is a variant of the other.
    public struct Differences: OptionSet, Hashable, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// A word is abbreviated to its initial ("A. K. Boadu").
        public static let initials = Differences(rawValue: 1)
        /// The words come in another order ("Boadu Abena Kyerewaa", "BOADU, Abena").
        public static let reordered = Differences(rawValue: 2)
        /// One name has a word the other lacks (a middle name left out).
        public static let omittedName = Differences(rawValue: 4)
        /// The letters differ only by spacing, hyphens, particles or a listed transliteration
        /// ("Abdelrahman" for "Abd El-Rahman", "Yusuf" for "Youssef").
        public static let spelling = Differences(rawValue: 8)

        /// "with initials, in another order", for a report.
        public var description: String {
            var parts: [String] = []
            if contains(.initials) { parts.append("with initials") }
            if contains(.reordered) { parts.append("in another order") }
            if contains(.omittedName) { parts.append("with a name left out or added") }
            if contains(.spelling) { parts.append("spelled differently (spacing, particles or transliteration)") }
            return parts.joined(separator: ", ")
        }
    }

    public enum Outcome: Hashable, Sendable {
        case same
        case variant(Differences)
        case different
    }

    /// The words of a name: lowercase, accents removed, split at spaces, hyphens, commas and dots.
    public static func words(_ name: String) -> [String] {
        FileNameTokens.tokens(name).filter { !$0.isNumber }.map(\.text)
    }

    public static func compare(_ printed: String, to reference: String) -> Outcome {
        let (printedWords, referenceWords) = (words(printed), words(reference))
        let direct = compare(words: printedWords, to: referenceWords)
        guard direct == .different else { return direct }
        return NameSpelling.compare(printedWords, referenceWords).map(Outcome.variant) ?? .different
    }

    static func compare(words printed: [String], to reference: [String]) -> Outcome {
        guard !printed.isEmpty, !reference.isEmpty else { return .different }
        if printed == reference { return .same }
        // The shorter name's words must each match a different word of the longer one, and at
        // least one full word (not an initial) must be the same in both.
        let (short, long) = printed.count <= reference.count ? (printed, reference) : (reference, printed)
        var differences: Differences = short.count < long.count ? [.omittedName] : []
        if let pairs = inOrder(short, long) {
            differences.formUnion(describe(pairs))
        } else if let pairs = anyOrder(short, long) {
            differences.formUnion(describe(pairs))
            differences.insert(.reordered)
        } else {
            return .different
        }
        guard short.contains(where: { $0.count > 1 && long.contains($0) }) else { return .different }
        return differences.isEmpty ? .same : .variant(differences)
    }

    /// Whether two words can stand for each other: equal, or one is the other's initial.
    private static func matches(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        if a.count == 1 { return b.hasPrefix(a) }
        if b.count == 1 { return a.hasPrefix(b) }
        return false
    }

    private static func describe(_ pairs: [(String, String)]) -> Differences {
        pairs.contains { $0.0 != $0.1 } ? [.initials] : []
    }

    /// Matches `short` into `long` as a subsequence, keeping the order.
    private static func inOrder(_ short: [String], _ long: [String]) -> [(String, String)]? {
        var pairs: [(String, String)] = []
        var next = 0
        for word in short {
            guard let found = long[next...].firstIndex(where: { matches(word, $0) }) else { return nil }
            pairs.append((word, long[found]))
            next = found + 1
        }
        return pairs
    }

    /// Matches each word of `short` to a different word of `long`, in any order; full words first.
    private static func anyOrder(_ short: [String], _ long: [String]) -> [(String, String)]? {
        var used = Set<Int>()
        var pairs: [(String, String)] = []
        for word in short.sorted(by: { $0.count > $1.count }) {
            let exact = long.indices.first { !used.contains($0) && long[$0] == word }
            guard let found = exact ?? long.indices.first(where: { !used.contains($0) && matches(word, long[$0]) }) else { return nil }
            used.insert(found)
            pairs.append((word, long[found]))
        }
        return pairs
    }

    /// What a text layer shows of a name, line by line (`NameMatchRule`): the name with nothing
    /// name-like beside it on its line; the name beside other capitalized words ("ANNA TESTER
    /// OKAFOR", "John Anna Tester"), which may be a longer name, given with those words; or its
    /// words in another order.
    public enum TextMatch: Hashable, Sendable {
        case same
        case besideOtherNames(String)
        case reordered
    }

    /// Words that stand beside a name in a sentence and are no name, even capitalized ("THIS
    /// CERTIFIES THAT ANNA TESTER HAS BEEN AWARDED").
    static let notNames: Set<String> = ["this", "that", "is", "was", "has", "have", "had", "been", "be", "to", "of", "the", "and", "or",
                                        "a", "an", "by", "for", "from", "in", "on", "at", "with", "as", "to", "mr", "mrs", "ms", "miss",
                                        "dr", "prof", "name", "student", "applicant", "candidate", "patient", "holder", "certify",
                                        "certifies", "certified", "awarded", "granted", "completed", "dear", "re", "regarding", "sincerely",
                                        "md", "mbbs", "do", "phd", "dated", "date", "born", "he", "she", "they", "his", "her", "their",
                                        "who", "whom", "upon", "conferred", "presented", "recommend", "recommending", "letter", "degree",
                                        "diploma", "certificate", "doctor", "medicine", "surgery", "bachelor", "signed", "signature",
                                        "professor", "sir", "madam", "chief", "resident", "intern", "fellow", "registrar", "dean",
                                        "mbchb", "mph", "msc", "bsc", "frcs", "mrcp", "rn", "male", "female", "matric", "reg",
                                        "registration", "number", "no", "id"]

    /// Finds `name`'s words in `text`, line by line: `.same` if some line holds them together with
    /// no name-like word beside them; else `.besideOtherNames` with the longer run of capitalized
    /// words; else `.reordered` if some line holds them in another order; nil when absent. A name
    /// found on no single line is looked for in the lines joined (a name printed over two lines).
    public static func findInText(_ name: [String], text: String) -> TextMatch? {
        guard !name.isEmpty else { return nil }
        let lines = text.split(whereSeparator: \.isNewline)
        return find(name, inLines: lines) ?? (lines.count > 1 ? find(name, inLines: [Substring(lines.joined(separator: " "))]) : nil)
    }

    private static func find(_ name: [String], inLines lines: [Substring]) -> TextMatch? {
        var beside: String?
        var reordered = false
        let sortedName = name.sorted()
        for line in lines {
            // Each word of the line as the name's words are made, with the line's word it is part
            // of, and whether that word is set apart from the one before (two spaces, a tab: a
            // table's columns) or by punctuation ("ANNA TESTER, MBChB", "Tester (Reg. No. 12)").
            var tokens: [(word: String, original: Substring, capitalized: Bool, apart: Bool)] = []
            var previousEnd: Substring.Index?
            for original in line.split(whereSeparator: \.isWhitespace) {
                let capitalized = original.first(where: \.isLetter)?.isUppercase ?? false
                let gap = previousEnd.map { line[$0..<original.startIndex] } ?? ""
                let punctuatedBefore = tokens.last.map { $0.original.last.map { !$0.isLetter && !$0.isNumber } ?? false } ?? false
                let apart = gap.count > 1 || gap.contains("\t") || punctuatedBefore || original.first.map { !$0.isLetter } ?? true
                for (index, word) in words(String(original)).enumerated() { tokens.append((word, original, capitalized, index == 0 && apart)) }
                previousEnd = original.endIndex
            }
            guard tokens.count >= name.count else { continue }
            for start in 0...(tokens.count - name.count) {
                let window = tokens[start..<(start + name.count)].map(\.word)
                if window == name {
                    // A neighbour joins the name only as a capitalized word of letters, not set apart
                    // from it, and no label, title, degree or sentence word.
                    func nameLike(_ index: Int) -> Bool {
                        guard tokens.indices.contains(index) else { return false }
                        let token = tokens[index]
                        return token.capitalized && token.word.count > 1 && token.word.allSatisfy(\.isLetter) && !notNames.contains(token.word)
                            && token.original.last != ":"
                    }
                    var first = start, last = start + name.count - 1
                    while !tokens[first].apart, nameLike(first - 1) { first -= 1 }
                    while nameLike(last + 1), !tokens[last + 1].apart { last += 1 }
                    if first == start && last == start + name.count - 1 { return .same }
                    if beside == nil {
                        var shown: [Substring] = []
                        for index in first...last where shown.last.map({ $0.startIndex != tokens[index].original.startIndex }) ?? true {
                            shown.append(tokens[index].original)
                        }
                        beside = shown.joined(separator: " ")
                    }
                } else if window.sorted() == sortedName {
                    reordered = true
                }
            }
        }
        if let beside { return .besideOtherNames(beside) }
        return reordered ? .reordered : nil
    }

}
