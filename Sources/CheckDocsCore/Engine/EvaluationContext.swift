/// Everything a program's rules are evaluated against, built once per run and shared by all
/// programs: the folder is never rescanned per program.
public struct EvaluationContext: Sendable {
    /// What no copy of the context changes, held once: each program's evaluators copy the context
    /// (the eligibility rules', the requirements', their clauses'), and a copy of these fields
    /// themselves retained and released the profile's strings and lists, the catalog's tables and
    /// the rest one by one, about thirty atomic operations each way for every copy
    /// (docs/performance.md, "Copies of the context and the programs").
    private final class Fixed: Sendable {
        let asOf: CalendarDate
        let profile: ApplicantProfile
        let hasManifest: Bool
        let catalog: DocumentCatalog
        let wordingCatalog: FindingToWord.Catalog
        let inspector: DocumentInspector?
        let translations: [FilePath: [ApplicantDocument]]
        /// For each requested type, the ambiguous files one of whose candidate types satisfies it.
        let ambiguous: [String: [FilePath]]
        /// Whether a file says teaching was in English (`EvaluationContext.instructionInEnglish`).
        let statesInstructionInEnglish: Bool

        init(asOf: CalendarDate, profile: ApplicantProfile, hasManifest: Bool, catalog: DocumentCatalog, inspector: DocumentInspector?,
             translations: [FilePath: [ApplicantDocument]], ambiguous: [String: [FilePath]], statesInstructionInEnglish: Bool) {
            self.asOf = asOf
            self.profile = profile
            self.hasManifest = hasManifest
            self.catalog = catalog
            wordingCatalog = FindingToWord.Catalog(catalog)
            self.inspector = inspector
            self.translations = translations
            self.ambiguous = ambiguous
            self.statesInstructionInEnglish = statesInstructionInEnglish
        }
    }

    private let fixed: Fixed

    public var asOf: CalendarDate { fixed.asOf }
    /// Read in place: a field read copies that field only.
    public var profile: ApplicantProfile { _read { yield fixed.profile } }
    public var hasManifest: Bool { fixed.hasManifest }
    public var catalog: DocumentCatalog { _read { yield fixed.catalog } }
    /// The same catalog, shared by reference with every candidate worded when a report asks.
    var wordingCatalog: FindingToWord.Catalog { fixed.wordingCatalog }
    /// The documents' content facts (file rules); nil: only names and sizes are known.
    public var inspector: DocumentInspector? { fixed.inspector }
    /// `--session DATE`: the session start to evaluate, for every program that lists sessions.
    public var session: CalendarDate? = nil
    /// The rules in words shared by the folders of a batch (nil: a one-folder check).
    public var ruleTexts: RuleTexts? = nil
    /// For each requested type, the documents that satisfy it (its own and its descendants').
    private var satisfying: NameTable<ClauseCandidates>
    /// The outcomes of the rules evaluated so far against this folder (`ExpressionMemo`).
    private(set) var outcomes = ExpressionMemo()

    /// `ambiguous`: the folder's files whose names fit several types; a requirement that finds
    /// no file of a type one of them may be names them (ClauseFinding.noDocument).
    public init(asOf: CalendarDate, profile: ApplicantProfile, hasManifest: Bool, catalog: DocumentCatalog, documents: [ApplicantDocument],
                inspector: DocumentInspector? = nil, ambiguous: [AmbiguousFile] = []) {
        var satisfying: [String: ClauseCandidates] = [:]
        // For each document, the translations of it in the folder (declared or paired by name).
        var translations: [FilePath: [ApplicantDocument]] = [:]
        var statesInstructionInEnglish = false
        for document in documents {
            guard let type = document.type else { continue }
            if document.facts.statements?.contains(Self.instructionInEnglishStatement) == true { statesInstructionInEnglish = true }
            // Each typed document's baseline verdict is worked out once per folder, and kept beside
            // the document: a clause looks at it for every candidate of every program.
            let verdict = inspector.map { BaselineCheck.verdict(for: document, inspector: $0) }
            for requested in catalog.typesSatisfied(by: type) {
                satisfying[requested, default: ClauseCandidates()].append(document, verdict: verdict)
            }
            if let original = document.facts.translates, catalog.typesSatisfied(by: type).contains("translation") {
                translations[original, default: []].append(document)
            }
        }
        var couldBe: [String: [FilePath]] = [:]
        for file in ambiguous {
            for requested in Set(file.candidates.flatMap(catalog.typesSatisfied(by:))) { couldBe[requested, default: []].append(file.path) }
        }
        fixed = Fixed(asOf: asOf, profile: profile, hasManifest: hasManifest, catalog: catalog, inspector: inspector, translations: translations,
                      ambiguous: couldBe.mapValues { $0.sorted() }, statesInstructionInEnglish: statesInstructionInEnglish)
        self.satisfying = NameTable(satisfying)
    }

    /// The statement a school's letter records when its teaching was in English (docs/programs.md,
    /// "What a document states").
    static let instructionInEnglishStatement = "instruction-in-english"

