import Testing
@testable import CheckDocsCore

/// RFC 5545 details of the calendar writer: TEXT escaping and 75-octet folding.
@Suite struct ICalendarWriterTests {
    @Test("TEXT escaping: backslash, semicolon, comma and newline; control characters dropped")
    func escaping() {
        #expect(ICalendarWriter.escape("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne")
        #expect(ICalendarWriter.escape("x\r\ny\rz") == "x\\ny\\nz")
        #expect(ICalendarWriter.escape("bell\u{7}\u{1B}[31m\u{7F}tab\tok") == "bell[31mtab\tok")
    }

    @Test("folding: at most 75 octets a line, continuation lines start with a space, no UTF-8 sequence split",
          arguments: ["é", "€", "😀", "a"])
    func folding(piece: String) throws {
        for prefix in 0..<4 {
            let line = "DESCRIPTION:" + String(repeating: "x", count: prefix) + String(repeating: piece, count: 90)
            let folded = ICalendarWriter.fold(line)
            #expect(folded.hasSuffix("\r\n"))
            let physical = Array(folded.utf8).split(separator: UInt8(ascii: "\n")).map { Array($0) }
            var unfolded: [UInt8] = []
            for (index, raw) in physical.enumerated() {
                #expect(raw.last == UInt8(ascii: "\r"))
                let content = Array(raw.dropLast())
                #expect(content.count <= 75)
                #expect(String(validating: content, as: UTF8.self) != nil, "a UTF-8 sequence was split")
                if index > 0 { #expect(content.first == UInt8(ascii: " ")) }
                unfolded += index > 0 ? Array(content.dropFirst()) : content
            }
            #expect(unfolded == Array(line.utf8))
        }
        #expect(ICalendarWriter.fold("SHORT:1") == "SHORT:1\r\n")
    }
}
