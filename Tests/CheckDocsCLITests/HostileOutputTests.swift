import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Text from descriptions and folder names reaches every output escaped: `pick`'s text and CSV,
/// the batch CSV, `plan`'s "Apply by" lines, and the bidi controls in Markdown, HTML and JUnit;
/// and the HTML report stays well-formed XML with its facts section (docs/security.md,
/// "6. Clear, safe messages"; docs/reports.md).
@Suite struct HostileOutputTests {
    /// ESC, an OSC title, BEL, a line break and a right-to-left override.
    static let hostile = "Evil\u{1B}]0;pwned\u{07}\u{1B}[2J\nFAKE \u{202E}RTL"

    /// No raw control character but line ends (LF, or CRLF as CSV ends its lines), and no bidi
    /// override or isolate: a CR alone would let a line overwrite itself on a terminal.
    static func raw(_ text: String) -> [Unicode.Scalar] {
        let scalars = Array(text.unicodeScalars)
        return scalars.indices.compactMap { index in
            let value = scalars[index].value
            if value == 0x0D { return index + 1 < scalars.count && scalars[index + 1] == "\n" ? nil : scalars[index] }
            let bad = (value < 0x20 && value != 0x0A) || (0x7F...0x9F).contains(value)
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            return bad ? scalars[index] : nil
        }
    }

    /// A copy of a sample applicant folder in the sandbox, to change.
    static func copy(_ sample: String, in sandbox: Sandbox) throws -> String {
        let target = sandbox.base + "/" + sample
        _ = try CLITests.run(["-R", CLITests.root + "/samples/applicants/" + sample, target], binary: "/bin/cp")
        return target
    }

    /// A copy of a sample folder whose JSON program is renamed to `hostile`.
    static func folder(_ sandbox: Sandbox, sample: String = "missing-items", program: String = "rmti-transplant-observership.json") throws -> String {
        let target = try copy(sample, in: sandbox)
        let path = target + "/programs/" + program
        var description = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        var inner = try #require(description["program"] as? [String: Any])
        inner["name"] = hostile
        description["program"] = inner
        try JSONSerialization.data(withJSONObject: description).write(to: URL(fileURLWithPath: path))
        return target
    }

