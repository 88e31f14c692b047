import CheckDocsNative

/// How far inheritance and the document-type catalog may go (docs/programs.md, "Limits of inheritance and the catalog"). Each is
/// far above what a real program or catalog uses, and low enough that the largest input under
/// every limit loads in well under a second: past one, the input is refused (exit 2) with its
/// file and location, never worked through for minutes.
public enum InputLimits {
    /// The longest `extends` chain from a program or checklist down to one that extends nothing.
    public static let inheritanceDepth = 32
    /// Checklists one description builds on, directly or through others, each counted once.
    public static let bases = 64
    /// Requirements of one program or checklist, its own and inherited ones together; the same
    /// for eligibility rules.
    public static let requirements = 1_000
    /// The longest chain of parents in the document-type catalog (`tb_igra` → `tb_test` is 1).
    public static let parentDepth = 32
    /// Document types in the catalog, built-in and added ones together.
    public static let types = 1_000
}

/// A list kept in order with an index by key, so that replacing, moving to the end and removing
/// by id cost O(1) instead of a scan of the whole list: inheritance merges do this once per
/// requirement, and a scan each time made one program of 80,000 requirements take a minute.
struct KeyedList<Key: Hashable, Element> {
    /// Every element placed, in order. A removed or moved one stays where it was, marked in
    /// `holes`, so that the other positions stay valid; `elements` leaves it out.
    private var slots: [Element] = []
    /// Positions no longer in the list. Usually none: `elements` is then `slots` itself, not a
    /// copy of every element (a resolved program's requirements were copied twice through here,
    /// docs/performance.md, "Loading descriptions").
    private var holes: Set<Int> = []
    private var positions: [Key: Int] = [:]

    var count: Int { positions.count }

    func contains(_ key: Key) -> Bool { positions[key] != nil }

    subscript(key: Key) -> Element? { positions[key].map { slots[$0] } }

    /// The elements in order.
    var elements: [Element] {
        guard !holes.isEmpty else { return slots }
        var elements: [Element] = []
        elements.reserveCapacity(positions.count)
        for (position, element) in slots.enumerated() where !holes.contains(position) { elements.append(element) }
        return elements
    }

    /// The elements in order, for the list's last use: the few removed ones are taken out of
    /// `slots` in place (moved, not copied), so the result is the same storage, with no element
    /// copied again. Many holes (a long chain of moves) are left out by a copy instead, which
    /// costs one pass rather than one shift of the tail per hole.
    mutating func takeElements() -> [Element] {
        guard !holes.isEmpty else { return slots }
        guard holes.count <= 16 else { return elements }
        for position in holes.sorted(by: >) { slots.remove(at: position) }
        holes = []
        positions = [:]
        return slots
    }

    mutating func reserveCapacity(_ capacity: Int) {
        slots.reserveCapacity(capacity)
        positions.reserveCapacity(capacity)
    }

    /// Replaces the element with this key where it stands, or appends it.
    mutating func replaceOrAppend(_ element: Element, key: Key) {
        let end = slots.count
        // One lookup of the key: it is entered at the end when it is not there yet.
        let position = Self.read(&positions[key, default: end])
        if position == end {
            slots.append(element)
        } else {
            slots[position] = element
        }
    }

    /// Removes any element with this key, then appends this one at the end.
    mutating func moveToEnd(_ element: Element, key: Key) {
        if let old = positions.updateValue(slots.count, forKey: key) { holes.insert(old) }
        slots.append(element)
    }

    mutating func remove(_ key: Key) {
        if let position = positions.removeValue(forKey: key) { holes.insert(position) }
    }

    private static func read(_ value: inout Int) -> Int { value }
}
