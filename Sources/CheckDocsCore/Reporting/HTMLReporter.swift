/// The readiness report as one self-contained HTML page: a card per program with its status, a
/// progress bar, what blocks it and what to do, the "apply by" date and the fees. No script, no
/// external asset; the styles are in the page. Status is always spelled out (and marked ✔/✘), so
/// the page works in grey scale and on paper. Every string is escaped, attribute values included.
/// The markup is also well-formed XML, so it can be checked with any XML parser.
public struct HTMLReporter: WholeReportFormat {

    public init() {}

    public func render(_ report: ReadinessReport) -> String {
        var out = HTMLPage.head(title: "checkdocs: \(report.verdict) · \(report.folder)", toolVersion: report.toolVersion, style: Self.style)
        out += """
        <header class="page">
        <h1>Application readiness</h1>
        <p class="verdict">\(e(report.verdict))</p>
        <p class="meta">Folder <code>\(e(report.folder))</code> · as of <time datetime="\(report.asOf)">\(report.asOf)</time> · \(e(report.documentSummary)) · checkdocs \(e(report.toolVersion))\(report.summary.waivers.map { " · " + e($0.line) } ?? "")</p>
        </header>
        <main>

        """
        if report.programs.isEmpty {
            out += "<p>No program was selected.</p>\n"
        } else {
            out += overview(report)
            out += "<section class=\"cards\" aria-label=\"Programs\">\n"
            for (index, program) in report.programs.enumerated() { out += card(program, number: index + 1, asOf: report.asOf) }
            out += "</section>\n"
        }
        out += summary(report)
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    private func card(_ program: ProgramResult, number: Int, asOf: CalendarDate) -> String {
        let status = program.status
        var out = "<article class=\"card \(status.rawValue)\" id=\"\(Self.anchor(number))\">\n<header>\n"
        out += "<p class=\"badge\">\(status.symbol) \(status.headline)</p>\n"
        out += "<h2>\(md(program.name))</h2>\n"
        out += "<p class=\"sub\"><code>\(e(program.id))</code> · \(program.kind.rawValue)"
            + (program.institution.map { " · " + md($0) } ?? "") + "</p>\n</header>\n"

        let progress = program.progress
        let percent = progress.applicable == 0 ? 100 : progress.met * 100 / progress.applicable
        out += "<div class=\"progress\">\n"
        out += "<div class=\"bar\" role=\"progressbar\" aria-label=\"Requirements met\" aria-valuemin=\"0\" "
            + "aria-valuemax=\"\(progress.applicable)\" aria-valuenow=\"\(progress.met)\"><span style=\"width: \(percent)%\"></span></div>\n"
        out += "<p>\(progress.met) of \(Plural.count(progress.applicable, "requirement")) met (\(percent)%)</p>\n</div>\n"

        out += "<dl class=\"facts\">\n"
        out += fact("Apply by", program.effectiveDeadline.map { applyBy($0, asOf: asOf) } ?? "no deadline given")
        if let rotation = program.rotation { out += fact("Rotation", "\(rotation.start) → \(rotation.end)") }
        out += fact("Fees", program.feeSummary.map { e($0) } ?? "none listed")
        out += fact("Source, as of \(program.source.asOf)", sourceLink(program.source.href), wide: true)
        out += "</dl>\n"

        let blockers = program.blockers
        if blockers.isEmpty {
            out += "<p class=\"clear\">✔ Nothing blocks this program.</p>\n"
        } else {
            out += items("What blocks it", blockers, kind: "blocking")
        }
        out += items("Warnings", program.warnings, kind: "warning")
        out += items("Later", program.pending, kind: "later")
        // Waived items, with the status they had and the waiver's reason, as every other format
        // shows them (docs/reports.md): a waiver hides nothing from the reader.
        out += items("Waived", program.requirements.filter { $0.waiver != nil }, kind: "waived")
        // Met, with more files than the program takes: which to assign is the applicant's choice.
        out += items("Choices to make", program.choices, kind: "choice")
        return out + "</article>\n"
    }

    /// The programs at a glance, above the cards: each row links to its card, so on a phone the
    /// reader sees every program's status without scrolling through the cards first.
    private func overview(_ report: ReadinessReport) -> String {
        var out = "<section class=\"overview\" aria-labelledby=\"overview\">\n<h2 id=\"overview\">Programs at a glance</h2>\n"
        out += "<div class=\"scroll\">\n<table>\n<thead><tr><th scope=\"col\">Program</th><th scope=\"col\">Status</th>"
            + "<th scope=\"col\">Met</th><th scope=\"col\">Blocking</th><th scope=\"col\">Apply by</th></tr></thead>\n<tbody>\n"
        for (index, program) in report.programs.enumerated() {
            let progress = program.progress
            let deadline = program.effectiveDeadline.map { "<time datetime=\"\($0)\">\($0)</time>" } ?? "none given"
            // data-label names each cell where a phone shows the rows stacked, without the header.
            out += "<tr class=\"\(program.status.rawValue)\"><td class=\"name\"><a href=\"#\(Self.anchor(index + 1))\">\(md(program.name))</a> "
                + "<code>\(e(program.id))</code></td><td class=\"status\">\(program.status.symbol) \(program.status.headline)</td>"
                + "<td data-label=\"Met\">\(progress.met) of \(progress.applicable)</td><td data-label=\"Blocking\">\(program.blockers.count)</td>"
                + "<td data-label=\"Apply by\">\(deadline)</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</div>\n</section>\n"
    }

    /// A card's fragment id: by position, since a program id is free text.
    private static func anchor(_ number: Int) -> String { "program-\(number)" }

    private func applyBy(_ date: CalendarDate, asOf: CalendarDate) -> String {
        let days = asOf.days(until: date)
        let when = days < 0 ? "passed \(Plural.count(-days, "day")) ago" : days == 0 ? "today" : "in \(Plural.count(days, "day"))"
        return "<time datetime=\"\(date)\">\(date)</time> <span class=\"when\">(\(when))</span>"
    }

    private func fact(_ term: String, _ html: String, wide: Bool = false) -> String {
        "<div\(wide ? " class=\"wide\"" : "")><dt>\(term)</dt><dd>\(html)</dd></div>\n"
    }

    private func items(_ heading: String, _ results: [RequirementResult], kind: String) -> String {
        guard !results.isEmpty else { return "" }
        var out = "<h3>\(heading) (\(results.count))</h3>\n<ul class=\"items \(kind)\">\n"
        for result in results {
            let mark = kind == "blocking" ? "✘" : kind == "warning" ? "!" : kind == "waived" ? "~" : kind == "choice" ? "?" : "…"
            let was = result.waiver.map { " (was \(e($0.originalStatus.rawValue)))" } ?? ""
            out += "<li>\n<p class=\"what\"><span class=\"tag\">\(mark) \(e(result.status.rawValue))\(was)</span> "
                + "<strong>\(md(result.title))</strong> <code>\(e(result.id))</code></p>\n"
            if let waiver = result.waiver {
                out += "<p class=\"waiver\">Waived until <time datetime=\"\(waiver.expires)\">\(waiver.expires)</time>: \(md(waiver.reason))</p>\n"
            }
            if !result.message.isEmpty { out += "<p class=\"msg\">\(md(result.message))</p>\n" }
            let uncounted = result.uncountedCandidates
            if !uncounted.isEmpty {
                out += "<ul class=\"candidates\">\n"
                for file in uncounted {
                    out += "<li>Not counted: <code>\(e(file.path.description))</code>: \(md(file.sentence ?? "it does not count"))</li>\n"
                }
                out += "</ul>\n"
            }
            if let hint = result.hint { out += "<p class=\"hint\"><span>What to do:</span> \(md(hint))</p>\n" }
            out += "</li>\n"
        }
        return out + "</ul>\n"
    }

    private func summary(_ report: ReadinessReport) -> String {
        var out = ""
        if !report.crossProgram.isEmpty {
            out += "<section class=\"panel\">\n<h2>Fix first</h2>\n<ol>\n"
            for item in report.crossProgram {
                out += "<li><strong>\(md(item.title))</strong> <code>\(e(item.key))</code>: \(md(item.impact))</li>\n"
            }
            out += "</ol>\n</section>\n"
        }
        if !report.fees.isEmpty || !report.summary.feesNotCounted.isEmpty {
            out += "<section class=\"panel\">\n<h2>Fees</h2>\n"
            if report.fees.isEmpty {
                out += "<p>\(e(FeeWording.noneCountedSentence))</p>\n"
            } else {
                out += "<table>\n<thead><tr><th>Currency</th><th>Total</th><th>Programs</th></tr></thead>\n<tbody>\n"
                for fee in report.fees {
                    out += "<tr><td>\(e(fee.currency))</td><td>\(Plural.amount(fee.amount))</td><td>\(fee.programs)</td></tr>\n"
                }
                out += "</tbody>\n</table>\n"
            }
            if !report.summary.feesNotCounted.isEmpty {
                out += "<p>\(e(FeeWording.notCounted)):</p>\n<table>\n<thead><tr><th>Currency</th><th>Total</th><th>Programs</th></tr></thead>\n<tbody>\n"
                for fee in report.summary.feesNotCounted {
                    let programs = fee.programs.map { "<code>\(e($0))</code>" }.joined(separator: ", ")
                    out += "<tr><td>\(e(fee.currency))</td><td>\(Plural.amount(fee.amount))</td><td>\(programs)</td></tr>\n"
                }
                out += "</tbody>\n</table>\n"
            }
            out += "</section>\n"
        }
        if !report.unrecognizedFiles.isEmpty {
            out += "<section class=\"panel\">\n<h2>Unrecognized files</h2>\n<p>Name them by type, or declare <code>type:</code> in the manifest.</p>\n<ul>\n"
            for path in report.unrecognizedFiles { out += "<li><code>\(e(path.description))</code></li>\n" }
            out += "</ul>\n</section>\n"
        }
        if !report.header.suggestions.isEmpty {
            out += "<section class=\"panel\">\n<h2>Suggestions</h2>\n<p>From the text of unrecognized PDFs; not used for any requirement. Declare <code>type:</code> and the date in the manifest if right.</p>\n<ul>\n"
            for suggestion in report.header.suggestions {
                out += "<li><code>\(e(suggestion.path.description))</code>: \(md(suggestion.summary))</li>\n"
            }
            out += "</ul>\n</section>\n"
        }
        if ReadFact.worthShowing(report.summary.facts) {
            out += "<section class=\"panel\">\n<h2>\(e(ReadFact.sectionTitle))</h2>\n<p>\(e(ReadFact.sectionNote.prefix(1).uppercased() + ReadFact.sectionNote.dropFirst())).</p>\n<ul>\n"
            for fact in report.summary.facts {
                out += "<li><code>\(e(fact.file.description))</code>: \(e(fact.reportLine))<br/><small>“\(e(fact.evidence))”</small></li>\n"
            }
            out += "</ul>\n</section>\n"
        }
        if !report.ambiguousFiles.isEmpty {
            out += "<section class=\"panel\">\n<h2>Ambiguous files</h2>\n<p>Declare <code>type:</code> in the manifest.</p>\n<ul>\n"
            for file in report.ambiguousFiles {
                out += "<li><code>\(e(file.path.description))</code>: could be "
                    + file.candidates.map { "<code>\(e($0))</code>" }.joined(separator: " or ") + "</li>\n"
            }
            out += "</ul>\n</section>\n"
        }
        if !report.diagnostics.isEmpty {
            out += "<section class=\"panel\">\n<h2>Notes on the folder</h2>\n<ul>\n"
            for diagnostic in report.diagnostics {
                out += "<li><span class=\"tag\">\(diagnostic.level.rawValue)</span> "
                    + (diagnostic.path.map { "<code>\(e($0))</code>: " } ?? "") + md(diagnostic.message) + "</li>\n"
            }
            out += "</ul>\n</section>\n"
        }
        return out
    }

    /// A link only for a plain http(s) address; anything else (a `javascript:` URL) is text.
    private func sourceLink(_ href: String) -> String {
        let lower = href.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return e(href) }
        return "<a class=\"source\" href=\"\(e(href, attribute: true))\" title=\"\(e(href, attribute: true))\">\(e(href))</a>"
    }

