import Synchronization

/// What a requirement expression's outcome against a folder depends on besides the folder: the
/// rule as written, and the days its anchors resolve to. Programs repeat rules: every program that
/// extends a checklist inherits its items, and programs' own items are written from the same few
/// patterns ("TB test within 12 months of the rotation end"). A folder's outcome of such a rule is
/// worked out once and reused (`ExpressionMemo`; docs/performance.md, "Outcomes reused").
public struct RuleKey: Hashable, Sendable {
    /// The rule as written, hashed twice with independent seeds into 128 bits: clause types,
    /// counts and constraints, the shape of its alternatives and combinations; not where its
    /// clauses were written, which the outcome never says. Two different rules share a
    /// fingerprint with a probability of about 2^-128 per pair: an outcome is reused on the
    /// fingerprint alone, as the catalog cache trusts its content hashes. (Comparing the rules
    /// themselves, on every reuse, cost more than the evaluation it saved.)
    let fingerprint: (Int, Int)
    /// The anchors its constraints are measured from, one bit each (`AnchorDays`).
    let anchors: UInt8

    /// `anchors`: the expression's `anchorBits`.
    init(_ expression: RequirementExpression, anchors: UInt8) {
        fingerprint = Self.fingerprint { expression.hashRule(into: &$0) }
        self.anchors = anchors
    }

    /// An eligibility rule's check: the kind and its fields, and the anchors it lists.
    init(_ check: AnyEligibilityCheck) {
        fingerprint = Self.fingerprint { check.hash(into: &$0) }
        anchors = check.base.anchors.reduce(0) { $0 | AnchorDays.bit($1) }
    }

    private static func fingerprint(_ hash: (inout Hasher) -> Void) -> (Int, Int) {
        var first = Hasher()
        hash(&first)
        // The second hash differs from the first by a leading word, which changes SipHash's state
        // for everything after it.
        var second = Hasher()
        second.combine(0x5EC0_4D00)
        hash(&second)
        return (first.finalize(), second.finalize())
    }

    public static func == (lhs: RuleKey, rhs: RuleKey) -> Bool { lhs.fingerprint == rhs.fingerprint && lhs.anchors == rhs.anchors }

    public func hash(into hasher: inout Hasher) { hasher.combine(fingerprint.0) }
}

extension RequirementExpression {
    /// Hashes the rule as written, leaving out where its clauses were written (`RuleKey`).
    func hashRule(into hasher: inout Hasher) {
        switch self {
        case let .document(clause):
            hasher.combine(0)
            hasher.combine(clause.type)
            hasher.combine(clause.min)
            hasher.combine(clause.max)
            hasher.combine(clause.constraints)
        case let .anyOf(items):
            hasher.combine(1)
            hasher.combine(items.count)
            for item in items { item.hashRule(into: &hasher) }
        case let .allOf(items):
            hasher.combine(2)
            hasher.combine(items.count)
            for item in items { item.hashRule(into: &hasher) }
        }
    }
}

/// The days a rule's anchors resolve to for one program; an anchor the rule does not use is left
/// out, so programs with other rotations share the outcome of a rule that is not measured from them.
struct AnchorDays: Hashable {
    private var days: (Int, Int, Int, Int, Int)

    /// The bits of the rotation's start and end.
    static let rotation = bit(.rotationStart) | bit(.rotationEnd)

    static func bit(_ anchor: Anchor) -> UInt8 {
        switch anchor {
        case .rotationStart: return 1
        case .rotationEnd: return 2
        case .deadline: return 4
        case .asOf: return 8
        case .offer: return 16
        }
    }

    init(_ anchors: UInt8, _ dates: ProgramDates) {
        // An anchor the program does not give (today standing in) is a day of its own: a rule may
        // tell the two apart (`ProgramDates.isGiven`), so a rotation starting today is not the same.
        func day(_ anchor: Anchor) -> Int {
            anchors & Self.bit(anchor) == 0 ? Int.min : dates.isGiven(anchor) ? dates.date(for: anchor).ordinal : Int.min + 1
        }
        days = (day(.rotationStart), day(.rotationEnd), day(.deadline), day(.asOf), day(.offer))
    }

