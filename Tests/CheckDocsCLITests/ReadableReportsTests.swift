import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Reports people open (docs/reports.md): the HTML page on a phone and its overview, no Markdown
/// marks shown raw, the batch applicant × program matrix, a missing report folder refused once,
/// and the text report at the terminal's width.
@Suite struct ReadableReportsTests {
    static let samples = ReporterTests.samples.map(\.0)

    static func html(_ folder: String) throws -> XMLDocument {
        try ReporterTests.xml(try ReporterTests.report(folder, "html").stdout)
    }

    // MARK: HTML

    @Test("HTML: a table of every program above the cards, each row linking to its card", arguments: samples)
    func overview(folder: String) throws {
        let page = try Self.html(folder)
        let programs = ReporterTests.programs(try ReporterTests.json(folder))
        let rows = try ReporterTests.nodes(page, "//main/section[@class='overview']//table/tbody/tr")
        #expect(rows.count == programs.count)
        #expect(try ReporterTests.nodes(page, "//main/*[1][self::section][@class='overview']").count == 1, "the overview comes first")
        #expect(try ReporterTests.nodes(page, "//main/section[@class='overview']/following::article").count == programs.count)
        for (row, program) in zip(rows, programs) {
            #expect(row.attribute(forName: "class")?.stringValue == program["status"] as? String)
            let cells = try row.nodes(forXPath: "td").compactMap(\.stringValue)
            #expect(cells.first?.contains(program["id"] as? String ?? "?") == true)
            let target = try #require(try row.nodes(forXPath: ".//a/@href").first?.stringValue)
            #expect(target.hasPrefix("#"))
            let card = try ReporterTests.nodes(page, "//article[@id='\(target.dropFirst())']")
            #expect(card.count == 1)
            #expect(card.first?.attribute(forName: "class")?.stringValue == "card \(program["status"] as? String ?? "")")
            let applicable = ReporterTests.requirements(program).filter { ReporterTests.status($0) != "not-applicable" }
            let met = applicable.filter { ["ok", "waived"].contains(ReporterTests.status($0)) }
            #expect(cells.contains("\(met.count) of \(applicable.count)"))
        }
    }

    @Test("HTML: no backtick or ** shown raw; the marks of messages become code and strong", arguments: samples)
    func noRawMarkdown(folder: String) throws {
        let page = try Self.html(folder)
        // Text outside <code> (which shows names and ids as they are) and the style sheet.
        let texts = try page.nodes(forXPath: "//body//text()[not(ancestor::code)]").compactMap(\.stringValue)
        #expect(!texts.isEmpty)
        for text in texts {
            #expect(!text.contains("`"), "raw backtick in: \(text)")
            #expect(!text.contains("**"), "raw ** in: \(text)")
        }
        // The JSON report's messages and hints hold the marks; the page shows them as markup.
        let marked = ReporterTests.programs(try ReporterTests.json(folder)).flatMap(ReporterTests.requirements)
            .flatMap { [$0["message"] as? String, $0["hint"] as? String].compactMap { $0 } }
            .filter { $0.contains("`") }
        if !marked.isEmpty {
            #expect(try !ReporterTests.nodes(page, "//p[@class='msg' or @class='hint']/code").isEmpty)
        }
    }

    @Test("HTML: the code spans of a sample's messages are code elements")
    func sampleHasMarks() throws {
        let html = try ReporterTests.report("expired-and-ineligible", "html").stdout
        #expect(html.contains("(add <code>expires:</code> in the manifest)"))
        #expect(html.contains("(<code>medium_of_instruction</code>; its text says"))
    }

