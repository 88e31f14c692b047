import Foundation

/// The manifest's `goals:`: what the applicant wants from rotations, for `pick`
/// (docs/manifest.md, "goals", and docs/pick.md). nil fields are not said.
public struct ApplicantGoals: Hashable, Sendable {
    public enum Stage: String, Hashable, Sendable, CaseIterable {
        /// Still choosing a specialty, or whether to apply for US residency at all.
        case exploring
        /// Decided, with a Match year ahead: building US clinical experience.
        case preparing
        /// In (or just before) the application season of `matchYear`.
        case applying
    }

    public enum Preference: String, Hashable, Sendable, CaseIterable {
        case handsOn = "hands-on"
        case observation
        case any
    }

    /// A range of days the applicant is free for a rotation, both ends included.
    public struct Window: Hashable, Sendable {
        public var from: CalendarDate
        public var through: CalendarDate
        public init(from: CalendarDate, through: CalendarDate) {
            self.from = from
            self.through = through
        }
        public func contains(_ rotation: Rotation) -> Bool { rotation.start >= from && rotation.end <= through }
    }

    public struct Budget: Hashable, Sendable {
        public var total: Decimal
        public var currency: String
        /// What living costs the applicant per week where no program says (housing, food, transport).
        public var livingPerWeek: Decimal?
        public init(total: Decimal, currency: String, livingPerWeek: Decimal? = nil) {
            self.total = total
            self.currency = currency
            self.livingPerWeek = livingPerWeek
        }
    }

    public var stage: Stage?
    /// The Match the applicant applies in (March of that year).
    public var matchYear: Int?
    /// The day residency applications go in; default September 1 of the year before the Match
    /// (docs/pick.md, "The plan").
    public var applyBy: CalendarDate?
    public var specialties: [String] = []
    public var availability: [Window] = []
    public var budget: Budget?
    public var prefer: Preference?
    /// Residency programs (ids in the catalog) whose USCE rules the plan aims to meet.
    public var residencyTargets: [String] = []
    /// Factor weights given in the manifest (docs/pick.md, "Weights"); the rest keep their default.
    public var weights: [String: Double] = [:]

    public init() {}

    /// The application day the plan aims at: `applyBy`, else September 1 before the Match year.
    public var applicationDay: CalendarDate? {
        applyBy ?? matchYear.map { CalendarDate(clampingYear: $0 - 1, month: 9, day: 1) }
    }
}
