import Synchronization

/// The evaluators of one check's threads. Each is used by one thread at a time, and its
/// candidates are its own (`EvaluationContext.withOwnCandidates`), so two threads never retain
/// the same candidate objects at once (docs/performance.md, "One context per thread"). A thread
/// takes a free evaluator for each program and gives it back: the programs are shared out as the
/// threads come free, not cut into fixed runs that wait for the slowest.
final class EvaluatorPool: Sendable {
    private let base: ProgramEvaluator
    private let free: Mutex<[ProgramEvaluator]>

    /// `count` evaluators to begin with (one per core); more are made if more threads ask at once.
    init(_ evaluator: ProgramEvaluator, count: Int) {
        base = evaluator
        free = Mutex([evaluator] + (1..<max(count, 1)).map { _ in Self.another(like: evaluator) })
    }

    func withEvaluator<Result>(_ body: (ProgramEvaluator) -> Result) -> Result {
        let evaluator = free.withLock { $0.popLast() } ?? Self.another(like: base)
        defer { free.withLock { $0.append(evaluator) } }
        return body(evaluator)
    }

    /// An evaluator of the same context whose candidates are its own.
    private static func another(like evaluator: ProgramEvaluator) -> ProgramEvaluator {
        ProgramEvaluator(context: evaluator.context.withOwnCandidates())
    }

    /// Empties every evaluator's outcomes of rules (`ExpressionMemo`): called between batches of
    /// programs, while none is taken, when files were inspected for the next batch.
    func forgetOutcomes() {
        free.withLock { evaluators in
            for evaluator in evaluators { evaluator.context.outcomes.removeAll() }
        }
    }

    /// How many evaluators are free: all that were made, while none is taken (tests).
    var count: Int { free.withLock { $0.count } }
}
