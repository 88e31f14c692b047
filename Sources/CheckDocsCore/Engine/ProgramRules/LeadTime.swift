import CheckDocsNative

/// `<leadTime>`: how long before the rotation starts one may apply. `min` ("apply at least 4
/// months before the start") sets the last day to apply; `max` ("no more than 6 months before")
/// the first. Months are calendar months, clamped at month ends (docs/programs.md, "Deadline and
/// lead time"): the last day to apply 3 months before 31 May is 28 (or 29) February; the first day
/// 6 months before 31 August is 1 March (`firstDayWithin`).
public struct LeadTime: Hashable, Sendable {
    public var min: Span?
    public var max: Span?

    public init(min: Span? = nil, max: Span? = nil) {
        self.min = min
        self.max = max
    }

    /// An amount of days, weeks or calendar months.
    public struct Span: Hashable, Sendable, CustomStringConvertible {
        public enum Unit: String, Sendable, CaseIterable {
            case days, weeks, months
        }

        public var amount: Int
        public var unit: Unit

        public init(_ amount: Int, _ unit: Unit) {
            self.amount = amount
            self.unit = unit
        }

        /// The day this long before `start`.
        public func before(_ start: CalendarDate) -> CalendarDate {
            switch unit {
            case .days: return start.subtracting(amount, .days)
            case .weeks:
                let (days, overflow) = amount.multipliedReportingOverflow(by: 7)
                return start.subtracting(overflow ? Int.max : days, .days)
            case .months: return start.subtracting(amount, .months)
            }
        }

        /// The first day from which `start` is no more than this long away. A day `d` is within when
        /// `d` plus the span reaches `start`, so where the month end was clamped the day before is
        /// not: 31 August less 6 months is 28 February, but 28 February plus 6 months is 28 August,
        /// more than 6 months before the 31st; the first day within is 1 March. (For the last day to
        /// apply, the clamped day is right: 30 June less 4 months is 28 February, and 1 March plus 4
        /// months passes 30 June.)
        public func firstDayWithin(_ start: CalendarDate) -> CalendarDate {
            var day = before(start)
            guard unit == .months else { return day }
            // At most three steps: a clamp moves the day back by 3 days at most (31 → 28).
            while day < start, day.adding(months: amount) < start { day = day.adding(days: 1) }
            return day
        }

        /// "60 days", "1 week", "4 months".
        public var description: String {
            let singular = String(unit.rawValue.dropLast())
            return "\(amount) \(amount == 1 ? singular : unit.rawValue)"
        }

        /// The fewest and the most days it can span (a month is 28 to 31 days).
        var dayRange: ClosedRange<Int> {
            switch unit {
            case .days: return amount...amount
            case .weeks: return amount * 7...amount * 7
            case .months: return amount * 28...amount * 31
            }
        }
    }

    /// The attributes (or keys) a lead time is written with: one `min…` and one `max…` at most.
    static let attributes: [(name: String, unit: Span.Unit, limit: Int)] = [
        ("minDays", .days, 36_500), ("minWeeks", .weeks, 5_200), ("minMonths", .months, 1_200),
        ("maxDays", .days, 36_500), ("maxWeeks", .weeks, 5_200), ("maxMonths", .months, 1_200),
    ]

    /// Reads `<leadTime minDays|minWeeks|minMonths="N" maxDays|maxWeeks|maxMonths="N"/>`, refusing
    /// two bounds of one side, none at all, and a span that ends before it starts.
    static func decode(from node: DescriptionNode) throws(InputError) -> LeadTime {
        var leadTime = LeadTime()
        var given: [String: String] = [:]
        for attribute in attributes {
            guard let amount = try node.int(attribute.name, in: 1...attribute.limit) else { continue }
            let side = attribute.name.hasPrefix("min") ? "min" : "max"
            if let other = given[side] {
                throw InputError(node.location(of: attribute.name), "a lead time takes one \(side)imum: \(other) and \(attribute.name) are both given")
            }
            given[side] = attribute.name
            if side == "min" { leadTime.min = Span(amount, attribute.unit) } else { leadTime.max = Span(amount, attribute.unit) }
        }
        guard leadTime.min != nil || leadTime.max != nil else {
            throw InputError(node.location, "a lead time needs minDays, minWeeks or minMonths, or maxDays, maxWeeks or maxMonths")
        }
        if let min = leadTime.min, let max = leadTime.max, max.dayRange.lowerBound < min.dayRange.upperBound {
            throw InputError(node.location, "the lead time allows no day to apply: no more than \(max) but at least \(min) before the start")
        }
        return leadTime
    }

    /// "at least 6 weeks and no more than 6 months before the start", for `explain`.
    public var words: String {
        switch (min, max) {
        case let (min?, max?): return "apply at least \(min) and no more than \(max) before the start"
        case let (min?, nil): return "apply at least \(min) before the start"
        case let (nil, max?): return "apply no more than \(max) before the start"
        case (nil, nil): return "no lead time"
        }
    }
}
