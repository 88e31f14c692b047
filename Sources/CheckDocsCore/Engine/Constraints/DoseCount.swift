import CheckDocsNative

/// `minDoses="N"`: the documents that pass every other constraint must record at least N
/// distinct dose dates between them. A document with no dose list counts as one dose at its date.
public struct DoseCount: DocumentConstraint {
    public var minimum: Int

    public init(minimum: Int) { self.minimum = minimum }

    public static let checkOrder = 10
    public static let syntax = ["minDoses"]

    public static func decode(from clause: DescriptionNode) throws(InputError) -> [DoseCount] {
        try clause.int("minDoses", in: 0...1000).map { [DoseCount(minimum: $0)] } ?? []
    }

    public var checksTogether: Bool { true }

    public func checkTogether(_ passing: [ApplicantDocument], in context: ClauseContext) -> ConstraintFailure? {
        guard let first = passing.first else { return nil }
        var dated = Set<CalendarDate>()
        var undated = 0
        for document in passing {
            if !document.facts.doses.isEmpty {
                dated.formUnion(document.facts.doses)
            } else if let date = document.facts.date {
                dated.insert(date)
            } else {
                undated += 1
            }
        }
        let doses = dated.count + undated
        guard doses < minimum else { return nil }
        return fail(.invalid, Failure.tooFewDoses(type: first.type ?? "", recorded: doses, needed: minimum))
    }

    public func describe(dates: ProgramDates?, catalog: DocumentCatalog) -> [String] {
        ["\(minimum) dose\(minimum == 1 ? "" : "s")"]
    }

    public enum Failure: FindingDetail {
        case tooFewDoses(type: String, recorded: Int, needed: Int)

        public var code: String { "too-few-doses" }

        public var fields: [FindingReason.Field] {
            switch self {
            case let .tooFewDoses(type, recorded, needed):
                return .list(("documentType", .string(type)), ("recorded", .int(recorded)), ("needed", .int(needed)))
            }
        }

        public func sentence(catalog: DocumentCatalog) -> String {
            switch self {
            case let .tooFewDoses(type, recorded, needed):
                return "\(recorded) of \(needed) doses of \(catalog.title(of: type)) recorded (list each dose date under `doses` in the manifest)"
            }
        }
    }
}
