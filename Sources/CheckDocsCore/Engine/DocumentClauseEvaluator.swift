import CheckDocsNative

/// The outcome of evaluating an expression (a clause or nested alternatives).
struct ExpressionOutcome: Sendable {
    var status: RequirementStatus
    var files: [FilePath]
    /// What it says, worded when a report reads the requirement's message (`OutcomeWords`).
    var words: OutcomeWords
    /// The finding that decided (nil when satisfied) and the file it is about, made into the
    /// report's `reason` only for the outcome a requirement keeps (`reason`): the parts of a
    /// combination that do not decide are never asked.
    var finding: (finding: Finding, file: FilePath?)? = nil
    /// Some parts of a combination hold: that alternative is the one the applicant is following.
    var partial = false
    /// A clause whose files went some of the way together (two doses of three): between
    /// alternatives that came as close, the one being followed (`ConstraintFailure.begun`).
    var begun = false
    /// Every file the clauses looked at, in order, with the finding that kept it from counting;
    /// nil when every file looked at counted, which are then `files` (`considered`): most clauses
    /// of most programs, for which a second list of the same files was made and dropped.
    var consideredIfAnyFailed: [ConsideredFile]? = nil
    /// More files count than the program takes: the applicant chooses which to assign.
    var choice: ChoiceToMake? = nil
    /// The failing clauses' own words, for a combination to name each once: a failing clause's
    /// are its `words` (not a list of one), a combination's its parts' (`partWords`).
    var wordsAreClauseWords = false
    var partWords: [OutcomeWords] = []

    /// The finding that decided, made into data when read (nil when satisfied).
    var reason: ReasonData? { finding.map { ReasonData(finding: $0.finding, file: $0.file) } }

    /// Every file the clauses looked at, in order, with the finding that kept it from counting
    /// (nil: it counted). Worded only when the requirement is not met (RequirementEvaluator).
    var considered: [ConsideredFile] { consideredIfAnyFailed ?? files.map { ConsideredFile(path: $0, failure: nil) } }

    /// Whether a file looked at fails the baseline check.
    var considersBaselineFailure: Bool { consideredIfAnyFailed?.contains(where: \.failsBaseline) ?? false }
}

/// A file a clause looked at, and why it did not count (nil when it counted).
struct ConsideredFile: Hashable, Sendable {
    var path: FilePath
    var failure: Finding?
    /// Whether `failure` is the baseline check's, noted when the file is checked: a requirement
    /// asks it of every file considered, and reading each finding's kind copied it.
    var failsBaseline = false
}

/// Evaluates one `<document>` clause: which files match, which of them pass the baseline check
/// and meet every constraint (each kind checks itself: Engine/Constraints/), and, when too few
/// do, the most useful reason why.
struct DocumentClauseEvaluator {
    let context: ClauseContext

    init(context: EvaluationContext, dates: ProgramDates) {
        self.context = ClauseContext(evaluation: context, dates: dates)
    }

