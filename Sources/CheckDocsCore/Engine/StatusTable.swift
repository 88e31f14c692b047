/// The statuses alone an `ExpressionMemo` keeps (`ExpressionMemo.status(for:make:)`), in a table
/// addressed by the key's own word. A key is a hash already (a rule's fingerprint and its days,
/// `ExpressionMemo.Key.word`), and a `Dictionary` hashed it again with SipHash at every look-up:
/// about 270 instructions, 24 times for every program a batch folder decides (docs/performance.md,
/// "Statuses alone").
struct StatusTable {
    private var keys: [ExpressionMemo.Key] = []
    private var statuses: [RequirementStatus] = []
    /// For each slot, the index of its key in `keys` plus one; 0 is an empty slot. A power of two
    /// at least twice as many as the keys, so that a look-up finds its key or a free slot soon.
    private var slots: [Int32] = []
    /// At most this many statuses are kept; the later ones are made again when asked.
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    var count: Int { keys.count }

    /// The status kept for `key`, if any.
    func status(for key: ExpressionMemo.Key) -> RequirementStatus? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = key.word & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            if keys[index] == key { return statuses[index] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Keeps `status` for `key` while there is room; a key already kept keeps its status.
    mutating func keep(_ status: RequirementStatus, for key: ExpressionMemo.Key) {
        guard keys.count < capacity, self.status(for: key) == nil else { return }
        keys.append(key)
        statuses.append(status)
        if keys.count * 2 > slots.count {
            // Twice as many slots, every key placed again.
            slots = Array(repeating: 0, count: Swift.max(64, slots.count * 2))
            for index in keys.indices { place(index) }
        } else {
            place(keys.count - 1)
        }
    }

    mutating func removeAll() {
        keys.removeAll()
        statuses.removeAll()
        slots.removeAll()
    }

    /// Puts the key at `index` in the first free slot from its word on.
    private mutating func place(_ index: Int) {
        let mask = slots.count - 1
        var slot = keys[index].word & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index + 1)
    }
}
