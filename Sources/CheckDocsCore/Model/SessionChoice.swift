/// Which session a program's report is about, and why (docs/reports.md, "Sessions").
public struct SessionChoice: Hashable, Sendable {
    public enum Reason: String, Sendable {
        /// The earliest session not yet started that the applicant is ready for.
        case earliestReady = "earliest-ready"
        /// No session is ready: the earliest one still open to applications.
        case earliestOpen = "earliest-open"
        /// Every future session is closed (or none is left): the last one.
        case noneOpen = "none-open"
        /// Chosen by `--session` or the manifest's `targets:`.
        case chosen
    }

    public var start: CalendarDate
    public var reason: Reason
    /// How many sessions the program lists.
    public var count: Int

    public init(start: CalendarDate, reason: Reason, count: Int) {
        self.start = start
        self.reason = reason
        self.count = count
    }

    /// "session 2027-02-01 (of 11): the earliest you are ready for".
    public var words: String {
        let why: String
        switch reason {
        case .earliestReady: why = "the earliest you are ready for"
        case .earliestOpen: why = "none is ready yet; the earliest still open"
        case .noneOpen: why = "no session is open any more; the last one"
        case .chosen: why = "chosen"
        }
        return "session \(start) (of \(count)): \(why)"
    }
}
