/// Evaluates one requirement: its condition, its (nested) expression, and its stage.
struct RequirementEvaluator {
    /// Made once per program, with the context and dates it holds: one made per clause copied
    /// the whole evaluation context (a score of references) for every clause of every program.
    let clauses: DocumentClauseEvaluator
    var context: EvaluationContext { clauses.context.evaluation }
    var dates: ProgramDates { clauses.context.dates }
    /// The program's requirements, dates and catalog, which its results' rules are worded from.
    let words: ProgramRuleWords

    /// `program`: its file and id, for the batch's shared rules in words (`RuleTexts`).
    init(context: EvaluationContext, dates: ProgramDates, requirements: [Requirement], program: (file: String, id: String)? = nil) {
        clauses = DocumentClauseEvaluator(context: context, dates: dates)
        var shared: (texts: RuleTexts, file: String, id: String)?
        if let texts = context.ruleTexts, let program { shared = (texts, program.file, program.id) }
        words = ProgramRuleWords(requirements: requirements, dates: dates, catalog: context.wordingCatalog, shared: shared,
                                 outcomes: context.outcomes)
    }

    /// The program's requirement at `index`.
    func evaluate(at index: Int) -> RequirementResult {
        let requirement = words.requirements[index]
        // The rule in words is made when a report reads it; once per program and dates in a batch.
        let rule = Words(deferred: DeferredRuleWords(program: words, index: index))
        /// The result, made once with all its fields: made first and then changed field by field,
        /// it went through its box's uniqueness check (and for one field a run-time key path) for each.
        func result(_ status: RequirementStatus, files: [FilePath] = [], message: Words, reason: ReasonData? = nil,
                    candidates: [CandidateFile] = [], choice: ChoiceToMake? = nil, hint: String?) -> RequirementResult {
            RequirementResult(id: requirement.id, title: requirement.title, category: .document, documentTypes: requirement.documentTypes,
                              status: status, severity: requirement.severity, supplier: requirement.supplier, due: requirement.due,
                              files: files, messageWords: message, reasonData: reason, candidates: candidates, choice: choice,
                              hint: hint, ruleWords: rule, origin: requirement.origin)
        }

        // A rule measured from the rotation, of a program that gives no rotation dates, says the day
        // it measured from instead.
        let measuredFrom = dates.rotation == nil && requirement.measuredFromRotation ? context.asOf : nil
        let decision = decide(requirement, listing: true)
        guard let listed = decision.listed else {
            return result(.notApplicable, message: RequirementMessage.words(.fixed(requirement.appliesOnlyIf ?? ""), frame: .none,
                                                                             measuredFrom: measuredFrom, catalog: context.wordingCatalog),
                          hint: requirement.hint)
        }
        let status = decision.status
        var hint = requirement.hint
        if status == .missing, hint == nil || requirement.supplier != .applicant {
            let supplierHint: String
            switch requirement.supplier {
            case .applicant: supplierHint = "Add it to the folder, named so its type is recognized, or declare it in the manifest."
            case .homeSchool: supplierHint = "Your home school provides this: ask its registrar or visiting-student office."
            case .host: supplierHint = "The host institution provides this after an offer."
            }
            hint = hint.map { $0 + " " + supplierHint } ?? supplierHint
        }
        return result(status, files: listed.files,
                      message: RequirementMessage.words(listed.outcome.words, frame: decision.frame, measuredFrom: measuredFrom,
                                                        catalog: context.wordingCatalog),
                      reason: listed.outcome.reason, candidates: listed.candidates, choice: listed.outcome.choice, hint: hint)
    }

    /// The status of the program's requirement at `index`, decided as `evaluate(at:)` decides it,
    /// without the result's fields and words: all a batch summary reads (`ProgramEvaluator.status`).
    func status(at index: Int) -> RequirementStatus { decide(words.requirements[index], listing: false).status }

