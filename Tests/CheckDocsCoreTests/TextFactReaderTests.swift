import Testing
import CheckDocsNative
@testable import CheckDocsCore

/// The reader of facts from a page's text (docs/inspection.md, "Facts read from documents").
@Suite struct TextFactReaderTests {
    static let file = FilePath("scan.pdf")

    static func read(_ text: String, type: String? = nil) -> [ReadFact] {
        TextFactReader.read(page: text, number: 1, file: file, documentType: type)
    }

    static func dates(_ text: String) -> [String] {
        read(text).compactMap { fact in
            if case let .date(date) = fact.value { return "\(fact.fact.rawValue) \(date)" }
            return nil
        }
    }

    @Test("labelled dates: ISO, day-month-year, month-day-year, and month names in eight languages")
    func labelledDates() {
        #expect(Self.dates("Date of issue: 2022-05-20. Date of expiry: 2032-05-19.") == ["issue-date 2022-05-20", "expiry-date 2032-05-19"])
        #expect(Self.dates("Expires: 13/04/2025") == ["expiry-date 2025-04-13"])
        #expect(Self.dates("Expires: 04/13/2025") == ["expiry-date 2025-04-13"])
        #expect(Self.dates("Valid through May 14, 2031") == ["valid-through 2031-05-14"])
        #expect(Self.dates("Recommended renewal: 14 Feb 2028") == ["recommended-renewal 2028-02-14"])
        #expect(Self.dates("Fecha de vencimiento: 14 de mayo de 2030") == ["expiry-date 2030-05-14"])
        #expect(Self.dates("Date d'expiration : 3 février 2029") == ["expiry-date 2029-02-03"])
        #expect(Self.dates("Data de validade: 9 de março de 2027") == ["expiry-date 2027-03-09"])
        #expect(Self.dates("Gültig bis: 14. März 2030") == ["valid-through 2030-03-14"])
        #expect(Self.dates("Действителен до 14 марта 2030") == ["valid-through 2030-03-14"])
        #expect(Self.dates("Tarikh al-intiha: 2 yulyu 2029") == ["expiry-date 2029-07-02"])
        #expect(Self.dates("Specimen collected: 2026-09-14") == ["collection-date 2026-09-14"])
        #expect(Self.dates("Result date: 2026-09-16") == ["result-date 2026-09-16"])
    }

