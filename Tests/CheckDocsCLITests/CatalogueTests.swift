import Foundation
import Testing
@testable import CheckDocsCore
import CheckDocsNative

/// A Markdown table of docs/ read back: the rows under a heading, cells trimmed, backticks dropped.
enum MarkdownTable {
    static func rows(in file: String, after heading: String) throws -> [[String]] {
        let text = try String(contentsOfFile: CLITests.root + "/" + file, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: heading) else {
            Issue.record("\(file) has no heading \"\(heading)\"")
            return []
        }
        let table = lines[(start + 1)...].drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }
        return table.dropFirst(2).map { line in
            line.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "`", with: "") }
        }
    }
}

/// The diagnostic codes are one catalogue (DiagnosticCode): the docs table, SARIF's rules and the
/// report schema all say what it says.
@Suite struct DiagnosticCatalogueTests {
    /// A report with no finding at all: SARIF's rules must not depend on what a run found.
    static var emptyReport: ReadinessReport {
        let header = ReportHeader(toolVersion: "0.1.0", asOf: CalendarDate(iso: "2026-12-01")!, folder: "f", documents: [],
                                  unrecognizedFiles: [], ambiguousFiles: [], diagnostics: [], failOn: .error,
                                  folderIdentity: FileIdentity(device: 0, inode: 0), fileIdentities: [])
        return ReadinessReport(header: header, programs: [],
                               summary: ReportSummary(statusCounts: [:], crossProgram: [], fees: [], blocking: false))
    }

    static func sarifRules(_ report: ReadinessReport) throws -> [[String: Any]] {
        let log = try #require(try JSONSerialization.jsonObject(with: Data(SARIFReporter().render(report).utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        return ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
    }

    @Test("docs/reports.md lists every diagnostic code, in catalogue order, with its level, meaning and SARIF rule")
    func docsTable() throws {
        let rows = try MarkdownTable.rows(in: "docs/reports.md", after: "## Diagnostic codes")
        #expect(rows == DiagnosticCode.allCases.map { [$0.rawValue, $0.level.rawValue, $0.summary, $0.sarifRuleID, $0.sarifRuleName] })
    }

    @Test("SARIF has a rule for every diagnostic code, with its name and meaning, even when no diagnostic occurred")
    func sarifRules() throws {
        let rules = try Self.sarifRules(Self.emptyReport).filter { ($0["id"] as? String ?? "").hasPrefix("checkdocs/folder/") }
        #expect(rules.map { $0["id"] as? String ?? "" } == DiagnosticCode.allCases.map(\.sarifRuleID))
        #expect(rules.map { $0["name"] as? String ?? "" } == DiagnosticCode.allCases.map(\.sarifRuleName))
        #expect(rules.map { ($0["shortDescription"] as? [String: Any])?["text"] as? String ?? "" } == DiagnosticCode.allCases.map(\.summary))
    }

    @Test("docs/reports.md's SARIF rule ids are exactly the rules SARIF lists")
    func docsRuleIDs() throws {
        let documented = try MarkdownTable.rows(in: "docs/reports.md", after: "### Rule ids").map { [$0[0], $0[1]] }
        let rules = try Self.sarifRules(Self.emptyReport).filter { !($0["id"] as? String ?? "").hasPrefix("checkdocs/folder/") }
        #expect(documented == rules.map { [$0["id"] as? String ?? "", $0["name"] as? String ?? ""] })
    }

    @Test("every failing requirement status has its SARIF rule, and its results use that rule's id")
    func statusRules() throws {
        let ids = try Self.sarifRules(Self.emptyReport).map { $0["id"] as? String ?? "" }
        for status in RequirementStatus.allCases {
            #expect(ids.contains("checkdocs/\(status.rawValue)") == status.isFailure, "\(status)")
        }
    }

    @Test("the report schema's diagnostics description names every code")
    func schema() throws {
        let schema = try #require(BuiltinData.file(BuiltinData.reportSchemaFile))
        #expect(schema.contains("Known codes (docs/reports.md, Diagnostic codes): " + DiagnosticCode.allCases.map(\.rawValue).joined(separator: ", ") + "."))
    }
}

/// The output formats are one registry (OutputFormat.all): docs/reports.md lists it, and the
/// command line takes every id of it, and refuses any other with the closest one.
@Suite struct FormatRegistryTests {
    /// How docs/reports.md names the option of each role.
    static let usedWith: [OutputFormat.Role: String] = [.report: "check --format", .plan: "plan --format", .summary: "check --summary",
                                                          .pick: "pick --format"]
    static let sample = "samples/applicants/missing-items"

    @Test("docs/reports.md lists every registered format: id, option, file extension, purpose, in registry order")
    func documented() throws {
        let rows = try MarkdownTable.rows(in: "docs/reports.md", after: "## All formats")
        #expect(rows == OutputFormat.all.map { [$0.id, Self.usedWith[$0.role] ?? "", $0.fileExtension, $0.purpose] })
    }

    /// The command that writes `format`, to a file when it takes one.
    static func arguments(_ format: OutputFormat, id: String, directory: String) -> [String] {
        switch format.role {
        case .report: return [sample, "--as-of", "2026-12-01", "--format", "\(id)=\(directory)/report.\(format.fileExtension)"]
        case .plan: return ["plan", sample, "--as-of", "2026-12-01", "--format", id]
        case .summary: return [sample, "samples/applicants/ready", "--as-of", "2026-12-01", "--summary", id]
        case .pick: return ["pick", sample, "--programs", "samples/programs", "--as-of", "2026-12-01", "--format", id]
        }
    }

    @Test("the command line accepts every registered format, lists it in help and completions", arguments: OutputFormat.all.map { ($0.role, $0.id) })
    func accepted(role: OutputFormat.Role, id: String) throws {
        let format = try #require(OutputFormat.named(id, role: role))
        let directory = NSTemporaryDirectory() + "checkdocs-registry-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try CLITests.run(Self.arguments(format, id: id, directory: directory))
        // The sample is not ready; pick finds programs that fit it.
        #expect(run.status == (role == .plan || role == .pick ? 0 : 1), "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        if role == .report {
            let written = try String(contentsOfFile: "\(directory)/report.\(format.fileExtension)", encoding: .utf8)
            #expect(!written.isEmpty)
        } else {
            #expect(!run.stdout.isEmpty)
        }
        let help = try CLITests.run(["help", role == .plan ? "plan" : role == .pick ? "pick" : "check"]).stdout
        #expect(help.contains(id))
        let completion = try CLITests.run(["--generate-completion-script", "bash"]).stdout
        #expect(completion.contains("'\(id)'"), "\(id)")
    }

    @Test("an unknown id is a command-line error (64) on stderr naming the closest registered id; nothing written",
          arguments: OutputFormat.all.map { ($0.role, $0.id) })
    func unknown(role: OutputFormat.Role, id: String) throws {
        let format = try #require(OutputFormat.named(id, role: role))
        let typo = id + String(id.last!)  // one letter too many: closest to `id` alone
        let directory = NSTemporaryDirectory() + "checkdocs-registry-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try CLITests.run(Self.arguments(format, id: typo, directory: directory))
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("\"\(typo)\" (did you mean \"\(id)\"?)"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }
}