    /// What decides a requirement's result: its status, the frame its message is set in, and the
    /// outcome of its expression (nil when its condition does not hold: not applicable; and when
    /// only the status was asked for).
    struct Decision {
        var status: RequirementStatus
        var frame: RequirementMessage.Frame
        var listed: ListedOutcome?
    }

    /// The requirement's condition, then its expression's outcome (kept for the same rule and
    /// days), then how its stage and the program's offer frame a failure. `listing`: the outcome
    /// is wanted with the files and candidates a result lists; else its status alone, which is
    /// kept apart, many more of them (`ExpressionMemo.status(for:make:)`). Inlined into its two
    /// callers: where only the status is read, the frame and outcome it leaves empty were
    /// destroyed after every call (docs/performance.md, "Copies of the context and the programs").
    @inline(__always)
    func decide(_ requirement: Requirement, listing: Bool) -> Decision {
        var unknownCondition: String?
        if let condition = requirement.condition {
            switch ConditionEvaluator.evaluate(condition, profile: context.profile, dates: dates, context: context) {
            case .holds: break
            case .fails: return Decision(status: .notApplicable, frame: .none, listed: nil)
            case let .unknown(field):
                unknownCondition = (requirement.appliesOnlyIf ?? "") + "; set `\(field)` in the manifest to decide"
            }
        }

        // The same rule measured from the same days has the same outcome in every program, with the
        // same files and candidates (`ExpressionMemo`).
        let memo = context.outcomes
        let key = memo.key(requirement, dates)
        var listed: ListedOutcome?
        var status: RequirementStatus
        if !listing {
            status = memo.status(for: key) { self.status(of: requirement.expression).status }
        } else if let kept = memo.outcome(for: key) {
            listed = kept
            // The outcome's fields are read from the kept object in place: a copy of the outcome
            // retained and released a dozen references per requirement.
            status = kept.outcome.status
        } else {
            let made = listedOutcome(of: requirement.expression)
            memo.keep(made, for: key)
            listed = made
            status = made.outcome.status
        }
        let frame = Self.frame(&status, unknownCondition: unknownCondition, due: requirement.due, dates: dates)
        return Decision(status: status, frame: frame, listed: listed)
    }

    /// How a failing expression's `status` is framed: due now once a recorded offer asks for it,
    /// else pending until its stage; undecided when it is due now and its condition is; the
    /// status changed to match, and the frame its message is set in.
    @inline(__always)
    static func frame(_ status: inout RequirementStatus, unknownCondition: String?, due: Stage, dates: ProgramDates) -> RequirementMessage.Frame {
        guard status.isFailure else { return .none }
        // The offer is recorded (the manifest's `targets:`): what it asks for is due now.
        let offer = due == .afterOffer && dates.offerMade ? dates.offer : nil
        if let unknownCondition, due == .application || offer != nil {
            status = .notEvaluable
            return .undecidedCondition(unknownCondition)
        }
        if let offer {
            return .dueSinceOffer(offer)
        }
        // Due at a later stage, it blocks nothing now whichever way its condition turns out:
        // pending if it holds, not applicable if not (docs/programs.md, "How a requirement is evaluated").
        if due != .application {
            status = .pending
            return .notYetDue(due)
        }
        return .none
    }

    /// The status of a requirement without a condition, decided from the statuses the folder has
    /// kept (`ExpressionMemo.status(for:make:)`) and the requirement's stage, as `status(at:)`
    /// decides it; nil when none is kept for its rule and days, or it has a condition, which only
    /// the requirement itself can decide. It reads the program's `statusKeys`, a flat list beside
    /// its requirements, and no requirement at all (docs/performance.md, "Statuses from a flat list").
    @inline(__always)
    static func keptStatus(_ key: RequirementStatusKey, dates: ProgramDates, memo: ExpressionMemo) -> RequirementStatus? {
        guard !key.hasCondition, var status = memo.keptStatus(for: ExpressionMemo.Key(key.rule, dates)) else { return nil }
        _ = frame(&status, unknownCondition: nil, due: key.due, dates: dates)
        return status
    }

