/// Values a command keeps until the process exits instead of freeing them: the exit returns the
/// memory at once, where freeing a large structure object by object is a run's last step on one
/// core. A batch's catalog (1,000 programs' descriptions and requirements) took 8 ms to free
/// after the last folder was done (docs/performance.md, "One thread per folder").
public enum KeptUntilExit {
    /// Keeps `value` (and whatever it references) alive to the end of the process.
    public static func keep<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Kept(value))
    }

    private final class Kept<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
