import Foundation
import Testing
@testable import CheckDocsNative
@testable import CheckDocsCore

/// A PDF, JPEG or PNG is typed by its first bytes without libmagic (`ContentSignature`); these
/// check that libmagic says the same of the files the signatures claim, and that the files
/// libmagic types otherwise (a tar header, comma-separated text) are left to it, so that
/// skipping it changes no type (docs/inspection.md, "Type, for every file").
@Suite struct ContentSignatureTests {
    /// Bytes that start with `head`, then random bytes, text or nothing, cut at several lengths.
    static func variants(of head: [UInt8], seed: UInt64) -> [[UInt8]] {
        var generator = SeededGenerator(seed: seed)  // the same bytes on every run
        var variants: [[UInt8]] = []
        let text = Array("1 0 obj <</Type /Catalog>> endobj\nhello world, plain text\na,b\n1,2\n".utf8)
        for length in [0, 1, 2, 3, 7, 16, 100, 1000] {
            variants.append(head + (0 ..< length).map { _ in UInt8.random(in: 0 ... 255, using: &generator) })
            variants.append(head + Array(repeatElement(text, count: 30).joined().prefix(length)))
            variants.append(head + Array(repeating: 0, count: length))
        }
        return variants
    }

    @Test("libmagic gives every file a signature types the same MIME type")
    func agreesWithLibmagic() throws {
        // libmagic and its database are installed where the tests run (scripts/setup).
        try #require(MagicSniffer.shared.mimeType(of: Array("%PDF-1.7\n".utf8)) == "application/pdf")
        let heads: [[UInt8]] = [ContentSignature.pdf, Array("%PDF-1.4\n%\u{e2}".utf8), ContentSignature.png,
                                ContentSignature.jpeg + [0x00], ContentSignature.jpeg + [0xE0], ContentSignature.jpeg + [0xE1],
                                ContentSignature.jpeg + [0xDB], ContentSignature.jpeg + [0xFF], ContentSignature.jpeg + [0x41]]
        var checked = 0
        for (index, head) in heads.enumerated() {
            for bytes in Self.variants(of: head, seed: UInt64(index + 1)) {
                let prefix = Array(bytes.prefix(MagicSniffer.prefixBytes))
                guard let claimed = ContentSignature.mimeType(of: prefix) else { continue }
                #expect(MagicSniffer.shared.mimeType(of: prefix) == claimed, "\(Array(prefix.prefix(20)))")
                checked += 1
            }
        }
        // Nearly all are claimed: a few random tails read as comma-separated text, left to libmagic.
        #expect(checked >= heads.count * 22)
    }

    /// A 512-byte tar header whose first bytes are `head` and whose checksum is right: libmagic
    /// calls it a tar archive before it looks at any signature.
    static func tarHeader(startingWith head: [UInt8]) -> [UInt8] {
        var header = head + Array(repeating: 0, count: 512 - head.count)
        for index in 148 ..< 156 { header[index] = 0x20 }
        let sum = header.reduce(0) { $0 + Int($1) }
        let field = Array(String(sum, radix: 8).utf8)
        let digits = Array(repeating: UInt8(ascii: "0"), count: 6 - field.count) + field
        header.replaceSubrange(148 ..< 156, with: digits + [0, 0x20])
        return header + Array(repeating: 0, count: 512)
    }

    @Test("a tar header's checksum and comma-separated text, which libmagic tries before any signature, leave the file to libmagic")
    func tarAndCSVAreLeftToLibmagic() throws {
        try #require(MagicSniffer.shared.mimeType(of: Array("%PDF-1.7\n".utf8)) == "application/pdf")
        let tars = [Self.tarHeader(startingWith: Array("%PDF-1.4.txt".utf8)), Self.tarHeader(startingWith: ContentSignature.jpeg + [0xE0]),
                    Self.tarHeader(startingWith: ContentSignature.png)]
        for tar in tars {
            #expect(MagicSniffer.shared.mimeType(of: tar) == "application/x-tar")
            #expect(ContentSignature.mimeType(of: tar) == nil)
        }
        let texts = ["%PDF-1.4,a,b\n1,2,3\n4,5,6\n7,8,9\n", "%PDF-\"x\n,y\",z\n1,2\n3,4\n"].map { Array($0.utf8) }
            + [ContentSignature.jpeg + [0xE0] + Array("a,b\n1,2\n3,4\n5,6\n".utf8)]
        for text in texts {
            #expect(MagicSniffer.shared.mimeType(of: text) == "text/csv")
            #expect(ContentSignature.mimeType(of: text) == nil)
        }
        // A real PDF's first line holds no comma, and a JPEG's or PNG's header a NUL byte: still typed.
        #expect(ContentSignature.mimeType(of: Array("%PDF-1.4\n1,2\n3,4\n5,6\n".utf8)) == "application/pdf")
        #expect(MagicSniffer.shared.mimeType(of: Array("%PDF-1.4\n1,2\n3,4\n5,6\n".utf8)) == "application/pdf")
    }

    @Test("what libmagic would not type as such is left to it: a bare JPEG marker, a PNG signature without its IHDR chunk")
    func shortOrPartialHeadsAreLeftToLibmagic() {
        #expect(ContentSignature.mimeType(of: ContentSignature.jpeg) == nil)
        #expect(ContentSignature.mimeType(of: Array(ContentSignature.png.prefix(8)) + [1, 2, 3, 4, 5, 6, 7, 8]) == nil)
        #expect(ContentSignature.mimeType(of: Array("PK\u{3}\u{4}".utf8)) == nil)
        #expect(ContentSignature.mimeType(of: Array(" %PDF-1.7".utf8)) == nil)
    }

    @Test("every PDF, JPEG and PNG in the samples and the test fixtures gets libmagic's type")
    func samplesAgree() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var checked = 0
        for folder in ["samples", "Tests"] {
            guard let walker = FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path) else { continue }
            for case let path as String in walker {
                let url = root.appendingPathComponent(folder).appendingPathComponent(path)
                guard ["pdf", "jpg", "jpeg", "png"].contains(url.pathExtension.lowercased()),
                      let data = FileManager.default.contents(atPath: url.path) else { continue }
                let prefix = Array(data.prefix(MagicSniffer.prefixBytes))
                guard let claimed = ContentSignature.mimeType(of: prefix) else { continue }
                #expect(MagicSniffer.shared.mimeType(of: prefix) == claimed, "\(folder)/\(path)")
                checked += 1
            }
        }
        #expect(checked > 50)
    }
}
