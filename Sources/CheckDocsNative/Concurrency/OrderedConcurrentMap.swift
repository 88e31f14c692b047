import Dispatch
import Foundation

/// Maps `0..<count` on every core, in any order, and hands each value to `consume` in index
/// order, on the calling thread, with at most `window` values made ahead of the one it waits
/// for. The calling thread consumes (writes a report, say) while the cores keep mapping: a
/// check's threads no longer wait for one another at the end of each slice of programs
/// (docs/performance.md, "One stream of programs").
///
/// Never stuck: the values are handed out in index order, so the lowest one not yet made is
/// always being made, by a thread inside the window. When `consume` throws, no new value is
/// started, the ones under way finish, and the error is rethrown.
public func orderedConcurrentMap<Value: Sendable, Failure: Error>(
    count: Int, window: Int, _ transform: @escaping @Sendable (Int) -> Value,
    consume: (Int, Value) throws(Failure) -> Void
) throws(Failure) {
    guard count > 0 else { return }
    let slots = OrderedSlots<Value>(window: max(window, 1))
    let producer = Background {
        DispatchQueue.concurrentPerform(iterations: count) { index in
            guard slots.waitForRoom(index) else { return }
            slots.put(transform(index), at: index)
        }
    }
    for index in 0..<count {
        let value = slots.take(index)
        do throws(Failure) {
            try consume(index, value)
        } catch {
            slots.cancel()
            producer.wait()
            throw error
        }
    }
    producer.wait()
}

/// The values made ahead of the consumer, in a ring of `window` slots, under one condition.
private final class OrderedSlots<Value>: @unchecked Sendable {
    // Every field is read and written with `condition` locked.
    private let condition = NSCondition()
    private var slots: [Value?]
    private var consumed = 0
    private var cancelled = false

    init(window: Int) { slots = Array(repeating: nil, count: window) }

    /// Waits until `index` is inside the window; false when the consumer has stopped.
    func waitForRoom(_ index: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled && index >= consumed + slots.count { condition.wait() }
        return !cancelled
    }

    func put(_ value: Value, at index: Int) {
        condition.lock()
        slots[index % slots.count] = value
        condition.broadcast()
        condition.unlock()
    }

    func take(_ index: Int) -> Value {
        condition.lock()
        defer { condition.unlock() }
        while slots[index % slots.count] == nil { condition.wait() }
        let value = slots[index % slots.count].take()!
        consumed = index + 1
        condition.broadcast()
        return value
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
