import CheckDocsNative

/// The `ocrPage` job of the document workers (kind 2; docs/security.md, "Document workers"):
/// OCR of one image, or of one page of a PDF, so that a long scanned PDF is read by several
/// workers in parallel, one page each. Same framing as `DocumentWorkerProtocol`:
///
///     request: version(1) kind=2 flags(1: bit 0 "a PDF page") pageIndex(4) document…
///     answer:  version(1) kind=2 status(1) tag(1) …
///
/// with status 0 and tag 0 (`page`): pageCount(4) pixelWidth(4) pixelHeight(4) confidence(1)
/// textComplete(1) textLength(4) text(UTF-8) mrzLength(4) mrzText(UTF-8); tag 1 (`unavailable`) and tag 2 (`unreadable`):
/// the reason's code(1). Nothing after the end. The parent checks every field before it
/// believes any.
enum OCRWorkerProtocol {
    /// What the document is: an image (JPEG, PNG) or a PDF, whose page `index` (from 0) is rendered.
    enum Input: Hashable, Sendable {
        case image
        case pdfPage(index: Int)
    }

    static func request(_ input: Input, document: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [DocumentWorkerProtocol.version, DocumentWorkerProtocol.Kind.ocrPage.rawValue]
        switch input {
        case .image:
            out.append(0)
            out.append(u32: 0)
        case let .pdfPage(index):
            out.append(1)
            out.append(u32: index)
        }
        return out + document
    }

    /// The worker's side: runs an `ocrPage` request (its header already checked by
    /// `DocumentWorkerProtocol.answer`) with `reader` (OCRReader in a worker; replaceable in tests).
    static func answer(to request: [UInt8], reader: (Input, [UInt8]) -> OCRResult) -> [UInt8] {
        let header: [UInt8] = [DocumentWorkerProtocol.version, DocumentWorkerProtocol.Kind.ocrPage.rawValue]
        var fields = ByteReader(request)
        guard fields.bytes(2) != nil, let flags = fields.u8(), flags <= 1, let index = fields.u32(), index <= Int(Int32.max),
              flags == 1 || index == 0 else {
            return header + [DocumentWorkerProtocol.Status.badRequest.rawValue]
        }
        let document = Array(request[7...])
        let result = reader(flags == 1 ? .pdfPage(index: index) : .image, document)
        return header + [DocumentWorkerProtocol.Status.facts.rawValue] + encode(result)
    }

    static func encode(_ result: OCRResult) -> [UInt8] {
        switch result {
        case let .page(page):
            var out: [UInt8] = [0]
            out.append(u32: page.pageCount)
            out.append(u32: page.pixelWidth)
            out.append(u32: page.pixelHeight)
            out.append(UInt8(min(max(page.meanConfidence, 0), 100)))
            let text = Array(OCRReader.truncate(page.text, toUTF8Bytes: OCRReader.keptTextBytes).utf8)
            out.append(page.textComplete && text.count == page.text.utf8.count ? 1 : 0)
            out.append(u32: text.count)
            out += text
            let mrz = Array(OCRReader.truncate(page.mrzText, toUTF8Bytes: OCRReader.keptMRZTextBytes).utf8)
            out.append(u32: mrz.count)
            return out + mrz
        case let .unavailable(reason): return [1, reason.rawValue]
        case let .unreadable(reason): return [2, reason.rawValue]
        }
    }

