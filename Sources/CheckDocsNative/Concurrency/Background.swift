import Dispatch

/// Work started on another thread now, whose value is asked for later: the caller does something
/// else meanwhile (a check reads the next batch of descriptions while it evaluates the current
/// one; `orderedConcurrentMap` maps while its caller consumes).
public final class Background<Value: Sendable>: Sendable {
    private let result = Handoff<Value>()

    public init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async { [result] in result.put(work()) }
    }

    /// The work's value, once it is done (as often as asked for).
    public func wait() -> Value { result.wait() }
}

/// A value one thread puts, once, and others wait for: a `Background`'s result, or what work that
/// goes on hands over first (`KnowledgePrefetch`).
public final class Handoff<Value: Sendable>: @unchecked Sendable {
    // `value` is written once, before `put` signals, and read only after a wait: the semaphore
    // orders the two.
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
