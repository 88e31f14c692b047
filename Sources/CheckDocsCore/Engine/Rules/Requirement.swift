import CheckDocsNative

/// One item of a checklist or program: what satisfies it, when it applies, how much it matters.
/// Its fields (`Fields`) are read and changed as its own: `requirement.title`.
@dynamicMemberLookup
public struct Requirement: Hashable, Sendable {
    /// A requirement's fields, kept in one shared box: every program's evaluation reads its
    /// requirements, and a copy of a requirement (a dozen strings, lists and clauses) retained and
    /// released each of them (docs/performance.md, "Shared values").
    public struct Fields: Hashable, Sendable {
        public var id: String
        public var title: String
        public var severity: Severity
        public var supplier: Supplier
        public var due: Stage
        public var hint: String?
        public var condition: Condition? {
            didSet { appliesOnlyIf = condition.map(Requirement.appliesOnlyIf) }
        }
        public var expression: RequirementExpression {
            didSet { (documentTypes, ruleKey) = Requirement.derived(expression) }
        }
        /// `expression.documentTypes`, kept beside it: every result of the requirement carries it,
        /// and walking the expression for each of them made a list per requirement of every
        /// program evaluated (docs/performance.md, "Allocations per evaluation, second round").
        public private(set) var documentTypes: [String]
        /// What the expression's outcome against a folder depends on besides the folder: the
        /// rule's fingerprint and the anchors it is measured from (`ExpressionMemo`), kept for the
        /// same reason.
        public private(set) var ruleKey: RuleKey
        /// "applies only if …": the condition in words, what a result says when it does not hold,
        /// kept beside it for the same reason.
        public private(set) var appliesOnlyIf: String?
        /// The checklist or program that defined this item, for provenance in reports.
        public var origin: String
        public var location: SourceLocation
    }

    private var fields: SharedValue<Fields>

    public init(id: String, title: String, severity: Severity = .error, supplier: Supplier = .applicant,
                due: Stage = .application, hint: String? = nil, condition: Condition? = nil,
                expression: RequirementExpression, origin: String, location: SourceLocation) {
        let (documentTypes, ruleKey) = Self.derived(expression)
        fields = SharedValue(Fields(id: id, title: title, severity: severity, supplier: supplier, due: due, hint: hint,
                                    condition: condition, expression: expression, documentTypes: documentTypes,
                                    ruleKey: ruleKey, appliesOnlyIf: condition.map(Self.appliesOnlyIf),
                                    origin: origin, location: location))
    }

    /// A field, read in place, and changed in place once the box is this requirement's alone (the
    /// derived ones follow).
    public subscript<Value>(dynamicMember field: WritableKeyPath<Fields, Value>) -> Value {
        get { fields.value[keyPath: field] }
        _modify { yield &fields.value[keyPath: field] }
    }

    /// The fields derived from others, read through accessors of their own: they can be set only
    /// here, so elsewhere their key paths are read-only, and a read-only key path's subscript was
    /// compiled as a copy of all the fields (`documentTypes`: once per requirement of every program
    /// evaluated). There is no such subscript, so a field added as read-only needs one too.
    public var documentTypes: [String] { fields.value.documentTypes }
    public var ruleKey: RuleKey { fields.value.ruleKey }
    /// Whether a rule of the expression is measured from the rotation's start or end (a program
    /// without rotation dates says what it measured from instead): read from the rule's anchors.
    public var measuredFromRotation: Bool { fields.value.ruleKey.anchors & AnchorDays.rotation != 0 }
    public var appliesOnlyIf: String? { fields.value.appliesOnlyIf }

    fileprivate static func appliesOnlyIf(_ condition: Condition) -> String { "applies only if \(RuleDescription.describe(condition))" }

    fileprivate static func derived(_ expression: RequirementExpression) -> ([String], RuleKey) {
        (expression.documentTypes, RuleKey(expression, anchors: expression.anchorBits))
    }
}

