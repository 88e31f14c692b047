import Foundation
import Testing

/// Facts read from documents through the real binary, so through the bounded document workers
/// (docs/inspection.md, "Facts read from documents"): the newcomer sample's visa gives its expiry
/// in its text layer; `--facts manifest` turns reading off.
@Suite struct FactsCLITests {
    static let folder = "samples/applicants/newcomer"

    @Test("the newcomer's visa expiry is read in a worker and decides; the JSON facts carry the evidence")
    func readInWorker() throws {
        let run = try CLITests.run([Self.folder, "--as-of", "2026-12-01", "--format", "json"])
        #expect(run.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let facts = try #require(report["facts"] as? [[String: Any]])
        let expiry = try #require(facts.first { $0["file"] as? String == "US visa B1B2.pdf" && $0["fact"] as? String == "expiry-date" })
        #expect(expiry["date"] as? String == "2031-02-08")
        #expect(expiry["use"] as? String == "decides")
        #expect(expiry["method"] as? String == "text-layer")
        #expect(expiry["page"] as? Int == 1)
        #expect((expiry["text"] as? String)?.contains("Expires: 2031-02-08") == true)
        let visa = (report["programs"] as? [[String: Any]])?.first.flatMap { program in
            (program["requirements"] as? [[String: Any]])?.first { $0["id"] as? String == "visa" }
        }
        #expect(visa?["status"] as? String == "ok")
        #expect((visa?["message"] as? String)?.contains("expiry date 2031-02-08 (read from US visa B1B2.pdf, page 1, text layer)") == true)
    }

    @Test("--facts manifest reads nothing: the visa's expiry is again a fact to add, for check and plan")
    func manifestOnly() throws {
        let run = try CLITests.run([Self.folder, "--as-of", "2026-12-01", "--facts", "manifest"])
        #expect(run.status == 1)
        #expect(!run.stdout.contains("Read from the documents' text"))
        let json = try CLITests.run([Self.folder, "--as-of", "2026-12-01", "--facts", "manifest", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((report["facts"] as? [Any])?.isEmpty == true)
        // The visa is due before arrival, and its condition (citizenship) is not known: pending,
        // with its expiry a fact to add.
        let visa = (report["programs"] as? [[String: Any]])?.first.flatMap { program in
            (program["requirements"] as? [[String: Any]])?.first { $0["id"] as? String == "visa" }
        }
        #expect(visa?["status"] as? String == "pending")
        #expect((visa?["message"] as? String)?.contains("US visa B1B2.pdf: its expiry date is unknown") == true)
        let plan = try CLITests.run(["plan", Self.folder, "--as-of", "2026-12-01", "--facts", "manifest"])
        #expect(plan.status == 0 || plan.status == 1)
        #expect(plan.stderr.isEmpty)
        let bad = try CLITests.run([Self.folder, "--as-of", "2026-12-01", "--facts", "guess"])
        #expect(bad.status == 64)
    }
}
