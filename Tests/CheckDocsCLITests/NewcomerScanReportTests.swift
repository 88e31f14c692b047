import Foundation
import Testing

/// The newcomer sample's report with its scans read (samples/README.md, "applicants/newcomer"):
/// the passport's expiry comes from its MRZ and decides; what OCR read of the BLS card and the
/// QuantiFERON report is shown as hints, with the line read. The JSON report (with --verbose,
/// which JSON ignores) is a golden. OCR runs in workers; the cache is the tests' own.
@Suite struct NewcomerScanReportTests {
    @Test("the newcomer's JSON report carries each fact's evidence: MRZ, OCR and text layer",
          .enabled(if: OCRWorkerTests.tesseractInstalled, "Tesseract is not installed; run scripts/setup"))
    func jsonGolden() throws {
        let run = try CLITests.run([FirstRunTests.newcomer, "--format", "json", "--verbose"] + FirstRunTests.asOf)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        try CLITests.golden("newcomer.verbose.json", run.stdout)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let facts = try #require(report["facts"] as? [[String: Any]])
        func fact(_ file: String, _ kind: String, _ method: String) -> [String: Any]? {
            facts.first { $0["file"] as? String == file && $0["fact"] as? String == kind && $0["method"] as? String == method }
        }
        let passport = try #require(fact("Passport bio page.png", "expiry-date", "mrz"))
        #expect(passport["date"] as? String == "2029-03-14")
        #expect(passport["use"] as? String == "decides")
        #expect(passport["text"] as? String == "A093845210NGA9903126F2903149<<<<<<<<<<<<<<<4")
        let bls = try #require(fact("BLS card.png", "expiry-date", "ocr"))
        #expect(bls["date"] as? String == "2028-02-29")
        #expect(bls["use"] as? String == "decides")
        #expect(bls["text"] as? String == "Expiry date: 29 Feb 2028")
        let lab = try #require(fact("QuantiFERON result.pdf", "test-result", "ocr"))
        #expect(lab["use"] as? String == "decides")
        #expect(lab["text"] as? String == "Result: NEGATIVE")
        // Every program's passport requirement is met by the MRZ's expiry, and says where it came from.
        for program in report["programs"] as? [[String: Any]] ?? [] {
            guard let requirement = (program["requirements"] as? [[String: Any]])?.first(where: { $0["id"] as? String == "passport" }) else { continue }
            #expect(requirement["status"] as? String == "ok", "\(program["id"] ?? "")")
            #expect((requirement["message"] as? String)?.contains("(read from Passport bio page.png, page 1, MRZ)") == true)
        }
    }

    @Test("a scan whose OCR worker times out leaves its rules not-evaluable, and says the scan could not be read",
          .enabled(if: OCRWorkerTests.tesseractInstalled, "Tesseract is not installed; run scripts/setup"))
    func scanNotRead() throws {
        // An empty cache of its own (no reading kept from another test), and a deadline no page meets.
        let cache = NSTemporaryDirectory() + "checkdocs-scan-timeout-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let run = try CLITests.run([FirstRunTests.newcomer, "--format", "json", "--kind", "observership"] + FirstRunTests.asOf,
                                   environment: ["XDG_CACHE_HOME": cache, "CHECKDOCS_WORKER_TIMEOUT_MS": "100"])
        #expect(run.status == 1, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let program = try #require((report["programs"] as? [[String: Any]])?.first)
        let passport = try #require((program["requirements"] as? [[String: Any]])?.first { $0["id"] as? String == "passport" })
        #expect(passport["status"] as? String == "not-evaluable", "\(passport)")
        #expect((passport["message"] as? String)?.contains("Passport bio page.png could not be read: inspection failed: timeout") == true, "\(passport)")
    }
}
