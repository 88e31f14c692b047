import Foundation
import Testing
@testable import CheckDocsCore
@testable import CheckDocsNative

/// The OCR cache's entries (docs/inspection.md, "OCR cache"; docs/security.md, "The OCR cache")
/// and the facts of an OCRed page (docs/inspection.md, "Facts read from scans").
@Suite struct OCRCacheTests {
    static let page = OCRPage(text: "PASSPORT\nDate of expiry: 2012-04-15\n", textComplete: true, meanConfidence: 88,
                              pixelWidth: 2550, pixelHeight: 3300, pageCount: 1,
                              mrzText: "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10\n")
    static func cache(tool: String = "0.1.0", engine: String = "tesseract5 model 1 2") -> OCRCache {
        OCRCache(directory: NSTemporaryDirectory() + "checkdocs-ocr-cache-\(UUID().uuidString)", toolVersion: tool, engine: engine)
    }

    @Test("an entry reads back as it was written; unavailable is never kept")
    func roundTrip() throws {
        let cache = Self.cache()
        let bytes = try #require(cache.encode(.page(Self.page)))
        #expect(cache.decode(bytes) == .page(Self.page))
        #expect(cache.decode(try #require(cache.encode(.unreadable(.noSuchPage)))) == .unreadable(.noSuchPage))
        #expect(cache.encode(.unavailable(.englishModel)) == nil)
    }

    @Test("a truncated, damaged or other-version entry is not trusted")
    func untrusted() throws {
        let cache = Self.cache()
        let bytes = try #require(cache.encode(.page(Self.page)))
        for length in 0..<bytes.count { #expect(cache.decode(Array(bytes.prefix(length))) == nil, "cut at \(length)") }
        #expect(cache.decode(bytes + [0]) == nil)
        for index in stride(from: 0, to: bytes.count, by: 7) {
            var damaged = bytes
            damaged[index] ^= 0x20
            #expect(cache.decode(damaged) == nil, "byte \(index) changed")
        }
        #expect(Self.cache(tool: "0.0.9").decode(bytes) == nil)
        #expect(Self.cache(engine: "tesseract5 model 1 3").decode(bytes) == nil)
    }

    @Test("entries are stored 0600 in a 0700 directory, keyed by hash and page, and cleared")
    func storeAndClear() throws {
        let cache = Self.cache()
        defer { try? FileManager.default.removeItem(atPath: cache.directory) }
        let hash = String(repeating: "ab", count: 32)
        #expect(cache.load(hash: hash, input: .pdfPage(index: 1)) == nil)
        cache.store(.page(Self.page), hash: hash, input: .pdfPage(index: 1))
        cache.store(.unavailable(.tesseract), hash: hash, input: .image)
        #expect(cache.load(hash: hash, input: .pdfPage(index: 1)) == .page(Self.page))
        #expect(cache.load(hash: hash, input: .image) == nil)
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.directory)
        #expect(files == [hash + ".page2"])
        #expect(try FileManager.default.attributesOfItem(atPath: cache.directory)[.posixPermissions] as? Int == 0o700)
        #expect(try FileManager.default.attributesOfItem(atPath: cache.directory + "/" + files[0])[.posixPermissions] as? Int == 0o600)
        #expect(try cache.clear().get() == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.directory).isEmpty)
    }

    @Test("XDG_CACHE_HOME, else ~/.cache; a relative XDG_CACHE_HOME is ignored")
    func location() {
        #expect(OCRCache.directory(environment: ["XDG_CACHE_HOME": "/x/c/", "HOME": "/h"]) == "/x/c/checkdocs/ocr")
        #expect(OCRCache.directory(environment: ["XDG_CACHE_HOME": "rel", "HOME": "/h"]) == "/h/.cache/checkdocs/ocr")
        #expect(OCRCache.directory(environment: [:]) == nil)
    }

