import Foundation

/// A target residency program's USCE rule, as the plan aims to meet it.
public struct ResidencyRule: Hashable, Sendable {
    public var programID: String
    public var programName: String
    public var rule: USCECheck
    /// The residency program's own deadline: the rule must be met by then (docs/pick.md, "The plan").
    public var deadline: CalendarDate? = nil
}

/// Weighs one session of one program for the applicant: fit or not (and why), when they can be
/// ready, what it costs, and each factor's contribution (docs/pick.md).
public struct SessionScorer: Sendable {
    public let evaluator: ProgramEvaluator
    public let goals: ApplicantGoals
    public let weights: PickWeights
    public let residency: [ResidencyRule]
    /// The folder's USCE certificates, read once: a stint counts only when proven, as in `check`.
    let certificates: [FilePath: String?]

    public init(evaluator: ProgramEvaluator, goals: ApplicantGoals, weights: PickWeights, residency: [ResidencyRule]) {
        self.evaluator = evaluator
        self.goals = goals
        self.weights = weights
        self.residency = residency
        self.certificates = USCECheck.certificates(in: evaluator.context)
    }

    var asOf: CalendarDate { evaluator.context.asOf }

    /// The day a target's USCE rule is counted at: its program's deadline, else the application day.
    public func day(for target: ResidencyRule) -> CalendarDate? { target.deadline ?? goals.applicationDay }
    var catalog: DocumentCatalog { evaluator.context.catalog }

    /// Every session not yet begun (or the program's one rotation), weighed.
    public func candidates(_ program: ResolvedProgram) -> [PickCandidate] {
        let rotations: [Rotation?]
        if let sessions = program.description.sessions {
            rotations = sessions.rotations.filter { $0.start > asOf }
        } else {
            rotations = [program.description.rotation]
        }
        let count = rotations.count
        return rotations.map { rotation in
            var candidate = weigh(program, rotation: rotation)
            candidate.sessionCount = count
            return candidate
        }
    }

    func weigh(_ program: ResolvedProgram, rotation: Rotation?) -> PickCandidate {
        let description = program.description
        let result = evaluator.evaluate(program, rotation: rotation)
        let weeks = description.sessions?.weeks ?? rotation.map { ($0.start.days(until: $0.end) + 7) / 7 } ?? description.facts.weeks
        var candidate = PickCandidate(programID: program.id, name: description.name, institution: description.institution,
                                      kind: description.kind, specialty: description.specialty, handsOn: description.facts.handsOn,
                                      source: description.source, rotation: rotation, weeks: weeks, readyBy: asOf,
                                      applyBy: result.effectiveDeadline ?? rotation?.start)
        // Eligibility and timing.
        switch result.status {
        case .ineligible:
            for failure in result.requirements where failure.category == .eligibility && failure.status == .ineligible && failure.severity == .error {
                candidate.exclusions.append("not eligible: \(failure.message)")
            }
        case .closed:
            for failure in result.requirements where failure.category == .timing && failure.status.isFailure {
                candidate.exclusions.append(failure.message.hasPrefix("closed") ? failure.message : "closed: \(failure.message)")
            }
        default: break
        }
        for undecided in result.requirements where undecided.category == .eligibility && undecided.status == .notEvaluable {
            candidate.undecided.append("\(undecided.title): \(undecided.message)")
        }
        if let rotation, rotation.start <= asOf { candidate.exclusions.append("already begun (\(rotation.start))") }
        if let rotation, !goals.availability.isEmpty, !goals.availability.contains(where: { $0.contains(rotation) }) {
            candidate.exclusions.append("\(rotation.start) to \(rotation.end) is outside your availability")
        }
        // What must still be obtained, and how long it takes: obtained side by side, the latest
        // decides. A document that must be dated on or after a day to come (a TB test within 90
        // days before the start) is begun that day, not today (docs/pick.md, "Readiness").
        var latest: (item: PickItem, from: CalendarDate, ready: CalendarDate)?
        for item in result.requirements where item.category == .document && item.blocks(at: .error) {
            // A document that is there but cannot be decided (what it states is not recorded) is
            // a fact to record, as `plan` lists it: nothing to obtain, no lead time.
            if item.status == .notEvaluable {
                candidate.undecided.append("\(item.title): \(item.message)")
                continue
            }
            let days = leadDays(item.documentTypes)
            let picked = PickItem(requirement: item.id, title: item.title, leadDays: days)
            candidate.missing.append(picked)
            let from = max(asOf, item.window?.earliest ?? asOf)
            let ready = from.adding(days: days)
            if latest.map({ ready > $0.ready }) ?? true { latest = (picked, from, ready) }
        }
        candidate.readyBy = latest?.ready ?? asOf
        if let applyBy = candidate.applyBy, let latest, latest.ready > applyBy {
            let begun = latest.from > asOf ? "can be dated only from \(latest.from) and " : ""
            candidate.exclusions.append("cannot be ready in time: ready about \(latest.ready), after the apply-by date \(applyBy): "
                                        + "\(Self.inSentence(latest.item.title)) \(begun)takes about \(latest.item.leadDays) days")
        }
        candidate.cost = cost(description, weeks: weeks, months: rotation.map(Self.monthsBegun))
        if let budget = goals.budget, let spent = candidate.cost.amounts[budget.currency], spent > budget.total {
            candidate.exclusions.append("costs \(budget.currency) \(PickCost.format(spent)), over your budget of \(budget.currency) \(PickCost.format(budget.total))")
        }
        candidate.factors = factors(candidate, description: description)
        return candidate
    }

