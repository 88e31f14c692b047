import Foundation

/// What an applicant weighs when choosing among programs, as a program description states it in
/// `<facts>` (docs/programs.md, "Facts for choosing"). Every field is optional: a fact the
/// source does not give stays unknown and `pick` says so, never guesses.
public struct ChoosingFacts: Hashable, Sendable {
    public enum Setting: String, Hashable, Sendable, CaseIterable { case academic, community }
    public enum Care: String, Hashable, Sendable, CaseIterable { case inpatient, outpatient, both }
    /// How much the visitor does with patients: a program's label ("externship") says little.
    public enum HandsOn: String, Hashable, Sendable, CaseIterable, Comparable {
        case observation
        case limited
        case handsOn = "hands-on"

        var rank: Int { Self.allCases.firstIndex(of: self)! }
        public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }

        public var words: String {
            switch self {
            case .observation: return "observation only"
            case .limited: return "limited supervised tasks"
            case .handsOn: return "hands-on"
            }
        }
    }
    /// Whether a letter of recommendation is usually given to those who complete it.
    public enum Letter: String, Hashable, Sendable, CaseIterable { case usually, sometimes, no }

    public var setting: Setting?
    public var care: Care?
    public var handsOn: HandsOn?
    public var letter: Letter?
    public var city: String?
    /// An estimate of living costs (housing, food, transport) per week in `livingCurrency`.
    public var livingPerWeek: Decimal?
    public var livingCurrency: String = "USD"
    /// How long it runs, in weeks, for a program that gives neither a rotation nor sessions.
    public var weeks: Int?

    public init() {}

    public var isEmpty: Bool { self == ChoosingFacts() }
}

/// How often a fee is charged (`<fee per="…">`): once (the default: application, processing),
/// or per week, per month (a stay's months counted as its days / 30, rounded up), or per rotation.
public enum FeePeriod: String, Hashable, Sendable, CaseIterable {
    case once, week, month, rotation
}
