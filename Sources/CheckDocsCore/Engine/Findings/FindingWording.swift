import CheckDocsNative

/// Every sentence a report says about a document requirement's outcome, in one place.
extension Finding {
    public func sentence(catalog: DocumentCatalog) -> String {
        switch self {
        case let .noDocument(type, min):
            let title = catalog.title(of: type)
            return "no \(min > 1 ? "\(min) × \(title)" : title) found"
        case let .tooFew(type, min, found):
            return "\(min) × \(catalog.title(of: type)) required, \(found) found"
        case let .tooMany(type, max, found):
            return "\(found) \(catalog.title(of: type)) files found; at most \(max) can be assigned to one program — choose which"
        case let .expired(on):
            return "expired on \(on)"
        case let .tooFewDoses(type, recorded, needed):
            return "\(recorded) of \(needed) doses of \(catalog.title(of: type)) recorded (list each dose date under `doses` in the manifest)"

        case let .resultUnknown(required):
            return "no result is recorded; a \(required.rawValue) result is required (add `result:` to its manifest entry)"
        case let .resultMismatch(actual, required):
            return "the result is \(actual.rawValue); a \(required.rawValue) result is required"

        case let .titerQualitativeOnly(result, min, unit):
            return "only a qualitative result (\(result.rawValue)) is recorded; \(Wording.titer(min, unit)) is required"
        case let .titerUnknown(min, unit):
            return "no titer value is recorded; \(Wording.titer(min, unit)) is required (add `value:` and `unit:` to its manifest entry)"
        case let .titerIncomparable(unit, required):
            return "the titer is in \(unit), which cannot be compared with \(required)"
        case let .titerBelow(value, unit, min, required):
            return "the titer is \(EligibilityRule.format(value)) \(unit); \(Wording.titer(min, required)) is required"

        case .dateUnknown:
            return "its date is unknown (put it in the file name as YYYY-MM-DD or in the manifest)"
        case let .datedInFuture(date):
            return "dated \(date), which is in the future"
        case let .datedAfterAnchor(date, anchor, anchorDate):
            return "dated \(date), after \(ProgramDates.describe(anchor)) (\(anchorDate))"
        case let .datedBeforeWindow(date, within, unit, anchor, anchorDate, earliest):
            return "dated \(date); it must be within \(Wording.amount(within, unit)) before \(ProgramDates.describe(anchor)) (\(anchorDate)), so on or after \(earliest)"
        case let .beforeSeason(date, anchor, seasonStart):
            return "dated \(date), before the season that covers \(ProgramDates.describe(anchor)) began (\(seasonStart))"

        case let .expiryUnknown(needed):
            return "its expiry date is unknown; it must be valid through \(needed) (add `expires:` in the manifest)"
        case let .expiresTooEarly(expires, anchor, margin, unit, needed):
            let plus = margin > 0 ? " plus \(Wording.amount(margin, unit))" : ""
            return "expires \(expires); it must stay valid through \(ProgramDates.describe(anchor))\(plus) (\(needed))"

        case let .wrongForm(actual, required):
            return "it is on \(Wording.formTitle(actual)); \(Wording.formTitle(required)) is required"
        case let .wrongIssuer(actual, required):
            return "it was issued by \"\(DisplayText.escape(actual))\"; one from \(required) is required"
        case let .signatureMismatch(required):
            return required ? "it is not signed (`signed: false`); a signed original is required" : "it is signed; an unsigned copy is required"
        case let .letterheadMismatch(required):
            return required ? "it is not on letterhead (`letterhead: false`); one on the issuer's letterhead is required"
                : "it is on letterhead; a plain one is required"
        case let .issuerFactsUnknown(facts):
            let fields = facts.map { fact -> String in
                if case let .form(form) = fact { return "`form: \(form)`" }
                return "`\(fact.manifestKey):`"
            }
            let questions = facts.map { fact -> String in
                switch fact {
                case .form: return "which form it is on"
                case .issuer: return "who issued it"
                case .signed: return "whether it is signed"
                case .letterhead: return "whether it is on letterhead"
                }
            }
            let what = questions.count <= 2 ? questions.joined(separator: " or ") : Wording.list(questions, conjunction: "or")
            return "the manifest does not say \(what): add \(Wording.list(fields, conjunction: "and")) to its manifest entry"

        case let .translationUncertified(language, translation):
            let described = language.map { "in \(Language.name(of: $0))" }
            return "\(described ?? "its language is not recorded and") its English translation \(translation) is marked `certified: false`; a certified translation is required"
        case let .translationMissing(language, certified, original):
            return "in \(Language.name(of: language)); no \(Wording.translation(certified)) beside it (\(Wording.translationRemedy(original)))"
        case let .translationLanguageUnknown(certified, original):
            return "its language is not recorded (add `language:` to its manifest entry) and no \(Wording.translation(certified)) is beside it; if it is not in English, \(Wording.translationRemedy(original))"

        case .passportNameUnknown:
            return "the passport name is unknown: set `applicant.name` in the manifest (or `nameOnDocument:` on the passport)"
        case .printedNameUnknown:
            return "the name printed on it is not recorded: add `nameOnDocument:` to its manifest entry"
        case let .passportNameReordered(passport):
            return "its text shows the passport name \(Wording.quote(passport)) in another order — a name discrepancy; add `nameOnDocument:` to its manifest entry, and if the order differs, list it under `applicant.otherNames` with a name-verification document"
        case let .passportNameNotInText(passport):
            return "the passport name (\(Wording.quote(passport))) is not in its text layer: add `nameOnDocument:` to its manifest entry"
        case let .aliasNotAccepted(source, printed, alias, passport):
            return "\(Wording.source(source)) \(Wording.quote(printed)), your other name \(Wording.quote(alias)); this program requires the passport name \(Wording.quote(passport)) exactly"
        case let .aliasUnverified(source, printed, passport):
            return "\(Wording.source(source)) \(Wording.quote(printed)), your other name, not the passport name \(Wording.quote(passport)); add a name-verification document (marriage certificate, name-change deed or school letter) to the folder"
        case let .nameVariant(source, printed, passport, differences):
            return "\(Wording.source(source)) \(Wording.quote(printed)): the passport name \(Wording.quote(passport)) \(differences.description) — a name discrepancy; if it is you, list it under `applicant.otherNames` and add a name-verification document"
        case let .otherName(source, printed, passport, aliasesAccepted):
            return "\(Wording.source(source)) \(Wording.quote(printed)), which is not the passport name \(Wording.quote(passport))\(aliasesAccepted ? " or a declared other name" : "")"

        case let .forbiddenCharacters(found, forbidden):
            let list = found.map { "\"\($0)\"" }.joined(separator: ", ")
            return "its file name contains \(list); rename it without any of \(forbidden.map(String.init).joined(separator: " "))"
        case let .tooLarge(size, max):
            return "it is \(Wording.size(size, beside: max)); at most \(Wording.size(max, beside: size)) is accepted"
        case .contentNotInspected:
            return "its content was not inspected"
        case .emptyFile:
            return "it is empty (0 bytes)"
        case .contentUnreadable:
            return "its content cannot be read, so its type is unknown"
        case let .wrongFormat(content, allowed):
            return "its content is \(content.format == nil ? content.mime : "a " + content.title), not a \(allowed.map(\.title).joined(separator: " or "))"
        case let .pagesNotInspected(reason):
            return "its pages were not inspected: \(reason)"
        case .pdfDamaged:
            return "the PDF is damaged or truncated: it cannot be opened (export or scan it again)"
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

/// The small pieces the sentences and rule descriptions are made of.
enum Wording {
    /// "12 months", "1 year".
    static func amount(_ count: Int, _ unit: DurationUnit) -> String {
        "\(count) \(count == 1 ? String(unit.rawValue.dropLast()) : unit.rawValue)"
    }

    static func pages(_ count: Int) -> String { count == 1 ? "1 page" : "\(count) pages" }

    /// 12,345.
    static func number(_ value: Int) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0, digit != "-", digits[index - 1] != "-" { out.append(",") }
            out.append(digit)
        }
        return out
    }

    /// "1.2 MB", or the exact byte count when the rounded sizes would read the same.
    static func size(_ bytes: Int64, beside other: Int64) -> String {
        let short = ByteCount.describe(bytes)
        return short == ByteCount.describe(other) ? "\(number(Int(bytes))) bytes" : short
    }

    /// "375 × 525 px", "any × 525 px".
    static func pixelSize(_ width: Int?, _ height: Int?) -> String {
        "\(width.map(String.init) ?? "any") × \(height.map(String.init) ?? "any") px"
    }

    static func titer(_ min: Double, _ unit: String) -> String {
        "a quantitative titer of at least \(EligibilityRule.format(min)) \(unit)"
    }

    /// Names of the forms programs ask for; other ids are shown as written.
    static let formTitles = ["aamc-standardized": "AAMC Standardized Immunization Form"]

    static func formTitle(_ id: String) -> String {
        formTitles[id].map { "the \($0) (`\(id)`)" } ?? "the `\(DisplayText.escape(id))` form"
    }

    static func quote(_ name: String) -> String { "\"" + DisplayText.escape(name) + "\"" }

    static func source(_ source: NameSource) -> String {
        switch source {
        case .manifest: return "printed as"
        case .textLayer: return "its text shows the name"
        }
    }

    static func translation(_ certified: Bool) -> String { certified ? "certified English translation" : "English translation" }

    static func translationRemedy(_ original: FilePath) -> String {
        "put one beside it named like \(companionName(for: original)), or declare it in the manifest with `type: translation` and `translates:`"
    }

    /// `diploma_EN.pdf` for `diploma.pdf`, as an example name the pairing recognizes.
    static func companionName(for path: FilePath) -> String {
        let name = String(decoding: path.lastComponent, as: UTF8.self)
        let stem = FileNameTokens.stem(name)
        let ext = stem.count < name.count ? String(name.dropFirst(stem.count)) : ""
        return "\"" + DisplayText.escape(stem + "_EN" + ext) + "\""
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String], conjunction: String) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }

    /// A failing file's finding, and how many other candidates failed too.
    static func fileFailure(_ path: FilePath, _ sentence: String, othersFailing: Int) -> String {
        let others = othersFailing > 0
            ? " (and \(othersFailing) \(othersFailing == 1 ? "other file that does" : "other files that do") not qualify)" : ""
        return "\(path): \(sentence)\(others)"
    }

    static let optionalNone = "optional; none provided"
    static func satisfied(by count: Int) -> String { "satisfied by \(count == 1 ? "1 file" : "\(count) files")" }
    static let allPartsSatisfied = "all parts satisfied"
    static let noAlternative = "no alternative given"
    static func noneOfTheAlternatives(_ messages: [String]) -> String { "none of the alternatives: " + messages.joined(separator: "; or ") }
    static func failingParts(_ messages: [String]) -> String { messages.joined(separator: "; and ") }
}
