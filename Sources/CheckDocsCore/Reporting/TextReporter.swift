import CheckDocsNative

/// The report people read at a terminal: per program, what blocks it and what to do, then
/// what to fix first across programs and the total fees. Fits the width it is given (the terminal's,
/// or 80: docs/reports.md, Text); colour only when asked.
public struct TextReporter: StreamingFormat {
    public enum Verbosity: Sendable {
        case quiet, normal, verbose
    }

    public let color: Bool
    public let verbosity: Verbosity
    public let width: Int
    /// `--all-kinds`: the full report even when the standard checklists stand in for programs.
    public let allKinds: Bool
    /// A short block per program instead of every requirement: set from the header when every
    /// standard checklist is used because nobody chose (docs/reports.md, "Which programs were checked").
    public private(set) var overview = false

    public init(color: Bool, verbosity: Verbosity, width: Int = TextReporter.defaultWidth, allKinds: Bool = false) {
        self.color = color
        self.verbosity = verbosity
        self.width = width
        self.allKinds = allKinds
    }

    public func adapted(to header: ReportHeader) -> TextReporter {
        var copy = self
        copy.overview = verbosity == .normal && !allKinds && header.selection?.isUnchosenStandard == true
        return copy
    }

    /// The width when nothing says otherwise: a pipe, a file, a terminal of unknown size.
    public static let defaultWidth = 80

    public func begin(_ header: ReportHeader, into out: inout ReportOutput) {
        out.write(bold("checkdocs \(header.toolVersion)") + " · as of \(header.asOf) · \(safe(header.folder))\n")
        if verbosity != .quiet, let selection = header.selection {
            var lines: [String] = []
            for line in selection.lines(folder: header.folder) { lines += wrap(safe(line), indent: "", continuation: "  ") }
            if overview { lines.append("Overview: one block per kind; --all-kinds lists every requirement.") }
            out.write(lines.joined(separator: "\n") + "\n")
        }
        out.write(wrap(header.documentSummary, indent: "", continuation: "  ").joined(separator: "\n") + "\n")
    }

    public func fragment(for result: ProgramResult) -> [UInt8] {
        Array(("\n" + (overview ? renderOverview(result) : render(result)).joined(separator: "\n") + "\n").utf8)
    }

    /// "12 facts would settle 19 requirements", then the facts per file: said once, not under
    /// every requirement that waits on them.
    /// Shown in the overview (which names no requirement's message) and before there is a
    /// manifest; once there is one, each requirement's message names the field its entry lacks.
    private func factsBlock(_ needed: NeededFacts, header: ReportHeader) -> [String] {
        guard !needed.isEmpty, overview || header.selection?.hasManifest == false else { return [] }
        let how = header.selection?.hasManifest == false
            ? " — add them to checkdocs.yaml (`\(safe("checkdocs init \(header.folder)"))` drafts it from the files):"
            : " — add them to the manifest's entries:"
        let notes = Dictionary(header.documents.compactMap { document in document.facts.nameDateNote.map { (document.path, $0) } },
                               uniquingKeysWith: { first, _ in first })
        // A file whose name gives only part of a date (its note says so) is asked for its date too:
        // the rule that waits on its result or expiry measures that date next, and would ask for it
        // only on the following run.
        var groups = needed.byFile
        var count = needed.facts.count
        for index in groups.indices {
            guard let file = groups[index].file, notes[file] != nil, !groups[index].fields.contains("date") else { continue }
            groups[index].fields.insert("date", at: 0)
            count += 1
        }
        var lines = [""]
        lines += wrap(bold("\(Plural.count(count, "fact")) would settle \(Plural.count(needed.requirements, "requirement"))")
            + how, indent: "", continuation: "  ")
        for group in groups {
            let owner = group.file.map { $0.description } ?? "applicant"
            let note = group.file.flatMap { notes[$0] }.map { " (\($0))" } ?? ""
            lines += wrap("\(safe(owner)): " + group.fields.joined(separator: ", ") + safe(note), indent: "  ", continuation: "    ")
        }
        return lines
    }

