import CheckDocsNative

/// `<validFrom anchor="A"/>`: the document must already be in force on A — its `validFrom` (the
/// first day an insurance policy covers, a visa's or permit's start) on or before the anchor. With
/// `<validThrough>` it says "covering the whole stay": a policy bought for a rotation that starts
/// before the policy does leaves the first days uncovered.
///
/// `whenKnown="true"`: the start is checked only when it is recorded and the anchor's day is the
/// program's own (not today standing in for rotation dates it does not give); else it passes. The
/// standard checklists write it so, for health insurance: a recorded start after the rotation's
/// first day fails, while a certificate whose start nobody typed is not held up by it.
public struct ValidFrom: DocumentConstraint {
    public var anchor: Anchor
    public var whenKnown: Bool

    public init(anchor: Anchor, whenKnown: Bool = false) {
        self.anchor = anchor
        self.whenKnown = whenKnown
    }

    public static let checkOrder = 65
    public static let syntax = ["validFrom"]

    public static func decode(from clause: DescriptionNode) throws(InputError) -> [ValidFrom] {
        guard let node = clause.child("validFrom") else { return [] }
        guard let anchor = try node.value("anchor", as: Anchor.self) else { throw InputError(node.location, "missing anchor") }
        return [ValidFrom(anchor: anchor, whenKnown: try node.bool("whenKnown") ?? false)]
    }

    public var anchors: [Anchor] { [anchor] }

    public func check(_ document: ApplicantDocument, in context: ClauseContext) -> ConstraintFailure? {
        let needed = context.dates.date(for: anchor)
        // whenKnown checks a recorded start against a known day only: with no rotation dates the
        // day stands in as today, and a policy bought to start at the rotation starts later.
        if whenKnown, !context.dates.isGiven(anchor) { return nil }
        guard let validFrom = document.facts.validFrom else {
            return whenKnown ? nil : fail(.notEvaluable, Failure.startUnknown(needed: needed))
        }
        guard validFrom > needed else { return nil }
        return fail(.invalid, Failure.startsTooLate(validFrom: validFrom, anchor: anchor, needed: needed))
    }

    public func describe(dates: ProgramDates?, catalog: DocumentCatalog) -> [String] {
        var text = "in force from \(ProgramDates.describe(anchor))"
        if let dates { text += " (\(dates.date(for: anchor)))" }
        if whenKnown { text += " when its start is recorded" }
        return [text]
    }

    public enum Failure: FindingDetail {
        case startUnknown(needed: CalendarDate)
        case startsTooLate(validFrom: CalendarDate, anchor: Anchor, needed: CalendarDate)

        public var code: String {
            switch self {
            case .startUnknown: return "start-unknown"
            case .startsTooLate: return "starts-too-late"
            }
        }

        public var fields: [FindingReason.Field] {
            switch self {
            case let .startUnknown(needed): return .list(("validFrom", .date(needed)))
            case let .startsTooLate(validFrom, anchor, needed):
                return .list(("starts", .date(validFrom)), ("anchor", .string(anchor.rawValue)), ("validFrom", .date(needed)))
            }
        }

        public func sentence(catalog: DocumentCatalog) -> String {
            switch self {
            case let .startUnknown(needed):
                return "the day it takes effect is unknown; it must be in force by \(needed) (add `validFrom:` in the manifest, or put both dates in the file name)"
            case let .startsTooLate(validFrom, anchor, needed):
                return "in force only from \(validFrom), after \(ProgramDates.describe(anchor)) (\(needed)); it must cover that day"
            }
        }
    }
}
