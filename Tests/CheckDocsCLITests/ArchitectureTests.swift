import Foundation
import Testing

/// The layout of docs/architecture.md holds: inside CheckDocsCore the folders are layered one way
/// (a folder uses the types of the folders below it, never of those above), and every unsafe
/// pointer lives in CheckDocsNative. The targets themselves are layered by Package.swift: a
/// wrong-way import does not build.
@Suite struct ArchitectureTests {
    /// CheckDocsCore's folders, lowest first.
    static let layers = ["Support", "Model", "Inspection", "Engine", "Loading", "Reporting", "Run"]

    /// Every Swift file under `folder`, relative to the repository root.
    static func swiftFiles(under folder: String) -> [String] {
        let base = CLITests.root + "/" + folder
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted().map { folder + "/" + $0 }
    }

    /// The text without comments and string literals, so only code names types.
    static func code(_ text: String) -> String {
        var out = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var kept = ""
            var inString = false
            var previous: Character = " "
            for character in line {
                if !inString, character == "/", previous == "/" { kept.removeLast(); break }
                if character == "\"", previous != "\\" { inString.toggle(); previous = character; continue }
                if !inString { kept.append(character) }
                previous = character
            }
            out += kept + "\n"
        }
        return out
    }

    /// The types a file declares at its top level (not nested ones, whose short names repeat).
    static func topLevelTypes(_ text: String) -> [String] {
        let pattern = /^(?:@\w+(?:\([^)]*\))? )*(?:public |internal |fileprivate |private )?(?:final )?(?:struct|enum|class|protocol|actor|typealias) ([A-Z]\w*)/
        return text.split(separator: "\n").compactMap { line in (try? pattern.firstMatch(in: line)).flatMap { $0 }.map { String($0.1) } }
    }

    @Test("CheckDocsCore's folders are layered one way: Support < Model < Inspection < Engine < Loading < Reporting < Run")
    func layering() throws {
        var owner: [String: Int] = [:]
        var texts: [(file: String, layer: Int, code: String)] = []
        for (layer, folder) in Self.layers.enumerated() {
            let files = Self.swiftFiles(under: "Sources/CheckDocsCore/" + folder)
            #expect(!files.isEmpty, "no files in \(folder)")
            for file in files {
                let text = try String(contentsOfFile: CLITests.root + "/" + file, encoding: .utf8)
                for type in Self.topLevelTypes(text) { owner[type] = layer }
                texts.append((file, layer, Self.code(text)))
            }
        }
        let folders = Set(try FileManager.default.contentsOfDirectory(atPath: CLITests.root + "/Sources/CheckDocsCore"))
        #expect(folders == Set(Self.layers), "a folder of CheckDocsCore is missing from the layers (or gone from the disk)")
        #expect(owner.count > 100, "only \(owner.count) types found: the declaration reader is broken")
        let word = /\b[A-Z]\w*/
        for (file, layer, code) in texts {
            var used = Set<String>()
            for match in code.matches(of: word) { used.insert(String(match.output)) }
            for type in used.sorted() {
                guard let higher = owner[type], higher > layer else { continue }
                Issue.record("\(file) (\(Self.layers[layer])) uses \(type), declared in \(Self.layers[higher]), a layer above")
            }
        }
    }

    @Test("every unsafe pointer is in CheckDocsNative; no reporter opts out of Sendable checking")
    func unsafeOnlyInNative() throws {
        let unsafe = /\bUnsafe\w*|\bwithUnsafe\w*|\bOpaquePointer\b/
        var checked = 0
        for target in ["CheckDocsCore", "CheckDocsFormats", "checkdocs"] {
            for file in Self.swiftFiles(under: "Sources/" + target) {
                checked += 1
                let code = Self.code(try String(contentsOfFile: CLITests.root + "/" + file, encoding: .utf8))
                if let match = code.firstMatch(of: unsafe) {
                    Issue.record("\(file) uses \(match.output): pointer code belongs in CheckDocsNative")
                }
                if file.contains("/Reporting/"), code.contains("@unchecked") {
                    Issue.record("\(file): formatting must be checked Sendable by the compiler, not @unchecked")
                }
            }
        }
        #expect(checked > 80)
    }
}
