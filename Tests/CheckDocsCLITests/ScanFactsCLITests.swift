import Foundation
import Testing
@testable import CheckDocsCore
@testable import CheckDocsNative

/// Facts read from scans through the built binary (docs/inspection.md, "Facts read from scans"):
/// a specimen passport's PNG (scripts/mrz-specimens.py, seed 13, specimen 6: its MRZ in Courier,
/// which the English model reads with every check digit right) in a folder whose passport rule
/// needs `expires`; OCR unavailable; the OCR cache (docs/security.md, "The OCR cache").
@Suite(.serialized) struct ScanFactsCLITests {
    static let asOf = ["--as-of", "2026-11-29"]
    static let expiry = "2029-05-26"
    static let program = """
        <?xml version="1.0" encoding="UTF-8"?>
        <program xmlns="urn:checkdocs:program:1" schemaVersion="1" id="scan" kind="observership">
          <name>Scan</name>
          <institution>Example Hospital</institution>
          <source href="https://example.org/scan" asOf="2026-10-01"/>
          <rotation start="2027-04-05" end="2027-04-30"/>
          <requirements>
            <require id="passport" title="Passport"><document type="passport"><validThrough anchor="rotation-end" margin="6" unit="months"/></document></require>
          </requirements>
        </program>
        """

    /// The specimens, written once for the suite.
    static let specimens: URL? = try? OCRWorkerTests.specimens(count: 9, font: "Courier").0

    /// A sandbox whose folder holds `Passport.png` (specimen 6), its program in `inputs`, and a
    /// cache directory of its own (in `outside`'s sibling `reports`, never the applicant folder).
    static func box() throws -> (Sandbox, program: String, cache: String) {
        let box = try Sandbox()
        let specimens = try #require(Self.specimens)
        try FileManager.default.copyItem(at: specimens.appendingPathComponent("specimen-6.png"),
                                         to: URL(fileURLWithPath: box.folder + "/Passport.png"))
        let program = box.inputs + "/scan.xml"
        try Data(Self.program.utf8).write(to: URL(fileURLWithPath: program))
        return (box, program, box.reports + "/cache")
    }

    static func passport(_ run: CLITests.Run) throws -> [String: Any] {
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
        let requirements = try #require((report["programs"] as? [[String: Any]])?.first?["requirements"] as? [[String: Any]])
        return try #require(requirements.first { $0["id"] as? String == "passport" })
    }

