import Foundation
import Testing

/// libmagic's answers kept between runs, through the binary (docs/inspection.md, "Content types
/// cache"): a second run's report is the first's, the entries live in the user's cache and
/// never in the folder, and `cache clear` removes them.
@Suite struct ContentTypeCacheCLITests {
    static func entries(_ cache: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: cache + "/checkdocs/types")) ?? []
    }

    @Test("a second run types the folder's text files from the cache: the same report; cache clear empties it")
    func secondRun() throws {
        let base = NSTemporaryDirectory() + "checkdocs-types-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: base) }
        let folder = base + "/applicant", cache = base + "/cache"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // Plain text, and JSON behind a .txt name: libmagic's answer tells them apart, and the
        // second is a content mismatch in both runs.
        try Data("visa appointment on 2026-12-14\n".utf8).write(to: URL(fileURLWithPath: folder + "/notes.txt"))
        try Data("{\"visa\": \"B1/B2\"}\n".utf8).write(to: URL(fileURLWithPath: folder + "/visa.txt"))
        let before = FolderSnapshot(folder)
        let arguments = [folder, "--programs", "samples/programs", "--program", "cleveland-clinic-observer", "--as-of", "2026-12-01", "--format", "json"]
        let first = try CLITests.run(arguments, environment: ["XDG_CACHE_HOME": cache])
        #expect(first.status == 1, "\(first.stderr)")
        #expect(first.stdout.contains("its content is application/json"), "the JSON file named .txt is reported: \(first.stdout)")
        #expect(Self.entries(cache).count == 2)
        let second = try CLITests.run(arguments, environment: ["XDG_CACHE_HOME": cache])
        #expect(second.status == first.status)
        #expect(second.stdout == first.stdout)
        #expect(second.stderr == first.stderr)
        #expect(FolderSnapshot(folder) == before, "nothing is written into the folder")
        let clear = try CLITests.run(["cache", "clear"], environment: ["XDG_CACHE_HOME": cache])
        #expect(clear.status == 0, "\(clear.stderr)")
        #expect(Self.entries(cache).isEmpty)
    }

    @Test("a cache home inside the folder keeps no types and no PDF facts there")
    func notInsideTheFolder() throws {
        let base = NSTemporaryDirectory() + "checkdocs-types-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: base) }
        let folder = base + "/applicant"
        try FileManager.default.createDirectory(atPath: folder + "/cache", withIntermediateDirectories: true)
        try Data("visa appointment on 2026-12-14\n".utf8).write(to: URL(fileURLWithPath: folder + "/notes.txt"))
        // A CV that a page-size rule has a worker read (docs/inspection.md, "PDF facts cache").
        try Sandbox.samplePDF.write(to: URL(fileURLWithPath: folder + "/CV.pdf"))
        let program = base + "/letter-cv.xml"
        try PDFFactsCacheCLITests.program.write(toFile: program, atomically: true, encoding: .utf8)
        let before = FolderSnapshot(folder)
        let run = try CLITests.run([folder, "--programs", program, "--as-of", "2026-12-01", "--format", "json"],
                                   environment: ["XDG_CACHE_HOME": folder + "/cache", "CHECKDOCS_CATALOG_CACHE": "off"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try PDFFactsCacheCLITests.status(run) == "ok", "the CV was read: \(run.stdout)")
        #expect(FolderSnapshot(folder) == before)
    }
}
