import Foundation
import Testing

/// The compiled-catalog cache through the binary (docs/performance.md, "The compiled-catalog
/// cache"; docs/security.md, "The catalog cache"): reports byte-identical cached or not, modes,
/// `cache clear`, a cache that cannot be written, and the isolation of every test run.
@Suite struct CatalogCacheCLITests {
    static let asOf = ["--as-of", "2026-12-01"]

    static func temporary(_ name: String) -> String {
        NSTemporaryDirectory() + "checkdocs-\(name)-\(UUID().uuidString)"
    }

    static func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    static func packs(_ cache: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cache + "/checkdocs/catalog")) ?? []).filter { $0.hasSuffix(".pack") }
    }

    /// The JSON report of one run (to stdout), with the given cache home, or with the cache off.
    static func report(_ arguments: [String], cache: String?) throws -> CLITests.Run {
        var environment: [String: String] = [:]
        if let cache { environment["XDG_CACHE_HOME"] = cache } else { environment["CHECKDOCS_CATALOG_CACHE"] = "off" }
        return try CLITests.run(arguments + asOf + ["--format", "json"], timeout: 120, environment: environment)
    }

    @Test("every test that starts checkdocs itself gives it a cache directory of its own, never the developer's")
    func testsAreIsolated() throws {
        let root = CLITests.root + "/Tests"
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        var unisolated: [String] = []
        for file in files {
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            let startsBinary = text.contains("executableURL = URL(fileURLWithPath: CLITests.binary)")
                || text.contains("executableURL = URL(fileURLWithPath: Self.binary)")
            if startsBinary && !text.contains("XDG_CACHE_HOME") { unisolated.append(file) }
        }
        #expect(unisolated.isEmpty, "these start checkdocs without an XDG_CACHE_HOME of their own: \(unisolated)")
    }

    @Test("the sample programs, XML and JSON: the report of a first and a second cached run is the uncached one, byte for byte")
    func samplesByteIdentical() throws {
        let cache = Self.temporary("catalog-cache")
        defer { try? FileManager.default.removeItem(atPath: cache) }
        for (folder, programs) in [("ready", "samples/programs"), ("missing-items", "samples/programs-json"),
                                   ("expired-and-ineligible", "samples/programs")] {
            let arguments = ["samples/applicants/" + folder, "--programs", programs]
            let uncached = try Self.report(arguments, cache: nil)
            #expect(uncached.status == 1 || uncached.status == 0, "\(uncached.stderr)")
            let first = try Self.report(arguments, cache: cache)
            let second = try Self.report(arguments, cache: cache)
            #expect(first.stdout == uncached.stdout, "\(folder): the run that wrote the cache differs")
            #expect(second.stdout == uncached.stdout, "\(folder): the run that read the cache differs")
            #expect(second.status == uncached.status && second.stderr == uncached.stderr)
        }
        #expect(Self.packs(cache).count == 2, "one pack per catalog: \(Self.packs(cache))")
        #expect(try Self.mode(cache + "/checkdocs") == 0o700)
        #expect(try Self.mode(cache + "/checkdocs/catalog") == 0o700)
        for pack in Self.packs(cache) { #expect(try Self.mode(cache + "/checkdocs/catalog/" + pack) == 0o600) }
    }

    @Test("a bench-like catalog (scripts/bench-corpus.py, XML and JSON): cached reports byte-identical, a changed file read again")
    func benchCatalogByteIdentical() throws {
        let corpus = Self.temporary("catalog-corpus")
        let cache = Self.temporary("catalog-cache")
        defer {
            try? FileManager.default.removeItem(atPath: corpus)
            try? FileManager.default.removeItem(atPath: cache)
        }
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = ["python3", CLITests.root + "/scripts/bench-corpus.py", "programs", "60", corpus]
        try generator.run()
        generator.waitUntilExit()
        try #require(generator.terminationStatus == 0, "scripts/bench-corpus.py failed")
        for syntax in ["xml", "json"] {
            let arguments = ["samples/applicants/ready", "--programs", corpus + "/" + syntax]
            let uncached = try Self.report(arguments, cache: nil)
            try #require(uncached.stdout.contains("\"programs\""), "\(uncached.stderr)")
            #expect(try Self.report(arguments, cache: cache).stdout == uncached.stdout)
            #expect(try Self.report(arguments, cache: cache).stdout == uncached.stdout)
        }
        // One description changed on disk: the cached run shows the change, as an uncached one does.
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus + "/xml").sorted()
        let changed = corpus + "/xml/" + files[3]
        let text = try String(contentsOfFile: changed, encoding: .utf8)
        let name = try #require(text.range(of: "<name>")).upperBound
        try text.replacingCharacters(in: name..<name, with: "Renamed ").write(toFile: changed, atomically: true, encoding: .utf8)
        let arguments = ["samples/applicants/ready", "--programs", corpus + "/xml"]
        let uncached = try Self.report(arguments, cache: nil)
        let cached = try Self.report(arguments, cache: cache)
        #expect(cached.stdout.contains("Renamed "))
        #expect(cached.stdout == uncached.stdout)
    }

    @Test("an invalid description is reported on every run, cached or not, with the same error")
    func errorsEveryRun() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let cache = Self.temporary("catalog-cache")
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let programs = box.inputs + "/catalog"
        try FileManager.default.createDirectory(atPath: programs, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLITests.root + "/samples/programs/mayo-visiting-clerkship.xml", toPath: programs + "/a.xml")
        try "<program xmlns=\"urn:checkdocs:program:1\" id=\"x\">\n".write(toFile: programs + "/b.xml", atomically: true, encoding: .utf8)
        var errors: [String] = []
        for _ in 0..<3 {
            let run = try box.runChecked([box.folder, "--programs", programs] + Self.asOf, timeout: 60, environment: ["XDG_CACHE_HOME": cache])
            #expect(run.status == 2)
            errors.append(run.stderr)
        }
        #expect(errors.allSatisfy { $0 == errors[0] })
        #expect(errors[0].contains("b.xml"))
    }

    @Test("a cache home that cannot be written (a file, or a read-only folder): no cache, no error, the same report")
    func unwritableCache() throws {
        let blocked = Self.temporary("catalog-blocked")
        #expect(FileManager.default.createFile(atPath: blocked, contents: Data("not a folder".utf8)))
        let readOnly = Self.temporary("catalog-readonly")
        try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o500])
        defer {
            try? FileManager.default.removeItem(atPath: blocked)
            try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: readOnly)
            try? FileManager.default.removeItem(atPath: readOnly)
        }
        let arguments = ["samples/applicants/ready", "--programs", "samples/programs"]
        let uncached = try Self.report(arguments, cache: nil)
        for home in [blocked, readOnly] {
            let run = try Self.report(arguments, cache: home)
            #expect(run.status == uncached.status)
            #expect(run.stdout == uncached.stdout)
            #expect(run.stderr == uncached.stderr)
        }
        // root ignores the folder's mode: what matters then is that nothing failed.
        if getuid() != 0 { #expect(Self.packs(readOnly).isEmpty) }
    }

    @Test("a cache home inside the applicant folder or the programs folder is not used: neither folder changes, the report is the uncached one")
    func cacheHomeInsideAFolderTheRunReads() throws {
        let base = Self.temporary("catalog-inside")
        defer { try? FileManager.default.removeItem(atPath: base) }
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        // The newcomer's scans make the run want the OCR cache too.
        try FileManager.default.copyItem(atPath: CLITests.root + "/samples/applicants/newcomer", toPath: base + "/applicant")
        try FileManager.default.copyItem(atPath: CLITests.root + "/samples/programs", toPath: base + "/programs")
        let arguments = [base + "/applicant", "--programs", base + "/programs"]
        let uncached = try Self.report(arguments, cache: base + "/elsewhere")
        let applicant = FolderSnapshot(base + "/applicant"), programs = FolderSnapshot(base + "/programs")
        for home in [base + "/applicant", base + "/applicant/not/yet", base + "/programs"] {
            let run = try Self.report(arguments, cache: home)
            #expect(run.status == uncached.status, "\(home)")
            #expect(run.stdout == uncached.stdout, "\(home)")
            #expect(FolderSnapshot(base + "/applicant") == applicant, "\(home)")
            #expect(FolderSnapshot(base + "/programs") == programs, "\(home)")
        }
        // The same for init, which reads the scans to draft their facts.
        let draft = try CLITests.run(["init", base + "/applicant", "--print"], environment: ["XDG_CACHE_HOME": base + "/applicant"])
        #expect(draft.status == 0, "\(draft.stderr)")
        #expect(FolderSnapshot(base + "/applicant") == applicant)
    }

    @Test("CHECKDOCS_CATALOG_CACHE=off neither reads nor writes; cache clear removes the packs")
    func offAndClear() throws {
        let cache = Self.temporary("catalog-cache")
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let arguments = ["samples/applicants/ready", "--programs", "samples/programs"]
        _ = try CLITests.run(arguments + Self.asOf, environment: ["XDG_CACHE_HOME": cache, "CHECKDOCS_CATALOG_CACHE": "off"])
        #expect(Self.packs(cache).isEmpty)
        _ = try CLITests.run(arguments + Self.asOf, environment: ["XDG_CACHE_HOME": cache])
        #expect(Self.packs(cache).count == 1)
        let clear = try CLITests.run(["cache", "clear"], environment: ["XDG_CACHE_HOME": cache])
        #expect(clear.status == 0)
        #expect(clear.stdout.contains("removed 1 compiled catalog from " + cache + "/checkdocs/catalog"), "\(clear.stdout)")
        #expect(Self.packs(cache).isEmpty)
        let again = try CLITests.run(["cache", "clear"], environment: ["XDG_CACHE_HOME": cache])
        #expect(again.stdout.contains("removed 0 compiled catalogs"), "\(again.stdout)")
    }
}
