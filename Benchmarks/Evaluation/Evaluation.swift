// Allocations per folder × program evaluation (issue 15; docs/performance.md, "Allocations per
// evaluation"). Setup loads once what a batch run loads — the built-in knowledge and the
// 1,000-program XML catalog, through `BatchChecker` as `checkdocs check A B …` does — and the
// measured body checks one 100-file folder against every program through `BatchChecker.check`,
// the call a batch makes for each of its folders (its scan included, as in the instruction count
// of scripts/bench-instructions), with no report written. scripts/bench-allocations runs this and
// divides the malloc count by the number of programs.
//
// Where things are comes from the environment, since the benchmark tool owns the command line:
//   CHECKDOCS_BENCH_CACHE   the corpora of scripts/bench-corpus.py (folder-100, programs-1000/xml);
//                           default: the project's .build/bench, where scripts/bench makes them
//   CHECKDOCS_BENCH_WORKER  the release checkdocs, run as the document workers a batch starts;
//                           default: the project's .build/release/checkdocs; missing, documents
//                           are read in this process (a library user's way)
import Benchmark
import CheckDocsCore
import Foundation

/// What setup loaded: the checker holding the resolved catalog, and the folder to check.
/// Unchecked: the benchmark hands setup's value from its async setup to the measured closure;
/// `BatchChecker` is not marked Sendable, but nothing in it changes after setup (a batch shares
/// it between the threads checking its folders in the same way).
struct Loaded: @unchecked Sendable {
    let checker: BatchChecker
    let folder: String
    let programs: Int
}

/// The batch's own loading (Sources/checkdocs/Batch.swift, `runBatch`), minus its reports and
/// the compiled-catalog cache (loading is not measured, and nothing is written beside it).
func load(cache: String, programFiles: Int?) -> Loaded {
    let folder = cache + "/folder-100"
    let programs = cache + "/programs-1000/xml"
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: programs)) ?? []).filter { $0.hasSuffix(".xml") }.sorted()
    var paths = [programs]
    var count = names.count
    if let programFiles {
        // The first files of the same catalog: the folder's scan with almost no evaluation.
        paths = names.prefix(programFiles).map { programs + "/" + $0 }
        count = paths.count
    }
    guard FileManager.default.fileExists(atPath: folder), count > 0 else {
        fatalError("the corpora are not in \(cache): run scripts/bench (or scripts/bench-corpus.py) first")
    }
    var request = CheckRequest(folder: "", programPaths: paths, asOf: CalendarDate(iso: "2026-12-01")!)
    // A batch reads facts (`--facts read`, the default) and scans through the user's OCR cache.
    request.readFacts = true
    let read = [folder] + paths
    let environment = ProcessInfo.processInfo.environment
    let ocr = OCRCache.userCache(environment: environment, toolVersion: ReadinessChecker.toolVersion, awayFrom: read)
    request.scans = ScanReader(cache: ocr, digests: ocr == nil ? nil : ContentDigests.userMemo(environment: environment, awayFrom: read),
                               unavailable: { reason in FileHandle.standardError.write(Data("scans are not read: \(reason)\n".utf8)) })
    do {
        let knowledge = try Knowledge.load()
        return Loaded(checker: try BatchChecker(request: request, knowledge: knowledge), folder: folder, programs: count)
    } catch {
        fatalError("loading the catalog failed: \(error)")
    }
}

/// One folder checked as a batch checks each of its folders; the outcome must be a real one.
func check(_ loaded: Loaded) {
    // On the folder's own thread, as a batch with a folder per core checks each (BatchChecker.run).
    let outcome = loaded.checker.check(loaded.folder, stream: ReportStream([]), evaluatesOnCallingThread: true)
    guard outcome.errors.isEmpty, outcome.programStatuses.count == loaded.programs else {
        fatalError("the folder's check failed: \(outcome.errors.map(\.description)) (\(outcome.programStatuses.count) programs)")
    }
    blackHole(outcome)
}

let benchmarks: @Sendable () -> Void = {
    let environment = ProcessInfo.processInfo.environment
    // The project is two folders up from this file (Benchmarks/Evaluation/).
    let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    let cache = environment["CHECKDOCS_BENCH_CACHE"] ?? project + "/.build/bench"
    let worker = environment["CHECKDOCS_BENCH_WORKER"] ?? project + "/.build/release/checkdocs"
    // Documents are read by workers running checkdocs, as in a batch (their allocations are
    // theirs, not counted here, like the instructions of scripts/bench-instructions).
    if FileManager.default.isExecutableFile(atPath: worker) {
        DocumentWorkers.runIfWorker(arguments: [], executable: worker)
    }
    Benchmark.defaultConfiguration = .init(
        metrics: [.mallocCountTotal, .wallClock, .cpuTotal],
        timeUnits: .milliseconds,
        // The first check fills the OCR and facts caches and starts the workers; it is not counted.
        warmupIterations: 1,
        maxDuration: .seconds(20),
        maxIterations: 5
    )

    Benchmark("folder-100 x programs-1000") { benchmark, loaded in
        check(loaded)
    } setup: {
        load(cache: cache, programFiles: nil)
    }

    // The same folder against the catalog's first program only: what the scan and the check's
    // fixed work allocate, to tell apart from the 1,000 evaluations above.
    Benchmark("folder-100 x programs-1") { benchmark, loaded in
        check(loaded)
    } setup: {
        load(cache: cache, programFiles: 1)
    }
}
