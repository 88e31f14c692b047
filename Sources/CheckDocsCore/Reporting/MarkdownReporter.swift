/// The readiness report in GitHub-flavoured Markdown, for an email or a pull-request comment.
/// It reads well as plain text too. Every string that comes from the user's files or the program
/// descriptions is escaped, so a file name cannot add a link, an image, HTML or a table cell.
public struct MarkdownReporter: WholeReportFormat {

    public init() {}

    public func render(_ report: ReadinessReport) -> String {
        var lines = ["# checkdocs readiness report", ""]
        lines.append("**\(text(report.verdict))**")
        lines.append("")
        lines.append("- **Folder:** \(code(report.folder))")
        lines.append("- **As of:** \(report.asOf)")
        lines.append("- **Documents:** \(text(report.documentSummary))")
        lines.append("- **Checked by:** checkdocs \(text(report.toolVersion))")
        if let waivers = report.summary.waivers {
            lines.append("- **Waivers:** " + text(String(waivers.line.dropFirst("Waivers: ".count))))
            for note in waivers.notes { lines.append("  - \(text(note))") }
        }

        if !report.programs.isEmpty {
            lines += ["", "| Program | Status | Requirements met | Apply by |", "|---|---|---|---|"]
            for program in report.programs {
                let progress = program.progress
                lines.append(row([
                    text(program.name) + " (" + code(program.id, inTable: true) + ")",
                    program.status.symbol + " " + program.status.rawValue,
                    "\(progress.met) of \(progress.applicable)",
                    program.effectiveDeadline?.description ?? "—",
                ]))
            }
        }
        for program in report.programs {
            lines.append("")
            lines += section(program)
        }
        lines += summary(report)
        return lines.joined(separator: "\n") + "\n"
    }

    private func section(_ program: ProgramResult) -> [String] {
        var lines = ["## \(program.status.symbol) \(program.status.headline): \(text(program.name))", ""]
        lines.append("- **Program:** \(code(program.id)) (\(program.kind.rawValue))")
        if let institution = program.institution { lines.append("- **Institution:** \(text(institution))") }
        if let rotation = program.rotation { lines.append("- **Rotation:** \(rotation.start) → \(rotation.end)") }
        lines.append("- **Apply by:** \(program.effectiveDeadline?.description ?? "no deadline given")")
        let progress = program.progress
        lines.append("- **Requirements met:** \(progress.met) of \(progress.applicable)")
        lines.append("- **Fees:** \(program.feeSummary.map(text) ?? "none listed")")
        lines.append("- **Source:** \(link(program.source.href)), as of \(program.source.asOf)")

        let groups: [(String, [RequirementResult])] = [
            ("Blocking", program.blockers), ("Warnings", program.warnings),
            ("Waived", program.requirements.filter { $0.waiver != nil }),
            // Met, with more files than the program takes: which to assign is the applicant's choice.
            ("Choices to make", program.choices),
        ]
        for (heading, results) in groups where !results.isEmpty {
            lines += ["", "### \(heading) (\(results.count))", ""]
            lines += ["| Requirement | Status | What is wrong | What to do |", "|---|---|---|---|"]
            for result in results {
                lines.append(row([
                    text(result.title) + " (" + code(result.id, inTable: true) + ")",
                    result.status.rawValue + (result.waiver.map { " (was \($0.originalStatus.rawValue))" } ?? ""),
                    ([result.message] + result.uncountedLines.map { "not counted: " + $0 }).map(text).joined(separator: "<br>"),
                    result.waiver.map { "waived until \($0.expires): " + text($0.reason) } ?? result.hint.map(text) ?? "",
                ]))
            }
        }
        if program.blockers.isEmpty {
            lines += ["", "Nothing blocks this program."]
        }
        let pending = program.pending
        if !pending.isEmpty {
            lines += ["", "### Later (\(pending.count))", ""]
            for result in pending {
                var item = "- \(text(result.title)) (\(code(result.id))): \(text(result.message))"
                for line in result.uncountedLines { item += "; not counted: " + text(line) }
                if let hint = result.hint { item += " → " + text(hint) }
                lines.append(item)
            }
        }
        return lines
    }

