import Foundation
import Testing
@testable import CheckDocsNative
@testable import CheckDocsFormats
@testable import CheckDocsCore

/// Regression tests for what scripts/corpora found: untrusted text reached stderr raw (a NUL, a
/// form feed, a newline inside a YAML key broke "one line per error"), and a multi-document
/// YAML stream was refused with libyaml's bare "but found another document".
@Suite struct EscapingTests {
    @Test("a JSON Pointer token escapes ~ as ~0 and / as ~1 (RFC 6901), and leaves every other character as it is")
    func pointerTokens() {
        #expect(JSONPointer.appending("/documents", "cv.pdf") == "/documents/cv.pdf")
        #expect(JSONPointer.appending("/documents", "letters/LoR ~ Dr Müller.pdf") == "/documents/letters~1LoR ~0 Dr Müller.pdf")
        #expect(JSONPointer.appending("", "~/") == "/~0~1")
        #expect(JSONPointer.appending("/a", 3) == "/a/3")
    }

    @Test("control characters, C1 controls and bidi overrides are escaped; ordinary text is untouched")
    func displayText() {
        #expect(DisplayText.escape("Café Ünïcödé, 東京 — ok") == "Café Ünïcödé, 東京 — ok")
        #expect(DisplayText.escape("a\u{1B}[31mred\u{0}\u{7F}") == "a\\x1B[31mred\\x00\\x7F")
        #expect(DisplayText.escape("line\none\ttab\r") == "line\\none\\ttab\\r")
        #expect(DisplayText.escape("csi\u{9B}2J rtl\u{202E}fdp.exe") == "csi\\u{9B}2J rtl\\u{202E}fdp.exe")
        #expect(DisplayText.escape("two\nlines", keepNewlines: true) == "two\nlines")
    }

    @Test("an input error is one line with no raw control character, whatever the key or file name")
    func inputErrorIsOneLine() {
        let error = InputError(SourceLocation(file: "dir\n/evil\u{1B}.yaml", position: .pointer("/block key\n")), "unknown key \"block key\n\u{7}\"")
        let text = error.description
        #expect(!text.unicodeScalars.contains { DisplayText.needsEscape($0) })
        #expect(text == "dir\\n/evil\\x1B.yaml: /block key\\n: error: unknown key \"block key\\n\\x07\"")
    }

