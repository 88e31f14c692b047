import CheckDocsNative

/// `<season anchor="A" startsOn="MM-DD"/>`: for seasonal vaccines, the document must be dated on
/// or after the start of the season (beginning each year on `startsOn`) that contains A.
/// With `activeIn="MM-DD/MM-DD"` (the months the disease circulates, 11-01/03-31 for flu), the
/// season is the one that contains A's last day in that period: a rotation from March to August
/// needs last winter's shot, not one from the season that starts in August, before any
/// circulation the rotation sees.
public struct SeasonRule: DocumentConstraint {
    public var anchor: Anchor
    public var startsOn: MonthDay
    public var activeIn: MonthDayRange?

    public init(anchor: Anchor, startsOn: MonthDay, activeIn: MonthDayRange? = nil) {
        self.anchor = anchor
        self.startsOn = startsOn
        self.activeIn = activeIn
    }

    public static let checkOrder = 50
    public static let syntax = ["season"]

    public static func decode(from clause: DescriptionNode) throws(InputError) -> [SeasonRule] {
        guard let node = clause.child("season") else { return [] }
        guard let anchor = try node.value("anchor", as: Anchor.self) else { throw InputError(node.location, "missing anchor") }
        let text = try node.required("startsOn")
        guard let startsOn = MonthDay(text) else {
            throw InputError(node.location(of: "startsOn"), "startsOn is \"\(text)\"; it must be a day of the year as MM-DD")
        }
        var activeIn: MonthDayRange?
        if let text = try node.string("activeIn") {
            guard let range = MonthDayRange(text) else {
                throw InputError(node.location(of: "activeIn"), "activeIn is \"\(text)\"; it must be a yearly period as MM-DD/MM-DD")
            }
            activeIn = range
        }
        return [SeasonRule(anchor: anchor, startsOn: startsOn, activeIn: activeIn)]
    }

    /// The day whose season is needed: the anchor's date, or its last day in `activeIn`.
    func seasonDay(_ anchorDate: CalendarDate) -> CalendarDate {
        activeIn.map { $0.lastDay(onOrBefore: anchorDate) } ?? anchorDate
    }

    public var anchors: [Anchor] { [anchor] }

    /// The first day of the season that contains `date`: never after it. In year 1, before the
    /// season's first day, that season began before the calendar does: its start is the first day.
    public static func seasonStart(containing date: CalendarDate, startsOn: MonthDay) -> CalendarDate {
        let thisYear = startsOn.date(in: date.year)
        if thisYear <= date { return thisYear }
        return date.year > 1 ? startsOn.date(in: date.year - 1) : CalendarDate.first
    }

    public func check(_ document: ApplicantDocument, in context: ClauseContext) -> ConstraintFailure? {
        let anchorDate = context.dates.date(for: anchor)
        let day = seasonDay(anchorDate)
        let seasonStart = Self.seasonStart(containing: day, startsOn: startsOn)
        // A vaccination month from the file name decides when the whole month is on one side of
        // the season's first day (docs/catalog.md, "Dates in file names").
        let effective = document.effectiveDate(asOf: context.asOf)
        if effective == nil, let span = document.facts.dateSpan, span.lowerBound >= seasonStart { return nil }
        guard let date = effective ?? document.facts.dateSpan.flatMap({ $0.upperBound < seasonStart ? $0.upperBound : nil })
        else { return fail(.notEvaluable, Failure.dateUnknown) }
        // Dated after the run's day: not given yet, as for a window (ValidityWindow).
        if effective != nil, date > context.asOf { return fail(.invalid, Failure.inFuture(date: date)) }
        guard date < seasonStart else { return nil }
        let currentSeason = Self.seasonStart(containing: context.asOf, startsOn: startsOn)
        return fail(date < currentSeason ? .expired : .expiresBeforeNeeded,
                    Failure.beforeSeason(date: date, anchor: anchor, seasonStart: seasonStart,
                                         activeDay: day == anchorDate ? nil : day, activeIn: activeIn))
    }

    public func describe(dates: ProgramDates?, catalog: DocumentCatalog) -> [String] {
        ["from the season (starting \(startsOn)) that covers \(ProgramDates.describe(anchor))\(activeWords)"]
    }

    /// " (its last day in 11-01/03-31)", said where `activeIn` is given.
    var activeWords: String { activeIn.map { " (its last day in \($0))" } ?? "" }

    public func window(_ planning: PlanningDates) -> DateWindow {
        let (anchorDate, _) = planning.resolve(anchor)
        return DateWindow(earliest: Self.seasonStart(containing: seasonDay(anchorDate), startsOn: startsOn),
                          earliestReason: "in the season (from \(startsOn)) that covers \(planning.describe(anchor))\(activeWords)")
    }

    public enum Failure: FindingDetail {
        case dateUnknown
        case inFuture(date: CalendarDate)
        /// `activeDay`: the anchor's last day in the rule's `activeIn` period, whose season was
        /// asked for, when it is not the anchor's own day.
        case beforeSeason(date: CalendarDate, anchor: Anchor, seasonStart: CalendarDate, activeDay: CalendarDate? = nil, activeIn: MonthDayRange? = nil)

        public var code: String {
            switch self {
            case .dateUnknown: return "date-unknown"
            case .inFuture: return "in-future"
            case .beforeSeason: return "before-season"
            }
        }

        public var fields: [FindingReason.Field] {
            switch self {
            case .dateUnknown: return []
            case let .inFuture(date): return .list(("date", .date(date)))
            case let .beforeSeason(date, anchor, seasonStart, activeDay, _):
                return .list(("date", .date(date)), ("anchor", .string(anchor.rawValue)), ("seasonStart", .date(seasonStart)),
                             ("seasonDay", activeDay.map { .date($0) }))
            }
        }

        public func sentence(catalog: DocumentCatalog) -> String {
            switch self {
            case .dateUnknown:
                return Wording.dateUnknown
            case let .inFuture(date):
                // One wording of a future date, the window's.
                return ValidityWindow.Failure.inFuture(date: date).sentence(catalog: catalog)
            case let .beforeSeason(date, anchor, seasonStart, activeDay, activeIn):
                if let day = activeDay, let period = activeIn {
                    return "dated \(date), before the season that covers \(day) began (\(seasonStart)): \(day) is \(ProgramDates.describe(anchor))'s last day in \(period)"
                }
                return "dated \(date), before the season that covers \(ProgramDates.describe(anchor)) began (\(seasonStart))"
            }
        }
    }
}