    private func summary(_ report: ReadinessReport) -> [String] {
        var lines: [String] = []
        if !report.crossProgram.isEmpty {
            lines += ["", "## Fix first", "", "Each item with the programs it blocks, those that unblock the most first.", ""]
            for (index, item) in report.crossProgram.enumerated() {
                lines.append("\(index + 1). **\(text(item.title))** (\(code(item.key))): \(text(item.impact))"
                             + " (" + item.programs.map { code($0) }.joined(separator: ", ") + ")")
            }
        }
        if !report.fees.isEmpty || !report.summary.feesNotCounted.isEmpty {
            lines += ["", "## Fees", ""]
            if report.fees.isEmpty {
                lines.append(FeeWording.noneCountedSentence)
            } else {
                lines += ["| Currency | Total | Programs |", "|---|---|---|"]
                for fee in report.fees {
                    lines.append(row([text(fee.currency), Plural.amount(fee.amount), String(fee.programs)]))
                }
            }
            if !report.summary.feesNotCounted.isEmpty {
                lines += ["", FeeWording.notCounted + ":", "", "| Currency | Total | Programs |", "|---|---|---|"]
                for fee in report.summary.feesNotCounted {
                    lines.append(row([text(fee.currency), Plural.amount(fee.amount), fee.programs.map { code($0, inTable: true) }.joined(separator: ", ")]))
                }
            }
        }
        if !report.unrecognizedFiles.isEmpty {
            lines += ["", "## Unrecognized files", "", "Name them by type, or declare `type:` in the manifest.", ""]
            lines += report.unrecognizedFiles.map { "- " + code($0.description) }
        }
        if !report.ambiguousFiles.isEmpty {
            lines += ["", "## Ambiguous files", "", "Declare `type:` in the manifest.", ""]
            lines += report.ambiguousFiles.map { file in
                "- \(code(file.path.description)): could be " + file.candidates.map { code($0) }.joined(separator: " or ")
            }
        }
        if !report.header.suggestions.isEmpty {
            lines += ["", "## Suggestions", "", "From the text of unrecognized PDFs; not used for any requirement. Declare `type:` and the date in the manifest if right.", ""]
            lines += report.header.suggestions.map { "- \(code($0.path.description)): " + text($0.summary) }
        }
        if ReadFact.worthShowing(report.summary.facts) {
            lines += ["", "## " + ReadFact.sectionTitle, "", text(ReadFact.sectionNote.prefix(1).uppercased() + ReadFact.sectionNote.dropFirst()) + ".", ""]
            lines += report.summary.facts.map { "- \(code($0.file.description)): " + text($0.reportLine) }
        }
        if !report.diagnostics.isEmpty {
            lines += ["", "## Notes on the folder", ""]
            lines += report.diagnostics.map { diagnostic in
                "- **\(diagnostic.level.rawValue)** " + (diagnostic.path.map { code($0) + ": " } ?? "") + text(diagnostic.message)
            }
        }
        return lines
    }

    private func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }

    /// A source address as an autolink when it is a plain http(s) URL, else as escaped text, so a
    /// `javascript:` address is never clickable.
    private func link(_ href: String) -> String {
        let lower = href.lowercased()
        let plain = (lower.hasPrefix("https://") || lower.hasPrefix("http://"))
            && !href.unicodeScalars.contains { $0.value <= 0x20 || $0 == "<" || $0 == ">" || $0.value >= 0x7F }
        return plain ? "<\(href)>" : text(href)
    }

    /// Escapes every character that Markdown (CommonMark and GitHub's extensions: tables,
    /// strikethrough, math) would read as markup; line breaks become spaces, controls `\xNN`.
    func text(_ value: String) -> String {
        var out = ""
        let scalars = Array(value.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "_" where index > 0 && index < scalars.count - 1
                && isAlphanumeric(scalars[index - 1]) && isAlphanumeric(scalars[index + 1]):
                out += "_"  // between letters or digits, as in file names, `_` cannot start or end emphasis
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "!", "~", "&", "$":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "\n", "\r", "\t":
                out += " "
            default:
                if let visible = MarkupEscaping.visibleControl(scalar) {
                    out += "\\" + visible  // the backslash of \xNN must itself be escaped
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    private func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// A code span (file names, ids): shown literally, with a fence longer than any run of
    /// backticks inside. In a table cell, `|` is escaped as GitHub's table syntax requires.
    func code(_ value: String, inTable: Bool = false) -> String {
        var body = ""
        for scalar in value.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                body += " "
            } else if let visible = MarkupEscaping.visibleControl(scalar) {
                body += visible
            } else {
                body.unicodeScalars.append(scalar)
            }
        }
        var longest = 0, run = 0
        for character in body {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padded = body.hasPrefix("`") || body.hasSuffix("`") || body.hasPrefix(" ") && body.hasSuffix(" ") ? " \(body) " : body
        let span = body.isEmpty ? "` `" : fence + padded + fence
        return inTable ? span.replacingOccurrences(of: "|", with: "\\|") : span
    }
}

extension OutputFormat {
    /// `check --format markdown`.
    public static let markdown = OutputFormat(id: "markdown", fileExtension: "md", purpose: "an email or a pull-request comment",
                                          make: .report { _ in WholeReportReporter(MarkdownReporter()) })
}
