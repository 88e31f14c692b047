/// Which read fact classes may decide a requirement: THE table (docs/inspection.md, "Which facts
/// decide"). A deciding class fills the manifest field it maps to when the manifest leaves it
/// empty; every other class is shown as a hint only ("read: … — confirm in the manifest").
/// The defaults follow `scripts/facts-eval` on the generated corpus: only classes whose readings
/// were never wrong there decide. Change a flag only with a new measurement.
public enum FactDecisions {
    public struct Row: Sendable {
        public var decides: Bool
        /// The manifest field the fact fills (nil: none; it can only be shown).
        public var field: String?
        /// Below this confidence a reading of a deciding class is a hint.
        public var minimumConfidence: Double
    }

    public static let table: [FactClass: Row] = [
        .expiryDate: Row(decides: true, field: "expires", minimumConfidence: 0.9),
        .validThrough: Row(decides: true, field: "expires", minimumConfidence: 0.9),
        .issueDate: Row(decides: true, field: "date", minimumConfidence: 0.9),
        .collectionDate: Row(decides: true, field: "date", minimumConfidence: 0.9),
        .testResult: Row(decides: true, field: "result", minimumConfidence: 0.9),
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

    /// Whether this reading may decide (its class decides and it is sure enough).
    public static func mayDecide(_ fact: ReadFact) -> Bool {
        let row = row(fact.fact)
        return row.decides && row.field != nil && fact.confidence >= row.minimumConfidence
    }
}
