import CheckDocsNative

/// Feeds a streamed check to several reporters at once, each to its own destination
/// (`--format FMT[=FILE]`, repeatable). Bytes go out after every program, so memory stays flat.
public struct ReportStream: CheckEvents {
    public struct Output: Sendable {
        public var reporter: any Reporter
        /// nil: standard output.
        public var file: String?

        public init(reporter: any Reporter, file: String?) {
            self.reporter = reporter
            self.file = file
        }
    }

    /// Each reporter is a value kept here and changed in place as the check streams by.
    private var outputs: [Output]
    private var destinations: [ReportDestination] = []
    private var buffer = ReportOutput()
    /// Whether the finished check reached the --fail-on threshold.
    public private(set) var blocking = false

    /// Other applicant folders of the run (a batch): report files are refused inside them too.
    private let otherRoots: Set<FileIdentity>

    /// Where the destinations are committed: the stream's own, committed at `end`, or a batch's,
    /// shared by every folder and committed once the whole run has been written.
    private let commit: ReportCommit
    private let ownsCommit: Bool

    public init(_ outputs: [Output], otherApplicantRoots: Set<FileIdentity> = [], commit: ReportCommit? = nil) {
        self.outputs = outputs
        self.otherRoots = otherApplicantRoots
        self.commit = commit ?? ReportCommit()
        self.ownsCommit = commit == nil
    }

    /// Opens every destination before anything is written: a refused path fails the run early.
    public mutating func begin(_ header: ReportHeader) throws(InputErrors) {
        do throws(InputError) {
            // Two outputs to one file are refused by the commit (`ReportCommit.file`).
            for output in outputs {
                if let file = output.file {
                    destinations.append(try commit.file(file, applicantRoots: otherRoots.union([header.folderIdentity]),
                                                        applicantFiles: header.fileIdentities))
                } else {
                    destinations.append(try commit.standardOutput(applicantRoots: otherRoots.union([header.folderIdentity])))
                }
            }
        } catch {
            failed(error)
            throw InputErrors([error])
        }
        try each { $0.begin(header, into: &$1) }
    }

    public mutating func program(_ result: ProgramResult) throws(InputErrors) {
        try each { $0.program(result, into: &$1) }
    }

    /// Each reporter's fragment of a program, made on the evaluating thread from the reporters'
    /// immutable parts (Reporter.fragments); nil when no reporter makes fragments.
    public var readsNeededFacts: Bool { outputs.contains { $0.reporter.readsNeededFacts } }
    /// A stream with no report to write (a batch folder's, with summaries only) reads none.
    public var readsResults: Bool { !outputs.isEmpty }

    public var preparation: (@Sendable (ProgramResult) -> [[UInt8]?])? {
        let makers = outputs.map(\.reporter.fragments)
        guard makers.contains(where: { $0 != nil }) else { return nil }
        return { result in makers.map { $0?(result) } }
    }

    public mutating func program(_ result: ProgramResult, prepared: [[UInt8]?]) throws(InputErrors) {
        var index = 0
        try each { reporter, out in
            if index < prepared.count, let fragment = prepared[index] {
                reporter.program(result, fragment: fragment, into: &out)
            } else {
                reporter.program(result, into: &out)
            }
            index += 1
        }
    }

    public mutating func end(_ summary: ReportSummary) throws(InputErrors) {
        blocking = summary.blocking
        try each { $0.end(summary, into: &$1) }
        do throws(InputError) {
            if ownsCommit {
                try commit.commit()
            } else {
                for destination in destinations { try destination.finish() }
            }
        } catch {
            failed(error)
            throw InputErrors([error])
        }
    }

    /// A destination failed: this stream's reports go, and in a batch nothing will be committed.
    private func failed(_ error: InputError) {
        discard()
        if !ownsCommit { commit.fail(error) }
    }

    /// Leaves no report behind (after an input error).
    public func discard() {
        for destination in destinations { destination.discard() }
    }

    private mutating func each(_ body: (inout any Reporter, inout ReportOutput) -> Void) throws(InputErrors) {
        for (index, destination) in zip(outputs.indices, destinations) {
            body(&outputs[index].reporter, &buffer)
            do {
                try destination.write(buffer.take())
            } catch {
                failed(error)
                throw InputErrors([error])
            }
        }
    }
}
