import Foundation
import Testing

/// `checkdocs init --update` and the backup `init --force` writes (docs/manifest.md, "Updating the
/// manifest"): the applicant's text is kept byte for byte, new files are appended, a renamed file is
/// followed by its sha256, nothing is deleted, and the only files written are the manifest and one
/// new backup beside it.
@Suite struct InitUpdateTests {
    /// Every regular file under the folder and its bytes, to say exactly which files a run changed.
    static func contents(_ folder: String) -> [String: Data] {
        var all: [String: Data] = [:]
        for case let relative as String in FileManager.default.enumerator(atPath: folder) ?? FileManager.default.enumerator(atPath: "/")! {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                all[relative] = FileManager.default.contents(atPath: folder + "/" + relative)
            }
        }
        return all
    }

    /// The names whose bytes differ (or that appeared or went) between two `contents`.
    static func changed(_ before: [String: Data], _ after: [String: Data]) -> Set<String> {
        Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
    }

    static let applicantText = """
        # My own notes: keep these.
        schemaVersion: 1   # version one
        applicant:
          name: "Asha Rao"   # as on the passport
        documents:
          'CV_2026.pdf':    # single-quoted on purpose
            type: cv
            note: "my CV"
          Old_LoR.pdf: {type: lor, note: no hash here}
        # a comment at the end

        """

    @Test("--update appends a new file's entry with its dates, type comment and sha256, keeping the applicant's text byte for byte")
    func addsNewFiles() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.file("CV_2026.pdf")
        try sandbox.file("Old_LoR.pdf", "letter")
        try sandbox.file("checkdocs.yaml", Self.applicantText)
        try sandbox.file("BLS exp 2028-02-15.pdf", "bls card")
        let before = Self.contents(sandbox.folder)
        let run = try CLITests.run(["init", "--update", sandbox.folder])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("added 1 document"))
        let after = Self.contents(sandbox.folder)
        #expect(Self.changed(before, after) == ["checkdocs.yaml", "checkdocs.yaml.bak"])
        #expect(after["checkdocs.yaml.bak"] == before["checkdocs.yaml"])
        let text = String(decoding: try #require(after["checkdocs.yaml"]), as: UTF8.self)
        // The old text is a prefix up to its last entry, and the new entry follows it, before the trailing comment.
        let expected = Self.applicantText.replacingOccurrences(of: "# a comment at the end", with: """
              "BLS exp 2028-02-15.pdf":
                type: bls  # BLS certification, from the file name ("bls")
                expires: "2028-02-15"
                sha256: "\(try Self.sha256(sandbox.folder + "/BLS exp 2028-02-15.pdf"))"
            # a comment at the end
            """)
        #expect(text == expected)
        // It loads back: check exits 0 or 1, not 2; the rerun adds nothing and writes nothing.
        let check = try sandbox.runChecked([sandbox.folder, "--as-of", "2026-12-01"])
        #expect(check.status == 0 || check.status == 1, "\(check.stderr)")
        let again = try sandbox.runChecked(["init", "--update", sandbox.folder])
        #expect(again.status == 0 && again.stdout.contains("up to date"), "\(again.stderr)")
    }

    @Test("--update follows a file renamed with the same content by its sha256, leaves an entry without one and says so, never deletes, and writes .bak.1 beside an existing .bak")
    func followsRenames() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.file("CV_2026.pdf")
        try sandbox.file("Old_LoR.pdf", "letter")
        #expect(try CLITests.run(["init", sandbox.folder]).status == 0)
        let drafted = try String(contentsOfFile: sandbox.folder + "/checkdocs.yaml", encoding: .utf8)
        #expect(drafted.contains("    sha256: \"\(try Self.sha256(sandbox.folder + "/CV_2026.pdf"))\""))
        // The applicant edits the draft: an entry of their own without a hash, and a note.
        let edited = drafted.replacingOccurrences(of: "documents:\n", with: "documents:\n  Gone.pdf: {type: lor}  # no hash\n")
            .replacingOccurrences(of: "    type: cv", with: "    note: \"keep me\"\n    type: cv")
        try sandbox.file("checkdocs.yaml", edited)
        try sandbox.file("Gone.pdf", "gone")
        try sandbox.file("checkdocs.yaml.bak", "an older backup")
        try FileManager.default.moveItem(atPath: sandbox.folder + "/CV_2026.pdf", toPath: sandbox.folder + "/scan 17.pdf")
        try FileManager.default.removeItem(atPath: sandbox.folder + "/Gone.pdf")
        let before = Self.contents(sandbox.folder)
        let run = try CLITests.run(["init", "--update", sandbox.folder])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("followed \"CV_2026.pdf\" to \"scan 17.pdf\""))
        #expect(run.stderr.contains("names \"Gone.pdf\", which is not a file in the folder; left as it is: it has no sha256"))
        #expect(run.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("checkdocs: ") }, "\(run.stderr)")
        #expect(run.stdout.contains("1 entry names a file no longer in the folder"))
        let after = Self.contents(sandbox.folder)
        #expect(Self.changed(before, after) == ["checkdocs.yaml", "checkdocs.yaml.bak.1"])
        #expect(after["checkdocs.yaml.bak"] == before["checkdocs.yaml.bak"])
        #expect(after["checkdocs.yaml.bak.1"] == before["checkdocs.yaml"])
        // Only the key line changed; the entry without a hash stays, so check still stops on it.
        let text = String(decoding: try #require(after["checkdocs.yaml"]), as: UTF8.self)
        #expect(text == edited.replacingOccurrences(of: "  \"CV_2026.pdf\":", with: "  \"scan 17.pdf\":"))
        let check = try sandbox.runChecked([sandbox.folder, "--as-of", "2026-12-01"])
        #expect(check.status == 2 && check.stderr.contains("Gone.pdf"))
        // Once the applicant removes it, the result loads and classifies the renamed file by its entry.
        try sandbox.file("checkdocs.yaml", text.replacingOccurrences(of: "  Gone.pdf: {type: lor}  # no hash\n", with: ""))
        let fixed = try sandbox.runChecked([sandbox.folder, "--as-of", "2026-12-01", "--format", "json"])
        #expect(fixed.status == 0 || fixed.status == 1, "\(fixed.stderr)")
        #expect(fixed.stdout.contains("\"path\": \"scan 17.pdf\""))
    }

    @Test("--force writes a backup before replacing; --update refuses JSON and --force with it, writing nothing")
    func forceBackupAndRefusals() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.file("CV_2026.pdf")
        try sandbox.file("checkdocs.yaml", "schemaVersion: 1  # mine\n")
        let combined = try sandbox.runChecked(["init", "--update", "--force", sandbox.folder])
        #expect(combined.status == 64)
        let before = Self.contents(sandbox.folder)
        let forced = try CLITests.run(["init", "--force", sandbox.folder])
        #expect(forced.status == 0, "\(forced.stderr)")
        let after = Self.contents(sandbox.folder)
        #expect(Self.changed(before, after) == ["checkdocs.yaml", "checkdocs.yaml.bak"])
        #expect(after["checkdocs.yaml.bak"] == Data("schemaVersion: 1  # mine\n".utf8))

        try FileManager.default.removeItem(atPath: sandbox.folder + "/checkdocs.yaml")
        try FileManager.default.removeItem(atPath: sandbox.folder + "/checkdocs.yaml.bak")
        try sandbox.file("checkdocs.json", "{\"schemaVersion\": 1}")
        try sandbox.file("LoR new.pdf")
        let json = try sandbox.runChecked(["init", "--update", sandbox.folder])
        #expect(json.status == 2 && json.stderr.contains("JSON"))
    }

    @Test("--update turns an empty `documents: {}` into a block and adds the files; a backup is not a document")
    func emptyFlowDocuments() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.file("checkdocs.yaml", "schemaVersion: 1\ndocuments: {}  # none yet\n")
        try sandbox.file("CV_2026.pdf")
        let run = try CLITests.run(["init", "--update", sandbox.folder])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOfFile: sandbox.folder + "/checkdocs.yaml", encoding: .utf8)
        #expect(text.hasPrefix("schemaVersion: 1\ndocuments:  # none yet\n  \"CV_2026.pdf\":\n    type: cv"))
        let check = try sandbox.runChecked([sandbox.folder, "--as-of", "2026-12-01", "--format", "json"])
        #expect(check.status == 0 || check.status == 1, "\(check.stderr)")
        #expect(!check.stdout.contains("checkdocs.yaml.bak"))
    }

    @Test("--update drafts a commented entry for a new unrecognized PDF with the type its text suggests, once")
    func contentSuggestion() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.file("checkdocs.yaml", "schemaVersion: 1\ndocuments:\n  CV_2026.pdf: {type: cv}\n")
        try sandbox.file("CV_2026.pdf")
        try FileManager.default.copyItem(atPath: CLITests.root + "/samples/applicants/expired-and-ineligible/scan0001.pdf",
                                         toPath: sandbox.folder + "/scan 9.pdf")
        let run = try CLITests.run(["init", "--update", sandbox.folder])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOfFile: sandbox.folder + "/checkdocs.yaml", encoding: .utf8)
        #expect(text == "schemaVersion: 1\ndocuments:\n  CV_2026.pdf: {type: cv}\n"
            + "  # \"scan 9.pdf\":  # not recognized by its name; its text suggests the type below: check it, then uncomment\n"
            + "  #   type: medium_of_instruction  # Medium-of-instruction letter, its text says \"instruction in english\"\n")
        let again = try sandbox.runChecked(["init", "--update", sandbox.folder])
        #expect(again.status == 0 && again.stdout.contains("up to date"), "\(again.stderr)")
    }

    @Test("a new file saved under an entry's name: check warns file-changed and names the entry's facts; --update records the new sha256 in place, says so, and the warning goes")
    func replacedUnderItsName() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let path = try sandbox.file("TB_QuantiFERON_2026-11-02.pdf")
        #expect(try CLITests.run(["init", sandbox.folder]).status == 0)
        let drafted = try String(contentsOfFile: sandbox.folder + "/checkdocs.yaml", encoding: .utf8)
        let old = try Self.sha256(path)
        #expect(drafted.contains(old))
        let unchanged = try sandbox.runChecked([sandbox.folder, "--as-of", "2026-12-01"])
        #expect(!unchanged.stdout.contains("is not the file"), "\(unchanged.stdout)")

        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.copyItem(atPath: CLITests.root + "/samples/applicants/ready/Transcript_2026-11-10.pdf", toPath: path)
        let new = try Self.sha256(path)
        let warned = try sandbox.runChecked([sandbox.folder, "--as-of", "2026-12-01", "--format", "json"])
        #expect(warned.status == 0 || warned.status == 1, "\(warned.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(warned.stdout.utf8)) as? [String: Any])
        let notes = try #require(report["diagnostics"] as? [[String: Any]])
        let note = try #require(notes.first { $0["code"] as? String == "file-changed" }, "\(notes)")
        #expect(note["path"] as? String == "TB_QuantiFERON_2026-11-02.pdf")
        #expect((note["message"] as? String)?.contains("the facts the entry gives (date) may be an earlier file's") == true, "\(note)")
        #expect((note["message"] as? String)?.contains("\(old.prefix(12))... there, \(new.prefix(12))... now") == true, "\(note)")

        let update = try CLITests.run(["init", "--update", sandbox.folder])
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stdout.contains("recorded the new sha256 of 1 changed file"), "\(update.stdout)")
        #expect(update.stderr.contains("\"TB_QuantiFERON_2026-11-02.pdf\" is not the file its entry was written for"), "\(update.stderr)")
        // Only the digest changed: every other byte of the applicant's text is as it was.
        let updated = try String(contentsOfFile: sandbox.folder + "/checkdocs.yaml", encoding: .utf8)
        #expect(updated == drafted.replacingOccurrences(of: old, with: new))
        let after = try sandbox.runChecked([sandbox.folder, "--as-of", "2026-12-01"])
        #expect(!after.stdout.contains("is not the file"), "\(after.stdout)")
    }

    @Test("a manifest key typed in another Unicode form than the file's name (macOS's decomposed é) names that file for check and --update alike")
    func keyInAnotherUnicodeForm() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.file("Documento Me\u{301}dico.pdf")
        let text = "schemaVersion: 1\ndocuments:\n  \"Documento M\u{E9}dico.pdf\": {type: diploma}\n"
        try sandbox.file("checkdocs.yaml", text)
        let check = try sandbox.runChecked([sandbox.folder, "--as-of", "2026-12-01"])
        #expect(check.status == 0 || check.status == 1, "\(check.stderr)")
        #expect(check.stdout.contains("1 document recognized, 0 unrecognized"), "\(check.stdout)")
        let update = try CLITests.run(["init", "--update", sandbox.folder])
        #expect(update.status == 0 && update.stdout.contains("up to date") && update.stderr.isEmpty, "\(update.stdout)\(update.stderr)")
        #expect(try String(contentsOfFile: sandbox.folder + "/checkdocs.yaml", encoding: .utf8) == text)
    }

    @Test("two files whose names differ only in Unicode form: init drafts one and comments the other out, and check loads the draft")
    func twinNamesInTwoUnicodeForms() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.file("CV e\u{301}.pdf")
        try sandbox.file("CV \u{E9}.pdf")
        let draft = try CLITests.run(["init", sandbox.folder])
        #expect(draft.status == 0, "\(draft.stderr)")
        let text = try String(contentsOfFile: sandbox.folder + "/checkdocs.yaml", encoding: .utf8)
        #expect(text.contains("in another Unicode form: one manifest key cannot name both; rename one of the two files"), "\(text)")
        let check = try sandbox.runChecked([sandbox.folder, "--as-of", "2026-12-01"])
        #expect(check.status == 0 || check.status == 1, "\(check.stderr)")
    }

    @Test("--update merges what check reads: a manifest with a byte-order mark keeps it, and one closed by ... gets its entries before the end marker")
    func byteOrderMarkAndDocumentMarkers() throws {
        for (prefix, suffix) in [("\u{FEFF}", ""), ("---\n", "...\n")] {
            let sandbox = try Sandbox()
            defer { sandbox.remove() }
            try sandbox.file("CV_2026.pdf")
            try sandbox.file("BLS exp 2028-02-15.pdf", "bls card")
            try sandbox.file("checkdocs.yaml", prefix + "schemaVersion: 1\ndocuments:\n  \"CV_2026.pdf\":\n    type: cv\n" + suffix)
            let update = try CLITests.run(["init", "--update", sandbox.folder])
            #expect(update.status == 0 && update.stdout.contains("added 1 document"), "\(prefix): \(update.stdout)\(update.stderr)")
            // Read as bytes: Foundation's String(contentsOfFile:) drops a byte-order mark.
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: sandbox.folder + "/checkdocs.yaml")), as: UTF8.self)
            #expect(text.unicodeScalars.starts(with: (prefix + "schemaVersion: 1\n").unicodeScalars), "\(text)")
            #expect(text.hasSuffix("sha256: \"\(try Self.sha256(sandbox.folder + "/BLS exp 2028-02-15.pdf"))\"\n" + suffix), "\(text)")
            let check = try sandbox.runChecked([sandbox.folder, "--as-of", "2026-12-01"])
            #expect(check.status == 0 || check.status == 1, "\(check.stderr)")
        }
    }

    /// The file's SHA-256 as coreutils computes it, to check ours on real files.
    static func sha256(_ path: String) throws -> String {
        String(try CLITests.run([path], binary: "/usr/bin/sha256sum").stdout.prefix(64))
    }
}
