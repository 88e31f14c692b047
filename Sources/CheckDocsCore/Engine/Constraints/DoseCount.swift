import CheckDocsNative

/// `minDoses="N"`: the documents that pass every other constraint must record at least N
/// distinct dose dates between them. A document with no dose list counts as one dose at its date,
/// unless it is a lab report (a result, a value, or a name such as "titer"): a titer is no dose.
/// A dose dated after the as-of day has not been given yet, and does not count.
public struct DoseCount: DocumentConstraint {
    public var minimum: Int

    public init(minimum: Int) { self.minimum = minimum }

    public static let checkOrder = 10
    public static let syntax = ["minDoses"]

    public static func decode(from clause: DescriptionNode) throws(InputError) -> [DoseCount] {
        try clause.int("minDoses", in: 0...1000).map { [DoseCount(minimum: $0)] } ?? []
    }

    public var checksTogether: Bool { true }

    public func checkTogether(_ passing: [ApplicantDocument], in context: ClauseContext) -> ConstraintFailure? {
        guard let first = passing.first else { return nil }
        // Copied only when a lab report is among them: this runs for every dose rule of every program.
        let records = passing.contains(where: \.facts.isLabReport) ? passing.filter { !$0.facts.isLabReport } : passing
        let asOf = context.asOf
        let doses = Self.distinctDates(records, through: asOf) + records.count(where: { $0.facts.doses.isEmpty && $0.facts.date == nil })
        guard doses < minimum else {
            let type = context.evaluation.catalog[first.type ?? ""]
            // Doses closer than the vaccine's minimum intervals count as one (docs/catalog.md,
            // `minDoseIntervalDays` and `doseIntervals`).
            if let type, type.minDoseIntervalDays != nil || !type.doseIntervals.isEmpty,
               let close = Self.tooClose(records, minimum: minimum, interval: type.minDoseIntervalDays, intervals: type.doseIntervals, asOf: asOf) {
                var failure = fail(.invalid, Failure.dosesTooClose(type: first.type ?? "", counted: close.counted, needed: minimum,
                                                                   earlier: close.earlier, later: close.later, minDays: close.minDays,
                                                                   series: close.rule))
                failure.begun = true
                return failure
            }
            guard records.count < passing.count, let type, type.negativeTiterVoidsSeries,
                  let negative = Self.negativeTiterVoidingSeries(passing, records: records, minimum: minimum, asOf: asOf,
                                                                 protective: type.protectiveTiter) else { return nil }
            var failure = fail(.invalid, Failure.seriesDidNotTake(type: first.type ?? "", titer: negative))
            failure.begun = true
            return failure
        }
        let future = records.flatMap(\.facts.doseDates).filter { $0 > asOf }.min()
        var failure = fail(.invalid, Failure.tooFewDoses(type: first.type ?? "", recorded: doses, needed: minimum, future: future))
        failure.begun = doses > 0 || future != nil
        return failure
    }

    /// The date of the latest negative titer among `passing` when fewer than `minimum` doses
    /// given by `asOf` follow it (nil: none, or a full series since): the series before it did
    /// not take, and only a new one counts. A negative titer with no date decides nothing, nor
    /// does one dated after `asOf` (not drawn yet); one before any dose, or on the day of a dose
    /// (a screening drawn at the visit), is followed by the series from that dose on. A titer
    /// with no result is negative when its value is below the type's `protective` level.
    static func negativeTiterVoidingSeries(_ passing: [ApplicantDocument], records: [ApplicantDocument], minimum: Int,
                                           asOf: CalendarDate, protective: DocumentType.TiterLevel? = nil) -> CalendarDate? {
        func isNegative(_ facts: DocumentFacts) -> Bool {
            if let result = facts.result { return result == .negative }
            guard let protective, let value = facts.value, let unit = facts.unit else { return false }
            return protective.isBelow(value, in: unit) ?? false
        }
        let negative = passing.filter { $0.facts.isLabReport && isNegative($0.facts) }.compactMap(\.facts.date)
            .filter { $0 <= asOf }.max()
        guard let negative else { return nil }
        let given = Set(records.flatMap(\.facts.doseDates))
        return given.count(where: { $0 >= negative && $0 <= asOf }) < minimum ? negative : nil
    }