    /// Fees by their period, and living costs: the program's estimate, else the budget's. A
    /// program with no `<fee>` has an unknown fee (a free one is written as amount 0), and living
    /// costs of a session of unknown length are not counted: both are said.
    func leadDays(_ types: [String]) -> Int { catalog.leadDays(types, profile: evaluator.context.profile, asOf: asOf) }

    /// A title inside a sentence: its first letter lowered, unless its first word is an acronym
    /// ("Passport valid…" → "passport valid…"; "USMLE Step 1…" stays).
    static func inSentence(_ title: String) -> String {
        let word = title.prefix { $0 != " " }
        guard let first = word.first, first.isUppercase, !word.dropFirst().contains(where: \.isUppercase) else { return title }
        return first.lowercased() + title.dropFirst()
    }

    /// The calendar months a rotation begins, counted from its first day: 03-01 to 03-31 is one,
    /// 03-15 to 04-14 is one, 03-15 to 04-15 begins a second.
    static func monthsBegun(_ rotation: Rotation) -> Int {
        let (start, end) = (rotation.start, rotation.end)
        let whole = (end.year - start.year) * 12 + (end.month - start.month) - (end.day < start.day ? 1 : 0)
        return max(1, whole + 1)
    }

    /// `months`: the calendar months the rotation begins, when its dates are known; a monthly fee
    /// is charged for each (else for the weeks × 7 ÷ 30 months begun, rounded up).
    func cost(_ description: ProgramDescription, weeks: Int?, months: Int? = nil) -> PickCost {
        var cost = PickCost()
        if description.fees.isEmpty {
            cost.feeUnknown = true
            cost.uncounted.append(PickCost.feeNotStated)
        }
        for fee in description.fees {
            switch fee.per {
            case .once, .rotation: cost.add(fee.amount, fee.currency)
            case .week:
                if let weeks { cost.add(fee.amount * Decimal(weeks), fee.currency) } else { cost.uncounted.append("\(fee.label): per week, length unknown") }
            case .month:
                // A month begun is a month paid.
                if let months = months ?? weeks.map({ ($0 * 7 + 29) / 30 }) {
                    cost.add(fee.amount * Decimal(months), fee.currency)
                } else {
                    cost.uncounted.append("\(fee.label): per month, length unknown")
                }
            }
        }
        if let weeks {
            if let living = description.facts.livingPerWeek {
                cost.add(living * Decimal(weeks), description.facts.livingCurrency)
            } else if let living = goals.budget?.livingPerWeek, let currency = goals.budget?.currency {
                cost.add(living * Decimal(weeks), currency)
            }
        } else if description.facts.livingPerWeek != nil || goals.budget?.livingPerWeek != nil {
            cost.uncounted.append("living costs: length unknown")
        }
        return cost
    }

    func factor(_ name: String, _ value: Double, _ words: String) -> PickFactor {
        PickFactor(name: name, value: value, weight: weights[name], words: words)
    }

    func factors(_ candidate: PickCandidate, description: ProgramDescription) -> [PickFactor] {
        [specialty(description), handsOn(description.facts.handsOn), stage(candidate), residencyFactor(candidate),
         costFactor(candidate.cost), readiness(candidate), letter(description.facts.letter)]
    }

    static func matches(_ specialty: String, _ targets: [String]) -> Bool {
        let own = USCECheck.normalized(specialty)
        return targets.contains { let target = USCECheck.normalized($0); return own.contains(target) || target.contains(own) }
    }

