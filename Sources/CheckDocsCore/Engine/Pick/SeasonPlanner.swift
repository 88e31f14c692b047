import Foundation

/// `pick --plan`: an exact search over the sessions that fit for the set that scores best
/// (docs/pick.md, "The plan"). Objective, maximized:
///
///     sum of the chosen sessions' scores
///   + residencyBonus for each target residency USCE rule met by its program's deadline (else the application day)
///   + varietyBonus for each specialty beyond the first, while exploring
///
/// subject to: no two sessions overlap (a day apart at least), at most one session per program,
/// at most `maxBlocks` sessions, every session inside the availability (already a condition of
/// fitting), and the total in the budget's currency within the budget. Among plans of equal value
/// the first found is kept: children are tried best first, then earliest.
public struct SeasonPlanner: Sendable {
    public static let maxBlocks = 6
    public static let maxCandidates = 600
    public static let maxNodes = 2_000_000
    public static let residencyBonus = 10.0
    public static let varietyBonus = 1.0
    /// The most that merging one session with the days already counted adds beyond the session's
    /// own months, for the bound: calendar months are not additive (Feb 20 – Mar 10 and Mar 11 – 31
    /// are 0.68 + 0.68, together 1.39). Measured below 0.09; USCECountingTests holds it.
    public static let mergeAllowance = 0.25

    public let scorer: SessionScorer

    public init(scorer: SessionScorer) { self.scorer = scorer }

    var goals: ApplicantGoals { scorer.goals }

    public static let objective = "the sum of the sessions' scores, plus \(Int(residencyBonus)) for each target residency USCE rule met by its program's deadline (else the application day), plus \(Int(varietyBonus)) for each specialty beyond the first while exploring; no overlaps, one session per program, at most \(maxBlocks) sessions, within availability and budget"

