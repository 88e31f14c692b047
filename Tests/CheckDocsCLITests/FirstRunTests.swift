import Foundation
import Testing

/// The first five minutes: a folder with no programs/ and no manifest gets a short report that
/// says which checklists were used and why, how to make a manifest, and every blocking item.
@Suite struct FirstRunTests {
    static let asOf = ["--as-of", "2026-12-01"]
    static let newcomer = "samples/applicants/newcomer"

    /// A copy of the newcomer folder, with a manifest when given.
    static func copy(manifest: String? = nil) throws -> String {
        let folder = NSTemporaryDirectory() + "checkdocs-first-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: CLITests.root + "/" + newcomer, toPath: folder)
        if let manifest { try manifest.write(toFile: folder + "/checkdocs.yaml", atomically: true, encoding: .utf8) }
        return folder
    }

    // Its passport, BLS card and lab report are scans, read by OCR: the golden is Tesseract's reading.
    @Test("the newcomer's first run: golden text in at most 80 lines, every blocking item named",
          .enabled(if: OCRWorkerTests.tesseractInstalled, "Tesseract is not installed; run scripts/setup"))
    func firstRun() throws {
        let run = try CLITests.run([Self.newcomer] + Self.asOf)
        #expect(run.status == 1, "\(run.stderr)")
        try CLITests.golden("newcomer.txt", run.stdout)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count <= 80, "the first run is \(lines.count) lines")
        // Every requirement that blocks a program, per the JSON report, is named in the text.
        let json = try CLITests.run([Self.newcomer] + Self.asOf + ["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let programs = try #require(object["programs"] as? [[String: Any]])
        #expect(programs.count == 5)
        for program in programs {
            let id = try #require(program["id"] as? String)
            let block = try #require(run.stdout.components(separatedBy: "\n\n").first { $0.contains("  \(id) — ") })
            for requirement in program["requirements"] as? [[String: Any]] ?? [] {
                let failing = !["ok", "pending", "waived", "not-applicable"].contains(requirement["status"] as? String ?? "")
                guard failing, requirement["severity"] as? String == "error", let rid = requirement["id"] as? String else { continue }
                #expect(block.contains(rid), "\(id): \(rid) blocks but is not named")
            }
        }
        // The first lines say why the standard checklists were used, and how to make a manifest.
        #expect(lines[1].hasPrefix("no programs/ folder: checked against the standard checklists for every kind"))
        #expect(run.stdout.contains("`checkdocs init \(Self.newcomer)`"))
        #expect(run.stdout.contains("--all-kinds"))
        #expect(run.stdout.contains(" facts would settle "))
        #expect(run.stdout.components(separatedBy: "manifest").count - 1 <= 3)
    }

    @Test("with no programs/, --program finds a program of the built-in catalog too, as `list programs` shows it, and suggests from it")
    func catalogProgramByID() throws {
        let run = try CLITests.run([Self.newcomer, "--program", "bcm-visiting-elective", "--program", "observership"] + Self.asOf + ["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let programs = try #require(object["programs"] as? [[String: Any]])
        #expect(programs.compactMap { $0["id"] as? String } == ["observership", "bcm-visiting-elective"], "\(run.stderr)")
        let text = try CLITests.run([Self.newcomer, "--program", "bcm-visiting-elective"] + Self.asOf)
        #expect(text.stdout.contains("no programs/ folder: only bcm-visiting-elective (--program), from the standard"))
        let misspelt = try CLITests.run([Self.newcomer, "--program", "bcm-visiting-electiv"] + Self.asOf)
        #expect(misspelt.status == 2 && misspelt.stderr.contains("(did you mean \"bcm-visiting-elective\"?)"), "\(misspelt.stderr)")
    }

    @Test("facts to add: a file whose name gives only a year is asked for its date as well as its result, in one round")
    func factsWithPartialDate() throws {
        let folder = NSTemporaryDirectory() + "checkdocs-first-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Any valid PDF: with --facts manifest its content is not read for facts.
        try FileManager.default.copyItem(atPath: CLITests.root + "/samples/applicants/ready/CV_2026.pdf", toPath: folder + "/TB test Quantiferon 2026.pdf")
        let run = try CLITests.run([folder, "--kind", "observership", "--facts", "manifest"] + Self.asOf)
        let unwrapped = run.stdout.replacingOccurrences(of: "\n    ", with: " ")
        #expect(unwrapped.contains("TB test Quantiferon 2026.pdf: date, result (the name gives only the year 2026, not a day)"), "\(run.stdout)")
    }

    @Test("--all-kinds gives every requirement of every standard checklist")
    func allKinds() throws {
        let run = try CLITests.run([Self.newcomer, "--all-kinds"] + Self.asOf)
        #expect(run.status == 1)
        #expect(run.stdout.contains("✘ Medical diploma [diploma]: not-evaluable"))
        #expect(!run.stdout.contains("Overview: one block per kind"))
        #expect(run.stdout.split(separator: "\n").count > 150)
    }

    @Test("applyingFor: in the manifest chooses the standard checklists, and says so; --kind wins over it")
    func applyingFor() throws {
        let folder = try Self.copy(manifest: "schemaVersion: 1\n# mine\napplicant:\n  applyingFor: [observership, residency]\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try CLITests.run([folder] + Self.asOf + ["--format", "json"])
        #expect(run.status == 1, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((object["programs"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["observership", "residency"])
        let text = try CLITests.run([folder] + Self.asOf)
        // Lines joined back where the report wrapped them.
        let unwrapped = text.stdout.replacingOccurrences(of: "\n  ", with: " ")
        #expect(unwrapped.contains("no programs/ folder: checked against the standard checklists for observership and residency (from `applyingFor:` in checkdocs.yaml; use --kind or add program files)"))
        #expect(!text.stdout.contains("checkdocs init"), "a manifest exists")
        #expect(!text.stdout.contains("Overview:"), "chosen kinds get the full report")
        let kind = try CLITests.run([folder, "--kind", "externship"] + Self.asOf)
        #expect(kind.stdout.replacingOccurrences(of: "\n  ", with: " ").contains("standard checklists for externship (from --kind)"))
        #expect(kind.stdout.contains("0 of 1 program ready"))
        // research has no standard checklist: the header says nothing was checked for it,
        // never that the folder was checked against a checklist that does not exist.
        let research = try CLITests.run([folder, "--kind", "research"] + Self.asOf)
        let researchText = research.stdout.replacingOccurrences(of: "\n  ", with: " ")
        #expect(researchText.contains("no programs/ folder, and no standard checklist for research (from --kind): no program was checked"), "\(research.stdout)")
        #expect(!researchText.contains("checked against the standard checklists"))
        let mixed = try CLITests.run([folder, "--kind", "externship", "--kind", "research"] + Self.asOf)
        let mixedText = mixed.stdout.replacingOccurrences(of: "\n  ", with: " ")
        #expect(mixedText.contains("standard checklists for externship (from --kind)"), "\(mixed.stdout)")
        #expect(mixedText.contains("no standard checklist for research: not checked"), "\(mixed.stdout)")
    }

    @Test("applyingFor: with a kind that is not one is an input error at its JSON Pointer")
    func applyingForInvalid() throws {
        let folder = try Self.copy(manifest: "schemaVersion: 1\napplicant:\n  applyingFor: [surgery]\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try CLITests.run([folder] + Self.asOf)
        #expect(run.status == 2)
        #expect(run.stderr.contains("/applicant/applyingFor/0"))
    }

    @Test("a folder with programs/ says so in its first lines; --quiet does not")
    func ownPrograms() throws {
        let run = try CLITests.run(["samples/applicants/ready"] + Self.asOf)
        #expect(run.stdout.split(separator: "\n")[1] == "programs: the descriptions in programs/")
        let quiet = try CLITests.run(["samples/applicants/ready", "-q"] + Self.asOf)
        #expect(!quiet.stdout.contains("programs: the descriptions"))
    }

    @Test("-q with every program ready but a warning under --fail-on warning: exit 1, and one line says why")
    func quietSaysWhyItFails() throws {
        let arguments = ["samples/applicants/ready", "--programs", "catalog/jhu-visiting-medical-students.xml", "-q"] + Self.asOf
        let plain = try CLITests.run(arguments)
        #expect(plain.status == 0 && !plain.stdout.contains("exit 1"), "\(plain.stdout)")
        let strict = try CLITests.run(arguments + ["--fail-on", "warning"])
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("✔ READY"))
        #expect(strict.stdout.contains("exit 1: a finding at or above --fail-on warning in a ready program; run without\n  -q to see it"),
                "\(strict.stdout)")
    }

    @Test("explain finds a document type by a file-name alias")
    func explainAlias() throws {
        let flu = try CLITests.run(["explain", "flu"])
        #expect(flu.status == 0)
        #expect(flu.stdout.hasPrefix("influenza — "))
        let igra = try CLITests.run(["explain", "quantiferon"])
        #expect(igra.status == 0)
        #expect(igra.stdout.hasPrefix("tb_igra — "))
        #expect(try CLITests.run(["explain", "no-such-thing"]).status == 2)
    }

    @Test("YAMS_DEFAULT_ENCODING in the environment changes nothing: Yams printed a line into the report and read the manifest as UTF-16")
    func yamsEncodingVariable() throws {
        let arguments = ["samples/applicants/ready", "--format", "json"] + Self.asOf
        let plain = try CLITests.run(arguments)
        for value in ["UTF16", "utf8"] {
            let run = try CLITests.run(arguments, environment: ["YAMS_DEFAULT_ENCODING": value])
            #expect(run.status == plain.status && run.stdout == plain.stdout && run.stderr == plain.stderr, "\(value): \(run.stdout.suffix(200))")
        }
    }

    @Test("a bad command line ends at once with exit 64, while the built-in data is still being made (KnowledgePrefetch)")
    func badCommandLineDuringPrefetch() throws {
        for arguments in [["samples/applicants/ready", "--no-such-flag"], ["plan"], ["check", "a", "--format", "yaml"]] {
            let run = try CLITests.run(arguments)
            #expect(run.status == 64, "\(arguments): \(run.stderr)")
            // One line in checkdocs' form (CommandLineTests.badCommandLineOneLine has the exact lines).
            #expect(run.stderr.hasPrefix("checkdocs: error: ") && run.stderr.filter { $0 == "\n" }.count == 1, "\(run.stderr)")
            #expect(!run.stderr.contains("Fatal") && !run.stderr.contains("crashed"), "\(run.stderr)")
        }
    }
}
