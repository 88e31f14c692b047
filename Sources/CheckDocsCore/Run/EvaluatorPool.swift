import Synchronization

/// The evaluators of one check's threads. Each is used by one thread at a time, and its
/// candidates are its own (`EvaluationContext.withOwnCandidates`), so two threads never retain
/// the same candidate objects at once (docs/performance.md, "One context per thread"). A thread
/// takes a free evaluator for each program and gives it back: the programs are shared out as the
/// threads come free, not cut into fixed runs that wait for the slowest.
final class EvaluatorPool: Sendable {
    /// An evaluator held by reference: taken from the pool and given back, it is a reference to
    /// move, where the evaluator itself (its context's references) was copied back into the pool
    /// and the taken copy released, for every program.
    private final class Held: Sendable {
        let evaluator: ProgramEvaluator
        init(_ evaluator: ProgramEvaluator) { self.evaluator = evaluator }
    }

    private let base: ProgramEvaluator
    private let free: Mutex<[Held]>

    /// `count` evaluators to begin with (one per core); more are made if more threads ask at once.
    init(_ evaluator: ProgramEvaluator, count: Int) {
        base = evaluator
        free = Mutex([Held(evaluator)] + (1..<max(count, 1)).map { _ in Self.another(like: evaluator) })
    }

    func withEvaluator<Result>(_ body: (ProgramEvaluator) -> Result) -> Result {
        let held = free.withLock { $0.popLast() } ?? Self.another(like: base)
        defer { free.withLock { $0.append(held) } }
        return body(held.evaluator)
    }

    /// An evaluator of the same context whose candidates are its own.
    private static func another(like evaluator: ProgramEvaluator) -> Held {
        Held(ProgramEvaluator(context: evaluator.context.withOwnCandidates()))
    }

    /// Empties every evaluator's outcomes of rules (`ExpressionMemo`): called between batches of
    /// programs, while none is taken, when files were inspected for the next batch.
    func forgetOutcomes() {
        free.withLock { evaluators in
            for held in evaluators { held.evaluator.context.outcomes.removeAll() }
        }
    }

    /// How many evaluators are free: all that were made, while none is taken (tests).
    var count: Int { free.withLock { $0.count } }
}
