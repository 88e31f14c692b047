import CheckDocsNative

/// Checks many applicant folders against one catalog in one run (an advisor's batch). The
/// catalog is loaded and resolved once: the `--programs` files, or the standard checklists for
/// folders without their own `programs/` (a folder with one is checked against it, as alone).
/// Folders are checked on every core; each folder's check is exactly the one-folder check.
public struct BatchChecker {
    public let knowledge: Knowledge
    /// The request for every folder (its `folder` is replaced by each one).
    public let request: CheckRequest
    private let shared: [ResolvedProgram]?
    private let standard: [ResolvedProgram]
    /// What each of the two asks of a folder, gathered once for all the folders.
    private let sharedNeeds: ClauseNeeds?
    private let standardNeeds: ClauseNeeds
    /// Whether each folder's outcome lists every program's status (`FolderOutcome.programStatuses`),
    /// which only a summary that reads them needs (`OutputFormat.readsProgramStatuses`): an
    /// advisor's 300 folders × 5,000 programs kept 1.5 million entries, 50 MB, for a `--summary csv`
    /// that prints counts (docs/performance.md, "What a batch keeps of each folder").
    public let keepsProgramStatuses: Bool

    /// Loads and resolves the shared catalog; its errors end the run before any folder.
    public init(request: CheckRequest, knowledge: Knowledge, keepsProgramStatuses: Bool = true) throws(InputErrors) {
        var request = request
        // Shared by the folders: the rules in words, and the classifier of file names.
        request.ruleTexts = RuleTexts()
        request.classifier = knowledge.classifier
        self.request = request
        self.knowledge = knowledge
        self.keepsProgramStatuses = keepsProgramStatuses
        shared = request.programPaths.isEmpty ? nil : try knowledge.loadPrograms(request.programPaths, cache: request.catalogCache)
        // A --program that the shared catalog does not have, or that --kind leaves out, is the
        // command line's mistake, said once: not an input error of every folder.
        if let shared, !request.programIDs.isEmpty {
            let ids = shared.map(\.id)
            var errors = request.programIDs.filter { !ids.contains($0) }.map { ReadinessChecker.unknownProgram($0, known: ids) }
            if !request.kinds.isEmpty {
                errors += shared.filter { request.programIDs.contains($0.id) && !request.kinds.contains($0.kind) }
                    .map { ReadinessChecker.leftOutByKind($0, kinds: request.kinds) }
            }
            if !errors.isEmpty { throw InputErrors(errors) }
        }
        // With the built-in catalog's programs that --program names, resolved once for every folder
        // (ReadinessChecker adds them for a folder alone).
        standard = try ReadinessChecker.withNamedCatalogPrograms(knowledge.standardPrograms(), ids: request.programIDs, knowledge: knowledge)
        sharedNeeds = shared.map(ClauseNeeds.init)
        standardNeeds = ClauseNeeds(standard)
    }

    /// Checks each folder, in parallel; outcomes come back in the order of `folders`.
    /// `reports(index, folder)` gives the detailed reports to write for a folder (often none);
    /// they are written into `commit`, which the caller commits with the run's other outputs.
    /// `progress(done)` is called, from any thread, as each folder finishes.
    public func run(_ folders: [String], commit: ReportCommit, reports: (Int, String) -> [ReportStream.Output],
                    progress: @Sendable (Int) -> Void = { _ in }) -> [FolderOutcome] {
        let roots = Set(folders.compactMap { FileSystem.identity(of: $0) })
        let counter = Counter()
        // With a folder for every core, each folder's programs are evaluated on its own thread:
        // spread over the cores as well, the folders' threads handed results to one another and
        // waited for them, and the batch took 0.78 s instead of 0.49 s (docs/performance.md,
        // "One thread per folder").
        let alone = folders.count >= ReadinessChecker.evaluationLanes
        // One sniffing session for the whole batch: libmagic's database, once loaded for a file
        // no signature settles, stays loaded until the last folder is done. Closed after each
        // folder, it was loaded again for the next (≈ 1.5 ms each: 300 one-file folders took
        // 0.6 s instead of 0.1 s; docs/performance.md, "Peak memory (issue 15)").
        return MagicSniffer.shared.whileSniffing {
            Array(folders.enumerated()).concurrentMap { index, folder in
                defer { progress(counter.increment()) }
                return check(folder, stream: ReportStream(reports(index, folder), otherApplicantRoots: roots, commit: commit),
                             evaluatesOnCallingThread: alone)
            }
        }
    }

    /// One folder: its outcome, its detailed reports written (or discarded after an input error).
    /// `evaluatesOnCallingThread`: its programs are evaluated on this thread alone, in order.
    public func check(_ folder: String, stream: ReportStream, evaluatesOnCallingThread: Bool = false) -> FolderOutcome {
        var folderRequest = request
        folderRequest.folder = folder
        let programs = shared ?? (ReadinessChecker.programPaths(folderRequest).isEmpty ? standard : nil)
        folderRequest.clauseNeeds = shared != nil ? sharedNeeds : programs != nil ? standardNeeds : nil
        folderRequest.evaluatesOnCallingThread = evaluatesOnCallingThread
        var events = OutcomeEvents(stream: stream, outcome: FolderOutcome(folder: folder), keepsProgramStatuses: keepsProgramStatuses)
        do {
            try ReadinessChecker.check(folderRequest, knowledge: knowledge, programs: programs, events: &events)
        } catch {
            events.stream.discard()
            events.outcome.errors = error.errors
        }
        return events.outcome
    }
}

/// Counts a folder's programs while its reports stream on.
private struct OutcomeEvents: CheckEvents {
    var stream: ReportStream
    var outcome: FolderOutcome
    let keepsProgramStatuses: Bool

    var readsNeededFacts: Bool { stream.readsNeededFacts }
    /// The summary lines read each program's status alone: its results only for a report to write.
    var readsResults: Bool { stream.readsResults }

    mutating func begin(_ header: ReportHeader) throws(InputErrors) { try stream.begin(header) }
    mutating func program(_ result: ProgramResult) throws(InputErrors) {
        count(id: result.id, status: result.status)
        try stream.program(result)
    }
    mutating func program(id: String, status: ProgramStatus) throws(InputErrors) { count(id: id, status: status) }

    private mutating func count(id: String, status: ProgramStatus) {
        outcome.statusCounts[status, default: 0] += 1
        if keepsProgramStatuses { outcome.programStatuses.append(.init(id: id, status: status)) }
    }
    mutating func end(_ summary: ReportSummary) throws(InputErrors) {
        try stream.end(summary)
        outcome.blocking = summary.blocking
        outcome.waivers = summary.waivers
    }
}

/// How many folders are done, from any thread.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}

import class Foundation.NSLock
