import Foundation
import Testing

/// `checkdocs <folder> <folder> ...`: ten sample applicants in one run, the summary table, CSV and
/// NDJSON read back, per-folder reports equal to one-folder runs, input errors named per folder.
@Suite struct BatchTests {
    static let variants = ["ready", "missing-items", "expired-and-ineligible"]
    static let names = (1...10).map { String(format: "applicant-%02d", $0) }

    /// Ten copies of the sample applicants (ready, missing-items, expired-and-ineligible, ready, ...).
    struct Folders {
        let path: String

        init() throws {
            path = NSTemporaryDirectory() + "checkdocs-batch-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            for (index, name) in BatchTests.names.enumerated() {
                try FileManager.default.copyItem(atPath: CLITests.root + "/samples/applicants/" + BatchTests.variants[index % 3],
                                                 toPath: path + "/" + name)
            }
        }

        func run(_ arguments: [String]) throws -> CLITests.Run { try CLITests.run(arguments, directory: path) }
        func remove() { try? FileManager.default.removeItem(atPath: path) }
    }

    /// RFC 4180 records, quotes and doubled quotes understood.
    static func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = "", quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                record.append(field); field = ""
            } else if character == "\r\n" || character == "\n" {
                record.append(field); records.append(record); record = []; field = ""
            } else {
                field.append(character)
            }
        }
        return records
    }

    static func status(of folder: String, in directory: String) throws -> [String: Int] {
        let run = try CLITests.run(["check", folder, "--as-of", "2026-12-01", "--format", "json"], directory: directory)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        return try #require(json["summary"] as? [String: Int])
    }

    @Test("ten folders in one command: a golden summary table, exit 1, nothing on stderr")
    func table() throws {
        let folders = try Folders()
        defer { folders.remove() }
        let run = try folders.run(Self.names + ["--as-of", "2026-12-01"])
        #expect(run.status == 1)
        #expect(run.stderr.isEmpty)  // no progress: stderr is not a terminal
        try CLITests.golden("batch.txt", run.stdout)
        let shared = try folders.run(Self.names + ["--as-of", "2026-12-01", "--programs", CLITests.root + "/samples/programs"])
        #expect(shared.status == 1)
        try CLITests.golden("batch-shared-catalog.txt", shared.stdout)
    }

    @Test("--summary csv and ndjson: one line per folder, counts equal to each folder's own report")
    func machineSummaries() throws {
        let folders = try Folders()
        defer { folders.remove() }
        let run = try folders.run(Self.names + ["--as-of", "2026-12-01", "--summary", "csv", "--summary", "ndjson=" + folders.path + "/s.ndjson"])
        #expect(run.status == 1)
        let records = Self.parseCSV(run.stdout)
        #expect(records.first == ["folder", "result", "programs", "ready", "not-ready", "ineligible", "closed", "waived",
                                  "expired-waivers", "unused-waivers", "errors"])
        #expect(records.count == 11)
        let ndjson = try String(contentsOfFile: folders.path + "/s.ndjson", encoding: .utf8)
        let lines = ndjson.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(lines.count == 10)
        for (index, name) in Self.names.enumerated() {
            let own = try Self.status(of: name, in: folders.path)
            let row = records[index + 1]
            #expect(row[0] == name)
            #expect(row[1] == (own["ready"] == own.values.reduce(0, +) ? "ready" : "blocked"))
            #expect(Int(row[3]) == own["ready"] && Int(row[4]) == own["not-ready"] && Int(row[5]) == own["ineligible"] && Int(row[6]) == own["closed"])
            let line = try #require(lines[index])
            #expect(line["folder"] as? String == name)
            #expect(line["result"] as? String == row[1])
            for key in ["ready", "not-ready", "ineligible", "closed"] { #expect(line[key] as? Int == own[key]) }
            #expect((line["errors"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("result says who is ready whatever --fail-on gates: not-ready under --fail-on never, blocked by a warning under --fail-on warning; none checked is not ready")
    func resultBesideFailOn() throws {
        let folders = try Folders()
        defer { folders.remove() }
        let never = try folders.run(Array(Self.names.prefix(3)) + ["--as-of", "2026-12-01", "--fail-on", "never", "--summary", "csv"])
        #expect(never.status == 0, "\(never.stderr)")
        #expect(Self.parseCSV(never.stdout).dropFirst().map { $0[1] } == ["ready", "not-ready", "not-ready"])
        let table = try folders.run(Array(Self.names.prefix(3)) + ["--as-of", "2026-12-01", "--fail-on", "never"])
        #expect(table.stdout.hasSuffix("3 folders: 1 ready, 2 not-ready\n"), "\(table.stdout)")
        // A kind none of the folders' programs has: nothing checked, nothing ready.
        let none = try folders.run([Self.names[0], "--as-of", "2026-12-01", "--kind", "research", "--summary", "csv"])
        #expect(none.status == 0, "\(none.stderr)")
        #expect(Self.parseCSV(none.stdout).dropFirst().map { $0[1] } == ["not-ready"], "\(none.stdout)")
    }

    @Test("--format json=DIR/ writes one report per folder, byte for byte the one-folder report")
    func perFolderReports() throws {
        let folders = try Folders()
        defer { folders.remove() }
        let reports = folders.path + "/reports"
        try FileManager.default.createDirectory(atPath: reports, withIntermediateDirectories: true)
        let run = try folders.run(Self.names + ["--as-of", "2026-12-01", "--format", "json=reports/", "--format", "text=reports"])
        #expect(run.status == 1)
        let written = try FileManager.default.contentsOfDirectory(atPath: reports).sorted()
        #expect(written == Self.names.flatMap { [$0 + ".json", $0 + ".txt"] }.sorted())
        for name in [Self.names[0], Self.names[4], Self.names[8]] {
            let alone = try folders.run([name, "--as-of", "2026-12-01", "--format", "json"])
            #expect(try String(contentsOfFile: reports + "/" + name + ".json", encoding: .utf8) == alone.stdout)
            let text = try folders.run([name, "--as-of", "2026-12-01"])
            #expect(try String(contentsOfFile: reports + "/" + name + ".txt", encoding: .utf8) == text.stdout)
        }
        // With a shared --programs catalog, too, each text report names it as a one-folder run does.
        let shared = folders.path + "/common"
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
        let catalog = ["--programs", CLITests.root + "/samples/programs", "--kind", "observership"]
        _ = try folders.run(Array(Self.names.prefix(2)) + catalog + ["--as-of", "2026-12-01", "--format", "text=common/"])
        for name in Self.names.prefix(2) {
            let alone = try folders.run([name] + catalog + ["--as-of", "2026-12-01"])
            let batched = try String(contentsOfFile: shared + "/" + name + ".txt", encoding: .utf8)
            #expect(batched == alone.stdout, "\(name)")
            #expect(batched.contains("programs: from --programs " + CLITests.root + "/samples/programs"), "\(batched)")
        }
        // A report directory inside one of the applicant folders is refused for every folder.
        let inside = try folders.run(Self.names + ["--as-of", "2026-12-01", "--format", "json=applicant-01/"])
        #expect(inside.status == 2)
        #expect(inside.stderr == "checkdocs: applicant-01/: error: refusing to write reports inside one of the applicant folders; choose a path outside them\n")
        #expect(inside.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folders.path + "/applicant-01/applicant-02.json"))
    }

    @Test("folders whose own programs share an id but not their rules: each batch report is still its one-folder report")
    func sameIDOtherRules() throws {
        let folders = try Folders()
        defer { folders.remove() }
        // applicant-01 and applicant-04 are both the ready sample; 04's Icahn program now asks for a
        // negative hepatitis B result, so the same requirement of the same program id reads otherwise.
        let changed = folders.path + "/applicant-04/programs/icahn-international-elective.xml"
        let original = try String(contentsOfFile: changed, encoding: .utf8)
        let edited = original.replacingOccurrences(of: "<document type=\"hepb\" result=\"positive\"/>",
                                                   with: "<document type=\"hepb\" result=\"negative\"/>")
        #expect(edited != original)
        try edited.write(toFile: changed, atomically: true, encoding: .utf8)
        let reports = folders.path + "/reports"
        try FileManager.default.createDirectory(atPath: reports, withIntermediateDirectories: true)
        let run = try folders.run(["applicant-01", "applicant-04", "applicant-07", "--as-of", "2026-12-01", "--format", "json=reports/"])
        #expect(run.status == 1)
        for name in ["applicant-01", "applicant-04", "applicant-07"] {
            let alone = try folders.run([name, "--as-of", "2026-12-01", "--format", "json"])
            #expect(try String(contentsOfFile: reports + "/" + name + ".json", encoding: .utf8) == alone.stdout, "\(name)")
        }
        let four = try String(contentsOfFile: reports + "/applicant-04.json", encoding: .utf8)
        let one = try String(contentsOfFile: reports + "/applicant-01.json", encoding: .utf8)
        #expect(four != one)
    }

    @Test("a folder with no programs/ is checked in a batch as alone: applyingFor: chooses its standard checklists, --program finds the built-in catalog")
    func standardChecklistsInABatch() throws {
        let folders = try Folders()
        defer { folders.remove() }
        for name in ["applicant-01", "applicant-04"] {
            try FileManager.default.removeItem(atPath: folders.path + "/" + name + "/programs")
        }
        let manifest = folders.path + "/applicant-01/checkdocs.yaml"
        let text = try String(contentsOfFile: manifest, encoding: .utf8)
        try text.replacingOccurrences(of: "\napplicant:\n", with: "\napplicant:\n  applyingFor: [visiting-elective]\n")
            .write(toFile: manifest, atomically: true, encoding: .utf8)
        let reports = folders.path + "/reports"
        try FileManager.default.createDirectory(atPath: reports, withIntermediateDirectories: true)
        let batch = try folders.run(["applicant-01", "applicant-04", "--as-of", "2026-12-01", "--format", "json=reports/", "--summary", "csv"])
        for name in ["applicant-01", "applicant-04"] {
            let alone = try folders.run([name, "--as-of", "2026-12-01", "--format", "json"])
            #expect(try String(contentsOfFile: reports + "/" + name + ".json", encoding: .utf8) == alone.stdout, "\(name)")
        }
        let rows = BatchTests.parseCSV(batch.stdout)
        #expect(rows.first { $0.first == "applicant-01" }?[2] == "1", "\(batch.stdout)")
        let named = try folders.run(["applicant-01", "applicant-04", "--as-of", "2026-12-01", "--program", "icahn-international-visiting-students",
                                     "--summary", "csv"])
        #expect(named.status == 0 && named.stderr.isEmpty, "\(named.stderr)")
        #expect(BatchTests.parseCSV(named.stdout).dropFirst().allSatisfy { $0[2] == "1" }, "\(named.stdout)")
        let excluded = try folders.run(["applicant-04", "--as-of", "2026-12-01", "--program", "icahn-international-visiting-students",
                                        "--kind", "observership"])
        #expect(excluded.status == 2 && excluded.stderr.contains("is a visiting-elective program, which --kind observership leaves out"))
    }

    @Test("input errors: exit 2, the folder named on stderr and in the summary; the other folders still checked")
    func inputErrors() throws {
        let folders = try Folders()
        defer { folders.remove() }
        try "applicant: {status: nobody}\n".write(toFile: folders.path + "/applicant-03/checkdocs.yaml", atomically: true, encoding: .utf8)
        let run = try folders.run(["applicant-01", "applicant-03", "no-such-folder", "applicant-02", "--as-of", "2026-12-01", "--summary", "csv"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("applicant-03/checkdocs.yaml: /applicant/status: error:"))
        #expect(run.stderr.contains("no-such-folder: error:"))
        let records = Self.parseCSV(run.stdout)
        #expect(records.map { $0[0] } == ["folder", "applicant-01", "applicant-03", "no-such-folder", "applicant-02"])
        #expect(records.map { $0[1] } == ["result", "ready", "error", "error", "blocked"])
        #expect(records[2][2] == "" && records[2].last == "1")
        // A waiver changes findings, never an input error.
        try "schemaVersion: 1\nwaivers: []\n".write(toFile: folders.path + "/w.yaml", atomically: true, encoding: .utf8)
        #expect(try folders.run(["applicant-03", "applicant-01", "--as-of", "2026-12-01", "--waivers", "w.yaml"]).status == 2)
    }

    @Test("a --program that the shared catalog lacks, or that --kind leaves out, is said once, before any folder: exit 2, no summary")
    func programOptionMistakesOnce() throws {
        let folders = try Folders()
        defer { folders.remove() }
        let catalog = ["--programs", CLITests.root + "/samples/programs", "--as-of", "2026-12-01", "--summary", "csv"]
        let typo = try folders.run(Array(Self.names.prefix(3)) + catalog + ["--program", "cleveland-clinic-observr"])
        #expect(typo.status == 2 && typo.stdout.isEmpty, "\(typo.stdout)")
        #expect(typo.stderr == "checkdocs: --program: error: no program with id \"cleveland-clinic-observr\" (did you mean \"cleveland-clinic-observer\"?)\n")
        let kind = try folders.run(Array(Self.names.prefix(3)) + catalog + ["--program", "cleveland-clinic-observer", "--kind", "residency"])
        #expect(kind.status == 2 && kind.stdout.isEmpty)
        #expect(kind.stderr == "checkdocs: --program: error: \"cleveland-clinic-observer\" is an observership program, which --kind residency leaves out\n")
    }

    @Test("bad batch command lines exit 64; one folder with --summary gives one line")
    func commandLines() throws {
        let folders = try Folders()
        defer { folders.remove() }
        #expect(try folders.run(["applicant-01", "applicant-02", "--format", "json"]).status == 64)
        #expect(try folders.run(["applicant-01", "applicant-02", "-o", "out.txt"]).status == 64)
        #expect(try folders.run(["applicant-01", "applicant-02", "--format", "json=nonexistent-file.json"]).status == 64)
        #expect(try folders.run(["applicant-01", "applicant-02", "--summary", "csv", "--summary", "ndjson"]).status == 64)
        #expect(try folders.run(["applicant-01", "applicant-02", "--summary", "xml"]).status == 64)
        #expect(try CLITests.run([]).status == 64)
        let one = try folders.run(["applicant-02", "--as-of", "2026-12-01", "--summary", "ndjson"])
        #expect(one.status == 1)
        #expect(one.stdout.split(separator: "\n").count == 1)
    }

    @Test("per-folder reports are named by the folder's own name, . and .. resolved")
    func reportNamesResolved() throws {
        let folders = try Folders()
        defer { folders.remove() }
        try FileManager.default.createDirectory(atPath: folders.path + "/reports", withIntermediateDirectories: true)
        _ = try folders.run(["applicant-01/.", "applicant-03/../applicant-02", "--as-of", "2026-12-01", "--format", "json=reports/"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folders.path + "/reports").sorted() == ["applicant-01.json", "applicant-02.json"])
    }

    @Test("two folders of the same name: the second's report is suffixed with a number no other folder is named")
    func reportNamesNeverAnotherFolders() throws {
        let folders = try Folders()
        defer { folders.remove() }
        try FileManager.default.createDirectory(atPath: folders.path + "/x", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: folders.path + "/applicant-03", toPath: folders.path + "/x/applicant-01")
        try FileManager.default.moveItem(atPath: folders.path + "/applicant-02", toPath: folders.path + "/applicant-01-2")
        try FileManager.default.createDirectory(atPath: folders.path + "/reports", withIntermediateDirectories: true)
        _ = try folders.run(["x/applicant-01", "applicant-01", "applicant-01-2", "--as-of", "2026-12-01", "--format", "json=reports/"])
        var owners: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folders.path + "/reports") {
            let data = try Data(contentsOf: URL(fileURLWithPath: folders.path + "/reports/" + name))
            owners[name] = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["folder"] as? String
        }
        #expect(owners == ["applicant-01.json": "x/applicant-01", "applicant-01-3.json": "applicant-01", "applicant-01-2.json": "applicant-01-2"])
    }

    @Test("the summary table shows folder names escaped: a control character in one cannot move the advisor's terminal")
    func escapedFolderNames() throws {
        let folders = try Folders()
        defer { folders.remove() }
        for (from, to) in [("applicant-01", "\u{1B}[31mred"), ("applicant-02", "new\nline")] {
            try FileManager.default.moveItem(atPath: folders.path + "/" + from, toPath: folders.path + "/" + to)
        }
        let run = try folders.run(["\u{1B}[31mred", "new\nline", "--as-of", "2026-12-01"])
        #expect(!run.stdout.contains("\u{1B}"))
        #expect(run.stdout.contains("\\x1B[31mred ") && run.stdout.contains("new\\nline "), "\(run.stdout)")
    }

    @Test("--waivers in a batch: counted per folder in the table and the CSV; a waived folder can become ready")
    func waivers() throws {
        let folders = try Folders()
        defer { folders.remove() }
        try """
        schemaVersion: 1
        waivers:
          - {requirement: lor, program: msslw-im-residency, reason: "third letter after the interview", expires: "2027-01-31"}
          - {requirement: mspe, program: msslw-im-residency, reason: "MSPE uploaded by ECFMG later", expires: "2027-01-31"}
          - {requirement: health-insurance, program: "*", reason: "bought on arrival", expires: "2027-01-31"}
          - {requirement: tb, program: "*", reason: "done on site", expires: "2027-01-31"}
          - {requirement: cv, program: "*", reason: "stale", expires: "2026-01-31"}
        """.write(toFile: folders.path + "/w.yaml", atomically: true, encoding: .utf8)
        let alone = try folders.run(["applicant-02", "--as-of", "2026-12-01", "--waivers", "w.yaml"])
        #expect(alone.status == 0)
        #expect(alone.stdout.contains("Waivers: 4 applied, 1 expired (not applied)"))
        let run = try folders.run(["applicant-01", "applicant-02", "--as-of", "2026-12-01", "--waivers", "w.yaml", "--summary", "csv"])
        #expect(run.status == 0)
        let records = Self.parseCSV(run.stdout)
        #expect(records[2] == ["applicant-02", "ready", "2", "2", "0", "0", "0", "4", "1", "0", "0"])
        #expect(records[1] == ["applicant-01", "ready", "2", "2", "0", "0", "0", "0", "1", "4", "0"])
        // Given twice, the files add up: the first is not dropped for the second.
        let lines = try String(contentsOfFile: folders.path + "/w.yaml", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        try (lines.prefix(4) + [""]).joined(separator: "\n").write(toFile: folders.path + "/w1.yaml", atomically: true, encoding: .utf8)
        try (lines.prefix(2) + lines.dropFirst(4)).joined(separator: "\n").write(toFile: folders.path + "/w2.yaml", atomically: true, encoding: .utf8)
        let both = try folders.run(["applicant-02", "--as-of", "2026-12-01", "--waivers", "w1.yaml", "--waivers", "w2.yaml"])
        #expect(both.status == 0 && both.stdout.contains("Waivers: 4 applied, 1 expired (not applied)"), "\(both.stdout)")
    }
}
