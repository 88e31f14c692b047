import CheckDocsNative

/// `result="positive|negative"`: the document's recorded lab result must be this one.
public struct LabResultConstraint: DocumentConstraint, FailureVerdict {
    public var required: LabResult

    public init(required: LabResult) { self.required = required }

    public static let checkOrder = 20
    public static let syntax = ["result"]

    public static func decode(from clause: DescriptionNode) throws(InputError) -> [LabResultConstraint] {
        try clause.value("result", as: LabResult.self).map { [LabResultConstraint(required: $0)] } ?? []
    }

    public func verdict(_ document: ApplicantDocument, in context: ClauseContext) -> (status: RequirementStatus, failure: Failure)? {
        // The file is there: without a recorded result it is undecided, never missing; but a file
        // recorded as vaccine doses alone is a vaccination record, no lab report, and asking for
        // its `result:` would hide what is really wrong (its doses, or the titer it is not).
        // A positive IgM titer shows a recent infection, not immunity (docs/programs.md, `result`).
        if required == .positive && document.facts.namedAsIgM { return (.invalid, .igm) }
        guard let result = document.facts.result else {
            if document.facts.isDoseRecord { return (.invalid, .doseRecord(required: required)) }
            return (.notEvaluable, .unknown(required: required))
        }
        if result != required { return (.invalid, .mismatch(actual: result, required: required)) }
        return nil
    }

    public func describe(dates: ProgramDates?, catalog: DocumentCatalog) -> [String] {
        ["result \(required.rawValue)"]
    }

    public enum Failure: FindingDetail {
        case unknown(required: LabResult)
        case mismatch(actual: LabResult, required: LabResult)
        /// A file with vaccine doses and no result: a vaccination record, not a lab report.
        case doseRecord(required: LabResult)
        /// An IgM titer (by its file name) where immunity is asked for.
        case igm

        public var code: String {
            switch self {
            case .igm: return "igm-titer"
            case .unknown: return "result-unknown"
            case .mismatch: return "result-mismatch"
            case .doseRecord: return "dose-record"
            }
        }

        public var fields: [FindingReason.Field] {
            switch self {
            case let .unknown(required), let .doseRecord(required): return .list(("required", .string(required.rawValue)))
            case let .mismatch(actual, required): return .list(("actual", .string(actual.rawValue)), ("required", .string(required.rawValue)))
            case .igm: return .list(("required", .string(LabResult.positive.rawValue)))
            }
        }

        // Written into one buffer, as `ValidityWindow.Failure`'s (docs/performance.md, "Sentences in
        // one buffer"); `SentenceBufferTests` holds them to the interpolated sentences.
        public func sentence(catalog: DocumentCatalog) -> String {
            switch self {
            case let .unknown(required):
                return ByteBuffer.string(capacity: 96) { text in
                    text.append("no result is recorded; a ")
                    text.append(utf8: required.rawValue)
                    text.append(" result is required (add `result:` to its manifest entry)")
                }
            case let .doseRecord(required):
                return "it records vaccine doses, not a lab result; a \(required.rawValue) titer or test result is required"
            case .igm:
                return "its name says IgM, which shows a recent infection, not immunity; a positive IgG titer is required"
            case let .mismatch(actual, required):
                return ByteBuffer.string(capacity: 64) { text in
                    text.append("the result is ")
                    text.append(utf8: actual.rawValue)
                    text.append("; a ")
                    text.append(utf8: required.rawValue)
                    text.append(" result is required")
                }
            }
        }
    }
}
