/// The readiness report as JUnit XML, for CI dashboards: one `<testsuite>` per program, one
/// `<testcase>` per requirement (classname = program id, name = "requirement id — title").
///
/// - A failing requirement of severity `error` (what makes a program not ready) is a `<failure>`,
///   with `type` = its status.
/// - A failing requirement of severity `warning` is a `<failure>` only under `--fail-on warning`;
///   otherwise the test passes and the finding is told in its `<system-out>`. Under `--fail-on
///   never`, which always exits 0, no requirement is a `<failure>`: each is told that way, so the
///   dashboard fails exactly when the run would.
/// - `not-applicable`, `pending` and `waived` are `<skipped>`, with the reason.
/// - There are no `<error>`s: a run that could not check exits 2 and writes no report.
/// Folder-level findings (unrecognized files, notes) are in the other formats, not here.
public struct JUnitReporter: WholeReportFormat {

    public init() {}

    private enum Outcome {
        case passed(note: String?), failed, skipped
    }

    public func render(_ report: ReadinessReport) -> String {
        let warningsFail = report.failOn == .warning
        let nothingFails = report.failOn == nil
        var suites = ""
        var total = (tests: 0, failures: 0, skipped: 0)
        for program in report.programs {
            let outcomes = program.requirements.map { outcome($0, warningsFail: warningsFail, nothingFails: nothingFails) }
            let failures = outcomes.filter { if case .failed = $0 { return true } else { return false } }.count
            let skipped = outcomes.filter { if case .skipped = $0 { return true } else { return false } }.count
            total.tests += outcomes.count
            total.failures += failures
            total.skipped += skipped
            suites += "  <testsuite name=\"\(a(program.id))\" tests=\"\(outcomes.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">\n"
            suites += "    <properties>\n"
            var properties = [("name", program.name), ("kind", program.kind.rawValue), ("status", program.status.rawValue)]
            if let institution = program.institution { properties.append(("institution", institution)) }
            if let deadline = program.effectiveDeadline { properties.append(("applyBy", deadline.description)) }
            properties += [("asOf", report.asOf.description), ("source", program.source.href)]
            for (name, value) in properties {
                suites += "      <property name=\"\(name)\" value=\"\(a(value))\"/>\n"
            }
            suites += "    </properties>\n"
            for (result, outcome) in zip(program.requirements, outcomes) {
                suites += testcase(result, program: program, outcome: outcome)
            }
            suites += "  </testsuite>\n"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"checkdocs \(a(report.folder))\" tests=\"\(total.tests)\" failures=\"\(total.failures)\" "
            + "errors=\"0\" skipped=\"\(total.skipped)\">\n"
            + suites + "</testsuites>\n"
    }

    private func outcome(_ result: RequirementResult, warningsFail: Bool, nothingFails: Bool) -> Outcome {
        switch result.status {
        case .ok: return .passed(note: result.choice == nil ? nil : "choice: \(details(result))")
        case .notApplicable, .pending, .waived: return .skipped
        default:
            if nothingFails { return .passed(note: "\(result.severity.rawValue): \(result.status.rawValue): \(details(result))") }
            if result.severity == .error || warningsFail { return .failed }
            return .passed(note: "warning: \(result.status.rawValue): \(details(result))")
        }
    }

    private func testcase(_ result: RequirementResult, program: ProgramResult, outcome: Outcome) -> String {
        let open = "    <testcase classname=\"\(a(program.id))\" name=\"\(a(result.id + " — " + result.title))\""
        switch outcome {
        case .passed(note: nil):
            return open + "/>\n"
        case let .passed(note?):
            return open + ">\n      <system-out>\(t(note))</system-out>\n    </testcase>\n"
        case .skipped:
            let waiver = result.waiver.map { " (was \($0.originalStatus.rawValue); waived until \($0.expires): \($0.reason))" } ?? ""
            return open + ">\n      <skipped message=\"\(a(result.status.rawValue + waiver + (result.message.isEmpty ? "" : ": " + result.message)))\"/>\n    </testcase>\n"
        case .failed:
            return open + ">\n      <failure message=\"\(a(result.message))\" type=\"\(a(result.status.rawValue))\">"
                + t(details(result)) + "</failure>\n    </testcase>\n"
        }
    }

    /// The failure body: message, severity, files, rule and what to do, one per line.
    private func details(_ result: RequirementResult) -> String {
        var lines = [result.message, "severity: \(result.severity.rawValue)"]
        if !result.files.isEmpty { lines.append("files: " + result.files.map(\.description).joined(separator: ", ")) }
        lines += result.uncountedLines.map { "not counted: " + $0 }
        if let rule = result.rule, rule != result.title { lines.append("rule: " + rule) }
        if let hint = result.hint { lines.append("what to do: " + hint) }
        return lines.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    private func a(_ text: String) -> String { MarkupEscaping.escape(text, attribute: true) }
    private func t(_ text: String) -> String { MarkupEscaping.escape(text) }
}

extension OutputFormat {
    /// `check --format junit`.
    public static let junit = OutputFormat(id: "junit", fileExtension: "junit.xml", purpose: "CI test dashboards (JUnit XML)",
                                          make: .report { _ in WholeReportReporter(JUnitReporter()) })
}
