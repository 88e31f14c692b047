import Foundation
import Testing
@testable import CheckDocsNative
@testable import CheckDocsCore

/// program.xsd and program.schema.json are written by hand and say the same rules (docs/format.md,
/// "XML ↔ JSON mapping"). SchemaParity/valid/ and SchemaParity/invalid/ hold small programs, each
/// in XML and as its JSON twin: both syntaxes must accept every valid one and refuse every invalid
/// one, through the loader a run uses (schema, then decoding).
@Suite("schema parity")
struct SchemaParityTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("SchemaParity")

    struct Pair: CustomTestStringConvertible, Sendable {
        let valid: Bool
        let name: String
        var testDescription: String { (valid ? "valid/" : "invalid/") + name }
        var xmlPath: String { SchemaParityTests.folder.appendingPathComponent(testDescription + ".xml").path }
        var jsonPath: String { SchemaParityTests.folder.appendingPathComponent(testDescription + ".json").path }
    }

    /// Every pair, by the name its XML file gives.
    static let pairs: [Pair] = ["valid", "invalid"].flatMap { label in
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(label).path)) ?? []
        return names.filter { $0.hasSuffix(".xml") }.sorted().map { Pair(valid: label == "valid", name: String($0.dropLast(4))) }
    }

    let loader = ProgramLoader(schemas: Fixture.knowledge.schemas)

    @Test("the example set is large, labelled both ways, and every file has its twin")
    func exampleSet() throws {
        #expect(Self.pairs.count >= 25)
        #expect(Self.pairs.filter(\.valid).count >= 8)
        #expect(Self.pairs.filter { !$0.valid }.count >= 17)
        for label in ["valid", "invalid"] {
            let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.appendingPathComponent(label).path)
                .filter { !$0.hasPrefix(".") }
            for file in files {
                let base = (file as NSString).deletingPathExtension
                #expect(file.hasSuffix(".xml") || file.hasSuffix(".json"), "\(label)/\(file) is neither XML nor JSON")
                #expect(files.contains(base + ".xml") && files.contains(base + ".json"), "\(label)/\(file) has no twin")
            }
        }
    }

    @Test("XSD and JSON schema accept and refuse the same documents", arguments: SchemaParityTests.pairs)
    func sameVerdict(_ pair: Pair) throws {
        let xml = loader.loadXML(try Self.bytes(pair.xmlPath), file: "parity.xml")
        let json = loader.loadJSON(try Self.bytes(pair.jsonPath), file: "parity.json")
        switch (xml, json) {
        case let (.success(fromXML), .success(fromJSON)):
            #expect(pair.valid, "both syntaxes accept an invalid example")
            #expect(fromXML.withoutLocations == fromJSON.withoutLocations, "the twins load to different programs")
        case let (.failure(xmlErrors), .failure(jsonErrors)):
            #expect(!pair.valid, "both refuse a valid example: \(xmlErrors.errors.first?.description ?? "") | \(jsonErrors.errors.first?.description ?? "")")
            // Refused with a place to look: a line in the XML, a pointer into the JSON.
            for error in xmlErrors.errors {
                #expect(error.location.file == "parity.xml")
                guard case let .line(line, _) = error.location.position, line > 0 else { Issue.record("no line: \(error)"); continue }
            }
            for error in jsonErrors.errors {
                #expect(error.location.file == "parity.json")
                guard case .pointer = error.location.position else { Issue.record("no pointer: \(error)"); continue }
            }
        case let (.success, .failure(errors)):
            Issue.record("only the JSON is refused (labelled \(pair.valid ? "valid" : "invalid")): \(errors.errors.map(\.description))")
        case let (.failure(errors), .success):
            Issue.record("only the XML is refused (labelled \(pair.valid ? "valid" : "invalid")): \(errors.errors.map(\.description))")
        }
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
