import Foundation
import Testing
@testable import CheckDocsFormats
@testable import CheckDocsCore

@Suite struct SchemaPatternTests {
    /// Every `pattern` in the shipped JSON schemas.
    static func builtinPatterns() throws -> [String] {
        var found: [String] = []
        for name in ["program.schema.json", "manifest.schema.json", "document-types.schema.json", "waivers.schema.json"] {
            let text = try #require(BuiltinData.file("schema/" + name))
            func collect(_ value: JSONValue) {
                switch value {
                case let .object(members):
                    for member in members {
                        if member.key == "pattern", let pattern = member.value.stringValue { found.append(pattern) }
                        collect(member.value)
                    }
                case let .array(items): items.forEach(collect)
                default: break
                }
            }
            collect(try JSONParser.parse(Array(text.utf8)))
        }
        return found
    }

    static let samples = ["", "a", "A", "ab", "US", "USA", "us", "usd", "USD", "en", "eng", "e", "2026-12-01", "2026-1-01",
                          "12-31", "13-01", "02-30", "00-10", "11-01/03-31", "11-01/3-31", "tb", "tb_igra", "tb-igra", "Tb",
                          "bench-00001", "a.b_c-d", "-a", ".a", "a/b", "b1/b2", String(repeating: "a", count: 40),
                          String(repeating: "a", count: 41), String(repeating: "a", count: 80), String(repeating: "a", count: 81),
                          "é", "aé", "a b", "a\nb", "abc$", "^abc", String(repeating: "x", count: 100_000)]

    @Test("the shipped schemas' patterns are matched without ICU, exactly as NSRegularExpression matches them")
    func sameAsRegex() throws {
        let patterns = try Self.builtinPatterns()
        #expect(patterns.count >= 10)
        for pattern in patterns {
            let native = try #require(SchemaPattern(pattern))
            #expect(native.isNative, "\(pattern) needs ICU")
            let regex = try NSRegularExpression(pattern: pattern)
            for sample in Self.samples {
                let expected = regex.firstMatch(in: sample, range: NSRange(sample.startIndex..., in: sample)) != nil
                #expect(native.matches(sample) == expected, "\(pattern) on \(sample.prefix(20)) (\(sample.count) characters)")
            }
        }
    }

    @Test("patterns outside the subset still work, through NSRegularExpression")
    func fallback() throws {
        let pattern = try #require(SchemaPattern(#"^\d+(\.\d+)?$"#))
        #expect(!pattern.isNative)
        #expect(pattern.matches("3.14") && !pattern.matches("3."))
        #expect(SchemaPattern("^(unclosed$") == nil)
    }
}