    static func == (lhs: AnchorDays, rhs: AnchorDays) -> Bool { lhs.days == rhs.days }

    func hash(into hasher: inout Hasher) { hasher.combine(mixed) }

    /// The days folded into one word (multiplied by odd constants so that equal days under
    /// different anchors fold differently); the hasher mixes it further.
    var mixed: Int {
        var word = days.0 &* Int(bitPattern: 0x9E37_79B9_7F4A_7C15)
        word ^= days.1 &* 0x27D4_EB2F_1656_67C5
        word ^= days.2 &* 0x1656_67B1_9E37_79F9
        word ^= days.3 &* 0x0123_4567_89AB_CDEF
        word ^= days.4 &* 0x7FEB_352D_1234_5679
        return word
    }
}

/// The outcomes of the rules already evaluated against one folder, by rule and anchor days.
///
/// An expression's outcome depends on the folder (the context's documents, facts and asOf), on
/// the rule, and on the program's dates only through its constraints' anchors: a constraint reads
/// the program's dates only as `ClauseContext.dates.date(for:)` (and `isGiven`) of an anchor it lists in `anchors`
/// (Engine/Constraints/). Whatever else a requirement's result holds (its condition, its frame, its
/// rule in words, when it is due) is still made per program, from the requirement itself.
///
/// Each evaluator of a check has its own (`EvaluationContext.withOwnCandidates`), so the lock is
/// never waited on in a check; the check empties them when files are inspected between two
/// batches of programs (`EvaluatorPool.forgetOutcomes`), since an inspection can change what a
/// baseline check finds.
final class ExpressionMemo: Sendable {
    /// The rule's fingerprint and its anchors' days. Its hash is one word of them: the fingerprint
    /// is a hash already, and hashing all seven words again cost a fifth of a reuse.
    struct Key: Hashable {
        var fingerprint: (Int, Int)
        var days: AnchorDays

        init(_ rule: RuleKey, _ dates: ProgramDates) {
            fingerprint = rule.fingerprint
            days = AnchorDays(rule.anchors, dates)
        }

        static func == (lhs: Key, rhs: Key) -> Bool { lhs.fingerprint == rhs.fingerprint && lhs.days == rhs.days }

        func hash(into hasher: inout Hasher) { hasher.combine(word) }

        /// The key folded into one word, well mixed already (`StatusTable` addresses by it).
        var word: Int { fingerprint.0 ^ days.mixed }
    }

    /// How much is kept, counted in files listed: an outcome weighs one plus the files it
    /// considered and the candidates it lists. The first outcomes are kept until the budget is
    /// spent, and the rules every program repeats (its checklists' items) come first. A budget,
    /// not a count of outcomes: against a folder of 1,000 files an outcome can list hundreds, and
    /// 4,096 outcomes per evaluator raised the peak of a 10,000-program check from 46 MB to 116 MB
    /// (docs/performance.md, "Outcomes reused").
    static let budget = 1024
    /// At most this many rules in words, and as many eligibility verdicts, are kept: 1,024 rules
    /// in words per evaluator raised the 10,000-program check's peak by a megabyte, and the rules
    /// every program repeats come first.
    static let capacity = 256
    /// At most this many statuses alone are kept (`status(for:)`): a status is a byte beside its
    /// key, where an outcome lists files, so a batch folder decided from statuses keeps every rule
    /// and days of a 1,000-program catalog it meets (about 1 MB at most).
    static let statusCapacity = 16_384

    private struct Outcomes {
        var values: [Key: ListedOutcome] = [:]
        var weight = 0
    }

    private let outcomes = Mutex(Outcomes())
    private let ruleTexts = Mutex<[Key: String]>([:])
    private let verdicts = Mutex<[Key: EligibilityVerdict]>([:])
    private let statuses = Mutex(StatusTable(capacity: statusCapacity))

    init() {}