    public func plan(_ all: [PickCandidate]) -> SeasonPlan {
        // Only dated sessions that fit can be placed; the best first, so that the search finds
        // good plans early and the bound prunes more.
        var pool = all.filter { $0.fits && $0.rotation != nil }
        pool.sort { ($0.rotation!.start, -$0.score, $0.programID) < ($1.rotation!.start, -$1.score, $1.programID) }
        if pool.count > Self.maxCandidates { pool = Array(pool.sorted { ($0.score, $1.key) > ($1.score, $0.key) }.prefix(Self.maxCandidates)).sorted { $0.rotation!.start < $1.rotation!.start } }
        let currency = goals.budget?.currency
        let limit = goals.budget?.total
        let days = scorer.residency.map { scorer.day(for: $0) }
        let rules = scorer.residency
        // The parts USCECheck counts (USCECounting.swift): the manifest's proven stints per rule, and
        // each candidate's part per rule; a plan's months merge them, so a day counts once.
        let stints = scorer.evaluator.context.profile.usce ?? []
        let proven: [[ClosedRange<CalendarDate>]] = rules.indices.map { r in
            days[r].map { rules[r].rule.parts(of: stints, at: $0, asOf: scorer.asOf, certificates: scorer.certificates).proven } ?? []
        }
        let parts: [[ClosedRange<CalendarDate>?]] = pool.map { candidate in
            rules.indices.map { r in days[r].flatMap { day in SessionScorer.planned(candidate).flatMap { rules[r].rule.part(of: $0, at: day) } } }
        }
        func months(_ r: Int, _ chosen: [Int]) -> Double {
            days[r] == nil ? 0 : USCECheck.months(in: proven[r] + chosen.compactMap { parts[$0][r] })
        }
        let already = rules.indices.map { months($0, []) }
        // Months each candidate counts on its own, for the bound.
        let adds: [[Double]] = parts.map { row in row.map { $0.map { USCECheck.months(from: $0.lowerBound, through: $0.upperBound) } ?? 0 } }
        let spend: [Decimal] = pool.map { candidate in currency.flatMap { candidate.cost.amounts[$0] } ?? 0 }
        // While exploring, several specialties are the point (docs/pick.md, "The plan").
        let exploring = goals.stage == .exploring
        let specialtyOf = pool.map { $0.specialty.map(USCECheck.normalized) }
        func variety(_ chosen: [Int]) -> Double {
            guard exploring else { return 0 }
            let kinds = Set(chosen.compactMap { specialtyOf[$0] })
            return Double(max(0, kinds.count - 1)) * Self.varietyBonus
        }
        func value(_ chosen: [Int]) -> Double {
            var total = chosen.reduce(0) { $0 + pool[$1].score } + variety(chosen)
            for (r, rule) in rules.enumerated() {
                if months(r, chosen) >= rule.rule.minMonths - USCECheck.tolerance { total += Self.residencyBonus }
            }
            return total
        }

        // For the bound: from each index on, the best score of each program (at most 2 × maxBlocks
        // programs kept, so that the chosen ones can be skipped), and per residency rule the most
        // months `maxBlocks` sessions could add.
        let programIDs = Array(Set(pool.map(\.programID))).sorted()
        let programOf = pool.map { candidate in programIDs.firstIndex(of: candidate.programID)! }
        let keep = 2 * Self.maxBlocks
        var suffixBest = Array(repeating: [(program: Int, score: Double)](), count: pool.count + 1)
        var suffixAdds = Array(repeating: Array(repeating: [Double](), count: rules.count), count: pool.count + 1)
        for index in stride(from: pool.count - 1, through: 0, by: -1) {
            var top = suffixBest[index + 1]
            let score = max(0, pool[index].score)
            if let at = top.firstIndex(where: { $0.program == programOf[index] }) {
                if top[at].score < score { top[at].score = score }
            } else {
                top.append((programOf[index], score))
            }
            top.sort { ($0.score, $1.program) > ($1.score, $0.program) }
            if top.count > keep { top.removeLast(top.count - keep) }
            suffixBest[index] = top
            for r in rules.indices {
                var months = suffixAdds[index + 1][r]
                if adds[index][r] > 0 {
                    months.append(adds[index][r])
                    months.sort(by: >)
                    if months.count > Self.maxBlocks { months.removeLast() }
                }
                suffixAdds[index][r] = months
            }
        }

        // A second bound, aware of time: the most that k sessions that do not overlap can score
        // from index i on (programs and budget aside), by the weighted-interval recurrence
        // most[i][k] = max(most[i + 1][k], score(i) + most[first after i's end][k - 1]).
        func firstStarting(after day: CalendarDate, from: Int) -> Int {
            var low = from, high = pool.count
            while low < high {
                let middle = (low + high) / 2
                if pool[middle].rotation!.start > day { high = middle } else { low = middle + 1 }
            }
            return low
        }
        let following = pool.indices.map { firstStarting(after: pool[$0].rotation!.end, from: $0 + 1) }
        var most = Array(repeating: Array(repeating: 0.0, count: Self.maxBlocks + 1), count: pool.count + 1)
        for index in stride(from: pool.count - 1, through: 0, by: -1) {
            for k in 1...Self.maxBlocks {
                most[index][k] = max(most[index + 1][k], max(0, pool[index].score) + most[following[index]][k - 1])
            }
        }

        var best: [Int] = []
        var bestValue = value([])
        var bestCost: Decimal = 0
        var nodes = 0
        var complete = true
        var chosen: [Int] = []
        var programs = Set<Int>()
        var chosenScore = 0.0

        /// Higher value; then cheaper; then the earlier sessions.
        func better(_ value: Double, _ cost: Decimal) -> Bool {
            if value > bestValue + 1e-9 { return true }
            guard abs(value - bestValue) <= 1e-9 else { return false }
            if cost != bestCost { return cost < bestCost }
            return chosen.lexicographicallyPrecedes(best)
        }

        func search(from start: Int, spent: Decimal) {
            nodes += 1
            if nodes > Self.maxNodes { complete = false; return }
            let current = value(chosen)
            if better(current, spent) { best = chosen; bestValue = current; bestCost = spent }
            guard chosen.count < Self.maxBlocks, start < pool.count else { return }
            // Bound: the remaining slots filled by the best score of each program not yet chosen, or
            // by the best sessions that do not overlap, whichever is less; and every rule that the
            // months left could still meet met (adding never unmeets a rule).
            let slots = Self.maxBlocks - chosen.count
            var rest = 0.0, filled = 0
            for entry in suffixBest[start] where filled < slots && !programs.contains(entry.program) {
                rest += entry.score
                filled += 1
            }
            // A rule not yet met counts only if the best months left could still meet it.
            var bonuses = 0.0
            for r in rules.indices {
                // Calendar months are not quite additive: merging a session with what is counted can
                // give up to `mergeAllowance` more than its own months (USCECountingTests).
                let best = suffixAdds[start][r].prefix(slots)
                let reachable = months(r, chosen) + best.reduce(0, +) + Double(best.count) * Self.mergeAllowance
                if reachable >= rules[r].rule.minMonths - USCECheck.tolerance { bonuses += Self.residencyBonus }
            }
            let first = chosen.last.map { firstStarting(after: pool[$0].rotation!.end, from: start) } ?? start
            // Each slot left could bring one more specialty; never more than the plan can hold.
            let moreVariety = exploring ? Double(slots) * Self.varietyBonus : 0
            let bound = chosenScore + variety(chosen) + min(rest, most[first][slots]) + bonuses + moreVariety
            // Only a strictly better plan is looked for: plans of equal value are many (a program's
            // sessions often score alike), and the first found (best first, then earliest) is kept.
            if bound <= bestValue + 1e-9 { return }
            // The children: sessions after the last one chosen, best first, so good plans come early.
            let after = chosen.last.map { pool[$0].rotation!.end }
            var children: [Int] = []
            for next in start..<pool.count where !programs.contains(programOf[next]) {
                if let after, pool[next].rotation!.start <= after { continue }
                if let limit, spent + spend[next] > limit { continue }
                children.append(next)
            }
            children.sort { (pool[$0].score, $1) > (pool[$1].score, $0) }
            for next in children {
                chosen.append(next); programs.insert(programOf[next]); chosenScore += pool[next].score
                search(from: next + 1, spent: spent + spend[next])
                chosen.removeLast(); programs.remove(programOf[next]); chosenScore -= pool[next].score
                if !complete { return }
            }
        }
        search(from: 0, spent: 0)

        let blocks = best.map { pool[$0] }
        var total = PickCost()
        for block in blocks {
            for (currency, amount) in block.cost.amounts { total.add(amount, currency) }
            // A session with an unknown fee leaves the plan's total unknown by as much: said, not 0;
            // so does anything else it could not count, each named once with its program.
            if block.cost.feeUnknown { total.feeUnknown = true }
            for item in block.cost.uncounted { total.uncounted.append("\(block.programID): \(item)") }
        }
        // Programs that fit but give no dates: named by the plan, and weighed by each rule not met.
        let undatedFitting = all.filter { $0.fits && $0.rotation == nil }
        let outcomes = rules.enumerated().map { r, rule -> ResidencyOutcome in
            let before = already[r]
            let with = months(r, best)
            let met = with >= rule.rule.minMonths - USCECheck.tolerance
            var words: String
            let by = rule.deadline.map { "\($0) (its deadline)" } ?? days[r].map(\.description) ?? ""
            if days[r] == nil {
                words = "no deadline, and no Match year or applyBy in your goals: the rule cannot be aimed at"
            } else if before >= rule.rule.minMonths - USCECheck.tolerance {
                words = "already met by your experience"
            } else if met {
                let helping = best.filter { parts[$0][r] != nil }.map { pool[$0].programID }
                words = "met with \(helping.joined(separator: ", "))"
            } else {
                words = "not met: \(USCECheck.format(with)) of \(USCECheck.format(rule.rule.minMonths)) months by \(by); no set of fitting sessions in your availability and budget gives more"
                // Programs that fit but give no dates could (hands-on ones, for a hands-on rule): then
                // it is undecided, not out of reach.
                let undated = Set(undatedFitting.filter { candidate in
                    !rule.rule.handsOn || (candidate.handsOn.map { $0 != .observation } ?? true)
                }.map(\.programID)).count
                if undated > 0 {
                    words += ", though \(Plural.count(undated, "fitting program")) that give\(undated == 1 ? "s" : "") no dates might (ask them for dates)"
                }
            }
            return ResidencyOutcome(programID: rule.programID, rule: rule.rule.title, monthsBefore: before, monthsWithPlan: with,
                                    minMonths: rule.rule.minMonths, met: met, words: words)
        }
        var plan = SeasonPlan(objective: Self.objective, blocks: blocks, total: total, value: bestValue, residency: outcomes,
                              rejected: rejected(pool: pool, chosen: best, spent: bestCost), candidatesSearched: pool.count, nodes: nodes,
                              complete: complete)
        plan.undated = Array(Set(undatedFitting.map(\.programID))).sorted()
        return plan
    }

