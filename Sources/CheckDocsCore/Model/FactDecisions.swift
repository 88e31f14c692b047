/// Which read fact classes may decide a requirement: THE table (docs/inspection.md, "Which facts
/// decide"). A deciding class fills the manifest field it maps to when the manifest leaves it
/// empty; every other class is shown as a hint only ("read: … — confirm in the manifest").
/// The flags follow `scripts/facts-eval` on the generated corpus (text PDFs and their scans at 300
/// and 150 dpi) by the rule `ruleAllows`, per class and per method. Change a flag only with a new
/// measurement; the evaluation fails when the table decides where the rule does not.
public enum FactDecisions {
    public struct Row: Sendable {
        /// Whether a text layer's reading (and a verified MRZ's) decides.
        public var decides: Bool
        /// The manifest field the fact fills (nil: none; it can only be shown).
        public var field: String?
        /// Below this confidence a reading of a deciding class is a hint.
        public var minimumConfidence: Double
        /// Whether a reading of a scan's OCR text decides too (only where `decides`): its
        /// confidence is the text reader's times `ocrFactor`, and must reach `minimumConfidence`
        /// times `ocrFactor`.
        public var decidesByOCR = false
    }

    /// An OCR reading is this much less sure than the same words in a text layer.
    public static let ocrFactor = 0.9

    /// The rule (docs/inspection.md, "Which facts decide"): a class decides by a method when the
    /// corpus's readings of it by that method, every rendering that method reads pooled, are at
    /// least `minimumReadings(method)` and at least `minimumPrecision` of them are right.
    public static let minimumPrecision = 0.995

    /// Readings needed: OCR misreads characters at random, so it needs enough readings that a
    /// precision under 99.5 % would show (at 200 readings, one wrong reading is 99.5 % and passes,
    /// two fail; the readings pool a document's 300- and 150-dpi scans, so 200 readings are 100
    /// documents read twice, each a different image); a text layer's characters are exact, so a wrong reading
    /// can only come from a wording the reader takes wrongly, and each wording is in the corpus
    /// several times; a zone's dates are verified by their check digits, so the corpus can only
    /// refute them (any wrong reading), not establish them.
    public static func minimumReadings(_ method: FactMethod) -> Int {
        switch method {
        case .ocr: return 200
        case .textLayer: return 50
        case .mrz, .manifest: return 0
        }
    }

    /// Whether `readings` readings by `method`, `wrong` of them wrong, let a class decide.
    public static func ruleAllows(readings: Int, wrong: Int, method: FactMethod) -> Bool {
        if method == .mrz { return wrong == 0 }
        guard readings >= minimumReadings(method), readings > 0 else { return false }
        return Double(readings - wrong) / Double(readings) >= minimumPrecision
    }

    public static let table: [FactClass: Row] = [
        // By OCR too: 221, 331, 272 and 200 readings of the corpus's scans, none wrong. A scan's
        // "valid through" (113 readings) is a hint until more are measured.
        .expiryDate: Row(decides: true, field: "expires", minimumConfidence: 0.9, decidesByOCR: true),
        .validThrough: Row(decides: true, field: "expires", minimumConfidence: 0.9),
        .issueDate: Row(decides: true, field: "date", minimumConfidence: 0.9, decidesByOCR: true),
        .collectionDate: Row(decides: true, field: "date", minimumConfidence: 0.9, decidesByOCR: true),
        .testResult: Row(decides: true, field: "result", minimumConfidence: 0.9, decidesByOCR: true),
        .resultDate: Row(decides: false, field: nil, minimumConfidence: 0.9),
        .renewalDate: Row(decides: false, field: nil, minimumConfidence: 0.9),
        .titer: Row(decides: false, field: "value", minimumConfidence: 0.9),
        .examResult: Row(decides: false, field: nil, minimumConfidence: 0.9),
        .name: Row(decides: false, field: "nameOnDocument", minimumConfidence: 0.9),
        .visaClass: Row(decides: false, field: nil, minimumConfidence: 0.9),
        .coveragePeriod: Row(decides: false, field: nil, minimumConfidence: 0.9),
        .doseDate: Row(decides: false, field: "doses", minimumConfidence: 0.9),
    ]

    public static func row(_ fact: FactClass) -> Row { table[fact] ?? Row(decides: false, field: nil, minimumConfidence: 1) }

    /// Whether readings of a class by a method decide (the manifest's own values are not readings).
    public static func decides(_ fact: FactClass, by method: FactMethod) -> Bool {
        let row = row(fact)
        switch method {
        case .ocr: return row.decides && row.decidesByOCR
        case .textLayer, .mrz, .manifest: return row.decides
        }
    }

    /// Whether this reading may decide (its class decides by its method and it is sure enough).
    public static func mayDecide(_ fact: ReadFact) -> Bool {
        let row = row(fact.fact)
        guard row.field != nil, decides(fact.fact, by: fact.method) else { return false }
        // With a margin for the binary fractions: 0.95 − 0.05 (a date labelled on the line above)
        // is 0.8999… in a Double, and meant as 0.9.
        return fact.confidence + 1e-9 >= (fact.method == .ocr ? row.minimumConfidence * ocrFactor : row.minimumConfidence)
    }
}
