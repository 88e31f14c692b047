/// The outcome of evaluating an expression (a clause or nested alternatives).
struct ExpressionOutcome {
    var status: RequirementStatus
    var files: [FilePath]
    var message: String
    /// Some parts of a combination hold: that alternative is the one the applicant is following.
    var partial = false
}

/// Evaluates one `<document>` clause: which files match, which of them meet every constraint,
/// and, when none suffices, the most useful reason why.
struct DocumentClauseEvaluator {
    let context: EvaluationContext
    let dates: ProgramDates

    func evaluate(_ clause: DocumentClause) -> ExpressionOutcome {
        let typeTitle = context.catalog.title(of: clause.type)
        let candidates = context.documents(satisfying: clause.type)
        if candidates.isEmpty && clause.min == 0 {
            return ExpressionOutcome(status: .ok, files: [], message: "optional; none provided")
        }
        if candidates.isEmpty {
            let need = clause.min > 1 ? "\(clause.min) × \(typeTitle)" : typeTitle
            return ExpressionOutcome(status: .missing, files: [], message: "no \(need) found")
        }
        // Indices into `candidates`: copying a document struct per clause costs more than the check.
        var passing: [Int] = []
        var failures: [(index: Int, status: RequirementStatus, reason: () -> String)] = []
        for (index, document) in candidates.enumerated() {
            if let failure = check(document, against: clause) {
                failures.append((index, failure.0, failure.1))
            } else {
                passing.append(index)
            }
        }
        let passingPaths = { passing.map { candidates[$0].path } }

        if let minDoses = clause.minDoses, !passing.isEmpty {
            let doses = countDoses(passing.map { candidates[$0] })
            if doses < minDoses {
                return ExpressionOutcome(status: .invalid, files: passingPaths(),
                    message: "\(doses) of \(minDoses) doses of \(typeTitle) recorded (list each dose date under `doses` in the manifest)")
            }
        }
        if let max = clause.max, passing.count > max {
            return ExpressionOutcome(status: .invalid, files: passingPaths(),
                message: "\(passing.count) \(typeTitle) files found; at most \(max) can be assigned to one program — choose which")
        }
        // With min="0" a file that is present but fails still deserves its reason below.
        if passing.count >= clause.min, !passing.isEmpty {
            return ExpressionOutcome(status: .ok, files: passingPaths(), message: "satisfied by \(passing.count == 1 ? "1 file" : "\(passing.count) files")")
        }
        if !passing.isEmpty || failures.isEmpty {
            return ExpressionOutcome(status: .missing, files: passingPaths(),
                message: "\(clause.min) × \(typeTitle) required, \(passing.count) found")
        }
        // Report the failing file that came closest to counting.
        let best = failures.min { $0.status.closeness < $1.status.closeness }!
        let others = failures.count > 1 ? " (and \(failures.count - 1) \(failures.count == 2 ? "other file that does" : "other files that do") not qualify)" : ""
        return ExpressionOutcome(status: best.status, files: failures.map { candidates[$0.index].path },
                                 message: "\(candidates[best.index].path): \(best.reason())\(others)")
    }

