import Foundation
import Testing
@testable import CheckDocsCore

/// The knowledge made while the command line is parsed (docs/performance.md, "Start-up while the
/// command line is parsed") is the knowledge a run would have loaded itself.
@Suite struct KnowledgePrefetchTests {
    @Test("the version, help, completion scripts and cache start nothing; every other command line does")
    func whichCommandLines() {
        for arguments in [["--version"], ["check", "--help"], ["-h"], ["help", "check"], ["cache", "clear"],
                          ["--generate-completion-script", "bash"], ["plan", "folder", "--help-hidden"]] {
            #expect(!KnowledgePrefetch.helps(arguments[...]), "\(arguments)")
        }
        for arguments in [[], ["folder"], ["check", "a", "b"], ["plan", "folder", "--as-of", "2026-12-01"], ["lint", "programs"],
                          ["folder", "--programs", "cache"], ["init", "folder"]] {
            #expect(KnowledgePrefetch.helps(arguments[...]), "\(arguments)")
        }
    }

    @Test("the program XSD is compiled ahead only when --programs may name XML, or is not given")
    func xmlGuess() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("checkdocs-prefetch-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (folder, names) in [("json", ["a.json", "b.JSON", ".x.xml"]), ("xml", ["a.json", "b.xml"]), ("nested", ["a.json", "more/"]), ("empty", [])] {
            try FileManager.default.createDirectory(atPath: "\(root)/\(folder)", withIntermediateDirectories: true)
            for name in names {
                if name.hasSuffix("/") {
                    try FileManager.default.createDirectory(atPath: "\(root)/\(folder)/\(name)", withIntermediateDirectories: true)
                } else {
                    #expect(FileManager.default.createFile(atPath: "\(root)/\(folder)/\(name)", contents: Data()))
                }
            }
        }
        #expect(KnowledgePrefetch.programPaths(["f", "--programs", "a", "--as-of", "x", "--programs=b", "--programs"]) == ["a", "b"])
        #expect(KnowledgePrefetch.mayReadXML(["folder"]))
        #expect(KnowledgePrefetch.mayReadXML(["folder", "--programs", "p.XML"]))
        #expect(!KnowledgePrefetch.mayReadXML(["folder", "--programs", "p.json"]))
        #expect(!KnowledgePrefetch.mayReadXML(["folder", "--programs", "\(root)/json", "--programs=\(root)/empty"]))
        #expect(KnowledgePrefetch.mayReadXML(["folder", "--programs", "\(root)/json", "--programs=\(root)/xml"]))
        #expect(KnowledgePrefetch.mayReadXML(["folder", "--programs", "\(root)/nested"]))
    }

    @Test("the XSD is not compiled ahead when the catalog cache holds a pack for the --programs given (a description that misses compiles it)")
    func packHeld() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("checkdocs-prefetch-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let environment = ["XDG_CACHE_HOME": root + "/cache"]
        let arguments: ArraySlice<String> = ["folder", "--programs", root + "/programs", "--as-of", "2026-12-01"]
        #expect(!KnowledgePrefetch.hasPack(arguments, environment: environment), "no pack yet: compiled ahead")
        let directory = try #require(CatalogCache.directory(environment: environment))
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: directory + "/" + CatalogCache.packName(for: [root + "/programs"]), contents: Data()))
        #expect(KnowledgePrefetch.hasPack(arguments, environment: environment))
        #expect(!KnowledgePrefetch.hasPack(["folder", "--programs", root + "/other"], environment: environment), "another catalog's pack")
        #expect(!KnowledgePrefetch.hasPack(arguments, environment: environment.merging(["CHECKDOCS_CATALOG_CACHE": "off"]) { $1 }),
                "the cache off: the descriptions are parsed")
        #expect(!KnowledgePrefetch.hasPack(["folder"], environment: environment), "the folder's own programs/: no guess")
    }

    @Test("Knowledge.load returns what the prefetch made, the same as a fresh load")
    func sameKnowledge() throws {
        KnowledgePrefetch.start([])
        KnowledgePrefetch.start(["--programs", "elsewhere"])  // once per process
        let prefetched = try Knowledge.load()
        let fresh = try Knowledge.assemble(BuiltinKnowledge.decode(), extraChecklists: [])
        #expect(prefetched.catalog.types == fresh.catalog.types)
        #expect(prefetched.checklists == fresh.checklists)
        // The classifier the prefetch made (or is making) classifies as one made afresh.
        let freshClassifier = DocumentClassifier(catalog: fresh.catalog)
        for words in [["passport"], ["tb", "igra"], ["usmle", "step", "1", "transcript"], ["holiday", "photo"], ["cv", "2026"]] {
            #expect(prefetched.classifier.classify(words: words) == freshClassifier.classify(words: words), "\(words)")
        }
        KnowledgePrefetch.finish()
        KnowledgePrefetch.finish()  // as often as asked
    }

    @Test("with extra checklists, Knowledge.load adds them to the built-in data the prefetch decoded, and leaves that data as it was")
    func extraChecklists() throws {
        KnowledgePrefetch.start([])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("checkdocs-prefetch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(FileManager.default.createFile(atPath: folder + "/observership.xml", contents: Data(LoadingTests.observershipChecklist(requiring: "tb_igra").utf8)))
        let extended = try Knowledge.load(extraChecklists: [folder])
        let fresh = try Knowledge.assemble(BuiltinKnowledge.decode(), extraChecklists: [folder])
        #expect(extended.checklists == fresh.checklists && extended.catalog.types == fresh.catalog.types)
        #expect(extended.checklists.first { $0.id == "observership" }?.name == "Our observership checklist")
        let plain = try Knowledge.load()
        #expect(plain.checklists.first { $0.id == "observership" }?.name != "Our observership checklist")
        #expect(plain.checklists.count == 5)
    }
}
