import CheckDocsNative

/// Reading the values that are not dates: test results, titers, exams, names and visa classes,
/// each from its line (docs/inspection.md, "Facts read from documents").
extension TextFactReader {
    static let resultWords: [(Phrase, ReadTestResult)] = rawResultWords.map { (Phrase(TextDates.fold($0.0)), $0.1) }
    static let rawResultWords: [(String, ReadTestResult)] = [
        ("non-reactive", .nonReactive), ("nonreactive", .nonReactive), ("non reactive", .nonReactive), ("not reactive", .nonReactive),
        ("no reactivo", .nonReactive), ("non reactif", .nonReactive), ("nao reagente", .nonReactive),
        ("negative", .negative), ("negativo", .negative), ("negativa", .negative), ("negatif", .negative), ("negativ", .negative),
        ("отрицательный", .negative), ("not detected", .negative),
        ("positive", .positive), ("positivo", .positive), ("positiva", .positive), ("positif", .positive), ("positiv", .positive),
        ("положительный", .positive),
        ("reactive", .reactive), ("reactivo", .reactive), ("reactif", .reactive), ("reagente", .reactive),
        ("indeterminate", .indeterminate), ("indeterminado", .indeterminate), ("indetermine", .indeterminate),
        ("equivocal", .indeterminate), ("borderline", .indeterminate),
    ]
    /// A result word counts on a line that says it is a result, or names a test, and never on a
    /// control line (an IGRA's mitogen control is "positive" in every valid test).
    static let resultContext = folded(["result", "interpretation", "outcome", "resultado", "resultat", "ergebnis", "результат",
                                "quantiferon", "igra", "t-spot", "tspot", "ppd", "tuberculin", "mantoux", "drug screen", "screen",
                                "hbsag", "anti-hbs", "hiv", "serology", "igg", "test"])
    /// Words of a line that lists what results mean, rather than giving one.
    static let legendWords = folded(["=", "key:", "legend", "possible result", "reference", "cut-off", "cutoff", "expected"])
    static let controlWords = phrases(["control", "mitogen", "nil ", "if ", "a positive", "a negative", "should", "means", "indicates"])

    /// Words of a reference range or a cut-off, whose numbers are no patient's value.
    static let referenceWords = phrases(["reference", "ref range", "ref. range", "normal range", "range:", "or more", "or greater",
                                         "or higher", "or above", "cut-off", "cutoff", "immune:", "immune if", "protective:"])

    static let titerUnits: [(String, String)] = [("miu/ml", "mIU/mL"), ("iu/ml", "IU/mL"), ("au/ml", "AU/mL"), ("u/ml", "U/mL"),
                                                 ("index", "index"), ("ratio", "ratio")]

    static let nameLabels = phrases(["full name", "applicant name", "patient name", "candidate name", "name of holder", "holder's name",
                             "student name", "examinee name", "name", "nombre", "nom", "nome", "фио"])
    static let visaLabels = phrases(["visa type/class", "visa class", "visa type", "visa category", "type/class", "clase de visa", "tipo de visa"])
    static let visaClasses = ["b1/b2", "b-1/b-2", "b1b2", "b-1", "b-2", "b1", "b2", "j-1", "j1", "f-1", "f1", "h-1b", "h1b", "o-1", "o1", "m-1", "m1", "e-2", "l-1"]

    static let surnameLabels = phrases(["surname", "last name", "family name", "apellidos", "nom de famille", "sobrenome"])
    static let givenNameLabels = phrases(["given names", "given name", "first names", "first name", "prenoms", "nombres", "prenome"])

