import CheckDocsNative

/// `result="positive|negative"`: the document's recorded lab result must be this one.
public struct LabResultConstraint: DocumentConstraint {
    public var required: LabResult

    public init(required: LabResult) { self.required = required }

    public static let checkOrder = 20
    public static let syntax = ["result"]

    public static func decode(from clause: DescriptionNode) throws(InputError) -> [LabResultConstraint] {
        try clause.value("result", as: LabResult.self).map { [LabResultConstraint(required: $0)] } ?? []
    }

    public func check(_ document: ApplicantDocument, in context: ClauseContext) -> ConstraintFailure? {
        // Without a recorded result the file is not (yet) a lab report for this clause.
        guard let result = document.facts.result else { return ConstraintFailure(.missing, .resultUnknown(required: required)) }
        if result != required { return ConstraintFailure(.invalid, .resultMismatch(actual: result, required: required)) }
        return nil
    }

    public func describe(dates: ProgramDates?, catalog: DocumentCatalog) -> [String] {
        ["result \(required.rawValue)"]
    }
}
