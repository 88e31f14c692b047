import Dispatch

/// Work started on another thread now, whose value is asked for later: the caller does something
/// else meanwhile (a check reads the next batch of descriptions while it evaluates the current
/// one; `orderedConcurrentMap` maps while its caller consumes).
public final class Background<Value: Sendable>: @unchecked Sendable {
    // `value` is written once, by the work, before `done` is signalled, and read only after
    // waiting for it: the semaphore orders the two.
    private let done = DispatchSemaphore(value: 0)
    private var value: Value?

    public init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.value = work()
            self.done.signal()
        }
    }

    /// The work's value, once it is done (as often as asked for).
    public func wait() -> Value {
        done.wait()
        defer { done.signal() }  // for the next wait
        return value!
    }
}

/// A value one thread puts, once, and others wait for: work that goes on after it has handed over
/// its first result (`KnowledgePrefetch`).
public final class Handoff<Value: Sendable>: @unchecked Sendable {
    // `value` is written once, before `put` signals, and read only after a wait: the semaphore
    // orders the two, as in `Background`.
    private let done = DispatchSemaphore(value: 0)
    private var value: Value?

    public init() {}

    /// Hands the value over; call once.
    public func put(_ value: Value) {
        self.value = value
        done.signal()
    }

    /// The value, once it is put (as often as asked for).
    public func wait() -> Value {
        done.wait()
        defer { done.signal() }  // for the next wait
        return value!
    }
}
