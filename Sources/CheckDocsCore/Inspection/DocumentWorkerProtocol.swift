import CheckDocsNative

/// The messages between checkdocs and its document workers (docs/security.md, "Document
/// workers"). A request names a job kind, so later kinds (OCR, image decoding) use the same
/// workers; an answer is small, versioned and checked field by field before the parent believes
/// any of it. Integers are little-endian. The transport (a 4-byte length before each message,
/// bounded on both sides) is `WorkerProcess`'s.
///
///     request: version(1) kind(1) flags(1) body…
///     answer:  version(1) kind(1) status(1) body…
///
/// `pdfFacts` (kind 1): the request body is the PDF's bytes, flag bit 0 "count the text"; a
/// `facts` answer's body is state(1) pageCount(4) encrypted(1) signatureCount(4)
/// textCharacters(4) textComplete(1) pageSizeCount(2) [width(8) height(8), IEEE 754 bits]…
/// sampleLength(4) sample(UTF-8), and nothing after it — unless the request's flag bit 1 asked
/// for the pages' text (facts read from documents): then pageCount(2) [length(4) text(UTF-8)]…
/// follows, at most `PopplerReader.maxTextPages` pages and `PopplerReader.maxPageTextBytes` bytes.
enum DocumentWorkerProtocol {
    static let version: UInt8 = 1

    enum Kind: UInt8, Sendable {
        case pdfFacts = 1
        /// OCR of one image or one PDF page (OCRWorkerProtocol.swift).
        case ocrPage = 2
    }

    enum Status: UInt8 {
        /// The job ran; the body holds its result.
        case facts = 0
        /// The worker has no reader for this kind (poppler-glib is not installed).
        case unavailable = 1
        /// The request itself was malformed (a different version, an unknown kind).
        case badRequest = 2
    }

    /// What one job gave, once the answer has been checked.
    enum Outcome: Hashable, Sendable {
        case pdf(PDFFacts)
        case unavailable
    }

    /// The largest answer a parent reads: 500 page sizes and a 4,000-character sample are ~25 KB.
    static let maxAnswerBytes = 64 * 1024 + PopplerReader.maxPageTextBytes + 4 * PopplerReader.maxTextPages + 2
    /// The largest request a worker reads: the largest PDF that is inspected, and the header.
    static let maxRequestBytes = FileInspector.maxPDFBytes + 16
    /// Field bounds the parent enforces (every value poppler can give, as an Int32, or the caps
    /// PopplerReader applies).
    static let maxCount = Int(Int32.max)
    static let maxPageDimension = PageSize.maximumDimension

    // MARK: Requests

    static func request(_ kind: Kind, countText: Bool = true, pageTexts: Bool = false, body: [UInt8]) -> [UInt8] {
        [version, kind.rawValue, (countText ? 1 : 0) | (pageTexts ? 2 : 0)] + body
    }

    /// The worker's side: runs one request and encodes its answer. `reader` is the PDF reader
    /// (PopplerReader in a worker, replaceable in tests), `ocr` the OCR reader (OCRReader).
    static func answer(to request: [UInt8], reader: ([UInt8], Bool) -> PDFFacts?,
                       ocr: (OCRWorkerProtocol.Input, [UInt8]) -> OCRResult = OCRWorkerProtocol.readInProcess) -> [UInt8] {
        answer(to: request, textReader: { bytes, countText, _ in reader(bytes, countText) }, ocr: ocr)
    }

