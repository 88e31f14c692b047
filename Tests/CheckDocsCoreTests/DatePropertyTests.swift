import PropertyBased
import Testing
@testable import CheckDocsCore
@testable import CheckDocsNative

/// Random dates, durations, units and month-days through every date function
/// (docs/security.md, "Date arithmetic is total"): dates far outside the accepted range and
/// around month ends and leap years, amounts up to Int.min and Int.max. A trap would end the
/// test process; the properties check that the answers are also right.
@Suite struct DatePropertyTests {
    // MARK: Generators

    /// Any representable day, and ordinals far beyond both ends (saturated by init(ordinal:)).
    static let anyOrdinal = Gen.int(in: -4_000_000...4_000_000).map { CalendarDate(ordinal: $0) }
    /// Month ends and Feb 28/29 in years near the ends of the calendar, of the accepted range,
    /// and around century leap rules (1900, 2000, 2100).
    static let edgeDay = zip(
        Gen.oneOf(Gen.int(in: 1...4), Gen.int(in: 9996...9999), Gen.int(in: 1896...1904), Gen.int(in: 1996...2004),
                  Gen.int(in: 2096...2104), Gen.int(in: 2196...2204), Gen.int(in: 1...9999)),
        Gen.int(in: 1...12), Gen.int(in: 26...31)
    ).map { CalendarDate(clampingYear: $0, month: $1, day: $2) }
    static let date = Gen.oneOf(anyOrdinal, edgeDay)
    /// Small and large amounts, and the two that overflow on negation or multiplication.
    static let amount = Gen.oneOf(Gen.int(in: -400...400), Gen.int(in: -5_000_000...5_000_000), Gen.int(),
                                  Gen.always(Int.min), Gen.always(Int.max))
    static let unit = Gen<DurationUnit>.case
    static let monthDay = zip(Gen.int(in: 1...12), Gen.int(in: 1...31)).compactMap { month, day in
        MonthDay((month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)")
    }
    static let anchor = Gen.oneOf(Gen.always(Anchor.rotationStart), Gen.always(Anchor.rotationEnd),
                                  Gen.always(Anchor.deadline), Gen.always(Anchor.asOf))

    /// A real day of the calendar: it prints as YYYY-MM-DD and parses back to itself.
    static func expectValid(_ day: CalendarDate, _ context: @autoclosure () -> String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect((1...9999).contains(day.year) && (1...12).contains(day.month), "\(context()): \(day.year)-\(day.month)", sourceLocation: sourceLocation)
        #expect(CalendarDate(iso: day.description) == day, "\(context()): \(day) does not round-trip", sourceLocation: sourceLocation)
        #expect(CalendarDate(ordinal: day.ordinal) == day, "\(context()): ordinal \(day.ordinal)", sourceLocation: sourceLocation)
    }

    // MARK: Arithmetic

    @Test("adding any amount of any unit to any day gives a real day, and is monotonic in the amount")
    func addingIsTotalAndMonotonic() async {
        await propertyCheck(count: 2000, input: Self.date, Self.amount, Self.amount, Self.unit) { day, a, b, unit in
            let first = day.adding(a, unit), second = day.adding(b, unit)
            Self.expectValid(first, "\(day) + \(a) \(unit)")
            Self.expectValid(day.subtracting(a, unit), "\(day) - \(a) \(unit)")
            #expect(a <= b ? first <= second : first >= second, "\(day): +\(a) \(unit) = \(first), +\(b) = \(second)")
            if a != Int.min { #expect(day.subtracting(a, unit) == day.adding(-a, unit)) }
        }
    }

    @Test("adding then subtracting days round-trips while the sum stays in the calendar")
    func daysRoundTrip() async {
        await propertyCheck(count: 2000, input: Self.date, Self.amount) { day, days in
            let there = day.adding(days: days)
            let (sum, overflow) = day.ordinal.addingReportingOverflow(days)
            if !overflow, (CalendarDate.first.ordinal...CalendarDate.last.ordinal).contains(sum) {
                #expect(there.ordinal == sum)
                #expect(there.adding(days: -days) == day, "\(day) + \(days) = \(there)")
                #expect(day.days(until: there) == days)
            } else {
                #expect(there == (days < 0 ? CalendarDate.first : CalendarDate.last), "\(day) + \(days) did not saturate: \(there)")
            }
        }
    }

    @Test("adding months moves the month by exactly that many and keeps the day unless the month is shorter")
    func monthsAreExact() async {
        await propertyCheck(count: 2000, input: Self.date, Self.amount) { day, months in
            let result = day.adding(months: months)
            Self.expectValid(result, "\(day) + \(months) months")
            let from = day.year * 12 + day.month - 1, to = result.year * 12 + result.month - 1
            let (target, overflow) = from.addingReportingOverflow(months)
            if !overflow, (12...(9999 * 12 + 11)).contains(target) {
                #expect(to == target, "\(day) + \(months) months = \(result)")
                #expect(result.day == min(day.day, CalendarDate.daysIn(month: result.month, year: result.year)))
            } else {
                #expect(result.year == (months < 0 ? 1 : 9999), "\(day) + \(months) months did not saturate: \(result)")
            }
            // Years are twelve months.
            if let twelve = months.multipliedReportingOverflow(by: 12).overflow ? nil : months * 12 {
                #expect(day.adding(months, .years) == day.adding(months: twelve))
            }
        }
    }

    @Test("a duration within the limits, from a day within the range, never reaches the ends of the calendar")
    func acceptedRangeNeverSaturates() async {
        let accepted = Gen.int(in: DateLimits.earliest.ordinal...DateLimits.latest.ordinal).map { CalendarDate(ordinal: $0) }
        await propertyCheck(count: 1000, input: accepted, Self.unit) { day, unit in
            let span = DateLimits.maximum(unit)
            #expect(day.subtracting(span, unit).year >= 1800 && day.adding(span, unit).year <= 2300, "\(day) ± \(span) \(unit)")
            #expect(DateLimits.problem(amount: span, unit: unit) == nil)
            #expect(DateLimits.problem(amount: span + 1, unit: unit) != nil)
        }
    }

    @Test("constructing a day from any numbers never traps: the failable init agrees with the clamping one")
    func constructors() async {
        await propertyCheck(count: 2000, input: Gen.int(in: -20_000...20_000), Gen.int(in: -3...15), Gen.int(in: -3...35)) { year, month, day in
            let clamped = CalendarDate(clampingYear: year, month: month, day: day)
            Self.expectValid(clamped, "\(year)-\(month)-\(day)")
            if let exact = CalendarDate(year: year, month: month, day: day) {
                #expect(exact == clamped)
                // Feb 29 plus a year is Feb 28: a day short of a whole year.
                let whole = exact.year < 9999 && !(exact.month == 2 && exact.day == 29) ? 1 : 0
                #expect(exact.wholeYears(until: exact.adding(1, .years)) == whole)
            }
        }
    }

    // MARK: Month-days, seasons, overlaps

    @Test("a month-day exists in every year; a season starts on or before the day it contains, and no later start comes between")
    func seasons() async {
        await propertyCheck(count: 2000, input: Self.date, Self.monthDay, Gen.int(in: -10...10_010)) { day, startsOn, year in
            Self.expectValid(startsOn.date(in: year), "\(startsOn) in \(year)")
            let start = SeasonRule.seasonStart(containing: day, startsOn: startsOn)
            Self.expectValid(start, "season of \(day) from \(startsOn)")
            #expect(start <= day, "the season of \(day) from \(startsOn) starts after it, on \(start)")
            #expect(start == CalendarDate.first || start == startsOn.date(in: start.year))
            for candidate in [startsOn.date(in: day.year - 1), startsOn.date(in: day.year)] where candidate > start {
                #expect(candidate > day, "\(candidate) is a later season start than \(start), before \(day)")
            }
        }
    }

    /// Whether `day` is inside the yearly period, asked of its own year only.
    static func inPeriod(_ day: CalendarDate, _ range: MonthDayRange) -> Bool {
        let from = range.from.date(in: day.year), to = range.to.date(in: day.year)
        return (range.to.month, range.to.day) < (range.from.month, range.from.day) ? (day >= from || day <= to) : (day >= from && day <= to)
    }

    @Test("overlaps agrees with a day-by-day walk over short ranges, anywhere in the calendar")
    func overlapsMatchesAWalk() async {
        await propertyCheck(count: 1500, input: Self.date, Gen.int(in: -3...800), Self.monthDay, Self.monthDay) { start, length, from, to in
            let range = MonthDayRange(from: from, to: to)
            let end = start.adding(days: length)
            var walked = false
            if start <= end {
                var day = start
                while true {
                    if Self.inPeriod(day, range) { walked = true; break }
                    if day == end { break }
                    day = day.adding(days: 1)
                }
            }
            #expect(range.overlaps(start: start, end: end) == walked, "\(range) over \(start)...\(end)")
            // Reversed, the range is empty: nothing overlaps it.
            if start < end { #expect(!range.overlaps(start: end, end: start)) }
        }
    }

    // MARK: Windows of the plan

    @Test("the plan's windows from any dates and durations are real days, in order around their anchor")
    func planWindows() async {
        await propertyCheck(count: 1500, input: Self.date, Self.date, Self.amount, Self.unit, Self.anchor, Self.monthDay) { asOf, start, amount, unit, anchor, startsOn in
            let dates = ProgramDates(asOf: asOf, rotation: Rotation(start: start, end: start.adding(days: 28)), deadline: start.adding(days: -60))
            var clause = DocumentClause(type: "influenza", location: CheckDocsNative.SourceLocation(file: "p.xml"))
            clause.constraints = [AnyDocumentConstraint(ValidityWindow(anchor: anchor, within: amount, unit: unit)),
                                  AnyDocumentConstraint(SeasonRule(anchor: anchor, startsOn: startsOn)),
                                  AnyDocumentConstraint(ValidThrough(anchor: anchor, margin: amount, unit: unit))]
            let window = ActionWindow(dates: dates, applyBy: dates.deadline).window(for: clause)
            let day = dates.date(for: anchor)
            for bound in [window.earliest, window.latest, window.validThrough].compactMap({ $0 }) { Self.expectValid(bound, "window") }
            #expect(window.validThrough == day.adding(amount, unit))
            if amount >= 0, let earliest = window.earliest { #expect(earliest <= day) }
            let lead = abs(amount % 40_000)
            var description = ProgramDescription(role: .program, id: "p", kind: .observership, name: "P",
                                                 source: Provenance(href: "https://example.org", asOf: asOf), file: CheckDocsNative.SourceLocation(file: "p.xml"))
            description.rotation = dates.rotation
            description.leadTimeDays = lead
            let applyBy = ApplicationDeadline(description).applyBy
            #expect(applyBy == start.subtracting(lead, .days))
            if let applyBy { Self.expectValid(applyBy, "apply by"); #expect(applyBy <= start) }
        }
    }
}