    static func entries(_ cache: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cache + "/checkdocs/ocr")) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    static func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test("a passport scan's MRZ decides its expiry: \"read from Passport.png, page 1, MRZ\"; the folder is not written",
          .enabled(if: OCRWorkerTests.tesseractInstalled, "Tesseract is not installed; run scripts/setup"))
    func mrzDecides() throws {
        let (box, program, cache) = try Self.box()
        defer { box.remove() }
        let run = try box.runChecked([box.folder, "--programs", program, "--format", "json"] + Self.asOf, timeout: 60,
                                     environment: ["XDG_CACHE_HOME": cache])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        let passport = try Self.passport(run)
        #expect(passport["status"] as? String == "ok")
        #expect((passport["message"] as? String)?.contains("expiry date \(Self.expiry) (read from Passport.png, page 1, MRZ)") == true,
                "\(passport)")
        // The text report says where it came from too.
        let text = try box.runChecked([box.folder, "--programs", program] + Self.asOf, timeout: 60, environment: ["XDG_CACHE_HOME": cache])
        #expect(text.stdout.contains("Passport.png: expiry date \(Self.expiry) (page 1, MRZ)"), "\(text.stdout)")
    }

    @Test("a PDF without a text layer is OCRed page by page: its MRZ decides, cached as page 1",
          .enabled(if: OCRWorkerTests.tesseractInstalled, "Tesseract is not installed; run scripts/setup"))
    func imageOnlyPDF() throws {
        let (box, program, cache) = try Self.box()
        defer { box.remove() }
        try FileManager.default.removeItem(atPath: box.folder + "/Passport.png")
        let specimens = try #require(Self.specimens)
        try FileManager.default.copyItem(at: specimens.appendingPathComponent("specimen-6-scan.pdf"),
                                         to: URL(fileURLWithPath: box.folder + "/Passport.pdf"))
        let run = try box.runChecked([box.folder, "--programs", program, "--format", "json"] + Self.asOf, timeout: 60,
                                     environment: ["XDG_CACHE_HOME": cache])
        #expect(run.status == 0, "\(run.stderr)")
        #expect((try Self.passport(run)["message"] as? String)?.contains("(read from Passport.pdf, page 1, MRZ)") == true)
        #expect(Self.entries(cache).count == 1 && Self.entries(cache).first?.hasSuffix(".page1") == true, "\(Self.entries(cache))")
    }

    @Test("without Tesseract's model: one warning line naming the reason, the rule stays not-evaluable, exit 1",
          .enabled(if: OCRWorkerTests.tesseractInstalled, "Tesseract is not installed; run scripts/setup"))
    func unavailableOnce() throws {
        let (box, program, cache) = try Self.box()
        defer { box.remove() }
        // A second scan: the warning is still said once per run, not per file.
        try FileManager.default.copyItem(atPath: box.folder + "/Passport.png", toPath: box.folder + "/Passport copy.png")
        let empty = box.reports + "/tessdata"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let run = try box.runChecked([box.folder, "--programs", program, "--format", "json"] + Self.asOf, timeout: 60,
                                     environment: ["XDG_CACHE_HOME": cache, "TESSDATA_PREFIX": empty])
        #expect(run.status == 1, "\(run.stderr)")
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(run.stderr)")
        #expect(lines.first?.contains("warning: scans are not read (OCR is unavailable: Tesseract has no English model (tesseract-ocr-eng))") == true,
                "\(run.stderr)")
        #expect(try Self.passport(run)["status"] as? String == "not-evaluable")
        #expect(Self.entries(cache).isEmpty, "an unavailable OCR is never cached")
    }

    @Test("the cache: 0700/0600, a second run performs no OCR, a corrupt entry is ignored and rewritten, cache clear empties it",
          .enabled(if: OCRWorkerTests.tesseractInstalled, "Tesseract is not installed; run scripts/setup"))
    func cache() throws {
        let (box, program, cache) = try Self.box()
        defer { box.remove() }
        let arguments = [box.folder, "--programs", program, "--format", "json"] + Self.asOf
        let environment = ["XDG_CACHE_HOME": cache]
        // --facts manifest neither reads nor writes the OCR cache (the catalog cache beside it is
        // the programs', docs/security.md "The catalog cache").
        let manifest = try box.runChecked(arguments + ["--facts", "manifest"], timeout: 60, environment: environment)
        #expect(manifest.status == 1)
        #expect(!FileManager.default.fileExists(atPath: cache + "/checkdocs/ocr"))

        let first = try box.runChecked(arguments, timeout: 60, environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        let names = Self.entries(cache)
        #expect(names.count == 1 && names.first?.hasSuffix(".image") == true, "\(names)")
        let name = try #require(names.first)
        let entryPath = cache + "/checkdocs/ocr/" + name
        #expect(try Self.mode(cache + "/checkdocs") == 0o700)
        #expect(try Self.mode(cache + "/checkdocs/ocr") == 0o700)
        #expect(try Self.mode(entryPath) == 0o600)
        // The entry is named by the content's SHA-256.
        let sum = try CLITests.run([box.folder + "/Passport.png"], binary: "/usr/bin/sha256sum")
        #expect(name == String(sum.stdout.prefix(64)) + ".image")

        // A second run takes the cached reading and sends no OCR request: the cache is made to
        // say something OCR would not (its page without the zone and without its printed expiry,
        // which OCR readings decide too), and the second run reports that.
        let original = try Data(contentsOf: URL(fileURLWithPath: entryPath))
        let header = String(decoding: original.prefix(600), as: UTF8.self).split(separator: "\n")
        let engine = try #require(header.first { $0.hasPrefix("engine ") }).dropFirst("engine ".count)
        let store = OCRCache(directory: cache + "/checkdocs/ocr", toolVersion: ReadinessChecker.toolVersion, engine: String(engine))
        guard case var .page(page)? = store.decode(Array(original)) else {
            Issue.record("the entry does not decode")
            return
        }
        #expect(page.mrzText.contains("<<"))
        page.mrzText = ""
        page.text = page.text.split(separator: "\n").filter { !$0.contains("<") && !$0.lowercased().contains("expir") }.joined(separator: "\n")
        try Data(try #require(store.encode(.page(page)))).write(to: URL(fileURLWithPath: entryPath))
        // The facts read from the page are kept too (when the scan's digest is remembered): this
        // test is about the OCR readings under them, so the facts are not kept from here on.
        let facts = cache + "/checkdocs/facts"
        try? FileManager.default.removeItem(atPath: facts)
        try Data().write(to: URL(fileURLWithPath: facts))
        let second = try box.runChecked(arguments, timeout: 60, environment: environment)
        #expect(second.status == 1, "the cached page, without its zone and expiry, decides nothing: \(second.stderr)")
        #expect(try Self.passport(second)["status"] as? String == "not-evaluable")

        // A corrupt entry (one byte of its body changed) and a truncated one are not trusted:
        // OCR runs again, the zone decides again, and the entry is rewritten whole.
        for damage in ["flip", "truncate"] {
            var bytes = try Data(contentsOf: URL(fileURLWithPath: entryPath))
            if damage == "flip" { bytes[bytes.count - 20] ^= 0x01 } else { bytes = bytes.prefix(bytes.count / 2) }
            try bytes.write(to: URL(fileURLWithPath: entryPath))
            let again = try box.runChecked(arguments, timeout: 60, environment: environment)
            #expect(again.status == 0, "\(damage): \(again.stderr)")
            #expect(try Self.passport(again)["status"] as? String == "ok", "\(damage)")
            let rewritten = try Data(contentsOf: URL(fileURLWithPath: entryPath))
            #expect(rewritten == original, "\(damage): the entry is rewritten with what OCR read")
            #expect(try Self.mode(entryPath) == 0o600)
        }

        // cache clear empties it; the run after that reads the scan again.
        try FileManager.default.removeItem(atPath: facts)
        let clear = try CLITests.run(["cache", "clear"], environment: environment)
        #expect(clear.status == 0, "\(clear.stderr)")
        #expect(clear.stdout.contains("removed 1 cached OCR result"), "\(clear.stdout)")
        #expect(Self.entries(cache).isEmpty)
        let cleared = try CLITests.run(["cache", "clear"], environment: environment)
        #expect(cleared.stdout.contains("removed 0 cached OCR results"), "\(cleared.stdout)")
        // One line per cache it empties, each saying how many entries went.
        let kinds = ["cached OCR results", "documents' cached facts", "remembered file digests", "cached file types",
                     "cached PDF inspections", "compiled catalogs"]
        #expect(cleared.stdout.split(separator: "\n").map { String($0.prefix { $0 != "/" }) } == kinds.map { "removed 0 \($0) from " },
                "\(cleared.stdout)")
    }

    /// A box whose scan has settled (a file is remembered only once it has not changed for two
    /// seconds: docs/inspection.md, "Content digests"), and the first run over it, which reads it.
    static func settledFirstRun() throws -> (Sandbox, cache: String, arguments: [String], environment: [String: String], first: CLITests.Run) {
        let (box, program, cache) = try Self.box()
        let arguments = [box.folder, "--programs", program, "--format", "json"] + Self.asOf
        let environment = ["XDG_CACHE_HOME": cache]
        Thread.sleep(forTimeInterval: 2.1)
        let first = try box.runChecked(arguments, timeout: 60, environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        return (box, cache, arguments, environment, first)
    }

    @Test("a second run over an unchanged folder reads no scan: the remembered digest finds the cached reading; cache clear forgets it",
          .enabled(if: OCRWorkerTests.tesseractInstalled, "Tesseract is not installed; run scripts/setup"))
    func digestMemo() throws {
        let (box, cache, arguments, environment, _) = try Self.settledFirstRun()
        defer { box.remove() }
        let sha256 = String(try CLITests.run([box.folder + "/Passport.png"], binary: "/usr/bin/sha256sum").stdout.prefix(64))
        let memo = cache + "/checkdocs/digests"
        let names = try FileManager.default.contentsOfDirectory(atPath: memo)
        #expect(names.count == 1, "\(names)")
        let entry = memo + "/" + (try #require(names.first))
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: entry)), as: UTF8.self).contains(" " + sha256 + "\n"))
        #expect(try Self.mode(memo) == 0o700 && Self.mode(entry) == 0o600)

        // The memo is made to name another digest, and the reading is kept only under that one:
        // a run that hashed the scan would find no reading and OCR it again under its own.
        let other = String(repeating: "e", count: 64)
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: entry)), as: UTF8.self)
        try Data(text.replacingOccurrences(of: sha256, with: other).utf8).write(to: URL(fileURLWithPath: entry))
        try FileManager.default.moveItem(atPath: cache + "/checkdocs/ocr/\(sha256).image", toPath: cache + "/checkdocs/ocr/\(other).image")
        let second = try box.runChecked(arguments, timeout: 60, environment: environment)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try Self.passport(second)["status"] as? String == "ok")
        #expect(Self.entries(cache) == [other + ".image"], "no OCR: the scan was not hashed")

        let clear = try CLITests.run(["cache", "clear"], environment: environment)
        #expect(clear.status == 0, "\(clear.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: memo).isEmpty)
    }

    @Test("the facts read from a scan are kept: a second run over the unchanged folder reads no OCR reading; a damaged entry is read again from them",
          .enabled(if: OCRWorkerTests.tesseractInstalled, "Tesseract is not installed; run scripts/setup"))
    func factsCache() throws {
        let (box, cache, arguments, environment, first) = try Self.settledFirstRun()
        defer { box.remove() }
        let facts = cache + "/checkdocs/facts"
        let names = try FileManager.default.contentsOfDirectory(atPath: facts)
        #expect(names.count == 1, "\(names)")
        let entry = facts + "/" + (try #require(names.first))
        #expect(try Self.mode(facts) == 0o700 && Self.mode(entry) == 0o600)

        // Without the OCR readings, the second run still decides from the kept facts, word for
        // word as the first did, and no OCR runs (none is kept again).
        let ocr = try #require(Self.entries(cache).first)
        try FileManager.default.removeItem(atPath: cache + "/checkdocs/ocr/" + ocr)
        let second = try box.runChecked(arguments, timeout: 60, environment: environment)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout == first.stdout)
        #expect(Self.entries(cache).isEmpty, "no OCR ran")

        // A damaged entry is not trusted: the scan is OCRed again, and its facts kept again.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: entry))
        bytes[bytes.count - 3] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: entry))
        let third = try box.runChecked(arguments, timeout: 60, environment: environment)
        #expect(third.stdout == first.stdout, "\(third.stderr)")
        #expect(Self.entries(cache) == [ocr])
        #expect(try Data(contentsOf: URL(fileURLWithPath: entry)) != bytes)

        let clear = try CLITests.run(["cache", "clear"], environment: environment)
        #expect(clear.status == 0, "\(clear.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: facts).isEmpty)
    }
}