    /// `textReader` also takes the flag "keep the pages' text".
    static func answer(to request: [UInt8], textReader reader: ([UInt8], Bool, Bool) -> PDFFacts?,
                       ocr: (OCRWorkerProtocol.Input, [UInt8]) -> OCRResult = OCRWorkerProtocol.readInProcess) -> [UInt8] {
        guard request.count >= 3, request[0] == version, let kind = Kind(rawValue: request[1]) else {
            return [version, request.count > 1 ? request[1] : 0, Status.badRequest.rawValue]
        }
        switch kind {
        case .pdfFacts:
            let pageTexts = request[2] & 2 == 2
            guard let facts = reader(Array(request[3...]), request[2] & 1 == 1, pageTexts) else {
                return [version, kind.rawValue, Status.unavailable.rawValue]
            }
            return pageTexts ? answer(facts) + encodePages(facts.pageTexts) : answer(facts)
        case .ocrPage:
            return OCRWorkerProtocol.answer(to: request, reader: ocr)
        }
    }

    // MARK: PDF facts

    /// The answer to a PDF-facts request without the pages' text (also what the PDF facts cache
    /// keeps, Loading/PDFFactsCache.swift).
    static func answer(_ facts: PDFFacts) -> [UInt8] {
        [version, Kind.pdfFacts.rawValue, Status.facts.rawValue] + encode(facts)
    }

    static func encode(_ facts: PDFFacts) -> [UInt8] {
        var out: [UInt8] = []
        let state: UInt8
        switch facts.state {
        case .readable: state = 0
        case .passwordProtected: state = 1
        case .damaged: state = 2
        }
        out.append(state)
        out.append(u32: facts.pageCount)
        out.append(facts.encrypted ? 1 : 0)
        out.append(u32: facts.signatureCount)
        out.append(u32: facts.textCharacters)
        out.append(facts.textComplete ? 1 : 0)
        let sizes = facts.pageSizes.prefix(PopplerReader.maxPages)
        out.append(UInt8(sizes.count & 0xff))
        out.append(UInt8(sizes.count >> 8))
        for size in sizes {
            out.append(u64: size.width.bitPattern)
            out.append(u64: size.height.bitPattern)
        }
        let sample = Array(String(facts.textSample.prefix(PopplerReader.keptTextCharacters)).utf8)
        out.append(u32: sample.count)
        out += sample
        return out
    }

    /// The pages' text: count(2), then each page's length(4) and UTF-8, within the caps.
    static func encodePages(_ pages: [String]) -> [UInt8] {
        var out: [UInt8] = []
        var pieces: [[UInt8]] = []
        var total = 0
        for page in pages.prefix(PopplerReader.maxTextPages) {
            var bytes = Array(page.utf8)
            if total + bytes.count > PopplerReader.maxPageTextBytes {
                // Never cut a character: back off to a scalar's first byte.
                var cut = PopplerReader.maxPageTextBytes - total
                while cut > 0, cut < bytes.count, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
                bytes = Array(bytes.prefix(cut))
            }
            total += bytes.count
            pieces.append(bytes)
        }
        out.append(UInt8(pieces.count & 0xff))
        out.append(UInt8(pieces.count >> 8))
        for piece in pieces {
            out.append(u32: piece.count)
            out += piece
        }
        return out
    }

    /// The parent's side: the answer to a `kind` request, or why it is not believed. With
    /// `pageTexts`, the answer must carry the pages' text (and only then).
    static func decode(_ answer: [UInt8], kind: Kind, pageTexts: Bool = false) -> Result<Outcome, AnswerError> {
        var reader = ByteReader(answer)
        guard let answerVersion = reader.u8(), answerVersion == version else { return .failure(.init("not version \(version)")) }
        guard reader.u8() == kind.rawValue else { return .failure(.init("an answer to another kind of job")) }
        guard let statusByte = reader.u8(), let status = Status(rawValue: statusByte) else { return .failure(.init("an unknown status")) }
        switch status {
        case .unavailable:
            return reader.atEnd ? .success(.unavailable) : .failure(.init("bytes after the end"))
        case .badRequest:
            return .failure(.init("the worker refused the request"))
        case .facts:
            return decodePDF(&reader, pageTexts: pageTexts).map(Outcome.pdf)
        }
    }

