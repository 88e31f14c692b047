#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import CheckDocsCore
import Foundation
import CheckDocsNative

/// `checkdocs <folder> <folder> ...`: many applicants, one catalog, a summary line per folder.
extension Check {
    /// Several folders, or a --summary, make a batch run; one folder alone is the usual check.
    var isBatch: Bool { folders.count > 1 || !summary.isEmpty }

    func validateBatch() throws {
        if output != nil { throw ValidationError("-o/--output is for one folder; in a batch run use --summary FMT=FILE or --format FMT=DIR/") }
        for request in format {
            guard let directory = request.file else {
                throw ValidationError("in a batch run, detailed reports go one file per folder into a directory: --format \(request.id)=DIR/")
            }
            if !directory.hasSuffix("/") && FileSystem.kind(of: directory) != .directory {
                throw ValidationError("--format \(request.id)=\(directory): in a batch run this must be a directory (end it with /)")
            }
        }
        if summary.filter({ $0.file == nil }).count > 1 {
            throw ValidationError("only one --summary can go to stdout; give the others a file with FMT=FILE")
        }
    }

    func runBatch() throws {
        if let errors = reportFolderErrors() { throw Terminal.fail(errors) }
        let progress = Progress(total: folders.count)
        var request = CheckRequest(folder: "", programPaths: catalog.programs, programIDs: program, kinds: kind,
                                   asOf: asOf ?? Terminal.today(), checklistPaths: catalog.checklists, failOn: failOn.severity)
        request.session = session
        request.readFacts = facts == .read
        let read = folders + catalog.programs
        request.useUserCaches(awayFrom: read, scanProgress: false)
        let requests = summary.contains { $0.file == nil } ? summary : summary + [SummaryRequest.defaultChoice]
        let keepsProgramStatuses = try requests.contains { try $0.resolve().readsProgramStatuses }
        let checker: BatchChecker
        do {
            let knowledge = try Knowledge.load(extraChecklists: catalog.checklists)
            request.waivers = try Self.loadWaivers(waivers, schemas: knowledge.schemas)
            checker = try BatchChecker(request: request, knowledge: knowledge, keepsProgramStatuses: keepsProgramStatuses)
        } catch {
            throw Terminal.fail(error)
        }
        let names = Self.reportNames(folders)
        let options = FormatOptions(color: false, verbosity: quiet ? .quiet : verbose ? .verbose : .normal,
                                    width: Terminal.textWidth(toStandardOutput: false))
        // One reporter per format, made here; each folder writes with its own copy (a value).
        let reports = try format.map { request in
            (reporter: try request.resolve { $0.reportMaker?(options) }, fileExtension: try request.resolve().fileExtension,
             directory: request.file!.hasSuffix("/") ? request.file! : request.file! + "/")
        }
        // Every report of the run (per folder, summaries, the table on stdout) commits together.
        let commit = ReportCommit()
        let outcomes = checker.run(folders, commit: commit, reports: { index, _ in
            reports.map { report in
                ReportStream.Output(reporter: report.reporter, file: report.directory + names[index] + "." + report.fileExtension)
            }
        }, progress: progress.update)
        progress.finish()
        KeptUntilExit.keep(checker)

        for outcome in outcomes {
            for error in outcome.errors {
                let named = error.location.file.hasPrefix(outcome.folder)
                Terminal.error("checkdocs: " + (named ? "" : "\(outcome.folder): ") + error.description)
            }
        }
        let input = BatchSummaryInput(outcomes: outcomes, asOf: request.asOf, toolVersion: ReadinessChecker.toolVersion)
        let roots = applicantRoots
        let texts = try requests.map { try $0.resolve(\.summaryMaker)(input) }
        var failure: InputError?
        do throws(InputError) {
            for (summaryRequest, text) in zip(requests, texts) {
                let destination: ReportDestination
                if let file = summaryRequest.file {
                    destination = try commit.file(file, applicantRoots: roots, applicantFiles: [])
                } else {
                    destination = try commit.standardOutput(applicantRoots: roots)
                }
                try destination.write(Array(text.utf8))
            }
            // A report that failed in a folder was named with the folder's errors.
            if !commit.failed { try commit.commit() }
        } catch {
            failure = error
        }
        if let failure { Terminal.error("checkdocs: \(failure)") }
        if failure != nil || commit.failed {
            commit.discard()
            throw ExitCode(2)
        }
        if outcomes.contains(where: { $0.result == .error }) { throw ExitCode(2) }
        if outcomes.contains(where: { $0.result == .blocked }) { throw ExitCode(1) }
    }

    /// A `--format FMT=DIR/` folder that is not there, or that is inside one of the applicant
    /// folders, is refused once, before any folder is checked, rather than as an error of every
    /// folder; it is not created (docs/reports.md, Batch summaries). nil when every report folder
    /// exists outside them (each report still checks its own file when written).
    func reportFolderErrors() -> InputErrors? {
        var seen: Set<String> = []
        var errors: [InputError] = []
        let roots = applicantRoots
        for request in format {
            guard let directory = request.file, seen.insert(directory).inserted else { continue }
            // "reports/" of a file named reports fails as missing; its own kind says more.
            var bare = Substring(directory)
            while bare.count > 1 && bare.hasSuffix("/") { bare = bare.dropLast() }
            switch FileSystem.kind(of: String(bare)) {
            case .directory:
                if case .success(let opened) = Directory.open(String(bare)), opened.containment(in: roots) == .inside {
                    errors.append(InputError(file: directory, "refusing to write reports inside one of the applicant folders; choose a path outside them"))
                }
            case .missing:
                errors.append(InputError(file: directory, "the report folder does not exist (or cannot be reached); create it first (--format \(request.id)=\(directory))"))
            default:
                errors.append(InputError(file: directory, "is not a folder; in a batch run --format \(request.id)=DIR/ names the folder for every folder's report"))
            }
        }
        return errors.isEmpty ? nil : InputErrors(errors)
    }

    /// The applicant folders' identities, which no report may be written inside.
    var applicantRoots: Set<FileIdentity> { Set(folders.compactMap { FileSystem.identity(of: $0) }) }

    /// A report file name per folder: its last path component, made unique with -2, -3, ... A
    /// suffixed name is never another folder's own name: with folders `x/ready`, `y/ready` and
    /// `ready-2`, the second `ready` gets `ready-3`, and `ready-2.json` is the folder `ready-2`'s.
    static func reportNames(_ folders: [String]) -> [String] {
        // The folder's own name, `.` and `..` resolved against the current folder.
        let bases = folders.map { folder -> String in
            let base = URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent
            return base.isEmpty || base == "/" ? "folder" : base
        }
        let own = Set(bases)
        var used: Set<String> = []
        return bases.map { base in
            var name = base
            var number = 2
            while used.contains(name) || (name != base && own.contains(name)) {
                name = "\(base)-\(number)"
                number += 1
            }
            used.insert(name)
            return name
        }
    }
}

/// "checked 12 of 300 folders" on stderr, only when stderr is a terminal and the run has taken
/// more than a second; erased at the end. Called from any thread.
final class Progress: @unchecked Sendable {
    private let total: Int
    private let start = Date()
    private let lock = NSLock()
    private let enabled = isatty(STDERR_FILENO) == 1
    private var shown = false

    init(total: Int) { self.total = total }

    func update(_ done: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        guard shown || Date().timeIntervalSince(start) > 1 else { return }
        shown = true
        Terminal.errorRaw("\rchecked \(done) of \(total) folders")
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { Terminal.errorRaw("\r\u{1B}[K") }
    }
}
