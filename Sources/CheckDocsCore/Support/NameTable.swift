/// Values found by a name, for a few hundred names fixed once: a folder's candidates by document
/// type (`EvaluationContext`), which every clause of every program looks up. Through a
/// `Dictionary` each lookup hashed the name with SipHash (docs/performance.md, "Candidates by type").
///
/// Open addressing over a power-of-two array of slots, at most half full, with FNV-1a over the
/// name's bytes. The names are the catalog's type ids, never an applicant's input, so a keyed
/// hash (which guards a dictionary against chosen collisions) buys nothing here. The hash reads
/// the bytes, where `String`'s equality (used to compare) reads canonical equivalence: the two
/// agree for type ids, which the schemas hold to ASCII (`[a-z0-9][a-z0-9._-]*`).
struct NameTable<Value: Sendable>: Sendable {
    private var names: [String] = []
    private var entries: [Value] = []
    /// Index into `names` plus one; 0 is an empty slot.
    private var slots: [Int32]
    private var mask: Int

    /// The table of `candidates`, each name once (a later value of a name already given is not found).
    init(_ candidates: some Sequence<(key: String, value: Value)>) {
        let candidates = Array(candidates)
        var size = 8
        while size < candidates.count * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        names.reserveCapacity(candidates.count)
        entries.reserveCapacity(candidates.count)
        for (name, entry) in candidates {
            var slot = Self.hash(name) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            names.append(name)
            entries.append(entry)
            slots[slot] = Int32(names.count)
        }
    }

    /// The value of `name` (nil: none).
    subscript(name: String) -> Value? {
        var slot = Self.hash(name) & mask
        while true {
            let index = Int(slots[slot])
            if index == 0 { return nil }
            if names[index - 1] == name { return entries[index - 1] }
            slot = (slot + 1) & mask
        }
    }

    /// The same names, each with `transform` of its value.
    func mapValues(_ transform: (Value) -> Value) -> NameTable {
        var copy = self
        copy.entries = entries.map(transform)
        return copy
    }

    /// FNV-1a, 64 bits, over the UTF-8 bytes, read contiguously: iterating `utf8` cost more than
    /// the copy of a short name to the stack.
    static func hash(_ name: String) -> Int {
        var name = name
        return name.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            return Int(truncatingIfNeeded: hash)
        }
    }
}
