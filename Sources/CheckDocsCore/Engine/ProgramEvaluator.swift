import Foundation

/// Evaluates one resolved program: timing, eligibility, then every requirement; then its status.
/// Each rule decides itself (Engine/ProgramRules/, Engine/Eligibility/, Engine/Constraints/);
/// this only composes their results.
public struct ProgramEvaluator: Sendable {
    public let context: EvaluationContext

    public init(context: EvaluationContext) { self.context = context }

    public func evaluate(_ program: ResolvedProgram) -> ProgramResult {
        if program.description.sessions != nil { return evaluateSessions(program) }
        return evaluate(program, rotation: program.description.rotation)
    }

    /// The program with `rotation` as its rotation: one session of a program that lists them, or its own.
    func evaluate(_ program: ResolvedProgram, rotation: Rotation?) -> ProgramResult {
        // The description is read in place, with `rotation` beside it: a copy of it (with the
        // rotation changed, or out of the program's shared box) retained and released each of its
        // strings and lists, for every program.
        let (timing, dates) = timingAndDates(program, rotation: rotation)
        let effectiveDeadline = timing.applyBy
        var results: [RequirementResult] = []

        if let timing = timing.evaluate(context, origin: program.description.id) { results.append(timing) }
        let eligibility = EligibilityEvaluator(context: context, dates: dates)
        // Each result is appended where it is made (an array mapped and then appended copied
        // every result once more).
        results.reserveCapacity(results.count + program.eligibility.count + program.requirements.count)
        for rule in program.eligibility { results.append(eligibility.evaluate(rule)) }
        let requirements = RequirementEvaluator(context: context, dates: dates, requirements: program.requirements,
                                                program: (program.description.file.file, program.description.id))
        let windows = ActionWindow(dates: dates, applyBy: effectiveDeadline)
        for index in program.requirements.indices {
            let requirement = program.requirements[index]
            var result = requirements.evaluate(at: index)
            if result.needsAction { result.windowData = WindowData(deferred: ActionWindow.Deferred(windows: windows, requirement: requirement)) }
            results.append(result)
        }

        return ProgramResult(
            id: program.description.id, name: program.description.name, institution: program.description.institution,
            kind: program.description.kind, source: program.description.source, checklists: program.checklists.map(\.id),
            rotation: rotation, deadline: program.description.deadline, effectiveDeadline: effectiveDeadline,
            fees: program.description.fees, status: ProgramStatus(results), requirements: results, file: program.description.file.file)
    }

    /// The program's status, and the highest severity of a failing result, decided as `evaluate`
    /// decides them but without making the results (their fields, words and windows): all that a
    /// batch summary reads of a program (docs/performance.md, "Statuses alone").
    public func status(_ program: ResolvedProgram) -> ProgramStatus.Tally {
        // A program that lists sessions chooses one by its results.
        if program.description.sessions != nil { return ProgramStatus.Tally(evaluate(program).requirements) }
        let (timing, dates) = timingAndDates(program, rotation: program.description.rotation)
        var tally = ProgramStatus.Tally()
        // The timing rule's result is always an error when it fails (`ApplicationDeadline.evaluate`).
        if let status = timing.status(asOf: context.asOf) { tally.add(.timing, status, .error) }
        let eligibility = EligibilityEvaluator(context: context, dates: dates)
        for index in program.eligibility.indices {
            let decision = eligibility.decide(program.eligibility[index], withVerdict: false)
            tally.add(.eligibility, decision.status, decision.severity)
        }
        // Most statuses are kept by the folder already (the same rule from the same days in an
        // earlier program): they are read from the program's flat list of keys, and the
        // requirements themselves, and an evaluator for them, only for the rest.
        // The evaluator is made at the first status not kept, and held in a constant from there
        // (an optional one was copied out, a dozen references retained, at each use).
        let memo = context.outcomes
        let keys = program.statusKeys
        var index = keys.startIndex
        while index < keys.endIndex, let kept = RequirementEvaluator.keptStatus(keys[index], dates: dates, memo: memo) {
            tally.add(.document, kept, keys[index].severity)
            index += 1
        }
        guard index < keys.endIndex else { return tally }
        let requirements = RequirementEvaluator(context: context, dates: dates, requirements: program.requirements)
        while index < keys.endIndex {
            let status = RequirementEvaluator.keptStatus(keys[index], dates: dates, memo: memo)
                ?? requirements.status(at: index)
            tally.add(.document, status, keys[index].severity)
            index += 1
        }
        return tally
    }

    /// When the program can be applied to, and the days its rules are measured from, with `rotation` as its rotation.
    /// The description's fields are read in place: handed over whole, it was copied (each of its
    /// strings and lists retained and released) for every program of every folder.
    private func timingAndDates(_ program: ResolvedProgram, rotation: Rotation?) -> (ApplicationDeadline, ProgramDates) {
        let deadline = program.description.deadline
        let timing = ApplicationDeadline(deadline: deadline, leadTime: program.description.leadTime, rotationStart: rotation?.start)
        // The `deadline` anchor is the last day to apply, as the timing item counts it: the
        // deadline, or the rotation start less the lead time when that is earlier or the only one.
        let dates = ProgramDates(asOf: context.asOf, rotation: rotation, deadline: timing.applyBy ?? deadline,
                                 offer: context.profile.targets[program.description.id]?.offer)
        return (timing, dates)
    }
}