    @Test("a stray NUL or form feed in JSON is named as U+XXXX, not printed raw")
    func jsonUnexpectedCharacter() {
        for (input, expected) in [("[\u{0}]", "U+0000"), ("[\u{C}]", "U+000C"), ("[\u{A0}1]", "U+00A0"), ("[é]", "U+00E9")] {
            #expect {
                try JSONParser.parse(Array(input.utf8))
            } throws: { error in
                let message = (error as? JSONParser.SyntaxError)?.message ?? ""
                return message.contains(expected) && !message.unicodeScalars.contains { DisplayText.needsEscape($0) }
            }
        }
    }

    @Test("a second YAML document is refused with a message that says so, at its line")
    func multiDocumentYAML() {
        #expect {
            try YAMLReader.read(Array("applicant: {}\n---\napplicant: {}\n".utf8))
        } throws: { error in
            guard let failure = error as? YAMLReader.Failure else { return false }
            return failure.line == 2 && failure.message.contains("one YAML document")
        }
    }

    static let unreadableManifests: [(bytes: [UInt8], line: Int, column: Int, says: String)] = [
        (Array("schemaVersion: 1\napplicant:\n  name: \"a".utf8) + [0] + Array("b\"\n".utf8), 3, 11, "control characters"),
        (Array("a: 1\nname: \"Jos".utf8) + [0xE9] + Array("\"\n".utf8), 2, 11, "not valid UTF-8"),
        ([0xFF, 0xFE] + Array("a".utf8).flatMap { [$0, 0] }, 1, 1, "the file is UTF-16; save it as UTF-8"),
        // After a CRLF, and after letters of two bytes: lines and columns, not bytes.
        (Array("schemaVersion: 1\r\n".utf8) + [1] + Array("applicant: {}\r\n".utf8), 2, 1, "control characters"),
        (Array("a: \"\u{E9}\u{E9}\u{E9}\"\nb: \"\u{E9}".utf8) + [1] + Array("\"\n".utf8), 2, 6, "control characters"),
    ]

    @Test("a manifest's NUL, byte that is not UTF-8, or UTF-16 is refused at its line and column, as every other YAML error is",
          arguments: unreadableManifests)
    func locatedReaderErrors(bytes: [UInt8], line: Int, column: Int, says: String) {
        #expect {
            try YAMLReader.read(bytes)
        } throws: { error in
            guard let failure = error as? YAMLReader.Failure else { return false }
            return failure.line == line && failure.column == column && failure.message.contains(says)
        }
    }

    @Test("a YAML scalar that starts with U+FEFF keeps it, written raw or escaped in any case; a text without one is not searched")
    func yamlByteOrderMarks() throws {
        let raw = try YAMLReader.read(Array("a: \"\u{FEFF}CV.pdf\"\n".utf8))
        #expect(raw["a"] == .string("\u{FEFF}CV.pdf"))
        for escape in ["\\uFEFF", "\\ufeff", "\\uFeFf", "\\U0000FEFF"] {
            let escaped = try YAMLReader.read(Array("a: \"\(escape)CV.pdf\"\n".utf8))
            #expect(escaped["a"] == .string("\u{FEFF}CV.pdf"), "\(escape)")
        }
        #expect(ByteOrderMarks.mayHaveMark("x: \u{FEFF}".utf8) && ByteOrderMarks.mayHaveMark("x: FeFf".utf8))
        #expect(!ByteOrderMarks.mayHaveMark("files: [fef, eff, f e f f, \u{FFFE}]".utf8))
    }

    @Test("JSON reports escape C1 controls too, and stay valid JSON")
    func jsonWriterEscapesC1() throws {
        let text = JSONWriter.write(.object([JSONMember(key: "k\u{9B}", value: .string("v\u{1B}\u{85}"))]))
        #expect(text.contains("\\u009b") && text.contains("\\u001b") && text.contains("\\u0085"))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String])
        #expect(parsed["k\u{9B}"] == "v\u{1B}\u{85}")
    }

    @Test("the eight-bytes-at-a-time scan finds the same first special byte as a byte-by-byte one, wherever it falls")
    func wordScanAgreesWithByteScan() {
        // Every special byte, at every offset of a 0–24-byte run of plain text, from every start.
        let specials: [UInt8] = [0x00, 0x01, 0x1F, 0x22, 0x5C, 0x7F, 0x80, 0xC2, 0xE2, 0xFF]
        let plain: [UInt8] = [0x20, 0x21, 0x23, 0x41, 0x5B, 0x5D, 0x7E]
        func reference(_ bytes: [UInt8], from start: Int) -> Int {
            bytes[start...].firstIndex { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 >= 0x7F } ?? bytes.count
        }
        for length in 0...24 {
            let run = (0..<length).map { plain[$0 % plain.count] }
            var cases = [run]
            for special in specials { for position in run.indices { var bytes = run; bytes[position] = special; cases.append(bytes) } }
            for bytes in cases {
                for start in 0...bytes.count {
                    let found = bytes.withUnsafeBufferPointer { ByteSearch.firstJSONSpecialByte(in: $0, from: start) }
                    #expect(found == reference(bytes, from: start), "\(bytes) from \(start)")
                }
            }
        }
    }

    @Test("escaped JSON strings round-trip whatever mix of plain and special characters they hold")
    func jsonEscapeRoundTrips() throws {
        let pieces = ["plain text ", "\"", "\\", "\n", "\u{1}", "\u{7F}", "é", "\u{85}", "\u{2028}", "\u{202E}", "日本", "\u{1F600}", "12345678"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var out: [UInt8] = []
            JSONWriter.escape(text, into: &out)
            let decoded = try JSONSerialization.jsonObject(with: Data(out), options: .fragmentsAllowed) as? String
            #expect(decoded == text)
            #expect(!out.contains { $0 < 0x20 })
        }
    }

    @Test("file names: control characters and invalid bytes are escaped, valid UTF-8 kept")
    func filePathDisplay() {
        #expect(FilePath(bytes: Array("CV\u{9B}.pdf".utf8)).description == "CV\\u{9B}.pdf")
        #expect(FilePath(bytes: [0x62, 0xFF, 0x1B, 0xC3, 0xA9]).description == "b\\xFF\\x1Bé")
    }
}