    /// A passport's or a visa's name printed on two lines, "Surname: OKAFOR" and "Given names:
    /// CHIAMAKA ADA", within three lines of each other: the name as the manifest writes it,
    /// given names first, with both lines as its evidence. Each part must be one to four words of
    /// letters; anything else on either line is no name.
    static func splitName(_ lines: [String], folded: [FoldedLine]) -> (name: String, evidence: String)? {
        func value(after labels: [Phrase], at index: Int) -> String? {
            let line = folded[index]
            guard line.utf8.contains(UInt8(ascii: ":")) else { return nil }
            for label in labels {
                guard let start = line.occurrences(of: label).first,
                      start == 0 || !line[start - 1].isLetter else { continue }
                let original = Array(lines[index])
                guard original.count == line.count else { return nil }
                var at = start + label.count
                while at < line.count, line[at] == " " { at += 1 }
                guard at < line.count, line[at] == ":" else { continue }
                let text = String(original[(at + 1)...]).trimmingCharactersInSet()
                let words = text.split(separator: " ")
                guard (1...4).contains(words.count),
                      words.allSatisfy({ $0.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" } }) else { return nil }
                return words.joined(separator: " ")
            }
            return nil
        }
        for index in lines.indices {
            guard let surname = value(after: surnameLabels, at: index) else { continue }
            for other in max(0, index - 3)...min(lines.count - 1, index + 3) where other != index {
                guard let given = value(after: givenNameLabels, at: other) else { continue }
                let first = min(index, other), second = max(index, other)
                return (given + " " + surname, lines[first].trimmingCharactersInSet() + " / " + lines[second].trimmingCharactersInSet())
            }
        }
        return nil
    }

    /// How sure a result is when another line of the page gives a different one that is not read
    /// (a line that names no test, or a panel of several results on one line): a hint, never
    /// deciding. "Cannabinoids (THC): POSITIVE" on a drug screen whose result line says negative.
    static let contradictedResultConfidence = 0.6

    /// Makes hints of the results that `otherResults` (results no line could attribute to a
    /// test) contradict.
    public static func lowerContradicted(_ facts: inout [ReadFact], by otherResults: Set<LabResult?>) {
        guard !otherResults.isEmpty else { return }
        for index in facts.indices where facts[index].fact == .testResult {
            guard case let .result(result) = facts[index].value, otherResults.contains(where: { $0 != result.labResult }) else { continue }
            facts[index].confidence = min(facts[index].confidence, contradictedResultConfidence)
        }
    }

    static func readResult(_ folded: FoldedLine, line: String, add: (FactClass, FactValue, String, Double) -> Void,
                           other: (ReadTestResult) -> Void) {
        guard !controlWords.contains(where: { folded.contains($0) }) else { return }
        let inContext = resultContext.contains(where: { folded.contains($0) })
        let count = folded.count
        var taken = [Bool](repeating: false, count: count)
        var results: [(Int, ReadTestResult)] = []
        for (word, result) in resultWords {
            for start in folded.occurrences(of: word) {
                let range = start..<start + word.count
                guard !taken[range].contains(true) else { continue }
                // The word must be the value, not an adjective: nothing but "for …" or punctuation after it.
                let rest = folded.text(range.upperBound..<min(count, range.upperBound + 8)).drop { $0 == " " }
                guard rest.isEmpty || !(rest.first!.isLetter) || rest.hasPrefix("for ") || rest.hasPrefix("(") else { continue }
                if range.upperBound < count, folded[range.upperBound].isLetter { continue }
                for index in range { taken[index] = true }
                results.append((start, result))
            }
        }
        guard let first = results.min(by: { $0.0 < $1.0 }) else { return }
        // A result word more than once on a line (a panel of several tests, "HIV: non-reactive
        // HBsAg: reactive") says nothing sure about one test, adjective or not.
        var words = 0
        var covered = [Bool](repeating: false, count: count)
        for (word, _) in resultWords {
            for start in folded.occurrences(of: word) where !covered[start..<start + word.count].contains(true) {
                for index in start..<start + word.count { covered[index] = true }
                words += 1
            }
        }
        if !inContext || words > 1 || Set(results.map { $0.1.labResult }).count > 1 {
            for (_, result) in results { other(result) }
            return
        }
        let afterColon = (0..<first.0).reversed().lazy.map { folded[$0] }.first { !$0.isWhitespace } == ":"
        add(.testResult, .result(first.1), line, afterColon ? 0.95 : 0.85)
    }

    static func readTiter(_ tokens: [TextDates.Token], folded: FoldedLine, line: String, add: (FactClass, FactValue, String, Double) -> Void) {
        let count = folded.count
        for (index, token) in tokens.enumerated() where token.isNumber && token.text.count <= 6 {
            var value = Double(token.text)!
            var end = token.end
            // A decimal part: "10.5" or "10,5".
            if index + 1 < tokens.count, tokens[index + 1].isNumber, tokens[index + 1].start == token.end + 1,
               folded[token.end] == "." || folded[token.end] == "," {
                let fraction = tokens[index + 1].text
                if folded[token.end] == "," && fraction.count == 3 { continue }  // 1,000 is not read
                value = Double(token.text + "." + fraction)!
                end = tokens[index + 1].end
            }
            if index > 0, tokens[index - 1].isNumber, tokens[index - 1].end + 1 == token.start { continue }
            let rest = folded.text(end..<min(count, end + 10)).drop { $0 == " " }
            guard let unit = titerUnits.first(where: { rest.hasPrefix($0.0) }) else { continue }
            let before = folded.text(max(0, token.start - 4)..<token.start).reversed().drop { $0 == " " }
            // "<10" is below what the test measures: no value to write in a manifest (10 would pass
            // a "≥ 10"); ">1000" is at least that much, a hint.
            if before.first == "<" { continue }
            add(.titer, .titer(value: value, unit: unit.1), line, before.first == ">" ? 0.6 : 0.9)
        }
    }

    static let steps: [(Phrase, String)] = [("step 2 ck", "Step 2 CK"), ("step 2ck", "Step 2 CK"), ("step 2", "Step 2 CK"),
                                            ("step 1", "Step 1"), ("step 3", "Step 3"), ("level 1", "COMLEX Level 1"),
                                            ("level 2", "COMLEX Level 2-CE")].map { (Phrase($0.0), $0.1) }
    static let passWords = phrases(["pass", "passed"])
    static let failWords = phrases(["fail", "failed"])

    static func readExam(_ folded: FoldedLine, tokens: [TextDates.Token], dates: [TextDates.Found], line: String,
                         add: (FactClass, FactValue, String, Double) -> Void) {
        guard let step = steps.first(where: { folded.contains($0.0) }) else { return }
        let outcome: String? = passWords.contains(where: folded.containsWord) ? "pass"
            : failWords.contains(where: folded.containsWord) ? "fail" : nil
        var score: Int?
        if let at = tokens.firstIndex(where: { $0.text == "score" }) {
            score = tokens[(at + 1)...].first { $0.isNumber }.flatMap { Int($0.text) }.flatMap { (1...300).contains($0) ? $0 : nil }
        }
        guard outcome != nil || score != nil else { return }
        add(.examResult, .exam(step: step.1, date: dates.first?.date, outcome: outcome, score: score), line, 0.9)
    }

    static func readName(_ folded: FoldedLine, original: String, add: (FactClass, FactValue, String, Double) -> Void) {
        // A name is read only after a label and a colon.
        guard folded.utf8.contains(UInt8(ascii: ":")) else { return }
        for label in nameLabels {
            guard let start = folded.occurrences(of: label).first else { continue }
            var at = start + label.count
            while at < folded.count, folded[at] == " " { at += 1 }
            guard at < folded.count, folded[at] == ":" else { continue }
            let originalCharacters = Array(original)
            guard originalCharacters.count == folded.count else { return }
            let value = String(originalCharacters[(at + 1)...]).prefix { $0 != "." && $0 != "," && $0 != ";" && $0 != "(" }
                .trimmingCharactersInSet()
            let words = value.split(separator: " ")
            guard (2...6).contains(words.count), words.allSatisfy({ $0.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" } }) else { return }
            add(.name, .text(value), original, 0.8)
            return
        }
    }

    static func readVisa(_ folded: FoldedLine, line: String, add: (FactClass, FactValue, String, Double) -> Void) {
        guard let label = visaLabels.first(where: { folded.contains($0) }),
              let start = folded.occurrences(of: label).first else { return }
        let rest = folded.text((start + label.count)..<folded.count).drop { $0 == ":" || $0 == " " }
        guard let visa = visaClasses.first(where: { rest.hasPrefix($0) }) else { return }
        add(.visaClass, .text(visa.uppercased()), line, 0.9)
    }
}