    /// The expression's outcome, with the files it names and its candidates as a result lists them.
    func listedOutcome(of expression: RequirementExpression) -> ListedOutcome {
        let outcome = evaluate(expression)
        // One file can serve several parts of a combination (an MMR titer for measles and rubella);
        // a single clause names each file once.
        let combination: Bool
        if case .document = expression { combination = false } else { combination = true }
        // Each file considered, and why it did not count, is worded only where a report explains
        // something: a requirement not met, met with a choice to make, or met beside a file that
        // fails the baseline check (docs/reports.md). An older copy that is merely out of date
        // beside a good one is not worded: a catalog run would word it once per program.
        var candidates: [CandidateFile] = []
        var wording: FindingToWord.Considered?
        if outcome.status != .ok || outcome.choice != nil || outcome.considersBaselineFailure {
            // A file that serves several parts of a combination is listed once, with what it first said.
            let considered = combination ? Self.firstOccurrences(outcome.considered, by: \.path) : outcome.considered
            let shared = FindingToWord.Considered(considered, catalog: context.wordingCatalog)
            wording = shared
            candidates = considered.indices.map { index in
                let counted = considered[index].failure == nil
                return CandidateFile(path: considered[index].path, counted: counted,
                                     failure: counted ? nil : FindingToWord(considered: shared, index: index))
            }
        }
        return ListedOutcome(outcome: outcome, files: combination ? Self.firstOccurrences(outcome.files, by: \.self) : outcome.files,
                             candidates: candidates, considered: wording)
    }

    /// `items` without the later ones whose key came before. A requirement names a handful of
    /// files: comparing them costs less than hashing every path into a set, once per requirement
    /// of every program.
    static func firstOccurrences<Item>(_ items: [Item], by key: (Item) -> FilePath) -> [Item] {
        guard items.count > 1 else { return items }
        guard items.count <= 16 else {
            var seen = Set<FilePath>(minimumCapacity: items.count)
            return items.filter { seen.insert(key($0)).inserted }
        }
        var kept: [Item] = []
        kept.reserveCapacity(items.count)
        for item in items where !kept.contains(where: { key($0) == key(item) }) { kept.append(item) }
        return kept
    }

    func evaluate(_ expression: RequirementExpression) -> ExpressionOutcome {
        switch expression {
        case let .document(clause):
            return clauses.evaluate(clause)
        case let .anyOf(items):
            // The outcomes are compared by index, read in place: searching them by value copied
            // each outcome (files, finding, candidates) it passed.
            let outcomes = evaluate(items)
            if let satisfied = outcomes.firstIndex(where: { !$0.status.isFailure }) { return outcomes[satisfied] }
            // None holds: the alternative that came closest explains best what to do.
            func rank(_ index: Int) -> (Int, Int, Int) { Self.rank(partial: outcomes[index].partial, status: outcomes[index].status, begun: outcomes[index].begun) }
            guard let closestIndex = outcomes.indices.min(by: { rank($0) < rank($1) }) else {
                return ExpressionOutcome(status: .missing, files: [], words: .fixed(Wording.noAlternative))
            }
            var closest = outcomes[closestIndex]
            // Every file any alternative looked at is a candidate.
            let considered = Self.considered(outcomes, outcomes.indices)
            if closest.status == .missing, !closest.partial, outcomes.count > 1 {
                let clauseWords = Self.clauseWords(outcomes, outcomes.indices)
                return ExpressionOutcome(status: .missing, files: [], words: .noneOfTheAlternatives(clauseWords),
                                         finding: closest.finding, consideredIfAnyFailed: considered, partWords: clauseWords)
            }
            closest.consideredIfAnyFailed = considered
            return closest
        case let .allOf(items):
            let outcomes = evaluate(items)
            let failing = outcomes.indices.filter { outcomes[$0].status.isFailure }
            // The parts' files in order; what they considered is listed only when a file failed
            // in one of them (else it is those files, each counted).
            let considered = outcomes.contains { $0.consideredIfAnyFailed != nil } ? Self.considered(outcomes, outcomes.indices) : nil
            if failing.isEmpty {
                return ExpressionOutcome(status: .ok, files: Self.files(outcomes), words: .fixed(Wording.allPartsSatisfied),
                                         consideredIfAnyFailed: considered, choice: outcomes.lazy.compactMap(\.choice).first)
            }
            // The worst part decides the status; every failing part is named.
            let worst = failing.max { outcomes[$0].status.closeness < outcomes[$1].status.closeness }!
            return ExpressionOutcome(status: outcomes[worst].status, files: Self.files(outcomes),
                                     words: .failingParts(failing.map { outcomes[$0].words }), finding: outcomes[worst].finding,
                                     partial: failing.count < outcomes.count || failing.contains { outcomes[$0].partial },
                                     consideredIfAnyFailed: considered, partWords: Self.clauseWords(outcomes, failing))
        }
    }
}