    @Test("HTML: the style sheet fits a 360-pixel screen: a narrow-screen rule, no column wider than the screen")
    func narrowScreen() throws {
        let page = try Self.html("missing-items")
        let style = try #require(try ReporterTests.nodes(page, "/html/head/style").first?.stringValue)
        // A max-width media query no wider than a small tablet, that lays cards and facts out in one column.
        let query = try #require(style.firstMatch(of: /@media \(max-width: (\d+)px\) \{([^@]*)\}\s*(@|$)/))
        let breakpoint = try #require(Int(query.output.1))
        #expect((360...800).contains(breakpoint))
        let narrow = String(query.output.2)
        #expect(narrow.contains(".cards { grid-template-columns: 1fr;"))
        #expect(narrow.contains(".facts { grid-template-columns: 1fr;"))
        // Every grid track may shrink to the screen: minmax(min(W, 100%), ...).
        for match in style.matches(of: /minmax\((\S+ \S+)/) {
            let minimum = String(match.output.1)
            #expect(minimum.hasPrefix("min(") && minimum.hasSuffix("100%),"), "a grid column of at least \(minimum)")
        }
        // No fixed size wider than a phone anywhere but inside min().
        let outsideMin = style.replacing(/min\([^)]*\)/, with: "").replacing(/@media[^{]*/, with: "")
        for match in outsideMin.matches(of: /(\d{3,})px/) where Int(match.output.1) ?? 0 > 340 {
            Issue.record("a fixed size of \(match.output.1)px outside min(): it would not fit a phone")
        }
    }

    // MARK: Batch

    @Test("--summary csv-matrix: a row per folder, a column per program, each folder's statuses")
    func matrix() throws {
        let folders = try BatchTests.Folders()
        defer { folders.remove() }
        let names = Array(BatchTests.names.prefix(3)) + ["no-such-folder"]
        let run = try folders.run(names + ["--as-of", "2026-12-01", "--summary", "csv-matrix", "--summary", "csv=" + folders.path + "/s.csv"])
        #expect(run.status == 2)
        #expect(run.stdout.hasSuffix("\r\n"))
        let records = BatchTests.parseCSV(run.stdout)
        #expect(records.map(\.count).allSatisfy { $0 == records[0].count })
        let header = try #require(records.first)
        #expect(Array(header.prefix(2)) == ["folder", "result"])
        let programs = Array(header.dropFirst(2))
        #expect(Set(programs).count == programs.count && !programs.isEmpty)
        #expect(records.dropFirst().map { $0[0] } == names)
        #expect(records.dropFirst().map { $0[1] } == ["ready", "blocked", "blocked", "error"])
        var seen: Set<String> = []
        for (name, record) in zip(names.prefix(3), records.dropFirst()) {
            let run = try CLITests.run(["check", name, "--as-of", "2026-12-01", "--format", "json"], directory: folders.path)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            var expected: [String: String] = [:]
            for program in ReporterTests.programs(json) { expected[program["id"] as? String ?? ""] = program["status"] as? String }
            for (program, cell) in zip(programs, record.dropFirst(2)) {
                #expect(cell == (expected[program] ?? ""), "\(name) × \(program)")
            }
            seen.formUnion(expected.keys)
        }
        #expect(Set(programs) == seen)
        #expect(records.last.map { $0.dropFirst(2).allSatisfy(\.isEmpty) } == true, "a folder with an input error has no statuses")
        // The csv summary is unchanged beside it.
        let csv = try String(contentsOfFile: folders.path + "/s.csv", encoding: .utf8)
        #expect(csv.hasPrefix("folder,result,programs,ready,not-ready,ineligible,closed,waived,expired-waivers,unused-waivers,errors\r\n"))
    }

    @Test("--summary csv-matrix and csv: a folder named like a formula is shown as text in a spreadsheet", arguments: ["csv-matrix", "csv"])
    func matrixFormula(format: String) throws {
        let folders = try BatchTests.Folders()
        defer { folders.remove() }
        try FileManager.default.moveItem(atPath: folders.path + "/applicant-01", toPath: folders.path + "/=1+2")
        let run = try folders.run(["=1+2", "applicant-02", "--as-of", "2026-12-01", "--summary", format])
        #expect(run.status == 1)
        let records = BatchTests.parseCSV(run.stdout)
        #expect(records.dropFirst().map { $0[0] } == ["'=1+2", "applicant-02"])
    }

    @Test("batch: a report folder that does not exist is refused once, before any folder is checked")
    func missingReportFolder() throws {
        let folders = try BatchTests.Folders()
        defer { folders.remove() }
        let missing = folders.path + "/reports/"
        let run = try folders.run(Array(BatchTests.names.prefix(3)) + ["--as-of", "2026-12-01", "--format", "json=" + missing,
                                                                       "--format", "html=" + missing])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(run.stderr)")
        #expect(lines.first?.hasPrefix("checkdocs: \(missing): error: the report folder does not exist") == true)
        #expect(!FileManager.default.fileExists(atPath: missing))
        // A file where the folder should be: one line too.
        try "x".write(toFile: folders.path + "/file", atomically: true, encoding: .utf8)
        let file = try folders.run(["applicant-01", "applicant-02", "--as-of", "2026-12-01", "--format", "json=file/"])
        #expect(file.status == 2)
        #expect(file.stderr.split(separator: "\n") == ["checkdocs: file/: error: is not a folder; in a batch run --format json=DIR/ names the folder for every folder's report"])
    }

    // MARK: Text width

    /// The longest line of `text` that has more than one word after its indent: a word longer
    /// than the width (a URL) is never split, so only those lines may be wider.
    static func widestWrapped(_ text: String) -> Int {
        // A terminal ends lines with CR LF, one Character: split on any line break.
        text.split(whereSeparator: \.isNewline).dropFirst()  // the first line, the run's header, is not wrapped
            .filter { $0.drop { $0 == " " }.contains(" ") }
            .map(\.count).max() ?? 0
    }

    @Test("text: wraps to COLUMNS; piped without COLUMNS (or with an unusable one) it keeps 80")
    func columns() throws {
        let arguments = ["samples/applicants/expired-and-ineligible", "--as-of", "2026-12-01"]
        let golden = try String(contentsOfFile: CLITests.root + "/Tests/CheckDocsCLITests/Golden/expired-and-ineligible.txt", encoding: .utf8)
        #expect(try CLITests.run(arguments).stdout == golden)
        for unusable in ["", "abc", "0", "5", "99999"] {
            #expect(try CLITests.run(arguments, environment: ["COLUMNS": unusable]).stdout == golden, "COLUMNS=\(unusable)")
        }
        #expect(Self.widestWrapped(golden) <= 80)
        // The documents' count under the header wraps too (it was 52 columns at COLUMNS=40).
        #expect(Self.widestWrapped(try CLITests.run(arguments, environment: ["COLUMNS": "40"]).stdout) <= 40)
        for width in [60, 120] {
            let run = try CLITests.run(arguments, environment: ["COLUMNS": String(width)])
            #expect(run.status == 1)
            let widest = Self.widestWrapped(run.stdout)
            #expect(widest <= width && widest > width - 15, "COLUMNS=\(width): widest wrapped line \(widest)")
        }
        let plan = try CLITests.run(["plan"] + arguments, environment: ["COLUMNS": "120"])
        #expect(Self.widestWrapped(plan.stdout) > 80)
        // A file report follows COLUMNS too, never a terminal's size.
        let directory = NSTemporaryDirectory() + "checkdocs-width-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try CLITests.run(arguments + ["--format", "text=\(directory)/r.txt"], environment: ["COLUMNS": "120"])
        #expect(Self.widestWrapped(try String(contentsOfFile: directory + "/r.txt", encoding: .utf8)) > 80)
    }

    @Test("text: on a terminal without COLUMNS it takes the terminal's width",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func terminalWidth() throws {
        // script(1) runs the binary on a pseudo-terminal of 110 columns.
        let command = "stty cols 110 rows 40; exec '\(CLITests.binary)' samples/applicants/expired-and-ineligible --as-of 2026-12-01 --color never"
        let run = try CLITests.run(["-q", "-e", "-c", command, "/dev/null"], binary: "/usr/bin/script")
        #expect(run.status == 1, "\(run.stderr)")
        let widest = Self.widestWrapped(run.stdout)
        #expect(widest > 80 && widest <= 110, "widest wrapped line \(widest)")
    }
}
