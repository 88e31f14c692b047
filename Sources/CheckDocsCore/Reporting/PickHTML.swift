/// `checkdocs pick --format html`: the ranking as one self-contained page (no script, no external
/// asset) that reads on a phone: the goals and weights, a table of the programs that fit, then a
/// card per program with every factor's points, what is still to obtain and its source; the ones
/// that do not fit and why; the plan. Every string is escaped, and the markup is well-formed XML
/// (docs/pick.md, "Output").
public enum PickHTML {
    public static func render(_ report: PickReport) -> String {
        var out = HTMLPage.head(title: "checkdocs pick · \(report.folder)", toolVersion: report.toolVersion, style: style)
        out += """
        <header>
        <h1>Choosing rotations</h1>
        <p class="meta">Folder <code>\(e(report.folder))</code> · as of <time datetime="\(report.asOf)">\(report.asOf)</time> · checkdocs \(e(report.toolVersion))</p>
        <p>Goals: \(e(PickText.goalWords(report.goals)))</p>
        <p>Weights: \(e(PickWeights.names.map { "\($0) \(PickText.number(report.weights[$0]))" }.joined(separator: ", ")))</p>

        """
        for note in report.notes { out += "<p class=\"note\">\(e(note))</p>\n" }
        out += "</header>\n<main>\n"
        if report.ranked.isEmpty {
            out += "<p><strong>\(e(report.nothingFits))</strong></p>\n"
        } else {
            out += "<table>\n<caption>\(report.ranked.count) program\(report.ranked.count == 1 ? "" : "s") fit, best first</caption>\n"
            out += "<thead><tr><th scope=\"col\">#</th><th scope=\"col\">Program</th><th scope=\"col\">Session</th><th scope=\"col\">Cost</th><th scope=\"col\">Score</th></tr></thead>\n<tbody>\n"
            for (index, candidate) in report.ranked.enumerated() {
                out += "<tr><td>\(index + 1)</td><td>\(e(candidate.programID))</td><td>\(e(session(candidate)))</td><td>\(e(candidate.cost.words))</td><td>\(SeasonPlanner.points(candidate.score))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
            for (index, candidate) in report.ranked.prefix(report.top).enumerated() { out += card(candidate, rank: index + 1) }
        }
        if !report.unfit.isEmpty {
            out += "<section>\n<h2>Does not fit (\(report.unfit.count))</h2>\n<ul>\n"
            for candidate in report.unfit {
                out += "<li><strong>\(e(candidate.programID))</strong>: \(e(candidate.exclusions.joined(separator: "; ")))</li>\n"
            }
            out += "</ul>\n</section>\n"
        }
        if let plan = report.plan { out += planSection(plan) }
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    static func session(_ candidate: PickCandidate) -> String {
        var parts = [candidate.rotation.map { "\($0.start) to \($0.end)" } ?? "no dates given"]
        if let weeks = candidate.weeks { parts.append("\(weeks) week\(weeks == 1 ? "" : "s")") }
        return parts.joined(separator: ", ")
    }

    static func card(_ candidate: PickCandidate, rank: Int) -> String {
        var out = "<article>\n<h2>\(rank). \(e(candidate.name))</h2>\n"
        out += "<p class=\"meta\">\(e(candidate.programID))\(candidate.institution.map { " · " + e($0) } ?? "") · \(e(session(candidate)))"
        if let applyBy = candidate.applyBy { out += " · apply by \(applyBy)" }
        out += " · score \(SeasonPlanner.points(candidate.score))</p>\n"
        out += "<table class=\"factors\">\n<thead><tr><th scope=\"col\">Factor</th><th scope=\"col\">Points</th><th scope=\"col\">Value × weight</th><th scope=\"col\">Why</th></tr></thead>\n<tbody>\n"
        for factor in candidate.factors {
            out += "<tr><td>\(e(factor.name))</td><td>\(SeasonPlanner.points(factor.points))</td><td>\(PickText.number(factor.value)) × \(PickText.number(factor.weight))</td><td>\(e(factor.words))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if !candidate.missing.isEmpty {
            out += "<p>To obtain (ready about \(candidate.readyBy)):</p>\n<ul>\n"
            for item in candidate.missing { out += "<li>\(e(item.title)) — about \(item.leadDays) day\(item.leadDays == 1 ? "" : "s")</li>\n" }
            out += "</ul>\n"
        }
        for undecided in candidate.undecided { out += "<p class=\"note\">Not decided: \(e(undecided))</p>\n" }
        out += "<p class=\"meta\">Source: <a href=\"\(e(safeLink(candidate.source.href), attribute: true))\">\(e(candidate.source.href))</a> (as of \(candidate.source.asOf))</p>\n"
        return out + "</article>\n"
    }

    static func planSection(_ plan: SeasonPlan) -> String {
        var out = "<section>\n<h2>Plan: \(plan.blocks.count) session\(plan.blocks.count == 1 ? "" : "s"), cost \(e(plan.total.words))</h2>\n"
        out += "<p class=\"meta\">Objective: \(e(plan.objective)). Searched \(plan.candidatesSearched) fitting sessions, \(plan.nodes) nodes, "
            + (plan.complete ? "exhaustively." : "stopped at the node limit: the best found, not proven best.") + "</p>\n"
        if plan.blocks.isEmpty { out += "<p>No dated session fits: nothing to plan.</p>\n" }
        if !plan.blocks.isEmpty {
            out += "<ol>\n"
            for block in plan.blocks {
                out += "<li>\(e(session(block))): \(e(block.programID))\(block.handsOn.map { ", " + e($0.words) } ?? ""); \(e(block.cost.words))</li>\n"
            }
            out += "</ol>\n"
        }
        if !plan.undated.isEmpty { out += "<p>Fit, but give no dates, so cannot be placed (ask them for dates): \(e(plan.undated.joined(separator: ", ")))</p>\n" }
        for outcome in plan.residency { out += "<p>\(e(outcome.programID)): \(e(outcome.rule)): \(e(outcome.words))</p>\n" }
        if !plan.rejected.isEmpty {
            out += "<h3>Left out</h3>\n<ul>\n"
            for (candidate, reason) in plan.rejected { out += "<li>\(e(candidate.programID)): \(e(reason))</li>\n" }
            out += "</ul>\n"
        }
        return out + "</section>\n"
    }

    /// Only http(s) addresses become links: a catalog's `javascript:` href is shown, never followed.
    static func safeLink(_ href: String) -> String {
        let lower = href.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://") ? href : "#"
    }

    static func e(_ text: String, attribute: Bool = false) -> String { MarkupEscaping.escape(text, attribute: attribute) }

    static let style = """
    body{font-family:system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;line-height:1.4}\
    table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #999;padding:.25rem .4rem;text-align:left;vertical-align:top}\
    article{border:1px solid #999;border-radius:.4rem;padding:.5rem .8rem;margin:1rem 0}.meta{color:#444;font-size:.9rem}.note{font-style:italic}\
    @media (max-width:40rem){th,td{font-size:.85rem}}
    """
}

extension OutputFormat {
    /// `pick --format html`.
    public static let pickHTML = OutputFormat(id: "html", fileExtension: "html", purpose: "the ranking as one self-contained page that reads on a phone",
                                              make: .pick { report, _ in PickHTML.render(report) })
}
