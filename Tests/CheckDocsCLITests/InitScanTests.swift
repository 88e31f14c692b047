import Foundation
import Testing

/// `checkdocs init` drafts facts read from scans (docs/manifest.md, "init"; docs/inspection.md,
/// "Facts read from scans"), on the newcomer sample, whose passport, BLS card and QuantiFERON
/// report are scans (scripts/make-newcomer-scans.py): an MRZ's verified expiry as a value, what
/// OCR read as commented lines, each with the page, the method and the line read; `--update`
/// drafts them for the files it adds; without Tesseract, one line says the scans were not read.
/// Every run has an OCR cache of its own in a temporary directory, never the user's.
@Suite(.serialized) struct InitScanTests {
    static let newcomer = "samples/applicants/newcomer"
    static let scans = ["BLS card.png", "Passport bio page.png", "QuantiFERON result.pdf"]
    static let passportExpiry = #"    expires: "2029-03-14"  # read from page 1's MRZ (check digits verified): "A093845210NGA9903126F2903149<<<<<<<<<<<<<<<4""#
    // OCR readings of an expiry and a result decide since the scan corpus measured them
    // (docs/inspection.md, "Which facts decide"): they are values, with their evidence.
    static let blsExpiry = #"    expires: "2028-02-29"  # read from page 1 by OCR: "Expiry date: 29 Feb 2028""#
    static let labResult = #"    result: "negative"  # read from page 1 by OCR: "Result: NEGATIVE""#

    /// A copy of the newcomer folder without `leaving`, and a fresh cache directory beside it.
    static func copy(leaving: [String] = []) throws -> (folder: String, cache: String) {
        let base = NSTemporaryDirectory() + "checkdocs-init-scan-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLITests.root + "/" + newcomer, toPath: base + "/newcomer")
        for name in leaving { try FileManager.default.removeItem(atPath: base + "/newcomer/" + name) }
        return (base + "/newcomer", base + "/cache")
    }

    static func remove(_ folder: String) { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }

