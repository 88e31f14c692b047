import Testing
@testable import CheckDocsCore

/// `USCECheck.count`, the one place US clinical experience is counted for `check` and `pick`
/// (docs/programs.md, "`usce`"; docs/pick.md, "Factors").
@Suite struct USCECountingTests {
    static func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }
    static let day = date("2027-09-01"), asOf = date("2026-12-01")

    @Test("pick's hands-on levels are stint kinds: hands-on and limited (an externship) count for handsOn=\"true\", observation and an unstated level do not")
    func handsOnLevels() {
        let rule = USCECheck(minMonths: 1, handsOn: true)
        func months(_ level: ChoosingFacts.HandsOn?) -> Double {
            let session = SessionScorer.planned(Rotation(start: Self.date("2027-03-01"), end: Self.date("2027-03-31")), handsOn: level, specialty: nil)!
            return rule.count([], planned: [session], at: Self.day, asOf: Self.asOf, certificates: [:]).months
        }
        #expect(ChoosingFacts.HandsOn.limited.stintKind == .externship)
        #expect(months(.handsOn) == 1 && months(.limited) == 1)
        #expect(months(.observation) == 0 && months(nil) == 0)
    }

    @Test("a rule's specialties are compared whole: General Surgery is not surgery, but family-medicine is Family Medicine")
    func specialtiesWhole() {
        func months(_ rule: String, _ session: String) -> Double {
            let planned = USCECheck.PlannedStint(start: Self.date("2027-03-01"), end: Self.date("2027-03-31"), kind: .handsOn, specialty: session)
            return USCECheck(minMonths: 1, specialties: [rule]).count([], planned: [planned], at: Self.day, asOf: Self.asOf, certificates: [:]).months
        }
        #expect(months("surgery", "General Surgery") == 0)
        #expect(months("general-surgery", "General Surgery") == 1)
        #expect(months("family-medicine", "Family Medicine") == 1)
    }

    @Test("a stint without its certificate is not proven; days after the as-of date never count; a planned session over counted days adds only the new ones")
    func provenAndMerged() {
        let rule = USCECheck(minMonths: 3)
        let certificate = FilePath("c.pdf")
        let going = ClinicalExperience(kind: .externship, start: Self.date("2026-10-01"), end: Self.date("2027-01-31"), certificate: certificate)
        let counted = rule.count([going], at: Self.day, asOf: Self.asOf, certificates: [certificate: String?.none])
        #expect(abs(counted.months - USCECheck.months(from: Self.date("2026-10-01"), through: Self.asOf)) < 1e-12)
        let unproven = rule.count([going], at: Self.day, asOf: Self.asOf, certificates: [:])
        #expect(unproven.months == 0 && unproven.possibleMonths == counted.months)
        let session = USCECheck.PlannedStint(start: Self.date("2026-11-01"), end: Self.date("2026-12-31"), kind: .handsOn, specialty: nil)
        let merged = rule.count([going], planned: [session], at: Self.day, asOf: Self.asOf, certificates: [certificate: String?.none])
        #expect(abs(merged.months - 3) < 1e-12)
    }

    @Test("merging a session with days already counted adds at most SeasonPlanner.mergeAllowance beyond its own months, so the plan's bound holds")
    func mergeAllowance() {
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let base = Self.date("2027-01-01")
        var worst = 0.0
        for _ in 0..<20_000 {
            let counted = (0..<next(6)).map { _ in let start = base.adding(days: next(500)); return start...start.adding(days: next(90)) }
            let start = base.adding(days: next(500))
            let session = start...start.adding(days: next(120))
            let extra = USCECheck.months(in: counted + [session]) - USCECheck.months(in: counted)
                - USCECheck.months(from: session.lowerBound, through: session.upperBound)
            worst = max(worst, extra)
        }
        #expect(worst > 0, "calendar months are not additive, so the allowance is needed")
        #expect(worst <= SeasonPlanner.mergeAllowance)
    }
}
