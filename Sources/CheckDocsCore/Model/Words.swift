import CheckDocsNative

/// Words about a result, kept as what they are made from until a report reads them: a result's
/// rule (`rule`) and its message (`message`).
///
/// - The rule: the JSON and JUnit reports print it, the text report, `-q` and a batch summary
///   never do, and wording every requirement of every program was 6 % of a `-q` catalog run's
///   instructions (docs/performance.md, "Instruction counts, third round").
/// - The message of a requirement that is not met: every report prints it, but a batch summary
///   and `-q` print none, and wording every failing clause was a fifth of a batch's evaluation
///   (docs/performance.md, "Messages worded when read").
///
/// Two are equal when their words are.
public struct Words: Hashable, Sendable {
    private enum Source: Sendable {
        case text(String)
        case deferred(any WordsToMake)
    }

    private let source: Source

    public init(_ text: String) { source = .text(text) }

    init(deferred words: any WordsToMake) { source = .deferred(words) }

    /// The words, made when read (`WordsToMake` says whether a second read makes them again).
    public var text: String {
        switch source {
        case let .text(text): return text
        case let .deferred(words): return words.text
        }
    }

    /// Whether the words are made when read, not kept made (tests).
    var isDeferred: Bool {
        if case .deferred = source { return true }
        return false
    }

    public static func == (lhs: Words, rhs: Words) -> Bool { lhs.text == rhs.text }

    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
}

/// Words made on demand (Engine's `DeferredRuleWords` and `RequirementMessage`).
protocol WordsToMake: Sendable {
    var text: String { get }
}

extension RequirementResult {
    /// The rule that decided, in words (nil: none).
    public var rule: String? {
        get { self.ruleWords?.text }
        set { self.ruleWords = newValue.map(Words.init) }
    }

    /// The finding behind `message`, as data (`ReasonData`).
    public var reason: FindingReason? {
        get { self.reasonData?.reason }
        set { self.reasonData = newValue.map(ReasonData.init) }
    }

    /// For an item to obtain or renew: the days a new document can be dated and must be done by
    /// (`WindowData`, made when read).
    public var window: DateWindow? {
        get { self.windowData?.window }
        set { self.windowData = newValue.map(WindowData.init) }
    }

    /// What was found, in words.
    public var message: String {
        get { self.messageWords.text }
        set { self.messageWords = Words(newValue) }
    }

    /// A result whose rule is given as words already made.
    public init(id: String, title: String, category: Category, documentTypes: [String], status: RequirementStatus,
                severity: Severity, supplier: Supplier, due: Stage, files: [FilePath], message: String,
                reason: FindingReason? = nil, candidates: [CandidateFile] = [], choice: ChoiceToMake? = nil,
                hint: String?, rule: String?, origin: String, waiver: AppliedWaiver? = nil, window: DateWindow? = nil) {
        self.init(id: id, title: title, category: category, documentTypes: documentTypes, status: status, severity: severity,
                  supplier: supplier, due: due, files: files, message: message, reason: reason, candidates: candidates,
                  choice: choice, hint: hint, ruleWords: rule.map(Words.init), origin: origin, waiver: waiver, window: window)
    }
}
