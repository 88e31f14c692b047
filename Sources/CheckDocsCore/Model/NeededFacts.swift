import CheckDocsNative

/// A fact the manifest could give that would let a rule decide: a field of one file's entry, or of
/// the applicant profile (`file` nil). The report gathers them in one block instead of repeating
/// "add `expires:`" under every requirement (docs/reports.md, "Facts to add").
public struct NeededFact: Hashable, Sendable, Comparable {
    public var file: FilePath?
    /// The manifest key: `expires`, `signed`, or for the profile `status`, `exams`...
    public var field: String

    public init(file: FilePath?, field: String) {
        self.file = file
        self.field = field
    }

    /// Files in path order, the applicant's profile last.
    public static func < (lhs: NeededFact, rhs: NeededFact) -> Bool {
        switch (lhs.file, rhs.file) {
        case let (left?, right?): return left == right ? lhs.field < rhs.field : left < right
        case (nil, nil): return lhs.field < rhs.field
        case (_?, nil): return true
        case (nil, _?): return false
        }
    }
}

/// The facts a check needs, and how many requirement results they would settle.
public struct NeededFacts: Hashable, Sendable {
    public var facts: [NeededFact] = []
    /// Distinct (program, requirement) results that wait on at least one of these facts.
    public var requirements: Int = 0

    public init(facts: [NeededFact] = [], requirements: Int = 0) {
        self.facts = facts
        self.requirements = requirements
    }

    public var isEmpty: Bool { facts.isEmpty }

    /// The facts grouped per file in order, the profile (nil) last.
    public var byFile: [(file: FilePath?, fields: [String])] {
        var groups: [(file: FilePath?, fields: [String])] = []
        for fact in facts.sorted() {
            if let last = groups.last, last.file == fact.file {
                groups[groups.count - 1].fields.append(fact.field)
            } else {
                groups.append((fact.file, [fact.field]))
            }
        }
        return groups
    }
}

extension RequirementResult {
    /// The manifest facts this failing or undecided result waits on. They come from the finding's
    /// data (a rule that could not decide for want of a date, an expiry, a result...) and, for
    /// profile rules, from the `applicant.FIELD` the message names.
    public var neededFacts: [NeededFact] {
        guard self.status.isFailure else { return [] }
        var facts: [NeededFact] = []
        let reason = self.reason  // made once: a deferred reason is made on every read
        if let reason, let file = reason.file {
            switch reason.code {
            case "date-unknown": facts.append(NeededFact(file: file, field: "date"))
            case "expiry-unknown": facts.append(NeededFact(file: file, field: "expires"))
            case "result-unknown": facts.append(NeededFact(file: file, field: "result"))
            case "titer-unknown": facts += ["value", "unit"].map { NeededFact(file: file, field: $0) }
            case "language-unknown": facts.append(NeededFact(file: file, field: "language"))
            case "name-unknown": facts.append(NeededFact(file: file, field: "nameOnDocument"))
            case "too-few-doses": facts.append(NeededFact(file: file, field: "doses"))
            case "facts-unknown":
                for field in reason.fields where field.key == "fields" {
                    if case let .strings(keys) = field.value { facts += keys.map { NeededFact(file: file, field: $0) } }
                }
            default: break
            }
        }
        if reason?.code == "passport-name-unknown" { facts.append(NeededFact(file: nil, field: "name")) }
        facts += Self.profileFields(in: self.message).map { NeededFact(file: nil, field: $0) }
        return facts
    }

    /// `applicant.status` and the like, quoted in a message; the exam and English-test messages
    /// that ask for a score name their list instead.
    static func profileFields(in message: String) -> [String] {
        // Byte searches: this runs for every failing result of every program of a catalog.
        var fields: [String] = []
        let utf8 = message.utf8
        for offset in ByteSearch.offsetsAfter("`applicant.", in: message) {
            let after = message[utf8.index(utf8.startIndex, offsetBy: offset)...]
            let name = after.prefix { $0.isLetter || $0.isNumber }
            if !name.isEmpty, after.dropFirst(name.count).first == "`" || after.dropFirst(name.count).first == "." {
                fields.append(String(name))
            }
        }
        if ByteSearch.contains(message, "add `score:` to the attempt") { fields.append("exams") }
        if ByteSearch.contains(message, "not recorded in the manifest"), ByteSearch.contains(message, "English test") {
            fields.append("englishTests")
        }
        return fields
    }
}