extension RequirementEvaluator {
    /// The expression's status alone, and whether some parts of it hold (`ExpressionOutcome.partial`),
    /// decided as `evaluate` decides them but without its files, candidates or words; an
    /// alternative that holds ends the search (`decide(_:listing:)` with `listing` false).
    func status(of expression: RequirementExpression) -> (status: RequirementStatus, partial: Bool, begun: Bool) {
        switch expression {
        case let .document(clause):
            return clauses.status(clause)
        case let .anyOf(items):
            // The first that holds; else the one that came closest, as `evaluate` ranks them.
            var closest: (status: RequirementStatus, partial: Bool, begun: Bool)?
            var closestRank = (Int.max, Int.max, Int.max)
            for index in items.indices {
                let part = status(of: items[index])
                if !part.status.isFailure { return part }
                let rank = Self.rank(partial: part.partial, status: part.status, begun: part.begun)
                if rank < closestRank {
                    closestRank = rank
                    closest = part
                }
            }
            // When none of the alternatives was begun, the closest is already plainly missing and
            // not partial: no case of its own.
            return closest ?? (.missing, false, false)
        case let .allOf(items):
            // The worst failing part decides; partial when some part holds or is partial itself.
            var failing = 0
            var partial = false
            var worst: RequirementStatus?
            for index in items.indices {
                let part = status(of: items[index])
                guard part.status.isFailure else { continue }
                failing += 1
                partial = partial || part.partial
                if part.status.closeness > worst?.closeness ?? Int.min { worst = part.status }
            }
            guard let worst else { return (.ok, false, false) }
            return (worst, partial || failing < items.count, false)
        }
    }

    /// How close a failing alternative of an `anyOf` came, lowest first: a combination partly met,
    /// then the status (undecided before invalid before missing), then a clause begun (two doses
    /// of three) before one not begun, which only breaks a tie: a titer with its value still to
    /// record stays undecided beside one dose of a series.
    static func rank(partial: Bool, status: RequirementStatus, begun: Bool) -> (Int, Int, Int) {
        (partial ? 0 : 1, status.closeness, begun ? 0 : 1)
    }

    /// Each part's outcome, in order. A loop, not `map`: the closure `map` takes held a copy of
    /// this evaluator (its context and dates), made and dropped for every combination.
    func evaluate(_ items: [RequirementExpression]) -> [ExpressionOutcome] {
        var outcomes: [ExpressionOutcome] = []
        outcomes.reserveCapacity(items.count)
        for index in items.indices { outcomes.append(evaluate(items[index])) }
        return outcomes
    }

