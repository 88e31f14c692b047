extension BatchSummary {
    /// The applicant × program matrix for an advisor's spreadsheet: RFC 4180 like `csv`, a header
    /// line `folder,result,<program id>...`, then one line per folder with each program's status
    /// in its column (docs/reports.md, Batch summaries). The programs are every program of any
    /// folder, in the order they first appear; a cell is empty when that program was not checked
    /// for that folder (its own `programs/`, or an input error). `csv` stays as it is for scripts.
    public static func csvMatrix(_ outcomes: [FolderOutcome]) -> String {
        var programs: [String] = []
        var known: Set<String> = []
        for outcome in outcomes {
            for entry in outcome.programStatuses where known.insert(entry.id).inserted { programs.append(entry.id) }
        }
        var lines = [(["folder", "result"] + programs).map(cell).joined(separator: ",")]
        for outcome in outcomes {
            var statuses: [String: String] = [:]
            if outcome.result != .error {
                for entry in outcome.programStatuses { statuses[entry.id] = entry.status.rawValue }
            }
            let fields = [outcome.folder, outcome.result.rawValue] + programs.map { statuses[$0] ?? "" }
            lines.append(fields.map(cell).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

}

extension OutputFormat {
    /// `--summary csv-matrix`.
    public static let summaryMatrix = OutputFormat(id: "csv-matrix", fileExtension: "csv",
                                                   purpose: "one row per folder, one column per program, its status in each cell",
                                                   make: .summary { BatchSummary.csvMatrix($0.outcomes) }, readsProgramStatuses: true)
}
