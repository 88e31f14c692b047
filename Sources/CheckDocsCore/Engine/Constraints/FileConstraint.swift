import CheckDocsNative

/// `<file …/>`: rules on the file itself, checked against its name and size from the scan, its
/// real type from the first bytes, and its PDF or image facts from the inspection
/// (docs/inspection.md, "File constraints").
public struct FileConstraint: DocumentConstraint {
    public var formats: [String]?
    public var maxBytes: Int?
    public var notEncrypted: Bool?
    public var noDigitalSignature: Bool?
    public var maxPages: Int?
    public var minPages: Int?
    public var pageSize: String?
    public var pixelWidth: Int?
    public var pixelHeight: Int?
    public var forbiddenCharacters: String?
    public var maxCharacters: Int?

    public init(formats: [String]? = nil, maxBytes: Int? = nil, notEncrypted: Bool? = nil, noDigitalSignature: Bool? = nil,
                maxPages: Int? = nil, minPages: Int? = nil, pageSize: String? = nil, pixelWidth: Int? = nil,
                pixelHeight: Int? = nil, forbiddenCharacters: String? = nil, maxCharacters: Int? = nil) {
        self.formats = formats
        self.maxBytes = maxBytes
        self.notEncrypted = notEncrypted
        self.noDigitalSignature = noDigitalSignature
        self.maxPages = maxPages
        self.minPages = minPages
        self.pageSize = pageSize
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
        self.forbiddenCharacters = forbiddenCharacters
        self.maxCharacters = maxCharacters
    }

    public static let checkOrder = 100
    public static let syntax = ["file"]

