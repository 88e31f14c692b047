import CheckDocsNative

/// `checkdocs plan` for people: each document to obtain or renew, earliest first, with the
/// programs it serves and the window it must be dated in; then every program's apply-by date.
public struct PlanTextReporter {
    public let color: Bool
    private let text: TextReporter

    public init(color: Bool, width: Int = TextReporter.defaultWidth) {
        self.color = color
        self.text = TextReporter(color: color, verbosity: .normal, width: width)
    }

    public func render(_ plan: ActionPlan) -> String {
        var lines = [bold("checkdocs \(plan.toolVersion)") + " · plan · as of \(plan.asOf) · \(plan.folder)", plan.headline]
        for (index, action) in plan.actions.enumerated() {
            lines.append("")
            let types = " [" + action.documentTypes.joined(separator: " + ") + "]"
            lines += text.wrap("\(index + 1). " + bold(safe("\(action.verbTitle): \(action.title)")) + safe(types), indent: "", continuation: "   ")
            lines.append("   for:")
            for need in action.needLines { lines += text.wrap(safe(need), indent: "     ", continuation: "       ") }
            lines.append("   when:")
            let tooLate = action.isTooLate(asOf: plan.asOf) || action.window.isEmpty || action.isLate
            for when in action.whenLines(asOf: plan.asOf) {
                lines += text.wrap(tooLate ? red(safe(when)) : safe(when), indent: "     ", continuation: "       ")
            }
            let start = action.startOn == plan.asOf ? "today (\(plan.asOf))" : action.startOn.description
            lines.append("   start: \(start)")
            let separate = plan.numbers(of: action.separateFrom)
            if !separate.isEmpty {
                let list = separate.map { "#\($0)" }.joined(separator: ", ")
                lines += text.wrap("a separate document from \(list): the programs' windows do not meet", indent: "   ", continuation: "     ")
            }
            for hint in action.hints { lines += text.wrap("→ " + safe(hint), indent: "   ", continuation: "     ") }
        }
        if plan.actions.isEmpty {
            lines.append("")
            lines.append(plan.undecided.isEmpty ? green("Nothing to obtain or renew.") : "Nothing to obtain or renew.")
        }
        if !plan.undecided.isEmpty {
            lines.append("")
            lines += text.wrap(bold("Not decided") + " (each blocks its programs until the fact it names is recorded; "
                               + "`checkdocs check` says more):", indent: "", continuation: "  ")
            for rule in plan.undecided {
                lines += text.wrap(safe("\(rule.title) [\(rule.requirement)], for \(rule.programs.joined(separator: ", ")): \(rule.message)"),
                                   indent: "  ", continuation: "    ")
            }
        }
        if !plan.programs.isEmpty {
            lines.append("")
            lines.append(bold("Apply by"))
            for program in plan.programsByApplyBy {
                let day = program.applyBy?.description ?? "no deadline"
                lines += text.wrap(safe("\(day.padding(11))  \(program.id) — \(program.name)"), indent: "  ", continuation: "               ")
            }
        }
        if !plan.skipped.isEmpty {
            lines.append("")
            lines.append(bold("Left out") + " (nothing to obtain helps):")
            for program in plan.skipped {
                lines += text.wrap("\(program.id): \(program.status.rawValue)", indent: "  ", continuation: "    ")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Messages name the applicant's files, and titles come from descriptions: either may hold
    /// control characters.
    private func safe(_ text: String) -> String { DisplayText.escape(text) }
    private func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    private func bold(_ text: String) -> String { paint(text, "1") }
    private func red(_ text: String) -> String { paint(text, "31") }
    private func green(_ text: String) -> String { paint(text, "32") }
}

private extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}

extension OutputFormat {
    /// `plan --format text`: the default plan.
    public static let planText = OutputFormat(id: "text", fileExtension: "txt", purpose: "the plan, for reading at a terminal (the default)",
                                              make: .plan { plan, options in PlanTextReporter(color: options.color, width: options.width).render(plan) })
}
