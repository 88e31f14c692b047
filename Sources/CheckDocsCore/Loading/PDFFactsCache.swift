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
    /// The engine given (tests); nil: this process's, `processEngine`.
    private let givenEngine: String?

    public static let magic = "checkdocs pdf facts 1"
    static let maxEntryBytes = 4096 + DocumentWorkerProtocol.maxAnswerBytes

    public init(directory: String, engine: String) {
        self.directory = directory
        givenEngine = engine
    }

    private init(directory: String) {
        self.directory = directory
        givenEngine = nil
    }

    /// The checkdocs build and poppler's library files; nil when either cannot be told, and then
    /// nothing is read or kept.
    public var engine: String? { givenEngine ?? Self.processEngine }

    /// This process's engine, told the first time a PDF is about to go to a worker: telling
    /// poppler's files lists the system's library folder, 3.4 M instructions that a check reading
    /// no PDF (a typical one) paid at start-up when the cache was made.
    static let processEngine: String? = {
        guard let build = ScanFactsCache.buildIdentity(),
              let poppler = PopplerReader.libraryIdentity(libraryPath: ProcessInfo.processInfo.environment["LD_LIBRARY_PATH"]) else { return nil }
        return "build \(build) \(poppler)"
    }()

    /// This user's cache, beside the OCR cache; none inside a folder the run reads. The build and
    /// poppler a worker would load (as `DocumentWorkers` starts them, with this process's
    /// `LD_LIBRARY_PATH`) are told on first use.
    public static func userCache(environment: [String: String] = ProcessInfo.processInfo.environment,
                                 awayFrom folders: [String] = []) -> PDFFactsCache? {
        guard let directory = directory(environment: environment), CacheLocation.isAway(directory, from: folders) else { return nil }
        return PDFFactsCache(directory: directory)
    }

    /// Where this user's cache is, whether or not it can be used.
    public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        OCRCache.root(environment: environment).map { $0 + "/pdf" }
    }

    public func name(ofPDF bytes: [UInt8]) -> String {
        SHA256.hex(bytes)
    }

    public func facts(named name: String) -> PDFFacts? {
        guard engine != nil, let bytes = PrivateFiles.read(directory: directory, name: name, limit: Self.maxEntryBytes) else { return nil }
        return decode(bytes)
    }

    public func keep(_ facts: PDFFacts, named name: String) {
        guard let entry = encode(facts), PrivateFiles.makeDirectory(directory) == nil else { return }
        // Not flushed: a torn entry fails its length or checksum, and is a miss (AtomicFile, `durable`).
        _ = PrivateFiles.write(entry, directory: directory, name: name, durable: false)
    }

    /// The entry for `facts`; nil without an engine.
    func encode(_ facts: PDFFacts) -> [UInt8]? {
        engine.map { CacheEntry.make(header: [Self.magic, $0], body: DocumentWorkerProtocol.answer(facts)) }
    }

    func decode(_ bytes: [UInt8]) -> PDFFacts? {
        guard let engine, let body = CacheEntry.body(of: bytes, header: [Self.magic, engine]),
              case let .success(.pdf(facts)) = DocumentWorkerProtocol.decode(body, kind: .pdfFacts) else { return nil }
        return facts
    }

    /// Empties the cache in `directory` (`checkdocs cache clear`): how many entries were removed.
    public static func clear(directory: String) -> Result<Int, SystemError> {
        PrivateFiles.removeFiles(in: directory)
    }
}
