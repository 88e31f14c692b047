import CheckDocsNative

/// The rule that decided a result, in words, kept as what it is made from until a report reads
/// it: the JSON and JUnit reports print it, the text report, `-q` and a batch summary never do,
/// and wording every requirement of every program was 6 % of a `-q` catalog run's instructions
/// (docs/performance.md, "Instruction counts, third round"). Two are equal when their words are.
public struct RuleWords: Hashable, Sendable {
    private enum Source: Sendable {
        case text(String)
        case deferred(any RuleToWord)
    }

    private let source: Source

    public init(_ text: String) { source = .text(text) }

    init(deferred rule: any RuleToWord) { source = .deferred(rule) }

    /// The words, made on every read of a deferred rule (a report reads each once).
    public var text: String {
        switch source {
        case let .text(text): return text
        case let .deferred(rule): return rule.text
        }
    }

    public static func == (lhs: RuleWords, rhs: RuleWords) -> Bool { lhs.text == rhs.text }

    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
}

/// A rule worded on demand (Engine's `DeferredRuleWords`).
protocol RuleToWord: Sendable {
    var text: String { get }
}

extension RequirementResult {
    /// The rule that decided, in words (nil: none).
    public var rule: String? {
        get { self.ruleWords?.text }
        set { self.ruleWords = newValue.map(RuleWords.init) }
    }

    /// A result whose rule is given as words already made.
    public init(id: String, title: String, category: Category, documentTypes: [String], status: RequirementStatus,
                severity: Severity, supplier: Supplier, due: Stage, files: [FilePath], message: String,
                reason: FindingReason? = nil, candidates: [CandidateFile] = [], choice: ChoiceToMake? = nil,
                hint: String?, rule: String?, origin: String, waiver: AppliedWaiver? = nil, window: DateWindow? = nil) {
        self.init(id: id, title: title, category: category, documentTypes: documentTypes, status: status, severity: severity,
                  supplier: supplier, due: due, files: files, message: message, reason: reason, candidates: candidates,
                  choice: choice, hint: hint, ruleWords: rule.map(RuleWords.init), origin: origin, waiver: waiver, window: window)
    }
}
