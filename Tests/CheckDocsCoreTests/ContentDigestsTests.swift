import Foundation
import Testing
@testable import CheckDocsCore
@testable import CheckDocsFormats
@testable import CheckDocsNative

/// The content digests remembered between runs (docs/inspection.md, "Content digests"): a file
/// is read only when what `stat` says of it has moved since it was hashed.
@Suite struct ContentDigestsTests {
    /// A folder holding `Scan.jpg`, its scan, and a memo in a directory of its own.
    static func folder(settle: Duration = .zero) throws -> (root: String, inspector: DocumentInspector, memo: ContentDigests) {
        let base = NSTemporaryDirectory() + "checkdocs-digests-\(UUID().uuidString)"
        let root = base + "/folder"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try Data("first content".utf8).write(to: URL(fileURLWithPath: root + "/Scan.jpg"))
        let memo = ContentDigests(directory: base + "/cache/checkdocs/digests", settle: settle)
        return (root, try inspector(root), memo)
    }

    static func inspector(_ root: String) throws -> DocumentInspector {
        let scan = try FolderScanner.scan(root: root)
        return DocumentInspector(root: root, files: scan.files, contentTypes: [:])
    }

    static let path = FilePath("Scan.jpg")

    static let passport = FilePath("Passport.pdf")

