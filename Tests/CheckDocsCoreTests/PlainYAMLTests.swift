import Foundation
import Testing
@testable import CheckDocsFormats
import CheckDocsNative

/// `YAMLReader.read` takes a plain document straight from libyaml's events and leaves anything
/// else to Yams (docs/performance.md, "Manifests from libyaml's events"). Both readings must give
/// the same value, and the same error, for every text: every YAML file of the repository, the
/// manifest fuzzer's kept inputs, and texts written for the cases each path treats apart.
@Suite struct PlainYAMLTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let written: [String] = [
        "", "# only a comment\n", "---\n", "---\n...\n", "a: 1\n", "a:\n", "a: ~\n", "a: null\nb: Null\nc: NULL\n",
        "a: yes\nb: No\nc: on\nd: OFF\ne: true\nf: False\n", "a: 1\nb: -2.5\nc: 1e3\nd: +4\ne: 0x10\nf: 1_000\ng: .inf\nh: 0o7\n",
        "a: 2026-12-01\nb: 12:30\nc: 1:20:30\n", "a: 'single'\nb: \"double\"\nc: \"yes\"\nd: '1'\n",
        "a: |\n  line one\n  line two\nb: >\n  folded\n  text\n", "a: [1, two, \"3\", {b: c}]\n", "{a: 1, b: [x, y]}\n",
        "- a\n- b: 1\n  c: [2, 3]\n- - nested\n", "a: \"tab\\there\\nnewline\\0nul\"\n", "\"quoted key\": 1\n'other': 2\n",
        "a: 1\na: 2\n", "a: 1\n\"a\": 2\n", "x:\n  a: 1\n  a: 2\n", "? [a]\n: 1\n", "? {a: 1}\n: 2\n",
        "a: &anchor 1\nb: *anchor\n", "a: *missing\n", "a: !!str 1\n", "a: !custom x\n", "!!map {a: 1}\n", "a: !!int 1\n",
        "a: 1\n---\nb: 2\n", "a: [1, 2\n", "a: \"unterminated\n", "a:\n\tb: 1\n", "  a: 1\n b: 2\n", "a: b: c\n",
        "\u{FEFF}a: 1\n", "a: \"\u{FEFF}CV.pdf\"\n", "a: \"\\uFEFFCV.pdf\"\n", "feff: 1\n", "a: café\nb: \"cafe\u{301}\"\n",
        "café: 1\n\"cafe\u{301}\": 2\n", "emoji: \"😀\"\nchinese: 中文\n", "a:\n  - b:\n      - c:\n          d: e\n",
        "documents:\n  Passport_bio_page.pdf:\n    type: passport\n    expires: 2031-05-01\n",
        String(repeating: "[", count: 64) + String(repeating: "]", count: 64) + "\n",
        String(repeating: "- ", count: 70) + "x\n",
        (0..<70).map { String(repeating: "  ", count: $0) + "k\($0):" }.joined(separator: "\n") + " end\n",
    ]

    static func files() -> [(name: String, bytes: [UInt8])] {
        var found: [(String, [UInt8])] = []
        let manager = FileManager.default
        for top in ["samples", "Tests", "catalog", "checklists", "docs"] {
            guard let walker = manager.enumerator(atPath: root.appendingPathComponent(top).path) else { continue }
            for case let path as String in walker where path.hasSuffix(".yaml") || path.hasSuffix(".yml") || path.contains("FuzzManifest/") {
                let full = root.appendingPathComponent(top).appendingPathComponent(path).path
                var isDirectory: ObjCBool = false
                guard manager.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                      let data = manager.contents(atPath: full) else { continue }
                found.append((top + "/" + path, [UInt8](data)))
            }
        }
        return found
    }

    /// Each file's text cut after each of its lines, and with each line left out or doubled: many
    /// plain documents, and as many broken ones (a key doubled, a block cut open, bad indentation).
    static func variants(_ files: [(name: String, bytes: [UInt8])]) -> [(name: String, bytes: [UInt8])] {
        var variants: [(String, [UInt8])] = []
        for (name, bytes) in files {
            let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            for index in lines.indices {
                variants.append(("\(name) to line \(index + 1)", Array(lines[...index].joined(separator: "\n").utf8)))
                var without = lines
                without.remove(at: index)
                variants.append(("\(name) without line \(index + 1)", Array(without.joined(separator: "\n").utf8)))
                var doubled = lines
                doubled.insert(lines[index], at: index)
                variants.append(("\(name) with line \(index + 1) twice", Array(doubled.joined(separator: "\n").utf8)))
            }
        }
        return variants
    }

    /// The reading through Yams alone, after the same checks `read` makes first.
    static func throughYams(_ bytes: [UInt8]) -> Result<JSONValue, YAMLReader.Failure> {
        Result { () throws(YAMLReader.Failure) -> JSONValue in try YAMLReader.readThroughYams(try YAMLReader.checked(bytes)) }
    }

    @Test("libyaml's events and Yams's nodes read every text alike, value or error")
    func sameReading() {
        let files = Self.files()
        let inputs = files + Self.variants(files) + Self.written.enumerated().map { ("written #\($0.offset)", Array($0.element.utf8)) }
        var plain = 0
        for (name, bytes) in inputs {
            let read = Result { () throws(YAMLReader.Failure) -> JSONValue in try YAMLReader.read(bytes) }
            switch (read, Self.throughYams(bytes)) {
            case let (.success(value), .success(expected)):
                #expect(value == expected, "\(name)")
            case let (.failure(failure), .failure(expected)):
                #expect(failure.line == expected.line && failure.column == expected.column && failure.message == expected.message, "\(name)")
            case let (got, expected):
                Issue.record("\(name): \(got) against Yams's \(expected)")
            }
            if LibYAMLEvents.events(bytes).flatMap(YAMLReader.plainValue) != nil, !CheckDocsFormats.ByteOrderMarks.mayHaveMark(bytes) { plain += 1 }
        }
        // The comparison is worth something only if most texts take the events' way.
        #expect(inputs.count > 1000)
        #expect(plain > 500, "\(plain) of \(inputs.count) read from the events")
    }

    @Test("the events' way refuses what only Yams reports: anchors, aliases, tags, a second document, duplicates, keys that are not scalars, errors")
    func refusals() {
        for text in ["a: &x 1\nb: *x\n", "a: !!str 1\n", "!!map {a: 1}\n", "a: 1\n---\nb: 2\n", "a: [1, 2\n", "a: \"x\n"] {
            #expect(LibYAMLEvents.events(Array(text.utf8)) == nil, "\(text.debugDescription)")
        }
        for text in ["a: 1\na: 2\n", "? [a]\n: 1\n", String(repeating: "- ", count: 70) + "x\n"] {
            let events = LibYAMLEvents.events(Array(text.utf8))
            #expect(events != nil && YAMLReader.plainValue(events!) == nil, "\(text.debugDescription)")
        }
        #expect(LibYAMLEvents.events([]) == [])
        #expect(YAMLReader.plainValue([]) == .object([]))
    }

    @Test("an explicit !!bool must be a boolean word: 'perhaps' is an error with its place, never false")
    func taggedBooleans() throws {
        #expect(try YAMLReader.read(Array("a: !!bool yes\nb: !!bool off\n".utf8)) == .object([JSONMember(key: "a", value: .bool(true)),
                                                                                              JSONMember(key: "b", value: .bool(false))]))
        #expect {
            try YAMLReader.read(Array("a: 1\nb: !!bool perhaps\n".utf8))
        } throws: { error in
            guard let failure = error as? YAMLReader.Failure else { return false }
            return failure.line == 2 && failure.message.contains("\"perhaps\" is tagged !!bool but is not a boolean")
        }
    }

    @Test("a byte-order mark opening the manifest is the encoding's, not text: two keys read as without it, errors on the same lines")
    func openingByteOrderMark() throws {
        let text = "schemaVersion: 1\ndocuments:\n  \"CV.pdf\":\n    type: cv\n"
        #expect(try YAMLReader.read([0xEF, 0xBB, 0xBF] + Array(text.utf8)) == (try YAMLReader.read(Array(text.utf8))))
        let broken = "a: 1\nb: c: d\n"
        var lines: [Int] = []
        for bytes in [Array(broken.utf8), [0xEF, 0xBB, 0xBF] + Array(broken.utf8)] {
            do {
                _ = try YAMLReader.read(bytes)
            } catch {
                lines.append(error.line)
            }
        }
        #expect(lines == [2, 2])
    }

    @Test("an explicit !!str keeps a boolean, null or number word text; the same words untagged keep their YAML types")
    func taggedStrings() throws {
        let tagged = try YAMLReader.read(Array("a: !!str Yes\nb: !!str off\nc: !!str null\nd: !!str 12\ne: !!str\n".utf8))
        #expect(tagged == .object([JSONMember(key: "a", value: .string("Yes")), JSONMember(key: "b", value: .string("off")),
                                   JSONMember(key: "c", value: .string("null")), JSONMember(key: "d", value: .string("12")),
                                   JSONMember(key: "e", value: .string(""))]))
        // A tag elsewhere in the document sends it through Yams: the untagged words are typed as before.
        let mixed = try YAMLReader.read(Array("a: !!str x\nb: Yes\nc: ~\nd: 12\n".utf8))
        #expect(mixed == .object([JSONMember(key: "a", value: .string("x")), JSONMember(key: "b", value: .bool(true)),
                                  JSONMember(key: "c", value: .null), JSONMember(key: "d", value: .number(12, "12"))]))
    }
}
