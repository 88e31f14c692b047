import Foundation
import Testing
@testable import CheckDocsNative
@testable import CheckDocsFormats
@testable import CheckDocsCore

/// The JSON report's byte buffer and the writers over it (docs/performance.md, "JSON report
/// writer"): the same bytes as the `[UInt8]` writers, which the goldens and the schema pin.
@Suite struct ByteBufferTests {
    static func bytes(_ write: (inout ByteBuffer) -> Void, capacity: Int = 0) -> [UInt8] {
        var buffer = ByteBuffer(capacity: capacity)
        write(&buffer)
        return buffer.array()
    }

    static func text(_ write: (inout ByteBuffer) -> Void) -> String {
        String(decoding: bytes(write), as: UTF8.self)
    }

    static func escapedByArray(_ text: String) -> String {
        var out: [UInt8] = []
        JSONWriter.escape(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test("strings are escaped byte for byte as before: C0 and C1 controls, DEL, quotes, backslash, U+2028/2029, bidi controls")
    func escaping() {
        let cases: [(String, String)] = [
            ("", #""""#),
            ("plain text, longer than eight bytes", #""plain text, longer than eight bytes""#),
            ("q\"b\\s/", #""q\"b\\s/""#),
            ("n\nr\rt\t", #""n\nr\rt\t""#),
            ("\u{0}\u{1}\u{8}\u{B}\u{C}\u{1B}\u{1F}\u{7F}", #""\u0000\u0001\u0008\u000b\u000c\u001b\u001f\u007f""#),
            ("c1 \u{80}\u{85}\u{9B}\u{9F} kept \u{A0}\u{FF}", "\"c1 \\u0080\\u0085\\u009b\\u009f kept \u{A0}\u{FF}\""),
            ("js \u{2028}\u{2029} bidi \u{202A}\u{202E}\u{2066}\u{2069}", #""js \u2028\u2029 bidi \u202a\u202e\u2066\u2069""#),
            ("near \u{2027}\u{202F}\u{2065}\u{206A}", "\"near \u{2027}\u{202F}\u{2065}\u{206A}\""),
            ("Café Ünïcödé, 東京 — ok 🩺", "\"Café Ünïcödé, 東京 — ok 🩺\""),
            ("tail\u{1}", #""tail\u0001""#),
        ]
        for (input, expected) in cases {
            #expect(Self.text { $0.append(jsonString: input) } == expected, "\(input.debugDescription)")
            #expect(Self.escapedByArray(input) == expected, "\(input.debugDescription)")
        }
    }

    @Test("the buffer's escaping and the array writer's agree on every string of awkward pieces")
    func escapingAgrees() {
        let pieces = ["a", "bcdefghij", "\"", "\\", "\n", "\u{0}", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}", "é", "\u{2028}",
                      "\u{202E}", "\u{2066}", "\u{206A}", "\u{2030}", "東", "🩺", " "]
        // Every piece at every place of a plain run of 0–24 bytes, and two pieces around it: the
        // buffer copies words and the run's last word at once, before and after an escape.
        for length in 0...24 {
            for position in 0...length {
                for piece in pieces {
                    for other in ["", "\"", "é", "\u{2028}"] {
                        let text = other + String(repeating: "a", count: position) + piece + String(repeating: "b", count: length - position) + other
                        var array: [UInt8] = []
                        JSONWriter.escape(text, into: &array)
                        #expect(Self.bytes { $0.append(jsonString: text) } == array, "\(text.debugDescription)")
                    }
                }
            }
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let buffered = Self.bytes { $0.append(jsonString: text) }
            var array: [UInt8] = []
            JSONWriter.escape(text, into: &array)
            #expect(buffered == array, "\(text.debugDescription)")
            let parsed = try? JSONSerialization.jsonObject(with: Data(buffered), options: .fragmentsAllowed) as? String
            #expect(parsed == text, "\(text.debugDescription)")
        }
    }

    @Test("the word scan finds the first byte to look at whatever precedes it, several special bytes in a word included")
    func scanWithSeveralSpecials() {
        let bytes: [UInt8] = [0x00, 0x1F, 0x20, 0x21, 0x22, 0x41, 0x5B, 0x5C, 0x5D, 0x7E, 0x7F, 0x80, 0xC2, 0xFF]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            // Mostly plain, so that runs of plain bytes longer than a word occur.
            let run = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                Int.random(in: 0..<4, using: &generator) == 0 ? bytes.randomElement(using: &generator)! : UInt8(ascii: "a")
            }
            for start in 0...run.count {
                let expected = run[start...].firstIndex { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 >= 0x7F } ?? run.count
                let found = run.withUnsafeBufferPointer { ByteSearch.firstJSONSpecialByte(in: $0, from: start) }
                #expect(found == expected, "\(run) from \(start)")
            }
        }
    }

    @Test("integers are spelled as String(_:) spells them, negatives and the extremes included")
    func integers() {
        for value in [0, 7, 10, -1, -10, 42, 1_000_000, -987_654_321, Int.max, Int.min, Int.min + 1] {
            #expect(Self.text { $0.append(decimal: value) } == String(value))
        }
    }

    @Test("dates are written as CalendarDate.description spells them, quoted")
    func dates() {
        let dates = [CalendarDate.first, CalendarDate.last, CalendarDate(iso: "2026-12-01")!, CalendarDate(iso: "0999-02-09")!,
                     CalendarDate(iso: "2024-02-29")!, CalendarDate(iso: "1970-10-31")!]
        for date in dates {
            #expect(Self.text { JSONReporter.write(date, into: &$0) } == "\"\(date.description)\"")
        }
        #expect(Self.text { $0.append(digitsOf: 7, width: 4) } == "0007")
        #expect(Self.text { $0.append(digitsOf: 12_345, width: 2) } == "45")
    }

    @Test("the buffer grows past its capacity without losing a byte")
    func growth() {
        var expected: [UInt8] = []
        let written = Self.bytes({ buffer in
            for round in 0..<500 {
                buffer.append(UInt8(truncatingIfNeeded: round))
                expected.append(UInt8(truncatingIfNeeded: round))
                buffer.appendLine(after: 0, indentation: round % 13)
                expected += [UInt8(ascii: "\n")] + repeatElement(0x20, count: 2 * (round % 13))
                let text = String(repeating: "ab", count: round % 40)
                buffer.append(utf8: text)
                expected += Array(text.utf8)
                buffer.append("a literal longer than eight bytes")
                expected += Array("a literal longer than eight bytes".utf8)
            }
        }, capacity: 1)
        #expect(written == expected)
        #expect(Self.bytes { _ in } == [])
    }

    @Test("bytes written into an array's storage come back whole, whether they fit its capacity or outgrow it")
    func writtenInPlace() {
        for (capacity, rounds) in [(64, 3), (4_096, 100), (1, 300), (100, 50)] {
            var expected: [UInt8] = []
            let written = ByteBuffer.array(capacity: capacity) { buffer in
                for round in 0..<rounds {
                    buffer.append(jsonString: "item \(round)\n")
                    buffer.appendLine(after: UInt8(ascii: ","), indentation: round % 5)
                    buffer.append(decimal: -round)
                }
            }
            for round in 0..<rounds {
                JSONWriter.escape("item \(round)\n", into: &expected)
                expected += [UInt8(ascii: ","), UInt8(ascii: "\n")] + Array(repeating: UInt8(ascii: " "), count: 2 * (round % 5))
                expected += Array(String(-round).utf8)
            }
            #expect(written == expected, "capacity \(capacity), \(rounds) rounds")
        }
        #expect(ByteBuffer.array(capacity: 0) { _ in } == [])
    }

    @Test("the object and array writers over the buffer write JSONWriter's layout")
    func objectWriterAgrees() {
        let written = Self.bytes { out in
            var object = JSONObjectWriter(depth: 1)
            object.string("s", "x\ny", into: &out)
            object.bool("b", false, into: &out)
            object.integer("i", -12, into: &out)
            object.raw("d", "15.25", into: &out)
            object.strings("none", [String](), into: &out)
            object.strings("list", ["a", "\u{85}"], into: &out)
            object.key(escaping: "k\"", into: &out)
            let array = JSONArrayWriter(depth: 2)
            array.close(into: &out)
            object.close(into: &out)
            JSONObjectWriter(depth: 0).close(into: &out)
        }
        let expected: JSONValue = .object([
            JSONMember(key: "s", value: .string("x\ny")), JSONMember(key: "b", value: .bool(false)),
            JSONMember(key: "i", value: .number(-12, "-12")), JSONMember(key: "d", value: .number(15.25, "15.25")),
            JSONMember(key: "none", value: .array([])), JSONMember(key: "list", value: .array([.string("a"), .string("\u{85}")])),
            JSONMember(key: "k\"", value: .array([])),
        ])
        var array: [UInt8] = []
        JSONWriter.write(expected, indent: 1, into: &array)
        JSONWriter.raw("{}", into: &array)
        #expect(written == array)
    }

    struct Unreadable: CandidateFailure {
        var reason: FindingReason { FindingReason(kind: "file", code: "unreadable", file: nil, fields: [.init(key: "page", value: .int(2))]) }
        var sentence: String { "it cannot be read \"here\"" }
    }

    @Test("a program with every optional member is written as JSONWriter writes its tree")
    func programAgrees() throws {
        let date = CalendarDate(iso: "2026-12-01")!
        let failing = ReporterUnitTests.requirement("r2", .expired, files: [FilePath("a.pdf"), FilePath("b\u{1B}.pdf")])
        var full = failing
        full.reason = FindingReason(kind: "window", code: "before-window", file: FilePath("a.pdf"), fields: [
            .init(key: "date", value: .date(date)), .init(key: "months", value: .int(-12)), .init(key: "ratio", value: .number(2.5)),
            .init(key: "strict", value: .bool(true)), .init(key: "types", value: .strings(["cv", "lor"])),
            .init(key: "none", value: .strings([])), .init(key: "text", value: .string("t\u{2029}")),
        ])
        full.candidates = [CandidateFile(path: FilePath("a.pdf"), counted: false, failure: Unreadable()), CandidateFile(path: FilePath("c.pdf"), counted: true)]
        full.choice = ChoiceToMake(documentType: "lor", max: 4, found: 5)
        full.rule = "window: within 12 months"
        full.origin = "checklist x"
        full.waiver = AppliedWaiver(originalStatus: .missing, reason: "why", expires: date, location: SourceLocation(file: "w.yaml"))
        let program = ProgramResult(
            id: "p1", name: "Name", institution: "Inst", kind: .observership,
            source: Provenance(href: "https://example.org", asOf: date), checklists: ["usmle", "ecfmg"],
            rotation: Rotation(start: date, end: CalendarDate(iso: "2027-01-31")!), deadline: nil, effectiveDeadline: date,
            fees: [Fee(amount: Decimal(string: "15.50")!, currency: "USD", label: "fee"), Fee(amount: 0, currency: "EUR", label: "free")],
            status: .notReady, requirements: [ReporterUnitTests.requirement("ok", .ok), full], file: "p1.xml",
            session: SessionChoice(start: date, reason: .earliestOpen, count: 3))
        func string(_ text: String) -> JSONValue { .string(text) }
        func member(_ key: String, _ value: JSONValue) -> JSONMember { JSONMember(key: key, value: value) }
        func requirement(_ result: RequirementResult) -> JSONValue {
            var members = [member("id", string(result.id)), member("title", string(result.title)), member("category", string(result.category.rawValue)),
                           member("documentTypes", .array(result.documentTypes.map(string))), member("status", string(result.status.rawValue)),
                           member("severity", string(result.severity.rawValue)), member("blocking", .bool(result.blocks(at: .error))),
                           member("supplier", string(result.supplier.rawValue)), member("due", string(result.due.rawValue)),
                           member("files", .array(result.files.map { string($0.jsonText) })), member("message", string(result.message))]
            if let reason = result.reason { members.append(member("reason", JSONReporter.json(reason))) }
            if !result.candidates.isEmpty { members.append(member("candidates", .array(result.candidates.map(\.json)))) }
            if let choice = result.choice { members.append(member("choice", choice.json)) }
            if let hint = result.hint { members.append(member("hint", string(hint))) }
            if let rule = result.rule { members.append(member("rule", string(rule))) }
            if !result.origin.isEmpty { members.append(member("origin", string(result.origin))) }
            if let waiver = result.waiver {
                members.append(member("waiver", .object([member("originalStatus", string(waiver.originalStatus.rawValue)), member("reason", string(waiver.reason)),
                                                         member("expires", string(waiver.expires.description)), member("source", string(waiver.location.description))])))
            }
            return .object(members)
        }
        let tree: JSONValue = .object([
            member("id", string("p1")), member("name", string("Name")), member("institution", string("Inst")), member("kind", string("observership")),
            member("status", string("not-ready")), member("source", .object([member("href", string("https://example.org")), member("asOf", string("2026-12-01"))])),
            member("file", string("p1.xml")), member("checklists", .array([string("usmle"), string("ecfmg")])),
            member("rotation", .object([member("start", string("2026-12-01")), member("end", string("2027-01-31"))])),
            member("session", .object([member("start", string("2026-12-01")), member("reason", string("earliest-open")), member("sessions", .number(3, "3"))])),
            member("applyBy", string("2026-12-01")),
            member("fees", .array([
                .object([member("amount", .number(15.5, "15.5")), member("currency", string("USD")), member("label", string("fee"))]),
                .object([member("amount", .number(0, "0")), member("currency", string("EUR")), member("label", string("free"))]),
            ])),
            member("requirements", .array(program.requirements.map(requirement))),
        ])
        var expected: [UInt8] = []
        JSONWriter.write(tree, indent: 2, into: &expected)
        let fragment = JSONReporter().fragment(for: program)
        #expect(String(decoding: fragment, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }
}
