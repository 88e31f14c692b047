/// Spellings of one name that differ only by spacing, hyphens, particles or a common Latin
/// transliteration ("Abd El-Rahman" and "Abdelrahman", "Youssef" and "Yusef"): docs/programs.md,
/// `<nameMatch>`, "Spelling variants". Such a name may be the same person's, so it is a
/// discrepancy to verify (`not-evaluable`), never a pass and never another person. The rules are
/// a short, fixed list, so that two different names are not folded together; the list is in the
/// docs, and a test checks that names from many languages stay apart.
enum NameSpelling {
    /// The Arabic article written apart ("Abd al-Rahman", "El-Sayed"): any of these, or none.
    static let articles = ["al", "el", "ul", "il"]
    /// The consonants the article assimilates to when written as heard ("ar-Rahman", "as-Sayed",
    /// "ad-Din", "an-Nur", "ash-Shami"): the article is then a vowel and that consonant.
    static let sunLetters = ["sh", "th", "dh", "r", "s", "t", "d", "z", "n"]
    /// "Son of" and "daughter of", in their usual spellings: any of a group, or none.
    static let patronymics: [[String]] = [["bin", "ibn", "ben", "bn"], ["bint", "binti", "bte"]]
    /// Other particles that are written apart, joined, hyphenated or left out.
    static let particles: Set<String> = ["van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "dos", "das", "do",
                                         "la", "le", "ter", "ten", "y"]
    /// Letter groups written differently by different transliterations, each rewritten to one
    /// form, in this order (then doubled letters are written once).
    static let equivalences: [(String, String)] = [
        ("dj", "j"), ("ph", "f"), ("kh", "h"), ("ck", "k"), ("q", "k"), ("ou", "u"), ("oo", "u"), ("ee", "i"),
    ]

    /// Beyond these, the comparison is not tried (the names stay different), so that its cost
    /// stays small whatever a manifest holds.
    static let maxWords = 12
    static let maxLetters = 200
    /// Another order is looked for by moving the first words to the end, in names this long at most.
    static let maxRotatedWords = 6

    /// How the particles of one kind are written in one spelling of a name: every article, every
    /// "son of" and every other particle of a name is written the same way.
    enum ArticleForm: CaseIterable { case asWritten, al, el, left }
    enum PatronymicForm: CaseIterable { case asWritten, first, left }
    enum ParticleForm: CaseIterable { case asWritten, left }

    /// How `printed` and `reference` (their words, as `NameComparison.words` gives them) differ
    /// when they are spellings of one name, possibly also reordered, abbreviated or with a name
    /// left out; nil when they are not.
    static func compare(_ printed: [String], _ reference: [String]) -> NameComparison.Differences? {
        guard hasName(printed), hasName(reference),
              printed.count <= maxWords, reference.count <= maxWords,
              printed.reduce(0, { $0 + $1.count }) <= maxLetters, reference.reduce(0, { $0 + $1.count }) <= maxLetters
        else { return nil }
        let referenceKeys = keys(reference)
        if !referenceKeys.isDisjoint(with: keys(printed)) { return .spelling }
        // Word by word, each word respelled: also finds initials, another order, a name left out.
        switch NameComparison.compare(words: printed.map(canonicalWord), to: reference.map(canonicalWord)) {
        case .same: return .spelling
        case let .variant(differences): return differences.union(.spelling)
        case .different: break
        }
        // Surname first with the spacing changed too ("Elsayed, Ahmed" for "Ahmed El-Sayed").
        guard printed.count <= maxRotatedWords else { return nil }
        for shift in printed.indices.dropFirst() {
            let rotated = Array(printed[shift...] + printed[..<shift])
            if !referenceKeys.isDisjoint(with: keys(rotated)) { return [.spelling, .reordered] }
        }
        return nil
    }

    private enum Kind { case name, article, patronymic(Int), particle }

    private static func kind(of words: [String], at index: Int) -> Kind {
        let word = words[index]
        if articles.contains(word) || isAssimilatedArticle(word, before: words[(index + 1)...].first) { return .article }
        if let group = patronymics.firstIndex(where: { $0.contains(word) }) { return .patronymic(group) }
        return particles.contains(word) ? .particle : .name
    }

    /// Whether some word is a name, not a particle: two lists of particles are never compared.
    private static func hasName(_ words: [String]) -> Bool {
        words.indices.contains { if case .name = kind(of: words, at: $0) { return true } else { return false } }
    }

    /// The ways of writing these words as one string, folded: the words joined (no spaces or
    /// hyphens), each kind of particle as written, in one form, or left out (at most 24 ways).
    static func keys(_ words: [String]) -> Set<String> {
        let kinds = words.indices.map { kind(of: words, at: $0) }
        var keys = Set<String>()
        for article in ArticleForm.allCases {
            for patronymic in PatronymicForm.allCases {
                for particle in ParticleForm.allCases {
                    var joined = ""
                    for (word, kind) in zip(words, kinds) {
                        switch kind {
                        case .name: joined += endFolded(word)
                        case .article: joined += [ArticleForm.asWritten: word, .al: "al", .el: "el", .left: ""][article]!
                        case let .patronymic(group): joined += [PatronymicForm.asWritten: word, .first: patronymics[group][0], .left: ""][patronymic]!
                        case .particle: joined += particle == .asWritten ? word : ""
                        }
                    }
                    if !joined.isEmpty { keys.insert(fold(joined)) }
                }
            }
        }
        return keys
    }

    /// "ar" before "Rahman", "ash" before "Shami": a vowel and the first consonant of the next word.
    private static func isAssimilatedArticle(_ word: String, before next: String?) -> Bool {
        guard let next, let vowel = word.first, "aeiu".contains(vowel) else { return false }
        let rest = word.dropFirst()
        return sunLetters.contains(String(rest)) && next.hasPrefix(rest)
    }

    /// One word on its own, respelled, with a particle written in one form: for comparing word by word.
    static func canonicalWord(_ word: String) -> String {
        if articles.contains(word) { return "al" }
        if let group = patronymics.first(where: { $0.contains(word) }) { return group[0] }
        return fold(endFolded(word))
    }

    /// A final "y" is written "i" ("Aly", "Fawzy").
    private static func endFolded(_ word: String) -> String {
        word.count > 1 && word.hasSuffix("y") ? String(word.dropLast()) + "i" : word
    }

    /// The equivalences, then doubled letters once, then the "Abd al-" compound in one form.
    static func fold(_ text: String) -> String {
        var folded = text
        for (from, to) in equivalences { folded = folded.replacingAll(from, with: to) }
        var single = ""
        for character in folded where character != single.last { single.append(character) }
        return abdAl(single)
    }

    /// "Abdel", "Abdul", "Abdal", "Abdur-" (before r, and so on for the letters the article
    /// assimilates to) are one prefix: "abdal". "Abdelrahman", "Abdulrahman", "Abdurrahman" and
    /// "Abd al-Rahman" are the same compound.
    private static func abdAl(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let range = rest.firstRange(of: "abd") {
            out += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            guard let vowel = rest.first, "aeiou".contains(vowel) else { continue }
            let after = rest.dropFirst()
            if after.hasPrefix("l") {
                out += "al"
                rest = after.dropFirst()
            } else if sunLetters.contains(where: { after.hasPrefix($0) }) {
                out += "al"
                rest = after
            }
        }
        return out + rest
    }
}

extension String {
    /// Every occurrence of `target` (non-empty) replaced, left to right.
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        var out = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
