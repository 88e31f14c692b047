import Foundation
import Testing
@testable import CheckDocsNative
@testable import CheckDocsFormats
@testable import CheckDocsCore

/// Regression tests for what scripts/corpora found: untrusted text reached stderr raw (a NUL, a
/// form feed, a newline inside a YAML key broke "one line per error"), and a multi-document
/// YAML stream was refused with libyaml's bare "but found another document".
@Suite struct EscapingTests {
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

    @Test("JSON reports escape C1 controls too, and stay valid JSON")
    func jsonWriterEscapesC1() throws {
        let text = JSONWriter.write(.object([JSONMember(key: "k\u{9B}", value: .string("v\u{1B}\u{85}"))]))
        #expect(text.contains("\\u009b") && text.contains("\\u001b") && text.contains("\\u0085"))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String])
        #expect(parsed["k\u{9B}"] == "v\u{1B}\u{85}")
    }

    @Test("file names: control characters and invalid bytes are escaped, valid UTF-8 kept")
    func filePathDisplay() {
        #expect(FilePath(bytes: Array("CV\u{9B}.pdf".utf8)).description == "CV\\u{9B}.pdf")
        #expect(FilePath(bytes: [0x62, 0xFF, 0x1B, 0xC3, 0xA9]).description == "b\\xFF\\x1Bé")
    }
}
