import CheckDocsNative

/// `<translation certified="…"/>` (docs/programs.md, `<translation>`): a document not in English
/// needs an English translation beside it — declared in the manifest (`type: translation`,
/// `translates:`) or named after it (`diploma_EN.pdf`) — and, with `certified="true"` (the
/// default), one not marked `certified: false`. An English document needs none. A document whose
/// language is unknown is `not-evaluable` unless a translation of it is there anyway.
public struct TranslationRule: DocumentConstraint {
    public var certified: Bool

    public init(certified: Bool) { self.certified = certified }

    public static let checkOrder = 80
    public static let syntax = ["translation"]

    public static func decode(from clause: DescriptionNode) throws(InputError) -> [TranslationRule] {
        guard let node = clause.child("translation") else { return [] }
        return [TranslationRule(certified: try node.bool("certified") ?? true)]
    }

    public func check(_ document: ApplicantDocument, in context: ClauseContext) -> ConstraintFailure? {
        let language = document.facts.language
        if let language, Language.isEnglish(language) { return nil }
        let english = context.evaluation.translations(of: document.path).filter { translation in
            translation.facts.language.map(Language.isEnglish) ?? true
        }
        if english.contains(where: { !certified || $0.facts.certified != false }) { return nil }
        if let uncertified = english.first {
            return ConstraintFailure(.invalid, .translationUncertified(language: language, translation: uncertified.path))
        }
        guard let language else {
            return ConstraintFailure(.notEvaluable, .translationLanguageUnknown(certified: certified, original: document.path))
        }
        return ConstraintFailure(.invalid, .translationMissing(language: language, certified: certified, original: document.path))
    }

    public func describe(dates: ProgramDates?, catalog: DocumentCatalog) -> [String] {
        ["in English or with a\(certified ? " certified" : "n") English translation beside it"]
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
