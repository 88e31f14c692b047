import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import CheckDocsNative
@testable import CheckDocsCore

/// The new reporters on a hand-built report: hostile strings in every field a program description
/// or a file name can fill (control characters included), the JUnit warning rule, SARIF URIs.
@Suite struct ReporterUnitTests {
    static let hostile = "<script>alert(1)</script> & \"q\" 'a' [x](javascript:alert(2)) `tick` | pipe \u{1B}[31m \u{0}\u{85}\u{FFFE}"

    static func requirement(_ id: String, _ status: RequirementStatus, _ severity: Severity = .error,
                            files: [FilePath] = [], text: String = hostile) -> RequirementResult {
        RequirementResult(id: id, title: "Title " + text, category: .document, documentTypes: ["passport"], status: status,
                          severity: severity, supplier: .applicant, due: .application, files: files,
                          message: "Message " + text, hint: "Hint " + text, rule: nil, origin: "")
    }

    static func report(failOn: Severity? = .error) -> ReadinessReport {
        let hostileFile = FilePath(bytes: Array("a b/<i>#?:%.pdf".utf8) + [0xFF, 0x1B])
        let requirements = [
            requirement("ok", .ok),
            requirement("missing", .missing, files: []),
            requirement("expired", .expired, files: [hostileFile]),
            requirement("warned", .expiresBeforeNeeded, .warning, files: [FilePath("x.pdf")]),
            requirement("later", .pending),
            requirement("waived", .waived),
            requirement("na", .notApplicable),
        ]
        let program = ProgramResult(
            id: "p1", name: "Name " + hostile, institution: "Institution " + hostile, kind: .observership,
            source: Provenance(href: "javascript:alert(3)", asOf: CalendarDate(iso: "2026-10-01")!), checklists: [],
            rotation: nil, deadline: nil, effectiveDeadline: CalendarDate(iso: "2026-12-31"),
            fees: [Fee(amount: 15, currency: "USD<", label: "fee " + hostile)], status: .notReady,
            requirements: requirements, file: "p1.xml")
        let header = ReportHeader(
            toolVersion: "0.1.0", asOf: CalendarDate(iso: "2026-12-01")!, folder: "folder " + hostile,
            documents: [], unrecognizedFiles: [hostileFile], ambiguousFiles: [AmbiguousFile(path: FilePath("amb`.pdf"), candidates: ["cv", "lor"])],
            diagnostics: [Diagnostic(.symlink, "note " + hostile, path: "d.pdf")], failOn: failOn,
            folderIdentity: FileIdentity(device: 0, inode: 0), fileIdentities: [])
        let summary = ReportSummary(
            statusCounts: [.notReady: 1],
            crossProgram: [CrossProgramItem(key: "missing", title: "Title " + hostile, documentTypes: [], programs: ["p1"], soleBlockerOf: [])],
            fees: [FeeTotal(currency: "USD<", amount: 15, programs: 1)], blocking: true)
        return ReadinessReport(header: header, programs: [program], summary: summary)
    }

    /// Control characters never reach the output raw. JSON (SARIF) must escape only C0 and
    /// carries the rest as data; the markup formats make all of them visible.
    static func expectNoControls(_ output: String, _ format: String, json: Bool = false) {
        let bad = output.unicodeScalars.filter {
            ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (!json && ((0x7F...0x9F).contains($0.value) || $0.value == 0xFFFE))
        }
        #expect(bad.isEmpty, "\(format) writes control characters \(bad.map(\.value))")
    }

    @Test("HTML: every string escaped, no javascript: link, well-formed with controls made visible")
    func html() throws {
        let html = HTMLReporter().render(Self.report())
        Self.expectNoControls(html, "html")
        #expect(!html.contains("<script") && !html.contains("href=\"javascript"))
        let document = try XMLDocument(data: Data(html.utf8), options: [])
        // The overview's rows link to their cards; the only other link would have been the javascript: source.
        #expect(try document.nodes(forXPath: "//script | //a[not(starts-with(@href, '#program-'))]").isEmpty)
        #expect(try document.nodes(forXPath: "//a[@href='#program-1']").count == 1)
        let text = document.rootElement()?.stringValue ?? ""
        #expect(text.contains("<script>alert(1)</script> & \"q\" 'a'"))
        #expect(text.contains(#"\x1B[31m \x00\x85\u{FFFE}"#))
        let bar = try #require(try document.nodes(forXPath: "//*[@role='progressbar']").first as? XMLElement)
        #expect(bar.attribute(forName: "aria-valuenow")?.stringValue == "2")  // ok + waived
        #expect(bar.attribute(forName: "aria-valuemax")?.stringValue == "6")  // all but not-applicable
        #expect(try document.nodes(forXPath: "//ul[contains(@class, 'warning')]/li").count == 1)
        #expect(try document.nodes(forXPath: "//ul[contains(@class, 'later')]/li").count == 1)
    }

