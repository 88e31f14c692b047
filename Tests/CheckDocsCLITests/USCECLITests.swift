import Foundation
import Testing

/// The `usce` rule end to end through the binary: the sample Sinai program, a folder whose
/// manifest lists US clinical experience with certificates, the JSON `reason`, `explain`, and a
/// manifest stint that ends before it starts (exit 2, one located line, nothing written).
@Suite struct USCECLITests {
    static let program = "samples/programs/sinai-baltimore-fm-residency.xml"

    /// A folder with two certificates and a manifest of `stints` (YAML list items).
    static func folder(_ stints: String) throws -> String {
        let path = NSTemporaryDirectory() + "checkdocs-usce-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let pdf = try Data(contentsOf: URL(fileURLWithPath: CLITests.root + "/samples/applicants/ready/CV_2026.pdf"))
        try pdf.write(to: URL(fileURLWithPath: path + "/Externship certificate.pdf"))
        try pdf.write(to: URL(fileURLWithPath: path + "/Observership certificate.pdf"))
        try Data("schemaVersion: 1\napplicant:\n  usce:\n\(stints)".utf8).write(to: URL(fileURLWithPath: path + "/checkdocs.yaml"))
        return path
    }

    @Test("the sample program's hands-on rule: the observership is named as not counting, in the text and in the JSON reason")
    func sampleProgram() throws {
        let path = try Self.folder("""
            - {kind: externship, institution: Mercy Hospital, start: "2026-03-01", end: "2026-06-30", certificate: "Externship certificate.pdf"}
            - {kind: observership, institution: Sinai Hospital, start: "2025-02-03", end: "2025-04-30", certificate: "Observership certificate.pdf"}

        """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = try CLITests.run([path, "--programs", Self.program, "--as-of", "2026-12-01", "--program", "sinai-baltimore-fm-residency"])
        #expect(text.status == 1 && text.stderr.isEmpty)
        #expect(text.stdout.contains("4.0 of 6 months hands-on; the Feb 2025 observership at Sinai Hospital does"))
        let json = try CLITests.run([path, "--programs", Self.program, "--as-of", "2026-12-01", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let programs = try #require(report["programs"] as? [[String: Any]])
        let requirements = try #require(programs.first?["requirements"] as? [[String: Any]])
        let usce = try #require(requirements.first { $0["id"] as? String == "usce-6-months-hands-on" })
        #expect(usce["status"] as? String == "ineligible")
        #expect(usce["message"] as? String
                == "4.0 of 6 months hands-on; the Feb 2025 observership at Sinai Hospital does not count (an observership is not hands-on)")
        let reason = try #require(usce["reason"] as? [String: Any])
        #expect(reason["kind"] as? String == "usce" && reason["code"] as? String == "too-few-months")
        #expect(reason["months"] as? Double == 4 && reason["minMonths"] as? Double == 6 && reason["handsOn"] as? Bool == true)
        #expect(reason["notCounted"] as? [String] == ["2025-02-03..2025-04-30 observership: not-hands-on"])
    }

    @Test("explain states the rule")
    func explain() throws {
        let run = try CLITests.run(["explain", "sinai-baltimore-fm-residency", "--programs", Self.program])
        #expect(run.status == 0)
        #expect(run.stdout.contains("[usce-6-months-hands-on] At least 6 months of hands-on US clinical experience (observerships do not count), each stint with its certificate"))
    }

    @Test("a stint that ends before it starts: exit 2, one line naming the manifest and the pointer, nothing written")
    func impossibleStint() throws {
        let path = try Self.folder("""
            - {kind: externship, start: "2026-06-30", end: "2026-03-01", certificate: "Externship certificate.pdf"}

        """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let before = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        let run = try CLITests.run([path, "--programs", Self.program, "--as-of", "2026-12-01"])
        #expect(run.status == 2 && run.stdout.isEmpty)
        #expect(run.stderr == "checkdocs: \(path)/checkdocs.yaml: /applicant/usce/0/end: error: the experience ends (2026-03-01) before it starts (2026-06-30)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: path).sorted() == before)
    }
}
