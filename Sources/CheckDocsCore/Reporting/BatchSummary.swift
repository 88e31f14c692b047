import CheckDocsNative
import CheckDocsFormats

/// The summary of a batch run, one line per applicant folder: a table for people (here), CSV and
/// NDJSON for scripts (BatchSummaryCSV.swift, BatchSummaryNDJSON.swift). Folders are in the order
/// they were given.
public enum BatchSummary {
    static let columns = ["programs"] + ProgramStatus.allCasesInOrder.map(\.rawValue) + ["waived"]

    static func counts(_ outcome: FolderOutcome) -> [Int] {
        [outcome.programCount] + ProgramStatus.allCasesInOrder.map(outcome.count) + [outcome.waivers?.applied ?? 0]
    }

    /// Columns: folder, programs, one per program status, waived findings, result.
    public static func table(_ outcomes: [FolderOutcome], asOf: CalendarDate, toolVersion: String) -> String {
        // Folder names are the applicant's to choose: shown escaped, as every displayed path is
        // (docs/security.md), so a control character cannot move the advisor's terminal.
        let shown = outcomes.map { DisplayText.escape($0.folder) }
        let folderWidth = max(6, shown.map(\.count).max() ?? 0)
        var lines = ["checkdocs \(toolVersion) · as of \(asOf) · \(Plural.count(outcomes.count, "folder"))", ""]
        func line(_ folder: String, _ cells: [String], _ result: String) -> String {
            folder.padding(to: folderWidth) + cells.enumerated().map { index, cell in
                "  " + String(repeating: " ", count: max(0, columns[index].count - cell.count)) + cell
            }.joined() + "  " + result
        }
        lines.append(line("folder", columns, "result"))
        for (index, outcome) in outcomes.enumerated() {
            let cells = outcome.result == .error ? columns.map { _ in "-" } : counts(outcome).map(String.init)
            var result = outcome.result.rawValue
            if outcome.result == .error { result += " (\(Plural.count(outcome.errors.count, "input error")))" }
            if let waivers = outcome.waivers, !waivers.expired.isEmpty || !waivers.unused.isEmpty {
                result += " · waivers: \(waivers.expired.count) expired, \(waivers.unused.count) unused"
            }
            lines.append(line(shown[index], cells, result))
        }
        let tally = FolderOutcome.Result.allInOrder.compactMap { result -> String? in
            let count = outcomes.filter { $0.result == result }.count
            return count > 0 ? "\(count) \(result.rawValue)" : nil
        }
        lines.append("")
        lines.append("\(Plural.count(outcomes.count, "folder"))" + (tally.isEmpty ? "" : ": " + tally.joined(separator: ", ")))
        return lines.joined(separator: "\n") + "\n"
    }
}

extension FolderOutcome.Result {
    static let allInOrder: [FolderOutcome.Result] = [.ready, .notReady, .blocked, .error]
}

private extension String {
    func padding(to width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}

extension OutputFormat {
    /// `--summary table`: the default batch summary, on stdout.
    public static let summaryTable = OutputFormat(id: "table", fileExtension: "txt", purpose: "the batch summary for people (the default)",
                                                  make: .summary { BatchSummary.table($0.outcomes, asOf: $0.asOf, toolVersion: $0.toolVersion) })
}
