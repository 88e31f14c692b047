/// The window in which a document for a requirement must be dated, from the same clause
/// constraints and program dates the check uses: each constraint kind gives its own part
/// (`DocumentConstraint.window`); and the day it must be done by (the apply-by date for
/// application items, the rotation start for items due before arrival or after an offer).
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
        case let .document(clause): return window(for: clause)
        case let .allOf(items): return items.map(window(for:)).reduce(DateWindow()) { $0.intersection($1) }
        case let .anyOf(items): return items.first.map(window(for:)) ?? DateWindow()
        }
    }

    /// A clause's window: the intersection of what each of its constraints allows.
    func window(for clause: DocumentClause) -> DateWindow {
        let planning = PlanningDates(dates: dates)
        return clause.constraints.reduce(DateWindow()) { $0.intersection($1.base.window(planning)) }
    }

    /// A requirement's window, made when read (`WindowData`).
    struct Deferred: ValueToMake {
        let windows: ActionWindow
        let requirement: Requirement
        var value: DateWindow { windows.window(for: requirement) }
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
}

/// A program's anchors as `plan` sees them: a day, and whether the program gives it (else the
/// check measures from today, and the plan says so).
public struct PlanningDates: Sendable {
    let dates: ProgramDates

    /// The anchor's day, and whether the program gives it.
    public func resolve(_ anchor: Anchor) -> (CalendarDate, Bool) {
        let known: Bool
        switch anchor {
        case .rotationStart, .rotationEnd: known = dates.rotation != nil
        case .deadline: known = dates.deadline != nil || dates.rotation != nil
        case .asOf: known = true
        case .offer: known = dates.offerMade
        }
        return (dates.date(for: anchor), known)
    }

    /// "the rotation end (2027-03-31)", "today (2026-12-01)", or a note that the day is not given.
    public func describe(_ anchor: Anchor) -> String {
        let (day, known) = resolve(anchor)
        if anchor == .asOf { return "today (\(day))" }
        return known ? "\(ProgramDates.describe(anchor)) (\(day))" : "\(ProgramDates.describe(anchor)) (not given: measured from today, \(day))"
    }
}
