import CheckDocsNative

/// Why a document, or a document clause, does not satisfy a requirement: typed, with the dates,
/// values and files involved. The sentences a report shows are made from it in one place,
/// `FindingWording.swift`; the JSON report carries it as the requirement's `reason` object
/// (docs/reports.md).
public enum Finding: Hashable, Sendable {
    // The clause: how many files (kind "document").
    case noDocument(type: String, min: Int)
    case tooFew(type: String, min: Int, found: Int)
    case tooMany(type: String, max: Int, found: Int)
    // Every document: an expiry date already passed (kind "expires").
    case expired(on: CalendarDate)
    // minDoses
    case tooFewDoses(type: String, recorded: Int, needed: Int)
    // result
    case resultUnknown(required: LabResult)
    case resultMismatch(actual: LabResult, required: LabResult)
    // titer
    case titerQualitativeOnly(result: LabResult, min: Double, unit: String)
    case titerUnknown(min: Double, unit: String)
    case titerIncomparable(unit: String, required: String)
    case titerBelow(value: Double, unit: String, min: Double, required: String)
    // window and season
    case dateUnknown
    case datedInFuture(date: CalendarDate)
    case datedAfterAnchor(date: CalendarDate, anchor: Anchor, anchorDate: CalendarDate)
    case datedBeforeWindow(date: CalendarDate, within: Int, unit: DurationUnit, anchor: Anchor, anchorDate: CalendarDate, earliest: CalendarDate)
    case beforeSeason(date: CalendarDate, anchor: Anchor, seasonStart: CalendarDate)
    // validThrough
    case expiryUnknown(needed: CalendarDate)
    case expiresTooEarly(expires: CalendarDate, anchor: Anchor, margin: Int, unit: DurationUnit, needed: CalendarDate)
    // issuer
    case wrongForm(actual: String, required: String)
    case wrongIssuer(actual: String, required: String)
    case signatureMismatch(required: Bool)
    case letterheadMismatch(required: Bool)
    case issuerFactsUnknown([IssuerFact])
    // translation
    case translationUncertified(language: String?, translation: FilePath)
    case translationMissing(language: String, certified: Bool, original: FilePath)
    case translationLanguageUnknown(certified: Bool, original: FilePath)
    // nameMatch
    case passportNameUnknown
    case printedNameUnknown
    case passportNameReordered(passport: String)
    case passportNameNotInText(passport: String)
    case aliasNotAccepted(source: NameSource, printed: String, alias: String, passport: String)
    case aliasUnverified(source: NameSource, printed: String, passport: String)
    case nameVariant(source: NameSource, printed: String, passport: String, differences: NameComparison.Differences)
    case otherName(source: NameSource, printed: String, passport: String, aliasesAccepted: Bool)
    // file
    case forbiddenCharacters(found: [String], forbidden: String)
    case tooLarge(size: Int64, max: Int64)
    case contentNotInspected
    case emptyFile
    case contentUnreadable
    case wrongFormat(content: ContentType, allowed: [FileFormat])
    case pagesNotInspected(reason: String)
    case pdfDamaged
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

    /// The constraint kind that decided: a `<document>` attribute or child element name
    /// (`window`, `validThrough`, `file`, …), `document` for the count, `expires` for a document
    /// past its own expiry date.
    public var kind: String {
        switch self {
        case .noDocument, .tooFew, .tooMany: return "document"
        case .expired: return "expires"
        case .tooFewDoses: return "minDoses"
        case .resultUnknown, .resultMismatch: return "result"
        case .titerQualitativeOnly, .titerUnknown, .titerIncomparable, .titerBelow: return "titer"
        case .dateUnknown, .datedInFuture, .datedAfterAnchor, .datedBeforeWindow: return "window"
        case .beforeSeason: return "season"
        case .expiryUnknown, .expiresTooEarly: return "validThrough"
        case .wrongForm, .wrongIssuer, .signatureMismatch, .letterheadMismatch, .issuerFactsUnknown: return "issuer"
        case .translationUncertified, .translationMissing, .translationLanguageUnknown: return "translation"
        case .passportNameUnknown, .printedNameUnknown, .passportNameReordered, .passportNameNotInText,
             .aliasNotAccepted, .aliasUnverified, .nameVariant, .otherName: return "nameMatch"
        case .forbiddenCharacters, .tooLarge, .contentNotInspected, .emptyFile, .contentUnreadable, .wrongFormat,
             .pagesNotInspected, .pdfDamaged, .pdfPasswordProtected, .pdfEncrypted, .pdfSigned, .tooFewPages,
             .tooManyPages, .wrongPageSize, .noTextLayer, .textTooLong, .pixelsNotRead, .imageHeaderDamaged,
             .wrongPixelSize: return "file"
        }
    }

