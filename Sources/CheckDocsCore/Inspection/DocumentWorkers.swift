import Foundation
import CheckDocsNative

/// Where untrusted documents are parsed (docs/security.md, "Document workers"). The checkdocs
/// executable calls `runIfWorker` first thing: in a worker it serves requests and never
/// returns; otherwise it turns workers on, and every PDF is then read by a child process
/// (checkdocs itself, re-executed through /proc/self/exe) under CPU, memory and wall-clock
/// limits. Workers are kept and reused across files (a new one replaces any that fails);
/// DocumentInspector keeps at most one per core busy, one per 16 documents to read. Without
/// `runIfWorker` (a library user, unit tests, the fuzzers) documents are read in the calling
/// process.
public final class DocumentWorkers: @unchecked Sendable {
    public static let shared = DocumentWorkers()

    /// The hidden first argument that makes checkdocs a worker. Not a subcommand: nothing parses
    /// the command line before it is checked.
    public static let workerArgument = "--internal-document-worker-v1"
    /// Default limits; `CHECKDOCS_WORKER_TIMEOUT_MS` changes the deadline (and the CPU limit with it).
    public static let defaultDeadlineMilliseconds = 15_000
    public static let defaultAddressSpaceBytes = 1 << 30
    public static let timeoutVariable = "CHECKDOCS_WORKER_TIMEOUT_MS"

    private let lock = NSLock()
    private var executable: String?
    private var idle: [WorkerProcess] = []
    public private(set) var limits = DocumentWorkers.limits(deadlineMilliseconds: defaultDeadlineMilliseconds)
    /// Workers started during this process (for tests and measurements).
    public private(set) var started = 0

    /// The limits for a deadline: the CPU limit is two thirds of it (10 s for the default 15 s),
    /// so a busy worker dies of its CPU limit before the parent has to kill it.
    static func limits(deadlineMilliseconds: Int) -> WorkerLimits {
        WorkerLimits(deadlineMilliseconds: deadlineMilliseconds, cpuSeconds: max(1, (deadlineMilliseconds * 2 / 3 + 999) / 1000),
                     addressSpaceBytes: defaultAddressSpaceBytes, maxRequestBytes: DocumentWorkerProtocol.maxRequestBytes,
                     maxAnswerBytes: DocumentWorkerProtocol.maxAnswerBytes)
    }

    /// In a worker (`arguments[1]` is `workerArgument`): serves, and never returns. Otherwise
    /// documents are read by workers running `executable` from now on.
    public static func runIfWorker(arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
                                   executable: String = "/proc/self/exe") {
        if arguments.count > 1, arguments[1] == workerArgument {
            serve(arguments: Array(arguments.dropFirst(2)))
        }
        shared.useWorkers(executable: executable, environment: environment)
        // Idle workers are told to stop (their channel closes) and reaped when checkdocs exits,
        // so none outlives the run and their CPU time is counted with checkdocs' own.
        atexit { DocumentWorkers.shared.stopIdleWorkers() }
    }

    /// The process ids of the idle workers (for tests).
    var idleProcessIDs: [Int32] { lock.withLock { idle.map(\.pid) } }

    /// Closes every idle worker's channel and waits for it to exit.
    func stopIdleWorkers() {
        let workers = lock.withLock {
            defer { idle.removeAll() }
            return idle
        }
        for worker in workers { worker.stop() }
    }

    /// Reads documents through workers running `executable` (checkdocs itself, or a test's stand-in).
    func useWorkers(executable: String, environment: [String: String]) {
        var deadline = Self.defaultDeadlineMilliseconds
        if let text = environment[Self.timeoutVariable], let value = Int(text), (100...600_000).contains(value) { deadline = value }
        lock.withLock {
            self.executable = executable
            limits = Self.limits(deadlineMilliseconds: deadline)
        }
    }

    /// Whether documents are read in workers (false: in this process).
    public var isolated: Bool { lock.withLock { executable != nil } }

    /// The program workers run, or nil when documents are read in this process.
    var workerExecutable: String? { lock.withLock { executable } }

    /// How reading a PDF went.
    enum PDFReading: Hashable, Sendable {
        case facts(PDFFacts)
        /// poppler-glib is not installed.
        case unavailable
        /// The worker timed out, crashed or answered garbage: the reason, as a report shows it.
        case failed(String)
    }

