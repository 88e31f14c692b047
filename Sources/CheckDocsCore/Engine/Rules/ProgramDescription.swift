import CheckDocsNative

/// A program description or a checklist as written in one file, before inheritance is resolved.
/// XML and JSON both decode into this one model.
public struct ProgramDescription: Hashable, Sendable {
    public enum Role: String, Hashable, Sendable {
        case program, checklist
    }

    public var role: Role
    public var id: String
    public var kind: ProgramKind
    public var name: String
    public var institution: String?
    public var specialty: String?
    public var location: String?
    public var source: Provenance
    public var extends: [String] = []
    /// Where each of `extends` is written, in the same order: an unknown checklist is reported at
    /// its `<extends>`, not at the root. Empty for a description made in code (the root stands in).
    public var extendsLocations: [SourceLocation] = []
    public var rotation: Rotation?
    public var deadline: CalendarDate?
    /// `<leadTime>`: at least (and at most) how long before the start one applies.
    public var leadTime: LeadTime?
    /// `<sessions>`: the program's start dates, when it runs fixed blocks instead of one rotation.
    public var sessions: Sessions?
    /// A lead time of at least this many days (the form `minDays` takes).
    public var leadTimeDays: Int? {
        get { leadTime?.min.flatMap { $0.unit == .days ? $0.amount : nil } }
        set { leadTime = newValue.map { LeadTime(min: .init($0, .days)) } }
    }
    public var fees: [Fee] = []
    /// `<facts>`: what `pick` weighs (setting, hands-on level, letter, city, living cost).
    public var facts = ChoosingFacts()
    public var eligibility: [EligibilityRule] = []
    public var requirements: [Requirement] = []
    public var removals: [Removal] = []
    public var tightenings: [Tightening] = []
    /// The file it was read from (a `builtin:` name for embedded data), and where its root starts.
    public var file: SourceLocation

    public init(role: Role, id: String, kind: ProgramKind, name: String, source: Provenance, file: SourceLocation) {
        self.role = role
        self.id = id
        self.kind = kind
        self.name = name
        self.source = source
        self.file = file
    }
}

public struct Removal: Hashable, Sendable {
    public var ref: String
    public var location: SourceLocation
}

/// Adds constraints to an inherited requirement (optionally only to its clauses of one type).
public struct Tightening: Hashable, Sendable {
    public var ref: String
    public var type: String?
    public var min: Int?
    public var severity: Severity?
    public var due: Stage?
    public var hint: String?
    /// A `<when>`: the requirement then applies only when its own condition and this one hold.
    public var condition: Condition?
    public var constraints: [AnyDocumentConstraint]
    public var location: SourceLocation
}

/// A program with its checklists merged in: what the engine evaluates.
public struct ResolvedProgram: Hashable, Sendable {
    /// Its description, shared by the program's copies until one changes it: a check hands each
    /// program to an evaluator once per folder, and a copy of the description itself retained and
    /// released each of its strings and lists (docs/performance.md, "Copies of the context and
    /// the programs").
    private var shared: SharedValue<ProgramDescription>
    public var description: ProgramDescription {
        _read { yield shared.value }
        _modify { yield &shared.value }
    }
    public var requirements: [Requirement] {
        didSet { statusKeys = requirements.map(RequirementStatusKey.init) }
    }
    /// What deciding each requirement's status from a folder's kept statuses reads of it, in the
    /// requirements' order, kept beside them (`ProgramEvaluator.status`).
    private(set) var statusKeys: [RequirementStatusKey]
    public var eligibility: [EligibilityRule]
    /// The checklists it builds on, nearest first, with their provenance.
    public var checklists: [ProgramDescription]

    public init(description: ProgramDescription, requirements: [Requirement], eligibility: [EligibilityRule], checklists: [ProgramDescription]) {
        shared = SharedValue(description)
        self.requirements = requirements
        statusKeys = requirements.map(RequirementStatusKey.init)
        self.eligibility = eligibility
        self.checklists = checklists
    }

    public var id: String { description.id }
    public var kind: ProgramKind { description.kind }
}

extension ProgramDescription {
    /// Where its `index`th `extends` is written, else its root.
    func location(ofExtends index: Int) -> SourceLocation {
        extendsLocations.indices.contains(index) ? extendsLocations[index] : file
    }
}

extension Array where Element == ResolvedProgram {
    /// Calls `body` with the document clauses of the programs' requirements, depth first, those
    /// of a rule written alike in several programs (the same `RuleKey`) once: what a catalog asks
    /// of a folder is gathered from its clauses before it is evaluated, and most programs inherit
    /// their checklist's rules or write the same few (a batch's 1,000 programs took 13 ms to walk
    /// clause by clause, on one core while the other waited; docs/performance.md, "One thread per
    /// folder"). Each program and requirement is read in place: a copy of each program (its
    /// description, checklists and requirements) cost more than the walk.
    func forEachDistinctRuleClause(_ body: (DocumentClause) -> Void) {
        var seen = Set<RuleKey>()
        for program in indices {
            for requirement in self[program].requirements.indices where seen.insert(self[program].requirements[requirement].ruleKey).inserted {
                self[program].requirements[requirement].expression.forEachClause(body)
            }
        }
    }
}

import struct Foundation.Decimal