    @Test("a cover's end as insurers write it; its start is never read as an expiry")
    func coverEnds() {
        #expect(Self.dates("Valid to: 31 May 2027") == ["valid-through 2027-05-31"])
        #expect(Self.dates("Policy end date: 31 Dec 2026") == ["valid-through 2026-12-31"])
        #expect(Self.dates("Next due: 2027-05-01") == ["recommended-renewal 2027-05-01"])
        for start in ["Effective date: 2026-01-01", "Start date: 2026-01-01", "Purchased: 2026-01-01", "Valid from: 2026-01-01"] {
            #expect(Self.read(start).isEmpty, "\(start)")
        }
        // A cover's line that labels its end gives the period and the end.
        let both = Self.read("Effective: 2026-01-01  Expires: 2026-12-31")
        #expect(both.map(\.value) == [.period(from: CalendarDate(iso: "2026-01-01")!, through: CalendarDate(iso: "2026-12-31")!),
                                     .date(CalendarDate(iso: "2026-12-31")!)])
        #expect(Self.read("Valid from 2026-01-01 to 2026-12-31").map(\.fact) == [.coveragePeriod])
        #expect(Self.read("Period: 2026-01-01 to 2026-12-31").map(\.fact) == [.coveragePeriod])
    }

    @Test("an ambiguous date is never guessed; the page's other dates may make it a hint, never a deciding fact")
    func ambiguousDates() {
        #expect(Self.read("Expires: 03/04/2025").isEmpty)
        let hinted = Self.read("Issued: 13/01/2024\nExpires: 03/04/2025")
        let expiry = hinted.first { $0.fact == .expiryDate }
        #expect(expiry?.value == .date(CalendarDate(iso: "2025-04-03")!))
        #expect(expiry.map(FactDecisions.mayDecide) == false)
        #expect(Self.dates("Expires: 04/04/2025") == ["expiry-date 2025-04-04"])
        // Contradicting orders on the page: still nothing.
        #expect(Self.read("Issued: 13/01/2024\nIssued: 01/13/2024\nExpires: 03/04/2025").allSatisfy { $0.fact != .expiryDate })
    }

    @Test("an unlabelled date is not a fact; a label alone on the line before names the next line's date")
    func labels() {
        #expect(Self.read("Printed 2026-01-02").isEmpty)
        #expect(Self.dates("Date of expiry\n2032-05-19") == ["expiry-date 2032-05-19"])
    }

    @Test("test results as values, not adjectives; controls and mixed lines ignored")
    func results() {
        #expect(Self.read("QuantiFERON-TB Gold Plus result: NEGATIVE").map(\.value) == [.result(.negative)])
        #expect(Self.read("HIV 1/2 antibody: Non-reactive").map(\.value) == [.result(.nonReactive)])
        #expect(Self.read("Result: indeterminate").map(\.value) == [.result(.indeterminate)])
        #expect(Self.read("A positive result requires a chest X-ray.").isEmpty)
        #expect(Self.read("Mitogen control: positive").isEmpty)
        #expect(Self.read("Result: negative (TB1), positive (TB2)").isEmpty)
        // A panel of tests on one line: no one result, even when only one word is a value.
        #expect(Self.read("HIV 1/2: non-reactive   HBsAg: reactive   HCV: non-reactive").filter { $0.fact == .testResult }.isEmpty)
    }

    @Test("a result that another line contradicts (a line naming no test, a panel) is a hint; one they agree with decides; an en dash's non-reactive")
    func resultsOnOtherLines() {
        let screen = "Urine drug screen result: Negative\nAmphetamines: Negative\n"
        #expect(Self.read(screen).allSatisfy(FactDecisions.mayDecide))
        let thc = Self.read(screen + "Cannabinoids (THC): POSITIVE")
        #expect(thc.map(\.value) == [.result(.negative)])
        #expect(!thc.contains(where: FactDecisions.mayDecide))
        #expect(!Self.read("QuantiFERON result: negative\nHIV 1/2: non-reactive   HBsAg: reactive").contains(where: FactDecisions.mayDecide))
        #expect(Self.read("Result: Non\u{2013}reactive").map(\.value) == [.result(.nonReactive)])
    }

    @Test("dates that are not the document's: a birth date after an issue label, a validity denied, a lot's or kit's expiry")
    func datesNotTheDocuments() {
        #expect(Self.dates("Report issued to: Anna Tester, date of birth 12 March 1990") == [])
        #expect(Self.dates("Issued: 2026-10-01, date of birth 12 March 1990") == ["issue-date 2026-10-01"])
        #expect(Self.dates("Date of birth: 1990-03-12  Date of issue: 2026-01-05") == ["issue-date 2026-01-05"])
        #expect(Self.dates("Not valid until 2027-03-31 (activation)") == [])
        #expect(Self.dates("Vaccine: Fluzone Quadrivalent  Lot: UT7781AA  Exp. 2026-06-30") == [])
        #expect(Self.dates("Kit lot 44571 expiry 2026-09-30") == [])
        #expect(Self.dates("Valid until 2027-03-31") == ["valid-through 2027-03-31"])
        // The same under a label line that names a lot; a birth date spelt D.O.B or né(e) le.
        #expect(Self.dates("Training kit lot / Expiration Date\nUT7781AA 2028-06-30") == [])
        #expect(Self.dates("Collected: 2026-11-02  Patient D.O.B: 1990-03-12") == ["collection-date 2026-11-02"])
        #expect(Self.dates("Date de prélèvement : 2026-11-02, patient né(e) le 1990-03-12") == ["collection-date 2026-11-02"])
        // "Prise en charge" and "free of charge" name no lot.
        #expect(Self.dates("Prise en charge valable jusqu'au 31/12/2027") == ["valid-through 2027-12-31"])
    }

    @Test("a legend of what results mean contradicts no result; a result on another page does")
    func legendsAndPages() {
        let legend = Self.read("Result: NEGATIVE\nKey: Negative = below cut-off; Positive = at or above cut-off")
        #expect(legend.filter { $0.fact == .testResult }.allSatisfy(FactDecisions.mayDecide))
        var others = Set<LabResult?>()
        var first = TextFactReader.read(page: "Drug screen\nResult: NEGATIVE", number: 1, file: Self.file, documentType: nil, otherResults: &others)
        _ = TextFactReader.read(page: "Cannabinoids (THC): POSITIVE", number: 2, file: Self.file, documentType: nil, otherResults: &others)
        #expect(first.allSatisfy(FactDecisions.mayDecide))
        TextFactReader.lowerContradicted(&first, by: others)
        #expect(!first.filter { $0.fact == .testResult }.contains(where: FactDecisions.mayDecide))
    }

    @Test("the day a test or a vaccine was done has labels of its own, preferred to an issue date")
    func dayDone() {
        #expect(Self.dates("Date drawn: 2025-05-02") == ["collection-date 2025-05-02"])
        #expect(Self.dates("Date administered: 2024-10-12  Vaccine: Fluzone") == ["collection-date 2024-10-12"])
        // An exam's "test date" is the exam's (read with it), not a collection date.
        #expect(Self.dates("Date placed: 2026-03-02") == ["collection-date 2026-03-02"])
    }

    @Test("a label alone on the line above decides (0.95 less 0.05 is 0.9, not below it), \"Expiration Date\" included")
    func labelAboveDecides() {
        for text in ["Date of expiry\n2027-03-31", "Expiration Date\n2027-03-31"] {
            let facts = Self.read(text)
            #expect(facts.map(\.value) == [.date(CalendarDate(iso: "2027-03-31")!)], "\(text)")
            #expect(facts.allSatisfy(FactDecisions.mayDecide), "\(text)")
        }
    }

    @Test("a titer below the test's range or a reference range is not read as the patient's value")
    func titerBounds() {
        #expect(Self.read("Anti-HBs: <10 mIU/mL").filter { $0.fact == .titer }.isEmpty)
        #expect(Self.read("(immune: 10 mIU/mL or more)").filter { $0.fact == .titer }.isEmpty)
        #expect(Self.read("Reference range: 10-1000 mIU/mL").filter { $0.fact == .titer }.isEmpty)
        let above = Self.read("Anti-HBs: >1000 mIU/mL").filter { $0.fact == .titer }
        #expect(above.map(\.value) == [.titer(value: 1000, unit: "mIU/mL")])
        #expect(!above.contains(where: FactDecisions.mayDecide))
    }

    @Test("titers with units, exams, visa class, coverage periods and dose dates")
    func otherClasses() {
        #expect(Self.read("Anti-HBs: 112.5 mIU/mL (immune)").map(\.value) == [.titer(value: 112.5, unit: "mIU/mL")])
        #expect(Self.read("Varicella IgG 3.2 index").map(\.value) == [.titer(value: 3.2, unit: "index")])
        // A control's value is not the patient's titer.
        #expect(Self.read("Nil tube: 0.05 IU/mL   Mitogen control: positive (valid)").isEmpty)
        #expect(Self.read("USMLE Step 2 CK: PASS, score 251, test date 2026-03-02").map(\.value)
            == [.exam(step: "Step 2 CK", date: CalendarDate(iso: "2026-03-02"), outcome: "pass", score: 251)])
        #expect(Self.read("Visa type/class: B1/B2. Entries: M.").map(\.value).contains(.text("B1/B2")))
        #expect(Self.read("Coverage period: 2026-01-01 to 2026-12-31").map(\.value)
            == [.period(from: CalendarDate(iso: "2026-01-01")!, through: CalendarDate(iso: "2026-12-31")!)])
        #expect(Self.dates("MMR dose 1: 2001-03-04; dose 2: 2005-06-07") == ["dose-date 2001-03-04", "dose-date 2005-06-07"])
    }

    @Test("every fact carries its evidence: file, page, method, the line, a confidence")
    func evidence() {
        let fact = TextFactReader.read(page: "Header\nDate of expiry: 2032-05-19\n", number: 2, file: Self.file, documentType: "passport").first
        #expect(fact?.page == 2)
        #expect(fact?.method == .textLayer)
        #expect(fact?.evidence == "Date of expiry: 2032-05-19")
        #expect(fact?.documentType == "passport")
        #expect(fact.map { FactDecisions.mayDecide($0) } == true)
    }

    @Test("a name printed on two lines, surname and given names, is one name, given names first, with both lines")
    func splitName() {
        let names = Self.read("PASSPORT\nSurname: OKAFOR\nGiven names: CHIAMAKA ADA\nDate of birth: 03 Dec 1999", type: "passport")
            .filter { $0.fact == .name }
        #expect(names.map(\.value.description) == ["CHIAMAKA ADA OKAFOR"])
        #expect(names.first?.evidence == "Surname: OKAFOR / Given names: CHIAMAKA ADA")
        // Given names first on the page, or a family name in Spanish: the same.
        #expect(Self.read("Nombres: ANA MARIA\nApellidos: PEREZ LOPEZ").filter { $0.fact == .name }.map(\.value.description) == ["ANA MARIA PEREZ LOPEZ"])
        // Only one of the two, a part with digits, or the two too far apart: no name.
        #expect(Self.read("Surname: OKAFOR\nDate of birth: 03 Dec 1999").filter { $0.fact == .name }.isEmpty)
        #expect(Self.read("Surname: OKAFOR2\nGiven names: CHIAMAKA").filter { $0.fact == .name }.isEmpty)
        #expect(Self.read("Surname: OKAFOR\na\nb\nc\nd\nGiven names: CHIAMAKA").filter { $0.fact == .name }.isEmpty)
        // A one-line name wins: the two-line reading is not added beside it.
        #expect(Self.read("Full name: Ada Okafor\nSurname: OKAFOR\nGiven names: ADA").filter { $0.fact == .name }.count == 1)
    }
}

