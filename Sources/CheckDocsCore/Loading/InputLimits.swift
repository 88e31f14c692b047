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
    /// Removed elements leave a hole (nil) so that the other positions stay valid.
    private var slots: [Element?] = []
    private var positions: [Key: Int] = [:]

    var count: Int { positions.count }

    func contains(_ key: Key) -> Bool { positions[key] != nil }

    subscript(key: Key) -> Element? { positions[key].flatMap { slots[$0] } }

    /// The elements in order.
    var elements: [Element] { slots.compactMap { $0 } }

    /// Replaces the element with this key where it stands, or appends it.
    mutating func replaceOrAppend(_ element: Element, key: Key) {
        if let position = positions[key] {
            slots[position] = element
        } else {
            positions[key] = slots.count
            slots.append(element)
        }
    }

    /// Removes any element with this key, then appends this one at the end.
    mutating func moveToEnd(_ element: Element, key: Key) {
        remove(key)
        positions[key] = slots.count
        slots.append(element)
    }

    mutating func remove(_ key: Key) {
        if let position = positions.removeValue(forKey: key) { slots[position] = nil }
    }
}