    /// A program in two or three lines: its status, then every blocking item by id.
    private func renderOverview(_ program: ProgramResult) -> [String] {
        let headline = "\(program.status.symbol) \(program.status.headline)"
        let badge = program.status == .ready ? green(headline) : red(headline)
        var lines = wrap("\(badge)  \(bold(safe(program.id))) — \(safe(program.name))", indent: "", continuation: "   ")
        let progress = program.progress
        var facts = ["\(progress.met) of \(progress.applicable) met"]
        if !program.warnings.isEmpty { facts.append(Plural.count(program.warnings.count, "warning")) }
        if !program.pending.isEmpty { facts.append("\(program.pending.count) due later") }
        let blockers = program.blockers
        let blocked = blockers.isEmpty ? "" : "; blocked by " + blockers.map { safe($0.id) }.joined(separator: ", ")
        lines += wrap(facts.joined(separator: ", ") + blocked, indent: "   ", continuation: "     ")
        return lines
    }

    /// The facts to add are printed after the programs, except with `-q`.
    public var readsNeededFacts: Bool { verbosity != .quiet }

    /// The folder's findings are listed after the programs, where the reader ends up.
    public func end(_ summary: ReportSummary, header: ReportHeader, programCount: Int, into out: inout ReportOutput) {
        var lines: [String] = []
        if verbosity != .quiet {
            lines += factsBlock(summary.neededFacts, header: header)
            if !summary.crossProgram.isEmpty {
                lines.append("")
                lines.append(bold("Fix first") + " (each item with the programs it blocks)")
                for item in summary.crossProgram {
                    lines += wrap("\(safe(item.title)) [\(safe(item.key))]: \(safe(item.impact))", indent: "  • ", continuation: "    ")
                }
            }
            if !summary.fees.isEmpty || !summary.feesNotCounted.isEmpty {
                lines.append("")
                let counted = summary.fees.isEmpty ? FeeWording.noneCounted : summary.fees.map(\.summary).joined(separator: ", ")
                lines += wrap("Fees: " + safe(counted), indent: "", continuation: "  ")
                if !summary.feesNotCounted.isEmpty {
                    lines += wrap(FeeWording.notCounted + ": " + safe(summary.feesNotCounted.map(\.summary).joined(separator: ", ")),
                                  indent: "", continuation: "  ")
                }
            }
            if !header.unrecognizedFiles.isEmpty {
                lines.append("")
                lines += wrap(bold("Unrecognized files") + " (name them by type, or declare `type:` in the manifest):", indent: "", continuation: "  ")
                for path in header.unrecognizedFiles { lines += wrap(path.description, indent: "  ", continuation: "    ") }
            }
            if !header.ambiguousFiles.isEmpty {
                lines.append("")
                lines += wrap(bold("Ambiguous files") + " (declare `type:` in the manifest):", indent: "", continuation: "  ")
                for file in header.ambiguousFiles {
                    lines += wrap("\(file.path): could be \(safe(file.candidates.joined(separator: " or ")))", indent: "  ", continuation: "    ")
                }
            }
            if !header.suggestions.isEmpty {
                lines.append("")
                lines += wrap(bold("Suggestions") + " (from the text of unrecognized PDFs; not used for any requirement — declare `type:` and the date in the manifest if right):",
                              indent: "", continuation: "  ")
                for suggestion in header.suggestions {
                    lines += wrap("\(suggestion.path): \(safe(suggestion.summary))", indent: "  ", continuation: "    ")
                }
            }
            if verbosity == .verbose ? !summary.facts.isEmpty : ReadFact.worthShowing(summary.facts) {
                lines += readFacts(summary.facts)
            }
            let shown = header.diagnostics.filter { verbosity == .verbose || $0.level != .note }
            if !shown.isEmpty {
                lines.append("")
                lines.append(bold("Notes on the folder:"))
                for diagnostic in shown {
                    let text = safe((diagnostic.path.map { $0 + ": " } ?? "") + diagnostic.message)
                    lines += wrap(text, indent: "  \(diagnostic.level == .warning ? yellow("!") : "·") ", continuation: "    ")
                }
            }
        }
        if let waivers = summary.waivers {
            lines.append("")
            lines += wrap(waivers.line, indent: "", continuation: "  ").map(bold)
            if verbosity != .quiet {
                for note in waivers.notes { lines += wrap(safe(note), indent: "  \(yellow("!")) ", continuation: "    ") }
            }
        }
        // Quiet, every program shows READY: say why the exit code is 1 all the same (a warning
        // under --fail-on warning), or a script's log would show only success.
        if verbosity == .quiet, summary.blocking, summary.programCount > 0, summary.count(.ready) == summary.programCount,
           let failOn = header.failOn {
            lines.append("")
            lines += wrap("exit 1: a finding at or above --fail-on \(failOn.rawValue) in a ready program; run without -q to see it",
                          indent: "", continuation: "  ")
        }
        lines.append("")
        lines += wrap(summary.verdict, indent: "", continuation: "  ").map(bold)
        out.write(lines.joined(separator: "\n") + "\n")
    }