    func specialty(_ description: ProgramDescription) -> PickFactor {
        guard !goals.specialties.isEmpty else { return factor("specialty", 0, "no target specialty in your goals") }
        guard let specialty = description.specialty else { return factor("specialty", 0, "specialty not stated") }
        if Self.matches(specialty, goals.specialties) { return factor("specialty", 1, "\(specialty): your target") }
        if goals.stage == .exploring { return factor("specialty", 0.5, "\(specialty): another specialty to explore") }
        return factor("specialty", 0, "\(specialty): not your target (\(goals.specialties.joined(separator: ", ")))")
    }

    func handsOn(_ level: ChoosingFacts.HandsOn?) -> PickFactor {
        guard let prefer = goals.prefer, prefer != .any else { return factor("handsOn", 0, "no preference in your goals") }
        guard let level else { return factor("handsOn", 0, "hands-on level not stated") }
        switch (prefer, level) {
        case (.handsOn, .handsOn), (.observation, .observation): return factor("handsOn", 1, "\(level.words), as you prefer")
        case (.handsOn, .limited), (.observation, .limited): return factor("handsOn", 0.5, "\(level.words), partly what you prefer")
        case (.handsOn, .observation): return factor("handsOn", 0, "observation only; you prefer hands-on")
        default: return factor("handsOn", 0.5, "\(level.words); you prefer observation")
        }
    }

    func stage(_ candidate: PickCandidate) -> PickFactor {
        guard let stage = goals.stage else { return factor("stage", 0, "no stage in your goals") }
        guard let weeks = candidate.weeks else { return factor("stage", 0, "length unknown") }
        let patientContact = candidate.handsOn.map { $0 != .observation }
        switch stage {
        case .exploring:
            return weeks <= 4 ? factor("stage", 1, "short (\(weeks) weeks): good while exploring")
                : factor("stage", 0.3, "long (\(weeks) weeks) while still exploring")
        case .preparing:
            if patientContact == true, weeks >= 4 { return factor("stage", 1, "\(weeks) weeks with patient contact: builds US clinical experience") }
            if patientContact == false { return factor("stage", 0.3, "observation only: counts little as clinical experience") }
            return factor("stage", 0.5, "\(weeks) weeks\(patientContact == nil ? ", patient contact not stated" : "")")
        case .applying:
            guard let day = goals.applicationDay, let rotation = candidate.rotation else { return factor("stage", 0, "dates unknown") }
            if rotation.end > day { return factor("stage", 0, "ends after applications go in (\(day)): too late for a letter") }
            // Limited supervised tasks are hands-on too, as the residency factor counts them.
            if let level = candidate.handsOn, level != .observation {
                // Close to the Match is best: recent experience and a fresh letter (docs/pick.md, "Factors").
                if rotation.end >= day.adding(months: -6) {
                    return factor("stage", 1, "\(level.words), ends \(rotation.end.days(until: day)) days before applications go in (\(day))")
                }
                return factor("stage", 0.7, "\(level.words), but ends more than 6 months before applications go in (\(day))")
            }
            return factor("stage", 0.4, "ends before applications go in (\(day)), but not hands-on")
        }
    }

    /// A session as the stint it would be for a `usce` rule (nil: no dates).
    static func planned(_ rotation: Rotation?, handsOn: ChoosingFacts.HandsOn?, specialty: String?) -> USCECheck.PlannedStint? {
        rotation.map { USCECheck.PlannedStint(start: $0.start, end: $0.end, kind: handsOn?.stintKind, specialty: specialty) }
    }

    static func planned(_ candidate: PickCandidate) -> USCECheck.PlannedStint? {
        planned(candidate.rotation, handsOn: candidate.handsOn, specialty: candidate.specialty)
    }

    /// The proven months of the manifest's experience and these planned sessions for a rule at
    /// `day`, counted by `USCECheck.count` as `check` counts them.
    func count(_ rule: USCECheck, planned: [USCECheck.PlannedStint], day: CalendarDate) -> Double {
        rule.count(evaluator.context.profile.usce ?? [], planned: planned, at: day, asOf: asOf, certificates: certificates).months
    }

    /// The months the manifest's proven experience already gives a rule at `day`.
    func monthsNow(for rule: USCECheck, day: CalendarDate) -> Double { count(rule, planned: [], day: day) }