    /// When the doses given by `asOf`, counted only when at least `interval` days after the last
    /// one counted and, for a dose of the series that `intervals` name, at least their days after
    /// the earlier doses they name, are fewer than `minimum`: how many count, and the first dose
    /// that did not, with the dose it came too soon after, the days it needed and the rule of
    /// `intervals` it broke (nil: the one between consecutive doses). Nil when enough count. Each
    /// dose is counted as early as it may be, which counts the most, since every interval is a
    /// least one. A record with no date counts as one dose, as in the count above, and has no
    /// place in the series the intervals count.
    static func tooClose(_ records: [ApplicantDocument], minimum: Int, interval: Int?, intervals: [DocumentType.DoseInterval] = [],
                         asOf: CalendarDate)
        -> (counted: Int, earlier: CalendarDate, later: CalendarDate, minDays: Int, rule: DocumentType.DoseInterval?)? {
        let dates = Set(records.flatMap(\.facts.doseDates).filter { $0 <= asOf }).sorted()
        guard let first = dates.first else { return nil }
        var series = [first]
        var broken: (earlier: CalendarDate, later: CalendarDate, minDays: Int, rule: DocumentType.DoseInterval?)?
        for date in dates.dropFirst() {
            var tooSoon: (earlier: CalendarDate, minDays: Int, rule: DocumentType.DoseInterval?)?
            if let interval, series[series.count - 1].days(until: date) < interval {
                tooSoon = (series[series.count - 1], interval, nil)
            } else {
                // Dose `series.count + 1` if it counts.
                for rule in intervals where rule.dose == series.count + 1 && series[rule.after - 1].days(until: date) < rule.minDays {
                    tooSoon = (series[rule.after - 1], rule.minDays, rule)
                    break
                }
            }
            if let tooSoon {
                if broken == nil { broken = (tooSoon.earlier, date, tooSoon.minDays, tooSoon.rule) }
            } else {
                series.append(date)
            }
        }
        let counted = series.count + records.count(where: { $0.facts.doses.isEmpty && $0.facts.date == nil })
        guard counted < minimum, let broken else { return nil }
        return (counted, broken.earlier, broken.later, broken.minDays, broken.rule)
    }

    /// How many distinct dates the documents record: each one's doses, or else its date. A few
    /// dates are compared with those before them in place (a set was made for every clause with
    /// a dose count of every program); many go through a set.
    static func distinctDates(_ documents: [ApplicantDocument], through last: CalendarDate? = nil) -> Int {
        let total = documents.reduce(0) { $0 + ($1.facts.doses.isEmpty ? ($1.facts.date == nil ? 0 : 1) : $1.facts.doses.count) }
        // Rare: a document dated after the as-of day. Its dates are left out, through the set.
        let given: (CalendarDate) -> Bool = { date in last.map { date <= $0 } ?? true }
        let anyLater = last.map { last in documents.contains { $0.facts.anyDoseDate { $0 > last } } } ?? false
        guard total <= 32, !anyLater else {
            var dated = Set<CalendarDate>()
            for document in documents { dated.formUnion(document.facts.doseDates.filter(given)) }
            return dated.count
        }
        var count = 0
        for index in documents.indices {
            let facts = documents[index].facts
            // Whether `date` came before: in an earlier document, or earlier in this one's doses.
            func seen(_ date: CalendarDate, before position: Int) -> Bool {
                for earlier in documents[..<index] {
                    if earlier.facts.doses.isEmpty ? earlier.facts.date == date : earlier.facts.doses.contains(date) { return true }
                }
                return facts.doses[..<position].contains(date)
            }
            if facts.doses.isEmpty {
                if let date = facts.date, !seen(date, before: 0) { count += 1 }
            } else {
                for position in facts.doses.indices where !seen(facts.doses[position], before: position) { count += 1 }
            }
        }
        return count
    }