    /// Facts read from documents: every reading with its evidence with --verbose; otherwise the
    /// used ones per file, every disagreement with the manifest, and a count of the hints.
    private func readFacts(_ facts: [ReadFact]) -> [String] {
        var lines = [""]
        if verbosity == .verbose {
            lines += wrap(bold(ReadFact.sectionTitle) + " (\(ReadFact.sectionNote)):", indent: "", continuation: "  ")
            for fact in facts {
                lines += wrap("\(fact.file): \(safe(fact.reportLine)); \"\(safe(fact.evidence))\"", indent: "  ", continuation: "    ")
            }
            return lines
        }
        lines += wrap(bold(ReadFact.compactTitle) + " (\(ReadFact.compactNote)):", indent: "", continuation: "  ")
        var order: [FilePath] = []
        var used: [FilePath: [ReadFact]] = [:]
        for fact in facts where fact.use == .decides {
            if used[fact.file] == nil { order.append(fact.file) }
            used[fact.file, default: []].append(fact)
        }
        for file in order { lines += wrap("\(file): \(safe(ReadFact.compact(used[file]!)))", indent: "  ", continuation: "    ") }
        for fact in facts { if let disagreement = fact.disagreement { lines += wrap("\(fact.file): \(safe(disagreement))", indent: "  \(yellow("!")) ", continuation: "    ") } }
        let hints = facts.filter { $0.use == .hint }.count
        if hints > 0 {
            lines += wrap("\(hints) other reading\(hints == 1 ? "" : "s") shown only as hint\(hints == 1 ? "" : "s"), not used (--verbose lists them)", indent: "  ", continuation: "    ")
        }
        return lines
    }

