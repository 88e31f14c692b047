/// The window in which a document for a requirement must be dated, from the same clause
/// constraints and program dates the check uses (DocumentClauseEvaluator): a window of `within`
/// before its anchor, the season that covers the anchor, a validThrough margin after it; and the
/// day it must be done by (the apply-by date for application items, the rotation start for items
/// due before arrival or after an offer).
struct ActionWindow {
    let dates: ProgramDates
    /// The effective deadline ("apply by").
    let applyBy: CalendarDate?

    func window(for requirement: Requirement) -> DateWindow {
        var window = window(for: requirement.expression)
        window = window.intersection(doneBy(requirement.due))
        return window
    }

    /// A document clause's window; all parts of a combination at once; the first alternative of a choice.
    func window(for expression: RequirementExpression) -> DateWindow {
        switch expression {
        case let .document(clause): return window(for: clause.constraints)
        case let .allOf(items): return items.map(window(for:)).reduce(DateWindow()) { $0.intersection($1) }
        case let .anyOf(items): return items.first.map(window(for:)) ?? DateWindow()
        }
    }

    func window(for constraints: DocumentConstraints) -> DateWindow {
        var result = DateWindow()
        for rule in constraints.windows {
            let (anchor, known) = resolve(rule.anchor)
            let span = "\(rule.within) \(Self.unitName(rule.unit, rule.within))"
            var part = DateWindow(earliest: anchor.subtracting(rule.within, rule.unit),
                                  earliestReason: "within \(span) before \(describe(rule.anchor, anchor, known))")
            // A window that ends on a day that is not known (or on today) sets no last day.
            if known, rule.anchor != .asOf {
                part.latest = anchor
                part.latestReason = "not after \(ProgramDates.describe(rule.anchor))"
            }
            result = result.intersection(part)
        }
        if let season = constraints.season {
            let (anchor, known) = resolve(season.anchor)
            let start = DocumentClauseEvaluator.seasonStart(containing: anchor, startsOn: season.startsOn)
            result = result.intersection(DateWindow(
                earliest: start, earliestReason: "in the season (from \(season.startsOn)) that covers \(describe(season.anchor, anchor, known))"))
        }
        if let through = constraints.validThrough {
            let (anchor, known) = resolve(through.anchor)
            let margin = " plus \(through.margin) \(Self.unitName(through.unit, through.margin))"
            result = result.intersection(DateWindow(
                validThrough: anchor.adding(through.margin, through.unit),
                validThroughReason: through.margin > 0 || !known ? describe(through.anchor, anchor, known) + (through.margin > 0 ? margin : "")
                    : ProgramDates.describe(through.anchor)))
        }
        return result
    }

    /// The day an item must be done by, for its stage.
    private func doneBy(_ due: Stage) -> DateWindow {
        switch due {
        case .application:
            if let applyBy { return DateWindow(latest: applyBy, latestReason: "apply by \(applyBy)") }
            if let start = dates.rotation?.start { return DateWindow(latest: start, latestReason: "the rotation starts \(start)") }
        case .beforeArrival, .afterOffer:
            if let start = dates.rotation?.start { return DateWindow(latest: start, latestReason: "before arrival: the rotation starts \(start)") }
        }
        return DateWindow()
    }

    /// The anchor's day, and whether the program gives it (else the check measures from today).
    private func resolve(_ anchor: Anchor) -> (CalendarDate, Bool) {
        let known: Bool
        switch anchor {
        case .rotationStart, .rotationEnd: known = dates.rotation != nil
        case .deadline: known = dates.deadline != nil || dates.rotation != nil
        case .asOf: known = true
        }
        return (dates.date(for: anchor), known)
    }

    private func describe(_ anchor: Anchor, _ day: CalendarDate, _ known: Bool) -> String {
        if anchor == .asOf { return "today (\(day))" }
        return known ? "\(ProgramDates.describe(anchor)) (\(day))" : "\(ProgramDates.describe(anchor)) (not given: measured from today, \(day))"
    }

    static func unitName(_ unit: DurationUnit, _ amount: Int) -> String {
        amount == 1 ? String(unit.rawValue.dropLast()) : unit.rawValue
    }
}
