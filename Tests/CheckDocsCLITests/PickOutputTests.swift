import Foundation
import FoundationXML
import Testing
@testable import CheckDocsCore
import CheckDocsFormats

/// `checkdocs pick`'s outputs and catalog: the built-in catalog, the golden samples, the CSV, HTML
/// and `-o` outputs, the docs' numbers, and the adversarial sandbox. The catalogs and helpers are
/// `PickCLITests'`.
@Suite struct PickOutputTests {
    @Test("the built-in catalog: pick uses it without --programs, list programs shows it, explain finds its programs, lint warns when a source is older than a year")
    func builtinCatalog() throws {
        let setup = try PickCLITests.setUp(manifest: "schemaVersion: 1\n", programs: [:])
        defer { try? FileManager.default.removeItem(atPath: setup.root) }
        let run = try CLITests.run(["pick", setup.folder, "--as-of", "2026-12-01", "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(",mount-sinai-surgery-observership,"))
        let list = try CLITests.run(["list", "programs"])
        #expect(list.stdout.contains("Built-in catalog ("))
        #expect(list.stdout.contains("cleveland-clinic-observer"))
        // explain finds a catalog program as list shows it, and suggests one for a typo.
        let explained = try CLITests.run(["explain", "chla-international-observership"])
        #expect(explained.status == 0, "\(explained.stderr)")
        #expect(explained.stdout.contains("Children's Hospital Los Angeles"))
        let typo = try CLITests.run(["explain", "chla-international-observershp"])
        #expect(typo.status == 2 && typo.stderr.contains("chla-international-observership"))
        // A program of the applicant's own, asked for without --programs: the way to it is named.
        let own = try CLITests.run(["explain", "msslw-im-residency"])
        #expect(own.status == 2 && own.stderr.contains("a program of your own is found with --programs"), "\(own.stderr)")
        // A shortened id is far from the whole in letters, and is still suggested.
        let short = try CLITests.run(["samples/applicants/missing-items", "--as-of", "2026-12-01", "--program", "msslw"])
        #expect(short.status == 2 && short.stderr.contains("(did you mean \"msslw-im-residency\"?)"), "\(short.stderr)")
        // A misspelt file-name alias is suggested (explain finds types by them), and a lengthened id by the id it starts with.
        let alias = try CLITests.run(["explain", "quantiferron"])
        #expect(alias.status == 2 && alias.stderr.contains("(did you mean \"quantiferon\"?)"), "\(alias.stderr)")
        let lengthened = try CLITests.run(["explain", "osha_module"])
        #expect(lengthened.status == 2 && lengthened.stderr.contains("(did you mean \"osha\"?)"), "\(lengthened.stderr)")
        let fresh = try CLITests.run(["lint", "catalog", "--as-of", "2027-09-30"])
        #expect(fresh.status == 0)
        #expect(fresh.stderr.isEmpty, "\(fresh.stderr)")
        let stale = try CLITests.run(["lint", "catalog/mayo-visiting-clerkship.xml", "--as-of", "2027-10-02"])
        #expect(stale.status == 0)
        #expect(stale.stdout == "1 file valid\n")
        #expect(stale.stderr == "checkdocs: catalog/mayo-visiting-clerkship.xml: warning: the source was read on 2026-10-01, more than a year before 2027-10-02; read https://college.mayo.edu/academics/visiting-medical-student-clerkships/application-process/ again\n")
    }

    @Test("pick -o never writes into the applicant folder; a CSV cell that would be a formula is text")
    func outputs() throws {
        let hostile = PickCLITests.program("formula", starts: ["2027-03-01"]).replacingOccurrences(of: "<name>Program formula</name>", with: "<name>=HYPERLINK(\"http://x\")</name>")
        let setup = try PickCLITests.setUp(manifest: "schemaVersion: 1\n", programs: ["formula": hostile])
        defer { try? FileManager.default.removeItem(atPath: setup.root) }
        let inside = try CLITests.run(["pick", setup.folder, "--programs", setup.catalog, "--as-of", "2026-12-01", "-o", setup.folder + "/pick.txt"])
        #expect(inside.status == 2)
        #expect(inside.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: setup.folder + "/pick.txt"))
        let csv = try CLITests.run(["pick", setup.folder, "--programs", setup.catalog, "--as-of", "2026-12-01", "--format", "csv",
                                    "-o", setup.root + "/pick.csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let written = try String(contentsOfFile: setup.root + "/pick.csv", encoding: .utf8)
        #expect(written.contains(",formula,\"'=HYPERLINK(\"\"http://x\"\")\","))
    }

    @Test("pick --format csv names each column once: the cost factor's points and the cost in words are two columns")
    func csvColumns() throws {
        let run = try CLITests.run(["pick", "samples/applicants/pick-student", "--as-of", "2026-12-01", "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.components(separatedBy: "\r\n")
        let header = lines[0].components(separatedBy: ",")
        #expect(Set(header).count == header.count, "\(header)")
        let first = lines[1].components(separatedBy: ",")
        let cell = { (name: String) in header.firstIndex(of: name).map { first[$0] } }
        #expect(cell("program") == "fiu-international-medical-student-program")
        // FIU states no fee: its cost is its living costs and an unknown fee, which counts nothing.
        #expect(cell("cost") == "0.00")
        #expect(cell("cost-amount") == "USD 1400 + unstated fees")
        #expect(cell("ready-by") == "2026-12-22")
    }

    @Test("the three sample applicants (student, recent graduate, older graduate) against the built-in catalog: the golden rankings and plans",
          arguments: ["pick-student", "pick-recent-graduate", "pick-older-graduate"])
    func samples(name: String) throws {
        let run = try CLITests.run(["pick", "samples/applicants/\(name)", "--as-of", "2026-12-01", "--plan"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        try CLITests.golden("\(name).txt", run.stdout)
        let json = try CLITests.run(["pick", "samples/applicants/\(name)", "--as-of", "2026-12-01", "--plan", "--format", "json"])
        try CLITests.golden("\(name).json", json.stdout)
        // The JSON is described by checklists/schema/pick.schema.json.
        let schema = try #require(BuiltinData.file("schema/pick.schema.json"))
        let validator = JSONSchemaValidator(schema: try JSONParser.parse(Array(schema.utf8)), date: DateLimits.verdict)
        #expect(validator.validate(try JSONParser.parse(Array(json.stdout.utf8))).isEmpty)
    }

    @Test("HTML: well-formed, no script, hostile catalog text escaped, a javascript: source shown but not linked")
    func html() throws {
        let hostile = PickCLITests.program("hostile", starts: ["2027-03-01"])
            .replacingOccurrences(of: "<name>Program hostile</name>", with: "<name>&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"quotes\"</name>")
            .replacingOccurrences(of: "href=\"https://example.org/hostile\"", with: "href=\"javascript:alert(1)\"")
        let setup = try PickCLITests.setUp(manifest: "schemaVersion: 1\n", programs: ["hostile": hostile])
        defer { try? FileManager.default.removeItem(atPath: setup.root) }
        let run = try CLITests.run(["pick", setup.folder, "--programs", setup.catalog, "--as-of", "2026-12-01", "--plan", "--format", "html"])
        #expect(run.status == 0, "\(run.stderr)")
        _ = try XMLDocument(data: Data(run.stdout.utf8), options: [])
        #expect(!run.stdout.contains("<script"))
        #expect(run.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"))
        #expect(run.stdout.contains("<a href=\"#\">javascript:alert(1)</a>"))
    }

    @Test("docs/pick.md states the code's numbers: the default weights and each category's default lead days; every built-in leadDays it names is the catalog's")
    func documentedNumbers() throws {
        let weights = try MarkdownTable.rows(in: "docs/pick.md", after: "## Weights")
        #expect(weights == PickWeights.defaults.map { [$0.name, PickText.number($0.weight)] })
        let leads = try MarkdownTable.rows(in: "docs/pick.md", after: "## Lead times")
        #expect(Set(leads.map { $0[0] }) == Set(DocumentType.defaultLeadDays.keys))
        let catalog = try CatalogLoader.builtin()
        for row in leads where row.count == 3 {
            #expect(Int(row[1]) == DocumentType.defaultLeadDays[row[0]], "\(row[0])")
            // "passport 42, photo 1": exactly the built-in types of the category that give leadDays.
            let named = row[2].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let own = catalog.types.filter { $0.category == row[0] && $0.leadDays != nil }.map { "\($0.id) \($0.leadDays!)" }
            #expect(named == own, "\(row[0])")
        }
    }

    @Test("pick in the adversarial sandbox: every format with --plan, the built-in catalog, a link to a secret outside; the folder and the outside unchanged, no canary in any output")
    func sandbox() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.file("checkdocs.yaml", "schemaVersion: 1\ngoals:\n  stage: exploring\n  budget: {total: 3000, currency: USD}\n")
        try box.file("CV_2026.pdf")
        #expect(symlink(box.canaryPath, box.folder + "/Passport.pdf") == 0)
        for format in ["text", "json", "csv", "html"] {
            let report = box.reports + "/pick." + format
            let run = try box.runChecked(["pick", box.folder, "--as-of", "2026-12-01", "--plan", "--format", format, "-o", report],
                                         timeout: 60, reportFiles: [report])
            #expect(run.status == 0, "\(format): \(run.stderr)")
            #expect(FileManager.default.fileExists(atPath: report))
        }
    }
}
