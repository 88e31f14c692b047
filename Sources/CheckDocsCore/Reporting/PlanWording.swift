/// Wording the plan's formats share (text and calendar), so both say the same thing.
extension PlanAction {
    /// "Obtain", "Renew", "Replace".
    public var verbTitle: String {
        switch verb {
        case .obtain: return "Obtain"
        case .renew: return "Renew"
        case .replace: return "Replace"
        }
    }

    /// The last day has passed.
    public func isTooLate(asOf: CalendarDate) -> Bool { window.latest.map { $0 < asOf } ?? false }

    /// The day it can be ready, begun on its first useful day; nil when its lead time is not known.
    public var readyAbout: CalendarDate? { leadDays.map { startOn.adding(days: $0) } }

    /// Whether it takes longer than the days left: begun on its first day, it is ready after its last.
    public var isLate: Bool {
        guard let ready = readyAbout, let latest = window.latest, !window.isEmpty else { return false }
        return ready > latest
    }

    /// When, in words: one line per bound (dated from, done by, valid through).
    public func whenLines(asOf: CalendarDate) -> [String] {
        var lines: [String] = []
        let earliest = window.earliest.map { "dated on or after \($0) (\(window.earliestReason ?? "its window"))" }
        let latest = window.latest.map { "by \($0) (\(window.latestReason ?? "its last day"))" }
        if window.isEmpty {
            lines.append("no day works: it must be \(earliest ?? "") but done \(latest ?? ""); ask the program which comes first")
        } else if isTooLate(asOf: asOf) {
            lines.append("too late: it had to be done \(latest ?? "")")
        } else {
            if let earliest { lines.append(earliest) } else { lines.append("any date") }
            if let latest {
                lines.append(latest)
                if isLate, let ready = readyAbout, let days = leadDays {
                    lines.append("late: it takes about \(days) days, so begun on \(startOn) it is ready about \(ready); "
                                 + "start at once, and ask the program whether it can come later")
                }
            } else {
                lines.append("no last day known (no deadline or rotation dates given): as soon as you can")
            }
        }
        if let through = window.validThrough {
            lines.append("valid through \(through) (\(window.validThroughReason ?? "its use"))")
        }
        return lines
    }

    /// "rmti-transplant-observership: missing (warning) — no Health insurance found".
    public var needLines: [String] {
        needs.map { need in
            let severity = need.severity == .warning ? " (warning)" : ""
            return "\(need.program): \(need.status.rawValue)\(severity) — \(need.message)"
        }
    }

    /// What the programs say to do: one hint when they say the same, else each program's own,
    /// named ("chla-international-observership: Two letters …"). A merged action showed the first
    /// program's alone, and hid what another program asks of the same document.
    public var hints: [String] {
        var distinct: [(programs: [String], hint: String)] = []
        for need in needs {
            guard let hint = need.hint else { continue }
            if let index = distinct.firstIndex(where: { $0.hint == hint }) {
                distinct[index].programs.append(need.program)
            } else {
                distinct.append(([need.program], hint))
            }
        }
        return distinct.count == 1 ? [distinct[0].hint] : distinct.map { "\($0.programs.joined(separator: ", ")): \($0.hint)" }
    }
}

extension ActionPlan {
    /// "3 documents to obtain or renew for 2 programs".
    public var headline: String {
        var text = "\(Plural.count(actions.count, "document")) to obtain or renew for \(Plural.count(programs.count, "program"))"
        if !skipped.isEmpty { text += " (\(skipped.count) left out: ineligible or closed)" }
        if !undecided.isEmpty { text += "; \(Plural.count(undecided.count, "blocking rule")) not decided" }
        return text
    }

    /// Programs by apply-by date; those without one last.
    public var programsByApplyBy: [PlanProgram] {
        programs.enumerated().sorted { a, b in
            (a.element.applyBy?.ordinal ?? Int.max, a.offset) < (b.element.applyBy?.ordinal ?? Int.max, b.offset)
        }.map(\.element)
    }

    /// The 1-based numbers of the actions with these ids, for "separate from #3".
    public func numbers(of ids: [String]) -> [Int] {
        ids.compactMap { id in actions.firstIndex { $0.id == id }.map { $0 + 1 } }.sorted()
    }
}
