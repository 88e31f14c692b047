import Foundation
import Testing
import CheckDocsNative
@testable import CheckDocsCore

/// libxml2's memory in regions (docs/performance.md, "libxml2's memory in regions"): a document's
/// tree and errors must not depend on the region, its limit or the thread, and no region may be
/// left behind.
struct XMLMemoryTests {
    static let schema = try! Schemas.shared().programXSD
    static let sample = try! String(contentsOf: BatchThreadsTests.root.appendingPathComponent("samples/programs/bcm-visiting-elective.xml"),
                                    encoding: .utf8)

    /// A tree as text: names, attributes, positions and text of every element, depth first.
    static func outline(_ node: XMLElementNode, into lines: inout [String], depth: Int = 0) {
        let attributes = node.attributes.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
        lines.append("\(depth) \(node.name) \(node.line):\(node.column) [\(attributes)] \(node.text)")
        for child in node.children { outline(child, into: &lines, depth: depth + 1) }
    }

    static func parsed(_ text: String, schema: XMLSchema? = XMLMemoryTests.schema) -> [String] {
        switch XMLDocumentParser.parse(Array(text.utf8), file: "p.xml", schema: schema) {
        case let .success(root):
            var lines: [String] = []
            outline(root, into: &lines)
            return lines
        case let .failure(errors):
            return errors.errors.map { "error " + $0.description }
        }
    }

    /// Valid, not well-formed and schema-invalid documents, each giving something different.
    static let documents: [String] = [
        sample,
        "<program xmlns=\"urn:checkdocs:program:1\"><name>unclosed</program>",
        sample.replacingOccurrences(of: "kind=\"visiting-elective\"", with: "kind=\"holiday\""),
        "<a>\(String(repeating: "&amp;x", count: 3))</a>",
        sample.replacingOccurrences(of: "<name>", with: "<name>\(String(repeating: "long text ", count: 150))"),
        sample.replacingOccurrences(of: "<name>", with: "<name>\(String(repeating: "long text ", count: 2_000))"),
    ]

    @Test("every document parses to the same tree or the same errors, again and again, on many threads at once, and no region is left behind")
    func sameResultsOnEveryThread() {
        let expected = Self.documents.map { Self.parsed($0, schema: $0.hasPrefix("<a>") ? nil : Self.schema) }
        #expect(expected[0].count == 19 && expected[0].first?.hasPrefix("0 program 8:1 [schemaVersion=1 id=bcm-visiting-elective") == true)
        #expect(expected[1].count == 2 && expected[1].allSatisfy { $0.hasPrefix("error p.xml:1:66: error: not well-formed XML: ") })
        #expect(expected[2].count == 1 && expected[2].first?.contains("'holiday' is not an element of the set") == true)
        #expect(expected[3] == ["0 a 1:1 [] &x&x&x"])
        #expect(expected[4].count == 19 && expected[4].dropFirst().first?.count ?? 0 > 1_500)
        #expect(expected[5].count == 1 && expected[5].first?.contains("exceeds the allowed maximum length of '2000'") == true)
        let rounds = Array(0..<400)
        let mismatches = rounds.concurrentMap { round -> Int in
            let index = round % Self.documents.count
            let document = Self.documents[index]
            let again = Self.parsed(document, schema: document.hasPrefix("<a>") ? nil : Self.schema)
            return again == expected[index] && !XMLMemory.inRegion ? 0 : 1
        }
        #expect(mismatches.reduce(0, +) == 0)
        // One region per thread parsing at the same time, reused: never one per document.
        #expect(XMLMemory.regionCount >= 1 && XMLMemory.regionCount <= 64)
        #expect(!XMLMemory.inRegion)
    }

    @Test("a document larger than a region's limit, and one that outgrows its first chunk, give the trees they give within one")
    func pastTheLimit() {
        // About 2 MB of elements and a text that libxml2 grows by realloc.
        let items = (0..<20_000).map { "<item n=\"\($0)\">value \($0)</item>" }.joined(separator: "\n")
        let large = "<list>\n\(items)\n<text>\(String(repeating: "0123456789", count: 50_000))</text></list>"
        let broken = large.replacingOccurrences(of: "<item n=\"19999\">", with: "<item n=\"19999\" n=\"1\">")
        let within = [Self.parsed(large, schema: nil), Self.parsed(broken, schema: nil), Self.parsed(Self.sample)]
        #expect(within[0].count == 20_002 && within[0].last?.hasSuffix("0123456789") == true)
        #expect(within[1].first?.contains("redefined") == true)
        for limit in [64 * 1024, 300 * 1024, 1 << 20] {
            XMLMemory.setRegionLimit(limit)
            defer { XMLMemory.setRegionLimit(nil) }
            #expect([Self.parsed(large, schema: nil), Self.parsed(broken, schema: nil), Self.parsed(Self.sample)] == within,
                    "limit \(limit)")
        }
    }
}
