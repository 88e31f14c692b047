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
}

/// Evaluates one `<document>` clause: which files match, which of them meet every constraint
/// (each kind checks itself: Engine/Constraints/), and, when none suffices, the most useful
/// reason why.
struct DocumentClauseEvaluator {
    let context: ClauseContext

    init(context: EvaluationContext, dates: ProgramDates) {
        self.context = ClauseContext(evaluation: context, dates: dates)
    }

    func evaluate(_ clause: DocumentClause) -> ExpressionOutcome {
        let catalog = context.evaluation.catalog
        let candidates = context.evaluation.documents(satisfying: clause.type)
        if candidates.isEmpty && clause.min == 0 {
            return ExpressionOutcome(status: .ok, files: [], message: Wording.optionalNone)
        }
        if candidates.isEmpty {
            return failure(.missing, ClauseFinding.noDocument(type: clause.type, min: clause.min).finding, files: [])
        }
        // Indices into `candidates`: copying a document struct per clause costs more than the check.
        var passing: [Int] = []
        var failures: [(index: Int, failure: ConstraintFailure)] = []
        for (index, document) in candidates.enumerated() {
            if let failure = check(document, against: clause) {
                failures.append((index, failure))
            } else {
                passing.append(index)
            }
        }
        let passingPaths = { passing.map { candidates[$0].path } }

        if !passing.isEmpty {
            let documents = passing.map { candidates[$0] }
            for constraint in clause.constraints {
                if let failure = constraint.base.checkTogether(documents, in: context) {
                    return self.failure(failure.status, failure.finding, files: passingPaths())
                }
            }
        }
        if let max = clause.max, passing.count > max {
            return failure(.invalid, ClauseFinding.tooMany(type: clause.type, max: max, found: passing.count).finding, files: passingPaths())
        }
        // With min="0" a file that is present but fails still deserves its reason below.
        if passing.count >= clause.min, !passing.isEmpty {
            return ExpressionOutcome(status: .ok, files: passingPaths(), message: Wording.satisfied(by: passing.count))
        }
        if !passing.isEmpty || failures.isEmpty {
            return failure(.missing, ClauseFinding.tooFew(type: clause.type, min: clause.min, found: passing.count).finding, files: passingPaths())
        }
        // Report the failing file that came closest to counting.
        let best = failures.min { $0.failure.status.closeness < $1.failure.status.closeness }!
        let path = candidates[best.index].path
        return ExpressionOutcome(
            status: best.failure.status, files: failures.map { candidates[$0.index].path },
            message: Wording.fileFailure(path, best.failure.finding.sentence(catalog: catalog), othersFailing: failures.count - 1),
            reason: best.failure.finding.reason(file: path))
    }

    private func failure(_ status: RequirementStatus, _ finding: Finding, files: [FilePath]) -> ExpressionOutcome {
        ExpressionOutcome(status: status, files: files, message: finding.sentence(catalog: context.evaluation.catalog),
                          reason: finding.reason(file: nil))
    }

    /// nil when the document meets every constraint; otherwise the first failure, in the order
    /// of the kinds. A document past its own expiry date fails first, whatever the constraints.
    private func check(_ document: ApplicantDocument, against clause: DocumentClause) -> ConstraintFailure? {
        if let expires = document.facts.expires, expires < context.asOf {
            return ConstraintFailure(.expired, ClauseFinding.expired(on: expires).finding)
        }
        for constraint in clause.constraints {
            if let failure = constraint.base.check(document, in: context) { return failure }
        }
        return nil
    }
}
