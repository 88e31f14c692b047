import Foundation
import Testing
@_spi(Fuzzing) import CheckDocsCore
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
