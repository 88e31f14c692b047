import CheckDocsNative

/// A value of a result kept as what it is made from until a report reads it (made again on each
/// read unless its maker keeps it). Two are equal when their values are.
///
/// - The rule in words (`Words`): the JSON and JUnit reports print it, the text report, `-q` and a
///   batch summary never do, and wording every requirement of every program was 6 % of a `-q`
///   catalog run's instructions (docs/performance.md, "Instruction counts, third round").
/// - The message of a requirement that is not met (`Words`): every report prints it, but a batch
///   summary and `-q` print none, and wording every failing clause was a fifth of a batch's
///   evaluation (docs/performance.md, "Messages worded when read").
/// - An item's window (`WindowData`): only `checkdocs plan` reads it.
public struct MadeWhenRead<Value: Hashable & Sendable>: Hashable, Sendable {
    private enum Source: Sendable {
        case made(Value)
        case deferred(any ValueToMake<Value>)
    }

    private let source: Source

    public init(_ value: Value) { source = .made(value) }

    init(deferred maker: any ValueToMake<Value>) { source = .deferred(maker) }

    public var value: Value {
        switch source {
        case let .made(value): return value
        case let .deferred(maker): return maker.value
        }
    }

    /// Whether the value is made when read, not kept made (tests).
    var isDeferred: Bool {
        if case .deferred = source { return true }
        return false
    }

    public static func == (lhs: MadeWhenRead, rhs: MadeWhenRead) -> Bool { lhs.value == rhs.value }

    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

/// What makes a value when it is read (Engine's `DeferredRuleWords`, `RequirementMessage`, `ActionWindow.Deferred`).
protocol ValueToMake<Value>: Sendable {
    associatedtype Value
    var value: Value { get }
}

/// Words about a result: its rule and its message.
public typealias Words = MadeWhenRead<String>

/// A result's window (`RequirementResult.window`).
public typealias WindowData = MadeWhenRead<DateWindow>

extension RequirementResult {
    /// The rule that decided, in words (nil: none).
    public var rule: String? {
        get { self.ruleWords?.value }
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
        get { self.windowData?.value }
        set { self.windowData = newValue.map(WindowData.init) }
    }

    /// What was found, in words.
    public var message: String {
        get { self.messageWords.value }
        set { self.messageWords = Words(newValue) }
    }

    /// A result whose rule is given as words already made.
    public init(id: String, title: String, category: Category, documentTypes: [String], status: RequirementStatus,
                severity: Severity, supplier: Supplier, due: Stage, files: [FilePath], message: String,
                reason: FindingReason? = nil, candidates: [CandidateFile] = [], choice: ChoiceToMake? = nil,
                hint: String?, rule: String?, origin: String, waiver: AppliedWaiver? = nil, window: DateWindow? = nil) {
        self.init(id: id, title: title, category: category, documentTypes: documentTypes, status: status, severity: severity,
                  supplier: supplier, due: due, files: files, messageWords: Words(message), reasonData: reason.map(ReasonData.init),
                  candidates: candidates, choice: choice, hint: hint, ruleWords: rule.map(Words.init), origin: origin,
                  waiver: waiver, windowData: window.map(WindowData.init))
    }
}