/// What satisfies a requirement: a document clause, or nested alternatives and combinations.
public indirect enum RequirementExpression: Hashable, Sendable {
    case document(DocumentClause)
    case anyOf([RequirementExpression])
    case allOf([RequirementExpression])

    /// Every document type the expression mentions, in order of first appearance.
    public var documentTypes: [String] {
        var seen: [String] = []
        func walk(_ expression: RequirementExpression) {
            switch expression {
            case let .document(clause): if !seen.contains(clause.type) { seen.append(clause.type) }
            case let .anyOf(items), let .allOf(items): items.forEach(walk)
            }
        }
        walk(self)
        return seen
    }

    /// Every anchor a window, expiry or season rule of the expression is measured from, one bit
    /// each (`AnchorDays.bit`): worked out for every requirement loaded, where a set of them was
    /// made for each clause.
    public var anchorBits: UInt8 {
        switch self {
        case let .document(clause):
            var bits: UInt8 = 0
            for constraint in clause.constraints {
                for anchor in constraint.base.anchors { bits |= AnchorDays.bit(anchor) }
            }
            return bits
        case let .anyOf(items), let .allOf(items):
            return items.reduce(0) { $0 | $1.anchorBits }
        }
    }

    /// Calls `body` with every document clause, depth first.
    public func forEachClause(_ body: (DocumentClause) -> Void) {
        switch self {
        case let .document(clause): body(clause)
        case let .anyOf(items), let .allOf(items): items.forEach { $0.forEachClause(body) }
        }
    }

    /// Applies `transform` to every document clause.
    public func mapDocuments(_ transform: (DocumentClause) -> DocumentClause) -> RequirementExpression {
        switch self {
        case let .document(clause): return .document(transform(clause))
        case let .anyOf(items): return .anyOf(items.map { $0.mapDocuments(transform) })
        case let .allOf(items): return .allOf(items.map { $0.mapDocuments(transform) })
        }
    }
}

/// "A document of this type, so many of them, meeting these constraints."
public struct DocumentClause: Hashable, Sendable {
    public var type: String
    public var min: Int = 1
    public var max: Int?
    /// Its constraints, in the order of `DocumentConstraintKinds.all` (one file per kind in
    /// Engine/Constraints/).
    public var constraints: [AnyDocumentConstraint] = []
    public var location: SourceLocation

    public init(type: String, location: SourceLocation) {
        self.type = type
        self.location = location
    }

    /// The constraints of one kind.
    public func constraints<Kind: DocumentConstraint>(of kind: Kind.Type) -> [Kind] {
        constraints.compactMap { $0.base as? Kind }
    }

    /// What checking the clause reads from a document's content.
    public var contentNeeded: ContentNeed {
        constraints.map(\.base.contentNeeded).max() ?? .none
    }
}

/// Conditions on the applicant and the dates; a requirement applies only when all hold.
public struct Condition: Hashable, Sendable {
    public var instructionInEnglish: Bool?
    public var usCitizenOrPermanentResident: Bool?
    public var status: ApplicantStatus?
    public var intendsResidency: Bool?
    public var ecfmgCertified: Bool?
    public var rotationOverlaps: MonthDayRange?
    /// Holds when the class the applicant is admitted in is one of these (`ClassCondition`).
    public var admissionClass: [String]?
    /// Holds when the class the applicant is admitted in is none of these.
    public var notAdmissionClass: [String]?
    /// Holds when the applicant's visa is of one of these classes.
    public var visaClass: [String]?
    /// Holds when the applicant's visa is of none of these classes.
    public var notVisaClass: [String]?
    /// `documentType="T" states="S"`: some document of type T states S (docs/programs.md, `<when>`).
    public var documentStates: DocumentStatement?

    public init() {}