    /// The best sessions left out (one per program), each with the reason in words.
    func rejected(pool: [PickCandidate], chosen: [Int], spent: Decimal) -> [(candidate: PickCandidate, reason: String)] {
        let blocks = chosen.map { pool[$0] }
        let inPlan = Set(blocks.map(\.programID))
        var seen = Set<String>()
        var result: [(candidate: PickCandidate, reason: String)] = []
        for candidate in pool.sorted(by: { ($0.score, $1.key) > ($1.score, $0.key) }) where !inPlan.contains(candidate.programID) {
            guard seen.insert(candidate.programID).inserted else { continue }
            let rotation = candidate.rotation!
            // Every session of the plan it overlaps is named: one alone may not be what keeps it out.
            let overlaps = blocks.filter { $0.rotation!.start <= rotation.end && rotation.start <= $0.rotation!.end }
            if let strongest = overlaps.max(by: { ($0.score, $1.key) < ($1.score, $0.key) }) {
                let named = overlaps.map { "\($0.programID) (\($0.rotation!.start) to \($0.rotation!.end))" }
                result.append((candidate, "overlaps \(named.joined(separator: " and ")); " + compare(candidate, with: strongest)))
            } else if let currency = goals.budget?.currency, let limit = goals.budget?.total,
                      spent + (candidate.cost.amounts[currency] ?? 0) > limit {
                result.append((candidate, "with the plan it would cost \(currency) \(PickCost.format(spent + (candidate.cost.amounts[currency] ?? 0))), over your budget of \(currency) \(PickCost.format(limit))"))
            } else if blocks.count >= Self.maxBlocks {
                result.append((candidate, "the plan already has \(Self.maxBlocks) sessions"))
            } else {
                result.append((candidate, "adding it lowers the plan's value: " + compare(candidate, with: blocks.max(by: { $0.score < $1.score }))))
            }
            if result.count == 5 { break }
        }
        return result
    }

