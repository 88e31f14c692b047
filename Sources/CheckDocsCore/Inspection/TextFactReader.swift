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
    static let dateLabels: [(FactClass, [Phrase])] = rawDateLabels.map { ($0.0, $0.1.map { Phrase(TextDates.fold($0)) }) }
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
        // The day a test or a vaccine was done: preferred to an issue date (a registry's print-out,
        // a report issued later).
        (.collectionDate, ["collected", "collection date", "date of collection", "specimen date", "sample date", "drawn on",
                           "date drawn", "date placed",
                           "date administered", "administered on", "administered", "date of administration", "date given",
                           "vaccination date", "date of vaccination", "vaccinated on",
                           "fecha de toma", "fecha de recoleccion", "fecha de muestra", "date de prelevement", "preleve le",
                           "data da coleta", "data de coleta", "entnahmedatum", "entnommen am", "дата забора", "дата взятия"]),
        (.resultDate, ["result date", "date reported", "reported on", "reported", "report date", "resulted", "fecha de resultado",
                       "fecha de reporte", "date du resultat", "data do resultado", "befunddatum", "дата результата"]),
    ]

    /// Words after which a date is no fact of the document, though a label stands before them
    /// on the line: a birth date ("Report issued to: A. Tester, date of birth 12 March 1990"),
    /// a validity denied ("Not valid until 2027-03-31").
    static let blockingLabels = folded(["date of birth", "birth date", "birthdate", "dob", "d.o.b", "d. o. b", "born", "fecha de nacimiento",
                                        "date de naissance", "ne le", "nee le", "ne(e) le", "data de nascimento", "geburtsdatum", "geboren",
                                        "дата рождения", "not valid until", "not valid till", "not valid before", "not before",
                                        "no valido hasta", "no valida hasta", "nicht gultig bis"])

    /// A line naming a vaccine's or a test kit's lot or batch: its expiry is the lot's, not the record's
    /// ("Lot: UT7781AA  Exp. 2026-06-30").
    static let lotWords = folded(["lot", "lot no", "lot number", "lote", "batch", "серия"])

    /// Words of a line that lists what results mean, rather than giving one.
    static let legendWords = folded(["=", "key:", "legend", "possible result", "reference", "cut-off", "cutoff", "expected"])

    static let doseWords = folded(["dose", "dosis", "booster", "rappel", "refuerzo", "reforco", "impfung", "доза", "jurat", "jura"])
    static let coverageWords = folded(["coverage", "policy period", "period of insurance", "insured period", "effective", "cobertura",
                                "vigencia", "couverture", "periode d'assurance", "versicherungszeitraum", "период страхования"])

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

    static func folded(_ words: [String]) -> [Phrase] { words.map { Phrase(TextDates.fold($0)) } }
    static func phrases(_ words: [String]) -> [Phrase] { words.map { Phrase($0) } }

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
        var others = Set<LabResult?>()
        return read(page: text, number: page, file: file, documentType: documentType, method: method, otherResults: &others)
    }

    /// `read`, with the results of the document's other pages that no line could attribute
    /// (`otherResults`, added to): a result they contradict does not decide. The document's
    /// reader lowers the earlier pages' results with the later pages' (`lowerContradicted`).
    public static func read(page text: String, number page: Int, file: FilePath, documentType: String?,
                            method: FactMethod = .textLayer, otherResults: inout Set<LabResult?>) -> [ReadFact] {
        let lines = Self.lines(text)
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
        let folded = lines.map { FoldedLine(TextDates.fold($0)) }
        let tokens = folded.map(TextDates.tokens)
        let scans = tokens.map(TextDates.scan)
        let order = pageOrder(scans)
        var previousLabel: FactClass?
        // Whether that label line names a lot ("Training kit lot / Expiration Date").
        var previousLabelIsLot = false
        for (index, line) in lines.enumerated() where facts.count < maxFactsPerPage {
            let folded = folded[index]
            let (dates, ambiguous) = scans[index]
            let labels = labelPositions(folded, ocr: method == .ocr)
            // Dates resolved by the page's order are hints: never sure enough to decide.
            var all = dates
            if let order {
                all += ambiguous.map { TextDates.Found(date: order == .dayFirst ? $0.dayFirst : $0.monthFirst, start: $0.start, end: $0.end,
                                                       confidence: 0.7) }
                all.sort { $0.start < $1.start }
            }
            let isDoseLine = doseWords.contains { folded.containsWord($0) }
            let isCoverageLine = coverageWords.contains { folded.contains($0) }
            let isLotLine = lotWords.contains { folded.containsWord($0) }
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
                let blocking = all.isEmpty ? [] : blockingLabels.flatMap { phrase in
                    folded.occurrences(of: phrase).map { $0 + phrase.count }.filter { $0 == folded.count || !folded[$0].isLetter }
                }
                for found in all {
                    while nearest + 1 < labels.count, labels[nearest + 1].end <= found.start { nearest += 1 }
                    // A blocking word between the label and the date: the date is not the label's.
                    if blocking.contains(where: { $0 <= found.start && (nearest < 0 || $0 > labels[nearest].end - 1) }) { continue }
                    if nearest >= 0, isLotLine, labels[nearest].fact == .expiryDate || labels[nearest].fact == .validThrough { continue }
                    if nearest >= 0 {
                        add(labels[nearest].fact, .date(found.date), line, found.confidence)
                    } else if let previousLabel, labels.isEmpty {
                        if isLotLine || previousLabelIsLot, previousLabel == .expiryDate || previousLabel == .validThrough { continue }
                        add(previousLabel, .date(found.date), line, found.confidence - 0.05)
                    }
                }
            }
            // A line that is only a label names the dates of the next line.
            // ("Expiration Date" holds two labels of one class: "expiration" and "expiration date".)
            previousLabel = all.isEmpty && ambiguous.isEmpty && !labels.isEmpty && labels.allSatisfy({ $0.fact == labels[0].fact })
                && tokens[index].count <= 5 ? labels[0].fact : nil
            previousLabelIsLot = previousLabel != nil && isLotLine
            // A legend ("Key: Negative = below cut-off; Positive = …") defines results, contradicting none.
            let isLegend = legendWords.contains { folded.contains($0) }
            readResult(folded, line: line, add: add, other: { if !isLegend { otherResults.insert($0.labResult) } })
            // A control's value (an IGRA's nil tube) is not the patient's titer.
            // Nor is a reference range's ("immune: 10 mIU/mL or more").
            if !controlWords.contains(where: { folded.contains($0) }) && !referenceWords.contains(where: { folded.contains($0) }) {
                readTiter(tokens[index], folded: folded, line: line, add: add)
            }
            readExam(folded, tokens: tokens[index], dates: dates, line: line, add: add)
            readName(folded, original: line, add: add)
            readVisa(folded, line: line, add: add)
        }
        // A result that another line of the page (or an earlier page) contradicts does not decide.
        lowerContradicted(&facts, by: otherResults)
        if !facts.contains(where: { $0.fact == .name }), let (name, line) = splitName(lines, folded: folded) {
            add(.name, .text(name), line, 0.8)
        }
        return facts
    }

    /// The page's lines that are not blank. An ASCII page is split byte by byte: there a line
    /// break is \n, \r, a vertical tab or a form feed (\r\n is one break), as `Character` says.
    static func lines(_ text: String) -> [String] {
        text.utf8.allSatisfy({ $0 < 0x80 }) ? asciiLines(text) : characterLines(text)
    }

    static func characterLines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.allSatisfy(\.isWhitespace) }
    }

    static func asciiLines(_ text: String) -> [String] {
        text.utf8.split(whereSeparator: { $0 >= 0x0A && $0 <= 0x0D })
            .filter { !$0.allSatisfy { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) } }
            .map { String(decoding: $0, as: UTF8.self) }
    }

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

extension StringProtocol {
    func trimmingCharactersInSet() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
