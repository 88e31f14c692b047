import Synchronization

/// A value made the first time it is asked for, by whichever thread asks first; a thread that asks
/// meanwhile waits for it. For what only some commands need, and a start-up may make ahead on
/// another core (`Knowledge.classifier`, made by `KnowledgePrefetch`).
final class MadeOnce<Value: Sendable>: Sendable {
    private let made = Mutex<Value?>(nil)

    func value(_ make: () -> Value) -> Value {
        made.withLock { made in
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}
