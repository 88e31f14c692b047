import Foundation
import Testing
@testable import CheckDocsNative
@testable import CheckDocsFormats
@testable import CheckDocsCore

@Suite struct LoadingTests {
    /// A checklist that overrides the built-in observership one with a single TB requirement.
    static func observershipChecklist(requiring type: String) -> String {
        """
        <checklist xmlns="urn:checkdocs:program:1" schemaVersion="1" id="observership" kind="observership">
          <name>Our observership checklist</name>
          <source href="https://example.org/ours" asOf="2026-11-01"/>
          <requirements><require id="tb" title="TB"><document type="\(type)"/></require></requirements>
        </checklist>
        """
    }

    let loader = ProgramLoader(schemas: Fixture.knowledge.schemas)

    @Test("a DOCTYPE (external entity) is refused with a location and nothing leaks")
    func externalEntityRefused() {
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE program [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <program xmlns="urn:checkdocs:program:1" schemaVersion="1" id="x" kind="observership"><name>&xxe;</name></program>
        """
        let result = loader.loadXML(Array(xml.utf8), file: "evil.xml")
        guard case let .failure(errors) = result else { Issue.record("accepted a DOCTYPE"); return }
        let text = errors.errors.map(\.description).joined()
        #expect(text.contains("evil.xml:2"))
        #expect(text.contains("DOCTYPE"))
        #expect(!text.contains("root:"))
    }

    @Test("billion laughs is refused quickly, in one line that names the DOCTYPE")
    func billionLaughs() {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            xml += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">\n"
        }
        xml += "]>\n<program>&lol9;</program>\n"
        let start = Date()
        let result = loader.loadXML(Array(xml.utf8), file: "lol.xml")
        #expect(Date().timeIntervalSince(start) < 1)
        guard case let .failure(errors) = result else { Issue.record("accepted billion laughs"); return }
        // Not one "entity reference loop" line per level the entities nest.
        #expect(errors.errors.map(\.description) == ["lol.xml:2:1: error: a DOCTYPE is not allowed in a program description (DTDs and entities are refused for safety)"])
    }

    @Test("a JSON description of another schemaVersion: one error at /schemaVersion, not each form's refusal of it")
    func otherSchemaVersion() {
        for (version, shown) in [("2", "2"), ("\"1\"", "string")] {
            let json = #"{"schemaVersion": "# + version + #", "program": {"id": "x", "kind": "observership", "name": "X", "source": {"href": "https://example.org", "asOf": "2026-10-01"}}}"#
            guard case let .failure(errors) = loader.loadJSON(Array(json.utf8), file: "v.json") else { Issue.record("accepted \(version)"); continue }
            #expect(errors.errors.map(\.description) == ["v.json: /schemaVersion: error: schemaVersion is \(shown); this checkdocs reads descriptions of schemaVersion 1"])
        }
    }

    @Test("an empty XML file is an error at line 1 that says it is empty")
    func emptyXML() {
        guard case let .failure(errors) = loader.loadXML([], file: "e.xml") else { Issue.record("accepted"); return }
        #expect(errors.errors.map(\.description) == ["e.xml:1:1: error: not well-formed XML: the file is empty, and a description needs its root element"])
    }

    @Test("a reversed rotation does not hide a facts error after it: both are reported")
    func everyDecodingError() {
        let xml = Fixture.program("", rotation: #"<rotation start="2027-03-01" end="2027-02-01"/>"#, extra: #"<facts livingCurrency="EUR"/>"#)
        guard case let .failure(errors) = loader.loadXML(Array(xml.utf8), file: "two.xml") else { Issue.record("accepted"); return }
        #expect(errors.errors.map(\.message) == ["the rotation ends (2027-02-01) before it starts (2027-03-01)",
                                                 "livingCurrency needs livingPerWeek, the amount it is the currency of"])
    }

    @Test("a schema error names file:line:column")
    func schemaErrorLocation() {
        let xml = Fixture.program(#"<requirements><require id="cv" title="CV"><document type="cv" min="many"/></require></requirements>"#)
        guard case let .failure(errors) = loader.loadXML(Array(xml.utf8), file: "bad.xml") else { Issue.record("accepted"); return }
        let first = errors.errors[0]
        guard case let .line(line, column) = first.location.position else { Issue.record("no line"); return }
        #expect(line == 9)
        #expect(column > 0)
        #expect(first.message.contains("min"))
    }

    @Test("a long list of expected elements is whole: the namespace is taken out before the message is bounded")
    func expectedElementsWhole() throws {
        let sample = try String(contentsOfFile: PackagePaths.root + "/samples/programs/ouhsc-visiting-elective.xml", encoding: .utf8)
        let misspelt = sample.replacingOccurrences(of: "<rotation start=", with: "<rotaton start=")
        guard case let .failure(errors) = loader.loadXML(Array(misspelt.utf8), file: "r.xml") else { Issue.record("accepted"); return }
        #expect(errors.errors.map(\.message) == ["<rotaton> is not allowed here (did you mean <rotation>?): one of <rotation>, <sessions>, "
                                                 + "<deadline>, <leadTime>, <fee>, <facts>, <eligibility>, <requirements> must come next"])
        #expect(XMLIssue.bounded(String(repeating: "x", count: 400)).count == 400)
        #expect(XMLIssue.bounded(String(repeating: "x", count: 5_000)) == String(repeating: "x", count: 399) + "…")
    }

    @Test("the schema's refusals say what to write: the form a value needs and a value that has it, the element that must come next")
    func schemaRefusalsWorded() throws {
        let sample = try String(contentsOfFile: PackagePaths.root + "/samples/programs/ouhsc-visiting-elective.xml", encoding: .utf8)
        func messages(_ broken: String) -> [String] {
            guard case let .failure(errors) = loader.loadXML(Array(broken.utf8), file: "r.xml") else { return ["accepted"] }
            return errors.errors.map(\.message)
        }
        // A pattern: the form in words, and the id that fits. libxml2's own warning after it that
        // the value has no "precomputed value" (the id is a key) is left out.
        #expect(messages(sample.replacingOccurrences(of: #"id="ouhsc-visiting-elective""#, with: #"id="OUHSC Visiting Elective""#))
                    == [#"Element 'program', attribute 'id': "OUHSC Visiting Elective" is not an id: lowercase letters, digits, '.', '_' and '-', "#
                        + #"starting with a letter or digit, at most 80 (did you mean "ouhsc-visiting-elective"?)"#])
        // Out of order: what must come next, and that the order is fixed.
        let moved = sample.replacingOccurrences(of: "<extends checklist=\"visiting-elective\"/>", with: "")
            .replacingOccurrences(of: "<name>", with: "<extends checklist=\"visiting-elective\"/><name>")
        #expect(messages(moved) == ["<extends> is not allowed here: <name> must come next (a description's elements come in a fixed order)"])
        // An element missing at the end.
        let cut = #"<program xmlns="urn:checkdocs:program:1" schemaVersion="1" id="t" kind="observership"><name>T</name></program>"#
        #expect(messages(cut) == ["<program> is incomplete: <institution> must come next"])
    }

    @Test("every pattern of program.xsd is worded for the schema's refusals")
    func everyPatternWorded() throws {
        let xsd = try #require(BuiltinData.file(BuiltinData.programSchemaFile))
        var patterns: Set<String> = []
        var rest = xsd[...]
        while let start = rest.range(of: "<xs:pattern value=\"") {
            let end = try #require(rest[start.upperBound...].firstIndex(of: "\""))
            patterns.insert(String(rest[start.upperBound..<end]))
            rest = rest[end...]
        }
        #expect(patterns.count >= 8)
        #expect(patterns == Set(SchemaMessage.patterns.keys))
    }

    @Test("the usual slips say what to do: a root without the namespace, a bare & or < in text, a tab indenting YAML")
    func slipsWithHints() throws {
        let sample = try String(contentsOfFile: PackagePaths.root + "/samples/programs/ouhsc-visiting-elective.xml", encoding: .utf8)
        for (broken, hint) in [(sample.replacingOccurrences(of: #" xmlns="urn:checkdocs:program:1""#, with: ""), "needs xmlns=\"urn:checkdocs:program:1\""),
                               (sample.replacingOccurrences(of: "Oklahoma City, OK", with: "Oklahoma City & Tulsa"), "a bare & in text: write &amp;"),
                               (sample.replacingOccurrences(of: "Oklahoma City, OK", with: "Oklahoma City < 5 miles"), "a bare < in text: write &lt;")] {
            guard case let .failure(errors) = loader.loadXML(Array(broken.utf8), file: "r.xml") else { Issue.record("accepted"); continue }
            #expect(errors.errors.contains { $0.message.hasSuffix(hint + ")") }, "\(errors.errors.map(\.message))")
        }
        #expect {
            try YAMLReader.read(Array("documents:\n  CV.pdf:\n\ttype: cv\n".utf8))
        } throws: { error in
            (error as? YAMLReader.Failure).map { $0.line == 3 && $0.message.hasSuffix("(a tab: YAML indents with spaces only)") } ?? false
        }
        #expect {
            try YAMLReader.read(Array("documents:\r\n  CV.pdf:\r\n\ttype: cv\r\n".utf8))
        } throws: { error in
            (error as? YAMLReader.Failure).map { $0.line == 3 && $0.message.hasSuffix("(a tab: YAML indents with spaces only)") } ?? false
        }
    }

    @Test("a schema error in a start tag written over several lines is placed where the tag or its attribute is, not where the tag ends")
    func schemaErrorInLongTag() throws {
        let xml = Fixture.program(#"""
            <requirements><require id="cv"
                     title="CV"
                     bogus = "1">
              <document type="cv"
                        min="many"/></require>
            <require id="p" title="P"><document type="passport" x="1"/></require></requirements>
            """#)
        guard case let .failure(errors) = loader.loadXML(Array(xml.utf8), file: "bad.xml") else { Issue.record("accepted"); return }
        let lines = xml.split(separator: "\n", omittingEmptySubsequences: false)
        func place(_ needle: String) -> String {
            guard let index = lines.firstIndex(where: { $0.contains(needle) }),
                  let column = lines[index].range(of: needle).map({ lines[index].distance(from: lines[index].startIndex, to: $0.lowerBound) + 1 })
            else { return "?" }
            return "bad.xml:\(index + 1):\(column)"
        }
        let found = errors.errors.map(\.description)
        #expect(found.contains { $0.hasPrefix(place("bogus") + ": error: Element 'require', attribute 'bogus'") }, "\(found)")
        #expect(found.contains { $0.hasPrefix(place("min=") + ": error: Element 'document', attribute 'min'") }, "\(found)")
        #expect(found.contains { $0.hasPrefix(place("x=\"1\"") + ": error: Element 'document', attribute 'x'") }, "\(found)")
        // An attribute's name inside another's quoted value is not the attribute; a prefixed one starts at its prefix.
        let quoted = Fixture.program(#"""
            <fee label="pay amount=15 now" currency="USD" amount="abc"/>
            <requirements><require id="p" title="P"><document type="passport"
                q:bogus="1" xmlns:q="urn:o"/></require></requirements>
            """#)
        guard case let .failure(more) = loader.loadXML(Array(quoted.utf8), file: "bad.xml") else { Issue.record("accepted"); return }
        let quotedLines = quoted.split(separator: "\n", omittingEmptySubsequences: false)
        let feeLine = try #require(quotedLines.firstIndex { $0.contains("<fee") })
        let amount = try #require(quotedLines[feeLine].range(of: " amount=\"abc\""))
        let amountColumn = quotedLines[feeLine].distance(from: quotedLines[feeLine].startIndex, to: amount.lowerBound) + 2
        let messages = more.errors.map(\.description)
        #expect(messages.contains { $0.hasPrefix("bad.xml:\(feeLine + 1):\(amountColumn): error: Element 'fee', attribute 'amount'") }, "\(messages)")
        let bogusLine = try #require(quotedLines.firstIndex { $0.contains("q:bogus") })
        let bogusColumn = quotedLines[bogusLine].distance(from: quotedLines[bogusLine].startIndex, to: quotedLines[bogusLine].range(of: "q:bogus")!.lowerBound) + 1
        #expect(messages.contains { $0.hasPrefix("bad.xml:\(bogusLine + 1):\(bogusColumn): error:") && $0.contains("bogus") }, "\(messages)")
    }

    @Test("JSON errors carry a JSON Pointer; unknown keys are errors with a suggestion")
    func jsonPointers() {
        let json = """
        {"schemaVersion": 1, "program": {"id": "p", "kind": "observership", "name": "P", "institution": "I",
         "source": {"href": "https://example.org", "asOf": "2026-01-01"},
         "requirements": [{"id": "cv", "title": "CV", "document": {"type": "cv", "mni": 2}}]}}
        """
        guard case let .failure(errors) = loader.loadJSON(Array(json.utf8), file: "p.json") else { Issue.record("accepted"); return }
        #expect(errors.errors.map(\.description).contains("p.json: /program/requirements/0/document/mni: error: unknown key \"mni\" (did you mean \"min\"?)"))
    }

    @Test("duplicate JSON keys and lone surrogates are syntax errors with line and column")
    func strictJSON() {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(Array(#"{"a": 1, "a": 2}"#.utf8)) }
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(Array(#"["\uD800"]"#.utf8)) }
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(Array(String(repeating: "[", count: 100).utf8)) }
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(Array("[1,]".utf8)) }
    }

    @Test("JSON strings: plain runs, every escape and surrogate pairs decode to the same text")
    func jsonStrings() throws {
        let value = try JSONParser.parse(Array(#"["plain é", "a\u00e9\n\"\\\/\b\f\r\t\ud83d\ude00b", ""]"#.utf8))
        #expect(value.arrayValue?.compactMap(\.stringValue) == ["plain é", "aé\n\"\\/\u{08}\u{0C}\r\t😀b", ""])
    }

    @Test("YAML plain scalars are typed like YAML 1.1's core schema: null, booleans, decimal numbers, else text")
    func yamlScalars() throws {
        let yaml = "a: 5\nb: -2.5e2\nc: yes\nd: Off\ne: ~\nf:\ng: 0x1F\nh: 2026-12-01\ni: '5'\nj: 1_000\nk: .inf\nl: TRUE\nm: y\n"
        let value = try YAMLReader.read(Array(yaml.utf8))
        #expect(value["a"] == .number(5, "5"))
        #expect(value["b"] == .number(-250, "-2.5e2"))
        #expect(value["c"] == .bool(true) && value["d"] == .bool(false) && value["l"] == .bool(true))
        #expect(value["e"] == .null && value["f"] == .null)
        #expect(value["g"] == .string("0x1F") && value["h"] == .string("2026-12-01") && value["i"] == .string("5"))
        #expect(value["j"] == .string("1_000") && value["k"] == .string(".inf") && value["m"] == .string("y"))
    }

    @Test("YAML aliases, custom tags and unknown manifest keys are refused")
    func hostileManifest() throws {
        let manifests = [
            // Valid manifest keys and values: only the anchor and alias make it wrong.
            "applicant:\n  name: &n Maria Lopez\n  otherNames: [*n]\n",
            "applicant: !!python/object {name: x}\n",
            "applicant:\n  nmae: Maria\n",
        ]
        for text in manifests {
            let folder = try TemporaryFolder(manifest: text)
            defer { folder.remove() }
            #expect(throws: InputErrors.self) {
                try ManifestLoader(schemas: Fixture.knowledge.schemas, catalog: Fixture.knowledge.catalog).load(folder: folder.path)
            }
        }
    }

    @Test("two keys naming one file (\"a.pdf\" and \"./a.pdf\") are refused: the second would silently replace the first's facts")
    func oneEntryPerFile() throws {
        let folder = try TemporaryFolder(manifest: """
        schemaVersion: 1
        documents:
          "TB.pdf":
            type: tb_igra
            result: positive
          "./TB.pdf":
            type: tb_igra
        """)
        defer { folder.remove() }
        #expect {
            try ManifestLoader(schemas: Fixture.knowledge.schemas, catalog: Fixture.knowledge.catalog).load(folder: folder.path)
        } throws: { error in
            let message = "\(error)"
            return message.contains("/documents/.~1TB.pdf") && message.contains("names the same file as /documents/TB.pdf")
        }
    }

    @Test("a manifest key naming a file that is there but no document says why: hidden, a link, in programs/, the manifest itself; gone: renamed or moved")
    func whyNotADocument() throws {
        let folder = try TemporaryFolder(contents: ["CV.pdf": Array("%PDF-1.4\n%%EOF\n".utf8), ".MSPE.pdf": [1], "programs/MSPE.pdf": [1],
                                                    "rohan/LoR.pdf": [1], "rohan/checkdocs.yaml": [1]])
        defer { folder.remove() }
        #expect(symlink("CV.pdf", folder.path + "/Link.pdf") == 0)
        let why = { (path: String) in ApplicantFolderLoader.whyNotADocument(FilePath(path), in: folder.path) }
        #expect(why(".MSPE.pdf").contains("hidden"))
        #expect(why("Link.pdf").contains("symbolic link"))
        #expect(why("programs/MSPE.pdf").contains("in programs/"))
        #expect(why("checkdocs.yaml").contains("checkdocs' own file"))
        #expect(why("Gone.pdf") == "which is not a file in the folder (renamed or moved?)")
        #expect(why("../elsewhere/CV.pdf").contains("no \".\" or \"..\""))
        // A file that is there, named with an empty folder between two slashes (or at either end).
        for spelled in ["rohan//LoR.pdf", "/CV.pdf", "rohan/LoR.pdf/"] {
            #expect(why(spelled).contains("one / between folders, none at the start or end"), "\(spelled)")
        }
        #expect(why("rohan/LoR.pdf") == "which is in rohan/, another applicant's folder (it has its own checkdocs.yaml)")
    }

    @Test("an empty YAML manifest is an empty manifest; a JSON one that is null is refused, as [] and 1 are")
    func emptyAndNullManifests() throws {
        let loader = ManifestLoader(schemas: Fixture.knowledge.schemas, catalog: Fixture.knowledge.catalog)
        #expect(try loader.decode(Array("# nothing yet\n".utf8), file: "checkdocs.yaml").documents.isEmpty)
        for text in ["null", "[]", "1"] {
            #expect(throws: InputErrors.self, "\(text)") { try loader.decode(Array(text.utf8), file: "checkdocs.json") }
        }
    }

    @Test("a bare NO where text is expected (Norway's code) is refused with the advice to quote it")
    func yamlWordsThatAreBooleans() throws {
        let folder = try TemporaryFolder(manifest: "schemaVersion: 1\napplicant:\n  citizenship: [NO]\n")
        defer { folder.remove() }
        #expect {
            try ManifestLoader(schemas: Fixture.knowledge.schemas, catalog: Fixture.knowledge.catalog).load(folder: folder.path)
        } throws: { error in
            "\(error)".contains("/applicant/citizenship/0") && "\(error)".contains("expected string, found boolean false (in YAML, quote a word")
        }
    }

    @Test("a JSON number is its value for const and enum: schemaVersion 1.0 is 1 (JSON Schema), 2 is refused once")
    func numbersByValue() throws {
        let text = try String(contentsOfFile: PackagePaths.root + "/samples/programs-json/cleveland-clinic-observer.json", encoding: .utf8)
        let folder = try TemporaryFolder(contents: [
            "one.json": Array(text.replacingOccurrences(of: "\"schemaVersion\": 1", with: "\"schemaVersion\": 1.0").utf8),
            "two.json": Array(text.replacingOccurrences(of: "\"schemaVersion\": 1", with: "\"schemaVersion\": 2").utf8),
        ])
        defer { folder.remove() }
        #expect(throws: Never.self) { try loader.load(file: folder.path + "/one.json").get() }
        #expect {
            try loader.load(file: folder.path + "/two.json").get()
        } throws: { error in
            (error as? InputErrors)?.errors.count == 1 && "\(error)".contains("schemaVersion is 2")
        }
    }

    @Test("every sample program says the same thing in XML and in JSON")
    func xmlAndJSONAgree() throws {
        let root = PackagePaths.root + "/samples/"
        let xmlFiles = DescriptionFolder.files(under: root + "programs", extensions: ["xml"]).files
        #expect(xmlFiles.count >= 6)
        for xmlFile in xmlFiles {
            let name = ((xmlFile as NSString).lastPathComponent as NSString).deletingPathExtension
            let xml = try loader.load(file: xmlFile).get()
            let json = try loader.load(file: root + "programs-json/" + name + ".json").get()
            #expect(xml.withoutLocations == json.withoutLocations, "\(name) differs between XML and JSON")
        }
    }

    @Test("file-name dates: ISO, compact, unambiguous day-month, month names; ambiguous ones reported")
    func fileNameDates() {
        func parse(_ name: String) -> FileNameDateParser.Outcome { FileNameDateParser.parse(FileNameTokens.tokens(name)) }
        #expect(parse("TB_QuantiFERON_2026-05-14").dates == [CalendarDate(iso: "2026-05-14")!])
        #expect(parse("flu 20261003").dates == [CalendarDate(iso: "2026-10-03")!])
        #expect(parse("BLS 14-05-2026").dates == [CalendarDate(iso: "2026-05-14")!])
        #expect(parse("BLS 14 May 2026").dates == [CalendarDate(iso: "2026-05-14")!])
        #expect(parse("BLS_05-06-2026").dates.isEmpty)
        #expect(parse("BLS_05-06-2026").ambiguous == ["05-06-2026"])
        #expect(parse("Step1 score report").words == ["step", "1", "score", "report"])
    }

    @Test("classification: aliases, specificity, longest match, ambiguity, accents, folders")
    func classification() {
        let classifier = DocumentClassifier(catalog: Fixture.knowledge.catalog)
        func type(_ path: String) -> DocumentClassifier.Outcome { classifier.classify(path: FilePath(path)).outcome }
        func id(_ path: String) -> String? { if case let .type(id, _) = type(path) { return id }; return nil }
        #expect(id("TB_QuantiFERON_2026-05-14.pdf") == "tb_igra")
        #expect(id("immunizations/PPD.jpg") == "tb_ppd")
        #expect(id("Step1 score report.pdf") == "usmle_step1")
        #expect(id("LoR - Dr Smith.pdf") == "lor")
        #expect(id("Dean's letter.pdf") == "mspe")
        #expect(id("CV.pdf") == "cv")
        #expect(type("scan0001.pdf") == .unrecognized)
        if case .ambiguous = type("CV and passport.pdf") {} else { Issue.record("expected ambiguous") }
    }

    @Test("NFC and NFD names are two files, not one")
    func unicodeTwins() throws {
        let folder = try TemporaryFolder(files: ["caf\u{E9}_CV.pdf"])
        defer { folder.remove() }
        let nfd = folder.path + "/cafe\u{301}_CV.pdf"
        #expect(FileManager.default.createFile(atPath: nfd, contents: Data()))
        let scan = try FolderScanner.scan(root: folder.path)
        #expect(scan.files.count == 2)
    }

    @Test("symlinks are listed, never followed; the manifest and programs/ are not documents")
    func symlinksNotFollowed() throws {
        let folder = try TemporaryFolder(files: ["CV.pdf", "programs/p.xml"], manifest: "applicant: {}\n")
        defer { folder.remove() }
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/passport.pdf", withDestinationPath: "/etc/passwd")
        let scan = try FolderScanner.scan(root: folder.path)
        #expect(scan.files.map(\.path.description) == ["CV.pdf"])
        #expect(scan.diagnostics.contains { $0.code == .symlink && $0.path == "passport.pdf" })
    }

    @Test("a sub-folder with a manifest of its own is another applicant's: noted, not scanned; one without is scanned")
    func otherApplicantNotScanned() throws {
        let folder = try TemporaryFolder(files: ["CV.pdf", "rohan/LoR - Dr Mehta.pdf", "rohan/checkdocs.yaml", "letters/LoR - Dr Ade.pdf"],
                                         manifest: "applicant: {}\n")
        defer { folder.remove() }
        let scan = try FolderScanner.scan(root: folder.path)
        #expect(scan.files.map(\.path.description) == ["CV.pdf", "letters/LoR - Dr Ade.pdf"])
        #expect(scan.diagnostics.contains { $0.code == .otherApplicant && $0.path == "rohan" && $0.message.hasPrefix("has its own checkdocs.yaml") })
    }

    @Test("a folder of descriptions names what it cannot read: a linked or FIFO description and a linked folder are errors, never dropped in silence")
    func descriptionFolderEntries() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let root = folder.path + "/programs"
        try FileManager.default.createDirectory(atPath: root + "/real", withIntermediateDirectories: true)
        try Data("<program/>".utf8).write(to: URL(fileURLWithPath: root + "/a.xml"))
        try Data("<program/>".utf8).write(to: URL(fileURLWithPath: root + "/real/b.xml"))
        try FileManager.default.createSymbolicLink(atPath: root + "/linked.xml", withDestinationPath: root + "/a.xml")
        try FileManager.default.createSymbolicLink(atPath: root + "/folder", withDestinationPath: root + "/real")
        try FileManager.default.createSymbolicLink(atPath: root + "/notes.txt", withDestinationPath: root + "/a.xml")
        #expect(mkfifo(root + "/pipe.json", 0o600) == 0)
        let listing = DescriptionFolder.files(under: root, extensions: ["xml", "json"])
        #expect(listing.files == [root + "/a.xml", root + "/real/b.xml"])
        let messages = Dictionary(uniqueKeysWithValues: listing.errors.map { ($0.location.file, $0.message) })
        #expect(messages.count == 3, "\(listing.errors)")
        #expect(messages[root + "/linked.xml"]?.hasPrefix("is a symbolic link; descriptions are read from regular files only") == true)
        #expect(messages[root + "/folder"]?.hasPrefix("is a symbolic link to a folder; not searched") == true)
        #expect(messages[root + "/pipe.json"]?.hasPrefix("is not a regular file") == true)
    }

    @Test("--checklists: an extra catalog may build on built-in types; a same-id checklist replaces the built-in one")
    func extraChecklists() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let catalog = """
        {"schemaVersion": 1, "source": {"href": "https://example.org/types", "asOf": "2026-11-01"},
         "types": [{"id": "tb_tspot", "title": "T-SPOT.TB result", "description": "An IGRA by T-SPOT.", "category": "immunization",
                    "aliases": ["tspot", "t spot"], "parents": ["tb_igra"], "lab": true}]}
        """
        #expect(FileManager.default.createFile(atPath: folder.path + "/document-types.json", contents: Data(catalog.utf8)))
        #expect(FileManager.default.createFile(atPath: folder.path + "/observership.xml", contents: Data(Self.observershipChecklist(requiring: "tb_tspot").utf8)))

        let knowledge = try Knowledge.load(extraChecklists: [folder.path])
        #expect(knowledge.catalog.type("tb_tspot", satisfies: "tb_test"))
        let observership = try #require(knowledge.checklists.first { $0.id == "observership" })
        #expect(observership.name == "Our observership checklist" && observership.requirements.map(\.id) == ["tb"])
        #expect(knowledge.checklists.count == 5)

        // A parent that exists nowhere is still an error, at its JSON Pointer.
        let broken = catalog.replacingOccurrences(of: "\"tb_igra\"", with: "\"tb_igrx\"")
        #expect(FileManager.default.createFile(atPath: folder.path + "/document-types.json", contents: Data(broken.utf8)))
        #expect {
            try Knowledge.load(extraChecklists: [folder.path])
        } throws: { error in
            "\(error)".contains("/types/0/parents/0") && "\(error)".contains("tb_igrx")
        }
    }

    @Test("calendar arithmetic clamps month ends and counts leap years")
    func calendar() {
        #expect(CalendarDate(iso: "2027-01-31")!.adding(months: 1) == CalendarDate(iso: "2027-02-28"))
        #expect(CalendarDate(iso: "2028-02-29")!.adding(-1, .years) == CalendarDate(iso: "2027-02-28"))
        #expect(CalendarDate(iso: "2026-12-01")!.days(until: CalendarDate(iso: "2027-03-01")!) == 90)
        #expect(CalendarDate(iso: "2026-02-30") == nil)
    }

    @Test("a description reached by two --programs paths (its folder and itself, dir and ./dir) is read once")
    func samePathTwice() throws {
        let folder = try TemporaryFolder(contents: ["p/a.xml": Array(Fixture.program("", id: "a").utf8)])
        defer { folder.remove() }
        let directory = folder.path + "/p"
        let loaded = ProgramLoader(schemas: Fixture.knowledge.schemas).loadAll([directory, directory + "/a.xml", folder.path + "/./p"])
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        #expect(loaded.descriptions.map(\.id) == ["a"])
        #expect(try Fixture.knowledge.loadPrograms([directory, directory + "/a.xml"]).map(\.id) == ["a"])
    }
}

enum PackagePaths {
    /// The package root, from this file's location (Tests/CheckDocsCoreTests/...).
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
}

extension ProgramDescription {
    /// The description with every source location blanked, to compare XML and JSON twins.
    var withoutLocations: ProgramDescription {
        let blank = SourceLocation(file: "")
        var copy = self
        copy.file = blank
        copy.extendsLocations = extendsLocations.map { _ in blank }
        copy.requirements = requirements.map { requirement in
            var item = requirement
            item.location = blank
            item.expression = requirement.expression.mapDocuments { clause in
                var c = clause
                c.location = blank
                return c
            }
            return item
        }
        copy.eligibility = eligibility.map { var rule = $0; rule.location = blank; return rule }
        copy.removals = removals.map { Removal(ref: $0.ref, location: blank) }
        copy.tightenings = tightenings.map { var item = $0; item.location = blank; return item }
        return copy
    }
}
