import Dispatch

extension Array where Element: Sendable {
    /// `map` spread over the cores, for independent pieces of work; the order is kept.
    public func concurrentMap<Mapped>(_ transform: (Element) -> Mapped) -> [Mapped] {
        var results = [Mapped?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = SendableBuffer(buffer)
            withoutActuallyEscaping(transform) { transform in
                let work = UnsafeTransfer(transform)
                DispatchQueue.concurrentPerform(iterations: count) { index in
                    slots.buffer[index] = work.value(self[index])
                }
            }
        }
        return results.map { $0! }
    }
}

/// Carries a non-Sendable closure into concurrentPerform, which runs it before returning.
struct UnsafeTransfer<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Lets concurrentPerform write distinct slots of one buffer.
struct SendableBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