    func evaluate(_ clause: DocumentClause) -> ExpressionOutcome {
        let group = context.evaluation.candidates(satisfying: clause.type)
        let candidates = group.items
        if candidates.isEmpty && clause.min == 0 {
            return ExpressionOutcome(status: .ok, files: [], words: .fixed(Wording.optionalNone))
        }
        if candidates.isEmpty {
            let couldBe = context.evaluation.ambiguous(satisfying: clause.type)
            return failure(.missing, ClauseFinding.noDocument(type: clause.type, min: clause.min, couldBe: couldBe).finding, files: [], considered: nil)
        }
        // How many files count and how many fail, how many of those are undecided, and the
        // failure that came closest to counting (the first of the closest), kept as they are
        // found. Which file did what is listed only from the first failing file on: until then
        // every file counted, and the group's own list of paths says which they are.
        var passing = 0
        var failing = 0
        var undecided = 0
        var best: (index: Int, failure: ConstraintFailure)?
        var bestCloseness = Int.max
        var considered: [ConsideredFile]?
        for index in candidates.indices {
            let candidate = candidates[index]
            if let failure = check(candidate, against: clause) {
                if considered == nil { considered = Self.counted(candidates, upTo: index) }
                failing += 1
                if failure.status == .notEvaluable { undecided += 1 }
                let closeness = failure.status.closeness
                if closeness < bestCloseness {
                    bestCloseness = closeness
                    best = (index, failure)
                }
                considered?.append(ConsideredFile(path: candidate.document.path, failure: failure.finding,
                                                  failsBaseline: failure.finding.kind == BaselineFinding.kind))
            } else {
                passing += 1
                considered?.append(ConsideredFile(path: candidate.document.path, failure: nil))
            }
        }

        // The constraints are read in place, by index: a `for … in` copied each one's existential.
        let constraints = clause.constraints
        if passing > 0, constraints.indices.contains(where: { constraints[$0].base.checksTogether }) {
            let documents = considered.map { Self.documents(candidates, $0, counted: true) } ?? group.documents
            for index in constraints.indices {
                if let failure = constraints[index].base.checkTogether(documents, in: context) {
                    // Begun (two Hep B doses given, one still to come, beside no titer): in an
                    // `anyOf`, the alternative being followed, whose words say what is missing.
                    var outcome = self.failure(failure.status, failure.finding, files: Self.paths(considered, count: passing, counted: true) ?? group.paths,
                                               considered: considered)
                    outcome.begun = failure.begun
                    return outcome
                }
            }
        }
        // With min="0" a file that is present but fails still deserves its reason below.
        if passing >= clause.min, passing > 0 {
            var outcome = ExpressionOutcome(status: .ok, files: Self.paths(considered, count: passing, counted: true) ?? group.paths,
                                            words: .satisfied(by: passing), consideredIfAnyFailed: considered)
            // More than a program takes (ERAS: 4 letters) is the applicant's choice, not a failure.
            if let max = clause.max, passing > max {
                outcome.choice = ChoiceToMake(documentType: clause.type, max: max, found: passing)
                outcome.words = .choose(max: max, found: passing, type: clause.type)
            }
            return outcome
        }
        guard passing == 0, let best else {
            let status = Self.tooFew(passing: passing, undecided: undecided, min: clause.min)
            return failure(status, ClauseFinding.tooFew(type: clause.type, min: clause.min, found: passing).finding,
                           files: group.paths, considered: considered)
        }
        // Report the failing file that came closest to counting; the others are candidates.
        let path = candidates[best.index].document.path
        return ExpressionOutcome(
            status: best.failure.status, files: Self.paths(considered, count: failing, counted: false) ?? [],
            words: .fileFailure(path, best.failure.finding, othersFailing: failing - 1),
            finding: (best.failure.finding, path), consideredIfAnyFailed: considered, wordsAreClauseWords: true)
    }

    /// The clause's status alone, decided as `evaluate` decides it but without listing what each
    /// file said, or wording anything: for a program decided from statuses (`RequirementEvaluator.status(of:)`).
    ///
    /// `begun`: the files passed on their own and fail together having gone some of the way
    /// (too few doses), as `evaluate` marks that outcome (`ExpressionOutcome.begun`). A clause is
    /// never `partial`: only a combination is.
    func status(_ clause: DocumentClause) -> (status: RequirementStatus, partial: Bool, begun: Bool) {
        let group = context.evaluation.candidates(satisfying: clause.type)
        let candidates = group.items
        if candidates.isEmpty { return (clause.min == 0 ? .ok : .missing, false, false) }
        let constraints = clause.constraints
        let together = constraints.indices.contains { constraints[$0].base.checksTogether }
        var passing = 0
        var undecided = 0
        var closest: RequirementStatus?
        // Which files counted, listed only for a constraint that checks them together, and only
        // once one has failed (until then they are the group's documents).
        var counted: [ApplicantDocument]?
        for index in candidates.indices {
            if let status = failingStatus(candidates[index], against: clause) {
                if together, counted == nil { counted = (0..<index).map { candidates[$0].document } }
                if status == .notEvaluable { undecided += 1 }
                if status.closeness < closest?.closeness ?? Int.max { closest = status }
            } else {
                passing += 1
                counted?.append(candidates[index].document)
            }
        }
        if passing > 0, together {
            let documents = counted ?? group.documents
            for index in constraints.indices {
                if let failure = constraints[index].base.checkTogether(documents, in: context) { return (failure.status, false, failure.begun) }
            }
        }
        if passing >= clause.min, passing > 0 { return (.ok, false, false) }
        if passing == 0, let closest { return (closest, false, false) }
        return (Self.tooFew(passing: passing, undecided: undecided, min: clause.min), false, false)
    }

    /// The status of too few files counting: undecided when files whose facts are unknown might
    /// make up the count, else missing.
    private static func tooFew(passing: Int, undecided: Int, min: Int) -> RequirementStatus {
        passing + undecided >= min && undecided > 0 ? .notEvaluable : .missing
    }

