/// The report people read at a terminal: per program, what blocks it and what to do, then
/// what to fix first across programs and the total fees. Fits 80 columns; colour only when asked.
public struct TextReporter: Reporter {
    public static let formatID = "text"

    public enum Verbosity: Sendable {
        case quiet, normal, verbose
    }

    public let color: Bool
    public let verbosity: Verbosity
    public let width = 80

    public init(color: Bool, verbosity: Verbosity) {
        self.color = color
        self.verbosity = verbosity
    }

    public func render(_ report: ReadinessReport) -> String {
        var lines: [String] = []
        let ready = report.programs.filter { $0.status == .ready }.count
        lines.append(bold("checkdocs \(report.toolVersion)") + " · as of \(report.asOf) · \(safe(report.folder))")
        let recognized = report.documents.count
        lines.append("\(recognized) document\(recognized == 1 ? "" : "s") recognized, \(report.unrecognizedFiles.count) unrecognized, "
                     + "\(report.ambiguousFiles.count) ambiguous · \(report.programs.count) program\(report.programs.count == 1 ? "" : "s")")

        for program in report.programs {
            lines.append("")
            lines += render(program)
        }

        if verbosity != .quiet {
            if !report.crossProgram.isEmpty {
                lines.append("")
                lines.append(bold("Fix first") + " (each item with the programs it blocks)")
                for item in report.crossProgram {
                    var text = "\(safe(item.title)) [\(safe(item.key))]: blocks \(item.programs.count) program\(item.programs.count == 1 ? "" : "s")"
                    if !item.soleBlockerOf.isEmpty {
                        text += "; the only blocker of \(safe(item.soleBlockerOf.joined(separator: ", ")))"
                    }
                    lines += wrap(text, indent: "  • ", continuation: "    ")
                }
            }
            if !report.fees.isEmpty {
                lines.append("")
                let fees = report.fees.map { "\(safe($0.currency)) \($0.amount) (\($0.programs) program\($0.programs == 1 ? "" : "s"))" }
                lines += wrap("Fees: " + fees.joined(separator: ", "), indent: "", continuation: "  ")
            }
            if !report.unrecognizedFiles.isEmpty {
                lines.append("")
                lines.append(bold("Unrecognized files") + " (name them by type, or declare `type:` in the manifest):")
                for path in report.unrecognizedFiles { lines += wrap(path.description, indent: "  ", continuation: "    ") }
            }
            if !report.ambiguousFiles.isEmpty {
                lines.append("")
                lines.append(bold("Ambiguous files") + " (declare `type:` in the manifest):")
                for file in report.ambiguousFiles {
                    lines += wrap("\(file.path): could be \(safe(file.candidates.joined(separator: " or ")))", indent: "  ", continuation: "    ")
                }
            }
            let shown = report.diagnostics.filter { verbosity == .verbose || $0.level != .note }
            if !shown.isEmpty {
                lines.append("")
                lines.append(bold("Notes on the folder:"))
                for diagnostic in shown {
                    let text = safe((diagnostic.path.map { $0 + ": " } ?? "") + diagnostic.message)
                    lines += wrap(text, indent: "  \(diagnostic.level == .warning ? yellow("!") : "·") ", continuation: "    ")
                }
            }
        }
        lines.append("")
        let summary = ProgramStatus.allCasesInOrder.compactMap { status -> String? in
            let count = report.programs.filter { $0.status == status }.count
            return count > 0 ? "\(count) \(status.rawValue)" : nil
        }
        let verdict = "\(ready) of \(report.programs.count) program\(report.programs.count == 1 ? "" : "s") ready"
            + (summary.isEmpty ? "" : " (" + summary.joined(separator: ", ") + ")")
        lines.append(bold(verdict))
        return lines.joined(separator: "\n") + "\n"
    }

    private func render(_ program: ProgramResult) -> [String] {
        var lines: [String] = []
        let badge: String
        switch program.status {
        case .ready: badge = green("✔ READY")
        case .notReady: badge = red("✘ NOT READY")
        case .ineligible: badge = red("✘ INELIGIBLE")
        case .closed: badge = red("✘ CLOSED")
        }
        lines += wrap("\(badge)  \(bold(safe(program.id))) — \(safe(program.name)) (\(program.kind.rawValue))", indent: "", continuation: "   ")
        var facts: [String] = []
        if let institution = program.institution { facts.append(safe(institution)) }
        if let rotation = program.rotation { facts.append("rotation \(rotation.start) → \(rotation.end)") }
        if let deadline = program.effectiveDeadline { facts.append("apply by \(deadline)") }
        if !facts.isEmpty { lines += wrap(facts.joined(separator: " · "), indent: "   ", continuation: "   ") }
        if verbosity != .quiet {
            lines += wrap("source \(safe(program.source.href)) (as of \(program.source.asOf))", indent: "   ", continuation: "     ")
        }
        guard verbosity != .quiet else { return lines }

        var okCount = 0
        for result in program.requirements {
            // Met, waived and not-applicable items are listed only with --verbose; met ones are counted.
            if verbosity != .verbose, [.ok, .notApplicable, .waived].contains(result.status) {
                if result.status == .ok { okCount += 1 }
                continue
            }
            lines += wrap("\(symbol(result)) \(safe(result.title)) [\(safe(result.id))]: \(label(result))", indent: "   ", continuation: "     ")
            if !result.message.isEmpty { lines += wrap(safe(result.message), indent: "     ", continuation: "     ") }
            if verbosity == .verbose, !result.files.isEmpty, result.status == .ok {
                lines += wrap("files: " + result.files.map(\.description).joined(separator: ", "), indent: "     ", continuation: "       ")
            }
            if result.status.isFailure || result.status == .pending, let hint = result.hint {
                lines += wrap("→ " + safe(hint), indent: "     ", continuation: "       ")
            }
        }
        if okCount > 0 { lines.append("   " + green("✔") + " \(okCount) other requirement\(okCount == 1 ? "" : "s") met") }
        return lines
    }

    private func label(_ result: RequirementResult) -> String {
        let text = result.status.rawValue + (result.status.isFailure && result.severity == .warning ? " (warning)" : "")
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
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
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
