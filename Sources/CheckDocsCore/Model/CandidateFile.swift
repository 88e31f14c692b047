/// One file a requirement's document clauses considered: whether it counted, and if not, why
/// (docs/reports.md, "candidates"). Every candidate is listed, so a count that is partly met
/// still names each file that did not count.
public struct CandidateFile: Hashable, Sendable {
    public var path: FilePath
    public var counted: Bool
    /// Why it did not count, as data (nil when it counted).
    public var reason: FindingReason?
    /// The same, as the sentence reports show (nil when it counted).
    public var sentence: String?

    public init(path: FilePath, counted: Bool, reason: FindingReason? = nil, sentence: String? = nil) {
        self.path = path
        self.counted = counted
        self.reason = reason
        self.sentence = sentence
    }
}

/// More files count than one program can take (ERAS: at most 4 letters per program): the
/// requirement is met, and the applicant chooses which to assign. Reported, never a failure.
public struct ChoiceToMake: Hashable, Sendable {
    public var documentType: String
    public var max: Int
    public var found: Int

    public init(documentType: String, max: Int, found: Int) {
        self.documentType = documentType
        self.max = max
        self.found = found
    }
}