/// The reader runs in checkdocs' own process on text a hostile PDF chose (at most 48 KB a page):
/// its cost must grow with the text, not with its square.
@Suite struct TextFactReaderCostTests {
    @Test("a 48 KB line of numbers, results and dates is read in seconds, not minutes (it took up to 62 s when quadratic)")
    func hostileLine() {
        for piece in ["1 ", "negative result: ", "2026-01-01 expires ", "Name: A B ", "dose 2026-01-01 "] {
            let line = String(repeating: piece, count: PopplerReader.maxPageTextBytes / piece.utf8.count)
            let start = ContinuousClock.now
            _ = TextFactReader.read(page: line, number: 1, file: FilePath("hostile.pdf"), documentType: nil)
            // About 0.3–0.7 s in a debug build; the quadratic reader took 11 to 62 s. The bound is
            // fifteen times the linear cost, so a busy machine does not fail it and a square does.
            #expect(ContinuousClock.now - start < .seconds(10), "\(piece.debugDescription) took \(ContinuousClock.now - start)")
        }
    }
}

/// The reader's entry points for OCR text and MRZ fields (later issue-13 work feeds them).
@Suite struct OtherMethodsTests {
    @Test("OCR text is read by the same reader, less sure; it decides only for the classes the scans allow; a verified MRZ expiry decides")
    func ocrAndMRZ() {
        let ocr = TextFactReader.read(page: "Date of expiry: 2032-05-19\nValid through: 2032-05-19\nExpires: 05/19/2032",
                                      number: 1, file: FilePath("scan.pdf"), documentType: "passport", method: .ocr)
        #expect(ocr.map(\.value) == Array(repeating: .date(CalendarDate(iso: "2032-05-19")!), count: 3))
        #expect(ocr.allSatisfy { $0.method == .ocr })
        // A labelled expiry decides (0.95 x 0.9); "valid through" does not by OCR (too few
        // readings on the corpus); a numeric date at 0.9 x 0.9 still does.
        #expect(ocr.map(FactDecisions.mayDecide) == [true, false, true])
        let text = TextFactReader.read(page: "Valid through: 2032-05-19", number: 1, file: FilePath("scan.pdf"), documentType: "passport")
        #expect(text.map(FactDecisions.mayDecide) == [true])
        let line = "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
        let verified = MRZFacts.facts(expiry: CalendarDate(iso: "2032-04-15"), name: "ANNA MARIA ERIKSSON", checked: true, line: line,
                                      file: FilePath("Passport scan.pdf"), documentType: "passport", page: 1)
        #expect(verified.first.map(FactDecisions.mayDecide) == true)
        #expect(verified.first?.note == "expiry date 2032-04-15 (read from Passport scan.pdf, page 1, MRZ)")
        #expect(verified.last.map(FactDecisions.mayDecide) == false)
        let unchecked = MRZFacts.facts(expiry: CalendarDate(iso: "2032-04-15"), name: nil, checked: false, line: line,
                                       file: FilePath("Passport scan.pdf"), documentType: "passport", page: 1)
        #expect(unchecked.first.map(FactDecisions.mayDecide) == false)
    }
}