    /// "cheaper, but observation only": what the left-out session has for it, and what against.
    func compare(_ candidate: PickCandidate, with other: PickCandidate?) -> String {
        guard let other else { return "scores \(Self.points(candidate.score))" }
        var pro: [String] = []
        var con: [String] = []
        let currency = goals.budget?.currency ?? "USD"
        // Compared only when both are known in full, in the budget's currency: a part not
        // converted, or a fee not stated, is unknown, and unknown is never cheaper.
        func known(_ cost: PickCost) -> Decimal? {
            cost.feeUnknown || cost.amounts.keys.contains { $0 != currency } ? nil : cost.amounts[currency]
        }
        if let a = known(candidate.cost), let b = known(other.cost) {
            if a < b { pro.append("cheaper (\(currency) \(PickCost.format(a)) against \(PickCost.format(b)))") }
            if a > b { con.append("dearer (\(currency) \(PickCost.format(a)) against \(PickCost.format(b)))") }
        }
        // For or against as the applicant's own preference weighs it (the handsOn factor), not
        // in a fixed order: observation is a plus for one who prefers it.
        if let a = candidate.handsOn, let b = other.handsOn, a != b,
           let mine = candidate.factors.first(where: { $0.name == "handsOn" }), let theirs = other.factors.first(where: { $0.name == "handsOn" }) {
            if mine.points < theirs.points - 1e-9 { con.append(a.words) } else if mine.points > theirs.points + 1e-9 { pro.append(a.words) }
        }
        for factor in candidate.factors where !["cost", "handsOn"].contains(factor.name) {
            guard let theirs = other.factors.first(where: { $0.name == factor.name }) else { continue }
            if factor.points < theirs.points - 1e-9 { con.append("\(factor.name): \(factor.words)") }
        }
        let scores = "scores \(Self.points(candidate.score)) against \(Self.points(other.score))"
        if pro.isEmpty && con.isEmpty { return scores }
        return [pro.joined(separator: ", "), con.isEmpty ? "" : (pro.isEmpty ? "" : "but ") + con.joined(separator: ", ")]
            .filter { !$0.isEmpty }.joined(separator: ", ") + " (\(scores))"
    }

    public static func points(_ value: Double) -> String { String(format: "%.2f", value) }
}