    public static func decode(from clause: DescriptionNode) throws(InputError) -> [FileConstraint] {
        guard let node = clause.child("file") else { return [] }
        let formats = try node.list("formats")
        for format in formats ?? [] where FileFormat(rawValue: format) == nil {
            throw InputError(node.location(of: "formats"), "unknown file format \"\(format)\"; one of \(FileFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let pageSize = try node.string("pageSize")
        if let pageSize, PaperSize(rawValue: pageSize) == nil {
            throw InputError(node.location(of: "pageSize"), "unknown page size \"\(pageSize)\"; one of \(PaperSize.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let rule = FileConstraint(
            formats: formats, maxBytes: try node.int("maxBytes", in: 1...Int.max),
            notEncrypted: try node.bool("notEncrypted"), noDigitalSignature: try node.bool("noDigitalSignature"),
            maxPages: try node.int("maxPages", in: 1...Int.max), minPages: try node.int("minPages", in: 1...Int.max),
            pageSize: pageSize, pixelWidth: try node.int("pixelWidth", in: 1...Int.max),
            pixelHeight: try node.int("pixelHeight", in: 1...Int.max), forbiddenCharacters: try node.string("forbiddenCharacters"),
            maxCharacters: try node.int("maxCharacters", in: 1...Int.max))
        if let min = rule.minPages, let max = rule.maxPages, max < min {
            throw InputError(node.location, "maxPages (\(max)) is less than minPages (\(min))")
        }
        return [rule]
    }

    /// Whether checking it needs the file's content, not just its name and size.
    public var contentNeeded: ContentNeed {
        let content = formats != nil || notEncrypted != nil || noDigitalSignature != nil || maxPages != nil || minPages != nil
            || pageSize != nil || pixelWidth != nil || pixelHeight != nil || maxCharacters != nil
        return content ? .fileFacts : .none
    }

    public func check(_ document: ApplicantDocument, in context: ClauseContext) -> ConstraintFailure? {
        if let forbiddenCharacters {
            let name = String(decoding: document.path.lastComponent, as: UTF8.self)
            var found: [Character] = []
            for character in forbiddenCharacters where name.contains(character) && !found.contains(character) { found.append(character) }
            if !found.isEmpty {
                return fail(.invalid, Failure.forbiddenCharacters(found: found.map(String.init), forbidden: forbiddenCharacters))
            }
        }
        if let maxBytes, document.size > Int64(maxBytes) {
            return fail(.invalid, Failure.tooLarge(size: document.size, max: Int64(maxBytes)))
        }
        guard contentNeeded != .none else { return nil }
        guard let facts = context.evaluation.inspector?.facts(of: document.path) else {
            return fail(.notEvaluable, Failure.notInspected)
        }
        if document.size == 0 || facts.content?.isEmpty == true {
            return fail(.invalid, Failure.empty)
        }
        guard let content = facts.content else { return fail(.notEvaluable, Failure.unreadable) }
        if let formats {
            let allowed = formats.compactMap(FileFormat.init(rawValue:))
            let accepted = allowed.contains { $0 == content.format || ($0 == .txt && content.mime.hasPrefix("text/")) }
            if !accepted { return fail(.invalid, Failure.wrongFormat(content: content, allowed: allowed)) }
        }
        switch content.format {
        case .pdf: return checkPDF(facts)
        case .jpeg, .png: return checkImage(facts)
        case .txt: return checkText(facts)
        default: return nil
        }
    }

    private func checkPDF(_ facts: FileFacts) -> ConstraintFailure? {
        guard let pdf = facts.pdf else {
            return fail(.notEvaluable, Failure.pagesNotInspected(reason: facts.notInspected ?? "no PDF facts"))
        }
        switch pdf.state {
        case .damaged:
            return fail(.invalid, Failure.pdfDamaged)
        case .passwordProtected:
            return fail(notEncrypted == true ? .invalid : .notEvaluable, Failure.pdfPasswordProtected(refused: notEncrypted == true))
        case .readable:
            break
        }
        // A PDF with no page (or a page tree poppler cannot count) passes no page rule by having
        // none to fail: "every page is US Letter" of no page would let an empty file count.
        if pdf.pageCount == 0 { return fail(.invalid, Failure.pdfNoPages) }
        if notEncrypted == true, pdf.encrypted { return fail(.invalid, Failure.pdfEncrypted) }
        if noDigitalSignature == true, pdf.signatureCount > 0 { return fail(.invalid, Failure.pdfSigned) }
        if let minPages, pdf.pageCount < minPages { return fail(.invalid, Failure.tooFewPages(count: pdf.pageCount, min: minPages)) }
        if let maxPages, pdf.pageCount > maxPages { return fail(.invalid, Failure.tooManyPages(count: pdf.pageCount, max: maxPages)) }
        if let name = pageSize, let wanted = PaperSize(rawValue: name) {
            for (index, page) in pdf.pageSizes.enumerated() where !wanted.matches(page) {
                return fail(.invalid, Failure.wrongPageSize(page: index + 1, size: page,
                                                                  looksLike: PaperSize.allCases.first { $0.matches(page) }, required: wanted))
            }
        }
        if let maxCharacters {
            if pdf.textCharacters == 0, pdf.pageCount > 0 { return fail(.notEvaluable, Failure.noTextLayer(max: maxCharacters)) }
            if pdf.textCharacters > maxCharacters {
                return fail(.invalid, Failure.textTooLong(count: pdf.textCharacters, complete: pdf.textComplete, max: maxCharacters))
            }
        }
        return nil
    }

    /// A plain-text file's characters, as a PDF's text layer's (an ERAS statement is plain text).
    private func checkText(_ facts: FileFacts) -> ConstraintFailure? {
        guard let maxCharacters, let characters = facts.textCharacters, characters > maxCharacters else { return nil }
        return fail(.invalid, Failure.textTooLong(count: characters, complete: facts.textComplete, max: maxCharacters))
    }

    private func checkImage(_ facts: FileFacts) -> ConstraintFailure? {
        guard pixelWidth != nil || pixelHeight != nil else { return nil }
        guard let image = facts.image else {
            if let reason = facts.notInspected { return fail(.notEvaluable, Failure.pixelsNotRead(reason: reason)) }
            return fail(.invalid, Failure.imageHeaderDamaged)
        }
        let wrongWidth = pixelWidth.map { $0 != image.width } ?? false
        let wrongHeight = pixelHeight.map { $0 != image.height } ?? false
        guard wrongWidth || wrongHeight else { return nil }
        return fail(.invalid, Failure.wrongPixelSize(width: image.width, height: image.height,
                                                           requiredWidth: pixelWidth, requiredHeight: pixelHeight))
    }

    /// "PDF", "at most 1 MB", "US Letter pages", …
    public func describe(dates: ProgramDates?, catalog: DocumentCatalog) -> [String] {
        var parts: [String] = []
        if let formats { parts.append(formats.map { FileFormat(rawValue: $0)?.title ?? $0 }.joined(separator: " or ")) }
        if let maxBytes { parts.append("at most \(ByteCount.describe(Int64(maxBytes)))") }
        if notEncrypted == true { parts.append("not encrypted") }
        if noDigitalSignature == true { parts.append("no digital signature") }
        switch (minPages, maxPages) {
        case let (min?, max?): parts.append("\(min)–\(max) pages")
        case let (min?, nil): parts.append("at least \(Wording.pages(min))")
        case let (nil, max?): parts.append("at most \(Wording.pages(max))")
        case (nil, nil): break
        }
        if let pageSize { parts.append("\(PaperSize(rawValue: pageSize)?.title ?? pageSize) pages") }
        if pixelWidth != nil || pixelHeight != nil { parts.append(Wording.pixelSize(pixelWidth, pixelHeight)) }
        if let maxCharacters { parts.append("at most \(Wording.number(maxCharacters)) characters") }
        if let forbiddenCharacters { parts.append("no \(forbiddenCharacters.map(String.init).joined(separator: " ")) in the file name") }
        return parts
    }

    public enum Failure: FindingDetail {
        case forbiddenCharacters(found: [String], forbidden: String)
        case tooLarge(size: Int64, max: Int64)
        case notInspected
        case empty
        case unreadable
        case wrongFormat(content: ContentType, allowed: [FileFormat])
        case pagesNotInspected(reason: String)
        case pdfDamaged
        case pdfNoPages
        case pdfPasswordProtected(refused: Bool)
        case pdfEncrypted
        case pdfSigned
        case tooFewPages(count: Int, min: Int)
        case tooManyPages(count: Int, max: Int)
        case wrongPageSize(page: Int, size: PageSize, looksLike: PaperSize?, required: PaperSize)
        case noTextLayer(max: Int)
        case textTooLong(count: Int, complete: Bool, max: Int)
        case pixelsNotRead(reason: String)
        case imageHeaderDamaged
        case wrongPixelSize(width: Int, height: Int, requiredWidth: Int?, requiredHeight: Int?)

        public var code: String {
            switch self {
            case .forbiddenCharacters: return "forbidden-characters"
            case .tooLarge: return "too-large"
            case .notInspected: return "not-inspected"
            case .empty: return "empty"
            case .unreadable: return "unreadable"
            case .wrongFormat: return "wrong-format"
            case .pagesNotInspected: return "pages-not-inspected"
            case .pdfDamaged: return "damaged"
            case .pdfNoPages: return "no-pages"
            case .pdfPasswordProtected: return "password-protected"
            case .pdfEncrypted: return "encrypted"
            case .pdfSigned: return "signed"
            case .tooFewPages: return "too-few-pages"
            case .tooManyPages: return "too-many-pages"
            case .wrongPageSize: return "wrong-page-size"
            case .noTextLayer: return "no-text-layer"
            case .textTooLong: return "too-long"
            case .pixelsNotRead: return "pixels-not-read"
            case .imageHeaderDamaged: return "image-damaged"
            case .wrongPixelSize: return "wrong-pixel-size"
            }
        }

        public var fields: [FindingReason.Field] {
            switch self {
            case let .forbiddenCharacters(found, _): return .list(("characters", .strings(found)))
            case let .tooLarge(size, max): return .list(("bytes", .int(Int(size))), ("maxBytes", .int(Int(max))))
            case .notInspected, .empty, .unreadable, .pdfDamaged, .pdfNoPages, .pdfPasswordProtected, .pdfEncrypted, .pdfSigned, .imageHeaderDamaged:
                return []
            case let .wrongFormat(content, allowed): return .list(("mime", .string(content.mime)), ("formats", .strings(allowed.map(\.rawValue))))
            case let .pagesNotInspected(reason), let .pixelsNotRead(reason): return .list(("detail", .string(reason)))
            case let .tooFewPages(count, min): return .list(("pages", .int(count)), ("minPages", .int(min)))
            case let .tooManyPages(count, max): return .list(("pages", .int(count)), ("maxPages", .int(max)))
            case let .wrongPageSize(page, _, _, required): return .list(("page", .int(page)), ("pageSize", .string(required.rawValue)))
            case let .noTextLayer(max): return .list(("maxCharacters", .int(max)))
            case let .textTooLong(count, _, max): return .list(("characters", .int(count)), ("maxCharacters", .int(max)))
            case let .wrongPixelSize(width, height, requiredWidth, requiredHeight):
                return .list(("width", .int(width)), ("height", .int(height)), ("pixelWidth", requiredWidth.map(FindingReason.Value.int)),
                             ("pixelHeight", requiredHeight.map(FindingReason.Value.int)))
            }
        }

        public func sentence(catalog: DocumentCatalog) -> String {
            switch self {
            case let .forbiddenCharacters(found, forbidden):
                let list = found.map { "\"\($0)\"" }.joined(separator: ", ")
                return "its file name contains \(list); rename it without any of \(forbidden.map(String.init).joined(separator: " "))"
            case let .tooLarge(size, max):
                return "it is \(Wording.size(size, beside: max)); at most \(Wording.size(max, beside: size)) is accepted"
            case .notInspected:
                return "its content was not inspected"
            case .empty:
                return "it is empty (0 bytes)"
            case .unreadable:
                return "its content cannot be read, so its type is unknown"
            case let .wrongFormat(content, allowed):
                return "its content is \(content.format == nil ? content.mime : "a " + content.title), not a \(allowed.map(\.title).joined(separator: " or "))"
            case let .pagesNotInspected(reason):
                return "its pages were not inspected: \(reason)"
            case .pdfDamaged:
                return "the PDF is damaged or truncated: it cannot be opened (export or scan it again)"
            case .pdfNoPages:
                return "the PDF has no pages that can be read (an empty or damaged page tree): export or scan it again"
            case let .pdfPasswordProtected(refused):
                return refused ? "the PDF is password-protected; save a copy without a password"
                    : "the PDF is password-protected, so its pages cannot be read"
            case .pdfEncrypted:
                return "the PDF is encrypted (an owner password restricts printing, copying or editing); save a copy without security"
            case .pdfSigned:
                return "the PDF carries a digital signature, which this portal rejects; print it to a new PDF or ask the author for an unsigned copy"
            case let .tooFewPages(count, min):
                return "it has \(Wording.pages(count)); at least \(Wording.pages(min)) are required"
            case let .tooManyPages(count, max):
                return "it has \(Wording.pages(count)); at most \(Wording.pages(max)) are accepted"
            case let .wrongPageSize(page, size, looksLike, required):
                let known = looksLike.map { " (\($0.title))" } ?? ""
                return "page \(page) is \(size)\(known); \(required.title) (\(required.dimensions)) is required"
            case let .noTextLayer(max):
                return "the PDF has no text layer (a scanned image?), so its length cannot be counted; at most \(Wording.number(max)) characters are accepted"
            case let .textTooLong(count, complete, max):
                return "its text is \(Wording.number(count))\(complete ? "" : " or more") characters long; at most \(Wording.number(max)) (including spaces) are accepted"
            case let .pixelsNotRead(reason):
                return "its pixel size was not read: \(reason)"
            case .imageHeaderDamaged:
                return "its image header cannot be read (damaged or truncated); save the photo again"
            case let .wrongPixelSize(width, height, requiredWidth, requiredHeight):
                return "it is \(width) × \(height) px; \(Wording.pixelSize(requiredWidth, requiredHeight)) is required"
            }
        }
    }
}

/// The page sizes a `pageSize` rule can name, with a tolerance for scanners and rounding.
public enum PaperSize: String, CaseIterable, Sendable {
    case letter, a4, legal

    var points: (width: Double, height: Double) {
        switch self {
        case .letter: return (612, 792)
        case .a4: return (595.28, 841.89)
        case .legal: return (612, 1008)
        }
    }

    var title: String {
        switch self {
        case .letter: return "US Letter"
        case .a4: return "A4"
        case .legal: return "US Legal"
        }
    }

    var dimensions: String {
        switch self {
        case .letter: return "8.5 × 11 in, 612 × 792 pt"
        case .a4: return "210 × 297 mm, 595 × 842 pt"
        case .legal: return "8.5 × 14 in, 612 × 1008 pt"
        }
    }

    /// Within 1 % (at least 3 pt) in each dimension, portrait or landscape.
    func matches(_ page: PageSize) -> Bool {
        func near(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= max(3, b * 0.01) }
        let (w, h) = points
        return (near(page.width, w) && near(page.height, h)) || (near(page.width, h) && near(page.height, w))
    }
}