    func pdfFacts(_ bytes: [UInt8], countText: Bool = true, pageTexts: Bool = false) -> PDFReading {
        guard let executable = lock.withLock({ self.executable }) else {
            return PopplerReader.facts(of: bytes, countText: countText, pageTexts: pageTexts).map(PDFReading.facts) ?? .unavailable
        }
        let request = DocumentWorkerProtocol.request(.pdfFacts, countText: countText, pageTexts: pageTexts, body: bytes)
        switch run(request, executable: executable) {
        case let .failure(failure):
            return .failed(describe(failure))
        case let .success(answer):
            switch DocumentWorkerProtocol.decode(answer, kind: .pdfFacts, pageTexts: pageTexts) {
            case let .success(.pdf(facts)): return .facts(facts)
            case .success(.unavailable): return .unavailable
            case let .failure(error): return .failed("inspection failed: invalid answer (\(error.reason))")
            }
        }
    }

    /// One exchange with an idle worker (or a new one). A worker that fails is gone; one whose
    /// frame was whole goes back to the pool (the caller still checks what it says). An idle
    /// worker that died before it took the request (killed from outside) is replaced once: the
    /// document had nothing to do with it.
    func run(_ request: [UInt8], executable: String) -> Result<[UInt8], WorkerFailure> {
        let limits = lock.withLock { self.limits }
        guard request.count <= limits.maxRequestBytes else { return .failure(.cannotStart("the document is too large for a worker")) }
        if let reused = lock.withLock({ idle.popLast() }) {
            let result = reused.exchange(request, deadlineMilliseconds: limits.deadlineMilliseconds, maxAnswerBytes: limits.maxAnswerBytes)
            switch result {
            case .success:
                lock.withLock { idle.append(reused) }
                return result
            case .failure(.crash) where !reused.tookRequest:
                break
            case .failure:
                return result
            }
        }
        let worker: WorkerProcess
        do {
            worker = try WorkerProcess.spawn(executable: executable,
                                             arguments: [Self.workerArgument, String(limits.cpuSeconds), String(limits.addressSpaceBytes)],
                                             environment: Self.workerEnvironment)
        } catch {
            return .failure(error)
        }
        lock.withLock { started += 1 }
        let result = worker.exchange(request, deadlineMilliseconds: limits.deadlineMilliseconds, maxAnswerBytes: limits.maxAnswerBytes)
        if case .success = result { lock.withLock { idle.append(worker) } }
        return result
    }

    func describe(_ failure: WorkerFailure) -> String {
        let limits = lock.withLock { self.limits }
        switch failure {
        case .timeout:
            let seconds = Double(limits.deadlineMilliseconds) / 1000
            let shown = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
            return "inspection failed: timeout (reading it took more than \(shown) s or \(limits.cpuSeconds) s of CPU)"
        case let .crash(reason): return "inspection failed: crash (the reader \(reason))"
        case let .invalidAnswer(reason): return "inspection failed: invalid answer (\(reason))"
        case let .cannotStart(reason): return "inspection failed: the reader could not be started (\(reason))"
        }
    }

    /// A worker inherits nothing from the user's environment but where its libraries (and
    /// Tesseract's models) are, and Swift's crash backtracer stays off (it would print into
    /// /dev/null and take seconds). Tesseract's OpenMP runs one thread: workers already run one
    /// per core, one page each (docs/inspection.md, "OCR").
    /// Read once: copying the whole process environment costs more than starting a worker.
    private static let workerEnvironment: [String] = {
        var environment = ["SWIFT_BACKTRACE=enable=no", "OMP_THREAD_LIMIT=1"]
        if let path = ProcessInfo.processInfo.environment["LD_LIBRARY_PATH"] { environment.append("LD_LIBRARY_PATH=" + path) }
        if let path = ProcessInfo.processInfo.environment["TESSDATA_PREFIX"] { environment.append("TESSDATA_PREFIX=" + path) }
        return environment
    }()

    /// The worker's side. Its arguments are the CPU seconds and the address-space bytes; a
    /// worker started any other way exits 64 at once.
    private static func serve(arguments: [String]) -> Never {
        guard arguments.count == 2, let cpu = Int(arguments[0]), (1...3_600).contains(cpu),
              let addressSpace = Int(arguments[1]), (64 << 20...1 << 40).contains(addressSpace), WorkerProcess.hasChannel else {
            FileHandle.standardError.write(Data("checkdocs: the document worker is started by checkdocs itself\n".utf8))
            exit(64)
        }
        var limits = Self.limits(deadlineMilliseconds: defaultDeadlineMilliseconds)
        limits.cpuSeconds = cpu
        limits.addressSpaceBytes = addressSpace
        WorkerProcess.serve(limits: limits, prepare: { _ = PopplerReader.isAvailable }, handle: { request in
            DocumentWorkerProtocol.answer(to: request, textReader: { bytes, countText, pageTexts in
                PopplerReader.facts(of: bytes, countText: countText, pageTexts: pageTexts)
            })
        })
    }
}
