import class Foundation.NSLock

/// Every output of one run, made visible together: each `--format X=FILE`, `-o`, batch
/// `--summary` file and per-folder report, `plan -o` and `--ics` is written to its temporary
/// first; `commit` renames them into place only once every one has been written, flushed and
/// closed, and stdout has been copied out. If any of them fails, none is renamed and every
/// temporary is removed (docs/security.md, promise 7). Destinations may be added from several
/// threads (a batch checks folders in parallel).
public final class ReportCommit: @unchecked Sendable {
    private let lock = NSLock()
    private var destinations: [ReportDestination] = []
    private var failures: [InputError] = []
    /// Where each report file lands (`ReportDestination.target`): two paths for one file would
    /// have the second run's temporary collide with the first's.
    private var targets: Set<String> = []

    public init() {}

    /// A report file of this run (see `ReportDestination.file`); a file another output of the run
    /// already writes (the same path, or another spelling of it) is refused, whichever command
    /// gives the two (`check --format X=F -o F` is caught earlier, `plan --ics F -o F` here).
    public func file(_ path: String, applicantRoots: Set<FileIdentity>, applicantFiles: Set<FileIdentity>) throws(InputError) -> ReportDestination {
        do throws(InputError) {
            if let target = ReportDestination.target(of: path), !lock.withLock({ targets.insert(target).inserted }) {
                throw InputError(file: path, "is given for two reports; give each report its own file")
            }
            return enrolled(try ReportDestination.file(path, applicantRoots: applicantRoots, applicantFiles: applicantFiles))
        } catch {
            fail(error)
            throw error
        }
    }

    /// This run's report on standard output, spooled until the commit.
    public func standardOutput(applicantRoots: Set<FileIdentity> = []) throws(InputError) -> ReportDestination {
        do {
            return enrolled(try ReportDestination.standardOutput(applicantRoots: applicantRoots))
        } catch {
            fail(error)
            throw error
        }
    }

    private func enrolled(_ destination: ReportDestination) -> ReportDestination {
        lock.withLock { destinations.append(destination) }
        return destination
    }

    /// Records that an output of the run failed: the commit will rename nothing.
    public func fail(_ error: InputError) {
        lock.withLock { failures.append(error) }
    }

    /// The output failures recorded so far (each already reported where it happened).
    public var failed: Bool { lock.withLock { !failures.isEmpty } }

    /// Makes every output visible: stdout first (a full disk there fails the run before any
    /// rename), then every temporary renamed, one folder flush each. Any failure removes the
    /// temporaries not yet renamed; a rename can only fail here if a report's folder changed
    /// during the run (removed, made read-only), and the reports renamed before it stay.
    public func commit() throws(InputError) {
        let all = lock.withLock { destinations.filter { !$0.isDiscarded } }
        do throws(InputError) {
            if let failure = lock.withLock({ failures.first }) { throw failure }
            for destination in all { try destination.finish() }
            for destination in all where destination.isStandardOutput { try destination.copyToStandardOutput() }
            let temporaries = all.compactMap(\.pendingTemporary)
            do {
                try PendingFiles.shared.renameAll(temporaries)
            } catch {
                let path = all.first { $0.pendingTemporary == error.temporary }?.path ?? error.temporary.destination
                throw InputError(file: path, "cannot write the report: \(error.error.description); any previous file is unchanged")
            }
            var flushed = Set<Int32>()
            for temporary in temporaries where flushed.insert(temporary.directory).inserted { PendingFiles.flush(directory: temporary.directory) }
            for destination in all { destination.committed() }
        } catch {
            discard()
            throw error
        }
    }

    /// Drops every output not yet committed: temporaries removed, previous files unchanged.
    public func discard() {
        for destination in lock.withLock({ destinations }) { destination.discard() }
    }
}
