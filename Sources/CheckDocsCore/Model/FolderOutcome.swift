import CheckDocsNative

/// One applicant folder's outcome in a batch run: a line of the summary table.
public struct FolderOutcome: Hashable, Sendable {
    public enum Result: String, Sendable {
        /// Every program checked is ready, and nothing reached --fail-on.
        case ready
        /// Nothing reached --fail-on, but a program is not ready, or none was checked: what
        /// `--fail-on never` (or `--kind` with no program of the kind) leaves. Never `ready`: an
        /// advisor reads this column to see who is ready, whatever gates the exit code.
        case notReady = "not-ready"
        /// A finding reached --fail-on (exit 1).
        case blocked
        /// An input error: the folder, its manifest, waivers or programs could not be read (exit 2).
        case error
    }

    public var folder: String
    public var statusCounts: [ProgramStatus: Int] = [:]
    /// Each program's id and status, in report order (the `csv-matrix` summary).
    public var programStatuses: [ProgramStatusEntry] = []
    public var waivers: WaiverSummary?
    public var blocking = false
    public var errors: [InputError] = []

    public var result: Result {
        if !errors.isEmpty { return .error }
        if blocking { return .blocked }
        return programCount > 0 && count(.ready) == programCount ? .ready : .notReady
    }
    public var programCount: Int { statusCounts.values.reduce(0, +) }
    public func count(_ status: ProgramStatus) -> Int { statusCounts[status] ?? 0 }

    /// One program's status in one folder.
    public struct ProgramStatusEntry: Hashable, Sendable {
        public var id: String
        public var status: ProgramStatus

        public init(id: String, status: ProgramStatus) {
            self.id = id
            self.status = status
        }
    }
}
