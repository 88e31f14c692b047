import CheckDocsNative

/// Checks one document against a `<file>` rule (docs/programs.md, `<file>`): the name and size from
/// the scan, the real type from the first bytes, and the PDF or image facts from its inspection.
struct FileConstraintEvaluator {
    let inspector: DocumentInspector?

    typealias Failure = (RequirementStatus, () -> String)

    func check(_ document: ApplicantDocument, against rule: FileConstraint) -> Failure? {
        if let forbidden = rule.forbiddenCharacters {
            let name = String(decoding: document.path.lastComponent, as: UTF8.self)
            var found: [Character] = []
            for character in forbidden where name.contains(character) && !found.contains(character) { found.append(character) }
            if !found.isEmpty {
                let list = found.map { "\"\($0)\"" }.joined(separator: ", ")
                return (.invalid, { "its file name contains \(list); rename it without any of \(forbidden.map(String.init).joined(separator: " "))" })
            }
        }
        if let maxBytes = rule.maxBytes, document.size > Int64(maxBytes) {
            return (.invalid, { "it is \(Self.size(document.size, beside: Int64(maxBytes))); at most \(Self.size(Int64(maxBytes), beside: document.size)) is accepted" })
        }
        guard rule.needsContent else { return nil }
        guard let facts = inspector?.facts(of: document.path) else {
            return (.notEvaluable, { "its content was not inspected" })
        }
        if document.size == 0 || facts.content?.isEmpty == true {
            return (.invalid, { "it is empty (0 bytes)" })
        }
        guard let content = facts.content else {
            return (.notEvaluable, { "its content cannot be read, so its type is unknown" })
        }
        if let formats = rule.formats {
            let allowed = formats.compactMap(FileFormat.init(rawValue:))
            let accepted = allowed.contains { $0 == content.format || ($0 == .txt && content.mime.hasPrefix("text/")) }
            if !accepted {
                let wanted = allowed.map(\.title).joined(separator: " or ")
                return (.invalid, { "its content is \(content.format == nil ? content.mime : "a " + content.title), not a \(wanted)" })
            }
        }
        switch content.format {
        case .pdf: return checkPDF(facts, rule)
        case .jpeg, .png: return checkImage(facts, rule)
        default: return nil
        }
    }

    private func checkPDF(_ facts: FileFacts, _ rule: FileConstraint) -> Failure? {
        guard let pdf = facts.pdf else {
            return (.notEvaluable, { "its pages were not inspected: \(facts.notInspected ?? "no PDF facts")" })
        }
        switch pdf.state {
        case .damaged:
            return (.invalid, { "the PDF is damaged or truncated: it cannot be opened (export or scan it again)" })
        case .passwordProtected:
            if rule.notEncrypted == true {
                return (.invalid, { "the PDF is password-protected; save a copy without a password" })
            }
            return (.notEvaluable, { "the PDF is password-protected, so its pages cannot be read" })
        case .readable:
            break
        }
        if rule.notEncrypted == true, pdf.encrypted {
            return (.invalid, { "the PDF is encrypted (an owner password restricts printing, copying or editing); save a copy without security" })
        }
        if rule.noDigitalSignature == true, pdf.signatureCount > 0 {
            return (.invalid, { "the PDF carries a digital signature, which this portal rejects; print it to a new PDF or ask the author for an unsigned copy" })
        }
        if let min = rule.minPages, pdf.pageCount < min {
            return (.invalid, { "it has \(Self.pages(pdf.pageCount)); at least \(Self.pages(min)) are required" })
        }
        if let max = rule.maxPages, pdf.pageCount > max {
            return (.invalid, { "it has \(Self.pages(pdf.pageCount)); at most \(Self.pages(max)) are accepted" })
        }
        if let name = rule.pageSize, let wanted = PaperSize(rawValue: name) {
            for (index, page) in pdf.pageSizes.enumerated() where !wanted.matches(page) {
                let known = PaperSize.allCases.first { $0.matches(page) }.map { " (\($0.title))" } ?? ""
                return (.invalid, { "page \(index + 1) is \(page)\(known); \(wanted.title) (\(wanted.dimensions)) is required" })
            }
        }
        if let max = rule.maxCharacters {
            if pdf.textCharacters == 0, pdf.pageCount > 0 {
                return (.notEvaluable, { "the PDF has no text layer (a scanned image?), so its length cannot be counted; at most \(Self.number(max)) characters are accepted" })
            }
            if pdf.textCharacters > max {
                let more = pdf.textComplete ? "" : " or more"
                return (.invalid, { "its text is \(Self.number(pdf.textCharacters))\(more) characters long; at most \(Self.number(max)) (including spaces) are accepted" })
            }
        }
        return nil
    }

    private func checkImage(_ facts: FileFacts, _ rule: FileConstraint) -> Failure? {
        guard rule.pixelWidth != nil || rule.pixelHeight != nil else { return nil }
        guard let image = facts.image else {
            if let reason = facts.notInspected { return (.notEvaluable, { "its pixel size was not read: \(reason)" }) }
            return (.invalid, { "its image header cannot be read (damaged or truncated); save the photo again" })
        }
        let wrongWidth = rule.pixelWidth.map { $0 != image.width } ?? false
        let wrongHeight = rule.pixelHeight.map { $0 != image.height } ?? false
        if wrongWidth || wrongHeight {
            let wanted = "\(rule.pixelWidth.map(String.init) ?? "any") × \(rule.pixelHeight.map(String.init) ?? "any") px"
            return (.invalid, { "it is \(image.width) × \(image.height) px; \(wanted) is required" })
        }
        return nil
    }

    /// "1.2 MB", or the exact byte count when the rounded sizes would read the same.
    static func size(_ bytes: Int64, beside other: Int64) -> String {
        let short = ByteCount.describe(bytes)
        return short == ByteCount.describe(other) ? "\(number(Int(bytes))) bytes" : short
    }

    static func pages(_ count: Int) -> String { count == 1 ? "1 page" : "\(count) pages" }

    static func number(_ value: Int) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}

/// The page sizes a `pageSize` rule can name, with a tolerance for scanners and rounding.
enum PaperSize: String, CaseIterable {
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
