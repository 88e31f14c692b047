import Foundation
import Testing
@testable @_spi(Fuzzing) import CheckDocsCore
@_spi(Fuzzing) import CheckDocsNative

/// The checks the newer fuzz targets make on every input (FuzzFolderScan, FuzzEngine,
/// FuzzReporters) can fail: each traps on a broken promise, so a fuzzer that found one would
/// record it. Without these, an oracle that accepts everything would look like a clean run.
@Suite("fuzz oracles")
struct FuzzOracleTests {
    @Test("Markdown: a `<` outside code spans, escapes and http(s) autolinks counts as raw HTML", arguments: [
        ("plain text", false), (#"\<b\> escaped"#, false), ("`<b>` in a span", false), ("``a`<b>`` longer fence", false),
        ("<https://example.org/rules>", false), ("<b>bold</b>", true), ("` unclosed <b>", true),
        ("<https://example.org/a b>", true), ("`x` then <img src=x>", true), (#"\\<b>"#, true), ("<!-- c -->", true),
    ])
    func markdownOracle(_ text: String, flagged: Bool) {
        #expect((FuzzEntryPoints.rawHTML(inMarkdown: text) != nil) == flagged, "\(text)")
    }

    @Test("the report checks trap on a raw control character, broken JSON or XML, and raw HTML in Markdown")
    func reportOracleTraps() async {
        await #expect(processExitsWith: .failure) { FuzzEntryPoints.checkOutput("ok\u{1B}[31m red\n", format: "text") }
        await #expect(processExitsWith: .failure) { FuzzEntryPoints.checkOutput("ok\u{202E}txt.exe\n", format: "text") }
        await #expect(processExitsWith: .failure) { FuzzEntryPoints.checkOutput(#"{"version": 1}"#, format: "json") }
        await #expect(processExitsWith: .failure) { FuzzEntryPoints.checkOutput(#"{"runs": [}"#, format: "sarif") }
        await #expect(processExitsWith: .failure) { FuzzEntryPoints.checkOutput("<!DOCTYPE html>\n<html><p></html>", format: "html") }
        await #expect(processExitsWith: .failure) { FuzzEntryPoints.checkOutput("<testsuites>\u{1}</testsuites>", format: "junit") }
        await #expect(processExitsWith: .failure) { FuzzEntryPoints.checkOutput("# Report\n\n- <b>x</b>\n", format: "markdown") }
    }

    @Test("the report checks accept what the reporters write for an empty run")
    func reportOracleAccepts() {
        FuzzEntryPoints.reporters([])
    }

    @Test("the folder check traps when a regular file is neither listed nor noted")
    func folderOracleTraps() async {
        await #expect(processExitsWith: .failure) {
            let base = ScratchTree.makeBase()!
            ScratchTree.build([ScratchTree.Node(parent: nil, name: Array("cv.pdf".utf8), kind: .file, data: [1])], at: base + "/tree")
            let folder = ApplicantFolder(root: base + "/tree", rootIdentity: FileIdentity(device: 0, inode: 0), manifest: Manifest(),
                                         documents: [], unrecognized: [], ambiguous: [], diagnostics: [], fileIdentities: [])
            let entries = ScratchTree.snapshot(base + "/tree")
            ScratchTree.remove(base)
            FuzzEntryPoints.checkFolder(folder, entries: entries, programs: nil)
        }
    }

    @Test("the folder check passes on a real scan of a tree with a link, a FIFO, a bad name and a deep chain")
    func folderOracleAccepts() throws {
        let base = try #require(ScratchTree.makeBase())
        defer { ScratchTree.remove(base) }
        var nodes = [
            ScratchTree.Node(parent: nil, name: Array("passport 2026-05-14.pdf".utf8), kind: .file, data: Array("%PDF-1.7".utf8)),
            ScratchTree.Node(parent: nil, name: Array("cv".utf8) + [0xFF] + Array(".pdf".utf8), kind: .file, data: [1]),
            ScratchTree.Node(parent: nil, name: Array("out.pdf".utf8), kind: .symlink, data: Array("../outside/secret.pdf".utf8)),
            ScratchTree.Node(parent: nil, name: Array("pipe.pdf".utf8), kind: .fifo),
        ]
        for depth in 0..<40 { nodes.append(ScratchTree.Node(parent: depth == 0 ? nil : nodes.count - 1, name: [0x64], kind: .directory)) }
        nodes.append(ScratchTree.Node(parent: nodes.count - 1, name: Array("lor.pdf".utf8), kind: .file))
        #expect(ScratchTree.build(nodes, at: base + "/tree") == nodes.count)
        let before = ScratchTree.snapshot(base)
        let folder = try ApplicantFolderLoader(catalog: Fixture.knowledge.catalog, schemas: Fixture.knowledge.schemas).load(base + "/tree", readManifest: false)
        #expect(ScratchTree.snapshot(base) == before)
        #expect(folder.diagnostics.contains { $0.code == .tooDeep } && folder.diagnostics.contains { $0.code == .specialFile })
        FuzzEntryPoints.checkFolder(folder, entries: ScratchTree.snapshot(base + "/tree"), programs: nil)
    }

    @Test("the engine check traps on a status that breaks the precedence, and on a reason where none belongs")
    func engineOracleTraps() async {
        await #expect(processExitsWith: .failure) {
            let program = try! Fixture.load(Fixture.program(#"<requirements><require id="cv" title="CV"><document type="cv"/></require></requirements>"#))
            var result = try! Fixture.evaluate(Fixture.program(#"<requirements><require id="cv" title="CV"><document type="cv"/></require></requirements>"#), files: [])
            result.status = .ready  // cv is missing: not-ready
            FuzzEntryPoints.checkResult(result, program: program, documents: [], asOf: CalendarDate(iso: "2026-12-01")!)
        }
        await #expect(processExitsWith: .failure) {
            let xml = Fixture.program(#"<requirements><require id="cv" title="CV"><document type="cv"/></require></requirements>"#)
            let program = try! Fixture.load(xml)
            var result = try! Fixture.evaluate(xml, files: [])
            result.requirements[0].reason = nil  // missing, so it must say why
            FuzzEntryPoints.checkResult(result, program: program, documents: [], asOf: CalendarDate(iso: "2026-12-01")!)
        }
    }

    @Test("the engine check passes on a real evaluation, a rotation begun (closed, with no deadline) included")
    func engineOracleAccepts() throws {
        let xml = Fixture.program(#"<requirements><require id="cv" title="CV"><document type="cv"/></require></requirements>"#)
        FuzzEntryPoints.checkResult(try Fixture.evaluate(xml, files: []), program: try Fixture.load(xml), documents: [], asOf: CalendarDate(iso: "2026-12-01")!)
        FuzzEntryPoints.checkResult(try Fixture.evaluate(xml, files: [], asOf: "2027-03-15"), program: try Fixture.load(xml), documents: [],
                                    asOf: CalendarDate(iso: "2027-03-15")!)
    }
}
