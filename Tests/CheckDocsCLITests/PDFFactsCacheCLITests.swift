import Foundation
import Testing
@testable import CheckDocsCore
@testable import CheckDocsNative

/// PDF facts kept between runs, through the binary (docs/inspection.md, "PDF facts cache"): a
/// second run takes a PDF's facts from the cache and starts no worker for it, a damaged entry is
/// not trusted, and `cache clear` empties it.
@Suite struct PDFFactsCacheCLITests {
    static let program = """
    <program xmlns="urn:checkdocs:program:1" schemaVersion="1" id="letter-cv" kind="observership">
      <name>A letter-size CV</name>
      <institution>Test</institution>
      <source href="https://example.org/rules" asOf="2026-10-01"/>
      <requirements>
        <require id="cv" title="CV"><document type="cv"><file formats="pdf" pageSize="letter"/></document></require>
      </requirements>
    </program>
    """

    static func status(_ run: CLITests.Run) throws -> String? {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        return WorkerTests.requirement("cv", of: "letter-cv", in: json)?["status"] as? String
    }

    static func entries(_ cache: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: cache + "/checkdocs/pdf")) ?? []
    }

    @Test("a second run reads the PDF's facts from the cache (made to say A4 here, and the run says so); a damaged entry is read again by a worker and rewritten; cache clear empties it")
    func keptFacts() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.file("CV.pdf")
        let program = box.inputs + "/letter-cv.xml"
        try Self.program.write(toFile: program, atomically: true, encoding: .utf8)
        let cache = box.base + "/cache"
        let environment = ["XDG_CACHE_HOME": cache]
        let arguments = [box.folder, "--programs", program, "--format", "json", "--as-of", "2026-12-01"]

        let first = try box.runChecked(arguments, timeout: 60, environment: environment)
        #expect(try Self.status(first) == "ok", "\(first.stdout)")
        let names = Self.entries(cache)
        #expect(names == [SHA256.hex(Array(Sandbox.samplePDF))], "the entry is named by the PDF's SHA-256: \(names)")
        let name = try #require(names.first)
        let entryPath = cache + "/checkdocs/pdf/" + name
        #expect(try FileManager.default.attributesOfItem(atPath: cache + "/checkdocs/pdf")[.posixPermissions] as? Int == 0o700)
        #expect(try FileManager.default.attributesOfItem(atPath: entryPath)[.posixPermissions] as? Int == 0o600)

        // The entry made to say the page is A4: the second run reports what the cache says, so
        // no worker read the PDF.
        let original = try #require(FileManager.default.contents(atPath: entryPath))
        let engine = String(decoding: original, as: UTF8.self).split(separator: "\n")[1]
        let store = PDFFactsCache(directory: cache + "/checkdocs/pdf", engine: String(engine))
        var facts = try #require(store.decode(Array(original)))
        #expect(facts.pageCount == 1)
        facts.pageSizes = [PageSize(width: 595.28, height: 841.89)]
        try Data(try #require(store.encode(facts))).write(to: URL(fileURLWithPath: entryPath))
        let second = try box.runChecked(arguments, timeout: 60, environment: environment)
        let decided = try Self.status(second)
        #expect(decided != nil && decided != "ok", "the cached A4 page decides: \(second.stdout)")

        // One byte of the body changed, or the entry cut short: a worker reads the PDF again, and
        // the entry is rewritten with what it found.
        for damage in ["flip", "truncate"] {
            var bytes = try #require(FileManager.default.contents(atPath: entryPath))
            if damage == "flip" { bytes[bytes.count - 3] ^= 0x01 } else { bytes = bytes.prefix(bytes.count - 5) }
            try bytes.write(to: URL(fileURLWithPath: entryPath))
            let again = try box.runChecked(arguments, timeout: 60, environment: environment)
            #expect(try Self.status(again) == "ok", "\(damage): \(again.stdout)")
            #expect(FileManager.default.contents(atPath: entryPath) == original, "\(damage): rewritten")
        }

        let clear = try CLITests.run(["cache", "clear"], environment: environment)
        #expect(clear.status == 0, "\(clear.stderr)")
        #expect(Self.entries(cache).isEmpty)
    }
}
