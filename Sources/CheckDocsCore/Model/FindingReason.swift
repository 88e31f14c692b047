/// Why a requirement has its status, as data beside the sentence: the constraint kind that
/// decided (`window`, `validThrough`, `file`, `document` for the count, …), a code for the
/// case, the file it was about, and the dates and values involved (docs/reports.md, "reason").
public struct FindingReason: Hashable, Sendable {
    public enum Value: Hashable, Sendable {
        case string(String)
        case int(Int)
        case number(Double)
        case bool(Bool)
        case date(CalendarDate)
        case strings([String])
    }

    public struct Field: Hashable, Sendable {
        public var key: String
        public var value: Value
    }

    public var kind: String
    public var code: String
    public var file: FilePath?
    public var fields: [Field]

    public init(kind: String, code: String, file: FilePath?, fields: [Field]) {
        self.kind = kind
        self.code = code
        self.file = file
        self.fields = fields
    }
}

/// A result's reason, kept as the finding it is made from until a report reads it: the JSON report
/// and the facts to add read it, a batch summary and `-q` never do, and making one (a list of
/// fields, its strings) cost two thousand instructions for every requirement not met of every
/// program (docs/performance.md, "Messages worded when read"). Two are equal when their data are.
///
/// Not a `MadeWhenRead`: the file is kept beside the finding, so that `file` is read without
/// making the rest, and a maker holding both would not fit an existential's inline storage: a
/// heap box for every requirement not met.
public struct ReasonData: Hashable, Sendable {
    private enum Source: Sendable {
        case made(FindingReason)
        case deferred(any ReasonToMake, file: FilePath?)
    }

    private let source: Source

    public init(_ reason: FindingReason) { source = .made(reason) }

    /// `file`: the file the finding is about (nil: none, or the clause's count).
    init(finding: any ReasonToMake, file: FilePath?) { source = .deferred(finding, file: file) }

    /// The reason as data, made on every read of a deferred one.
    public var reason: FindingReason {
        switch source {
        case let .made(reason): return reason
        case let .deferred(finding, file): return finding.reason(file: file)
        }
    }

    /// The file the finding is about, without making the rest (`ReasonToMake` makes a reason about
    /// the file it is given).
    public var file: FilePath? {
        switch source {
        case let .made(reason): return reason.file
        case let .deferred(_, file): return file
        }
    }

    /// Whether the data are made when read, not kept made (tests).
    var isDeferred: Bool {
        if case .deferred = source { return true }
        return false
    }

    public static func == (lhs: ReasonData, rhs: ReasonData) -> Bool { lhs.reason == rhs.reason }

    public func hash(into hasher: inout Hasher) { hasher.combine(reason) }
}

/// A finding that makes its reason as data when asked (Engine's `Finding`), about `file`.
protocol ReasonToMake: Sendable {
    func reason(file: FilePath?) -> FindingReason
}