    @Test("an OCRed passport page: its verified MRZ expiry decides (method mrz), and its text's labelled expiry (method ocr, measured on the corpus's scans)")
    func scanFacts() {
        let asOf = CalendarDate(iso: "2010-01-01")!
        let facts = ScanFacts.read(Self.page, page: 1, file: FilePath("Passport.png"), documentType: "passport", asOf: asOf)
        let mrz = facts.filter { $0.method == .mrz && $0.fact == .expiryDate }
        #expect(mrz.map(\.value) == [.date(CalendarDate(iso: "2012-04-15")!)])
        #expect(mrz.allSatisfy(FactDecisions.mayDecide))
        let ocr = facts.filter { $0.method == .ocr }
        #expect(ocr.map(\.fact) == [.expiryDate] && ocr.allSatisfy(FactDecisions.mayDecide))
        // A visa's page takes no passport zone.
        #expect(!ScanFacts.read(Self.page, page: 1, file: FilePath("Visa.png"), documentType: "us_visa", asOf: asOf).contains { $0.method == .mrz })
        // A passport copied into another document gives that document its name, never its expiry.
        let insurance = ScanFacts.read(Self.page, page: 1, file: FilePath("Insurance.png"), documentType: "health_insurance", asOf: asOf)
        #expect(insurance.filter { $0.method == .mrz }.map(\.fact) == [.name])
        // Nor does the passport's printed expiry, read by OCR from the same page, decide.
        #expect(!insurance.filter { $0.fact == .expiryDate }.isEmpty && !insurance.filter { $0.fact == .expiryDate }.contains(where: FactDecisions.mayDecide))
    }

    @Test("the facts kept for a scan read back as they were read, every kind of value; a damaged entry, or one of another build or engine, is not trusted")
    func factsRoundTrip() throws {
        let file = FilePath("Passport scan.png")
        let day = CalendarDate(iso: "2031-01-01")!
        func fact(_ kind: FactClass, _ value: FactValue, _ method: FactMethod = .ocr) -> ReadFact {
            ReadFact(fact: kind, value: value, file: file, documentType: "passport", page: 2, method: method,
                     evidence: "Date of expiry: 01 JAN 2031 \u{1F600} \"quoted\"", confidence: 0.95 * 0.9)
        }
        let facts = [
            fact(.expiryDate, .date(day), .mrz), fact(.coveragePeriod, .period(from: day, through: day)), fact(.testResult, .result(.nonReactive)),
            fact(.titer, .titer(value: 10.5, unit: "mIU/mL")), fact(.examResult, .exam(step: "Step 1", date: day, outcome: "pass", score: nil)),
            fact(.examResult, .exam(step: "Step 2 CK", date: nil, outcome: nil, score: 251)), fact(.name, .text("Ana María O'Neil")),
        ]
        let store = ScanFactsCache(directory: "/nonexistent", build: "0.1.0 1 2", engine: "tesseract5 model 1 2")
        let key = ScanFactsCache.key(sha256: String(repeating: "ab", count: 32), documentType: "passport", asOf: day)
        let bytes = store.encode(facts, key: key)
        #expect(store.decode(bytes, key: key, file: file, documentType: "passport") == facts)
        for length in stride(from: 0, to: bytes.count, by: 3) {
            #expect(store.decode(Array(bytes.prefix(length)), key: key, file: file, documentType: "passport") == nil, "cut at \(length)")
        }
        for index in stride(from: 0, to: bytes.count, by: 5) {
            var damaged = bytes
            damaged[index] ^= 0x20
            #expect(store.decode(damaged, key: key, file: file, documentType: "passport") == nil, "byte \(index) changed")
        }
        let other = ScanFactsCache(directory: "/nonexistent", build: "0.1.0 1 3", engine: store.engine)
        #expect(other.decode(bytes, key: key, file: file, documentType: "passport") == nil)
        #expect(ScanFactsCache(directory: "/nonexistent", build: store.build, engine: "other").decode(bytes, key: key, file: file, documentType: "passport") == nil)
        // An entry is used only for the content, type and day it was kept for, whatever its name.
        let visa = ScanFactsCache.key(sha256: String(repeating: "ab", count: 32), documentType: "visa", asOf: day)
        #expect(store.decode(bytes, key: visa, file: file, documentType: "passport") == nil)
        let a = ScanFactsCache.name(sha256: "ab", documentType: "passport", asOf: day)
        #expect(a != ScanFactsCache.name(sha256: "ab", documentType: "visa", asOf: day))
        #expect(a != ScanFactsCache.name(sha256: "ab", documentType: "passport", asOf: CalendarDate(iso: "2031-01-02")!))
        #expect(a != ScanFactsCache.name(sha256: "ac", documentType: "passport", asOf: day))
    }
}
