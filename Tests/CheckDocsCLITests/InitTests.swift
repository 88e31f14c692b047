import Foundation
import Testing

/// `checkdocs init`: the drafted manifest loads back, keeps what the names say, comments out what
/// they cannot decide, and never replaces a manifest without --force.
@Suite struct InitTests {
    /// A copy of a sample folder without its manifest.
    static func copy(_ sample: String) throws -> String {
        let folder = NSTemporaryDirectory() + "checkdocs-init-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: CLITests.root + "/samples/applicants/" + sample, toPath: folder)
        try? FileManager.default.removeItem(atPath: folder + "/checkdocs.yaml")
        return folder
    }

    @Test("init then check: the draft loads back and recognizes the same files", arguments: ["ready", "missing-items", "expired-and-ineligible"])
    func roundTrip(sample: String) throws {
        let folder = try Self.copy(sample)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = try CLITests.run([folder, "--as-of", "2026-12-01", "--format", "json"])
        #expect(before.status != 2)
        let run = try CLITests.run(["init", folder])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("wrote \(folder)/checkdocs.yaml"))
        let text = try String(contentsOfFile: folder + "/checkdocs.yaml", encoding: .utf8)
        #expect(text.contains("schemaVersion: 1"))
        #expect(text.contains("# applicant:"))
        let after = try CLITests.run([folder, "--as-of", "2026-12-01", "--format", "json"])
        #expect(after.status != 2, "the draft must load back: \(after.stderr)")
        func documents(_ json: String) throws -> [String] {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            return (object["documents"] as? [[String: Any]] ?? []).compactMap { "\($0["path"] ?? "") \($0["type"] ?? "")" }
        }
        #expect(try documents(after.stdout) == documents(before.stdout))
        // Only the manifest was added to the folder.
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(!entries.contains { $0.hasPrefix(".") })
    }

    @Test("golden draft for the expired sample: dates from names, ambiguous and unrecognized files commented")
    func golden() throws {
        let folder = try Self.copy("expired-and-ineligible")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try CLITests.run(["init", folder, "--print"])
        #expect(run.status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder + "/checkdocs.yaml"), "--print writes nothing")
        try CLITests.golden("expired-and-ineligible.init.yaml", run.stdout)
        #expect(run.stdout.contains("  # \"scan0001.pdf\":  # not recognized"))
        #expect(run.stdout.contains("# date: \"YYYY-MM-DD\"  # the date 05-06-2026"))
        #expect(run.stdout.contains("    date: \"2026-01-15\""))
    }

    @Test("a tetanus shot whose name does not say Tdap or Td gets a commented subtype line; one whose name says it does not")
    func subtypeHint() throws {
        let folder = NSTemporaryDirectory() + "checkdocs-init-subtype-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["Tetanus 2024-03-11.pdf", "Td booster 2019-05-02.pdf"] {
            try Data("%PDF-1.4\n%%EOF\n".utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        let run = try CLITests.run(["init", folder, "--print"])
        #expect(run.status == 0)
        let lines = run.stdout.components(separatedBy: "\n")
        let tetanus = try #require(lines.firstIndex { $0.contains("\"Tetanus 2024-03-11.pdf\":") })
        let booster = try #require(lines.firstIndex { $0.contains("\"Td booster 2019-05-02.pdf\":") })
        #expect(lines[tetanus...].prefix(6).contains { $0.hasPrefix("    # subtype: tdap  # which one it is: tdap or td") })
        let boosterEntry = lines[(booster + 1)...].prefix { $0.hasPrefix("    ") }
        #expect(!boosterEntry.contains { $0.contains("subtype") }, "the name already says Td")
    }

    @Test("an existing manifest is never replaced without --force; --force replaces it atomically")
    func noOverwrite() throws {
        let folder = try Self.copy("missing-items")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let manifest = folder + "/checkdocs.yaml"
        try "schemaVersion: 1\n".write(toFile: manifest, atomically: true, encoding: .utf8)
        let refused = try CLITests.run(["init", folder])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--force"))
        #expect(try String(contentsOfFile: manifest, encoding: .utf8) == "schemaVersion: 1\n")
        let forced = try CLITests.run(["init", folder, "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: manifest, encoding: .utf8).contains("type: lor"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }.isEmpty)

        try FileManager.default.removeItem(atPath: manifest)
        try "{\"schemaVersion\": 1}".write(toFile: folder + "/checkdocs.json", atomically: true, encoding: .utf8)
        #expect(try CLITests.run(["init", folder]).status == 2)
        #expect(try CLITests.run(["init", folder, "--force"]).status == 2)
        #expect(!FileManager.default.fileExists(atPath: manifest))
    }

    @Test("file names with quotes, backslashes, colons, '#' and non-Latin letters load back; ambiguous ones list their candidates")
    func awkwardNames() throws {
        let folder = NSTemporaryDirectory() + "checkdocs-init-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/immunizations", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = ["Passport \"bio\": page #1 2031-08-09.pdf", "CV back\\slash.pdf", "immunizations/PPD – Müller 2026-11-02.pdf",
                     "LoR CV.pdf", "notes.txt", "Passport 2020-01-01 2030-01-01.pdf"]
        for name in names { #expect(FileManager.default.createFile(atPath: folder + "/" + name, contents: Data("x".utf8))) }
        let run = try CLITests.run(["init", folder])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOfFile: folder + "/checkdocs.yaml", encoding: .utf8)
        #expect(text.contains("# \"LoR CV.pdf\":  # ambiguous: could be cv"))
        #expect(text.contains("expires: \"2031-08-09\""))
        #expect(text.contains("validFrom") == false || text.contains("expires: \"2030-01-01\""))
        let check = try CLITests.run([folder, "--as-of", "2026-12-01", "--kind", "observership", "--format", "json"])
        #expect(check.status != 2, "\(check.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let documents = (object["documents"] as? [[String: Any]] ?? [])
        #expect(documents.contains { $0["path"] as? String == names[0] && $0["classifiedBy"] as? String == "manifest" })
        #expect(documents.contains { $0["path"] as? String == names[1] })
        #expect(documents.contains { $0["path"] as? String == names[2] && $0["type"] as? String == "tb_ppd" })
    }

    @Test("file names with U+FEFF (a byte-order mark) first or inside, U+FFFE or U+FFFF are drafted so that check loads them back")
    func byteOrderMarkName() throws {
        let folder = NSTemporaryDirectory() + "checkdocs-init-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = ["\u{FEFF}CV 2026-01-01.pdf", "Passport \u{FEFF}2031-08-09.pdf", "LoR \u{FFFE}\u{301} Dr Smith\u{FFFF}.pdf"]
        for name in names { #expect(FileManager.default.createFile(atPath: folder + "/" + name, contents: Data("x".utf8))) }
        let run = try CLITests.run(["init", folder])
        #expect(run.status == 0, "\(run.stderr)")
        let check = try CLITests.run([folder, "--as-of", "2026-12-01", "--kind", "observership", "--format", "json"])
        #expect(check.status != 2, "the draft must load back: \(check.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let documents = (object["documents"] as? [[String: Any]] ?? [])
        #expect(documents.count == names.count && documents.allSatisfy { $0["classifiedBy"] as? String == "manifest" })
        // Read from the text: Foundation's JSON parser drops a leading U+FEFF from strings too.
        for name in names { #expect(check.stdout.contains("\"path\": \"\(name)\""), "\(name.debugDescription)") }
    }

    @Test("an ambiguous date's drafted line never clashes with one drafted above: a vaccine's dates are doses; the others correct the date in place")
    func ambiguousDateLines() throws {
        let folder = NSTemporaryDirectory() + "checkdocs-init-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pdf = CLITests.root + "/samples/applicants/ready/CV_2026.pdf"
        for name in ["MMR 12-05-1998 15-06-2003.pdf", "BLS 05-06-2026.pdf", "HIPAA 05-06-2026 2026-09-01.pdf", "OSHA 2026-11-31.pdf"] {
            try FileManager.default.copyItem(atPath: pdf, toPath: folder + "/" + name)
        }
        #expect(try CLITests.run(["init", folder]).status == 0)
        let text = try String(contentsOfFile: folder + "/checkdocs.yaml", encoding: .utf8)
        #expect(text.contains("    # doses: [\"YYYY-MM-DD\", \"YYYY-MM-DD\"]  # the date 12-05-1998"), "\(text)")
        #expect(text.contains("    # date: \"YYYY-MM-DD\"  # the date 05-06-2026"))
        #expect(text.contains("correct the date: above if it is this one"))
        // An impossible date is drafted as a date to give, as an ambiguous one is.
        #expect(text.contains("    # date: \"YYYY-MM-DD\"  # the date 2026-11-31 in the file name is not a real day"), "\(text)")
        // Every commented line uncommented as drafted: the manifest still loads.
        let uncommented = text.replacingOccurrences(of: "    # doses: [\"YYYY-MM-DD\", \"YYYY-MM-DD\"]", with: "    doses: [\"1998-05-12\", \"2003-06-15\"]")
            .replacingOccurrences(of: "    date: \"2003-06-15\"\n", with: "")
            .replacingOccurrences(of: "    # date: \"YYYY-MM-DD\"", with: "    date: \"2026-06-05\"")
        try uncommented.write(toFile: folder + "/checkdocs.yaml", atomically: true, encoding: .utf8)
        let check = try CLITests.run([folder, "--as-of", "2026-12-01"])
        #expect(check.status != 2, "\(check.stderr)")
    }
}