    /// Whether teaching was in English: the manifest's `medicalSchool.instructionLanguage` when
    /// given, else yes when a file says so (a document whose `states` records
    /// `instruction-in-english`: a medium-of-instruction or dean's letter), else unknown. The
    /// applicant who keeps the school's letter has shown it; asking them to type the language too
    /// left a TOEFL required. A letter's type alone says nothing: a "language of instruction"
    /// certificate may name another language.
    public var instructionInEnglish: Bool? {
        profile.instructionInEnglish ?? (fixed.statesInstructionInEnglish ? true : nil)
    }

    /// The folder's ambiguous files that may be of `type` (one of their candidates satisfies it).
    func ambiguous(satisfying type: String) -> [FilePath] { fixed.ambiguous[type] ?? [] }

    /// The same context with candidate objects and lists of its own, for another thread to
    /// evaluate programs with. Every clause of every program retains the candidates of its type
    /// and their list (atomically); two threads doing so on the same objects fought over their
    /// cache lines, which doubled the CPU time of evaluation on two cores (docs/performance.md,
    /// "One context per thread"). The documents and verdicts are the same; nothing is recomputed.
    func withOwnCandidates() -> EvaluationContext {
        var copy = self
        copy.satisfying = satisfying.mapValues { $0.copied() }
        copy.outcomes = ExpressionMemo()
        return copy
    }

    /// The name on the passport: the passport document's `nameOnDocument`, else the profile's `name`.
    public var passportName: String? {
        candidates(satisfying: "passport").items.lazy.compactMap(\.document.facts.nameOnDocument).first ?? profile.name
    }

    public func translations(of path: FilePath) -> [ApplicantDocument] { fixed.translations[path] ?? [] }

    /// The documents that satisfy `type` (listed once per folder, with `candidates(satisfying:)`).
    public func documents(satisfying type: String) -> [ApplicantDocument] { satisfying[type]?.documents ?? [] }

    /// The documents that satisfy `type`, with their baseline verdicts.
    func candidates(satisfying type: String) -> ClauseCandidates { satisfying[type] ?? ClauseCandidates() }
}

/// The documents a clause of one type looks at, each with its baseline verdict (nil: no content
/// inspection in this run).
struct ClauseCandidates: Sendable {
    private(set) var items: [CandidateDocument] = []
    /// The documents, and their paths, listed once per folder: a clause whose every file counts
    /// hands these on (its files, a dose count's documents) instead of making a list of them for
    /// every clause of every program.
    private(set) var documents: [ApplicantDocument] = []
    private(set) var paths: [FilePath] = []

    mutating func append(_ document: ApplicantDocument, verdict: BaselineCheck.Verdict?) {
        items.append(CandidateDocument(document: document, baseline: verdict))
        documents.append(document)
        paths.append(document.path)
    }

    /// The same candidates in new objects and new lists (`EvaluationContext.withOwnCandidates`).
    func copied() -> ClauseCandidates {
        var copy = ClauseCandidates()
        copy.items.reserveCapacity(items.count)
        copy.documents.reserveCapacity(items.count)
        copy.paths.reserveCapacity(items.count)
        for item in items { copy.append(item.document, verdict: item.baseline) }
        return copy
    }
}

/// One document and its baseline verdict, shared by reference: a clause reads the document's
/// facts through it, where copying the struct (some twenty strings and arrays, each retained and
/// released) for every clause of every program cost more than the checks.
final class CandidateDocument: Sendable {
    let document: ApplicantDocument
    let baseline: BaselineCheck.Verdict?

    init(document: ApplicantDocument, baseline: BaselineCheck.Verdict?) {
        self.document = document
        self.baseline = baseline
    }
}

/// The dates one program's anchors resolve to.
public struct ProgramDates: Sendable {
    public var asOf: CalendarDate
    public var rotation: Rotation?
    public var deadline: CalendarDate?
    /// The day of the program's offer, from the manifest's `targets:` (nil: none recorded).
    public var offer: CalendarDate?

    public init(asOf: CalendarDate, rotation: Rotation? = nil, deadline: CalendarDate? = nil, offer: CalendarDate? = nil) {
        self.asOf = asOf
        self.rotation = rotation
        self.deadline = deadline
        self.offer = offer
    }

    /// Whether an offer has been made by the run's day: from then on, items due after an offer are due.
    public var offerMade: Bool { offer.map { $0 <= asOf } ?? false }

    public func date(for anchor: Anchor) -> CalendarDate {
        switch anchor {
        case .rotationStart: return rotation?.start ?? asOf
        case .rotationEnd: return rotation?.end ?? asOf
        case .deadline: return deadline ?? rotation?.start ?? asOf
        case .asOf: return asOf
        case .offer: return offerMade ? offer! : asOf
        }
    }

    /// Whether `date(for:)` is the anchor's own day, not the as-of day standing in for one the
    /// program does not give.
    public func isGiven(_ anchor: Anchor) -> Bool {
        switch anchor {
        case .rotationStart, .rotationEnd: return rotation != nil
        case .deadline: return deadline != nil || rotation != nil
        case .asOf: return true
        case .offer: return offerMade
        }
    }

    public static func describe(_ anchor: Anchor) -> String {
        switch anchor {
        case .rotationStart: return "the rotation start"
        case .rotationEnd: return "the rotation end"
        case .deadline: return "the application deadline"
        case .asOf: return "today"
        case .offer: return "the offer"
        }
    }
}