    @Test("JUnit: a warning fails only under --fail-on warning, nothing under never; pending, waived, not-applicable are skipped", arguments: [
        (Severity?.some(.error), 2), (Severity?.some(.warning), 3), (Severity?.none, 0),
    ])
    func junit(failOn: Severity?, failures: Int) throws {
        let xml = JUnitReporter().render(Self.report(failOn: failOn))
        Self.expectNoControls(xml, "junit")
        let document = try XMLDocument(data: Data(xml.utf8), options: [])
        let suite = try #require(try document.nodes(forXPath: "/testsuites/testsuite").first as? XMLElement)
        #expect(suite.attribute(forName: "tests")?.stringValue == "7")
        #expect(suite.attribute(forName: "failures")?.stringValue == String(failures))
        #expect(suite.attribute(forName: "skipped")?.stringValue == "3")
        #expect(try document.nodes(forXPath: "//failure").count == failures)
        #expect(try document.nodes(forXPath: "//skipped").count == 3)
        let warned = try #require(try document.nodes(forXPath: "//testcase[starts-with(@name, 'warned')]").first as? XMLElement)
        if failOn == .warning {
            #expect(warned.elements(forName: "failure").first?.attribute(forName: "type")?.stringValue == "expires-before-needed")
        } else {
            #expect(warned.elements(forName: "failure").isEmpty)
            #expect(warned.elements(forName: "system-out").first?.stringValue?.hasPrefix("warning: expires-before-needed") == true)
        }
        guard failOn != nil else {
            // --fail-on never exits 0: the dashboard fails on nothing, and says what it found.
            let expired = try #require(try document.nodes(forXPath: "//testcase[starts-with(@name, 'expired')]").first as? XMLElement)
            #expect(expired.elements(forName: "system-out").first?.stringValue?.hasPrefix("error: expired") == true)
            return
        }
        let failure = try #require(try document.nodes(forXPath: "//testcase[starts-with(@name, 'expired')]/failure").first as? XMLElement)
        #expect(failure.attribute(forName: "message")?.stringValue?.contains("<script>alert(1)</script> & \"q\" 'a'") == true)
        #expect(failure.stringValue?.contains(#"files: a b/<i>#?:%.pdf\xFF\x1B"#) == true)
    }

    @Test("Markdown: no link, HTML, table cell or math from user text; code spans outlast backticks")
    func markdown() {
        let reporter = MarkdownReporter()
        let markdown = reporter.render(Self.report())
        Self.expectNoControls(markdown, "markdown")
        #expect(reporter.text("[x](javascript:alert(2)) <b> | $x$ & *y* `z`")
                == #"\[x\](javascript:alert(2)) \<b\> \| \$x\$ \& \*y\* \`z\`"#)
        #expect(reporter.text("CV_2026_final.pdf _lead trail_ a\nb") == #"CV_2026_final.pdf \_lead trail\_ a b"#)
        #expect(reporter.text("\u{1B}[31m") == #"\\x1B\[31m"#)
        #expect(reporter.code("a`b") == "``a`b``")
        #expect(reporter.code("`x") == "`` `x ``")
        #expect(reporter.code("a|b", inTable: true) == #"`a\|b`"#)
        // Every table row keeps its four cells whatever the strings hold.
        for line in markdown.split(separator: "\n") where line.hasPrefix("| ") && line.contains("Title") {
            let pipes = line.unicodeScalars.enumerated().filter { index, scalar in
                scalar == "|" && (index == 0 || Array(line.unicodeScalars)[index - 1] != "\\")
            }
            #expect(pipes.count == 5, "\(line)")
        }
        #expect(!markdown.contains("](javascript") || markdown.contains(#"\](javascript"#))
        #expect(markdown.contains("- **Source:** javascript:alert(3), as of"))
    }

    @Test("SARIF: levels from severity, percent-encoded relative URIs, a rule for the folder code")
    func sarif() throws {
        let text = SARIFReporter().render(Self.report())
        Self.expectNoControls(text, "sarif", json: true)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
        #expect(rules.contains { $0["id"] as? String == "checkdocs/folder/symlink" })
        let results = run["results"] as? [[String: Any]] ?? []
        // missing, expired, warned; the unrecognized and the ambiguous file; the folder note.
        #expect(results.map { $0["ruleId"] as? String ?? "" } == [
            "checkdocs/missing", "checkdocs/expired", "checkdocs/expires-before-needed",
            "checkdocs/unrecognized-file", "checkdocs/ambiguous-file", "checkdocs/folder/symlink",
        ])
        #expect(results.map { $0["level"] as? String ?? "" } == ["error", "error", "warning", "warning", "warning", "note"])
        #expect(results[0]["locations"] as? [[String: Any]] != nil)  // a logical location only
        #expect((results[0]["message"] as? [String: Any])?["text"] as? String
                == "p1: Title \(Self.hostile) [missing] is missing — Message \(Self.hostile). What to do: Hint \(Self.hostile)")
        #expect(SARIFReporter.uriReference(Array("a b/<i>#?:%.pdf".utf8) + [0xFF, 0x1B]) == "a%20b/%3Ci%3E%23%3F%3A%25.pdf%FF%1B")
        #expect(SARIFReporter.uriReference(Array("Ünï ~._-.pdf".utf8)) == "%C3%9Cn%C3%AF%20~._-.pdf")
    }
}
