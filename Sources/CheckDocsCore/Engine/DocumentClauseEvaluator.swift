import CheckDocsNative

/// The outcome of evaluating an expression (a clause or nested alternatives).
struct ExpressionOutcome {
    var status: RequirementStatus
    var files: [FilePath]
    var message: String
    /// The finding that decided, as data (nil when satisfied).
    var reason: FindingReason? = nil
    /// Some parts of a combination hold: that alternative is the one the applicant is following.
    var partial = false
    /// Every file the clauses looked at, in order, with the finding that kept it from counting
    /// (nil: it counted). Worded only when the requirement is not met (RequirementEvaluator).
    var considered: [ConsideredFile] = []
    /// More files count than the program takes: the applicant chooses which to assign.
    var choice: ChoiceToMake? = nil
    /// The failing clauses' own sentences, for a combination to name each once.
    var clauseMessages: [String] = []
}

/// A file a clause looked at, and why it did not count (nil when it counted).
struct ConsideredFile: Hashable {
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
        let catalog = context.evaluation.catalog
        let candidates = context.evaluation.candidates(satisfying: clause.type).items
        if candidates.isEmpty && clause.min == 0 {
            return ExpressionOutcome(status: .ok, files: [], message: Wording.optionalNone)
        }
        if candidates.isEmpty {
            return failure(.missing, ClauseFinding.noDocument(type: clause.type, min: clause.min).finding, files: [], considered: [])
        }
        var passing: [Int] = []
        // The failing files' indices, how many are undecided, and the failure that came closest
        // to counting (the first of the closest), kept as they are found: a list of every
        // failure, filtered and searched afterwards, copied each one's finding several times
        // for every candidate of every clause of every program.
        var failing: [Int] = []
        var undecided = 0
        var best: (index: Int, failure: ConstraintFailure)?
        var bestCloseness = Int.max
        var considered: [ConsideredFile] = []
        considered.reserveCapacity(candidates.count)
        for (index, candidate) in candidates.enumerated() {
            if let failure = check(candidate, against: clause) {
                failing.append(index)
                if failure.status == .notEvaluable { undecided += 1 }
                let closeness = failure.status.closeness
                if closeness < bestCloseness {
                    bestCloseness = closeness
                    best = (index, failure)
                }
                considered.append(ConsideredFile(path: candidate.document.path, failure: failure.finding,
                                                 failsBaseline: failure.finding.kind == BaselineFinding.kind))
            } else {
                passing.append(index)
                considered.append(ConsideredFile(path: candidate.document.path, failure: nil))
            }
        }
        let passingPaths = { passing.map { candidates[$0].document.path } }
        let allPaths = { candidates.map(\.document.path) }

        if !passing.isEmpty, clause.constraints.contains(where: \.base.checksTogether) {
            let documents = passing.map { candidates[$0].document }
            for constraint in clause.constraints {
                if let failure = constraint.base.checkTogether(documents, in: context) {
                    return self.failure(failure.status, failure.finding, files: passingPaths(), considered: considered)
                }
            }
        }
        // With min="0" a file that is present but fails still deserves its reason below.
        if passing.count >= clause.min, !passing.isEmpty {
            var outcome = ExpressionOutcome(status: .ok, files: passingPaths(), message: Wording.satisfied(by: passing.count),
                                            considered: considered)
            // More than a program takes (ERAS: 4 letters) is the applicant's choice, not a failure.
            if let max = clause.max, passing.count > max {
                outcome.choice = ChoiceToMake(documentType: clause.type, max: max, found: passing.count)
                outcome.message = Wording.choose(max: max, found: passing.count, title: catalog.title(of: clause.type))
            }
            return outcome
        }
        guard passing.isEmpty, let best else {
            // Too few count. Files whose facts are unknown might make up the count: undecided.
            let status: RequirementStatus = passing.count + undecided >= clause.min && undecided > 0 ? .notEvaluable : .missing
            return failure(status, ClauseFinding.tooFew(type: clause.type, min: clause.min, found: passing.count).finding,
                           files: allPaths(), considered: considered)
        }
        // Report the failing file that came closest to counting; the others are candidates.
        let path = candidates[best.index].document.path
        let message = Wording.fileFailure(path, best.failure.finding.sentence(catalog: catalog), othersFailing: failing.count - 1)
        return ExpressionOutcome(
            status: best.failure.status, files: failing.map { candidates[$0].document.path }, message: message,
            reason: best.failure.finding.reason(file: path), considered: considered, clauseMessages: [message])
    }

    private func failure(_ status: RequirementStatus, _ finding: Finding, files: [FilePath], considered: [ConsideredFile]) -> ExpressionOutcome {
        let message = finding.sentence(catalog: context.evaluation.catalog)
        return ExpressionOutcome(status: status, files: files, message: message, reason: finding.reason(file: nil),
                                 considered: considered, clauseMessages: [message])
    }

    /// nil when the document counts; otherwise the first failure. A file that fails the baseline
    /// check fails first, then a document past its own expiry date, whatever the constraints; then
    /// the constraints, in the order of the kinds.
    private func check(_ candidate: CandidateDocument, against clause: DocumentClause) -> ConstraintFailure? {
        if let failure = BaselineCheck.check(candidate.document, verdict: candidate.baseline, inspector: context.evaluation.inspector) { return failure }
        if let expires = candidate.document.facts.expires, expires < context.asOf {
            return ConstraintFailure(.expired, ClauseFinding.expired(on: expires).finding)
        }
        for constraint in clause.constraints {
            if var failure = constraint.base.check(candidate.document, in: context) {
                // The file is there: an unknown fact leaves it undecided, never missing.
                if failure.status == .missing { failure.status = .notEvaluable }
                return failure
            }
        }
        return nil
    }
}