    /// The finding as data for the JSON report: its kind, a code naming the case, and the
    /// facts involved, in a fixed order.
    public func reason(file: FilePath?) -> FindingReason {
        var fields: [FindingReason.Field] = []
        func add(_ key: String, _ value: FindingReason.Value?) { if let value { fields.append(.init(key: key, value: value)) } }
        func add(_ key: String, _ date: CalendarDate) { add(key, .date(date)) }
        func add(_ key: String, _ number: Int) { add(key, .int(number)) }
        func add(_ key: String, _ text: String) { add(key, .string(text)) }
        let code: String
        switch self {
        case let .noDocument(type, min): code = "none-found"; add("documentType", type); add("min", min)
        case let .tooFew(type, min, found): code = "too-few"; add("documentType", type); add("min", min); add("found", found)
        case let .tooMany(type, max, found): code = "too-many"; add("documentType", type); add("max", max); add("found", found)
        case let .expired(on): code = "expired"; add("expires", on)
        case let .tooFewDoses(type, recorded, needed): code = "too-few-doses"; add("documentType", type); add("recorded", recorded); add("needed", needed)
        case let .resultUnknown(required): code = "result-unknown"; add("required", required.rawValue)
        case let .resultMismatch(actual, required): code = "result-mismatch"; add("actual", actual.rawValue); add("required", required.rawValue)
        case let .titerQualitativeOnly(result, min, unit): code = "qualitative-only"; add("actual", result.rawValue); add("min", .number(min)); add("unit", unit)
        case let .titerUnknown(min, unit): code = "titer-unknown"; add("min", .number(min)); add("unit", unit)
        case let .titerIncomparable(unit, required): code = "unit-incomparable"; add("unit", unit); add("requiredUnit", required)
        case let .titerBelow(value, unit, min, required):
            code = "below-minimum"; add("value", .number(value)); add("unit", unit); add("min", .number(min)); add("requiredUnit", required)
        case .dateUnknown: code = "date-unknown"
        case let .datedInFuture(date): code = "in-future"; add("date", date)
        case let .datedAfterAnchor(date, anchor, anchorDate): code = "after-anchor"; add("date", date); add("anchor", anchor.rawValue); add("anchorDate", anchorDate)
        case let .datedBeforeWindow(date, within, unit, anchor, anchorDate, earliest):
            code = "before-window"; add("date", date); add("anchor", anchor.rawValue); add("anchorDate", anchorDate)
            add("within", within); add("unit", unit.rawValue); add("earliest", earliest)
        case let .beforeSeason(date, anchor, seasonStart):
            code = "before-season"; add("date", date); add("anchor", anchor.rawValue); add("seasonStart", seasonStart)
        case let .expiryUnknown(needed): code = "expiry-unknown"; add("validThrough", needed)
        case let .expiresTooEarly(expires, anchor, margin, unit, needed):
            code = "expires-too-early"; add("expires", expires); add("anchor", anchor.rawValue); add("margin", margin)
            add("unit", unit.rawValue); add("validThrough", needed)
        case let .wrongForm(actual, required): code = "wrong-form"; add("actual", actual); add("required", required)
        case let .wrongIssuer(actual, required): code = "wrong-issuer"; add("actual", actual); add("required", required)
        case let .signatureMismatch(required): code = "signature-mismatch"; add("required", .bool(required))
        case let .letterheadMismatch(required): code = "letterhead-mismatch"; add("required", .bool(required))
        case let .issuerFactsUnknown(facts): code = "facts-unknown"; add("fields", .strings(facts.map(\.manifestKey)))
        case let .translationUncertified(language, translation): code = "uncertified"; add("language", language.map(FindingReason.Value.string)); add("translation", translation.description)
        case let .translationMissing(language, certified, _): code = "no-translation"; add("language", language); add("certified", .bool(certified))
        case let .translationLanguageUnknown(certified, _): code = "language-unknown"; add("certified", .bool(certified))
        case .passportNameUnknown: code = "passport-name-unknown"
        case .printedNameUnknown: code = "name-unknown"
        case let .passportNameReordered(passport): code = "name-reordered"; add("passportName", passport)
        case let .passportNameNotInText(passport): code = "name-not-in-text"; add("passportName", passport)
        case let .aliasNotAccepted(source, printed, alias, passport):
            code = "alias-not-accepted"; add("source", source.rawValue); add("name", printed); add("alias", alias); add("passportName", passport)
        case let .aliasUnverified(source, printed, passport):
            code = "alias-unverified"; add("source", source.rawValue); add("name", printed); add("passportName", passport)
        case let .nameVariant(source, printed, passport, _):
            code = "name-variant"; add("source", source.rawValue); add("name", printed); add("passportName", passport)
        case let .otherName(source, printed, passport, _):
            code = "other-name"; add("source", source.rawValue); add("name", printed); add("passportName", passport)
        case let .forbiddenCharacters(found, _): code = "forbidden-characters"; add("characters", .strings(found))
        case let .tooLarge(size, max): code = "too-large"; add("bytes", .int(Int(size))); add("maxBytes", .int(Int(max)))
        case .contentNotInspected: code = "not-inspected"
        case .emptyFile: code = "empty"
        case .contentUnreadable: code = "unreadable"
        case let .wrongFormat(content, allowed): code = "wrong-format"; add("mime", content.mime); add("formats", .strings(allowed.map(\.rawValue)))
        case let .pagesNotInspected(reason): code = "pages-not-inspected"; add("detail", reason)
        case .pdfDamaged: code = "damaged"
        case .pdfPasswordProtected: code = "password-protected"
        case .pdfEncrypted: code = "encrypted"
        case .pdfSigned: code = "signed"
        case let .tooFewPages(count, min): code = "too-few-pages"; add("pages", count); add("minPages", min)
        case let .tooManyPages(count, max): code = "too-many-pages"; add("pages", count); add("maxPages", max)
        case let .wrongPageSize(page, _, _, required): code = "wrong-page-size"; add("page", page); add("pageSize", required.rawValue)
        case let .noTextLayer(max): code = "no-text-layer"; add("maxCharacters", max)
        case let .textTooLong(count, _, max): code = "too-long"; add("characters", count); add("maxCharacters", max)
        case let .pixelsNotRead(reason): code = "pixels-not-read"; add("detail", reason)
        case .imageHeaderDamaged: code = "image-damaged"
        case let .wrongPixelSize(width, height, requiredWidth, requiredHeight):
            code = "wrong-pixel-size"; add("width", width); add("height", height)
            add("pixelWidth", requiredWidth.map(FindingReason.Value.int)); add("pixelHeight", requiredHeight.map(FindingReason.Value.int))
        }
        return FindingReason(kind: kind, code: code, file: file, fields: fields)
    }
}

extension IssuerFact {
    /// The manifest key that records this fact.
    var manifestKey: String {
        switch self {
        case .form: return "form"
        case .issuer: return "issuer"
        case .signed: return "signed"
        case .letterhead: return "letterhead"
        }
    }
}
