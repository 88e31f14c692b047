import Foundation

/// The rules in words of one batch run, shared by its folders. A requirement's rule in words
/// ("TB test; dated within 12 months before the rotation end (2026-03-23..2027-03-23)") depends on
/// the program and its dates, never on the folder: a batch of 20 folders worded each one 20 times,
/// a third of the run (docs/performance.md). A one-folder check words each rule once and does not
/// use it.
public final class RuleTexts: @unchecked Sendable {
    /// What the words depend on: the program (its file and id: two folders' own `programs/` may
    /// reuse an id), the requirement, and the dates its rules are measured from.
    struct Key: Hashable {
        var file: String
        var program: String
        var requirement: String
        var asOf: CalendarDate
        var rotation: Rotation?
        var deadline: CalendarDate?
        var offer: CalendarDate?
    }

    private let lock = NSLock()
    private var texts: [Key: String] = [:]

    public init() {}

    /// How many rules are worded so far.
    var count: Int { lock.withLock { texts.count } }

    func text(for key: Key, make: () -> String) -> String {
        if let known = lock.withLock({ texts[key] }) { return known }
        let text = make()
        lock.withLock { texts[key] = text }
        return text
    }
}