    /// A folder holding `Passport.pdf` of `bytes`, with a memo and an OCR cache of its own, all
    /// under `base` (the caller removes it).
    static func passportFolder(_ bytes: [UInt8]) throws -> (base: String, root: String, memo: ContentDigests, cache: OCRCache) {
        let base = NSTemporaryDirectory() + "checkdocs-digests-\(UUID().uuidString)"
        let root = base + "/folder"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: root + "/" + passport.description))
        return (base, root, ContentDigests(directory: base + "/cache/digests", settle: .zero),
                OCRCache(directory: base + "/cache/ocr", toolVersion: "0.1.0", engine: "test"))
    }

    @Test("hashed once: the second time the memo answers, without the bytes; the digest is the content's SHA-256")
    func remembered() throws {
        let (root, inspector, memo) = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let first = try #require(inspector.digest(of: Self.path, memo: memo, limit: 1024))
        #expect(first.sha256 == SHA256.hex(Array("first content".utf8)))
        #expect(first.bytes == Array("first content".utf8))
        let second = try #require(inspector.digest(of: Self.path, memo: memo, limit: 1024))
        #expect(second.sha256 == first.sha256)
        #expect(second.bytes == nil, "the memo answered: nothing was read")
        #expect(inspector.digest(of: Self.path, memo: memo, limit: 1024, readIfUnknown: false)?.sha256 == first.sha256)
        #expect(try FileManager.default.attributesOfItem(atPath: memo.directory)[.posixPermissions] as? Int == 0o700)
        let entries = try FileManager.default.contentsOfDirectory(atPath: memo.directory)
        #expect(entries.count == 1)
        #expect(try FileManager.default.attributesOfItem(atPath: memo.directory + "/" + entries[0])[.posixPermissions] as? Int == 0o600)
        #expect(try memo.clear().get() == 1)
        #expect(inspector.digest(of: Self.path, memo: memo, limit: 1024, readIfUnknown: false) == nil)
    }

    @Test("a file rewritten with other bytes of the same size is read and hashed again")
    func rewritten() throws {
        let (root, inspector, memo) = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let first = try #require(inspector.digest(of: Self.path, memo: memo, limit: 1024))
        // Past the file system's clock tick, so the change time moves.
        Thread.sleep(forTimeInterval: 0.05)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: root + "/Scan.jpg"))
        try handle.write(contentsOf: Data("other content".utf8))
        try handle.close()
        #expect(inspector.digest(of: Self.path, memo: memo, limit: 1024, readIfUnknown: false) == nil)
        let again = try #require(inspector.digest(of: Self.path, memo: memo, limit: 1024))
        #expect(again.sha256 != first.sha256)
        #expect(again.sha256 == SHA256.hex(Array("other content".utf8)))
        #expect(again.bytes != nil)
    }

    @Test("a file changed less than `settle` before it was hashed is not remembered (a write in the same clock tick would not move its stamp)")
    func unsettled() throws {
        let (root, inspector, memo) = try Self.folder(settle: .seconds(3600))
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        #expect(inspector.digest(of: Self.path, memo: memo, limit: 1024)?.bytes != nil)
        #expect(inspector.digest(of: Self.path, memo: memo, limit: 1024)?.bytes != nil, "read again: not remembered")
        #expect(!FileManager.default.fileExists(atPath: memo.directory))
        let stamp = FileStamp(size: 1, modified: 0, changed: 1_000_000_000)
        #expect(ContentDigests(directory: "/x", settle: .seconds(2)).hasSettled(stamp, at: Date(timeIntervalSince1970: 3)))
        #expect(!ContentDigests(directory: "/x", settle: .seconds(2)).hasSettled(stamp, at: Date(timeIntervalSince1970: 2.9)))
    }

    @Test("a longer file, or one replaced by a link, gets no digest")
    func refused() throws {
        let (root, inspector, memo) = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        #expect(inspector.digest(of: Self.path, memo: memo, limit: 5) == nil)
        #expect(inspector.digest(of: Self.path, memo: memo, limit: 1024) != nil)
        try FileManager.default.removeItem(atPath: root + "/Scan.jpg")
        try FileManager.default.createSymbolicLink(atPath: root + "/Scan.jpg", withDestinationPath: root + "/../elsewhere")
        #expect(inspector.digest(of: Self.path, memo: memo, limit: 1024) == nil)
    }

    @Test("an entry reads back as written; a damaged or truncated one is a miss")
    func entries() throws {
        let entry = ContentDigests.Entry(stamp: FileStamp(size: 12, modified: 1_700_000_000_123_456_789, changed: 1_700_000_001_000_000_000),
                                         sha256: String(repeating: "0f", count: 32))
        let bytes = ContentDigests.encode(entry)
        #expect(ContentDigests.decode(bytes) == entry)
        for length in 0..<bytes.count { #expect(ContentDigests.decode(Array(bytes.prefix(length))) == nil, "cut at \(length)") }
        #expect(ContentDigests.decode(bytes + [0x0A]) == nil)
        var upper = bytes
        upper[bytes.count - 2] = UInt8(ascii: "F")
        #expect(ContentDigests.decode(upper) == nil)
    }

    @Test("beside the OCR cache: XDG_CACHE_HOME, else ~/.cache; never inside the folders a run reads")
    func location() throws {
        #expect(ContentDigests.userMemo(environment: ["XDG_CACHE_HOME": "/x/c"])?.directory == "/x/c/checkdocs/digests")
        #expect(ContentDigests.userMemo(environment: ["HOME": "/h"])?.directory == "/h/.cache/checkdocs/digests")
        let folder = NSTemporaryDirectory() + "checkdocs-digests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(ContentDigests.userMemo(environment: ["XDG_CACHE_HOME": folder + "/cache"], awayFrom: [folder]) == nil)
        #expect(ContentDigests.userMemo(environment: [:]) == nil)
    }

    @Test("a PDF whose bytes were OCRed before is not read again: the memo's digest finds its page in the OCR cache, and no worker reads its text layer")
    func knownScanPDF() throws {
        let (base, root, memo, cache) = try Self.passportFolder(PDFFixtures.pdf([PDFFixtures.Page(text: nil)]))
        defer { try? FileManager.default.removeItem(atPath: base) }
        let path = Self.passport
        func inspector() throws -> DocumentInspector {
            let scan = try FolderScanner.scan(root: root)
            return DocumentInspector(root: root, files: scan.files, contentTypes: [path: ContentType(mime: "application/pdf")])
        }
        // The first run: the memo learns the digest, and OCR's reading of page 1 is kept under it.
        let sha256 = try #require(try inspector().digest(of: path, memo: memo, limit: 1 << 20)).sha256
        cache.store(.page(OCRCacheTests.page), hash: sha256, input: .pdfPage(index: 0))

        func read(memo: ContentDigests?) throws -> (DocumentInspector, ScanReader, [ApplicantDocument]) {
            let inspector = try inspector()
            let scans = ScanReader(cache: cache, digests: memo)
            var documents = [ApplicantDocument(path: path, size: 0, type: "passport", classifiedBy: nil, facts: DocumentFacts())]
            var reading = DocumentFactReading()
            _ = reading.read([path], inspector: inspector, documents: &documents, scans: scans, asOf: CalendarDate(year: 2026, month: 11, day: 29))
            return (inspector, scans, documents)
        }
        let (inspector, scans, documents) = try read(memo: memo)
        #expect(inspector.inspectionCount == 0, "no worker read the text layer")
        #expect(scans.ocrRequests == 0 && scans.cachedReadings == 1)
        #expect(documents[0].facts.expires == CalendarDate(year: 2012, month: 4, day: 15), "the cached page's MRZ decides")
        // Without the memo, the text layer is read first (empty), then the digest finds the same page.
        let (unremembered, again, same) = try read(memo: nil)
        #expect(unremembered.inspectionCount == 1)
        #expect(again.ocrRequests == 0 && again.cachedReadings == 1)
        #expect(same[0].facts.expires == documents[0].facts.expires)
    }

    @Test("a PDF read by its text layer is not read again: the second time, its facts come from the facts cache and no worker starts")
    func knownTextPDF() throws {
        let (base, root, memo, cache) = try Self.passportFolder(PDFFixtures.pdf([PDFFixtures.Page(text: "Date of expiry: 2031-01-01")]))
        defer { try? FileManager.default.removeItem(atPath: base) }
        let path = Self.passport
        func read() throws -> (DocumentInspector, ScanReader, [ApplicantDocument], [ReadFact]) {
            let scan = try FolderScanner.scan(root: root)
            let inspector = DocumentInspector(root: root, files: scan.files, contentTypes: [path: ContentType(mime: "application/pdf")])
            let scans = ScanReader(cache: cache, digests: memo)
            var documents = [ApplicantDocument(path: path, size: 0, type: "passport", classifiedBy: nil, facts: DocumentFacts())]
            var reading = DocumentFactReading()
            _ = reading.read([path], inspector: inspector, documents: &documents, scans: scans, asOf: CalendarDate(iso: "2026-11-29"))
            return (inspector, scans, documents, reading.facts)
        }
        let (first, _, documents, facts) = try read()
        #expect(first.inspectionCount == 1, "the text layer is read by a worker")
        #expect(documents[0].facts.expires == CalendarDate(iso: "2031-01-01"))
        let (second, scans, same, again) = try read()
        #expect(second.inspectionCount == 0, "no worker: the facts were kept")
        #expect(scans.ocrRequests == 0 && scans.cachedReadings == 0)
        #expect(same[0].facts.expires == documents[0].facts.expires)
        #expect(again == facts)
    }
}