    /// The parent's side: what the worker read, or why its answer is not believed.
    static func decode(_ answer: [UInt8]) -> Result<OCRResult, DocumentWorkerProtocol.AnswerError> {
        func bad(_ reason: String) -> Result<OCRResult, DocumentWorkerProtocol.AnswerError> { .failure(.init(reason)) }
        var reader = ByteReader(answer)
        guard reader.u8() == DocumentWorkerProtocol.version else { return bad("not version \(DocumentWorkerProtocol.version)") }
        guard reader.u8() == DocumentWorkerProtocol.Kind.ocrPage.rawValue else { return bad("an answer to another kind of job") }
        guard let status = reader.u8() else { return bad("an unknown status") }
        if status == DocumentWorkerProtocol.Status.badRequest.rawValue { return bad("the worker refused the request") }
        guard status == DocumentWorkerProtocol.Status.facts.rawValue else { return bad("an unknown status") }
        guard let tag = reader.u8() else { return bad("an OCR answer with no result") }
        let result: OCRResult
        switch tag {
        case 0:
            guard let pageCount = reader.u32(), (1...Int(Int32.max)).contains(pageCount),
                  let width = reader.u32(), let height = reader.u32(), width >= 1, height >= 1,
                  width <= OCRReader.maxPixels, height <= OCRReader.maxPixels, width * height <= OCRReader.maxPixels,
                  let confidence = reader.u8(), confidence <= 100,
                  let complete = reader.u8(), complete <= 1 else { return bad("an OCR field out of range or missing") }
            guard let length = reader.u32(), length <= OCRReader.keptTextBytes, let bytes = reader.bytes(length),
                  let text = String(validating: bytes, as: UTF8.self) else { return bad("OCR text that is too long or not UTF-8") }
            guard let mrzLength = reader.u32(), mrzLength <= OCRReader.keptMRZTextBytes, let mrzBytes = reader.bytes(mrzLength),
                  let mrzText = String(validating: mrzBytes, as: UTF8.self) else { return bad("MRZ text that is too long or not UTF-8") }
            result = .page(OCRPage(text: text, textComplete: complete == 1, meanConfidence: Int(confidence),
                                   pixelWidth: width, pixelHeight: height, pageCount: pageCount, mrzText: mrzText))
        case 1:
            guard let code = reader.u8(), let reason = OCRUnavailable(rawValue: code) else { return bad("an unknown reason") }
            result = .unavailable(reason)
        case 2:
            guard let code = reader.u8(), let reason = OCRUnreadable(rawValue: code) else { return bad("an unknown reason") }
            result = .unreadable(reason)
        default:
            return bad("an unknown OCR result")
        }
        guard reader.atEnd else { return bad("bytes after the end") }
        return .success(result)
    }
}

extension DocumentWorkers {
    /// How OCR of one page went (docs/inspection.md, "OCR").
    public enum OCRReading: Hashable, Sendable {
        /// The text Tesseract read, with its page count and confidence.
        case page(OCRPage)
        /// OCR cannot run on this machine (say so once per run, with `reason`).
        case unavailable(OCRUnavailable)
        /// OCR runs, but this document could not be read (undecodable, too large, no such page).
        case unreadable(OCRUnreadable)
        /// The worker timed out, crashed or answered garbage: the reason, as a report shows it.
        case failed(String)
    }

    /// OCR of a JPEG or PNG scan's bytes, in a worker (in this process for a library user that
    /// did not call `runIfWorker`). A pure function of the bytes: cacheable by content hash.
    public func ocrImage(_ bytes: [UInt8]) -> OCRReading {
        ocr(.image, bytes)
    }

    /// OCR of page `index` (from 0) of a PDF, rendered at 300 dpi, in a worker. One page per
    /// request, so the pages of one document can go to several workers at once; the answer
    /// carries the page count.
    public func ocrPDFPage(_ bytes: [UInt8], index: Int) -> OCRReading {
        ocr(.pdfPage(index: index), bytes)
    }

    private func ocr(_ input: OCRWorkerProtocol.Input, _ bytes: [UInt8]) -> OCRReading {
        guard let executable = workerExecutable else { return Self.reading(OCRWorkerProtocol.readInProcess(input, bytes)) }
        switch run(OCRWorkerProtocol.request(input, document: bytes), executable: executable) {
        case let .failure(failure):
            return .failed(describe(failure))
        case let .success(answer):
            switch OCRWorkerProtocol.decode(answer) {
            case let .success(result): return Self.reading(result)
            case let .failure(error): return .failed("inspection failed: invalid answer (\(error.reason))")
            }
        }
    }

    private static func reading(_ result: OCRResult) -> OCRReading {
        switch result {
        case let .page(page): return .page(page)
        case let .unavailable(reason): return .unavailable(reason)
        case let .unreadable(reason): return .unreadable(reason)
        }
    }
}

extension OCRWorkerProtocol {
    /// The reader a worker runs: OCRReader on the image, or on the rendered PDF page, with the
    /// MRZ cell reader on the lines that may be a zone's.
    static func readInProcess(_ input: Input, _ bytes: [UInt8]) -> OCRResult {
        switch input {
        case .image: return OCRReader.image(bytes, zoneCells: MRZCellReader.read)
        case let .pdfPage(index): return OCRReader.pdfPage(bytes, index: index, zoneCells: MRZCellReader.read)
        }
    }
}
