import CheckDocsNative

extension BatchSummary {
    /// RFC 4180: a header line, then one line per folder; fields with `,` `"` or line breaks quoted.
    public static func csv(_ outcomes: [FolderOutcome]) -> String {
        let header = ["folder", "result"] + columns + ["expired-waivers", "unused-waivers", "errors"]
        var lines = [header.joined(separator: ",")]
        for outcome in outcomes {
            let numbers = outcome.result == .error ? columns.map { _ in "" } : counts(outcome).map(String.init)
            let waivers = [outcome.waivers?.expired.count, outcome.waivers?.unused.count].map { $0.map(String.init) ?? "" }
            let fields = [outcome.folder, outcome.result.rawValue] + numbers + waivers + [String(outcome.errors.count)]
            lines.append(fields.map(cell).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A field a spreadsheet shows as written: one that begins like a formula (`=`, `+`, `-`,
    /// `@`, a tab or a carriage return) gets a leading `'`, so opening the file never runs a
    /// folder's name or a catalog's text as a formula (docs/security.md); control characters and
    /// bidi overrides escaped as a terminal report shows them (`cat` of the file runs none; line
    /// breaks are kept, quoted); then RFC 4180 quoting. Every CSV checkdocs writes goes through it.
    static func cell(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return quoted(DisplayText.escape(field, keepNewlines: true)) }
        return quoted("'" + DisplayText.escape(field, keepNewlines: true))
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }
}

extension OutputFormat {
    /// `--summary csv`.
    public static let summaryCSV = OutputFormat(id: "csv", fileExtension: "csv", purpose: "the batch summary as RFC 4180 CSV",
                                                make: .summary { BatchSummary.csv($0.outcomes) })
}
