import Foundation

/// Where a rule set was read, and when: numbers change between cycles.
public struct Provenance: Hashable, Sendable {
    public var href: String
    public var asOf: CalendarDate
}

public struct Rotation: Hashable, Sendable {
    public var start: CalendarDate
    public var end: CalendarDate
}

public struct Fee: Hashable, Sendable {
    public var amount: Decimal
    public var currency: String
    public var label: String
    /// Once (default), per week, per month or per rotation (docs/programs.md, "Fees").
    public var per: FeePeriod = .once
}
