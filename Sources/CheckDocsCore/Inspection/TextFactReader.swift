/// Reads facts from one page's text (docs/inspection.md, "Facts read from documents"). A pure
/// function of the text, the page number, the document's type and how the text was obtained: the
/// text layer of a PDF today, OCR text or MRZ fields later, through the same function.
///
/// A date is a fact only with its label on the same line before it ("Date of expiry: 2032-05-19"),
/// or on the line just before when that line is only a label. A numeric date that could be two
/// days is never a deciding fact: when the page's other numeric dates all show one order, it is
/// read that way as a hint (low confidence); otherwise it is not read at all.
public enum TextFactReader {
    /// Label phrases per date class, folded (lower case, no accents). The nearest label before a
    /// date on its line names it.
    static let dateLabels: [(FactClass, [[Character]])] = rawDateLabels.map { ($0.0, $0.1.map { Array(TextDates.fold($0)) }) }
    static let rawDateLabels: [(FactClass, [String])] = [
        (.validThrough, ["valid through", "valid thru", "valid until", "valid till", "good through", "good until", "gultig bis",
                         "valido hasta", "valida hasta", "valable jusqu", "valide jusqu", "valido ate", "valida ate",
                         "действителен до", "действительно до", "salih hatta", "saleh hatta"]),
        (.renewalDate, ["recommended renewal", "renew by", "renewal due", "renewal date", "renouvellement", "renovacion recomendada",
                        "renovacao recomendada", "empfohlene erneuerung"]),
        // "date of expiry" and "expiry date" are long enough to be read with a letter misread by OCR.
        (.expiryDate, ["date of expiry", "expiry date", "expiration date", "expiry", "expiration", "expires", "expire", "exp date",
                       "exp.", "vencimiento", "vence", "caducidad", "caduca",
                       "date d'expiration", "validade", "ablaufdatum", "lauft ab", "срок действия", "дата окончания",
                       "tarikh al-intiha", "tarikh al intiha", "tarikh intiha"]),
        (.issueDate, ["date of issue", "issue date", "issued on", "issued", "date issued", "fecha de expedicion", "fecha de emision",
                      "expedido", "emitido", "emitida", "date de delivrance", "delivre le", "date d'emission", "data de emissao",
                      "data de expedicao", "ausstellungsdatum", "ausgestellt am", "дата выдачи", "tarikh al-isdar", "tarikh al isdar"]),
        (.collectionDate, ["collected", "collection date", "date of collection", "specimen date", "sample date", "drawn on",
                           "fecha de toma", "fecha de recoleccion", "fecha de muestra", "date de prelevement", "preleve le",
                           "data da coleta", "data de coleta", "entnahmedatum", "entnommen am", "дата забора", "дата взятия"]),
        (.resultDate, ["result date", "date reported", "reported on", "reported", "report date", "resulted", "fecha de resultado",
                       "fecha de reporte", "date du resultat", "data do resultado", "befunddatum", "дата результата"]),
    ]

    static let doseWords = folded(["dose", "dosis", "booster", "rappel", "refuerzo", "reforco", "impfung", "доза", "jurat", "jura"])
    static let coverageWords = folded(["coverage", "policy period", "period of insurance", "insured period", "effective", "cobertura",
                                "vigencia", "couverture", "periode d'assurance", "versicherungszeitraum", "период страхования"])

    static let resultWords: [(String, ReadTestResult)] = rawResultWords.map { (TextDates.fold($0.0), $0.1) }
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
    static let controlWords = ["control", "mitogen", "nil ", "if ", "a positive", "a negative", "should", "means", "indicates"]

    static let titerUnits: [(String, String)] = [("miu/ml", "mIU/mL"), ("iu/ml", "IU/mL"), ("au/ml", "AU/mL"), ("u/ml", "U/mL"),
                                                 ("index", "index"), ("ratio", "ratio")]

    static let nameLabels = ["full name", "applicant name", "patient name", "candidate name", "name of holder", "holder's name",
                             "student name", "examinee name", "name", "nombre", "nom", "nome", "фио"]
    static let visaLabels = ["visa type/class", "visa class", "visa type", "visa category", "type/class", "clase de visa", "tipo de visa"]
    static let visaClasses = ["b1/b2", "b-1/b-2", "b1b2", "b-1", "b-2", "b1", "b2", "j-1", "j1", "f-1", "f1", "h-1b", "h1b", "o-1", "o1", "m-1", "m1", "e-2", "l-1"]

    static func folded(_ words: [String]) -> [String] { words.map(TextDates.fold) }

    /// OCR readings are this much less sure than the same words in a text layer (the factor is
    /// the decision table's, which decides per class whether OCR readings may decide).
    public static let ocrFactor = FactDecisions.ocrFactor