    struct AnswerError: Error, Hashable, Sendable {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    private static func decodePDF(_ reader: inout ByteReader, pageTexts: Bool) -> Result<PDFFacts, AnswerError> {
        func bad(_ reason: String) -> Result<PDFFacts, AnswerError> { .failure(AnswerError(reason)) }
        guard let stateByte = reader.u8(), stateByte <= 2 else { return bad("an unknown PDF state") }
        guard let pageCount = reader.u32(), pageCount <= maxCount,
              let encrypted = reader.u8(), encrypted <= 1,
              let signatures = reader.u32(), signatures <= maxCount,
              let characters = reader.u32(), characters <= maxCount,
              let complete = reader.u8(), complete <= 1,
              let sizeCount = reader.u16() else { return bad("a PDF field out of range or missing") }
        var facts = PDFFacts(state: stateByte == 0 ? .readable : stateByte == 1 ? .passwordProtected : .damaged)
        // Pages that poppler cannot load are skipped, so there may be fewer sizes, never more.
        guard sizeCount <= min(pageCount, PopplerReader.maxPages) else { return bad("more page sizes than pages") }
        for _ in 0..<sizeCount {
            guard let width = reader.u64().map(Double.init(bitPattern:)), let height = reader.u64().map(Double.init(bitPattern:)),
                  width.isFinite, height.isFinite, (0...maxPageDimension).contains(width), (0...maxPageDimension).contains(height)
            else { return bad("a page size out of range") }
            facts.pageSizes.append(PageSize(width: width, height: height))
        }
        guard let sampleLength = reader.u32(), sampleLength <= PopplerReader.keptTextCharacters * 4,
              let sampleBytes = reader.bytes(sampleLength),
              let sample = String(validating: sampleBytes, as: UTF8.self), sample.count <= PopplerReader.keptTextCharacters
        else { return bad("a text sample that is too long or not UTF-8") }
        if pageTexts {
            guard let count = reader.u16(), count <= PopplerReader.maxTextPages, count <= pageCount else { return bad("more pages of text than pages") }
            var total = 0
            for _ in 0..<count {
                guard let length = reader.u32(), length <= PopplerReader.maxPageTextBytes - total, let bytes = reader.bytes(length),
                      let text = String(validating: bytes, as: UTF8.self) else { return bad("a page's text that is too long or not UTF-8") }
                total += length
                facts.pageTexts.append(text)
            }
        }
        guard reader.atEnd else { return bad("bytes after the end") }
        if facts.state != .readable {
            // A PDF that did not open has no pages, text or signatures.
            guard pageCount == 0, encrypted == 0, signatures == 0, characters == 0, sizeCount == 0, sampleLength == 0 else {
                return bad("facts for a PDF that did not open")
            }
        }
        facts.pageCount = pageCount
        facts.encrypted = encrypted == 1
        facts.signatureCount = signatures
        facts.textCharacters = characters
        facts.textComplete = complete == 1
        facts.textSample = sample
        return .success(facts)
    }
}

/// Reads little-endian fields from an answer; every read is bounds-checked and returns nil past the end.
struct ByteReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { offset == bytes.count }

    mutating func bytes(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, bytes.count - offset >= count else { return nil }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func u8() -> UInt8? { bytes(1)?.first }

    mutating func u16() -> Int? { bytes(2).map { Int($0[$0.startIndex]) | Int($0[$0.startIndex + 1]) << 8 } }

    mutating func u32() -> Int? {
        bytes(4).map { slice in slice.reversed().reduce(0) { $0 << 8 | Int($1) } }
    }

    mutating func u64() -> UInt64? {
        bytes(8).map { slice in slice.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
    }
}

extension [UInt8] {
    mutating func append(u32 value: Int) {
        // Counts never exceed an Int32 (poppler's own type); the parent refuses anything larger.
        let clamped = UInt32(Swift.min(Swift.max(0, value), Int(Int32.max)))
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8(truncatingIfNeeded: clamped >> UInt32(shift))) }
    }

    mutating func append(u64 value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
}
