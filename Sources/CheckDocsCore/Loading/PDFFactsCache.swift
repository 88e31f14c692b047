import Foundation
import CheckDocsNative

/// What poppler found in a PDF (its state, pages and their sizes, encryption, signatures, the
/// text counted and its first 4,000 characters), kept between runs (docs/inspection.md, "PDF
/// facts cache"). A second run over an unchanged folder then reads each PDF and hashes it, but
/// starts no document worker: a worker costs ~16 ms of CPU to start, and poppler's parse more
/// per PDF than the hash.
///
/// An entry is named by the SHA-256 of the PDF's bytes. Its header records the checkdocs build
/// (the readers' code and the answer's format change with every build) and poppler's library
/// files (`PopplerReader.libraryIdentity`); its body is the worker's answer, with its length and
/// FNV-1a (damage, not tampering: whoever can write the cache can write the OCR readings under it
/// too). An entry of another build or poppler, or a damaged one, is not used, and the PDF goes
/// to a worker again. The body is checked as it is read back, as a worker's answer is. Only the
/// facts a rule reads are kept, not the pages' text read for facts (the facts cache keeps what
/// was read from that). What an entry holds: docs/security.md, "The OCR cache".
public struct PDFFactsCache: KeptPDFFacts {
    /// `$XDG_CACHE_HOME/checkdocs/pdf`, else `~/.cache/checkdocs/pdf`.
    public let directory: String
    /// The checkdocs build and poppler's library files.
    public let engine: String

    public static let magic = "checkdocs pdf facts 1"
    static let maxEntryBytes = 4096 + DocumentWorkerProtocol.maxAnswerBytes

    public init(directory: String, engine: String) {
        self.directory = directory
        self.engine = engine
    }

    /// This user's cache, beside the OCR cache; none inside a folder the run reads, and none when
    /// the build or poppler cannot be told.
    public static func userCache(environment: [String: String] = ProcessInfo.processInfo.environment,
                                 awayFrom folders: [String] = []) -> PDFFactsCache? {
        guard let directory = directory(environment: environment), CacheLocation.isAway(directory, from: folders),
              let build = ScanFactsCache.buildIdentity(),
              let poppler = PopplerReader.libraryIdentity(libraryPath: environment["LD_LIBRARY_PATH"]) else { return nil }
        return PDFFactsCache(directory: directory, engine: "build \(build) \(poppler)")
    }

    /// Where this user's cache is, whether or not it can be used.
    public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        OCRCache.root(environment: environment).map { $0 + "/pdf" }
    }

    public func name(ofPDF bytes: [UInt8]) -> String {
        SHA256.hex(bytes)
    }

    public func facts(named name: String) -> PDFFacts? {
        guard let bytes = PrivateFiles.read(directory: directory, name: name, limit: Self.maxEntryBytes) else { return nil }
        return decode(bytes)
    }

    public func keep(_ facts: PDFFacts, named name: String) {
        guard PrivateFiles.makeDirectory(directory) == nil else { return }
        // Not flushed: a torn entry fails its length or checksum, and is a miss (AtomicFile, `durable`).
        _ = PrivateFiles.write(encode(facts), directory: directory, name: name, durable: false)
    }

    func encode(_ facts: PDFFacts) -> [UInt8] {
        let body = DocumentWorkerProtocol.answer(facts)
        return Array("\(Self.magic)\n\(engine)\nbody \(body.count) \(Self.checksum(body))\n".utf8) + body
    }

    func decode(_ bytes: [UInt8]) -> PDFFacts? {
        guard let (header, body, checksum) = CacheEntry.split(bytes, headerLines: 2), header == [Self.magic, engine],
              Self.checksum(body) == checksum,
              case let .success(.pdf(facts)) = DocumentWorkerProtocol.decode(body, kind: .pdfFacts) else { return nil }
        return facts
    }

    static func checksum(_ body: [UInt8]) -> String { String(ByteWords.fnv1a(body), radix: 16) }

    /// Empties the cache in `directory` (`checkdocs cache clear`): how many entries were removed.
    public static func clear(directory: String) -> Result<Int, SystemError> {
        PrivateFiles.removeFiles(in: directory)
    }
}
