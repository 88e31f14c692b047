import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The Markdown, HTML, JUnit and SARIF reports of the built binary: golden files per sample, their
/// structure read back with real parsers (XMLDocument, JSONSerialization), counts checked against
/// the JSON report, hostile file names escaped in every format, and several files in one run.
@Suite struct ReporterTests {
    static let formats = [("markdown", "md"), ("html", "html"), ("junit", "junit.xml"), ("sarif", "sarif")]
    static let samples = [("ready", Int32(0)), ("missing-items", Int32(1)), ("expired-and-ineligible", Int32(1))]

    static func report(_ folder: String, _ format: String, _ extra: [String] = []) throws -> CLITests.Run {
        try CLITests.run(["samples/applicants/" + folder, "--as-of", "2026-12-01", "--format", format] + extra)
    }

    /// The JSON report, the reference every other format is checked against.
    static func json(_ folder: String) throws -> [String: Any] {
        let run = try report(folder, "json")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    static func programs(_ json: [String: Any]) -> [[String: Any]] { json["programs"] as? [[String: Any]] ?? [] }
    static func requirements(_ program: [String: Any]) -> [[String: Any]] { program["requirements"] as? [[String: Any]] ?? [] }
    static func status(_ requirement: [String: Any]) -> String { requirement["status"] as? String ?? "" }
    static let failing: Set = ["missing", "expired", "expires-before-needed", "invalid", "not-evaluable", "ineligible"]

    static func xml(_ text: String) throws -> XMLDocument { try XMLDocument(data: Data(text.utf8), options: []) }

    static func nodes(_ document: XMLDocument, _ path: String) throws -> [XMLElement] {
        try document.nodes(forXPath: path).compactMap { $0 as? XMLElement }
    }

    @Test("golden Markdown, HTML, JUnit and SARIF reports of each sample", arguments: samples)
    func golden(folder: String, status: Int32) throws {
        for (format, suffix) in Self.formats {
            let run = try Self.report(folder, format)
            #expect(run.status == status, "\(format)")
            #expect(run.stderr.isEmpty)
            try CLITests.golden("\(folder).\(suffix)", run.stdout)
        }
    }

    @Test("HTML: well-formed, self-contained, one card per program with the right progress", arguments: samples.map(\.0))
    func html(folder: String) throws {
        let html = try Self.report(folder, "html").stdout
        let document = try Self.xml(html)
        #expect(try Self.nodes(document, "/html[@lang='en']/head/meta[@charset='utf-8']").count == 1)
        #expect(try Self.nodes(document, "//script | //link | //img | //iframe | //*[@src]").isEmpty)
        let cards = try Self.nodes(document, "//article")
        let programs = Self.programs(try Self.json(folder))
        #expect(cards.count == programs.count)
        for (card, program) in zip(cards, programs) {
            let applicable = Self.requirements(program).filter { Self.status($0) != "not-applicable" }
            let met = applicable.filter { ["ok", "waived"].contains(Self.status($0)) }
            let bar = try #require(try card.nodes(forXPath: ".//*[@role='progressbar']").first as? XMLElement)
            #expect(bar.attribute(forName: "aria-valuenow")?.stringValue == String(met.count))
            #expect(bar.attribute(forName: "aria-valuemax")?.stringValue == String(applicable.count))
            #expect(card.attribute(forName: "class")?.stringValue == "card \(program["status"] as? String ?? "")")
            let blocking = Self.requirements(program).filter { $0["blocking"] as? Bool == true }
            #expect(try card.nodes(forXPath: ".//ul[contains(@class, 'blocking')]/li").count == blocking.count)
            if let applyBy = program["applyBy"] as? String {
                #expect(try !card.nodes(forXPath: ".//time[@datetime='\(applyBy)']").isEmpty)
            }
        }
    }

    @Test("JUnit: a suite per program, a case per requirement, counts that match the report", arguments: samples.map(\.0))
    func junit(folder: String) throws {
        let document = try Self.xml(try Self.report(folder, "junit").stdout)
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        let suites = try Self.nodes(document, "/testsuites/testsuite")
        let programs = Self.programs(try Self.json(folder))
        #expect(suites.count == programs.count)
        var totals = (tests: 0, failures: 0, skipped: 0)
        for (suite, program) in zip(suites, programs) {
            let requirements = Self.requirements(program)
            // Default --fail-on error: only error-level failures are <failure>s.
            let failures = requirements.filter { Self.failing.contains(Self.status($0)) && $0["severity"] as? String == "error" }
            let skipped = requirements.filter { ["not-applicable", "pending", "waived"].contains(Self.status($0)) }
            #expect(suite.attribute(forName: "name")?.stringValue == program["id"] as? String)
            #expect(suite.attribute(forName: "tests")?.stringValue == String(requirements.count))
            #expect(suite.attribute(forName: "failures")?.stringValue == String(failures.count))
            #expect(suite.attribute(forName: "skipped")?.stringValue == String(skipped.count))
            #expect(try suite.nodes(forXPath: "testcase").count == requirements.count)
            #expect(try suite.nodes(forXPath: "testcase/failure").count == failures.count)
            #expect(try suite.nodes(forXPath: "testcase/skipped").count == skipped.count)
            let failureTypes = try suite.nodes(forXPath: "testcase/failure").compactMap { ($0 as? XMLElement)?.attribute(forName: "type")?.stringValue }
            #expect(failureTypes == failures.map(Self.status))
            for testcase in try suite.nodes(forXPath: "testcase").compactMap({ $0 as? XMLElement }) {
                #expect(testcase.attribute(forName: "classname")?.stringValue == program["id"] as? String)
            }
            totals.tests += requirements.count
            totals.failures += failures.count
            totals.skipped += skipped.count
        }
        #expect(root.attribute(forName: "tests")?.stringValue == String(totals.tests))
        #expect(root.attribute(forName: "failures")?.stringValue == String(totals.failures))
        #expect(root.attribute(forName: "skipped")?.stringValue == String(totals.skipped))
    }

    @Test("SARIF: the required fields, known rules, one result per finding", arguments: samples.map(\.0))
    func sarif(folder: String) throws {
        let run = try Self.report(folder, "sarif")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "checkdocs")
        #expect(driver["version"] as? String == (try CLITests.run(["--version"])).stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(URL(string: driver["informationUri"] as? String ?? "")?.scheme == "https")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ruleIDs = rules.compactMap { $0["id"] as? String }
        #expect(Set(ruleIDs).count == rules.count)
        #expect(ruleIDs.allSatisfy { $0.hasPrefix("checkdocs/") })

        let json = try Self.json(folder)
        let failingRequirements = Self.programs(json).flatMap(Self.requirements).filter { Self.failing.contains(Self.status($0)) }
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        let expected = failingRequirements.count + (json["unrecognizedFiles"] as? [Any] ?? []).count
            + (json["ambiguousFiles"] as? [Any] ?? []).count + (json["diagnostics"] as? [Any] ?? []).count
        #expect(results.count == expected)
        for result in results {
            let ruleID = try #require(result["ruleId"] as? String)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(ruleIDs.indices.contains(index) && ruleIDs[index] == ruleID)
            #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
            let message = (result["message"] as? [String: Any])?["text"] as? String ?? ""
            #expect(!message.isEmpty)
            for location in result["locations"] as? [[String: Any]] ?? [] {
                guard let artifact = (location["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any] else { continue }
                let uri = try #require(artifact["uri"] as? String)
                #expect(URL(string: uri) != nil && !uri.hasPrefix("/"))
                #expect(artifact["uriBaseId"] as? String == "FOLDER")
            }
        }
        for (result, requirement) in zip(results, failingRequirements) {
            let properties = try #require(result["properties"] as? [String: Any])
            #expect(properties["requirementId"] as? String == requirement["id"] as? String)
            #expect(properties["status"] as? String == Self.status(requirement))
            #expect(result["ruleId"] as? String == "checkdocs/" + Self.status(requirement))
            #expect(result["level"] as? String == requirement["severity"] as? String)
            let files = requirement["files"] as? [String] ?? []
            let uris = (result["locations"] as? [[String: Any]] ?? []).compactMap {
                (($0["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String
            }
            #expect(uris.map { $0.removingPercentEncoding ?? "" } == files)
        }
    }

    @Test("--format html=A --format junit=B --format sarif=C writes all three, each as it would print")
    func severalFiles() throws {
        let directory = NSTemporaryDirectory() + "checkdocs-reports-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try Self.report("missing-items", "html=\(directory)/a.html",
                                  ["--format", "junit=\(directory)/b.xml", "--format", "sarif=\(directory)/c.sarif", "--format", "markdown"])
        #expect(run.status == 1)
        #expect(run.stdout == (try Self.report("missing-items", "markdown")).stdout)
        for (file, format) in [("a.html", "html"), ("b.xml", "junit"), ("c.sarif", "sarif")] {
            let written = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
            #expect(written == (try Self.report("missing-items", format)).stdout, "\(file)")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
        let inside = try Self.report("missing-items", "sarif=samples/applicants/missing-items/r.sarif")
        #expect(inside.status == 2)
        #expect(!FileManager.default.fileExists(atPath: CLITests.root + "/samples/applicants/missing-items/r.sarif"))
    }

    @Test("a hostile file name comes out escaped in every format, and as itself once parsed")
    func hostileNames() throws {
        // No "/" in a file name, so no closing tags: an opening <script> and an <img onerror> do.
        let flu = #"Flu_shot_2020-10-15 <script>alert(1)<img src=x onerror=alert(2)>&"'.pdf"#
        let tb = "TB_QuantiFERON_2020-01-15 [a](javascript:alert(1)) \u{1B}[31m.pdf"
        let scan = "scan](javascript:alert(1))<b>.pdf"
        let folder = NSTemporaryDirectory() + "checkdocs-hostile-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in [flu, tb, scan] {
            // Real PDF bytes: the test is about names, and "scan" named .pdf would add a content finding.
            #expect(FileManager.default.createFile(atPath: folder + "/" + name, contents: Data("%PDF-1.4\n%%EOF\n".utf8)))
        }
        func report(_ format: String) throws -> String {
            let run = try CLITests.run([folder, "--as-of", "2026-12-01", "--programs", "samples/applicants/expired-and-ineligible/programs",
                                        "--program", "yale-international-elective", "--format", format])
            #expect(run.status == 1, "\(format): \(run.stderr)")
            #expect(!run.stdout.utf8.contains(0x1B), "\(format) lets an escape byte through")
            return run.stdout
        }

        let markdown = try report("markdown")
        // Outside the one code span, every markup character of a hostile name is backslash-escaped.
        for line in markdown.split(separator: "\n") where line.contains("alert(") && !line.hasPrefix("- `scan") {
            let scalars = Array(line.unicodeScalars)
            for (index, scalar) in scalars.enumerated() where "<>[]&".unicodeScalars.contains(scalar) && !line.hasPrefix("| Requirement") {
                #expect(index > 0 && scalars[index - 1] == "\\", "unescaped \(scalar) in: \(line)")
            }
        }
        #expect(markdown.split(separator: "\n").filter { $0.contains("<b>") } == ["- `scan](javascript:alert(1))<b>.pdf`"])
        #expect(markdown.contains(#"Flu_shot_2020-10-15 \<script\>alert(1)\<img src=x onerror=alert(2)\>\&"'.pdf"#))
        #expect(markdown.contains(#"\[a\](javascript:alert(1)) \\x1B\[31m.pdf"#))
        #expect(markdown.contains("- `scan](javascript:alert(1))<b>.pdf`"))  // a code span: shown literally

        let html = try report("html")
        #expect(!html.contains("<script") && !html.contains("<img") && !html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;img src=x onerror=alert(2)&gt;&amp;&quot;&#39;.pdf"))
        let page = try Self.xml(html)
        #expect(try page.nodes(forXPath: "//script | //img | //b | //*[@onerror]").isEmpty)
        #expect(page.rootElement()?.stringValue?.contains(flu) == true)
        #expect(page.rootElement()?.stringValue?.contains(scan) == true)

        let junit = try Self.xml(try report("junit"))
        let failures = try junit.nodes(forXPath: "//failure").compactMap(\.stringValue)
        #expect(failures.contains { $0.contains("immunizations/" + flu) || $0.contains(flu) })
        #expect(failures.contains { $0.contains("TB_QuantiFERON_2020-01-15 [a](javascript:alert(1)) \\x1B[31m.pdf") })
        #expect(try junit.nodes(forXPath: "//script | //img").isEmpty)

        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(report("sarif").utf8)) as? [String: Any])
        let results = ((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        let uris = results.flatMap { $0["locations"] as? [[String: Any]] ?? [] }.compactMap {
            (($0["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String
        }
        #expect(uris.contains("Flu_shot_2020-10-15%20%3Cscript%3Ealert%281%29%3Cimg%20src%3Dx%20onerror%3Dalert%282%29%3E%26%22%27.pdf"))
        let messages = results.compactMap { ($0["message"] as? [String: Any])?["text"] as? String }
        #expect(messages.contains { $0.contains("TB_QuantiFERON_2020-01-15 [a](javascript:alert(1)) \\x1B[31m.pdf") })
        #expect(uris.contains("scan%5D%28javascript%3Aalert%281%29%29%3Cb%3E.pdf"))
        #expect(uris.allSatisfy { URL(string: $0) != nil })
    }

    @Test("under --fail-on never, which exits 0, JUnit has no failure: each failing requirement passes and says why")
    func junitNeverFails() throws {
        let run = try CLITests.run(["samples/applicants/missing-items", "--as-of", "2026-12-01", "--fail-on", "never", "--format", "junit"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("<testsuites ") && run.stdout.contains(" failures=\"0\" errors=\"0\""), "\(run.stdout.prefix(300))")
        #expect(!run.stdout.contains("<failure"))
        #expect(run.stdout.contains("<system-out>error: missing: "))
        let strict = try CLITests.run(["samples/applicants/missing-items", "--as-of", "2026-12-01", "--format", "junit"])
        #expect(strict.status == 1 && strict.stdout.contains("<failure"))
    }
}