    /// At most this many facts from one page: a page that yields more is not a document a person wrote.
    public static let maxFactsPerPage = 100

    /// The facts of one page. `file` and `method` are carried into the evidence. Every step is
    /// linear in the page's text (at most 48 KB, chosen by whoever made the PDF): windows after a
    /// word are bounded, and a line's evidence is made once.
    public static func read(page text: String, number page: Int, file: FilePath, documentType: String?,
                            method: FactMethod = .textLayer) -> [ReadFact] {
        let lines = text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.allSatisfy(\.isWhitespace) }
        var facts: [ReadFact] = []
        var evidence: (line: String, text: String)?
        func add(_ fact: FactClass, _ value: FactValue, _ line: String, _ confidence: Double) {
            guard facts.count < maxFactsPerPage else { return }
            if evidence?.line != line {
                evidence = (line, String(line.prefix(ReadFact.maxEvidence * 2)).trimmingCharactersInSet())
            }
            // OCR text misreads digits: its readings are less sure, and decide only for the classes
            // the scans of the corpus allow (docs/inspection.md, "Which facts decide").
            let sure = method == .ocr ? confidence * ocrFactor : confidence
            facts.append(ReadFact(fact: fact, value: value, file: file, documentType: documentType, page: page, method: method,
                                  evidence: evidence!.text, confidence: sure))
        }
        let folded = lines.map { Array(TextDates.fold($0)) }
        let tokens = folded.map(TextDates.tokens)
        let scans = tokens.map(TextDates.scan)
        let order = pageOrder(scans)
        var previousLabel: FactClass?
        for (index, line) in lines.enumerated() where facts.count < maxFactsPerPage {
            let characters = folded[index]
            let lower = String(characters)
            let (dates, ambiguous) = scans[index]
            let labels = labelPositions(lower, ocr: method == .ocr)
            // Dates resolved by the page's order are hints: never sure enough to decide.
            var all = dates
            if let order {
                all += ambiguous.map { TextDates.Found(date: order == .dayFirst ? $0.dayFirst : $0.monthFirst, start: $0.start, end: $0.end,
                                                       confidence: 0.7) }
                all.sort { $0.start < $1.start }
            }
            let isDoseLine = doseWords.contains { contains(lower, word: $0) }
            let isCoverageLine = coverageWords.contains { lower.contains($0) }
            if isCoverageLine, all.count >= 2 {
                let first = all[0].date, second = all[1].date
                if first < second {
                    add(.coveragePeriod, .period(from: first, through: second), line, min(all[0].confidence, all[1].confidence))
                }
            } else if isDoseLine, labels.isEmpty {
                for found in all { add(.doseDate, .date(found.date), line, found.confidence) }
            } else {
                // Dates in order of start, labels in order of end: the nearest label before each
                // date is found walking both once.
                var nearest = -1
                for found in all {
                    while nearest + 1 < labels.count, labels[nearest + 1].end <= found.start { nearest += 1 }
                    if nearest >= 0 {
                        add(labels[nearest].fact, .date(found.date), line, found.confidence)
                    } else if let previousLabel, labels.isEmpty {
                        add(previousLabel, .date(found.date), line, found.confidence - 0.05)
                    }
                }
            }
            // A line that is only a label names the dates of the next line.
            previousLabel = all.isEmpty && ambiguous.isEmpty && labels.count == 1 && tokens[index].count <= 5 ? labels[0].fact : nil
            readResult(lower, line: line, add: add)
            // A control's value (an IGRA's nil tube) is not the patient's titer.
            if !controlWords.contains(where: { lower.contains($0) }) { readTiter(tokens[index], lower: lower, line: line, add: add) }
            readExam(lower, tokens: tokens[index], dates: dates, line: line, add: add)
            readName(lower, original: line, add: add)
            readVisa(lower, line: line, add: add)
        }
        if !facts.contains(where: { $0.fact == .name }), let (name, line) = splitName(lines, folded: folded) {
            add(.name, .text(name), line, 0.8)
        }
        return facts
    }

    static let surnameLabels = ["surname", "last name", "family name", "apellidos", "nom de famille", "sobrenome"]
    static let givenNameLabels = ["given names", "given name", "first names", "first name", "prenoms", "nombres", "prenome"]

    /// A passport's or a visa's name printed on two lines, "Surname: OKAFOR" and "Given names:
    /// CHIAMAKA ADA", within three lines of each other: the name as the manifest writes it,
    /// given names first, with both lines as its evidence. Each part must be one to four words of
    /// letters; anything else on either line is no name.
    static func splitName(_ lines: [String], folded: [[Character]]) -> (name: String, evidence: String)? {
        func value(after labels: [String], at index: Int) -> String? {
            let characters = folded[index]
            let original = Array(lines[index])
            guard original.count == characters.count else { return nil }
            for label in labels {
                guard let start = occurrences(of: Array(label), in: characters).first,
                      start == 0 || !characters[start - 1].isLetter else { continue }
                var at = start + label.count
                while at < characters.count, characters[at] == " " { at += 1 }
                guard at < characters.count, characters[at] == ":" else { continue }
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

    enum Order { case dayFirst, monthFirst }

    /// The order every unambiguous numeric date of the page shows (13/04/2025: day first), when
    /// there is one and no date contradicts it.
    static func pageOrder(_ scans: [(dates: [TextDates.Found], ambiguous: [TextDates.Ambiguous])]) -> Order? {
        guard scans.contains(where: { !$0.ambiguous.isEmpty }) else { return nil }
        let proofs = Set(scans.flatMap { $0.dates.compactMap(\.dayFirst) })
        guard proofs.count == 1 else { return nil }
        return proofs.first! ? .dayFirst : .monthFirst
    }

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
    static func labelPositions(_ lower: String, ocr: Bool = false) -> [Label] {
        var found: [Label] = []
        let characters = Array(lower)
        for (fact, phrases) in dateLabels {
            for phrase in phrases {
                for start in occurrences(of: phrase, in: characters) {
                    found.append(Label(fact: fact, end: start + phrase.count))
                }
            }
        }
        if ocr {
            for (fact, phrases) in dateLabels {
                for phrase in phrases where phrase.count >= ocrLabelLength {
                    for start in misreadOccurrences(of: phrase, in: characters) {
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

    /// Start offsets of `needle` in `haystack` at word starts.
    static func occurrences(of needle: [Character], in haystack: [Character]) -> [Int] {
        guard !needle.isEmpty, haystack.count >= needle.count else { return [] }
        var starts: [Int] = []
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if start > 0, haystack[start - 1].isLetter { continue }
            var offset = 1
            while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
            if offset == needle.count { starts.append(start) }
        }
        return starts
    }

    /// Start offsets of `needle` in `haystack` at word starts, with exactly one letter after the
    /// first read as another letter. Only where the first character matches is the rest compared,
    /// and the comparison stops at the second difference, as `occurrences` stops at the first.
    static func misreadOccurrences(of needle: [Character], in haystack: [Character]) -> [Int] {
        guard needle.count >= 3, haystack.count >= needle.count else { return [] }
        var starts: [Int] = []
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if start > 0, haystack[start - 1].isLetter { continue }
            // A whole word, and its last letter read right: a word's ending is where languages
            // inflect it, so "validado" and "validated" are not "validade" misread.
            let end = start + needle.count
            if end < haystack.count, haystack[end].isLetter { continue }
            if haystack[end - 1] != needle[needle.count - 1] { continue }
            var misread = 0
            for offset in 1..<needle.count where haystack[start + offset] != needle[offset] {
                misread += 1
                if misread > 1 || !needle[offset].isLetter || !haystack[start + offset].isLetter { misread = 2; break }
            }
            if misread == 1 { starts.append(start) }
        }
        return starts
    }

    static func contains(_ lower: String, word: String) -> Bool {
        let characters = Array(lower), needle = Array(word)
        return occurrences(of: needle, in: characters).contains { start in
            let end = start + needle.count
            return end == characters.count || !characters[end].isLetter
        }
    }

    static func readResult(_ lower: String, line: String, add: (FactClass, FactValue, String, Double) -> Void) {
        guard resultContext.contains(where: { lower.contains($0) }), !controlWords.contains(where: { lower.contains($0) }) else { return }
        let characters = Array(lower)
        var taken = [Bool](repeating: false, count: characters.count)
        var results: [(Int, ReadTestResult)] = []
        for (word, result) in resultWords {
            for start in occurrences(of: Array(word), in: characters) {
                let range = start..<start + word.count
                guard !taken[range].contains(true) else { continue }
                // The word must be the value, not an adjective: nothing but "for …" or punctuation after it.
                let rest = String(characters[range.upperBound..<min(characters.count, range.upperBound + 8)]).drop { $0 == " " }
                guard rest.isEmpty || !(rest.first!.isLetter) || rest.hasPrefix("for ") || rest.hasPrefix("(") else { continue }
                if range.upperBound < characters.count, characters[range.upperBound].isLetter { continue }
                for index in range { taken[index] = true }
                results.append((start, result))
            }
        }
        guard let first = results.min(by: { $0.0 < $1.0 }) else { return }
        // A result word more than once on a line (a panel of several tests, "HIV: non-reactive
        // HBsAg: reactive") says nothing sure about one test, adjective or not.
        var words = 0
        var covered = [Bool](repeating: false, count: characters.count)
        for (word, _) in resultWords {
            for start in occurrences(of: Array(word), in: characters) where !covered[start..<start + word.count].contains(true) {
                for index in start..<start + word.count { covered[index] = true }
                words += 1
            }
        }
        if words > 1 || Set(results.map { $0.1.labResult }).count > 1 { return }
        let afterColon = characters[..<first.0].last { !$0.isWhitespace } == ":"
        add(.testResult, .result(first.1), line, afterColon ? 0.95 : 0.85)
    }

    static func readTiter(_ tokens: [TextDates.Token], lower: String, line: String, add: (FactClass, FactValue, String, Double) -> Void) {
        let characters = Array(lower)
        for (index, token) in tokens.enumerated() where token.isNumber && token.text.count <= 6 {
            var value = Double(token.text)!
            var end = token.end
            // A decimal part: "10.5" or "10,5".
            if index + 1 < tokens.count, tokens[index + 1].isNumber, tokens[index + 1].start == token.end + 1,
               characters[token.end] == "." || characters[token.end] == "," {
                let fraction = tokens[index + 1].text
                if characters[token.end] == "," && fraction.count == 3 { continue }  // 1,000 is not read
                value = Double(token.text + "." + fraction)!
                end = tokens[index + 1].end
            }
            if index > 0, tokens[index - 1].isNumber, tokens[index - 1].end + 1 == token.start { continue }
            let rest = String(characters[end..<min(characters.count, end + 10)]).drop { $0 == " " }
            guard let unit = titerUnits.first(where: { rest.hasPrefix($0.0) }) else { continue }
            let before = String(characters[max(0, token.start - 4)..<token.start]).reversed().drop { $0 == " " }
            let bounded = before.first == ">" || before.first == "<"
            add(.titer, .titer(value: value, unit: unit.1), line, bounded ? 0.6 : 0.9)
        }
    }

    static func readExam(_ lower: String, tokens: [TextDates.Token], dates: [TextDates.Found], line: String,
                         add: (FactClass, FactValue, String, Double) -> Void) {
        let steps: [(String, String)] = [("step 2 ck", "Step 2 CK"), ("step 2ck", "Step 2 CK"), ("step 2", "Step 2 CK"),
                                         ("step 1", "Step 1"), ("step 3", "Step 3"), ("level 1", "COMLEX Level 1"),
                                         ("level 2", "COMLEX Level 2-CE")]
        guard let step = steps.first(where: { lower.contains($0.0) }) else { return }
        let outcome: String? = contains(lower, word: "pass") || contains(lower, word: "passed") ? "pass"
            : contains(lower, word: "fail") || contains(lower, word: "failed") ? "fail" : nil
        var score: Int?
        if let at = tokens.firstIndex(where: { $0.text == "score" }) {
            score = tokens[(at + 1)...].first { $0.isNumber }.flatMap { Int($0.text) }.flatMap { (1...300).contains($0) ? $0 : nil }
        }
        guard outcome != nil || score != nil else { return }
        add(.examResult, .exam(step: step.1, date: dates.first?.date, outcome: outcome, score: score), line, 0.9)
    }

    static func readName(_ lower: String, original: String, add: (FactClass, FactValue, String, Double) -> Void) {
        let characters = Array(lower)
        for label in nameLabels {
            guard let start = occurrences(of: Array(label), in: characters).first else { continue }
            var at = start + label.count
            while at < characters.count, characters[at] == " " { at += 1 }
            guard at < characters.count, characters[at] == ":" else { continue }
            let originalCharacters = Array(original)
            guard originalCharacters.count == characters.count else { return }
            let value = String(originalCharacters[(at + 1)...]).prefix { $0 != "." && $0 != "," && $0 != ";" && $0 != "(" }
                .trimmingCharactersInSet()
            let words = value.split(separator: " ")
            guard (2...6).contains(words.count), words.allSatisfy({ $0.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" } }) else { return }
            add(.name, .text(value), original, 0.8)
            return
        }
    }

    static func readVisa(_ lower: String, line: String, add: (FactClass, FactValue, String, Double) -> Void) {
        let characters = Array(lower)
        guard let label = visaLabels.first(where: { lower.contains($0) }),
              let start = occurrences(of: Array(label), in: characters).first else { return }
        let rest = String(characters[(start + label.count)...]).drop { $0 == ":" || $0 == " " }
        guard let visa = visaClasses.first(where: { rest.hasPrefix($0) }) else { return }
        add(.visaClass, .text(visa.uppercased()), line, 0.9)
    }
}

extension StringProtocol {
    func trimmingCharactersInSet() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
