import Foundation
import Testing
@testable import CheckDocsCore
@testable import CheckDocsNative

/// PDF facts kept between runs (docs/inspection.md, "PDF facts cache"): what is kept reads back
/// the same, an entry of another build or poppler or a damaged one is not used, the pages' text
/// read for facts is never taken from it, and poppler's identity is told without loading it.
@Suite struct PDFFactsCacheTests {
    static func cache() -> PDFFactsCache {
        PDFFactsCache(directory: NSTemporaryDirectory() + "checkdocs-pdf-\(UUID().uuidString)/pdf", engine: "build test poppler test")
    }

    static let kinds: [PDFFacts] = {
        var readable = PDFFacts(state: .readable)
        readable.pageCount = 3
        readable.pageSizes = [PageSize(width: 612, height: 792), PageSize(width: 595.28, height: 841.89), PageSize(width: 612, height: 1008)]
        readable.signatureCount = 2
        readable.textCharacters = 12_345
        readable.textComplete = false
        readable.textSample = "Curriculum vitae — Dr. Ana María Pérez, 東京"
        var encrypted = readable
        encrypted.encrypted = true
        return [readable, encrypted, PDFFacts(state: .passwordProtected), PDFFacts(state: .damaged)]
    }()

    @Test("what is kept reads back the same, for every state", arguments: kinds)
    func roundTrip(_ facts: PDFFacts) throws {
        let cache = Self.cache()
        defer { try? FileManager.default.removeItem(atPath: (cache.directory as NSString).deletingLastPathComponent) }
        let name = cache.name(ofPDF: Array("%PDF-1.4 fixture".utf8))
        #expect(name == SHA256.hex(Array("%PDF-1.4 fixture".utf8)))
        #expect(cache.facts(named: name) == nil)
        cache.keep(facts, named: name)
        #expect(cache.facts(named: name) == facts)
        #expect(try PDFFactsCache.clear(directory: cache.directory).get() == 1)
    }

    @Test("an entry of another build or poppler, cut anywhere or with any byte of its body changed, is not used")
    func untrusted() throws {
        let cache = Self.cache()
        let entry = try #require(cache.encode(Self.kinds[0]))
        #expect(cache.decode(entry) == Self.kinds[0])
        #expect(PDFFactsCache(directory: cache.directory, engine: "build other poppler test").decode(entry) == nil)
        for length in 0..<entry.count {
            #expect(cache.decode(Array(entry.prefix(length))) == nil, "cut to \(length) bytes")
        }
        let bodyStart = entry.count - DocumentWorkerProtocol.answer(Self.kinds[0]).count
        for index in bodyStart..<entry.count {
            var damaged = entry
            damaged[index] ^= 0x04
            #expect(cache.decode(damaged) == nil, "byte \(index) changed")
        }
    }

    /// Answers a fixed kept reading for every PDF, and counts what it is asked to keep.
    final class Kept: KeptPDFFacts, @unchecked Sendable {
        let facts: PDFFacts?
        private let lock = NSLock()
        private var keptCount = 0
        init(_ facts: PDFFacts?) { self.facts = facts }
        func name(ofPDF bytes: [UInt8]) -> String { SHA256.hex(bytes) }
        func facts(named name: String) -> PDFFacts? { facts }
        func keep(_ facts: PDFFacts, named name: String) { lock.withLock { keptCount += 1 } }
        var kept: Int { lock.withLock { keptCount } }
    }

    @Test("the inspector takes kept facts instead of reading the PDF, keeps what it reads, and reads the pages' text itself")
    func inspector() throws {
        let folder = try TemporaryFolder(contents: ["CV.pdf": PDFFixtures.pdf([PDFFixtures.letter])])
        defer { folder.remove() }
        let scan = try FolderScanner.scan(root: folder.path)
        let file = try #require(scan.files.first)
        let content = ContentType(mime: "application/pdf")
        var made = PDFFacts(state: .readable)
        made.pageCount = 7
        let kept = Kept(made)
        #expect(FileInspector.inspect(root: folder.path, file: file, content: content, kept: kept).pdf == made)
        let read = FileInspector.inspect(root: folder.path, file: file, content: content, pageTexts: true, kept: kept).pdf
        #expect(read?.pageCount == 1, "the pages' text is read from the PDF, never from the cache")
        #expect(kept.kept == 0)
        let empty = Kept(nil)
        #expect(FileInspector.inspect(root: folder.path, file: file, content: content, kept: empty).pdf?.pageCount == 1)
        #expect(empty.kept == 1, "what poppler found is kept")
    }

    @Test("poppler's identity: the first libpoppler-glib.so.8 on the path, with every libpoppler.so.N beside it; none without one")
    func popplerIdentity() throws {
        let folder = try TemporaryFolder(contents: ["libpoppler-glib.so.8": [1, 2, 3], "libpoppler.so.126": [4, 5], "libpoppler.so": [6],
                                                    "libpoppler.so.126.0.0": [7, 8, 9, 10]])
        defer { folder.remove() }
        let identity = try #require(PopplerReader.libraryIdentity(libraryPath: "relative/ignored:" + folder.path))
        #expect(identity.hasPrefix("poppler \(folder.path)/libpoppler-glib.so.8 3 "))
        #expect(identity.contains(" libpoppler.so.126 2 ") && identity.contains(" libpoppler.so.126.0.0 4 "))
        #expect(!identity.contains(" libpoppler.so 1 "), "the development link is not what a worker loads")
        let empty = try TemporaryFolder()
        defer { empty.remove() }
        // Without one on the path, the system's is told: scripts/setup installs poppler-glib where
        // the dynamic loader (and so a worker) finds it.
        let system = PopplerReader.libraryIdentity(libraryPath: empty.path)
        if PopplerReader.isAvailable {
            #expect(system?.hasPrefix("poppler /") == true && system?.contains("/libpoppler-glib.so.8 ") == true, "\(system ?? "none")")
        }
        #expect(system?.contains(empty.path) != true)
    }
}
