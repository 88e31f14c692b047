/// One file a requirement's document clauses considered: whether it counted, and if not, why
/// (docs/reports.md, "candidates"). Every candidate is listed, so a count that is partly met
/// still names each file that did not count.
public struct CandidateFile: Hashable, Sendable {
    public var path: FilePath
    public var counted: Bool
    /// Why it did not count (nil when it counted), worded when a report asks: a batch summary
    /// and `--quiet` print no candidate, and wording each one cost 6 % of a `-q` catalog run's
    /// instructions (docs/performance.md, "Evaluation cost, and words made when printed").
    public var failure: (any CandidateFailure)?

    /// Why it did not count, as data (nil when it counted).
    public var reason: FindingReason? { failure?.reason }
    /// The same, as the sentence reports show (nil when it counted).
    public var sentence: String? { failure?.sentence }

    public init(path: FilePath, counted: Bool, failure: (any CandidateFailure)? = nil) {
        self.path = path
        self.counted = counted
        self.failure = failure
    }

    public static func == (lhs: CandidateFile, rhs: CandidateFile) -> Bool {
        lhs.path == rhs.path && lhs.counted == rhs.counted && lhs.reason == rhs.reason && lhs.sentence == rhs.sentence
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(counted)
        hasher.combine(reason)
    }
}

/// Why a candidate did not count, worded on demand: its data for the JSON report and its sentence.
public protocol CandidateFailure: Sendable {
    var reason: FindingReason { get }
    var sentence: String { get }
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
