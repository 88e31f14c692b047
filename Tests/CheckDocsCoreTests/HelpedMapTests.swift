import Foundation
import Synchronization
import Testing
@testable import CheckDocsNative

/// `HelpedMap`: values made in the background and by the thread that asks for them, handed back
/// in index order (docs/performance.md, "The check's thread helps read the descriptions").
@Suite struct HelpedMapTests {
    @Test("every value once, in index order, whichever thread made it; asked twice, the same")
    func inOrder() {
        let made = Atomic<Int>(0)
        let map = HelpedMap(count: 1_000) { index in
            made.wrappingAdd(1, ordering: .relaxed)
            return index * index
        }
        let values = map.values()
        #expect(values == (0..<1_000).map { $0 * $0 })
        #expect(map.values() == values)
        #expect(made.load(ordering: .relaxed) == 1_000)
    }

    @Test("nothing to map")
    func empty() {
        #expect(HelpedMap(count: 0) { $0 }.values().isEmpty)
    }

    @Test("cancelled, it starts nothing more and waits for what is under way")
    func cancelled() {
        let made = Atomic<Int>(0)
        // A millisecond each: all of them would take seconds on any number of cores.
        let map = HelpedMap(count: 10_000) { index in
            Thread.sleep(forTimeInterval: 0.001)
            made.wrappingAdd(1, ordering: .relaxed)
            return index
        }
        Thread.sleep(forTimeInterval: 0.01)
        map.cancel()
        let after = made.load(ordering: .relaxed)
        #expect(after < 1_000)
        // Nothing runs after `cancel` returned.
        Thread.sleep(forTimeInterval: 0.02)
        #expect(made.load(ordering: .relaxed) == after)
    }
}
