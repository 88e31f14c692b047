import CheckDocsNative

/// A program-level rule about the applicant rather than a document; failing it makes them
/// ineligible. What it checks is one kind of `EligibilityCheck` (Engine/Eligibility/); the rule
/// adds what every kind has: its id, severity, hint and where it is written.
public struct EligibilityRule: Hashable, Sendable {
    public var id: String
    public var check: AnyEligibilityCheck {
        didSet { (title, ruleKey) = (check.base.title, RuleKey(check)) }
    }
    /// The check's fingerprint and anchors, kept beside it: its verdict against a folder is
    /// reused by every program with the same check measured from the same days (`ExpressionMemo`).
    public private(set) var ruleKey: RuleKey
    public var severity: Severity
    public var hint: String?
    /// The rule applies only if this holds (the `<when>` of a requirement, docs/programs.md).
    public var condition: Condition?
    /// The severity a `not-evaluable` result blocks at; nil: the rule's `severity`.
    public var ifNotEvaluable: Severity?
    public var location: SourceLocation

    public init(id: String?, check: AnyEligibilityCheck, severity: Severity = .error, hint: String? = nil,
                condition: Condition? = nil, ifNotEvaluable: Severity? = nil, location: SourceLocation) {
        self.id = id ?? check.base.defaultID
        self.check = check
        title = check.base.title
        ruleKey = RuleKey(check)
        self.severity = severity
        self.hint = hint
        self.condition = condition
        self.ifNotEvaluable = ifNotEvaluable
        self.location = location
    }

    public init(id: String?, check: some EligibilityCheck, severity: Severity = .error, hint: String? = nil,
                condition: Condition? = nil, ifNotEvaluable: Severity? = nil, location: SourceLocation) {
        self.init(id: id, check: AnyEligibilityCheck(check), severity: severity, hint: hint, condition: condition,
                  ifNotEvaluable: ifNotEvaluable, location: location)
    }

    /// The check's title, kept beside it: each result names it twice, and some kinds build it
    /// from parts (an exam rule's), for every rule of every program evaluated.
    public private(set) var title: String

    /// A whole number without a fraction ("104"), any other as Swift writes it ("12.5", "1e+23").
    /// Only whole numbers up to 2^53 (all exact in a Double, and in Int's range) go through Int:
    /// a titer minimum or a manifest value can be far larger (docs/security.md, "Fuzzing").
    static func format(_ value: Double) -> String {
        value == value.rounded() && value.magnitude <= 9_007_199_254_740_992 ? String(Int(value)) : String(value)
    }
}