    /// This condition and `other` together, as a `<tighten>`'s `<when>` narrows an inherited
    /// requirement's (docs/programs.md, "`<tighten>`"): a field that one of them sets is set; a
    /// field that both set must be the same, else the names of those that differ are returned
    /// (a requirement that could never apply is a mistake to report, not a rule to keep).
    func and(_ other: Condition) -> Result<Condition, ConditionConflict> {
        var merged = self
        var conflicts: [String] = []
        func take<Value: Equatable>(_ field: WritableKeyPath<Condition, Value?>, _ name: String) {
            guard let value = other[keyPath: field] else { return }
            if let own = merged[keyPath: field], own != value { conflicts.append(name) } else { merged[keyPath: field] = value }
        }
        take(\.instructionInEnglish, "instructionInEnglish")
        take(\.usCitizenOrPermanentResident, "usCitizenOrPermanentResident")
        take(\.status, "status")
        take(\.intendsResidency, "intendsResidency")
        take(\.ecfmgCertified, "ecfmgCertified")
        take(\.rotationOverlaps, "rotationOverlaps")
        take(\.admissionClass, "admissionClass")
        take(\.notAdmissionClass, "notAdmissionClass")
        take(\.visaClass, "visaClass")
        take(\.notVisaClass, "notVisaClass")
        take(\.documentStates, "documentType/states")
        return conflicts.isEmpty ? .success(merged) : .failure(ConditionConflict(fields: conflicts))
    }
}

/// The fields two conditions both set, to different values.
struct ConditionConflict: Error {
    let fields: [String]
}

/// A statement some document of a type makes, as a `<when>` asks for it.
public struct DocumentStatement: Hashable, Sendable {
    public var type: String
    public var statement: String

    public init(type: String, statement: String) {
        self.type = type
        self.statement = statement
    }
}

/// A yearly period such as 11-01/03-31 (it may wrap over the new year).
public struct MonthDayRange: Hashable, Sendable, CustomStringConvertible {
    public var from: MonthDay
    public var to: MonthDay

    public init(from: MonthDay, to: MonthDay) {
        self.from = from
        self.to = to
    }

    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let from = MonthDay(parts[0]), let to = MonthDay(parts[1]) else { return nil }
        self.init(from: from, to: to)
    }

    public var description: String { "\(from)/\(to)" }

    /// The latest day on or before `date` that falls in this yearly period: `date` itself when it
    /// is inside, else the period's last day before it (at the calendar's start, its first day).
    public func lastDay(onOrBefore date: CalendarDate) -> CalendarDate {
        if overlaps(start: date, end: date) { return date }
        let thisYear = to.date(in: date.year)
        if thisYear <= date { return thisYear }
        return date.year > 1 ? to.date(in: date.year - 1) : CalendarDate.first
    }

    /// Whether any day of [start, end] falls inside this yearly period. An empty range (end before
    /// start) overlaps nothing. A period that wraps began in the year before the range's first
    /// year; at the ends of the calendar the part of it outside 0001...9999 is cut off rather
    /// than moved into the nearest year.
    public func overlaps(start: CalendarDate, end: CalendarDate) -> Bool {
        guard start <= end else { return false }
        let wraps = (to.month, to.day) < (from.month, from.day)
        for year in (start.year - 1)...(end.year) {
            // The year before year 1 only matters for the part of a wrapping period that reaches into year 1.
            if year < 1 && !wraps { continue }
            let periodStart = year < 1 ? CalendarDate.first : from.date(in: year)
            let endYear = wraps ? year + 1 : year
            let periodEnd = endYear > 9999 ? CalendarDate.last : to.date(in: endYear)
            if periodStart <= end && periodEnd >= start { return true }
        }
        return false
    }
}

/// What deciding a requirement's status from the statuses a folder has kept reads of it: its
/// rule's key, whether it has a condition, its stage and severity, a few bytes with no reference.
/// A program keeps them in a flat list beside its requirements (`ResolvedProgram.statusKeys`):
/// a batch decides every program's statuses once per folder, and reading each requirement (its
/// fields' box, shared by the folders' threads) to find them retained and released the box
/// from both cores and missed the cache for most of them (docs/performance.md, "Statuses from a
/// flat list").
struct RequirementStatusKey: Hashable, Sendable {
    let rule: RuleKey
    let hasCondition: Bool
    let due: Stage
    let severity: Severity

    init(_ requirement: Requirement) {
        rule = requirement.ruleKey
        hasCondition = requirement.condition != nil
        due = requirement.due
        severity = requirement.severity
    }
}
