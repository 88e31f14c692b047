import Foundation
import Testing

/// What the user sees of a count that is partly met, in every format: each letter that does not
/// count is named with why (docs/reports.md, "Candidates"); and five good letters for a program
/// that takes four are a choice, not a failure.
@Suite struct TruthfulReportCLITests {
    static let program = """
        <?xml version="1.0" encoding="UTF-8"?>
        <program xmlns="urn:checkdocs:program:1" schemaVersion="1" id="eras-test" kind="residency">
          <name>ERAS letters</name>
          <institution>Test</institution>
          <source href="https://example.org/rules" asOf="2026-10-01"/>
          <requirements>
            <require id="lor" title="Letters of recommendation">
              <document type="lor" min="3" max="4"><file formats="pdf" notEncrypted="true" pageSize="letter"/></document>
            </require>
          </requirements>
        </program>
        """

    /// A folder with `programs/eras.xml` and the given letters.
    static func folder(_ letters: [String: [UInt8]]) throws -> String {
        let folder = NSTemporaryDirectory() + "checkdocs-truth-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/programs", withIntermediateDirectories: true)
        try Data(program.utf8).write(to: URL(fileURLWithPath: folder + "/programs/eras.xml"))
        for (name, bytes) in letters { try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + name)) }
        return folder
    }

    /// A one-page US Letter PDF from the samples.
    static let letter = Array(FileManager.default.contents(atPath: CLITests.root + "/samples/applicants/ready/CV_2026.pdf")!)

    static func qpdf(_ pdf: [UInt8], userPassword: String) throws -> [UInt8] {
        let directory = NSTemporaryDirectory() + "checkdocs-qpdf-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data(pdf).write(to: URL(fileURLWithPath: directory + "/in.pdf"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["qpdf", "--encrypt", userPassword, "owner-secret", "256", "--print=none", "--", directory + "/in.pdf", directory + "/out.pdf"]
        try process.run()
        process.waitUntilExit()
        return Array(try #require(FileManager.default.contents(atPath: directory + "/out.pdf")))
    }

    @Test("five letters, four failing: every format names each failing letter and why")
    func partlyMetCountInEveryFormat() throws {
        // The same page on A4: both sizes are written with 7 characters, so the offsets hold.
        let a4 = Array(String(decoding: Self.letter, as: UTF8.self).replacingOccurrences(of: "[0 0 612 792]", with: "[0 0 595 842]").utf8)
        let letters: [String: [UInt8]] = [
            "LoR - Dr Adams.pdf": Self.letter,
            "LoR - Dr Baker.pdf": try Self.qpdf(Self.letter, userPassword: "secret"),
            "LoR - Dr Chen.pdf": try Self.qpdf(Self.letter, userPassword: ""),
            "LoR - Dr Diaz.pdf": Array(Self.letter.prefix(Self.letter.count / 2)),
            "LoR - Dr Evans.pdf": a4,
        ]
        let folder = try Self.folder(letters)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let why = [
            "LoR - Dr Baker.pdf": "password-protected",
            "LoR - Dr Chen.pdf": "encrypted (an owner password",
            "LoR - Dr Diaz.pdf": "damaged or truncated",
            "LoR - Dr Evans.pdf": "(A4); US Letter",
        ]
        for format in ["text", "markdown", "html", "junit", "sarif"] {
            let run = try CLITests.run([folder, "--as-of", "2026-12-01", "--format", format])
            #expect(run.status == 1, "\(format): \(run.stderr)")
            // Each failing letter is named on the line that says why (the wording may wrap in text).
            let flat = run.stdout.replacingOccurrences(of: "\n       ", with: " ")
            for (name, reason) in why {
                let named = flat.components(separatedBy: "\n").contains { $0.contains(name) && $0.contains(reason) }
                    || (format == "sarif" && flat.contains("\(name): ") && flat.contains(reason))
                #expect(named, "\(format): \(name) is not named with \"\(reason)\"")
            }
        }
        let json = try CLITests.run([folder, "--as-of", "2026-12-01", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(report["schemaVersion"] as? Int == 4)
        let programs = try #require(report["programs"] as? [[String: Any]])
        let lor = try #require((programs.first?["requirements"] as? [[String: Any]])?.first { $0["id"] as? String == "lor" })
        #expect(lor["status"] as? String == "missing")
        let candidates = try #require(lor["candidates"] as? [[String: Any]])
        #expect(candidates.count == 5)
        for candidate in candidates {
            let path = try #require(candidate["path"] as? String)
            let counted = try #require(candidate["counted"] as? Bool)
            #expect(counted == (path == "LoR - Dr Adams.pdf"))
            if !counted {
                #expect((candidate["reason"] as? [String: Any])?["code"] is String)
                #expect((candidate["message"] as? String)?.isEmpty == false)
            }
        }
    }

    @Test("five good letters for a program that takes four: ready, and the choice is shown")
    func choiceNotFailure() throws {
        let names = ["Adams", "Baker", "Chen", "Diaz", "Evans"].map { "LoR - Dr \($0).pdf" }
        let folder = try Self.folder(Dictionary(uniqueKeysWithValues: names.map { ($0, Self.letter) }))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try CLITests.run([folder, "--as-of", "2026-12-01"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("READY"))
        #expect(run.stdout.contains("choose which 4"))
        let json = try CLITests.run([folder, "--as-of", "2026-12-01", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let programs = try #require(report["programs"] as? [[String: Any]])
        let lor = try #require((programs.first?["requirements"] as? [[String: Any]])?.first { $0["id"] as? String == "lor" })
        #expect(lor["status"] as? String == "ok")
        let choice = try #require(lor["choice"] as? [String: Any])
        #expect(choice["max"] as? Int == 4)
        #expect(choice["found"] as? Int == 5)
    }
}
