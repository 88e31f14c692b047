#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import CheckDocsCore
import Foundation

/// `checkdocs <folder> <folder> ...`: many applicants, one catalog, a summary line per folder.
extension Check {
    /// Several folders, or a --summary, make a batch run; one folder alone is the usual check.
    var isBatch: Bool { folders.count > 1 || !summary.isEmpty }

    func validateBatch() throws {
        if output != nil { throw ValidationError("-o/--output is for one folder; in a batch run use --summary FMT=FILE or --format FMT=DIR/") }
        for request in format {
            guard let directory = request.file else {
                throw ValidationError("in a batch run, detailed reports go one file per folder into a directory: --format \(request.format.rawValue)=DIR/")
            }
            if !directory.hasSuffix("/") && FileSystem.kind(of: directory) != .directory {
                throw ValidationError("--format \(request.format.rawValue)=\(directory): in a batch run this must be a directory (end it with /)")
            }
        }
        if summary.filter({ $0.file == nil }).count > 1 {
            throw ValidationError("only one --summary can go to stdout; give the others a file with FMT=FILE")
        }
    }

    func runBatch() throws {
        let progress = Progress(total: folders.count)
        var request = CheckRequest(folder: "", programPaths: catalog.programs, programIDs: program, kinds: kind,
                                   asOf: asOf ?? Terminal.today(), checklistPaths: catalog.checklists, failOn: failOn.severity)
        let checker: BatchChecker
        do {
            let knowledge = try Knowledge.load(extraChecklists: catalog.checklists)
            request.waivers = try waivers.map { file throws(InputErrors) in try WaiverLoader(schemas: knowledge.schemas).load(file: file) }
            checker = try BatchChecker(request: request, knowledge: knowledge)
        } catch {
            throw Terminal.fail(error)
        }
        let names = Self.reportNames(folders)
        let verbosity: TextReporter.Verbosity = quiet ? .quiet : verbose ? .verbose : .normal
        let formats = format
        // Every report of the run (per folder, summaries, the table on stdout) commits together.
        let commit = ReportCommit()
        let outcomes = checker.run(folders, commit: commit, reports: { index, _ in
            formats.map { request in
                let directory = request.file!.hasSuffix("/") ? request.file! : request.file! + "/"
                return ReportStream.Output(reporter: request.format.reporter(color: false, verbosity: verbosity),
                                           file: directory + names[index] + "." + request.format.fileExtension)
            }
        }, progress: progress.update)
        progress.finish()

        for outcome in outcomes {
            for error in outcome.errors {
                let named = error.location.file.hasPrefix(outcome.folder)
                Terminal.error("checkdocs: " + (named ? "" : "\(outcome.folder): ") + error.description)
            }
        }
        let requests = summary.contains { $0.file == nil } ? summary : summary + [SummaryRequest(format: .table, file: nil)]
        let roots = Set(folders.compactMap { FileSystem.identity(of: $0) })
        var failure: InputError?
        do throws(InputError) {
            for summaryRequest in requests {
                let text = BatchSummary.render(outcomes, format: summaryRequest.format, asOf: request.asOf, toolVersion: ReadinessChecker.toolVersion)
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

    /// A report file name per folder: its last path component, made unique with -2, -3, ...
    static func reportNames(_ folders: [String]) -> [String] {
        var used: Set<String> = []
        return folders.map { folder in
            var base = String(folder.split(separator: "/").last ?? "")
            if base.isEmpty || base == "." || base == ".." { base = "folder" }
            var name = base
            var number = 2
            while used.contains(name) {
                name = "\(base)-\(number)"
                number += 1
            }
            used.insert(name)
            return name
        }
    }
}

/// `--summary FMT[=FILE]`.
struct SummaryRequest: ExpressibleByArgument {
    var format: BatchSummary.Format
    var file: String?

    init(format: BatchSummary.Format, file: String?) {
        self.format = format
        self.file = file
    }

    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
        guard let first = parts.first, let format = BatchSummary.Format(rawValue: first) else { return nil }
        self.init(format: format, file: parts.count == 2 && !parts[1].isEmpty ? parts[1] : nil)
    }

    static var allValueStrings: [String] { BatchSummary.Format.allCases.map(\.rawValue) }
}

extension ReportFormat {
    var fileExtension: String {
        switch self {
        case .text: return "txt"
        case .json: return "json"
        case .markdown: return "md"
        case .html: return "html"
        case .junit: return "junit.xml"
        case .sarif: return "sarif"
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
