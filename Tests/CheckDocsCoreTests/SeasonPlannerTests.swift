import Foundation
import Testing
@testable import CheckDocsCore

/// `pick --plan`'s search is exact: on small random instances it finds the value a brute-force
/// enumeration of every allowed set finds (docs/pick.md, "The plan").
@Suite struct SeasonPlannerTests {
    /// A deterministic generator, so that a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func scorer(budget: Decimal?, rule: USCECheck?, exploring: Bool = false) -> SessionScorer {
        let context = EvaluationContext(asOf: CalendarDate(iso: "2026-12-01")!, profile: ApplicantProfile(), hasManifest: true,
                                        catalog: DocumentCatalog(types: []), documents: [])
        var goals = ApplicantGoals()
        goals.matchYear = 2028
        if exploring { goals.stage = .exploring }
        goals.budget = budget.map { ApplicantGoals.Budget(total: $0, currency: "USD") }
        let residency = rule.map { [ResidencyRule(programID: "res", programName: "Residency", rule: $0)] } ?? []
        return SessionScorer(evaluator: ProgramEvaluator(context: context), goals: goals, weights: PickWeights(), residency: residency)
    }

    static func candidates(_ generator: inout Generator, count: Int) -> [PickCandidate] {
        (0..<count).map { index in
            let start = CalendarDate(iso: "2027-01-04")!.adding(days: 7 * generator.next(30))
            let weeks = [2, 4, 8, 12][generator.next(4)]
            var candidate = PickCandidate(programID: "p\(generator.next(max(2, count / 2)))", name: "P", institution: nil, kind: .externship,
                                          specialty: ["Surgery", "Pediatrics", nil][generator.next(3)], handsOn: [.observation, .limited, .handsOn][generator.next(3)],
                                          source: Provenance(href: "https://example.org", asOf: CalendarDate(iso: "2026-10-01")!),
                                          rotation: Rotation(start: start, end: start.adding(days: weeks * 7 - 1)), weeks: weeks,
                                          readyBy: CalendarDate(iso: "2026-12-01")!)
            candidate.cost.add(Decimal(generator.next(5) * 500), "USD")
            candidate.factors = [PickFactor(name: "specialty", value: Double(generator.next(100)) / 100, weight: 3, words: "")]
            _ = index
            return candidate
        }
    }

    /// Every allowed set, its value by the objective, the best one's value.
    static func bruteForce(_ pool: [PickCandidate], scorer: SessionScorer) -> Double {
        let sorted = pool.sorted { $0.rotation!.start < $1.rotation!.start }
        let day = scorer.goals.applicationDay!
        var best = 0.0
        func value(_ chosen: [PickCandidate]) -> Double {
            var total = chosen.reduce(0) { $0 + $1.score }
            if scorer.goals.stage == .exploring {
                total += Double(max(0, Set(chosen.compactMap(\.specialty)).count - 1)) * SeasonPlanner.varietyBonus
            }
            for rule in scorer.residency {
                let months = scorer.count(rule.rule, planned: chosen.compactMap(SessionScorer.planned), day: day)
                if months >= rule.rule.minMonths - 1e-9 { total += SeasonPlanner.residencyBonus }
            }
            return total
        }
        func walk(_ from: Int, _ chosen: [PickCandidate], _ spent: Decimal) {
            best = max(best, value(chosen))
            guard chosen.count < SeasonPlanner.maxBlocks else { return }
            for index in from..<sorted.count {
                let next = sorted[index]
                if let last = chosen.last, next.rotation!.start <= last.rotation!.end { continue }
                if chosen.contains(where: { $0.programID == next.programID }) { continue }
                let total = spent + (next.cost.amounts["USD"] ?? 0)
                if let limit = scorer.goals.budget?.total, total > limit { continue }
                walk(index + 1, chosen + [next], total)
            }
        }
        walk(0, [], 0)
        return best
    }

    @Test("on 60 random instances of up to 14 sessions, with and without a budget, a residency rule and exploring's variety, the plan's value is the brute-force best",
          arguments: 0..<60)
    func exact(seed: Int) {
        var generator = Generator(state: UInt64(seed) &+ 12345)
        let pool = Self.candidates(&generator, count: 6 + generator.next(9))
        let budget: Decimal? = seed % 2 == 0 ? Decimal(1000 + generator.next(4) * 500) : nil
        let rule: USCECheck? = seed % 3 == 0 ? USCECheck(minMonths: Double(1 + generator.next(4)), handsOn: true) : nil
        let scorer = Self.scorer(budget: budget, rule: rule, exploring: seed % 5 == 1)
        let plan = SeasonPlanner(scorer: scorer).plan(pool)
        #expect(plan.complete)
        #expect(abs(plan.value - Self.bruteForce(pool, scorer: scorer)) < 1e-9, "seed \(seed)")
        // And the plan itself obeys the constraints.
        for (a, b) in zip(plan.blocks, plan.blocks.dropFirst()) { #expect(a.rotation!.end < b.rotation!.start) }
        #expect(Set(plan.blocks.map(\.programID)).count == plan.blocks.count)
        if let budget { #expect((plan.total.amounts["USD"] ?? 0) <= budget) }
    }
}
