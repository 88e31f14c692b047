import CheckDocsFormats
import CheckDocsNative

/// The dates and durations checkdocs accepts from its inputs (docs/format.md, "Dates and
/// durations"). The schemas hold every date in programs, manifests and waivers to this range and
/// `--as-of` is checked against it; CalendarDate itself represents more and saturates, so
/// arithmetic on an accepted date (a window, a margin, a lead time) always stays representable.
public enum DateLimits {
    /// 1900-01-01: older than any diploma or exam an applicant could still present.
    public static let earliest = CalendarDate(clampingYear: 1900, month: 1, day: 1)
    /// 2200-12-31: later than any rotation, deadline or passport expiry there will be.
    public static let latest = CalendarDate(clampingYear: 2200, month: 12, day: 31)

    public static func accepts(_ date: CalendarDate) -> Bool { date >= earliest && date <= latest }

    /// The longest duration in each unit: a hundred years, whichever unit says it (a window's
    /// `within`, a validThrough `margin`; a lead time is in days).
    public static func maximum(_ unit: DurationUnit) -> Int {
        switch unit {
        case .days: return 36_500
        case .months: return 1_200
        case .years: return 100
        }
    }

    /// "2027 years is more than checkdocs accepts (at most 36500 days, 1200 months or 100 years)",
    /// or nil when the duration is accepted. `maximum` gives the limits of the attribute read,
    /// when they are tighter (a validThrough margin): the message states the ones it breaks.
    public static func problem(amount: Int, unit: DurationUnit, maximum: (DurationUnit) -> Int = maximum) -> String? {
        guard amount > maximum(unit) else { return nil }
        let limits = "at most \(maximum(.days)) days, \(maximum(.months)) months or \(maximum(.years)) years"
        return "\(amount) \(unit.rawValue) is more than checkdocs accepts (\(limits))"
    }

    /// The message for a date outside the range, naming where it came from.
    public static func outOfRange(_ what: String, _ date: CalendarDate) -> String {
        "\(what) \(date) is outside the dates checkdocs accepts (\(earliest) to \(latest))"
    }

    /// A date string as the JSON schemas judge it (`"format": "date"`).
    @Sendable public static func verdict(_ text: String) -> JSONSchemaValidator.DateVerdict {
        guard let date = CalendarDate(iso: text) else { return DateWording.isInForm(text) ? .notADay : .notADate }
        return accepts(date) ? .accepted : .outOfRange(outOfRange("the date", date))
    }
}