    static func entry(_ name: String, in text: String) -> String {
        let lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: "  \"\(name)\":") else { return "" }
        return lines[start...].dropFirst().prefix { $0.hasPrefix("    ") }.joined(separator: "\n")
    }

    @Test("init drafts what it read from the newcomer's scans, each with its evidence: golden draft",
          .enabled(if: OCRWorkerTests.tesseractInstalled, "Tesseract is not installed; run scripts/setup"))
    func draftsScanFacts() throws {
        let (folder, cache) = try Self.copy()
        defer { Self.remove(folder) }
        let run = try CLITests.run(["init", folder, "--print"], environment: ["XDG_CACHE_HOME": cache])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        try CLITests.golden("newcomer.init.yaml", run.stdout)
        // The MRZ's verified expiry and OCR's measured classes decide: they are the values.
        let passport = Self.entry("Passport bio page.png", in: run.stdout)
        #expect(passport.contains(Self.passportExpiry), "\(passport)")
        #expect(passport.contains(#"    date: "2024-03-15"  # read from page 1 by OCR: "Date of issue 15 MAR 2024""#), "\(passport)")
        let bls = Self.entry("BLS card.png", in: run.stdout)
        #expect(bls.contains(Self.blsExpiry), "\(bls)")
        let lab = Self.entry("QuantiFERON result.pdf", in: run.stdout)
        #expect(lab.contains(Self.labResult), "\(lab)")
        #expect(lab.contains(#"    date: "2026-09-14"  # read from page 1 by OCR: "Specimen collected: 14 Sep 2026""#), "a collection date over the report's other dates: \(lab)")
        // The draft loads back, and init writes it (and only it) into the folder.
        let write = try CLITests.run(["init", folder], environment: ["XDG_CACHE_HOME": cache])
        #expect(write.status == 0, "\(write.stderr)")
        #expect(try String(contentsOfFile: folder + "/checkdocs.yaml", encoding: .utf8) == run.stdout)
        let check = try CLITests.run([folder, "--as-of", "2026-12-01", "--format", "json"], environment: ["XDG_CACHE_HOME": cache])
        #expect(check.status == 1, "\(check.stderr)")
        #expect(check.stderr.isEmpty, "\(check.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(names.count == 24 && names.contains("checkdocs.yaml"), "\(names.sorted())")
    }

    @Test("init --update drafts read facts only for the scans it adds; the entries already there keep their text",
          .enabled(if: OCRWorkerTests.tesseractInstalled, "Tesseract is not installed; run scripts/setup"))
    func updateAddsScanFacts() throws {
        let (folder, cache) = try Self.copy(leaving: ["Passport bio page.png", "BLS card.png"])
        defer { Self.remove(folder) }
        let environment = ["XDG_CACHE_HOME": cache]
        #expect(try CLITests.run(["init", folder], environment: environment).status == 0)
        let before = try String(contentsOfFile: folder + "/checkdocs.yaml", encoding: .utf8)
        #expect(before.contains(Self.labResult), "init drafts the lab scan's result")
        for name in ["Passport bio page.png", "BLS card.png"] {
            try FileManager.default.copyItem(atPath: CLITests.root + "/" + Self.newcomer + "/" + name, toPath: folder + "/" + name)
        }
        let run = try CLITests.run(["init", "--update", folder], environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("added 2 documents"), "\(run.stdout)")
        let after = try String(contentsOfFile: folder + "/checkdocs.yaml", encoding: .utf8)
        #expect(Self.entry("Passport bio page.png", in: after).contains(Self.passportExpiry), "\(after)")
        #expect(Self.entry("BLS card.png", in: after).contains(Self.blsExpiry), "\(after)")
        // Every line that was there is there, in order, and the lab scan's entry got nothing new.
        let added = Set(after.components(separatedBy: "\n")).subtracting(before.components(separatedBy: "\n"))
        #expect(after.components(separatedBy: "\n").filter { !added.contains($0) } == before.components(separatedBy: "\n"))
        #expect(Self.entry("QuantiFERON result.pdf", in: after) == Self.entry("QuantiFERON result.pdf", in: before))
        #expect(after.components(separatedBy: Self.labResult).count == 2, "the lab result is drafted once")
        // Nothing new: nothing read again into the manifest, nothing written.
        let again = try CLITests.run(["init", "--update", folder], environment: environment)
        #expect(again.stdout.contains("is up to date"), "\(again.stdout)")
        #expect(try String(contentsOfFile: folder + "/checkdocs.yaml", encoding: .utf8) == after)
    }

    @Test("without Tesseract's model init still drafts, and says once that the scans were not read; --update with it adds what they give",
          .enabled(if: OCRWorkerTests.tesseractInstalled, "Tesseract is not installed; run scripts/setup"))
    func withoutTesseract() throws {
        let (folder, cache) = try Self.copy()
        defer { Self.remove(folder) }
        let empty = (folder as NSString).deletingLastPathComponent + "/tessdata"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let environment = ["XDG_CACHE_HOME": cache, "TESSDATA_PREFIX": empty]
        let run = try CLITests.run(["init", folder], environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stderr.split(separator: "\n")
        #expect(lines == ["checkdocs: warning: scans are not read (OCR is unavailable: Tesseract has no English model (tesseract-ocr-eng)); their dates and results are not drafted; give them by hand"],
                "three scans, one line: \(run.stderr)")
        #expect(run.stdout.hasPrefix("wrote \(folder)/checkdocs.yaml: 22 documents; 1 unrecognized commented out"), "\(run.stdout)")
        let text = try String(contentsOfFile: folder + "/checkdocs.yaml", encoding: .utf8)
        #expect(!text.contains("by OCR") && !text.contains("MRZ"), "nothing drafted from a scan")
        // The text layers are read as before.
        #expect(text.contains(#"    expires: "2031-02-08"  # read from page 1 of its text"#))
        #expect(Self.entry("Passport bio page.png", in: text).hasPrefix("    type: passport"))
        // --update tries the scans again: still unavailable, said once, nothing written.
        let update = try CLITests.run(["init", "--update", folder], environment: environment)
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stderr.split(separator: "\n") == lines, "\(update.stderr)")
        #expect(update.stdout.contains("is up to date"), "\(update.stdout)")
        // With Tesseract, --update drafts what the scans give into the entries already there,
        // and changes nothing else; a second one has nothing to add.
        let read = try CLITests.run(["init", "--update", folder], environment: ["XDG_CACHE_HOME": cache])
        #expect(read.status == 0 && read.stderr.isEmpty, "\(read.stderr)")
        #expect(read.stdout.contains("drafted facts read from their files into 3 entries already there"), "\(read.stdout)")
        let completed = try String(contentsOfFile: folder + "/checkdocs.yaml", encoding: .utf8)
        #expect(Self.entry("Passport bio page.png", in: completed).contains(Self.passportExpiry), "\(completed)")
        #expect(Self.entry("BLS card.png", in: completed).contains(Self.blsExpiry), "\(completed)")
        #expect(Self.entry("QuantiFERON result.pdf", in: completed).contains(Self.labResult), "\(completed)")
        let added = Set(completed.components(separatedBy: "\n")).subtracting(text.components(separatedBy: "\n"))
        #expect(completed.components(separatedBy: "\n").filter { !added.contains($0) } == text.components(separatedBy: "\n"))
        #expect(added.allSatisfy { $0.contains("by OCR") || $0.contains("MRZ") }, "\(added)")
        let again = try CLITests.run(["init", "--update", folder], environment: ["XDG_CACHE_HOME": cache])
        #expect(again.stdout.contains("is up to date"), "\(again.stdout)")
    }

    @Test("init --update adds to an entry already there only the facts it leaves empty; an entry in flow style is left as it is",
          .enabled(if: OCRWorkerTests.tesseractInstalled, "Tesseract is not installed; run scripts/setup"))
    func updateOnlyMissing() throws {
        let base = NSTemporaryDirectory() + "checkdocs-init-scan-" + UUID().uuidString
        let folder = base + "/applicant"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: base) }
        for name in Self.scans {
            try FileManager.default.copyItem(atPath: CLITests.root + "/" + Self.newcomer + "/" + name, toPath: folder + "/" + name)
        }
        let manifest = """
            schemaVersion: 1
            documents:
              "BLS card.png":
                type: bls
                expires: "2028-01-31"   # as I read my card
              "Passport bio page.png": {type: passport}
              "QuantiFERON result.pdf":   # the lab's scan
                    # a comment deeper than the keys: the keys' indentation is the one to follow
                type: tb_igra
                result: negative

            """
        try manifest.write(toFile: folder + "/checkdocs.yaml", atomically: true, encoding: .utf8)
        let run = try CLITests.run(["init", "--update", folder], environment: ["XDG_CACHE_HOME": base + "/cache"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("drafted facts read from their files into 1 entry already there"), "\(run.stdout)")
        let expected = manifest.replacingOccurrences(of: "    result: negative\n", with: """
                result: negative
                date: "2026-09-14"  # read from page 1 by OCR: "Specimen collected: 14 Sep 2026"

            """)
        #expect(try String(contentsOfFile: folder + "/checkdocs.yaml", encoding: .utf8) == expected)
    }
}
