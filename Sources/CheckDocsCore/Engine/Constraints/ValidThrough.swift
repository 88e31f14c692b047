import CheckDocsNative

/// `<validThrough anchor="A" margin="N" unit="U"/>`: the document's expiry date must reach A + N U
/// (a passport valid six months beyond the rotation's end; insurance covering the whole stay).
public struct ValidThrough: DocumentConstraint, FailureVerdict {
    public var anchor: Anchor
    public var margin: Int
    public var unit: DurationUnit

    public init(anchor: Anchor, margin: Int, unit: DurationUnit) {
        self.anchor = anchor
        self.margin = margin
        self.unit = unit
    }

    public static let checkOrder = 60
    public static let syntax = ["validThrough"]

    public static func decode(from clause: DescriptionNode) throws(InputError) -> [ValidThrough] {
        guard let node = clause.child("validThrough") else { return [] }
        guard let anchor = try node.value("anchor", as: Anchor.self) else { throw InputError(node.location, "missing anchor") }
        let margin = try node.int("margin", in: 0...maximumMargin(.days)) ?? 0
        let unit = try node.value("unit", as: DurationUnit.self) ?? .days
        if let problem = DateLimits.problem(amount: margin, unit: unit, maximum: maximumMargin) {
            throw InputError(node.location(of: "margin"), "<validThrough> margin: \(problem)")
        }
        return [ValidThrough(anchor: anchor, margin: margin, unit: unit)]
    }

    /// The longest margin in each unit: the schemas' 1000 (a count), and no more than a hundred
    /// years (DateLimits), so 100 years.
    static func maximumMargin(_ unit: DurationUnit) -> Int { min(1000, DateLimits.maximum(unit)) }

    public var anchors: [Anchor] { [anchor] }

    public func verdict(_ document: ApplicantDocument, in context: ClauseContext) -> (status: RequirementStatus, failure: Failure)? {
        let needed = context.dates.date(for: anchor).adding(margin, unit)
        guard let expires = document.facts.expires else { return (.notEvaluable, .expiryUnknown(needed: needed)) }
        guard expires < needed else { return nil }
        return (.expiresBeforeNeeded, .expiresTooEarly(expires: expires, anchor: anchor, margin: margin, unit: unit, needed: needed))
    }

    public func describe(dates: ProgramDates?, catalog: DocumentCatalog) -> [String] {
        var text = "valid through \(ProgramDates.describe(anchor))"
        if margin > 0 { text += " + \(Wording.amount(margin, unit))" }
        if let dates { text += " (\(dates.date(for: anchor).adding(margin, unit)))" }
        return [text]
    }

    public func window(_ planning: PlanningDates) -> DateWindow {
        let (anchorDate, known) = planning.resolve(anchor)
        let reason = margin > 0 || !known
            ? planning.describe(anchor) + (margin > 0 ? " plus \(Wording.amount(margin, unit))" : "")
            : ProgramDates.describe(anchor)
        return DateWindow(validThrough: anchorDate.adding(margin, unit), validThroughReason: reason)
    }

    public enum Failure: FindingDetail {
        case expiryUnknown(needed: CalendarDate)
        case expiresTooEarly(expires: CalendarDate, anchor: Anchor, margin: Int, unit: DurationUnit, needed: CalendarDate)

        public var code: String {
            switch self {
            case .expiryUnknown: return "expiry-unknown"
            case .expiresTooEarly: return "expires-too-early"
            }
        }

        public var fields: [FindingReason.Field] {
            switch self {
            case let .expiryUnknown(needed): return .list(("validThrough", .date(needed)))
            case let .expiresTooEarly(expires, anchor, margin, unit, needed):
                return .list(("expires", .date(expires)), ("anchor", .string(anchor.rawValue)), ("margin", .int(margin)),
                             ("unit", .string(unit.rawValue)), ("validThrough", .date(needed)))
            }
        }

        public func sentence(catalog: DocumentCatalog) -> String {
            switch self {
            case let .expiryUnknown(needed):
                return "its expiry date is unknown; it must be valid through \(needed) (add `expires:` in the manifest)"
            case let .expiresTooEarly(expires, anchor, margin, unit, needed):
                let plus = margin > 0 ? " plus \(Wording.amount(margin, unit))" : ""
                return "expires \(expires); it must stay valid through \(ProgramDates.describe(anchor))\(plus) (\(needed))"
            }
        }
    }
}
