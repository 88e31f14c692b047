import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Hostile program descriptions (XML through libxml2, JSON) and manifests (JSON, YAML) against
/// the built binary (docs/security.md, promises 4 to 6). Each run is bounded and checked by
/// `Sandbox.runChecked` (no crash, no timeout, folder unchanged, canary never echoed).
@Suite struct AdversarialParserTests {
    static let asOf = ["--as-of", "2026-12-01"]

    /// Lints `bytes` as `name` and expects a quick exit 2 with one named line per error.
    @discardableResult
    func refused(_ box: Sandbox, _ name: String, _ bytes: [UInt8], located: Bool = true, mentions: String? = nil,
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> CLITests.Run {
        let path = box.inputs + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let run = try box.runChecked(["lint", path], timeout: 5, sourceLocation: sourceLocation)
        #expect(run.status == 2, "\(name): exit \(run.status)", sourceLocation: sourceLocation)
        #expect(run.seconds < 2, "\(name): \(run.seconds) s", sourceLocation: sourceLocation)
        let lines = run.stderr.split(separator: "\n")
        #expect(!lines.isEmpty && lines.allSatisfy { $0.hasPrefix("checkdocs: ") }, "\(name): \(run.stderr.prefix(300))", sourceLocation: sourceLocation)
        #expect(!run.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(name): raw control character", sourceLocation: sourceLocation)
        let first = String(lines.first ?? "")
        #expect(first.hasPrefix("checkdocs: " + path), "\(name): \(first)", sourceLocation: sourceLocation)
        if located {
            #expect(first.dropFirst(("checkdocs: " + path).count).first == ":", "\(name) has no line: \(first)", sourceLocation: sourceLocation)
        }
        if let mentions { #expect(run.stderr.contains(mentions), "\(name): \(first)", sourceLocation: sourceLocation) }
        return run
    }

    // MARK: C. XML program descriptions

    @Test("C24–26/29: parameter entities, error-based XXE, XInclude, SVG XXE: refused, the canary never read back")
    func entitiesAndIncludes() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let url = "file://" + box.canaryPath
        let cases = [
            "param.xml": "<?xml version=\"1.0\"?><!DOCTYPE program [<!ENTITY % p SYSTEM \"\(url)\"> %p;]><program/>",
            "error-based.xml": "<?xml version=\"1.0\"?><!DOCTYPE program [<!ENTITY % file SYSTEM \"\(url)\">"
                + "<!ENTITY % eval \"<!ENTITY &#x25; error SYSTEM 'file:///nonexistent/%file;'>\">%eval;%error;]><program/>",
            "svg.xml": "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"\(url)\">]><svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>",
            "xinclude.xml": """
                <program xmlns="urn:checkdocs:program:1" xmlns:xi="http://www.w3.org/2001/XInclude" schemaVersion="1" id="x" kind="observership">
                <name><xi:include href="\(url)" parse="text"/></name><institution>I</institution>
                <source href="https://example.org" asOf="2026-01-01"/></program>
                """,
        ]
        for (name, xml) in cases.sorted(by: { $0.key < $1.key }) { try refused(box, name, Array(xml.utf8)) }
        // The same through check --programs: refused before anything is evaluated.
        let check = try box.runChecked([box.folder, "--programs", box.inputs + "/xinclude.xml"] + Self.asOf)
        #expect(check.status == 2 && check.stdout.isEmpty)
    }

    @Test("C25: an external DTD or entity over http is never fetched: no connection reaches a loopback listener")
    func noNetwork() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, length) == 0 && listen(listener, 8) == 0 && getsockname(listener, $0, &length) == 0
            }
        }
        try #require(bound, "cannot listen on 127.0.0.1")
        let port = UInt16(bigEndian: address.sin_port)
        let url = "http://127.0.0.1:\(port)/evil"
        try refused(box, "external-dtd.xml", Array("<?xml version=\"1.0\"?><!DOCTYPE program SYSTEM \"\(url).dtd\"><program/>".utf8))
        try refused(box, "external-entity.xml", Array("<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"\(url).ent\">]><program>&x;</program>".utf8))
        try refused(box, "external-schema.xml", Array("""
            <program xmlns="urn:checkdocs:program:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
              xsi:schemaLocation="urn:checkdocs:program:1 \(url).xsd" schemaVersion="1"/>
            """.utf8))
        _ = fcntl(listener, F_SETFL, O_NONBLOCK)
        let connection = accept(listener, nil, nil)
        if connection >= 0 { close(connection) }
        #expect(connection < 0, "checkdocs connected to \(url)")
    }

    @Test("C27: a gzip-compressed description (19 KB of 5 million elements) is not decompressed: refused at once",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/gzip"), "needs /usr/bin/gzip to build the bomb"))
    func gzipBomb() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let raw = box.inputs + "/bomb"
        try Data(("<program>" + String(repeating: "<a/>", count: 5_000_000) + "</program>").utf8).write(to: URL(fileURLWithPath: raw))
        _ = try CLITests.run(["-9", raw], binary: "/usr/bin/gzip")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: raw + ".gz")))
        #expect(bytes.count < 100_000)
        try refused(box, "bomb.xml", bytes, mentions: "not well-formed XML")
    }

    @Test("C28: oversized, 100,000 deep, a 4 MB attribute, truncated UTF-16, invalid UTF-8, NUL, unknown encoding: exit 2 with a location")
    func malformedXML() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let oversized = "<!--" + String(repeating: "x", count: 6 << 20) + "-->"
        try refused(box, "oversized.xml", Array(oversized.utf8), located: false, mentions: "the limit is 5242880 bytes")
        try refused(box, "deep.xml", Array((String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000)).utf8))
        let attribute = "<program xmlns=\"urn:checkdocs:program:1\" schemaVersion=\"1\" kind=\"observership\" id=\"" + String(repeating: "a", count: 4 << 20) + "\"/>"
        try refused(box, "attribute.xml", Array(attribute.utf8))
        try refused(box, "utf16.xml", [0xFF, 0xFE] + Array("<program".utf8).flatMap { [$0, 0] } + [0x3E])
        try refused(box, "utf8.xml", Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<program>caf".utf8) + [0xC3, 0x28] + Array("</program>".utf8))
        try refused(box, "nul.xml", Array("<program>a".utf8) + [0] + Array("b</program>".utf8))
        // UTF-16, whose zero bytes are half of every ASCII character, is read as it was.
        let utf16 = try Data(contentsOf: URL(fileURLWithPath: CLITests.root + "/samples/programs/cleveland-clinic-observer.xml"))
        let wide: [UInt8] = [0xFF, 0xFE] + String(decoding: utf16, as: UTF8.self)
            .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"").utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        try Data(wide).write(to: URL(fileURLWithPath: box.inputs + "/wide.xml"))
        let wideRun = try box.runChecked(["lint", box.inputs + "/wide.xml", "--as-of", "2026-12-01"], timeout: 5)
        #expect(wideRun.status == 0, "\(wideRun.stderr)")
        // After the root element too: libxml2 stops reading at the NUL, and the garbage after it was accepted.
        let valid = try Data(contentsOf: URL(fileURLWithPath: CLITests.root + "/samples/programs/cleveland-clinic-observer.xml"))
        let lineCount = valid.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
        let trailing = try refused(box, "trailing-nul.xml", Array(valid) + [0] + Array("<<<garbage & not xml".utf8),
                                   mentions: "a NUL byte (U+0000), which XML allows nowhere")
        #expect(trailing.stderr.contains("trailing-nul.xml:\(lineCount):"), "\(trailing.stderr)")
        try refused(box, "encoding.xml", Array("<?xml version=\"1.0\" encoding=\"X-NO-SUCH-ENCODING\"?><program/>".utf8))
        // An escape character in CDATA: libxml2's own placeholder line ("Unregistered error message") is left out.
        let cdata = try refused(box, "cdata.xml", Array("<program><name><![CDATA[\u{1B}[31mX]]></name></program>".utf8), mentions: "invalid Char value 27")
        #expect(!cdata.stderr.contains("Unregistered"), "\(cdata.stderr)")
        try refused(box, "empty.xml", [], located: false)
        // Past line 65,535 a schema error keeps its line (libxml2 stored 65535 for every one without XML_PARSE_BIG_LINES).
        let sample = try String(contentsOfFile: CLITests.root + "/samples/programs/cleveland-clinic-observer.xml", encoding: .utf8)
        let far = sample.replacingOccurrences(of: "<location>", with: String(repeating: "\n", count: 70_000) + "<location bogus=\"1\">")
        #expect(far != sample)
        let line = sample.components(separatedBy: "<location>")[0].split(separator: "\n", omittingEmptySubsequences: false).count + 70_000
        let run = try refused(box, "far.xml", Array(far.utf8), mentions: "bogus")
        #expect(run.stderr.contains("far.xml:\(line):"), "\(run.stderr)")
    }

    // MARK: D. JSON and YAML

    @Test("D30: JSON nested 65, 513 and 100,000 deep is refused as a program and as a manifest, naming the nesting")
    func jsonDepth() throws {
        let box = try Sandbox()
        defer { box.remove() }
        for depth in [65, 513, 100_000] {
            let json = Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
            try refused(box, "deep-\(depth).json", json, mentions: "nesting deeper than 64 levels")
            try Data(json).write(to: URL(fileURLWithPath: box.folder + "/checkdocs.json"))
            let run = try box.runChecked([box.folder] + Self.asOf, timeout: 5)
            #expect(run.status == 2 && run.stderr.contains("checkdocs.json:1:") && run.stderr.contains("nesting deeper than 64"))
        }
    }

    @Test("D32: huge numbers, -0, lone surrogates, duplicate keys: exit 2 with a location, the same on every run")
    func jsonValues() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let manifests: [(String, String)] = [
            (#"{"schemaVersion": 1, "applicant": {"yearOfStudy": 1e400}}"#, "checkdocs.json:1:51: error: not valid JSON: number out of range"),
            (#"{"schemaVersion": 1, "applicant": {"yearOfStudy": 18446744073709551616}}"#, "/applicant/yearOfStudy: error: expected integer"),
            (#"{"schemaVersion": 1, "applicant": {"yearOfStudy": -0}}"#, "/applicant/yearOfStudy: error: -0 is below the minimum 1"),
            (#"{"schemaVersion": 1, "applicant": {"name": "\ud800"}}"#, "error: not valid JSON: lone surrogate \\uD800"),
            (#"{"schemaVersion": 1, "applicant": {"name": "a", "name": "b"}}"#, "error: not valid JSON: duplicate key \"name\""),
        ]
        for (manifest, expected) in manifests {
            try Data(manifest.utf8).write(to: URL(fileURLWithPath: box.folder + "/checkdocs.json"))
            let first = try box.runChecked([box.folder] + Self.asOf)
            let second = try box.runChecked([box.folder] + Self.asOf)
            #expect(first.status == 2 && first.stderr.contains(expected), "\(manifest): \(first.stderr)")
            #expect(first.stderr == second.stderr)
        }
    }

    @Test("D33–34: a YAML alias bomb, deep flow and block nesting, tags, several documents, duplicate keys: refused quickly")
    func hostileYAML() throws {
        let box = try Sandbox()
        defer { box.remove() }
        var bomb = "a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for level in 1...9 { bomb += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ",") + "]\n" }
        let manifests: [(String, String)] = [
            (bomb, "checkdocs.yaml:1:5: error: YAML anchors and aliases are not allowed"),
            (String(repeating: "[", count: 5_000), "error: nesting deeper than 64 levels"),
            (String(repeating: "- ", count: 100_000) + "x\n", "error: nesting deeper than 64 levels"),
            ("applicant: !!python/object:os.system {}\n", "error: YAML tag tag:yaml.org,2002:python/object:os.system is not allowed"),
            ("applicant: !foo {}\n", "checkdocs.yaml:1:12: error: YAML tag !foo is not allowed"),
            ("applicant: {}\n---\napplicant: {}\n", "checkdocs.yaml:2:1: error: the file is one YAML document"),
            ("applicant:\n  name: a\n  name: b\n", "checkdocs.yaml:2:3: error: duplicate key \"name\": given again later in the same mapping"),
            ("applicant:\n\tname: a\n", "checkdocs.yaml:2:1: error: not valid YAML"),
        ]
        for (manifest, expected) in manifests {
            try Data(manifest.utf8).write(to: URL(fileURLWithPath: box.folder + "/checkdocs.yaml"))
            let run = try box.runChecked([box.folder] + Self.asOf, timeout: 5)
            #expect(run.status == 2 && run.seconds < 1.5 && run.stderr.contains(expected), "\(manifest.prefix(40)): \(run.stderr.prefix(300))")
            #expect(run.stderr.split(separator: "\n").count == 1)
        }
    }

    @Test("D35: ANSI escapes, C1 and bidi controls, CR from a program, a manifest key and file names come out escaped")
    func hostileStrings() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let hostile = "Evil\u{1B}[2J\u{1B}[31m Clinic\r\u{9B}1m\u{202E}gnp.exe\u{7}"
        let sample = CLITests.root + "/samples/programs-json/cleveland-clinic-observer.json"
        var program = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: sample))) as? [String: Any])
        var body = try #require(program["program"] as? [String: Any])
        body["name"] = hostile
        body["institution"] = hostile
        program["program"] = body
        try FileManager.default.createDirectory(atPath: box.folder + "/programs", withIntermediateDirectories: false)
        try JSONSerialization.data(withJSONObject: program).write(to: URL(fileURLWithPath: box.folder + "/programs/evil.json"))
        try makeFile(box.folder, Array("CV \u{1B}]0;pwned\u{7}.pdf".utf8))

        func clean(_ text: String) -> Bool { !text.unicodeScalars.contains { [0x07, 0x0D, 0x1B, 0x9B, 0x202E].contains($0.value) } }
        let text = try box.runChecked([box.folder] + Self.asOf + ["--verbose", "--color", "never"])
        #expect(text.status == 1 && clean(text.stdout) && text.stdout.contains("Evil\\x1B[2J\\x1B[31m Clinic\\r\\u{9B}1m\\u{202E}gnp.exe\\x07"))
        #expect(text.stdout.contains("CV \\x1B]0;pwned\\x07.pdf"))
        // With colour, every escape is one of the report's own colour codes.
        let color = try box.runChecked([box.folder] + Self.asOf + ["--color", "always"])
        let escapes = color.stdout.components(separatedBy: "\u{1B}").dropFirst()
        #expect(!escapes.isEmpty && escapes.allSatisfy { $0.range(of: #"^\[[0-9;]*m"#, options: .regularExpression) != nil })
        // JSON keeps the exact string, escaped: no raw control character in the file.
        let json = try box.runChecked([box.folder] + Self.asOf + ["--format", "json"])
        #expect(clean(json.stdout))
        let programs = try #require(try report(json)["programs"] as? [[String: Any]])
        #expect((programs.first?["name"] as? String).map { Array($0.utf8) } == Array(hostile.utf8))
        // An unknown manifest key with escapes: one escaped line on stderr.
        try Data("{\"schemaVersion\": 1, \"applicant\": {\"na\\u001b[2Jme\\n\": 1}}".utf8).write(to: URL(fileURLWithPath: box.folder + "/checkdocs.json"))
        let manifest = try box.runChecked([box.folder] + Self.asOf)
        #expect(manifest.status == 2 && clean(manifest.stderr) && manifest.stderr.split(separator: "\n").count == 1)
        #expect(manifest.stderr.contains("/applicant/na\\x1B[2Jme\\n: error: unknown key"))
    }
}
