import CheckDocsNative

/// Reads one document's content: its type from the first bytes, then the facts its type allows
/// (PDF through poppler, JPEG/PNG from the header). Never reads more than it needs, and never a
/// whole file over `maxPDFBytes`.
public enum FileInspector {
    /// PDFs up to this size are read into memory for poppler; larger ones get their type only.
    public static let maxPDFBytes = 20 * 1024 * 1024
    /// A plain-text file's characters are counted in its first 1 MiB: far beyond any limit a
    /// program sets (ERAS: 28,000), so a longer file is over it anyway.
    public static let maxTextBytes = 1024 * 1024

    /// libmagic's MIME type of a file's first bytes, or nil when libmagic is unavailable.
    typealias Libmagic = @Sendable ([UInt8]) -> String?

    /// The content type from the first `MagicSniffer.prefixBytes` bytes (a PDF, JPEG or PNG by
    /// its signature, anything else by `libmagic`: libmagic itself, or the answers it gave before,
    /// `ContentTypeCache`); nil if unreadable.
    static func sniff(root: String, file: ScannedFile, libmagic: Libmagic = MagicSniffer.shared.mimeType(of:)) -> ContentType? {
        guard file.readable else { return nil }
        if file.size == 0 { return ContentType(mime: "application/x-empty") }
        guard let prefix = try? DocumentFileReader.read(root: root, path: file.path.bytes, identity: file.identity, limit: MagicSniffer.prefixBytes),
              let mime = ContentSignature.mimeType(of: prefix) ?? libmagic(prefix) else { return nil }
        guard FileFormat.fromMIME(mime) == .pdf else { return ContentType(mime: mime) }
        let tail = try? DocumentFileReader.readTail(root: root, path: file.path.bytes, identity: file.identity,
                                                     size: file.size, limit: pdfTailBytes)
        return ContentType(mime: mime, pdfEndsCleanly: tail.map(endsCleanly))
    }

    /// How much of a PDF's end `pdfEndsCleanly` reads: the trailer (or the cross-reference
    /// stream's dictionary), `startxref` and `%%EOF` fit in it.
    static let pdfTailBytes = 4096

    /// A plain-text file's text: UTF-16 when it starts with that byte-order mark (Notepad's
    /// "Unicode"), else UTF-8 (a UTF-8 mark is a character of none of it).
    static func plainText(_ bytes: [UInt8]) -> String {
        guard bytes.count >= 2, (bytes[0], bytes[1]) == (0xFF, 0xFE) || (bytes[0], bytes[1]) == (0xFE, 0xFF) else {
            let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            return String(decoding: bytes[start...], as: UTF8.self)
        }
        let littleEndian = bytes[0] == 0xFF
        let units = stride(from: 2, to: bytes.count - 1, by: 2).map { index in
            littleEndian ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8 : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// A `startxref`, then `%%EOF` (and at most white space) at the very end, and no `/Encrypt`.
    static func endsCleanly(_ tail: [UInt8]) -> Bool {
        var end = tail.endIndex
        while end > tail.startIndex, [0x20, 0x0A, 0x0D, 0x09, 0x00].contains(tail[end - 1]) { end -= 1 }
        let body = tail[..<end]
        return body.suffix(5).elementsEqual("%%EOF".utf8) && ByteSearch.contains(body, "startxref")
            && !ByteSearch.contains(body, "/Encrypt")
    }

    /// Every fact the file's content gives, given its sniffed type. `kept`: PDF facts kept
    /// between runs, used instead of a worker for a PDF of the same bytes (not for `pageTexts`).
    static func inspect(root: String, file: ScannedFile, content: ContentType?, pageTexts: Bool = false,
                        kept: (any KeptPDFFacts)? = nil) -> FileFacts {
        var facts = FileFacts(size: file.size, content: content)
        guard file.readable else {
            facts.notInspected = "it cannot be read"
            return facts
        }
        guard let format = content?.format else { return facts }
        let limit: Int
        switch format {
        case .pdf:
            guard file.size <= Int64(maxPDFBytes) else {
                facts.notInspected = "it is larger than \(ByteCount.describe(Int64(maxPDFBytes))), so only its type was checked"
                return facts
            }
            limit = maxPDFBytes
        case .jpeg, .png:
            limit = ImageHeaderParser.headerBytes
        case .txt:
            // Its characters, for `maxCharacters` (an ERAS personal statement is written as plain text).
            limit = maxTextBytes
        default:
            return facts
        }
        let bytes: [UInt8]
        do {
            bytes = try DocumentFileReader.read(root: root, path: file.path.bytes, identity: file.identity, limit: limit)
        } catch {
            switch error {
            case .changed: facts.notInspected = "it changed or was replaced while checkdocs was running"
            case let .cannotOpen(reason): facts.notInspected = "it cannot be read (\(reason))"
            }
            return facts
        }
        if format == .txt {
            facts.textCharacters = Self.plainText(bytes).count
            facts.textComplete = Int64(bytes.count) >= file.size
            return facts
        }
        if format == .pdf {
            // The pages' text is never kept: a read for it always goes to a worker.
            let name = pageTexts ? nil : kept?.name(ofPDF: bytes)
            if let name, let pdf = kept?.facts(named: name) {
                facts.pdf = pdf
                return facts
            }
            // Parsed in a bounded worker process (DocumentWorkers); a hostile PDF costs at most its limits.
            switch DocumentWorkers.shared.pdfFacts(bytes, pageTexts: pageTexts) {
            case let .facts(pdf):
                facts.pdf = pdf
                if let name { kept?.keep(pdf, named: name) }
            case .unavailable: facts.notInspected = "the PDF reader (poppler-glib, libpoppler-glib8) is not installed"
            case let .failed(reason): facts.notInspected = reason
            }
        } else {
            facts.image = ImageHeaderParser.facts(of: bytes, format: format)
        }
        return facts
    }
}

/// Byte counts as people read them: "812 bytes", "150 KB", "1.2 MB" (1 KB = 1024 bytes).
public enum ByteCount {
    public static func describe(_ bytes: Int64) -> String {
        if bytes < 1024 { return "\(bytes) bytes" }
        let kilobytes = Double(bytes) / 1024
        if kilobytes < 1024 { return trimmed(kilobytes) + " KB" }
        return trimmed(kilobytes / 1024) + " MB"
    }

    private static func trimmed(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
