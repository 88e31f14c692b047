import CheckDocsNative
import Foundation

/// `checkdocs pick` as text: the goals and weights used, the top programs with every factor's
/// contribution in words and numbers, those that do not fit and why, and the plan when asked
/// (docs/pick.md, "Output").
public enum PickText {
    public static func render(_ report: PickReport) -> String {
        var lines: [String] = []
        lines.append("checkdocs pick — \(report.folder), as of \(report.asOf)")
        lines.append("Goals: " + goalWords(report.goals))
        lines.append("Weights: " + PickWeights.names.map { "\($0) \(number(report.weights[$0]))" }.joined(separator: ", "))
        for note in report.notes { lines.append("Note: \(note)") }
        let programs = report.ranked.count + report.unfit.count
        lines.append("Weighed \(report.sessionsWeighed) session\(report.sessionsWeighed == 1 ? "" : "s") of \(programs) program\(programs == 1 ? "" : "s"); \(report.ranked.count) fit.")
        lines.append("")
        if report.ranked.isEmpty { lines.append(report.nothingFits) }
        for (index, candidate) in report.ranked.prefix(report.top).enumerated() {
            lines += block(candidate, rank: index + 1)
            lines.append("")
        }
        if report.ranked.count > report.top {
            lines.append("\(report.ranked.count - report.top) more fit: \(report.ranked.dropFirst(report.top).map(\.programID).joined(separator: ", "))")
            lines.append("")
        }
        if !report.unfit.isEmpty {
            lines.append("Does not fit (\(report.unfit.count))")
            for candidate in report.unfit {
                let session = candidate.rotation.map { " (closest: \($0.start))" } ?? ""
                lines.append("  \(candidate.programID)\(session): " + candidate.exclusions.joined(separator: "; "))
            }
            lines.append("")
        }
        if let plan = report.plan { lines += planLines(plan) }
        while lines.last == "" { lines.removeLast() }
        // Names, institutions and reasons come from descriptions and the folder: any may hold
        // control characters or bidi overrides (docs/security.md, "6. Clear, safe messages"). Each line is
        // escaped whole; the report has no colour codes of its own.
        return lines.map { DisplayText.escape($0) }.joined(separator: "\n") + "\n"
    }

    static func goalWords(_ goals: ApplicantGoals) -> String {
        var parts: [String] = []
        if let stage = goals.stage {
            var text = "stage \(stage.rawValue)"
            if let year = goals.matchYear { text += " (Match \(year)" + (goals.applicationDay.map { ", applications \($0))" } ?? ")") }
            else if let day = goals.applicationDay { text += " (applications \(day))" }
            parts.append(text)
        }
        if !goals.specialties.isEmpty { parts.append("specialties " + goals.specialties.joined(separator: ", ")) }
        if let prefer = goals.prefer { parts.append("prefer \(prefer.rawValue)") }
        if let budget = goals.budget {
            parts.append("budget \(budget.currency) \(PickCost.format(budget.total))" + (budget.livingPerWeek.map { " (living \(budget.currency) \(PickCost.format($0)) a week)" } ?? ""))
        }
        if !goals.availability.isEmpty { parts.append("available " + goals.availability.map { "\($0.from) to \($0.through)" }.joined(separator: ", ")) }
        if !goals.residencyTargets.isEmpty { parts.append("residency targets " + goals.residencyTargets.joined(separator: ", ")) }
        return parts.isEmpty ? "none given" : parts.joined(separator: "; ")
    }

    static func block(_ candidate: PickCandidate, rank: Int?) -> [String] {
        var lines: [String] = []
        let head = (rank.map { "\($0). " } ?? "") + "\(candidate.programID) — \(candidate.name)" + (candidate.institution.map { " (\($0))" } ?? "")
        lines.append(head + "   score \(SeasonPlanner.points(candidate.score))")
        var when: [String] = []
        if let rotation = candidate.rotation { when.append("\(rotation.start) to \(rotation.end)") } else { when.append("no dates given") }
        if let weeks = candidate.weeks { when.append("\(weeks) week\(weeks == 1 ? "" : "s")") }
        if candidate.sessionCount > 1 { when.append("best of \(candidate.sessionCount) sessions") }
        if let applyBy = candidate.applyBy { when.append("apply by \(applyBy)") }
        lines.append("   " + when.joined(separator: "; ") + "; cost " + candidate.cost.words)
        for factor in candidate.factors {
            lines.append("   " + factorLine(factor))
        }
        if !candidate.missing.isEmpty {
            lines.append("   to obtain: " + candidate.missing.map { "\($0.title) (about \($0.leadDays) day\($0.leadDays == 1 ? "" : "s"))" }.joined(separator: ", ")
                         + "; ready about \(candidate.readyBy)")
        }
        for undecided in candidate.undecided { lines.append("   not decided: \(undecided)") }
        lines.append("   source: \(candidate.source.href) (as of \(candidate.source.asOf))")
        return lines
    }

    static func factorLine(_ factor: PickFactor) -> String {
        let name = factor.name.padding(toLength: 9, withPad: " ", startingAt: 0)
        return "+\(SeasonPlanner.points(factor.points)) \(name) (\(number(factor.value)) × \(number(factor.weight))) \(factor.words)"
    }

    static func planLines(_ plan: SeasonPlan) -> [String] {
        var lines = ["Plan (\(plan.blocks.count) session\(plan.blocks.count == 1 ? "" : "s"), value \(SeasonPlanner.points(plan.value)), cost \(plan.total.words))"]
        lines.append("  objective: \(plan.objective)")
        lines.append("  searched \(plan.candidatesSearched) fitting sessions, \(plan.nodes) nodes" + (plan.complete ? ", exhaustively" : "; stopped at the node limit: the best found, not proven best"))
        if plan.blocks.isEmpty { lines.append("  no dated session fits: nothing to plan") }
        if !plan.undated.isEmpty {
            lines.append("  fit, but give no dates, so cannot be placed (ask them for dates): " + plan.undated.joined(separator: ", "))
        }
        for block in plan.blocks {
            let rotation = block.rotation!
            lines.append("  \(rotation.start) to \(rotation.end)  \(block.programID) — \(block.name)"
                         + (block.handsOn.map { ", \($0.words)" } ?? "") + "; \(block.cost.words); score \(SeasonPlanner.points(block.score))")
        }
        if !plan.residency.isEmpty {
            lines.append("  Residency targets")
            for outcome in plan.residency { lines.append("    \(outcome.programID): \(outcome.rule): \(outcome.words)") }
        }
        if !plan.rejected.isEmpty {
            lines.append("  Left out")
            for (candidate, reason) in plan.rejected {
                lines.append("    \(candidate.programID) (\(candidate.rotation!.start)): \(reason)")
            }
        }
        return lines
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }
}

extension OutputFormat {
    /// `pick --format text`.
    public static let pickText = OutputFormat(id: "text", fileExtension: "txt", purpose: "the ranking with every factor in words and numbers, and the plan",
                                              make: .pick { report, _ in PickText.render(report) })
}