    /// The key of `requirement`'s rule for a program with `dates`.
    func key(_ requirement: Requirement, _ dates: ProgramDates) -> Key { Key(requirement.ruleKey, dates) }

    /// The outcome kept for the same rule and anchor days, if any. Looked up, then kept (`keep`),
    /// rather than one call taking a closure to evaluate with: the closure held a copy of the
    /// evaluator, made and dropped for every requirement of every program.
    func outcome(for key: Key) -> ListedOutcome? { outcomes.withLock { $0.values[key] } }

    func keep(_ outcome: ListedOutcome, for key: Key) {
        let weight = 1 + (outcome.outcome.consideredIfAnyFailed?.count ?? outcome.outcome.files.count) + outcome.candidates.count
        outcomes.withLock { kept in
            guard kept.weight + weight <= Self.budget, kept.values[key] == nil else { return }
            kept.values[key] = outcome
            kept.weight += weight
            outcome.considered?.keepWords()
        }
    }

    /// The status alone of the outcome (or eligibility verdict) for `key`, for a program decided
    /// without its results (`RequirementEvaluator.decide`, `EligibilityEvaluator.decide`): the one
    /// kept, else `make()`'s, kept while there is room.
    func status(for key: Key, make: () -> RequirementStatus) -> RequirementStatus {
        if let known = keptStatus(for: key) { return known }
        let status = make()
        statuses.withLock { $0.keep(status, for: key) }
        return status
    }

    /// The status alone kept for `key`, if any.
    func keptStatus(for key: Key) -> RequirementStatus? { statuses.withLock { $0.status(for: key) } }

    /// The rule in words of `requirement`'s expression for a program with `dates`, kept the same
    /// way: it names the days its anchors fall on, and nothing else of the program.
    func ruleText(of requirement: Requirement, dates: ProgramDates, make: () -> String) -> String {
        Self.kept(Key(requirement.ruleKey, dates), in: ruleTexts, make: make)
    }

    /// The verdict of an eligibility rule's check for a program with `dates`: the one kept for the
    /// same check and anchor days, else `make()`'s, kept. It depends on the folder's profile and
    /// documents, which are this memo's, and on the program only through the anchors the check
    /// lists (`EligibilityCheck.anchors`); the rule's condition and frame stay per program.
    func verdict(of rule: EligibilityRule, dates: ProgramDates, make: () -> EligibilityVerdict) -> EligibilityVerdict {
        Self.kept(Key(rule.ruleKey, dates), in: verdicts, make: make)
    }

    /// The value kept in `table` for `key`, else `make()`'s, kept while the table has room.
    private static func kept<Value: Sendable>(_ key: Key, in table: borrowing Mutex<[Key: Value]>, make: () -> Value) -> Value {
        if let known = table.withLock({ $0[key] }) { return known }
        let value = make()
        table.withLock { values in
            if values.count < capacity { values[key] = value }
        }
        return value
    }

    /// How many outcomes are kept, and their weight (tests).
    var count: Int { outcomes.withLock { $0.values.count } }
    var weight: Int { outcomes.withLock { $0.weight } }
    var verdictCount: Int { verdicts.withLock { $0.count } }

    func removeAll() {
        outcomes.withLock { $0 = Outcomes() }
        ruleTexts.withLock { $0.removeAll() }
        verdicts.withLock { $0.removeAll() }
        statuses.withLock { $0.removeAll() }
    }
}

/// An expression's outcome with the files a result names and its candidates, made once per rule
/// and anchor days (`RequirementEvaluator.listedOutcome`); an object, so that reusing it is a
/// reference to retain rather than a dozen fields to copy.
final class ListedOutcome: Sendable {
    let outcome: ExpressionOutcome
    let files: [FilePath]
    let candidates: [CandidateFile]
    /// What the candidates' words are made from, told to keep them once the outcome is kept.
    let considered: FindingToWord.Considered?

    init(outcome: ExpressionOutcome, files: [FilePath], candidates: [CandidateFile], considered: FindingToWord.Considered? = nil) {
        self.outcome = outcome
        self.files = files
        self.candidates = candidates
        self.considered = considered
    }
}