    private func e(_ text: String, attribute: Bool = false) -> String { MarkupEscaping.escape(text, attribute: attribute) }

    /// Free text (messages, hints, titles): escaped, with its code and strong spans as HTML.
    private func md(_ text: String) -> String { InlineMarkup.html(text) }

    /// No `<` or `&` in here: the page must stay well-formed XML.
    static let style = """

    :root { --ok: #1a7f37; --bad: #b42318; --warn: #8a5a00; --muted: #57606a; --line: #d0d7de; }
    * { box-sizing: border-box; }
    body { margin: 0; background: #f6f8fa; color: #1f2328;
      font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
    header.page { padding: 20px 32px 16px; background: #fff; border-bottom: 1px solid var(--line); }
    h1 { margin: 0; font-size: 22px; }
    .verdict { margin: 4px 0; font-size: 18px; font-weight: 600; }
    .meta, .sub, .when { color: var(--muted); }
    .meta, .sub { margin: 0; }
    code { font: 13px/1.3 ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, monospace;
      background: #eff1f3; border-radius: 4px; padding: 1px 4px; overflow-wrap: anywhere; }
    main { padding: 20px 32px 32px; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(460px, 100%), 1fr)); gap: 20px; align-items: start; }
    .card, .panel, .overview { min-width: 0; }
    .overview { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin-bottom: 20px; }
    .overview h2 { margin: 0 0 8px; font-size: 18px; }
    .scroll { overflow-x: auto; }
    .overview table { width: 100%; }
    .overview td { vertical-align: top; }
    .overview td a { font-weight: 600; }
    .overview .status { color: var(--bad); font-weight: 700; font-size: 13px; white-space: nowrap; }
    .overview .ready .status { color: var(--ok); }
    .card, .panel { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; }
    .card { border-top: 6px double var(--bad); }
    .card.ready { border-top: 6px solid var(--ok); }
    .card h2 { margin: 6px 0 2px; font-size: 18px; line-height: 1.3; }
    .badge { display: inline-block; margin: 0; padding: 1px 8px; border: 2px solid var(--bad); border-radius: 4px;
      color: var(--bad); font-size: 13px; font-weight: 700; letter-spacing: 0.05em; }
    .ready .badge { border-color: var(--ok); color: var(--ok); }
    .progress { margin: 14px 0 10px; }
    .progress p { margin: 4px 0 0; font-size: 13px; color: var(--muted); }
    .bar { height: 14px; border: 1px solid #6e7781; border-radius: 7px; background: #fff; overflow: hidden; }
    .bar span { display: block; height: 100%; background: #2f6f44; }
    .facts { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 16px; margin: 0 0 8px; }
    .facts div { min-width: 0; }
    .facts dt { font-size: 12px; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); }
    .facts dd { margin: 0; overflow-wrap: anywhere; }
    .facts .wide { grid-column: 1 / -1; }
    a.source { display: block; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
    h3 { margin: 16px 0 6px; font-size: 15px; }
    .items { list-style: none; margin: 0; padding: 0; }
    .items li { margin: 0 0 8px; padding: 6px 10px; border-left: 4px solid var(--bad); background: #fbfbfc; }
    .items.warning li { border-left: 4px dashed var(--warn); }
    .items.later li { border-left: 4px dotted var(--muted); }
    .items p { margin: 2px 0; overflow-wrap: anywhere; }
    .tag { display: inline-block; padding: 0 6px; border: 1px solid currentColor; border-radius: 10px;
      font-size: 12px; font-weight: 600; color: var(--bad); white-space: nowrap; }
    .warning .tag { color: var(--warn); }
    .later .tag, .panel .tag { color: var(--muted); }
    .msg { color: #30363d; }
    .hint span { font-weight: 600; }
    .clear { color: var(--ok); font-weight: 600; }
    .panel { margin-top: 20px; }
    .panel h2 { margin: 0 0 8px; font-size: 18px; }
    .panel ol, .panel ul { margin: 0; padding-left: 22px; }
    table { border-collapse: collapse; }
    th, td { padding: 4px 12px 4px 0; text-align: left; border-bottom: 1px solid var(--line); }
    a { color: #0550ae; overflow-wrap: anywhere; }
    @media (max-width: 600px) {
      header.page { padding: 14px 12px 12px; }
      main { padding: 12px 12px 24px; }
      .cards { grid-template-columns: 1fr; gap: 12px; }
      .card, .panel, .overview { padding: 12px; }
      .facts { grid-template-columns: 1fr; }
      .overview thead { display: none; }
      .overview tr { display: block; padding: 8px 0; border-bottom: 1px solid var(--line); }
      .overview td { display: inline-block; padding: 0 12px 0 0; border: 0; }
      .overview td.name { display: block; margin-bottom: 2px; }
      .overview td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); }
    }
    @media print { body { background: #fff; } .card, .panel { break-inside: avoid; } }

    """
}

extension OutputFormat {
    /// `check --format html`.
    public static let html = OutputFormat(id: "html", fileExtension: "html", purpose: "a dashboard to open in a browser or print",
                                          make: .report { _ in WholeReportReporter(HTMLReporter()) })
}
