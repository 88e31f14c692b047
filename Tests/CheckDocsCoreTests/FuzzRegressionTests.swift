import Foundation
import Testing
@testable @_spi(Fuzzing) import CheckDocsCore
@testable import CheckDocsFormats

/// Replays every input kept in FuzzRegressions/<target>/ (minimised fuzzer findings, and
/// hand-made hostile inputs) through the entry point that fuzz target calls (`FuzzEntryPoints`).
/// A broken invariant traps, which fails `swift test`; each input must also finish quickly.
/// Add a finding with: cp Fuzz/.build/fuzz/artifacts/<target>/crash-… FuzzRegressions/<target>/
@Suite("fuzz regressions")
struct FuzzRegressionTests {
    static let folder: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FuzzRegressions")

    static let entryPoints: [String: @Sendable ([UInt8]) -> Void] = [
        "FuzzProgramXML": FuzzEntryPoints.programXML,
        "FuzzProgramJSON": FuzzEntryPoints.programJSON,
        "FuzzManifest": FuzzEntryPoints.manifest,
        "FuzzFileName": FuzzEntryPoints.fileName,
        "FuzzFolderScan": FuzzEntryPoints.folderScan,
        "FuzzEngine": FuzzEntryPoints.engine,
        "FuzzReporters": FuzzEntryPoints.reporters,
        "FuzzPDFWorker": FuzzEntryPoints.pdfWorker,
        "FuzzCatalogEntry": FuzzEntryPoints.catalogEntry,
    ]

    /// Every kept input, as "target/file".
    static var inputs: [String] {
        entryPoints.keys.sorted().flatMap { target in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(target).path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { target + "/" + $0 }
        }
    }

    @Test("every fuzz target has a regression folder with inputs, and nothing else is there")
    func folders() throws {
        let present = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { !$0.hasPrefix(".") }
        #expect(Set(present) == Set(Self.entryPoints.keys))
        for target in Self.entryPoints.keys {
            #expect(Self.inputs.contains { $0.hasPrefix(target + "/") }, "FuzzRegressions/\(target)/ is empty")
        }
    }

    /// FuzzManifest, `{` (crash-f13b2930…): libyaml put the end-of-file error on line 2.
    @Test("a YAML error at the end of a file without a final line break is on the last line", arguments: [
        ("{", 1, 2), ("{x:", 1, 4), ("a: 1\nb: [", 2, 5), ("a: 1\r\nb: {", 2, 5), ("applicant:\n  name: [\n", 3, 1),
    ])
    func yamlErrorAtEndOfFile(_ text: String, line: Int, column: Int) {
        do {
            _ = try YAMLReader.read(Array(text.utf8))
            Issue.record("\(text.debugDescription) was accepted")
        } catch {
            #expect(error.line == line && error.column == column, "\(text.debugDescription): \(error.line):\(error.column) \(error.message)")
        }
    }

    /// FuzzReporters, crash-6fbc29ad…: a number past Int's range in a finding (a titer of 1e300
    /// in the manifest) trapped in `EligibilityRule.format`, which every sentence and the JSON
    /// report use to write a number. A program's titer minimum can be as large (xs:decimal has no
    /// bound), so a description alone could crash a check.
    @Test("a number past Int's range is written, not trapped on", arguments: [
        (1e300, "1e+300"), (-1e300, "-1e+300"), (1e19, "1e+19"), (9_007_199_254_740_992, "9007199254740992"), (12.5, "12.5"), (104, "104"), (-0.0, "0"),
    ])
    func hugeNumber(_ value: Double, written: String) {
        #expect(EligibilityRule.format(value) == written)
    }

    @Test("a program whose titer minimum is past Int's range is evaluated and described")
    func hugeTiterMinimum() throws {
        let xml = Fixture.program(#"<requirements><require id="hepb" title="Hepatitis B titer"><document type="hepb"><titer min="100000000000000000000000" unit="mIU/mL"/></document></require></requirements>"#)
        let result = try #require(try Fixture.evaluate(xml, files: ["hepb 2026-05-14.pdf"]).result("hepb"))
        #expect(result.rule?.contains("1e+23 mIU/mL") == true, "\(result.rule ?? "")")
    }

    /// FuzzFolderScan, crash-70a8c624…: a folder (or a link) at the top named like the manifest or
    /// the waivers file was skipped with everything in it, in silence, when no manifest is read
    /// (`init --force`): only a regular file of that name is checkdocs' own.
    @Test("a folder or a link at the top named like the manifest is scanned or noted, not skipped")
    func manifestNamedFolder() throws {
        let folder = try TemporaryFolder(files: ["checkdocs-waivers.yaml/d/cv 2026-05-14.pdf", "checkdocs.json/lor.pdf"])
        defer { folder.remove() }
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/checkdocs.yml", withDestinationPath: "checkdocs.json")
        let loaded = try ApplicantFolderLoader(catalog: Fixture.knowledge.catalog, schemas: Fixture.knowledge.schemas).load(folder.path, readManifest: false)
        #expect(Set(loaded.documents.map(\.path.description)) == ["checkdocs-waivers.yaml/d/cv 2026-05-14.pdf", "checkdocs.json/lor.pdf"])
        #expect(loaded.diagnostics.contains { $0.code == .symlink && $0.path == "checkdocs.yml" })
    }

    @Test("replays a kept input without a trap, in bounded time", arguments: inputs)
    func replay(_ input: String) throws {
        let target = String(input.prefix { $0 != "/" })
        let entryPoint = try #require(Self.entryPoints[target])
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(input)))
        let clock = ContinuousClock()
        let elapsed = clock.measure { entryPoint(bytes) }
        // The fuzzers call a unit slower than 10 s a hang; a debug build replays each in well under 1 s.
        #expect(elapsed < .seconds(5), "\(input) took \(elapsed)")
    }
}
