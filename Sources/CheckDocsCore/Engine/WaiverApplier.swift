/// Applies waivers to each evaluated program, after evaluation and before the result is handed on
/// to reporters. A waiver turns a *failing* requirement result into `waived`, keeping its original
/// status and message, then the program's status is worked out again from its results.
///
/// - A waiver applies through its `expires` date; an expired one is reported and never applied.
/// - `program: "*"` waives a document requirement in every program. Eligibility rules and the
///   `deadline` rule are waived only by a waiver that names the program: an exception to who may
///   apply, or to a closed deadline, is one program's decision.
/// - A waiver that matched no failing requirement in the whole check is reported as unused.
/// - Waivers only touch findings: input errors are never waived (exit 2 stays 2).
public struct WaiverApplier: Sendable {
    /// Waivers in effect on the as-of date.
    private let active: [Waiver]
    private let expired: [Waiver]
    private var used: Set<Int> = []
    private var applied = 0

    /// Whether no waiver is in effect: no result can be waived.
    var waivesNothing: Bool { active.isEmpty }

    public init(_ waivers: [Waiver], asOf: CalendarDate) {
        active = waivers.filter { $0.expires >= asOf }
        expired = waivers.filter { $0.expires < asOf }
    }

    /// The program with every matching failure waived and its status recomputed.
    public mutating func apply(_ program: ProgramResult) -> ProgramResult {
        let (result, matched) = waive(program)
        record(matched)
        return result
    }

    /// `apply` without the bookkeeping, so it can run on any thread: the waived program and the
    /// waivers it used, one entry per waived requirement, to `record` in order.
    public func waive(_ program: ProgramResult) -> (ProgramResult, [Int]) {
        guard !active.isEmpty else { return (program, []) }
        var result = program
        var matched: [Int] = []
        for index in result.requirements.indices {
            let requirement = result.requirements[index]
            guard requirement.status.isFailure,
                  let match = active.indices.first(where: { matches(active[$0], requirement, program: program.id) })
            else { continue }
            let waiver = active[match]
            matched.append(match)
            result.requirements[index].waiver = AppliedWaiver(originalStatus: requirement.status, reason: waiver.reason,
                                                              expires: waiver.expires, location: waiver.location)
            result.requirements[index].status = .waived
        }
        if !matched.isEmpty { result.status = ProgramStatus(result.requirements) }
        return (result, matched)
    }

    /// Counts the waivers one program used (from `waive`).
    public mutating func record(_ matched: [Int]) {
        used.formUnion(matched)
        applied += matched.count
    }

    private func matches(_ waiver: Waiver, _ requirement: RequirementResult, program: String) -> Bool {
        guard waiver.requirement == requirement.id else { return false }
        if let id = waiver.program { return id == program }
        return requirement.category == .document
    }

    /// What the waivers did over the whole check.
    public var summary: WaiverSummary {
        WaiverSummary(applied: applied, expired: expired,
                      unused: active.indices.filter { !used.contains($0) }.map { active[$0] })
    }
}