    /// The first `count` candidates, each counted: what was considered before the first failing file.
    private static func counted(_ candidates: [CandidateDocument], upTo count: Int) -> [ConsideredFile] {
        var considered: [ConsideredFile] = []
        considered.reserveCapacity(candidates.count)
        for index in 0..<count { considered.append(ConsideredFile(path: candidates[index].document.path, failure: nil)) }
        return considered
    }

    /// The paths of the files that counted (or did not), `count` of them; nil when every file counted.
    private static func paths(_ considered: [ConsideredFile]?, count: Int, counted: Bool) -> [FilePath]? {
        guard let considered else { return nil }
        var paths: [FilePath] = []
        paths.reserveCapacity(count)
        for index in considered.indices where (considered[index].failure == nil) == counted { paths.append(considered[index].path) }
        return paths
    }

    /// The documents that counted, in order (`considered` lists the candidates in theirs).
    private static func documents(_ candidates: [CandidateDocument], _ considered: [ConsideredFile], counted: Bool) -> [ApplicantDocument] {
        var documents: [ApplicantDocument] = []
        documents.reserveCapacity(considered.count)
        for index in considered.indices where (considered[index].failure == nil) == counted { documents.append(candidates[index].document) }
        return documents
    }

    private func failure(_ status: RequirementStatus, _ finding: Finding, files: [FilePath], considered: [ConsideredFile]?) -> ExpressionOutcome {
        ExpressionOutcome(status: status, files: files, words: .finding(finding), finding: (finding, nil),
                          consideredIfAnyFailed: considered, wordsAreClauseWords: true)
    }

    /// `check`'s status alone, for `status(_:)`: a failing file's finding is not made (the
    /// constraints' `failingStatus`), nor an expired file's.
    private func failingStatus(_ candidate: CandidateDocument, against clause: DocumentClause) -> RequirementStatus? {
        if let failure = BaselineCheck.check(candidate.document, verdict: candidate.baseline, inspector: context.evaluation.inspector) {
            return failure.status
        }
        if let expires = candidate.document.facts.expires, expires < context.asOf { return .expired }
        let constraints = clause.constraints
        for index in constraints.indices {
            if let status = constraints[index].base.failingStatus(candidate.document, in: context) {
                // As in `check`: an unknown fact leaves the file undecided, never missing.
                return status == .missing ? .notEvaluable : status
            }
        }
        if Self.datedInTheFuture(candidate.document, clause: clause, asOf: context.asOf) != nil { return .invalid }
        return nil
    }

    /// The date of a document dated after the run's day, which counts for no clause: it does not
    /// exist yet (a planned test, a typo in a date). Not the first day of a period it is valid
    /// for (insurance from next month), nor a dose record's under `minDoses`, whose count leaves
    /// a booked dose out and says so (DoseCount).
    private static func datedInTheFuture(_ document: ApplicantDocument, clause: DocumentClause, asOf: CalendarDate) -> CalendarDate? {
        guard let date = document.facts.date, date > asOf, date != document.facts.validFrom else { return nil }
        if document.facts.isDoseRecord, clause.constraints.contains(where: { $0.base is DoseCount }) { return nil }
        return date
    }

    /// nil when the document counts; otherwise the first failure. A file that fails the baseline
    /// check fails first, then a document past its own expiry date, whatever the constraints; then
    /// the constraints, in the order of the kinds.
    private func check(_ candidate: CandidateDocument, against clause: DocumentClause) -> ConstraintFailure? {
        if let failure = BaselineCheck.check(candidate.document, verdict: candidate.baseline, inspector: context.evaluation.inspector) { return failure }
        if let expires = candidate.document.facts.expires, expires < context.asOf {
            return ConstraintFailure(.expired, ClauseFinding.expired(on: expires).finding)
        }
        let constraints = clause.constraints
        for index in constraints.indices {
            if var failure = constraints[index].base.check(candidate.document, in: context) {
                // The file is there: an unknown fact leaves it undecided, never missing.
                if failure.status == .missing { failure.status = .notEvaluable }
                return failure
            }
        }
        // A document dated after the run's day does not exist yet (a planned test, a typo in a
        // date): it counts for no clause. A window or season says so itself, above; a clause
        // without one says it here (docs/programs.md, "Statuses").
        if let date = Self.datedInTheFuture(candidate.document, clause: clause, asOf: context.asOf) {
            return ConstraintFailure(.invalid, ClauseFinding.inFuture(date: date).finding)
        }
        return nil
    }
}
