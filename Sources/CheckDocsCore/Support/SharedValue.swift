/// A value kept on the heap and shared by its copies until one of them changes it (copy on write,
/// as the standard library's arrays are).
///
/// For the large values that every program's evaluation copies again and again (a requirement, a
/// requirement's result): copying a struct of a dozen strings and arrays retains and releases
/// each of them, an atomic operation each, where copying this retains one reference
/// (docs/performance.md, "Shared values").
struct SharedValue<Value: Hashable & Sendable>: Hashable, Sendable {
    /// Changed only through `value`'s `_modify`, after `isKnownUniquelyReferenced` has made the box
    /// this value's alone: no two threads ever see a box that is being written.
    ///
    /// Without the run-time exclusivity check: every read and write of a result's or requirement's
    /// field went through it (a thread-local access set searched and updated), 6 % of a batch's
    /// instructions. The check guards against overlapping accesses to one box, and there are none:
    /// `value` reads in place and writes only a box `isKnownUniquelyReferenced` has made this
    /// value's own, for the length of one `_modify` (docs/performance.md, "Shared values").
    private final class Box: @unchecked Sendable {
        @exclusivity(unchecked) var value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    init(_ value: Value) { box = Box(value) }

    /// Read in place (a field read copies that field only); changed in place once the box is unique.
    var value: Value {
        _read { yield box.value }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
            yield &box.value
        }
    }

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.box === rhs.box || lhs.box.value == rhs.box.value }

    func hash(into hasher: inout Hasher) { box.value.hash(into: &hasher) }
}
