import Dispatch
import Synchronization
import class Foundation.ProcessInfo

/// Maps `0..<count` in the background, on every core, and lets the thread that asks for the
/// values take the ones no thread has started yet, rather than wait idle while they wait for a
/// core. A check reads its descriptions this way while it loads the folder: when the folder is
/// loaded first, the check's own thread parses descriptions too (docs/performance.md, "The check's
/// thread helps read the descriptions").
public final class HelpedMap<Value: Sendable>: Sendable {
    private let state: State
    private let task: Background<Void>

    public init(count: Int, _ transform: @escaping @Sendable (Int) -> Value) {
        let state = State(count: count, transform: transform)
        self.state = state
        let lanes = max(1, ProcessInfo.processInfo.activeProcessorCount)
        task = Background { DispatchQueue.concurrentPerform(iterations: lanes) { _ in state.work() } }
    }

    /// The values, in index order: this thread makes those not yet started, then waits for the
    /// ones under way (as often as asked for).
    public func values() -> [Value] {
        state.work()
        task.wait()
        return state.values()
    }

    /// Starts no more values and waits for those under way; `values()` is not asked for after.
    public func cancel() {
        state.cancel()
        task.wait()
    }

    private final class State: @unchecked Sendable {
        // Each slot is written once, by the thread that claimed its index; the values are read
        // only after `task.wait()`, whose semaphore orders every write before the read, or by the
        // thread that wrote them.
        private let count: Int
        private let transform: @Sendable (Int) -> Value
        private let claimed = Atomic<Int>(0)
        private let slots: UnsafeMutableBufferPointer<Value?>

        init(count: Int, transform: @escaping @Sendable (Int) -> Value) {
            self.count = count
            self.transform = transform
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil)
        }

        /// Makes values until none is left to claim.
        func work() {
            while true {
                let index = claimed.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                slots[index] = transform(index)
            }
        }

        func values() -> [Value] { slots.map { $0! } }

        /// Leaves no index to claim.
        func cancel() { claimed.store(count, ordering: .relaxed) }

        deinit {
            slots.deinitialize()
            slots.deallocate()
        }
    }
}
