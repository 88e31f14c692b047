import Foundation
import Testing

/// `checkdocs lint` of program descriptions and checklist folders: every error in one run, each
/// at its line and column (XML) or pointer (JSON).
@Suite struct LintCLITests {
    /// A program with id "d" extending `checklist`: its `<extends>` is on line 5, and `body`'s
    /// lines follow from line 6, indented by two spaces, so the tests' expected locations hold.
    static func program(extending checklist: String, _ body: [String]) -> String {
        ([#"<program xmlns="urn:checkdocs:program:1" schemaVersion="1" id="d" kind="observership">"#,
          "  <name>W</name>",
          "  <institution>Test</institution>",
          #"  <source href="https://example.org/" asOf="2026-11-01"/>"#,
          #"  <extends checklist="\#(checklist)"/>"#]
            + body.map { "  " + $0 } + ["</program>"]).joined(separator: "\n")
    }

    @Test("lint reports a reversed rotation and, in the same run, the errors that resolving the rest of the file finds; a rule that fails keeps them for the next run")
    func lintReportsResolvingErrorsBesideDecoding() throws {
        let directory = try CLITests.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/d.xml"
        func write(rotation: String, requirement: String) throws {
            try Self.program(extending: "observership", [
                rotation,
                "<requirements>",
                #"  <remove ref="nothere"/>"#,
                "  " + requirement,
                #"  <require id="cv3" title="CV"><document type="cv" min="3" max="2"/></require>"#,
                "</requirements>",
            ]).write(toFile: file, atomically: true, encoding: .utf8)
        }
        try write(rotation: #"<rotation start="2027-03-01" end="2027-02-01"/>"#,
                  requirement: #"<require id="cv2" title="CV"><document type="nosuchtype"/></require>"#)
        let run = try CLITests.run(["lint", file, "--as-of", "2026-12-01"])
        #expect(run.status == 2)
        let expected = [":6:3: error: the rotation ends (2027-02-01) before it starts (2027-03-01)",
                        ":8:5: error: removes \"nothere\", which no extended checklist defines",
                        ":9:34: error: unknown document type \"nosuchtype\"; `checkdocs list types` shows them",
                        ":10:34: error: max (2) is less than min (3)"].map { "checkdocs: " + file + $0 + "\n" }
        #expect(run.stderr == expected.joined() + "checkdocs: 4 errors in 1 file\n")
        // A requirement that cannot be decoded leaves the file's rules incomplete: resolving it
        // would call a reference to that requirement unknown, so only the decoding's errors come.
        try write(rotation: "", requirement: #"<require id="cv2" title="CV"><document type="cv"><window anchor="as-of" within="2027" unit="years"/></document></require>"#)
        let rule = try CLITests.run(["lint", file, "--as-of", "2026-12-01"])
        #expect(rule.status == 2)
        #expect(!rule.stderr.contains("nothere") && rule.stderr.contains("1 error in 1 file"), "\(rule.stderr)")
    }

    @Test("lint reports a misspelt extended checklist at its <extends> (JSON: its pointer) with the closest name, and no remove or tighten that only it could answer")
    func lintUnknownChecklistAtExtends() throws {
        let directory = try CLITests.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Self.program(extending: "observershp", [
            "<requirements>", #"  <remove ref="usmle"/>"#, #"  <tighten ref="cv" hint="A short CV."/>"#, "</requirements>",
        ]).write(toFile: directory + "/d.xml", atomically: true, encoding: .utf8)
        try """
        {"schemaVersion": 1, "program": {"id": "j", "kind": "observership", "name": "W", "institution": "Test",
         "source": {"href": "https://example.org/", "asOf": "2026-11-01"},
         "extends": ["observership", "observershp"], "remove": ["usmle"], "tighten": [{"ref": "cv", "hint": "A short CV."}]}}
        """.write(toFile: directory + "/j.json", atomically: true, encoding: .utf8)
        let xml = try CLITests.run(["lint", directory + "/d.xml", "--as-of", "2026-12-01"])
        #expect(xml.status == 2)
        #expect(xml.stderr == "checkdocs: \(directory)/d.xml:5:3: error: extends unknown checklist \"observershp\" (did you mean \"observership\"?)\n"
                + "checkdocs: 1 error in 1 file\n", "\(xml.stderr)")
        let json = try CLITests.run(["lint", directory + "/j.json", "--as-of", "2026-12-01"])
        #expect(json.status == 2)
        #expect(json.stderr == "checkdocs: \(directory)/j.json: /program/extends/1: error: extends unknown checklist \"observershp\" (did you mean \"observership\"?)\n"
                + "checkdocs: 1 error in 1 file\n", "\(json.stderr)")
    }

    @Test("lint of a --checklists folder: its document-types.json is checked as a catalog, and a checklist there may use its types")
    func lintChecklistsFolder() throws {
        let directory = try CLITests.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try #"""
            {"schemaVersion": 1, "source": {"href": "https://example.org/types", "asOf": "2026-11-20"},
             "types": [{"id": "hospital_badge_form", "title": "Hospital badge form", "description": "The host hospital's ID badge request.", "category": "administrative", "aliases": ["badge form"]}]}
            """#.write(toFile: directory + "/document-types.json", atomically: true, encoding: .utf8)
        try #"""
            <?xml version="1.0" encoding="UTF-8"?>
            <checklist xmlns="urn:checkdocs:program:1" schemaVersion="1" id="my-obs" kind="observership">
              <name>Mine</name><source href="https://example.org/" asOf="2026-11-01"/>
              <requirements><require id="badge" title="Badge form"><document type="hospital_badge_form"/></require></requirements>
            </checklist>
            """#.write(toFile: directory + "/my-obs.xml", atomically: true, encoding: .utf8)
        let run = try CLITests.run(["lint", directory, "--as-of", "2026-12-01"])
        #expect(run.status == 0 && run.stdout == "2 files valid\n", "\(run.stderr)")
        #expect(run.stderr.contains("document-types.json: note: checked as a document-type catalog, which only --checklists reads"))
        // The limits --checklists holds a catalog to: a cycle of parents is refused by lint as by check.
        try #"{"schemaVersion": 1, "source": {"href": "https://x.org", "asOf": "2026-11-20"}, "types": [{"id": "ta", "title": "A", "description": "d", "category": "application", "aliases": ["ta"], "parents": ["tb"]}, {"id": "tb", "title": "B", "description": "d", "category": "application", "aliases": ["tbb"], "parents": ["ta"]}]}"#
            .write(toFile: directory + "/document-types.json", atomically: true, encoding: .utf8)
        let cycle = try CLITests.run(["lint", directory, "--as-of", "2026-12-01"])
        #expect(cycle.status == 2 && cycle.stderr.contains("parent types form a cycle"), "\(cycle.stderr)")
        try #"{"types": 3}"#.write(toFile: directory + "/document-types.json", atomically: true, encoding: .utf8)
        let broken = try CLITests.run(["lint", directory, "--as-of", "2026-12-01"])
        #expect(broken.status == 2 && broken.stderr.contains("document-types.json: /types: error: expected array"), "\(broken.stderr)")
        #expect(!broken.stderr.contains("\"program\""))
    }
}
