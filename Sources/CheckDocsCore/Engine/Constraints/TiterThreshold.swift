import CheckDocsNative

/// `<titer min="X" unit="U"/>`: a quantitative result of at least X in U (converted between
/// units that measure the same thing); a bare positive does not do.
public struct TiterThreshold: DocumentConstraint {
    public var min: Double
    public var unit: String

    public init(min: Double, unit: String) {
        self.min = min
        self.unit = unit
    }

    public static let checkOrder = 30
    public static let syntax = ["titer"]

    public static func decode(from clause: DescriptionNode) throws(InputError) -> [TiterThreshold] {
        guard let node = clause.child("titer") else { return [] }
        guard let min = try node.double("min") else { throw InputError(node.location, "missing min") }
        return [TiterThreshold(min: min, unit: try node.required("unit"))]
    }

    public func check(_ document: ApplicantDocument, in context: ClauseContext) -> ConstraintFailure? {
        let facts = document.facts
        guard let value = facts.value, let unit = facts.unit else {
            if let result = facts.result { return ConstraintFailure(.invalid, .titerQualitativeOnly(result: result, min: min, unit: self.unit)) }
            return ConstraintFailure(.missing, .titerUnknown(min: min, unit: self.unit))
        }
        guard let converted = UnitConversion.convert(value, from: unit, to: self.unit) else {
            return ConstraintFailure(.notEvaluable, .titerIncomparable(unit: unit, required: self.unit))
        }
        if converted < min {
            return ConstraintFailure(.invalid, .titerBelow(value: value, unit: unit, min: min, required: self.unit))
        }
        return nil
    }

    public func describe(dates: ProgramDates?, catalog: DocumentCatalog) -> [String] {
        ["quantitative titer ≥ \(EligibilityRule.format(min)) \(unit)"]
    }
}