    @Test("a program's hostile name comes out escaped in plan's text and in Markdown, HTML and JUnit")
    func planAndMarkup() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let folder = try Self.folder(sandbox)
        let plan = try CLITests.run(["plan", folder, "--as-of", "2026-12-01", "--color", "never"])
        #expect(plan.status == 1 || plan.status == 0)
        #expect(Self.raw(plan.stdout).isEmpty, "\(plan.stdout.unicodeScalars.filter { $0.value < 0x20 && $0 != "\n" })")
        #expect(plan.stdout.contains("Evil\\x1B]0;pwned\\x07"))
        for format in ["markdown", "html", "junit"] {
            let run = try CLITests.run([folder, "--as-of", "2026-12-01", "--format", format])
            #expect(run.status == 1)
            #expect(Self.raw(run.stdout).isEmpty, "\(format): \(Self.raw(run.stdout))")
            #expect(run.stdout.contains("\\u{202E}RTL"), "\(format)")
        }
    }

    @Test("pick's text and CSV, and the batch CSV, write no raw control character or bidi override")
    func pickAndSummaries() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let programs = sandbox.inputs + "/programs"
        try FileManager.default.createDirectory(atPath: programs, withIntermediateDirectories: true)
        let source = CLITests.root + "/samples/programs-json/jhu-visiting-medical-students.json"
        var description = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: source))) as? [String: Any])
        var inner = try #require(description["program"] as? [String: Any])
        inner["name"] = Self.hostile
        description["program"] = inner
        try JSONSerialization.data(withJSONObject: description).write(to: URL(fileURLWithPath: programs + "/jhu.json"))
        let student = CLITests.root + "/samples/applicants/pick-student"
        for format in ["text", "csv"] {
            let run = try CLITests.run(["pick", student, "--programs", programs, "--as-of", "2026-12-01", "--format", format])
            #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
            #expect(Self.raw(run.stdout).isEmpty, "\(format): \(Self.raw(run.stdout))")
            #expect(run.stdout.contains("Evil\\x1B]0;pwned"), "\(format)")
        }
        // A folder named with an escape sequence, in both batch CSVs.
        let named = sandbox.base + "/esc\u{1B}[31mred"
        _ = try CLITests.run(["-R", CLITests.root + "/samples/applicants/ready", named], binary: "/bin/cp")
        for summary in ["csv", "csv-matrix"] {
            let run = try CLITests.run([named, CLITests.root + "/samples/applicants/ready", "--as-of", "2026-12-01", "--summary", summary])
            #expect(Self.raw(run.stdout).isEmpty, "\(summary): \(Self.raw(run.stdout))")
            #expect(run.stdout.contains("esc\\x1B[31mred"), "\(summary)")
        }
    }

    @Test("the HTML report with its facts section is well-formed XML")
    func htmlFactsWellFormed() throws {
        let run = try CLITests.run([CLITests.root + "/samples/applicants/newcomer", "--as-of", "2026-12-01", "--format", "html"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("<br/><small>"))
        let body = try #require(run.stdout.range(of: "<html"))
        let parser = XMLParser(data: Data(("<?xml version=\"1.0\"?>" + run.stdout[body.lowerBound...]).utf8))
        #expect(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? "") at line \(parser.lineNumber)")
    }

    @Test("a file whose name is not UTF-8 has one SARIF location, its own bytes percent-encoded, in every result about it")
    func sarifUndecodableName() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let folder = try Self.copy("ready", in: sandbox)
        try makeFile(folder, Array("bad ".utf8) + [0xFF, 0xFE] + Array(" bytes.pdf".utf8))
        let run = try CLITests.run([folder, "--as-of", "2026-12-01", "--format", "sarif"])
        let uris = Set(run.stdout.components(separatedBy: "\"uri\"").dropFirst().compactMap { $0.split(separator: "\"").dropFirst().first }
            .filter { $0.contains("bytes") })
        #expect(uris == ["bad%20%FF%FE%20bytes.pdf"], "\(uris)")
    }

    @Test("JSON gives a file's path as it is: a name with a newline and one with a backslash and n are two paths, not one; the text shows both escaped")
    func jsonExactPaths() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let folder = try Self.copy("ready", in: sandbox)
        try makeFile(folder, Array("LoR\n1.pdf".utf8))
        try makeFile(folder, Array("LoR\\n1.pdf".utf8))
        let run = try CLITests.run([folder, "--as-of", "2026-12-01", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let paths = Set((report["documents"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }.filter { $0.hasPrefix("LoR") })
        #expect(paths == ["LoR\n1.pdf", "LoR\\n1.pdf"], "\(paths)")
        let text = try CLITests.run([folder, "--as-of", "2026-12-01", "-v"])
        #expect(Self.raw(text.stdout).isEmpty && text.stdout.contains("LoR\\n1.pdf"))
    }

    @Test("a manifest key spelled as a name's escaped display (M\\xE9.pdf) does not name that file, whose name is not UTF-8")
    func escapedDisplayIsNoKey() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try makeFile(sandbox.folder, [0x4D, 0xE9] + Array(".pdf".utf8))
        try sandbox.file("checkdocs.yaml", "schemaVersion: 1\ndocuments:\n  'M\\xE9.pdf': {type: cv}\n")
        let run = try CLITests.run([sandbox.folder, "--as-of", "2026-12-01"])
        #expect(run.status == 2 && run.stderr.contains("which is not a file in the folder"), "\(run.stderr)")
    }

    @Test("a choice to make (more letters than a program takes) is in Markdown, HTML and JUnit too")
    func choiceInEveryFormat() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let folder = try Self.copy("missing-items", in: sandbox)
        for name in ["Alpha", "Beta", "Delta"] {
            _ = try CLITests.run([folder + "/LoR - Dr Mehta.pdf", folder + "/LoR - Dr \(name).pdf"], binary: "/bin/cp")
        }
        let json = try report(try CLITests.run([folder, "--program", "msslw-im-residency", "--as-of", "2026-12-01", "--format", "json"]))
        let requirements = ((json["programs"] as? [[String: Any]])?.first?["requirements"] as? [[String: Any]]) ?? []
        #expect(requirements.contains { $0["choice"] != nil })
        for (format, says) in [("markdown", "### Choices to make (1)"), ("html", "<h3>Choices to make (1)</h3>"), ("junit", "<system-out>choice: ")] {
            let run = try CLITests.run([folder, "--program", "msslw-im-residency", "--as-of", "2026-12-01", "--format", format])
            #expect(run.stdout.contains(says), "\(format)")
        }
    }

    @Test("a folder argument whose name is not UTF-8 arrives with U+FFFD: the error says so and what works, exit 2")
    func undecodableFolderArgument() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try FileManager.default.createDirectory(atPath: sandbox.base + "/bad", withIntermediateDirectories: true)
        // What the shell passes for `bad\xFFdir` reaches a Swift program as "bad\u{FFFD}dir".
        let run = try CLITests.run([sandbox.base + "/bad\u{FFFD}dir", "--as-of", "2026-12-01"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("its name is not valid UTF-8") && run.stderr.contains("`checkdocs .`"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1)
    }
}