    public func describe(dates: ProgramDates?, catalog: DocumentCatalog) -> [String] {
        ["\(minimum) dose\(minimum == 1 ? "" : "s")"]
    }

    public enum Failure: FindingDetail {
        /// `future`: the earliest dose date after the as-of day, which did not count.
        case tooFewDoses(type: String, recorded: Int, needed: Int, future: CalendarDate?)
        /// A negative titer after the series (`negativeTiterVoidsSeries`).
        case seriesDidNotTake(type: String, titer: CalendarDate)
        /// Enough dose dates, but some closer than the vaccine's minimum interval: `counted` count.
        /// `series`: the interval between two doses of the series it was (`doseIntervals`), when
        /// it was not the one between consecutive doses.
        case dosesTooClose(type: String, counted: Int, needed: Int, earlier: CalendarDate, later: CalendarDate, minDays: Int,
                           series: DocumentType.DoseInterval?)

        public var code: String {
            switch self {
            case .tooFewDoses: return "too-few-doses"
            case .seriesDidNotTake: return "series-did-not-take"
            case .dosesTooClose: return "doses-too-close"
            }
        }

        public var fields: [FindingReason.Field] {
            switch self {
            case let .tooFewDoses(type, recorded, needed, future):
                guard let future else {
                    return .list(("documentType", .string(type)), ("recorded", .int(recorded)), ("needed", .int(needed)))
                }
                return .list(("documentType", .string(type)), ("recorded", .int(recorded)), ("needed", .int(needed)),
                             ("futureDose", .date(future)))
            case let .seriesDidNotTake(type, titer):
                return .list(("documentType", .string(type)), ("titerDate", .date(titer)))
            case let .dosesTooClose(type, counted, needed, earlier, later, minDays, series):
                guard let series else {
                    return .list(("documentType", .string(type)), ("counted", .int(counted)), ("needed", .int(needed)),
                                 ("earlier", .date(earlier)), ("later", .date(later)), ("minDays", .int(minDays)))
                }
                return .list(("documentType", .string(type)), ("counted", .int(counted)), ("needed", .int(needed)),
                             ("earlier", .date(earlier)), ("later", .date(later)), ("minDays", .int(minDays)),
                             ("dose", .int(series.dose)), ("afterDose", .int(series.after)))
            }
        }

        public func sentence(catalog: DocumentCatalog) -> String {
            switch self {
            case let .tooFewDoses(type, recorded, needed, future):
                if let future {
                    return "\(recorded) of \(needed) doses of \(catalog.title(of: type)) given so far; a dose dated \(future) is in the future and does not count yet"
                }
                return "\(recorded) of \(needed) doses of \(catalog.title(of: type)) recorded (list each dose date under `doses` in the manifest)"
            case let .seriesDidNotTake(type, titer):
                return "the titer of \(titer) is negative after the doses of \(catalog.title(of: type)): the series did not take; a second series and a repeat titer are needed"
            case let .dosesTooClose(type, counted, needed, earlier, later, minDays, series):
                guard let series else {
                    return "\(counted) of \(needed) doses of \(catalog.title(of: type)) count: the doses of \(earlier) and \(later) are "
                        + "\(earlier.days(until: later)) days apart, and doses count only \(minDays) days or more apart (check the dates, or add the missing dose)"
                }
                return "\(counted) of \(needed) doses of \(catalog.title(of: type)) count: the dose of \(later) is \(earlier.days(until: later)) days after "
                    + "dose \(series.after) (\(earlier)), and dose \(series.dose) counts only \(minDays) days or more after dose \(series.after) "
                    + "(check the dates, or add a later dose)"
            }
        }
    }
}
