import Foundation
import Testing

/// `--session`, the manifest's `targets:` and the JSON `session` object, through the built binary
/// (docs/programs.md, "Sessions"; docs/manifest.md, `targets`).
@Suite struct SessionCLITests {
    static let program = """
        <?xml version="1.0" encoding="UTF-8"?>
        <program xmlns="urn:checkdocs:program:1" schemaVersion="1" id="blocks" kind="observership">
          <name>Four-week blocks</name>
          <institution>Test institution</institution>
          <source href="https://example.org/rules" asOf="2026-10-01"/>
          <sessions weeks="4">
            <every ordinal="1" weekday="monday" from="2027-01-01" through="2027-12-31" exceptMonths="december"/>
          </sessions>
          <leadTime minMonths="2"/>
        </program>
        """

    /// A folder holding `programs/blocks.xml` and, if given, a manifest.
    static func folder(manifest: String? = nil) throws -> String {
        let path = NSTemporaryDirectory() + "checkdocs-sessions-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path + "/programs", withIntermediateDirectories: true)
        try program.write(toFile: path + "/programs/blocks.xml", atomically: true, encoding: .utf8)
        if let manifest { try manifest.write(toFile: path + "/checkdocs.yaml", atomically: true, encoding: .utf8) }
        return path
    }

    @Test("the report names the earliest session the applicant is ready for; --session chooses another; plan follows it")
    func chooseSession() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = try CLITests.run([folder, "--as-of", "2026-12-01"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("rotation 2027-02-01 → 2027-02-28"))
        #expect(text.stdout.contains("session 2027-02-01 (of 11): the earliest you are ready for"))
        let json = try CLITests.run([folder, "--as-of", "2026-12-01", "--format", "json", "--session", "2027-06-07"])
        #expect(json.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let program = try #require((report["programs"] as? [[String: Any]])?.first)
        let session = try #require(program["session"] as? [String: Any])
        #expect(session["start"] as? String == "2027-06-07")
        #expect(session["reason"] as? String == "chosen")
        #expect(session["sessions"] as? Int == 11)
        #expect((program["rotation"] as? [String: Any])?["end"] as? String == "2027-07-04")
        let plan = try CLITests.run(["plan", folder, "--as-of", "2026-12-01", "--session", "2027-06-07", "--format", "json"])
        #expect(plan.status == 0)
        #expect(plan.stdout.contains("\"2027-06-07\""))
    }

    @Test("a session in December when the recurrence skips December is an error naming the sessions, from --session or targets:")
    func decemberSkipped() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try CLITests.run([folder, "--as-of", "2026-12-01", "--session", "2027-12-06"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("--session: error: program blocks has no session starting 2027-12-06; its sessions start 2027-01-04, 2027-02-01"))

        let targeted = try Self.folder(manifest: "schemaVersion: 1\ntargets:\n  blocks: {session: \"2027-12-06\"}\n")
        defer { try? FileManager.default.removeItem(atPath: targeted) }
        let fromManifest = try CLITests.run([targeted, "--as-of", "2026-12-01"])
        #expect(fromManifest.status == 2)
        #expect(fromManifest.stderr.contains("checkdocs.yaml: /targets/blocks/session: error: program blocks has no session starting 2027-12-06"))
    }

    @Test("targets: naming no program, and --session with no program that lists sessions, are errors (exit 2)")
    func unknownTargets() throws {
        let folder = try Self.folder(manifest: "schemaVersion: 1\ntargets:\n  blokcs: {offer: \"2026-11-20\"}\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try CLITests.run([folder, "--as-of", "2026-12-01"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("/targets/blokcs: error: no program with id \"blokcs\" is checked"))
        let plain = try CLITests.run(["samples/applicants/ready", "--as-of", "2026-12-01", "--session", "2027-02-01"])
        #expect(plain.status == 2)
        #expect(plain.stderr.contains("no program checked lists sessions"))
    }
}