    private func render(_ program: ProgramResult) -> [String] {
        var lines: [String] = []
        let headline = "\(program.status.symbol) \(program.status.headline)"
        let badge = program.status == .ready ? green(headline) : red(headline)
        lines += wrap("\(badge)  \(bold(safe(program.id))) — \(safe(program.name)) (\(program.kind.rawValue))", indent: "", continuation: "   ")
        var facts: [String] = []
        if let institution = program.institution { facts.append(safe(institution)) }
        if let rotation = program.rotation { facts.append("rotation \(rotation.start) → \(rotation.end)") }
        if let deadline = program.effectiveDeadline { facts.append("apply by \(deadline)") }
        if !facts.isEmpty { lines += wrap(facts.joined(separator: " · "), indent: "   ", continuation: "   ") }
        if let session = program.session { lines += wrap(session.words, indent: "   ", continuation: "   ") }
        if verbosity != .quiet {
            lines += wrap("source \(safe(program.source.href)) (as of \(program.source.asOf))", indent: "   ", continuation: "     ")
        }
        guard verbosity != .quiet else { return lines }

        var okCount = 0
        for result in program.requirements {
            // Met and not-applicable items are listed only with --verbose; met ones are counted.
            // A choice to make (more letters than a program takes) is shown though met.
            if verbosity != .verbose, [.ok, .notApplicable].contains(result.status), result.choice == nil {
                if result.status == .ok { okCount += 1 }
                continue
            }
            lines += wrap("\(symbol(result)) \(safe(result.title)) [\(safe(result.id))]: \(label(result))", indent: "   ", continuation: "     ")
            if !result.message.isEmpty { lines += wrap(safe(result.message), indent: "     ", continuation: "     ") }
            // Each other file that did not count, and why (a count partly met names them all).
            for line in result.uncountedLines { lines += wrap("· " + safe(line), indent: "     ", continuation: "       ") }
            if verbosity == .verbose, !result.files.isEmpty, result.status == .ok {
                lines += wrap("files: " + result.files.map(\.description).joined(separator: ", "), indent: "     ", continuation: "       ")
            }
            if let waiver = result.waiver {
                lines += wrap("waived until \(waiver.expires): \(safe(waiver.reason))", indent: "     ", continuation: "       ")
            }
            if result.status.isFailure || result.status == .pending, let hint = result.hint {
                lines += wrap("→ " + safe(hint), indent: "     ", continuation: "       ")
            }
        }
        if okCount > 0 { lines.append("   " + green("✔") + " \(okCount) other requirement\(okCount == 1 ? "" : "s") met") }
        return lines
    }

    private func label(_ result: RequirementResult) -> String {
        var text = result.status.rawValue + (result.status.isFailure && result.severity == .warning ? " (warning)" : "")
        if let waiver = result.waiver { text += " (was \(waiver.originalStatus.rawValue))" }
        switch result.status {
        case .ok, .notApplicable, .waived: return text
        case .pending: return dim(text)
        default: return result.severity == .error ? red(text) : yellow(text)
        }
    }

    private func symbol(_ result: RequirementResult) -> String {
        switch result.status {
        case .ok, .waived: return green("✔")
        case .notApplicable: return dim("–")
        case .pending: return dim("…")
        default: return result.severity == .error ? red("✘") : yellow("!")
        }
    }

    /// Word-wraps to the report width; long words (paths, URLs) are never split.
    func wrap(_ text: String, indent: String, continuation: String) -> [String] {
        var lines: [String] = []
        var current = indent
        var currentWidth = visibleWidth(indent)
        var lineHasWord = false
        for word in text.spaceSeparatedParts() {
            let wordWidth = visibleWidth(String(word))
            if lineHasWord && currentWidth + 1 + wordWidth > width {
                lines.append(current)
                current = continuation + word
                currentWidth = visibleWidth(continuation) + wordWidth
            } else {
                current += (lineHasWord ? " " : "") + word
                currentWidth += (lineHasWord ? 1 : 0) + wordWidth
            }
            lineHasWord = true
        }
        lines.append(current)
        return lines
    }

    /// Width on screen: escape sequences take none.
    private func visibleWidth(_ text: String) -> Int {
        var width = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            if scalar == "\u{1B}" { inEscape = true; continue }
            if inEscape { if scalar == "m" { inEscape = false }; continue }
            width += 1
        }
        return width
    }

    /// Text from the inputs (program descriptions, manifest, file names) with control characters
    /// escaped: only this reporter's own colour codes reach the terminal.
    private func safe(_ text: String) -> String { DisplayText.escape(text) }

    private func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    private func bold(_ text: String) -> String { paint(text, "1") }
    private func red(_ text: String) -> String { paint(text, "31") }
    private func green(_ text: String) -> String { paint(text, "32") }
    private func yellow(_ text: String) -> String { paint(text, "33") }
    private func dim(_ text: String) -> String { paint(text, "2") }
}

extension OutputFormat {
    /// `check --format text`: the default report.
    public static let text = OutputFormat(id: "text", fileExtension: "txt", purpose: "reading at a terminal (the default)",
                                          make: .report {
                                              StreamingReporter(TextReporter(color: $0.color, verbosity: $0.verbosity, width: $0.width, allKinds: $0.allKinds))
                                          })
}
