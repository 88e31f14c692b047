import CheckDocsNative

/// A day in the proleptic Gregorian calendar, with no time zone: the unit every date rule uses.
/// Kept free of Foundation's Calendar so that results never depend on the machine's locale or zone.
/// Every value lies in 0001-01-01...9999-12-31 and all arithmetic saturates at those ends, so no
/// date function can trap (docs/security.md, "Date arithmetic is total"); the dates checkdocs
/// accepts from its inputs are a narrower range (DateLimits).
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int
    /// Days since 1970-01-01; the basis of comparisons and arithmetic.
    public let ordinal: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.ordinal = CalendarDate.daysFromCivil(year, month, day)
    }

    /// The day `ordinal` days after 1970-01-01, saturated to the representable days.
    public init(ordinal: Int) {
        let clamped = min(max(ordinal, CalendarDate.firstOrdinal), CalendarDate.lastOrdinal)
        let (y, m, d) = CalendarDate.civilFromDays(clamped)
        self.year = y
        self.month = m
        self.day = d
        self.ordinal = clamped
    }

    /// A day that always exists: the year is clamped to 1...9999, the month to 1...12 and the day
    /// to the month's length (Feb 29 becomes Feb 28 in a common year).
    public init(clampingYear year: Int, month: Int, day: Int) {
        let y = min(max(year, 1), 9999)
        let m = min(max(month, 1), 12)
        let d = min(max(day, 1), CalendarDate.daysIn(month: m, year: y))
        self.year = y
        self.month = m
        self.day = d
        self.ordinal = CalendarDate.daysFromCivil(y, m, d)
    }

    static let firstOrdinal = daysFromCivil(1, 1, 1)
    static let lastOrdinal = daysFromCivil(9999, 12, 31)
    /// The first and last representable days; arithmetic stops there.
    public static let first = CalendarDate(ordinal: firstOrdinal)
    public static let last = CalendarDate(ordinal: lastOrdinal)

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// YYYY-MM-DD, written digit by digit (`ByteBuffer.append(date:)`): reports print many dates.
    public var description: String { ByteBuffer.string(capacity: 10) { $0.append(date: self) } }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool { lhs.ordinal < rhs.ordinal }

    /// Saturates at the first and last representable days.
    public func adding(days: Int) -> CalendarDate {
        let (sum, overflow) = ordinal.addingReportingOverflow(days)
        return CalendarDate(ordinal: overflow ? (days < 0 ? Int.min : Int.max) : sum)
    }

    /// Adds calendar months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29)
    /// and the month to the representable ones. `year * 12 + month - 1` counts months from year 0, so
    /// it is never negative and `/` and `%` are floor division here.
    public func adding(months: Int) -> CalendarDate {
        let firstMonth = 1 * 12, lastMonth = 9999 * 12 + 11
        let current = year * 12 + (month - 1)
        // Any shift longer than the whole range lands on an end; clamping first keeps the sum in range.
        let shift = min(max(months, firstMonth - current), lastMonth - current)
        let total = current + shift
        return CalendarDate(clampingYear: total / 12, month: total % 12 + 1, day: day)
    }

    public func adding(_ amount: Int, _ unit: DurationUnit) -> CalendarDate {
        switch unit {
        case .days: return adding(days: amount)
        case .months: return adding(months: amount)
        case .years:
            let (months, overflow) = amount.multipliedReportingOverflow(by: 12)
            return adding(months: overflow ? (amount < 0 ? Int.min : Int.max) : months)
        }
    }

    /// `amount` `unit`s earlier; total even for `Int.min`, whose negation does not exist.
    public func subtracting(_ amount: Int, _ unit: DurationUnit) -> CalendarDate {
        adding(amount == Int.min ? Int.max : -amount, unit)
    }

    public func days(until other: CalendarDate) -> Int { other.ordinal - ordinal }

    /// Whole years from `self` to `other` (birthday-style: incomplete years do not count).
    public func wholeYears(until other: CalendarDate) -> Int {
        var years = other.year - year
        if (other.month, other.day) < (month, day) { years -= 1 }
        return years
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days: exact for the whole proleptic calendar.
    private static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    private static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (m <= 2 ? y + 1 : y, m, d)
    }
}

/// A yearly day such as 11-01, used by seasonal rules.
public struct MonthDay: Hashable, Sendable, CustomStringConvertible {
    public let month: Int
    public let day: Int

    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let m = Int(parts[0]), let d = Int(parts[1]),
              (1...12).contains(m), (1...CalendarDate.daysIn(month: m, year: 2000)).contains(d) else { return nil }
        month = m
        day = d
    }

    public var description: String {
        (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
    }

    /// This day in `year`; Feb 29 falls back to Feb 28 in common years. A year outside 1...9999
    /// gives the day in the nearest representable year: callers that step a year back or forward
    /// (seasons, overlaps) handle the ends themselves.
    public func date(in year: Int) -> CalendarDate {
        CalendarDate(clampingYear: year, month: month, day: day)
    }
}

public enum DurationUnit: String, Sendable, Codable, CaseIterable {
    case days, months, years
}

extension ByteBuffer {
    /// "YYYY-MM-DD": the one spelling of a date, for `CalendarDate.description`, the JSON report's
    /// dates and the sentences written into one buffer (docs/performance.md, "Sentences in one buffer").
    mutating func append(date: CalendarDate) {
        reserve(10)
        append(digitsOf: date.year, width: 4)
        append(UInt8(ascii: "-"))
        append(digitsOf: date.month, width: 2)
        append(UInt8(ascii: "-"))
        append(digitsOf: date.day, width: 2)
    }
}