    /// The parts' files, in order, in one list made to size (a list grown part by part was
    /// made again as it grew, for every combination of every program).
    static func files(_ outcomes: [ExpressionOutcome]) -> [FilePath] {
        var files: [FilePath] = []
        files.reserveCapacity(outcomes.reduce(0) { $0 + $1.files.count })
        for index in outcomes.indices { files.append(contentsOf: outcomes[index].files) }
        return files
    }

    /// The failing clauses' own words of the parts at `parts`, in order, gathered in place
    /// (a list of one for each failing clause was made and copied).
    static func clauseWords(_ outcomes: [ExpressionOutcome], _ parts: some Collection<Int>) -> [OutcomeWords] {
        var words: [OutcomeWords] = []
        for index in parts {
            if outcomes[index].wordsAreClauseWords {
                words.append(outcomes[index].words)
            } else {
                words.append(contentsOf: outcomes[index].partWords)
            }
        }
        return words
    }

    /// What the parts considered, in order, in one list made to size; a part where every file
    /// counted lists its files, each counted, without a list of its own.
    static func considered(_ outcomes: [ExpressionOutcome], _ parts: Range<Int>) -> [ConsideredFile] {
        var considered: [ConsideredFile] = []
        considered.reserveCapacity(outcomes[parts].reduce(0) { $0 + ($1.consideredIfAnyFailed?.count ?? $1.files.count) })
        for index in parts {
            if let listed = outcomes[index].consideredIfAnyFailed {
                considered.append(contentsOf: listed)
            } else {
                for path in outcomes[index].files { considered.append(ConsideredFile(path: path, failure: nil)) }
            }
        }
        return considered
    }
}

/// Decides a `when` against the profile and the program's dates.
enum ConditionEvaluator {
    enum Outcome: Equatable {
        case holds, fails
        case unknown(String)
    }

    /// `context`: the folder's documents, for `documentType`/`states` (nil: none). A function, not
    /// an evaluator to make: one made per requirement copied the profile and the context, for
    /// every requirement with a condition of every program.
    static func evaluate(_ condition: Condition, profile: ApplicantProfile, dates: ProgramDates, context: EvaluationContext?) -> Outcome {
        var unknown: String?
        func test<T: Equatable>(_ expected: T?, _ actual: T?, _ field: String) -> Bool {
            guard let expected else { return true }
            guard let actual else {
                unknown = unknown ?? field
                return true
            }
            return expected == actual
        }
        let instructionInEnglish = context?.instructionInEnglish ?? profile.instructionInEnglish
        guard test(condition.instructionInEnglish, instructionInEnglish, "applicant.medicalSchool.instructionLanguage"),
              test(condition.usCitizenOrPermanentResident, profile.usCitizenOrPermanentResident, "applicant.usCitizenOrPermanentResident"),
              test(condition.status, profile.status, "applicant.status"),
              test(condition.intendsResidency, profile.intendsResidency, "applicant.intendsResidency"),
              test(condition.ecfmgCertified, profile.ecfmgCertified, "applicant.ecfmgCertified") else { return .fails }
        if let range = condition.rotationOverlaps {
            let start = dates.date(for: .rotationStart)
            let end = dates.date(for: .rotationEnd)
            if !range.overlaps(start: start, end: end) { return .fails }
        }
        switch ClassCondition.evaluate(condition, profile: profile) {
        case .holds: break
        case .fails: return .fails
        case let .unknown(field): unknown = unknown ?? field
        }
        if let wanted = condition.documentStates {
            // Holds when one document states it; unknown when none does but one has no recorded
            // statements (its `states` decides); fails when every document of the type is known
            // not to state it, or there is none.
            let candidates = context?.documents(satisfying: wanted.type) ?? []
            if !candidates.contains(where: { $0.facts.statements?.contains(wanted.statement) == true }) {
                guard let undecided = candidates.first(where: { $0.facts.statements == nil }) else { return .fails }
                unknown = unknown ?? "documents[\"\(undecided.path)\"].states"
            }
        }
        return unknown.map { .unknown($0) } ?? .holds
    }
}
