import Foundation
import CheckDocsFormats
import CheckDocsNative

/// The facts read from a document, kept between runs beside the OCR readings (docs/inspection.md,
/// "Facts cache"): a scan's (from its OCR readings) and a PDF's (from its text layer). A second
/// run over an unchanged folder then neither reads a page's text again, nor starts a worker for
/// a PDF's, nor parses a zone: it costs what a run with `--facts manifest` costs, within 10 %.
///
/// An entry is kept for what the facts depend on: the scan's content (its SHA-256), the
/// document's type (it chooses which zone is read) and the day the run is as of (a zone's
/// two-digit years are read against it). It is named by the content's SHA-256 and an FNV-1a of
/// the other two, and its header repeats all three, so that an entry is used only for them. The
/// header also records the checkdocs build (the executable's size and time: the readers' code
/// changes with every build, not only with the version), the OCR engine's identity, and its
/// body's length and FNV-1a (damage, not tampering: whoever can write the cache can write the
/// OCR readings under it too). An entry of another build or engine, or a damaged one, is not
/// trusted, and the scan is read from its OCR readings again.
/// The body is JSON; every value is checked as it is read back. What an entry holds:
/// docs/security.md, "The OCR cache".
public struct ScanFactsCache: Sendable {
    /// `$XDG_CACHE_HOME/checkdocs/facts`, else `~/.cache/checkdocs/facts`.
    public let directory: String
    public let build: String
    public let engine: String

    public static let magic = "checkdocs facts cache entry 1"
    /// The most pages a document's facts come from: a scan's OCRed pages, a PDF's text pages.
    static let maxPages = max(ScanReader.maxPages, PopplerReader.maxTextPages)
    static let maxEntryBytes = 1 << 20

    public init(directory: String, build: String, engine: String) {
        self.directory = directory
        self.build = build
        self.engine = engine
    }

    /// Beside the OCR cache `ocr`, for the running executable; nil where the executable cannot
    /// be told (no `/proc/self/exe`): facts kept by another build must never be taken for its own.
    public init?(beside ocr: OCRCache) {
        guard let build = Self.buildIdentity() else { return nil }
        self.init(directory: Self.directory(beside: ocr), build: build, engine: ocr.engine)
    }

    /// `checkdocs/facts` beside `checkdocs/ocr`.
    public static func directory(beside ocr: OCRCache) -> String {
        ocr.sibling("facts")
    }

    /// The running checkdocs: its version and its executable's size and modification time.
    public static func buildIdentity() -> String? {
        FileSystem.stamp(of: "/proc/self/exe").map { "\(ReadinessChecker.toolVersion) \($0.size) \($0.modified)" }
    }

    static func name(sha256: String, documentType: String?, asOf: CalendarDate) -> String {
        sha256 + "." + String(ByteWords.fnv1a(Array("\(documentType ?? "")\n\(asOf)".utf8)), radix: 16)
    }

    /// The header line naming what the entry is for.
    static func key(sha256: String, documentType: String?, asOf: CalendarDate) -> String {
        "key \(sha256) \(asOf) \(documentType ?? "")"
    }

    /// The facts of the scan whose content is `sha256`, for `file`; nil when none are kept (or
    /// none to trust).
    func load(sha256: String, documentType: String?, asOf: CalendarDate, file: FilePath) -> [ReadFact]? {
        guard let bytes = PrivateFiles.read(directory: directory, name: Self.name(sha256: sha256, documentType: documentType, asOf: asOf),
                                            limit: Self.maxEntryBytes) else { return nil }
        return decode(bytes, key: Self.key(sha256: sha256, documentType: documentType, asOf: asOf), file: file, documentType: documentType)
    }

    /// Keeps the facts read from every page of a scan; a cache that cannot be written is skipped.
    func store(_ facts: [ReadFact], sha256: String, documentType: String?, asOf: CalendarDate) {
        guard PrivateFiles.makeDirectory(directory) == nil else { return }
        _ = PrivateFiles.write(encode(facts, key: Self.key(sha256: sha256, documentType: documentType, asOf: asOf)), directory: directory,
                               name: Self.name(sha256: sha256, documentType: documentType, asOf: asOf))
    }

