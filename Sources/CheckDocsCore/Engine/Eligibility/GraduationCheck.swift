import CheckDocsNative

/// `<graduation maxYearsSince="5" anchor="rotation-start"/>`: a graduate must have graduated at
/// most that many years before the anchor, to the day (five years and a day is more than five);
/// a student passes.
public struct GraduationCheck: EligibilityCheck {
    public var maxYearsSince: Int
    public var anchor: Anchor

    public init(maxYearsSince: Int, anchor: Anchor = .rotationStart) {
        self.maxYearsSince = maxYearsSince
        self.anchor = anchor
    }

    public static let order = 20
    public static let element = "graduation"

    public static func decode(from node: DescriptionNode) throws(InputError) -> GraduationCheck {
        guard let years = try node.int("maxYearsSince", in: 0...1000) else { throw InputError(node.location, "missing maxYearsSince") }
        return GraduationCheck(maxYearsSince: years, anchor: try node.value("anchor", as: Anchor.self) ?? .rotationStart)
    }

    public var defaultID: String { "eligibility.graduation" }

    public var title: String {
        anchor == .asOf ? "Graduated within the last \(maxYearsSince) years"
            : "Graduated within the \(maxYearsSince) years before \(ProgramDates.describe(anchor))"
    }

    public var anchors: [Anchor] { [anchor] }

    public func evaluate(_ context: ClauseContext) -> EligibilityOutcome<Failure> {
        if context.profile.status == .student { return .ok("not yet graduated") }
        guard let graduation = context.profile.graduationDate else { return .unknown(field: "graduationDate") }
        let reference = context.dates.date(for: anchor)
        let years = graduation.wholeYears(until: reference)
        // "Within the past five years": on or after the anchor's date five years back (29
        // February back to a common year is the 28th), not five whole years and up to 364 days.
        if graduation < reference.subtracting(maxYearsSince, .years) {
            return .ineligible(.tooLongAgo(graduation: graduation, years: years, anchor: anchor, anchorDate: reference, maxYears: maxYearsSince))
        }
        return .ok("graduated \(graduation) (\(max(0, years)) years)")
    }

    public enum Failure: FindingDetail {
        case tooLongAgo(graduation: CalendarDate, years: Int, anchor: Anchor, anchorDate: CalendarDate, maxYears: Int)

        public var code: String { "graduated-too-long-ago" }

        public var fields: [FindingReason.Field] {
            switch self {
            case let .tooLongAgo(graduation, years, anchor, anchorDate, maxYears):
                return .list(("graduationDate", .date(graduation)), ("years", .int(years)), ("maxYearsSince", .int(maxYears)),
                             ("anchor", .string(anchor.rawValue)), ("anchorDate", .date(anchorDate)))
            }
        }

        public func sentence(catalog: DocumentCatalog) -> String {
            switch self {
            case let .tooLongAgo(graduation, years, anchor, _, maxYears):
                let said = years > maxYears ? "\(years) years" : "more than \(maxYears) years"
                return "graduated \(graduation), \(said) before \(ProgramDates.describe(anchor)); at most \(maxYears) allowed"
            }
        }
    }
}
