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
        (.validThrough, ["valid through", "valid thru", "valid until", "valid till", "valid to", "good through", "good until", "gultig bis",
                         "policy end", "coverage end", "coverage ends", "end of coverage", "cover ends",
                         "valido hasta", "valida hasta", "valable jusqu", "valide jusqu", "valido ate", "valida ate",
                         "действителен до", "действительно до", "salih hatta", "saleh hatta"]),
        (.renewalDate, ["recommended renewal", "renew by", "renewal due", "renewal date", "next due", "due by", "next test due",
                        "next dose due", "renouvellement", "renovacion recomendada",
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

    static let doseWords = folded(["dose", "dosis", "booster", "rappel", "refuerzo", "reforco", "impfung", "доза", "jurat", "jura"])
    /// Words of a line whose first two dates are the days a cover starts and ends ("Valid from
    /// 2026-01-01 to 2026-12-31"); "valid" alone is not one ("Issued 2022-05-20, valid until …").
    static let coverageWords = folded(["coverage", "period", "valid from", "effective", "cobertura",
                                "vigencia", "couverture", "periode d'assurance", "versicherungszeitraum", "период страхования"])

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
        var facts = read(page: text, number: page, file: file, documentType: documentType, method: method, otherResults: &others)
        lowerContradicted(&facts, by: others)
        return facts
    }

    /// `read` for one page of a document, adding to `otherResults` the results no line of it could
    /// attribute to a test; the document's reader lowers the results they contradict, on every
    /// page, once the last page is read (`lowerContradicted`).
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
            let isCoverage = isCoverageLine && all.count >= 2
            if isCoverage, all[0].date < all[1].date {
                add(.coveragePeriod, .period(from: all[0].date, through: all[1].date), line, min(all[0].confidence, all[1].confidence))
            }
            // A cover's line may label its ends too ("Effective: 2026-01-01  Expires: 2026-12-31"):
            // the labelled dates are read as on any line.
            if isCoverage, labels.isEmpty {
                // The period is all the line says.
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

    enum Order { case dayFirst, monthFirst }

    /// The order every unambiguous numeric date of the page shows (13/04/2025: day first), when
    /// there is one and no date contradicts it.
    static func pageOrder(_ scans: [(dates: [TextDates.Found], ambiguous: [TextDates.Ambiguous])]) -> Order? {
        guard scans.contains(where: { !$0.ambiguous.isEmpty }) else { return nil }
        let proofs = Set(scans.flatMap { $0.dates.compactMap(\.dayFirst) })
        guard proofs.count == 1 else { return nil }
        return proofs.first! ? .dayFirst : .monthFirst
    }
}

extension StringProtocol {
    func trimmingCharactersInSet() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