    func encode(_ facts: [ReadFact], key: String) -> [UInt8] {
        CacheEntry.make(header: header(key), body: Array(JSONWriter.write(.array(facts.map(Self.json))).utf8))
    }

    func header(_ key: String) -> [String] { [Self.magic, "build " + build, "engine " + engine, key] }

    func decode(_ bytes: [UInt8], key: String, file: FilePath, documentType: String?) -> [ReadFact]? {
        guard let body = CacheEntry.body(of: bytes, header: header(key)),
              let items = (try? JSONParser.parse(body))?.arrayValue,
              items.count <= TextFactReader.maxFactsPerPage * Self.maxPages + 16 else { return nil }
        var facts: [ReadFact] = []
        for item in items {
            guard let fact = Self.fact(item, file: file, documentType: documentType) else { return nil }
            facts.append(fact)
        }
        return facts
    }

    static func json(_ fact: ReadFact) -> JSONValue {
        func string(_ text: String) -> JSONValue { .string(text) }
        func number(_ value: Double) -> JSONValue { .number(value, "\(value)") }
        let value: JSONValue
        switch fact.value {
        case let .date(date): value = .array([string("date"), string(date.description)])
        case let .period(from, through): value = .array([string("period"), string(from.description), string(through.description)])
        case let .result(result): value = .array([string("result"), string(result.rawValue)])
        case let .titer(amount, unit): value = .array([string("titer"), number(amount), string(unit)])
        case let .exam(step, date, outcome, score):
            value = .array([string("exam"), string(step), date.map { string($0.description) } ?? .null, outcome.map(string) ?? .null,
                            score.map { number(Double($0)) } ?? .null])
        case let .text(text): value = .array([string("text"), string(text)])
        }
        return .array([string(fact.fact.rawValue), value, number(Double(fact.page)), string(fact.method.rawValue), string(fact.evidence),
                       number(fact.confidence)])
    }

    static func fact(_ item: JSONValue, file: FilePath, documentType: String?) -> ReadFact? {
        guard let fields = item.arrayValue, fields.count == 6,
              let fact = fields[0].stringValue.flatMap(FactClass.init(rawValue:)), let parts = fields[1].arrayValue,
              let page = fields[2].intValue, (1...maxPages).contains(page),
              let method = fields[3].stringValue.flatMap(FactMethod.init(rawValue:)), method != .manifest,
              let evidence = fields[4].stringValue, evidence.utf8.count <= ReadFact.maxEvidence * 8,
              let confidence = fields[5].doubleValue, (0...1).contains(confidence),
              let kind = parts.first?.stringValue else { return nil }
        func date(_ index: Int) -> CalendarDate? { parts.count > index ? parts[index].stringValue.flatMap { CalendarDate(iso: $0) } : nil }
        let value: FactValue
        switch (kind, parts.count) {
        case ("date", 2):
            guard let day = date(1) else { return nil }
            value = .date(day)
        case ("period", 3):
            guard let from = date(1), let through = date(2) else { return nil }
            value = .period(from: from, through: through)
        case ("result", 2):
            guard let result = parts[1].stringValue.flatMap(ReadTestResult.init(rawValue:)) else { return nil }
            value = .result(result)
        case ("titer", 3):
            guard let amount = parts[1].doubleValue, amount.isFinite, let unit = parts[2].stringValue else { return nil }
            value = .titer(value: amount, unit: unit)
        case ("exam", 5):
            guard let step = parts[1].stringValue else { return nil }
            let day = date(2)
            if parts[2] != .null, day == nil { return nil }
            let outcome = parts[3].stringValue
            if parts[3] != .null, outcome == nil { return nil }
            let score = parts[4].intValue
            if parts[4] != .null, score == nil { return nil }
            value = .exam(step: step, date: day, outcome: outcome, score: score)
        case ("text", 2):
            guard let text = parts[1].stringValue else { return nil }
            value = .text(text)
        default:
            return nil
        }
        return ReadFact(fact: fact, value: value, file: file, documentType: documentType, page: page, method: method,
                        evidence: evidence, confidence: confidence)
    }

    /// Empties the cache beside `ocr` (`checkdocs cache clear`, which needs no build to know it):
    /// how many entries were removed.
    public static func clear(beside ocr: OCRCache) -> Result<Int, SystemError> {
        PrivateFiles.removeFiles(in: directory(beside: ocr))
    }
}
