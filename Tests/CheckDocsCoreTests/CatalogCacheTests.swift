import Foundation
import Testing
@testable import CheckDocsCore
@testable import CheckDocsNative
import CheckDocsFormats

/// The compiled-catalog cache (docs/performance.md, "The compiled-catalog cache"; docs/security.md,
/// "The catalog cache"): a tree is used only when the file's bytes are those it was made from, a
/// changed file is read again alone, and a damaged, truncated or other-version pack is ignored
/// and rewritten, never trusted.
@Suite struct CatalogCacheTests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// A catalog folder with copies of the sample programs (XML and JSON), and a cache directory.
    struct Setup {
        let catalog: TemporaryFolder
        let cacheRoot: String
        var files: [String]
        var cacheDirectory: String { cacheRoot + "/checkdocs/catalog" }
        /// The catalog as a run names it: the folder, whose pack this is.
        var roots: [String] { [catalog.path + "/programs"] }

        init(xml: Int = 4, json: Int = 2) throws {
            var contents: [String: [UInt8]] = [:]
            let xmlNames = try FileManager.default.contentsOfDirectory(atPath: CatalogCacheTests.root + "/samples/programs").sorted()
            for name in xmlNames.prefix(xml) {
                contents["programs/" + name] = Array(try Data(contentsOf: URL(fileURLWithPath: CatalogCacheTests.root + "/samples/programs/" + name)))
            }
            let jsonNames = try FileManager.default.contentsOfDirectory(atPath: CatalogCacheTests.root + "/samples/programs-json").sorted()
                .filter { name in !xmlNames.prefix(xml).contains { $0.dropLast(4) == name.dropLast(5) } }
            for name in jsonNames.prefix(json) {
                contents["programs/" + name] = Array(try Data(contentsOf: URL(fileURLWithPath: CatalogCacheTests.root + "/samples/programs-json/" + name)))
            }
            catalog = try TemporaryFolder(contents: contents)
            cacheRoot = NSTemporaryDirectory() + "checkdocs-catalog-cache-\(UUID().uuidString)"
            files = ProgramLoader.files(in: [catalog.path + "/programs"]).files
        }

        func cache(tool: String = "0.1.0") -> CatalogCache {
            CatalogCache(directory: cacheDirectory, toolVersion: tool, schemas: CatalogCache.builtinSchemas)
        }

        var packPath: String { cacheDirectory + "/" + CatalogCache.packName(for: roots) }

        /// One run's loading: every file's load, then the pack finished as a run finishes it.
        @discardableResult
        func load(_ cache: CatalogCache? = nil) -> (loads: [ProgramLoader.CachedLoad], pack: CatalogPack) {
            let pack = (cache ?? self.cache()).pack(for: roots)
            let loader = ProgramLoader(schemas: Fixture.knowledge.schemas)
            let loads = files.map { loader.load(file: $0, pack: pack) }
            // Recorded as a run records them (a hit's bytes read again from the old pack only
            // when a new one is written).
            _ = ProgramLoader.gather(loads, pack: pack)
            pack.finish()
            return (loads, pack)
        }

        /// What an uncached load gives.
        var uncached: [ProgramDescription] {
            ProgramLoader(schemas: Fixture.knowledge.schemas).load(files: files).descriptions
        }

        func remove() {
            catalog.remove()
            try? FileManager.default.removeItem(atPath: cacheRoot)
        }
    }

    static func descriptions(_ loads: [ProgramLoader.CachedLoad]) -> [ProgramDescription] {
        loads.compactMap { try? $0.result.get() }
    }

    static func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    // MARK: The tree form

    @Test("a tree reads back as it was written, XML and JSON; every strict prefix is refused")
    func treeRoundTrip() throws {
        let setup = try Setup(xml: 1, json: 1)
        defer { setup.remove() }
        let loader = ProgramLoader(schemas: Fixture.knowledge.schemas)
        for file in setup.files {
            let bytes = try SafeFileReader.read(file)
            let tree: CatalogTreeCodec.Tree = file.hasSuffix(".json")
                ? .json(try loader.parseJSON(bytes, file: file).get()) : .xml(try loader.parseXML(bytes, file: file).get())
            let encoded = try #require(CatalogTreeCodec.encode(tree))
            #expect(CatalogTreeCodec.decode(encoded) == tree)
            for length in 0..<encoded.count {
                #expect(CatalogTreeCodec.decode(Array(encoded.prefix(length))) == nil, "a prefix of \(length) bytes was taken whole")
            }
            #expect(CatalogTreeCodec.decode(encoded + [0]) == nil)
        }
    }

    /// Two spellings of the same letters: precomposed and with a combining mark, and the
    /// letter Å against the ångström sign. `String` takes each pair for equal.
    static let spellings = ["\u{E9}", "e\u{301}", "caf\u{E9}", "cafe\u{301}", "\u{C5}", "\u{212B}", "A\u{30A}"]

    @Test("a tree's strings read back byte for byte, each spelling of an accented letter as it was written")
    func treeStringsByteForByte() throws {
        let strings = Self.spellings + Self.spellings.reversed() + ["", "plain", "plain"]
        let tree = CatalogTreeCodec.Tree.json(.object(strings.enumerated().map { JSONMember(key: $1, value: .string("\($0) \($1)")) }))
        let encoded = try #require(CatalogTreeCodec.encode(tree))
        guard case let .json(.object(members))? = CatalogTreeCodec.decode(encoded) else {
            Issue.record("not read back as an object")
            return
        }
        #expect(members.map { Array($0.key.utf8) } == strings.map { Array($0.utf8) })
        #expect(members.map { value -> [UInt8] in
            guard case let .string(text) = value.value else { return [] }
            return Array(text.utf8)
        } == strings.enumerated().map { Array("\($0) \($1)".utf8) })
    }

    @Test("the tree's table holds each string's bytes once, past its growth; a look-up cut short adds a string again")
    func stringTable() throws {
        var table = StringTable()
        var indices: [[UInt8]: UInt32] = [:]
        for round in 0..<3 {
            for number in 0..<5_000 {
                let string = number % 7 == 0 ? Self.spellings[(number / 7) % Self.spellings.count] : "s\(number)"
                let index = table.index(of: string)
                if let known = indices[Array(string.utf8)] { #expect(known == index, "\(round) \(string)") }
                indices[Array(string.utf8)] = index
                #expect(Array(table.strings[Int(index)].utf8) == Array(string.utf8))
            }
        }
        #expect(table.strings.count == indices.count)
        #expect(Set(indices.values).count == indices.count)
        #expect(Self.spellings.allSatisfy { indices[Array($0.utf8)] != nil })
        #expect(table.byteCount == indices.keys.reduce(0) { $0 + $1.count })
        // With no slot tried, every string is added: the reader takes a table with repeats.
        var repeating = StringTable(maxProbes: 0)
        let first = repeating.index(of: "lor"), second = repeating.index(of: "lor")
        #expect(first != second && repeating.strings == ["lor", "lor"])
        var short = StringTable(maxProbes: 1)
        for number in 0..<1_000 {
            let string = "s\(number % 300)"
            let index = short.index(of: string)
            #expect(short.strings[Int(index)] == string)
        }
        #expect(short.strings.count > 300 && Set(short.strings).count == 300, "\(short.strings.count)")
        // A table with a string twice reads back: a kind byte (JSON), two strings, then an array of
        // two strings naming one copy each.
        var bytes: [UInt8] = [2]
        ByteWords.put32(2, into: &bytes)
        for _ in 0..<2 {
            ByteWords.put32(3, into: &bytes)
            bytes += Array("lor".utf8)
        }
        bytes.append(5)
        ByteWords.put32(2, into: &bytes)
        for index: UInt32 in [1, 0] {
            bytes.append(4)
            ByteWords.put32(index, into: &bytes)
        }
        #expect(CatalogTreeCodec.decode(bytes) == .json(.array([.string("lor"), .string("lor")])))
    }

    @Test("random damage to a tree never traps: it is refused or read as some bounded tree")
    func treeRandomDamage() throws {
        let setup = try Setup(xml: 1, json: 1)
        defer { setup.remove() }
        let loader = ProgramLoader(schemas: Fixture.knowledge.schemas)
        var generator = SystemRandomNumberGenerator()
        for file in setup.files {
            let bytes = try SafeFileReader.read(file)
            let tree: CatalogTreeCodec.Tree = file.hasSuffix(".json")
                ? .json(try loader.parseJSON(bytes, file: file).get()) : .xml(try loader.parseXML(bytes, file: file).get())
            let encoded = try #require(CatalogTreeCodec.encode(tree))
            for _ in 0..<400 {
                var damaged = encoded
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    let index = Int.random(in: 0..<damaged.count, using: &generator)
                    damaged[index] = [0, 0xff, 0x7f, 0x80, UInt8.random(in: 0...255, using: &generator)].randomElement(using: &generator)!
                }
                _ = CatalogTreeCodec.decode(damaged)
            }
            // Counts claiming more than the bytes can hold, at every offset.
            for index in stride(from: 0, to: encoded.count - 4, by: 1) {
                var damaged = encoded
                damaged.replaceSubrange(index..<(index + 4), with: [0xff, 0xff, 0xff, 0x7f])
                _ = CatalogTreeCodec.decode(damaged)
            }
        }
        // Nesting past the limit is refused, not followed down the stack.
        var deep: [UInt8] = [2, 0, 0, 0, 0]
        for _ in 0..<100_000 { deep += [5, 1, 0, 0, 0] }
        deep.append(0)
        #expect(CatalogTreeCodec.decode(deep) == nil)
    }

    // MARK: The pack

    @Test("a first run writes the pack (0600 in a 0700 directory); a second parses nothing and gives the same model")
    func secondRunUsesThePack() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let first = setup.load()
        #expect(first.loads.allSatisfy { !$0.hit })
        #expect(first.pack.rewrote)
        #expect(try Self.mode(setup.cacheDirectory) == 0o700)
        #expect(try Self.mode(setup.packPath) == 0o600)
        let second = setup.load()
        #expect(second.loads.allSatisfy { $0.hit }, "every description should come from the pack")
        #expect(!second.pack.rewrote, "nothing changed: the pack must not be written again")
        #expect(Self.descriptions(second.loads) == setup.uncached)
        #expect(Self.descriptions(first.loads) == setup.uncached)
    }

    @Test("a pack entry is used only when the file's bytes hash to its key: a forged tree shows, until the file changes")
    func entryUsedOnlyForItsBytes() throws {
        let setup = try Setup(xml: 2, json: 0)
        defer { setup.remove() }
        setup.load()
        // A pack whose entry for the first file's bytes holds the tree of the same file with
        // another name: what a run shows proves where the tree came from.
        let file = setup.files[0]
        let bytes = try SafeFileReader.read(file)
        let loader = ProgramLoader(schemas: Fixture.knowledge.schemas)
        let parsed = try loader.parseXML(bytes, file: file).get()
        let nameIndex = try #require(parsed.children.firstIndex { $0.name == "name" })
        // The tree is immutable: the forged one is built beside it.
        func with(_ node: XMLElementNode, text: String? = nil, children: [XMLElementNode]? = nil) -> XMLElementNode {
            XMLElementNode(name: node.name, namespace: node.namespace, attributes: Array(node.attributes),
                           children: children ?? Array(node.children), text: text ?? node.text, line: node.line, column: node.column)
        }
        var children = Array(parsed.children)
        children[nameIndex] = with(children[nameIndex], text: "Forged in the cache")
        let root = with(parsed, children: children)
        let cache = setup.cache()
        try FileManager.default.removeItem(atPath: setup.packPath)
        let forging = cache.pack(for: setup.roots)
        forging.record(forging.key(bytes, json: false), entry: try #require(CatalogTreeCodec.encode(.xml(root))), hit: false)
        forging.finish()

        let cached = setup.load().loads
        #expect(cached[0].hit)
        #expect(try cached[0].result.get().name == "Forged in the cache")
        #expect(!cached[1].hit, "the second file had no entry in the forged pack")

        // One byte more in the file: another hash, so the file is read again.
        try Data(bytes + Array("\n".utf8)).write(to: URL(fileURLWithPath: file))
        let changed = setup.load().loads
        #expect(!changed[0].hit)
        #expect(try changed[0].result.get().name != "Forged in the cache")
        #expect(changed[1].hit)
    }

    @Test("a changed file is read again alone; the pack is rewritten once, then used whole")
    func changedFileAlone() throws {
        let setup = try Setup()
        defer { setup.remove() }
        setup.load()
        let changed = setup.files[2]
        var text = try String(contentsOfFile: changed, encoding: .utf8)
        text += changed.hasSuffix(".json") ? " " : "\n<!-- edited -->\n"
        try text.write(toFile: changed, atomically: true, encoding: .utf8)
        let second = setup.load()
        for (index, load) in second.loads.enumerated() {
            #expect(load.hit == (index != 2), "\(setup.files[index])")
        }
        #expect(second.pack.rewrote)
        #expect(Self.descriptions(second.loads) == setup.uncached)
        let third = setup.load()
        #expect(third.loads.allSatisfy { $0.hit })
        #expect(!third.pack.rewrote)
    }

    @Test("a file removed from the catalog, or added to it: the others are used, the pack rewritten to match")
    func removedAndAddedFiles() throws {
        var setup = try Setup()
        defer { setup.remove() }
        setup.load()
        let removed = setup.files.remove(at: 1)
        let before = try #require(FileManager.default.contents(atPath: removed))
        try FileManager.default.removeItem(atPath: removed)
        let fewer = setup.load()
        #expect(fewer.loads.allSatisfy { $0.hit })
        #expect(fewer.pack.rewrote, "the pack still held the removed file's entry")
        #expect(setup.cache().pack(for: setup.roots).oldCount == setup.files.count)
        #expect(!setup.load().pack.rewrote)
        // Back again: read alone, the rest from the pack.
        _ = FileManager.default.createFile(atPath: removed, contents: before)
        setup.files.insert(removed, at: 1)
        let more = setup.load()
        #expect(more.loads.enumerated().allSatisfy { $0.element.hit == ($0.offset != 1) })
        #expect(Self.descriptions(more.loads) == setup.uncached)
    }

    @Test("a truncated pack, at any length, is ignored and rewritten to the same bytes")
    func truncatedPack() throws {
        let setup = try Setup(xml: 2, json: 1)
        defer { setup.remove() }
        setup.load()
        let whole = try #require(FileManager.default.contents(atPath: setup.packPath))
        let lengths = Set([0, 1, 8, 39, 40, 41, whole.count / 2, whole.count - 29, whole.count - 28, whole.count - 1]
            + (0..<20).map { _ in Int.random(in: 0..<whole.count) })
        for length in lengths.sorted() {
            try Data(whole.prefix(length)).write(to: URL(fileURLWithPath: setup.packPath))
            let run = setup.load()
            #expect(run.loads.allSatisfy { !$0.hit }, "a pack cut at \(length) bytes was trusted")
            #expect(Self.descriptions(run.loads) == setup.uncached)
            #expect(FileManager.default.contents(atPath: setup.packPath) == whole, "cut at \(length): not rewritten whole")
        }
    }

    @Test("a sparse pack whose trailer claims 20 million entries is refused before its index is read")
    func forgedCount() throws {
        let setup = try Setup(xml: 2, json: 1)
        defer { setup.remove() }
        setup.load()
        let whole = try #require(FileManager.default.contents(atPath: setup.packPath))
        // The real header, a hole, and a trailer whose index would be 1 GB (52 bytes an entry):
        // before the bound the run read and checksummed that gigabyte of zeros (72 s, 1 GB).
        let count = 20_000_000, indexOffset = 40
        var trailer: [UInt8] = []
        for shift in stride(from: 0, to: 64, by: 8) { trailer.append(UInt8(truncatingIfNeeded: indexOffset >> shift)) }
        for shift in stride(from: 0, to: 32, by: 8) { trailer.append(UInt8(truncatingIfNeeded: count >> shift)) }
        trailer += [UInt8](repeating: 0, count: 8) + Array("CDCATEND".utf8)
        #expect(FileManager.default.createFile(atPath: setup.packPath, contents: whole.prefix(40)))
        let handle = try #require(FileHandle(forWritingAtPath: setup.packPath))
        try handle.seek(toOffset: UInt64(indexOffset + count * 52))
        handle.write(Data(trailer))
        try handle.close()
        let start = ContinuousClock.now
        let run = setup.load()
        #expect(ContinuousClock.now - start < .seconds(10), "the forged index was read")
        #expect(run.pack.oldCount == 0)
        #expect(Self.descriptions(run.loads) == setup.uncached)
        #expect(FileManager.default.contents(atPath: setup.packPath) == whole, "not rewritten whole")
    }

    @Test("a damaged entry is ignored (its file read again), the others used; any damaged byte is caught, never trusted")
    func damagedPack() throws {
        let setup = try Setup(xml: 2, json: 1)
        defer { setup.remove() }
        setup.load()
        let whole = try #require(FileManager.default.contents(atPath: setup.packPath))
        // One byte in the first entry (just after the 40-byte header): only that file is read again.
        var damaged = whole
        damaged[45] ^= 0x5a
        try damaged.write(to: URL(fileURLWithPath: setup.packPath))
        let run = setup.load()
        #expect(run.loads.filter { !$0.hit }.count == 1)
        #expect(Self.descriptions(run.loads) == setup.uncached)
        #expect(FileManager.default.contents(atPath: setup.packPath) == whole)
        // Any byte anywhere, any value: the model is always the uncached one, and the pack comes back whole.
        let uncached = setup.uncached
        for _ in 0..<60 {
            var bytes = whole
            let index = Int.random(in: 0..<bytes.count)
            bytes[index] ^= UInt8.random(in: 1...255)
            try bytes.write(to: URL(fileURLWithPath: setup.packPath))
            let damagedRun = setup.load()
            #expect(Self.descriptions(damagedRun.loads) == uncached, "byte \(index) damaged")
            #expect(FileManager.default.contents(atPath: setup.packPath) == whole, "byte \(index) damaged: not rewritten")
        }
    }

    @Test("a pack written by another checkdocs version, or against other schemas, is ignored and rewritten")
    func otherVersion() throws {
        let setup = try Setup(xml: 2, json: 1)
        defer { setup.remove() }
        setup.load(setup.cache(tool: "0.0.9"))
        let old = try #require(FileManager.default.contents(atPath: setup.packPath))
        let run = setup.load()
        #expect(run.loads.allSatisfy { !$0.hit })
        #expect(run.pack.rewrote)
        let new = try #require(FileManager.default.contents(atPath: setup.packPath))
        #expect(new != old)
        #expect(setup.load().loads.allSatisfy { $0.hit })
        let otherSchemas = CatalogCache(directory: setup.cacheDirectory, toolVersion: "0.1.0", schemas: ["<xs:schema/>", "{}"])
        #expect(setup.load(otherSchemas).loads.allSatisfy { !$0.hit })
        #expect(otherSchemas.stamp != setup.cache().stamp)
    }

    @Test("an invalid description is never cached: it is reported on every run")
    func errorsNotCached() throws {
        let setup = try Setup(xml: 2, json: 0)
        defer { setup.remove() }
        let broken = setup.files[1]
        try "<program xmlns=\"urn:checkdocs:program:1\">".write(toFile: broken, atomically: true, encoding: .utf8)
        for _ in 0..<2 {
            let run = setup.load()
            guard case .failure = run.loads[1].result else {
                Issue.record("the broken description loaded")
                return
            }
            #expect(run.loads[1].entry == nil)
            #expect((try? run.loads[0].result.get())?.id == setup.uncached.first?.id)
        }
        #expect(setup.cache().pack(for: setup.roots).oldCount == 1)
    }

    @Test("a cache directory that cannot be made: no cache, no error")
    func unwritableCache() throws {
        let setup = try Setup(xml: 2, json: 0)
        defer { setup.remove() }
        let blocked = NSTemporaryDirectory() + "checkdocs-catalog-blocked-\(UUID().uuidString)"
        #expect(FileManager.default.createFile(atPath: blocked, contents: Data("a file, not a folder".utf8)))
        defer { try? FileManager.default.removeItem(atPath: blocked) }
        let cache = CatalogCache(directory: blocked + "/checkdocs/catalog", toolVersion: "0.1.0", schemas: CatalogCache.builtinSchemas)
        let run = setup.load(cache)
        #expect(!run.pack.rewrote)
        #expect(Self.descriptions(run.loads) == setup.uncached)
    }

    @Test("XDG_CACHE_HOME, else ~/.cache, beside the OCR cache; CHECKDOCS_CATALOG_CACHE=off turns it off; clear empties it")
    func placeAndClear() throws {
        #expect(CatalogCache.directory(environment: ["XDG_CACHE_HOME": "/x/c/", "HOME": "/h"]) == "/x/c/checkdocs/catalog")
        #expect(CatalogCache.directory(environment: ["XDG_CACHE_HOME": "rel", "HOME": "/h"]) == "/h/.cache/checkdocs/catalog")
        #expect(CatalogCache.directory(environment: [:]) == nil)
        #expect(CatalogCache.userCache(environment: ["HOME": "/h", "CHECKDOCS_CATALOG_CACHE": "off"], toolVersion: "0.1.0") == nil)
        #expect(CatalogCache.userCache(environment: ["HOME": "/h"], toolVersion: "0.1.0")?.directory == "/h/.cache/checkdocs/catalog")
        let setup = try Setup(xml: 1, json: 0)
        defer { setup.remove() }
        setup.load()
        #expect(FileManager.default.fileExists(atPath: setup.packPath))
        #expect(try setup.cache().clear().get() == 1)
        #expect(!FileManager.default.fileExists(atPath: setup.packPath))
        #expect(try setup.cache().clear().get() == 0)
    }
}
