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
                return ConstraintFailure(.invalid, .forbiddenCharacters(found: found.map(String.init), forbidden: forbiddenCharacters))
            }
        }
        if let maxBytes, document.size > Int64(maxBytes) {
            return ConstraintFailure(.invalid, .tooLarge(size: document.size, max: Int64(maxBytes)))
        }
        guard contentNeeded != .none else { return nil }
        guard let facts = context.evaluation.inspector?.facts(of: document.path) else {
            return ConstraintFailure(.notEvaluable, .contentNotInspected)
        }
        if document.size == 0 || facts.content?.isEmpty == true {
            return ConstraintFailure(.invalid, .emptyFile)
        }
        guard let content = facts.content else { return ConstraintFailure(.notEvaluable, .contentUnreadable) }
        if let formats {
            let allowed = formats.compactMap(FileFormat.init(rawValue:))
            let accepted = allowed.contains { $0 == content.format || ($0 == .txt && content.mime.hasPrefix("text/")) }
            if !accepted { return ConstraintFailure(.invalid, .wrongFormat(content: content, allowed: allowed)) }
        }
        switch content.format {
        case .pdf: return checkPDF(facts)
        case .jpeg, .png: return checkImage(facts)
        default: return nil
        }
    }

    private func checkPDF(_ facts: FileFacts) -> ConstraintFailure? {
        guard let pdf = facts.pdf else {
            return ConstraintFailure(.notEvaluable, .pagesNotInspected(reason: facts.notInspected ?? "no PDF facts"))
        }
        switch pdf.state {
        case .damaged:
            return ConstraintFailure(.invalid, .pdfDamaged)
        case .passwordProtected:
            return ConstraintFailure(notEncrypted == true ? .invalid : .notEvaluable, .pdfPasswordProtected(refused: notEncrypted == true))
        case .readable:
            break
        }
        if notEncrypted == true, pdf.encrypted { return ConstraintFailure(.invalid, .pdfEncrypted) }
        if noDigitalSignature == true, pdf.signatureCount > 0 { return ConstraintFailure(.invalid, .pdfSigned) }
        if let minPages, pdf.pageCount < minPages { return ConstraintFailure(.invalid, .tooFewPages(count: pdf.pageCount, min: minPages)) }
        if let maxPages, pdf.pageCount > maxPages { return ConstraintFailure(.invalid, .tooManyPages(count: pdf.pageCount, max: maxPages)) }
        if let name = pageSize, let wanted = PaperSize(rawValue: name) {
            for (index, page) in pdf.pageSizes.enumerated() where !wanted.matches(page) {
                return ConstraintFailure(.invalid, .wrongPageSize(page: index + 1, size: page,
                                                                  looksLike: PaperSize.allCases.first { $0.matches(page) }, required: wanted))
            }
        }
        if let maxCharacters {
            if pdf.textCharacters == 0, pdf.pageCount > 0 { return ConstraintFailure(.notEvaluable, .noTextLayer(max: maxCharacters)) }
            if pdf.textCharacters > maxCharacters {
                return ConstraintFailure(.invalid, .textTooLong(count: pdf.textCharacters, complete: pdf.textComplete, max: maxCharacters))
            }
        }
        return nil
    }

    private func checkImage(_ facts: FileFacts) -> ConstraintFailure? {
        guard pixelWidth != nil || pixelHeight != nil else { return nil }
        guard let image = facts.image else {
            if let reason = facts.notInspected { return ConstraintFailure(.notEvaluable, .pixelsNotRead(reason: reason)) }
            return ConstraintFailure(.invalid, .imageHeaderDamaged)
        }
        let wrongWidth = pixelWidth.map { $0 != image.width } ?? false
        let wrongHeight = pixelHeight.map { $0 != image.height } ?? false
        guard wrongWidth || wrongHeight else { return nil }
        return ConstraintFailure(.invalid, .wrongPixelSize(width: image.width, height: image.height,
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
