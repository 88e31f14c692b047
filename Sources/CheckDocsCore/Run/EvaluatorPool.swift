import Synchronization

/// The evaluators of one check's threads. Each is used by one thread at a time, and its
/// candidates are its own (`ProgramEvaluator.lanes`), so two threads never retain the same
/// candidate objects at once (docs/performance.md, "One context per thread"). A thread takes a
/// free evaluator for each program and gives it back: the programs are shared out as the threads
/// come free, not cut into fixed runs that wait for the slowest.
final class EvaluatorPool: Sendable {
    private let base: ProgramEvaluator
    private let free: Mutex<[ProgramEvaluator]>

    /// `count` evaluators to begin with (one per core); more are made if more threads ask at once.
    init(_ evaluator: ProgramEvaluator, count: Int) {
        base = evaluator
        free = Mutex(evaluator.lanes(count))
    }

    func withEvaluator<Result>(_ body: (ProgramEvaluator) -> Result) -> Result {
        let evaluator = free.withLock { $0.popLast() } ?? ProgramEvaluator(context: base.context.withOwnCandidates())
        defer { free.withLock { $0.append(evaluator) } }
        return body(evaluator)
    }

    /// How many evaluators are free: all that were made, while none is taken (tests).
    var count: Int { free.withLock { $0.count } }
}
