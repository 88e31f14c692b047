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
            return fail(.invalid, Failure.uncertified(language: language, translation: uncertified.path))
        }
        guard let language else {
            return fail(.notEvaluable, Failure.languageUnknown(certified: certified, original: document.path))
        }
        return fail(.invalid, Failure.missing(language: language, certified: certified, original: document.path))
    }

    public func describe(dates: ProgramDates?, catalog: DocumentCatalog) -> [String] {
        ["in English or with a\(certified ? " certified" : "n") English translation beside it"]
    }

    public enum Failure: FindingDetail {
        case uncertified(language: String?, translation: FilePath)
        case missing(language: String, certified: Bool, original: FilePath)
        case languageUnknown(certified: Bool, original: FilePath)

        public var code: String {
            switch self {
            case .uncertified: return "uncertified"
            case .missing: return "no-translation"
            case .languageUnknown: return "language-unknown"
            }
        }

        public var fields: [FindingReason.Field] {
            switch self {
            case let .uncertified(language, translation):
                return .list(("language", language.map(FindingReason.Value.string)), ("translation", .string(translation.description)))
            case let .missing(language, certified, _): return .list(("language", .string(language)), ("certified", .bool(certified)))
            case let .languageUnknown(certified, _): return .list(("certified", .bool(certified)))
            }
        }

        public func sentence(catalog: DocumentCatalog) -> String {
            switch self {
            case let .uncertified(language, translation):
                let described = language.map { "in \(Language.name(of: $0))" }
                return "\(described ?? "its language is not recorded and") its English translation \(translation) is marked `certified: false`; a certified translation is required"
            case let .missing(language, certified, original):
                return "in \(Language.name(of: language)); no \(Self.wanted(certified)) beside it (\(Self.remedy(original)))"
            case let .languageUnknown(certified, original):
                return "its language is not recorded (add `language:` to its manifest entry) and no \(Self.wanted(certified)) is beside it; if it is not in English, \(Self.remedy(original))"
            }
        }

        private static func wanted(_ certified: Bool) -> String { certified ? "certified English translation" : "English translation" }

        private static func remedy(_ original: FilePath) -> String {
            "put one beside it named like \(TranslationRule.companionName(for: original)), or declare it in the manifest with `type: translation` and `translates:`"
        }
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
