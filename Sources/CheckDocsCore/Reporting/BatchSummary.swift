import CheckDocsNative
import CheckDocsFormats

/// The summary of a batch run, one line per applicant folder: a table for people, CSV and NDJSON
/// for scripts (`--summary csv|ndjson[=FILE]`). Folders are in the order they were given.
public enum BatchSummary {
    public enum Format: String, CaseIterable, Sendable {
        case table, csv, ndjson
    }

    public static func render(_ outcomes: [FolderOutcome], format: Format, asOf: CalendarDate, toolVersion: String) -> String {
        switch format {
        case .table: return table(outcomes, asOf: asOf, toolVersion: toolVersion)
        case .csv: return csv(outcomes)
        case .ndjson: return ndjson(outcomes)
        }
    }

    static let columns = ["programs"] + ProgramStatus.allCasesInOrder.map(\.rawValue) + ["waived"]

    private static func counts(_ outcome: FolderOutcome) -> [Int] {
        [outcome.programCount] + ProgramStatus.allCasesInOrder.map(outcome.count) + [outcome.waivers?.applied ?? 0]
    }

    /// Columns: folder, programs, one per program status, waived findings, result.
    public static func table(_ outcomes: [FolderOutcome], asOf: CalendarDate, toolVersion: String) -> String {
        let folderWidth = max(6, outcomes.map(\.folder.count).max() ?? 0)
        var lines = ["checkdocs \(toolVersion) · as of \(asOf) · \(Plural.count(outcomes.count, "folder"))", ""]
        func line(_ folder: String, _ cells: [String], _ result: String) -> String {
            folder.padding(to: folderWidth) + cells.enumerated().map { index, cell in
                "  " + String(repeating: " ", count: max(0, columns[index].count - cell.count)) + cell
            }.joined() + "  " + result
        }
        lines.append(line("folder", columns, "result"))
        for outcome in outcomes {
            let cells = outcome.result == .error ? columns.map { _ in "-" } : counts(outcome).map(String.init)
            var result = outcome.result.rawValue
            if outcome.result == .error { result += " (\(Plural.count(outcome.errors.count, "input error")))" }
            if let waivers = outcome.waivers, !waivers.expired.isEmpty || !waivers.unused.isEmpty {
                result += " · waivers: \(waivers.expired.count) expired, \(waivers.unused.count) unused"
            }
            lines.append(line(outcome.folder, cells, result))
        }
        let tally = FolderOutcome.Result.allInOrder.compactMap { result -> String? in
            let count = outcomes.filter { $0.result == result }.count
            return count > 0 ? "\(count) \(result.rawValue)" : nil
        }
        lines.append("")
        lines.append("\(Plural.count(outcomes.count, "folder"))" + (tally.isEmpty ? "" : ": " + tally.joined(separator: ", ")))
        return lines.joined(separator: "\n") + "\n"
    }

    /// RFC 4180: a header line, then one line per folder; fields with `,` `"` or line breaks quoted.
    public static func csv(_ outcomes: [FolderOutcome]) -> String {
        let header = ["folder", "result"] + columns + ["expired-waivers", "unused-waivers", "errors"]
        var lines = [header.joined(separator: ",")]
        for outcome in outcomes {
            let numbers = outcome.result == .error ? columns.map { _ in "" } : counts(outcome).map(String.init)
            let waivers = [outcome.waivers?.expired.count, outcome.waivers?.unused.count].map { $0.map(String.init) ?? "" }
            let fields = [outcome.folder, outcome.result.rawValue] + numbers + waivers + [String(outcome.errors.count)]
            lines.append(fields.map(quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }

    /// One JSON object per line: folder, result, the counts, waivers, and the input errors as text.
    public static func ndjson(_ outcomes: [FolderOutcome]) -> String {
        var out: [UInt8] = []
        for outcome in outcomes {
            var members: [JSONMember] = [JSONMember(key: "folder", value: .string(outcome.folder)),
                                         JSONMember(key: "result", value: .string(outcome.result.rawValue))]
            if outcome.result != .error {
                members += zip(columns, counts(outcome)).map { JSONMember(key: $0, value: .number(Double($1), String($1))) }
            }
            if let waivers = outcome.waivers {
                members.append(JSONMember(key: "expiredWaivers", value: .number(Double(waivers.expired.count), String(waivers.expired.count))))
                members.append(JSONMember(key: "unusedWaivers", value: .number(Double(waivers.unused.count), String(waivers.unused.count))))
            }
            members.append(JSONMember(key: "errors", value: .array(outcome.errors.map { .string($0.description) })))
            out.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONWriter.escape(member.key, into: &out)
                out.append(UInt8(ascii: ":"))
                if case let .array(items) = member.value {
                    out.append(UInt8(ascii: "["))
                    for (offset, item) in items.enumerated() {
                        if offset > 0 { out.append(UInt8(ascii: ",")) }
                        JSONWriter.write(item, indent: 0, into: &out)
                    }
                    out.append(UInt8(ascii: "]"))
                } else {
                    JSONWriter.write(member.value, indent: 0, into: &out)
                }
            }
            out.append(contentsOf: "}\n".utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension FolderOutcome.Result {
    static let allInOrder: [FolderOutcome.Result] = [.ready, .blocked, .error]
}

private extension String {
    func padding(to width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