    func residencyFactor(_ candidate: PickCandidate) -> PickFactor {
        guard !residency.isEmpty else { return factor("residency", 0, "no residency targets in your goals") }
        var values: [Double] = []
        var words: [String] = []
        for target in residency {
            guard let day = day(for: target) else { words.append("\(target.programID): no deadline, and no Match year or applyBy in your goals"); continue }
            let have = monthsNow(for: target.rule, day: day)
            let short = target.rule.minMonths - have
            guard short > USCECheck.tolerance else { words.append("\(target.programID) already met"); continue }
            // What the session adds to what is proven: a day already counted is not counted again.
            guard let planned = Self.planned(candidate) else {
                values.append(0)
                words.append("no dates, so not counted for \(target.programID)")
                continue
            }
            let adds = count(target.rule, planned: [planned], day: day) - have
            values.append(min(1, adds / short))
            words.append(adds > 0 ? "adds \(USCECheck.format(adds)) of the \(USCECheck.format(short)) months \(target.programID) still needs"
                : "does not count for \(target.programID)")
        }
        let value = values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
        return factor("residency", value, words.joined(separator: "; "))
    }

    func costFactor(_ cost: PickCost) -> PickFactor {
        let others = cost.amounts.keys.filter { $0 != goals.budget?.currency }.sorted()
        let unconverted = others.isEmpty ? "" : "; \(others.map { "\($0) \(PickCost.format(cost.amounts[$0]!))" }.joined(separator: ", ")) not converted"
        // The unstated fee is in the words already ("no cost stated", "+ unstated fees").
        let unsaid = cost.uncounted.filter { $0 != PickCost.feeNotStated }
        let uncounted = unsaid.isEmpty ? "" : "; not counted: " + unsaid.joined(separator: ", ")
        guard let budget = goals.budget else { return factor("cost", 0, "\(cost.words); no budget in your goals\(uncounted)") }
        guard budget.total > 0 else { return factor("cost", 0, "\(cost.words); budget is 0") }
        // A program that states no cost is not free: unknown counts nothing, as every unknown does.
        guard !cost.amounts.isEmpty else { return factor("cost", 0, "no cost stated\(uncounted)") }
        // Nor is one that states no fee, whatever its living costs come to.
        guard !cost.feeUnknown else { return factor("cost", 0, "\(cost.words): an unknown fee counts nothing\(uncounted)") }
        // Nothing in the budget's currency: amounts in another one are not converted, so it is not free either.
        guard cost.amounts[budget.currency] != nil else {
            return factor("cost", 0, "\(cost.words), not converted to your budget's \(budget.currency): counts nothing\(uncounted)")
        }
        let spent = cost.amounts[budget.currency] ?? 0
        // Part of it in another currency: that part is unknown in the budget's, and an unknown
        // part makes the whole unknown, as an unstated fee does; the budget's part is still said.
        guard others.isEmpty else {
            return factor("cost", 0, "\(budget.currency) \(PickCost.format(spent)) of your \(budget.currency) \(PickCost.format(budget.total))"
                          + "\(unconverted): a cost partly unconverted counts nothing\(uncounted)")
        }
        let share = NSDecimalNumber(decimal: spent / budget.total).doubleValue
        return factor("cost", max(0, 1 - share),
                      "\(budget.currency) \(PickCost.format(spent)) of your \(budget.currency) \(PickCost.format(budget.total))\(uncounted)")
    }

    func readiness(_ candidate: PickCandidate) -> PickFactor {
        guard !candidate.missing.isEmpty else { return factor("readiness", 1, "documents ready now") }
        // The days until ready: the longest lead time, or more when a document can be dated only later.
        let need = asOf.days(until: candidate.readyBy)
        let items = "\(candidate.missing.count) item\(candidate.missing.count == 1 ? "" : "s") to obtain, about \(need) days"
        // No apply-by day to measure the lead against: nothing to go on, so 0, and said.
        guard let applyBy = candidate.applyBy else { return factor("readiness", 0, "\(items); no apply-by date to measure it against") }
        let room = asOf.days(until: applyBy)
        let value = room > 0 ? max(0, 1 - Double(need) / Double(room)) : 0
        return factor("readiness", value, "\(items) (ready about \(candidate.readyBy), apply by \(applyBy))")
    }

    func letter(_ letter: ChoosingFacts.Letter?) -> PickFactor {
        switch letter {
        case .usually: return factor("letter", 1, "a letter of recommendation is usually given")
        case .sometimes: return factor("letter", 0.5, "a letter of recommendation sometimes")
        case .no: return factor("letter", 0, "no letter of recommendation")
        case nil: return factor("letter", 0, "letter not stated")
        }
    }
}