    /// nil when the document meets every constraint; otherwise the status and the reason. The
    /// reason is worded only for the one failing file a report shows.
    private func check(_ document: ApplicantDocument, against clause: DocumentClause) -> (RequirementStatus, () -> String)? {
        let facts = document.facts
        if let expires = facts.expires, expires < context.asOf {
            return (.expired, { "expired on \(expires)" })
        }
        if let required = clause.result {
            guard let result = facts.result else {
                // Without a recorded result the file is not (yet) a lab report for this clause.
                return (.missing, { "no result is recorded; a \(required.rawValue) result is required (add `result:` to its manifest entry)" })
            }
            if result != required { return (.invalid, { "the result is \(result.rawValue); a \(required.rawValue) result is required" }) }
        }
        if let titer = clause.constraints.titer {
            let needed = { "a quantitative titer of at least \(EligibilityRule.format(titer.min)) \(titer.unit)" }
            guard let value = facts.value, let unit = facts.unit else {
                if let result = facts.result {
                    return (.invalid, { "only a qualitative result (\(result.rawValue)) is recorded; \(needed()) is required" })
                }
                return (.missing, { "no titer value is recorded; \(needed()) is required (add `value:` and `unit:` to its manifest entry)" })
            }
            guard let converted = UnitConversion.convert(value, from: unit, to: titer.unit) else {
                return (.notEvaluable, { "the titer is in \(unit), which cannot be compared with \(titer.unit)" })
            }
            if converted < titer.min {
                return (.invalid, { "the titer is \(EligibilityRule.format(value)) \(unit); \(needed()) is required" })
            }
        }
        let constraints = clause.constraints
        if !constraints.windows.isEmpty || constraints.season != nil {
            guard let date = document.effectiveDate else {
                return (.notEvaluable, { "its date is unknown (put it in the file name as YYYY-MM-DD or in the manifest)" })
            }
            for window in constraints.windows {
                let anchor = dates.date(for: window.anchor)
                let earliest = anchor.subtracting(window.within, window.unit)
                if date > anchor {
                    if window.anchor == .asOf { return (.invalid, { "dated \(date), which is in the future" }) }
                    return (.invalid, { "dated \(date), after \(ProgramDates.describe(window.anchor)) (\(anchor))" })
                }
                if date < earliest {
                    let span = "\(window.within) \(unitName(window.unit, window.within))"
                    let stillValidToday = date.adding(window.within, window.unit) >= context.asOf
                    return (stillValidToday ? .expiresBeforeNeeded : .expired, {
                        "dated \(date); it must be within \(span) before \(ProgramDates.describe(window.anchor)) (\(anchor)), so on or after \(earliest)"
                    })
                }
            }
            if let season = constraints.season {
                let anchor = dates.date(for: season.anchor)
                let seasonStart = Self.seasonStart(containing: anchor, startsOn: season.startsOn)
                if date < seasonStart {
                    let currentSeason = Self.seasonStart(containing: context.asOf, startsOn: season.startsOn)
                    let status: RequirementStatus = date < currentSeason ? .expired : .expiresBeforeNeeded
                    return (status, { "dated \(date), before the season that covers \(ProgramDates.describe(season.anchor)) began (\(seasonStart))" })
                }
            }
        }
        if let through = constraints.validThrough {
            let anchor = dates.date(for: through.anchor)
            let needed = anchor.adding(through.margin, through.unit)
            guard let expires = facts.expires else {
                return (.notEvaluable, { "its expiry date is unknown; it must be valid through \(needed) (add `expires:` in the manifest)" })
            }
            if expires < needed {
                let margin = through.margin > 0 ? " plus \(through.margin) \(unitName(through.unit, through.margin))" : ""
                return (.expiresBeforeNeeded, { "expires \(expires); it must stay valid through \(ProgramDates.describe(through.anchor))\(margin) (\(needed))" })
            }
        }
        if let issuer = constraints.issuer, let failure = IssuerCheck().check(document, against: issuer) {
            return failure
        }
        if let translation = constraints.translation,
           let failure = TranslationCheck(context: context).check(document, against: translation) {
            return failure
        }
        if let nameMatch = constraints.nameMatch,
           let failure = NameCheck(context: context).check(document, against: nameMatch) {
            return failure
        }
        if let file = constraints.file {
            return FileConstraintEvaluator(inspector: context.inspector).check(document, against: file)
        }
        return nil
    }

    /// The first day of the season that contains `date`: never after it. In year 1, before the
    /// season's first day, that season began before the calendar does: its start is the first day.
    static func seasonStart(containing date: CalendarDate, startsOn: MonthDay) -> CalendarDate {
        let thisYear = startsOn.date(in: date.year)
        if thisYear <= date { return thisYear }
        return date.year > 1 ? startsOn.date(in: date.year - 1) : CalendarDate.first
    }

    /// Distinct dose dates; a record with no dose list counts as one dose.
    private func countDoses(_ documents: [ApplicantDocument]) -> Int {
        var dated = Set<CalendarDate>()
        var undated = 0
        for document in documents {
            if !document.facts.doses.isEmpty {
                dated.formUnion(document.facts.doses)
            } else if let date = document.facts.date {
                dated.insert(date)
            } else {
                undated += 1
            }
        }
        return dated.count + undated
    }

    private func unitName(_ unit: DurationUnit, _ amount: Int) -> String {
        let name = unit.rawValue
        return amount == 1 ? String(name.dropLast()) : name
    }
}
