import Testing
import CheckDocsNative
import CheckDocsFormats
@testable import CheckDocsCore

/// What the cheaper reading of descriptions (docs/performance.md, "Loading descriptions") must
/// keep exactly: duplicate JSON keys found by their scalars in small and large objects, element
/// columns and text as the XML tree gave them, and merged requirements in their order.
struct DescriptionLoadingCostTests {
    @Test("a duplicate JSON key is found by its scalars, in an object of a few keys and of many, at the repeated key")
    func duplicateKeys() throws {
        // NFC "é" and NFD "é" are two keys, not one.
        let distinct = try JSONParser.parse(Array("{\"\u{E9}\": 1, \"e\u{301}\": 2}".utf8))
        #expect(distinct.members?.count == 2)
        for count in [2, 15, 16, 17, 40] {
            let keys = (0..<count).map { "\"k\($0)\": \($0)" }
            let unique = try JSONParser.parse(Array(("{" + keys.joined(separator: ", ") + "}").utf8))
            #expect(unique.members?.count == count)
            // The repeated key is the last one: the error is at its column.
            let text = "{" + (keys + ["\"k\(count / 2)\": 0"]).joined(separator: ", ") + "}"
            let column = text.utf8.count - "\"k\(count / 2)\": 0}".utf8.count + 1
            do {
                _ = try JSONParser.parse(Array(text.utf8))
                Issue.record("a duplicate key among \(count) was accepted")
            } catch {
                #expect(error.message == "duplicate key \"k\(count / 2)\"")
                #expect(error.line == 1 && error.column == column)
            }
        }
    }

    @Test("XML elements keep their columns (prefixed, after others on the line, tabs) and their text pieces joined, but for the white space between children")
    func xmlColumnsAndText() throws {
        let xml = "<?xml version=\"1.0\"?>\n<p:root xmlns:p=\"urn:x\">\n\t<a/><b x=\"1\">one <![CDATA[two]]> three</b>\n  <p:c>\n  </p:c><a\n/>\n</p:root>\n"
        let root = try XMLDocumentParser.parse(Array(xml.utf8), file: "t.xml", schema: nil).get()
        #expect(root.name == "root" && root.line == 2 && root.column == 1)
        #expect(root.children.map(\.name) == ["a", "b", "c", "a"])
        // libxml2 gives the line a start tag ends on: the last <a> is on line 6, where no tag starts.
        #expect(root.children.map(\.line) == [3, 3, 4, 6])
        #expect(root.children.map(\.column) == [2, 6, 3, 0])
        #expect(root.children[1].text == "one two three")
        #expect(root.children[2].text == "\n  ")
        // Only white space between its children (the indentation): no text; mixed content keeps its pieces.
        #expect(root.text == "")
        #expect(root.children[1].attribute("x") == "1" && root.children[1].attribute("y") == nil)
        let mixed = try XMLDocumentParser.parse(Array("<m> x <a/>\n<![CDATA[ ]]>y<b/> </m>".utf8), file: "m.xml", schema: nil).get()
        #expect(mixed.text == " x \n y ")
        let blank = try XMLDocumentParser.parse(Array("<m> <a/>\r\n\t<![CDATA[ ]]></m>".utf8), file: "m.xml", schema: nil).get()
        #expect(blank.text == "" && blank.children.count == 1)
    }

    @Test("a value's white space is trimmed as character by character, with or without the shortcut for plain ASCII ends")
    func trimming() {
        func reference(_ text: String) -> String {
            let start = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
            let end = text.lastIndex { !$0.isWhitespace }.map(text.index(after:)) ?? start
            return String(text[start..<end])
        }
        let values = ["5", " 5", "5 ", "\t12\n", "\u{A0}5\u{A0}", "\u{2003}7", "a\u{301}", "\u{301}a", "", " ", "\r\n5\r\n",
                      "\u{600}5", "x y", "~", "!\u{85}", "\u{7F}5"]
        for value in values {
            #expect(String(value.trimmingWhitespace) == reference(value), "\(Array(value.unicodeScalars))")
        }
    }
}
