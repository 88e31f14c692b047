import CheckDocsNative

/// One kind of constraint a `<document>` clause can carry: a validity window, an expiry, a lab
/// result, a file rule, … Each kind is one type in its own file in this folder, and says there
/// everything about itself: how it is written, how it is checked, how it reads in words, which
/// dates it allows for `plan`, what it needs from a file's content, and how a `<tighten>` merges
/// it with an inherited one. Declaring `public struct Name: DocumentConstraint` in this folder
/// registers the kind (the build lists them: `DocumentConstraintKinds.all`); docs/architecture.md
/// has the recipe for adding one.
public protocol DocumentConstraint: Hashable, Sendable {
    /// Where the kind comes among the others: documents are checked, and rules described, kind
    /// by kind in this order, and the first failure is the one reported for a file.
    static var checkOrder: Int { get }

    /// The attributes and child elements of `<document>` this kind is written with. The JSON keys
    /// are the same, but for a repeated element, whose key is its plural (`window` → `windows`).
    static var syntax: [String] { get }

    /// This kind's constraints in one `<document>` or `<tighten>` element (none when it is not used).
    static func decode(from clause: DescriptionNode) throws(InputError) -> [Self]

    /// The constraints of this kind after a `<tighten>` that gives `added` (non-empty). By default
    /// the tightening replaces the inherited ones.
    static func merge(inherited: [Self], added: [Self]) -> [Self]

    /// What the check reads beyond the file's name, size and the manifest.
    var contentNeeded: ContentNeed { get }

    /// The dates this constraint is measured from.
    var anchors: [Anchor] { get }

    /// nil when one document meets the constraint; else the status and the finding why not.
    func check(_ document: ApplicantDocument, in context: ClauseContext) -> ConstraintFailure?
    /// The status `check` gives the file, without the finding that says why: a program decided
    /// from its statuses alone reads nothing else (`DocumentClauseEvaluator.status`), and each
    /// finding is an allocation. By default `check`'s; the kinds that fail most often (a batch of
    /// 1,000 programs: lab results, windows, validThrough) answer without making one.
    func failingStatus(_ document: ApplicantDocument, in context: ClauseContext) -> RequirementStatus?

    /// nil when the documents that passed every per-document check together meet the constraint
    /// (a dose count); most kinds check documents one at a time only.
    func checkTogether(_ passing: [ApplicantDocument], in context: ClauseContext) -> ConstraintFailure?

    /// Whether `checkTogether` looks at the documents at all: the passing documents are gathered
    /// for it only then.
    var checksTogether: Bool { get }

    /// The constraint in words, with its dates worked out when `dates` are given (a report) or
    /// left relative when not (`explain`).
    func describe(dates: ProgramDates?, catalog: DocumentCatalog) -> [String]

    /// The days a new document can be dated in to meet this constraint (`plan`).
    func window(_ planning: PlanningDates) -> DateWindow
}

extension DocumentConstraint {
    public static func merge(inherited: [Self], added: [Self]) -> [Self] { added }
    public var contentNeeded: ContentNeed { .none }
    public var anchors: [Anchor] { [] }
    public func check(_ document: ApplicantDocument, in context: ClauseContext) -> ConstraintFailure? { nil }
    public func failingStatus(_ document: ApplicantDocument, in context: ClauseContext) -> RequirementStatus? {
        check(document, in: context)?.status
    }
    public func checkTogether(_ passing: [ApplicantDocument], in context: ClauseContext) -> ConstraintFailure? { nil }
    public var checksTogether: Bool { false }
    public func window(_ planning: PlanningDates) -> DateWindow { DateWindow() }

    /// A failure of this kind: its status and its detail (a case of the kind's own `Failure`).
    func fail(_ status: RequirementStatus, _ detail: some FindingDetail) -> ConstraintFailure {
        ConstraintFailure(status, Finding(kind: Self.syntax[0], detail: detail))
    }
}

/// A kind that works out how a file fails as a plain value, a case of its own `Failure`, with no
/// finding made: `check` wraps it in one, `failingStatus` reads its status alone. A kind declares
/// `DocumentConstraint` too, first: the build registers the kinds by that declaration (EmbedGen).
public protocol FailureVerdict: DocumentConstraint {
    associatedtype Failure: FindingDetail
    /// nil when the file meets the constraint; else the status and why, as a plain value.
    func verdict(_ document: ApplicantDocument, in context: ClauseContext) -> (status: RequirementStatus, failure: Failure)?
}

extension FailureVerdict {
    public func check(_ document: ApplicantDocument, in context: ClauseContext) -> ConstraintFailure? {
        verdict(document, in: context).map { fail($0.status, $0.failure) }
    }

    public func failingStatus(_ document: ApplicantDocument, in context: ClauseContext) -> RequirementStatus? {
        verdict(document, in: context)?.status
    }
}

/// What a constraint reads from a file's content, so the inspector reads each file once, before
/// the programs are evaluated.
public enum ContentNeed: Comparable, Sendable {
    case none
    /// The real type, and PDF or image facts.
    case fileFacts
    /// The text layer too.
    case text
}

/// A failed constraint: the status it gives the file, and the finding why.
public struct ConstraintFailure: Sendable {
    public var status: RequirementStatus
    public var finding: Finding
    /// Of a check together: the documents went some of the way (one dose of three), so in an
    /// `anyOf`, between alternatives that came as close, this is the one the applicant is
    /// following, whose words say what is really missing (`ExpressionOutcome.begun`).
    public var begun = false

    public init(_ status: RequirementStatus, _ finding: Finding, begun: Bool = false) {
        self.status = status
        self.finding = finding
        self.begun = begun
    }
}

/// What a constraint is checked against: the run's documents and facts, and the program's dates.
public struct ClauseContext: Sendable {
    public let evaluation: EvaluationContext
    public let dates: ProgramDates

    public var asOf: CalendarDate { evaluation.asOf }
}

/// A constraint of any kind, as a clause holds it (in the order of `DocumentConstraintKinds.all`).
public struct AnyDocumentConstraint: Hashable, Sendable {
    public let base: any DocumentConstraint

    public init(_ base: some DocumentConstraint) { self.base = base }

    /// Equal when of the same kind and equal as that kind. The kind's own `==` and `hash(into:)`
    /// are called on the opened value: going through `AnyHashable` boxed both sides and looked up
    /// their conformance every time, and every requirement's rule is hashed as it is loaded
    /// (`RuleKey`).
    public static func == (lhs: AnyDocumentConstraint, rhs: AnyDocumentConstraint) -> Bool { isEqual(lhs.base, to: rhs.base) }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(type(of: base)))
        base.hash(into: &hasher)
    }
}
