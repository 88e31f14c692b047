import CheckDocsNative

/// `<translation certified="…"/>` (docs/programs.md, `<translation>`): a document not in English
/// needs an English translation beside it — declared in the manifest (`type: translation`,
/// `translates:`) or named after it (`diploma_EN.pdf`) — and, with `certified="true"` (the
/// default), one not marked `certified: false`. An English document needs none. A document whose
/// language is unknown is `not-evaluable` unless a translation of it is there anyway.
struct TranslationCheck {
    let context: EvaluationContext

    typealias Failure = (RequirementStatus, () -> String)

    func check(_ document: ApplicantDocument, against rule: TranslationRule) -> Failure? {
        let language = document.facts.language
        if let language, Language.isEnglish(language) { return nil }
        let english = context.translations(of: document.path).filter { translation in
            translation.facts.language.map(Language.isEnglish) ?? true
        }
        if english.contains(where: { !rule.certified || $0.facts.certified != false }) { return nil }
        let described = language.map { "in \(Language.name(of: $0))" }
        if let uncertified = english.first {
            return (.invalid, {
                "\(described ?? "its language is not recorded and") its English translation \(uncertified.path) is marked `certified: false`; a certified translation is required"
            })
        }
        let wanted = rule.certified ? "certified English translation" : "English translation"
        let remedy = "put one beside it named like \(Self.companionName(for: document.path)), or declare it in the manifest with `type: translation` and `translates:`"
        guard let described else {
            return (.notEvaluable, { "its language is not recorded (add `language:` to its manifest entry) and no \(wanted) is beside it; if it is not in English, \(remedy)" })
        }
        return (.invalid, { "\(described); no \(wanted) beside it (\(remedy))" })
    }

    /// `diploma_EN.pdf` for `diploma.pdf`, as an example name the pairing recognizes.
    static func companionName(for path: FilePath) -> String {
        let name = String(decoding: path.lastComponent, as: UTF8.self)
        let stem = FileNameTokens.stem(name)
        let ext = stem.count < name.count ? String(name.dropFirst(stem.count)) : ""
        return "\"" + DisplayText.escape(stem + "_EN" + ext) + "\""
    }
}

/// ISO 639 codes as the manifest gives them, and the names a report uses for them.
enum Language {
    static func isEnglish(_ code: String) -> Bool { code == "en" || code == "eng" }

    static let names: [String: String] = [
        "ar": "Arabic", "ara": "Arabic", "bn": "Bengali", "ben": "Bengali", "zh": "Chinese", "zho": "Chinese",
        "chi": "Chinese", "cs": "Czech", "ces": "Czech", "nl": "Dutch", "nld": "Dutch", "fa": "Persian",
        "fas": "Persian", "per": "Persian", "fr": "French", "fra": "French", "fre": "French", "de": "German",
        "deu": "German", "ger": "German", "el": "Greek", "ell": "Greek", "gre": "Greek", "he": "Hebrew",
        "heb": "Hebrew", "hi": "Hindi", "hin": "Hindi", "hu": "Hungarian", "hun": "Hungarian", "id": "Indonesian",
        "ind": "Indonesian", "it": "Italian", "ita": "Italian", "ja": "Japanese", "jpn": "Japanese", "ko": "Korean",
        "kor": "Korean", "ms": "Malay", "msa": "Malay", "ne": "Nepali", "nep": "Nepali", "pl": "Polish",
        "pol": "Polish", "pt": "Portuguese", "por": "Portuguese", "ro": "Romanian", "ron": "Romanian",
        "ru": "Russian", "rus": "Russian", "es": "Spanish", "spa": "Spanish", "sv": "Swedish", "swe": "Swedish",
        "ta": "Tamil", "tam": "Tamil", "th": "Thai", "tha": "Thai", "tr": "Turkish", "tur": "Turkish",
        "uk": "Ukrainian", "ukr": "Ukrainian", "ur": "Urdu", "urd": "Urdu", "vi": "Vietnamese", "vie": "Vietnamese",
    ]

    /// "Spanish" for `es`; the code itself, quoted, for one this table does not know.
    static func name(of code: String) -> String { names[code] ?? "language \"\(DisplayText.escape(code))\"" }
}
