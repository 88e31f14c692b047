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
        // IgM shows a recent infection, not immunity, whatever its value (docs/programs.md, `titer`).
        if facts.namedAsIgM { return fail(.invalid, Failure.igm(min: min, unit: self.unit)) }
        guard let value = facts.value, let unit = facts.unit else {
            if let result = facts.result { return fail(.invalid, Failure.qualitativeOnly(result: result, min: min, unit: self.unit)) }
            // Vaccine doses and no value: a vaccination record, no lab report (as for `result`).
            if facts.isDoseRecord { return fail(.invalid, Failure.doseRecord(min: min, unit: self.unit)) }
            return fail(.notEvaluable, Failure.unknown(min: min, unit: self.unit))
        }
        guard let below = DocumentType.TiterLevel(min: min, unit: self.unit).isBelow(value, in: unit) else {
            return fail(.notEvaluable, Failure.incomparable(unit: unit, required: self.unit))
        }
        if below {
            return fail(.invalid, Failure.below(value: value, unit: unit, min: min, required: self.unit))
        }
        return nil
    }

    public func describe(dates: ProgramDates?, catalog: DocumentCatalog) -> [String] {
        ["quantitative titer ≥ \(EligibilityRule.format(min)) \(unit)"]
    }

    public enum Failure: FindingDetail {
        case qualitativeOnly(result: LabResult, min: Double, unit: String)
        case unknown(min: Double, unit: String)
        case incomparable(unit: String, required: String)
        case below(value: Double, unit: String, min: Double, required: String)
        /// A file with vaccine doses and no value: a vaccination record, not a titer.
        case doseRecord(min: Double, unit: String)
        /// An IgM titer (by its file name): a recent infection, not immunity.
        case igm(min: Double, unit: String)

        public var code: String {
            switch self {
            case .doseRecord: return "dose-record"
            case .igm: return "igm-titer"
            case .qualitativeOnly: return "qualitative-only"
            case .unknown: return "titer-unknown"
            case .incomparable: return "unit-incomparable"
            case .below: return "below-minimum"
            }
        }

        public var fields: [FindingReason.Field] {
            switch self {
            case let .qualitativeOnly(result, min, unit):
                return .list(("actual", .string(result.rawValue)), ("min", .number(min)), ("unit", .string(unit)))
            case let .unknown(min, unit), let .doseRecord(min, unit), let .igm(min, unit): return .list(("min", .number(min)), ("unit", .string(unit)))
            case let .incomparable(unit, required): return .list(("unit", .string(unit)), ("requiredUnit", .string(required)))
            case let .below(value, unit, min, required):
                return .list(("value", .number(value)), ("unit", .string(unit)), ("min", .number(min)), ("requiredUnit", .string(required)))
            }
        }

        public func sentence(catalog: DocumentCatalog) -> String {
            switch self {
            case let .qualitativeOnly(result, min, unit):
                return "only a qualitative result (\(result.rawValue)) is recorded; \(Self.needed(min, unit)) is required"
            case let .unknown(min, unit):
                return "no titer value is recorded; \(Self.needed(min, unit)) is required (add `value:` and `unit:` to its manifest entry)"
            case let .doseRecord(min, unit):
                return "it records vaccine doses, not a titer; \(Self.needed(min, unit)) is required"
            case let .igm(min, unit):
                return "its name says IgM, which shows a recent infection, not immunity; \(Self.needed(min, unit)) (IgG) is required"
            case let .incomparable(unit, required):
                return "the titer is in \(unit), which cannot be compared with \(required)"
            case let .below(value, unit, min, required):
                return "the titer is \(EligibilityRule.format(value)) \(unit); \(Self.needed(min, required)) is required"
            }
        }

        private static func needed(_ min: Double, _ unit: String) -> String {
            "a quantitative titer of at least \(EligibilityRule.format(min)) \(unit)"
        }
    }
}

extension DocumentType.TiterLevel {
    /// Whether `value` in `unit` is below this level, converted between units that measure the
    /// same thing; nil when they do not. Here, with the units' conversion, as the model knows none.
    public func isBelow(_ value: Double, in unit: String) -> Bool? {
        UnitConversion.convert(value, from: unit, to: self.unit).map { $0 < min }
    }
}