extension ProgramStatus {
    /// A program's status from its results. Precedence: `ineligible` > `closed` > `not-ready` >
    /// `ready`. Waived results are not failures, so they count for nothing here.
    public init(_ results: [RequirementResult]) { self = Tally(results).status }

    /// A program's status worked out one result at a time, from what decides it: a result's
    /// category, status and severity. Its results, or their statuses alone (`ProgramEvaluator.status`),
    /// are tallied the same way.
    public struct Tally: Sendable {
        private var ineligible = false, closed = false, blocked = false
        /// The highest severity of a failing result: the program blocks at any threshold up to it.
        public private(set) var worstFailure: Severity?

        init() {}

        /// One pass, each result read in place (a search per status copied the results it passed).
        init(_ results: [RequirementResult]) {
            for index in results.indices { add(results[index].category, results[index].status, results[index].severity) }
        }

        mutating func add(_ category: RequirementResult.Category, _ status: RequirementStatus, _ severity: Severity) {
            guard status.isFailure else { return }
            if category == .eligibility && status == .ineligible && severity == .error { ineligible = true }
            if category == .timing && severity == .error { closed = true }
            if severity >= .error { blocked = true }
            if worstFailure.map({ severity > $0 }) ?? true { worstFailure = severity }
        }

        public var status: ProgramStatus { ineligible ? .ineligible : closed ? .closed : blocked ? .notReady : .ready }
    }
}

/// Builds the summary one program at a time, so a catalog of any size is never held whole:
/// status counts, what to fix first across programs, and what it all costs (docs/reports.md,
/// "Fix first and fees").
struct ReportSummaryBuilder {
    let failOn: Severity?
    /// Whether the facts to add are gathered (`CheckEvents.readsNeededFacts`).
    let gathersNeededFacts: Bool
    private var counts: [ProgramStatus: Int] = [:]
    private var items: [String: CrossProgramItem] = [:]
    private var fees: [String: (amount: Decimal, programs: Int)] = [:]
    private var uncounted: [String: (amount: Decimal, programs: [String])] = [:]
    private var blocking = false
    private var facts = Set<NeededFact>()
    private var waitingResults = 0

    init(failOn: Severity?, gathersNeededFacts: Bool = true) {
        self.failOn = failOn
        self.gathersNeededFacts = gathersNeededFacts
    }

    mutating func add(_ program: ProgramResult) {
        counts[program.status, default: 0] += 1
        // The results are read in place, by index: a `for … in` or a `filter` copied each one
        // (a dozen references to retain and release), for every requirement of every program.
        let results = program.requirements
        for index in results.indices where gathersNeededFacts {
            let needed = results[index].neededFacts
            if !needed.isEmpty { waitingResults += 1 }
            facts.formUnion(needed)
        }
        if let failOn, !blocking { blocking = results.indices.contains { results[$0].blocks(at: failOn) } }
        // Only a not-ready program can be made ready by fixing documents; an ineligible or closed
        // one cannot, whatever is fixed.
        if program.status == .notReady {
            // Every result that blocks counts when deciding what is the only blocker: an
            // undecided eligibility rule blocks as much as a missing document does.
            var blockers = 0
            for index in results.indices where results[index].blocks(at: .error) { blockers += 1 }
            for index in results.indices where results[index].blocks(at: .error) && results[index].category == .document {
                let id = results[index].id
                items[id, default: CrossProgramItem(key: id, title: results[index].title, documentTypes: results[index].documentTypes,
                                                   programs: [], soleBlockerOf: [])].programs.append(program.id)
                if blockers == 1 { items[id]!.soleBlockerOf.append(program.id) }
            }
        }
        // The totals are what applying costs: a program that cannot be applied to now is listed apart.
        let canApply = program.status == .ready || program.status == .notReady
        // Each currency once, found in place (a set of them was made for every program).
        let programFees = program.fees
        for index in programFees.indices where !programFees[..<index].contains(where: { $0.currency == programFees[index].currency }) {
            let currency = programFees[index].currency
            if canApply {
                fees[currency, default: (0, 0)].programs += 1
            } else {
                uncounted[currency, default: (0, [])].programs.append(program.id)
            }
        }
        for fee in programFees {
            if canApply { fees[fee.currency]!.amount += fee.amount } else { uncounted[fee.currency]!.amount += fee.amount }
        }
    }

    /// A program decided without its results (`CheckEvents.readsResults`): its status is counted,
    /// and whether it blocks; there is nothing to gather for the rest of the summary.
    mutating func add(_ program: ProgramStatus.Tally) {
        counts[program.status, default: 0] += 1
        if let failOn, !blocking, let worst = program.worstFailure { blocking = worst >= failOn }
    }

    /// Items blocking the most programs first, then those that alone block the most, then by id.
    func build() -> ReportSummary {
        let ranked = items.values.sorted {
            ($0.programs.count, $0.soleBlockerOf.count, $1.key) > ($1.programs.count, $1.soleBlockerOf.count, $0.key)
        }
        let totals = fees.keys.sorted().map { FeeTotal(currency: $0, amount: fees[$0]!.amount, programs: fees[$0]!.programs) }
        let apart = uncounted.keys.sorted().map {
            UncountedFeeTotal(currency: $0, amount: uncounted[$0]!.amount, programs: uncounted[$0]!.programs)
        }
        var summary = ReportSummary(statusCounts: counts, crossProgram: ranked, fees: totals, feesNotCounted: apart, blocking: blocking)
        summary.neededFacts = NeededFacts(facts: facts.sorted(), requirements: waitingResults)
        return summary
    }
}
