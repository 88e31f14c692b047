import CheckDocsNative

/// One kind of rule in a program's `<eligibility>`: the applicant's status, an exam, an English
/// test, a visa class, … Each kind is one type in its own file in this folder and says there
/// everything about itself: the element (and JSON key) it is written with, how it is decoded, how
/// it is evaluated against the applicant's profile and the program's dates, its typed findings
/// with their sentences, its title and its default id. Declaring
/// `public struct Name: EligibilityCheck` in this folder registers the kind (the build lists
/// them: `EligibilityKinds.all`), the same way as the constraint kinds of a `<document>`.
public protocol EligibilityCheck: Hashable, Sendable {
    /// The kind's findings: each case carries the facts involved and words itself.
    associatedtype Failure: FindingDetail

    /// Where the kind comes among the others (the order `explain` and the docs list them in).
    static var order: Int { get }

    /// The child element of `<eligibility>`, and the key of an item of the JSON `eligibility`
    /// array, this kind is written with; also the `kind` of its `reason` in the JSON report.
    static var element: String { get }

    /// The rule written in `node` (an element named `element`). A value the model cannot hold is
    /// an error at its location.
    static func decode(from node: DescriptionNode) throws(InputError) -> Self

    /// The id of a rule written without one, e.g. `eligibility.exam.usmle-step1`.
    var defaultID: String { get }

    /// The rule in words: the title of its result, and its line in `explain`.
    var title: String { get }

    /// The dates the rule is measured from. `evaluate` reads the program's dates only as
    /// `dates.date(for:)` of these: a verdict is reused by every program whose anchors fall on
    /// the same days (`ExpressionMemo.verdict`).
    var anchors: [Anchor] { get }
    /// Whether the applicant meets the rule, as far as the manifest says.
    func evaluate(_ context: ClauseContext) -> EligibilityOutcome<Failure>
}

/// What an eligibility rule decides. Unknown facts are never guessed: they give `not-evaluable`.
public enum EligibilityOutcome<Failure: FindingDetail>: Sendable {
    /// Met; the words say with what ("you are a student").
    case ok(String)
    /// Not met: the applicant is ineligible.
    case ineligible(Failure)
    /// The manifest says something, but not enough to decide.
    case notEvaluable(Failure)
    /// The manifest does not say `applicant.<field>`.
    case unknown(field: String)
    /// The rule does not apply to this applicant (an exemption).
    case notApplicable(Failure)
}

/// A `not-evaluable` result for a fact the manifest does not give, naming the manifest field to
/// fill in (docs/manifest.md).
public struct ProfileFieldUnknown: FindingDetail {
    /// The field under `applicant:` (`exams`, `medicalSchool.instructionLanguage`, …).
    public var field: String
    /// Whether there is a manifest at all.
    public var hasManifest: Bool

    public var code: String { hasManifest ? "not-in-manifest" : "no-manifest" }

    public var fields: [FindingReason.Field] { .list(("field", .string("applicant." + field))) }

    public func sentence(catalog: DocumentCatalog) -> String {
        hasManifest ? "the manifest does not say `applicant.\(field)`"
            : "no manifest: add checkdocs.yaml with `applicant.\(field)` to decide"
    }
}

/// An outcome with its type erased: the status, the message (a finding's worded when read,
/// `OutcomeWords`) and the finding (nil when met).
struct EligibilityVerdict: Sendable {
    var status: RequirementStatus
    var words: OutcomeWords
    var finding: Finding?
}

extension EligibilityCheck {
    public var anchors: [Anchor] { [] }

    /// The outcome as a report states it.
    func verdict(in context: ClauseContext) -> EligibilityVerdict {
        func verdict(_ status: RequirementStatus, _ detail: some FindingDetail) -> EligibilityVerdict {
            let finding = Finding(kind: Self.element, detail: detail)
            return EligibilityVerdict(status: status, words: .finding(finding), finding: finding)
        }
        switch evaluate(context) {
        case let .ok(message): return EligibilityVerdict(status: .ok, words: .fixed(message), finding: nil)
        case let .ineligible(failure): return verdict(.ineligible, failure)
        case let .notEvaluable(failure): return verdict(.notEvaluable, failure)
        case let .notApplicable(failure): return verdict(.notApplicable, failure)
        case let .unknown(field):
            return verdict(.notEvaluable, ProfileFieldUnknown(field: field, hasManifest: context.evaluation.hasManifest))
        }
    }
}

extension ClauseContext {
    /// The applicant's profile, from the manifest.
    public var profile: ApplicantProfile { evaluation.profile }
}

/// An eligibility check of any kind, as a rule holds it.
public struct AnyEligibilityCheck: Hashable, Sendable {
    public let base: any EligibilityCheck

    public init(_ base: some EligibilityCheck) { self.base = base }

    /// Equal when of the same kind and equal as that kind, compared and hashed through the opened
    /// value (as `AnyDocumentConstraint` is): every rule is hashed as it is loaded (`RuleKey`).
    public static func == (lhs: AnyEligibilityCheck, rhs: AnyEligibilityCheck) -> Bool { isEqual(lhs.base, to: rhs.base) }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(type(of: base)))
        base.hash(into: &hasher)
    }
}
