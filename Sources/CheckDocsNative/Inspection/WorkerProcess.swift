#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// The limits a document worker runs under (docs/security.md, "Document workers").
public struct WorkerLimits: Hashable, Sendable {
    /// Wall-clock time the parent waits for one answer before it kills the worker.
    public var deadlineMilliseconds: Int
    /// CPU seconds the worker may spend on one request (RLIMIT_CPU, renewed before each request).
    public var cpuSeconds: Int
    /// The worker's address space (RLIMIT_AS); lowered to the inherited hard limit if that is smaller.
    public var addressSpaceBytes: Int
    /// The largest request the worker reads, and the largest answer the parent reads.
    public var maxRequestBytes: Int
    public var maxAnswerBytes: Int

    public init(deadlineMilliseconds: Int, cpuSeconds: Int, addressSpaceBytes: Int, maxRequestBytes: Int, maxAnswerBytes: Int) {
        self.deadlineMilliseconds = deadlineMilliseconds
        self.cpuSeconds = cpuSeconds
        self.addressSpaceBytes = addressSpaceBytes
        self.maxRequestBytes = maxRequestBytes
        self.maxAnswerBytes = maxAnswerBytes
    }
}

/// Why a worker gave no usable answer. The worker is gone after any of them.
public enum WorkerFailure: Error, Hashable, Sendable {
    /// Past the wall-clock deadline, or killed by its CPU limit (SIGXCPU).
    case timeout
    /// Died (a signal, an exit, a closed channel) before answering. The text is a predicate with
    /// the reader as its subject ("exited with status 1 before reading the request").
    case crash(String)
    /// Answered something that is not a frame of the protocol (too long, cut short).
    case invalidAnswer(String)
    /// Could not be started at all.
    case cannotStart(String)
}

/// One child process serving length-prefixed requests over a socket: the POSIX half of the
/// document workers (docs/security.md). The parent side spawns, exchanges and kills; the child
/// side (`serve`) limits itself and answers. Frames are a 4-byte little-endian length and that
/// many bytes; what the bytes mean is the caller's business.
///
/// The child has exactly three descriptors: 0 is its end of a socket pair (requests in, answers
/// out), 1 and 2 are /dev/null. It runs in `/`, with RLIMIT_AS, RLIMIT_CPU, no core files and no
/// file writes (RLIMIT_FSIZE 0), and dies with its parent.
public final class WorkerProcess: @unchecked Sendable {
    public let pid: pid_t
    private var channel: Int32
    private var reaped = false
    /// Whether the last request was sent whole (a failure before that is not the request's doing).
    public private(set) var tookRequest = false

    private init(pid: pid_t, channel: Int32) {
        self.pid = pid
        self.channel = channel
    }

    deinit { terminate() }

    // MARK: Parent side

    /// Starts `executable` with `arguments` (argv[1...]), its descriptor 0 a socket to this process.
    /// Started from one thread that never ends (`SpawningThread`): a worker's death signal follows
    /// the thread that started it, not the process.
    public static func spawn(executable: String, arguments: [String], environment: [String]) throws(WorkerFailure) -> WorkerProcess {
        try SpawningThread.shared.run {
            Result { () throws(WorkerFailure) in try spawnHere(executable: executable, arguments: arguments, environment: environment) }
        }.get()
    }

    private static func spawnHere(executable: String, arguments: [String], environment: [String]) throws(WorkerFailure) -> WorkerProcess {
        var pair: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair) == 0 else {
            throw .cannotStart("socketpair: \(String(cString: strerror(errno)))")
        }
        let parentEnd = pair[0], childEnd = pair[1]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, childEnd, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Every other descriptor is closed even if some thread opened one without O_CLOEXEC;
        // the child closes them again itself (`serve`), for systems without this action.
        if let closeFrom = Native.addCloseFrom { _ = closeFrom(&actions, 3) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // checkdocs ignores SIGPIPE; the worker gets every signal's default and an empty mask.
        var defaults = sigset_t(), empty = sigset_t()
        sigfillset(&defaults)
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(childEnd)
        guard status == 0 else {
            close(parentEnd)
            throw .cannotStart("\(executable): \(String(cString: strerror(status)))")
        }
        // The parent's end never blocks: every wait is a poll with the deadline.
        _ = fcntl(parentEnd, F_SETFL, fcntl(parentEnd, F_GETFL) | O_NONBLOCK)
        return WorkerProcess(pid: pid, channel: parentEnd)
    }

    /// Sends one request and waits for its answer, at most `deadlineMilliseconds` in all. On any
    /// failure the worker is killed and reaped; it must not be used again.
    public func exchange(_ request: [UInt8], deadlineMilliseconds: Int, maxAnswerBytes: Int) -> Result<[UInt8], WorkerFailure> {
        guard channel >= 0 else { return .failure(.crash("had already stopped")) }
        let deadline = Native.now() + Int64(deadlineMilliseconds)
        let frame = Native.lengthPrefix(request.count) + request
        tookRequest = false
        switch send(frame, until: deadline) {
        case .done: tookRequest = true
        case .timedOut: return fail(.timeout)
        case .closed: return fail(died(before: "reading the request", until: deadline))
        }
        var header = [UInt8](repeating: 0, count: 4)
        switch receive(into: &header, until: deadline) {
        case .done: break
        case .timedOut: return fail(.timeout)
        case .closed: return fail(died(before: "answering", until: deadline))
        }
        let length = Int(header[0]) | Int(header[1]) << 8 | Int(header[2]) << 16 | Int(header[3]) << 24
        guard length <= maxAnswerBytes else {
            return fail(.invalidAnswer("an answer of \(length) bytes, more than \(maxAnswerBytes)"))
        }
        var answer = [UInt8](repeating: 0, count: length)
        switch receive(into: &answer, until: deadline) {
        case .done: return .success(answer)
        case .timedOut: return fail(.timeout)
        case .closed: return fail(.invalidAnswer("an answer cut short"))
        }
    }

    /// Ends an idle worker gently: its channel closes, it reads the end and exits; it is killed
    /// only if it has not exited within 100 ms.
    public func stop() {
        if channel >= 0 {
            close(channel)
            channel = -1
        }
        var status: Int32 = 0
        let deadline = Native.now() + 100
        while !reaped, Native.now() < deadline {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid || (result < 0 && errno != EINTR) { reaped = true } else { usleep(500) }
        }
        terminate()
    }

    /// Kills the worker (if it still runs) and reaps it. Idempotent.
    public func terminate() {
        if channel >= 0 {
            close(channel)
            channel = -1
        }
        guard !reaped else { return }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        reaped = true
    }

    private func fail(_ failure: WorkerFailure) -> Result<[UInt8], WorkerFailure> {
        terminate()
        return .failure(failure)
    }

    /// Why the worker closed its channel: waits (until the deadline) for it to end and reads its status.
    private func died(before step: String, until deadline: Int64) -> WorkerFailure {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { break }
            if result < 0 && errno != EINTR { return .crash("stopped before \(step)") }
            if Native.now() >= deadline { return .timeout }
            usleep(1_000)
        }
        reaped = true
        let signal = status & 0x7f
        if signal == 0 { return .crash("exited with status \((status >> 8) & 0xff) before \(step)") }
        if signal == SIGXCPU { return .timeout }
        return .crash("was stopped by signal \(signal) (\(String(cString: strsignal(signal))))")
    }

    private enum Progress { case done, timedOut, closed }

    private func send(_ bytes: [UInt8], until deadline: Int64) -> Progress {
        var offset = 0
        return bytes.withUnsafeBytes { raw -> Progress in
            while offset < raw.count {
                let sent = Glibc.send(channel, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent > 0 {
                    offset += sent
                    continue
                }
                if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
                    guard wait(for: Int16(POLLOUT), until: deadline) else { return .timedOut }
                    continue
                }
                return .closed
            }
            return .done
        }
    }

    private func receive(into buffer: inout [UInt8], until deadline: Int64) -> Progress {
        var offset = 0
        let count = buffer.count
        return buffer.withUnsafeMutableBytes { raw -> Progress in
            while offset < count {
                let got = recv(channel, raw.baseAddress! + offset, count - offset, 0)
                if got > 0 {
                    offset += got
                    continue
                }
                if got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
                    guard wait(for: Int16(POLLIN), until: deadline) else { return .timedOut }
                    continue
                }
                return .closed
            }
            return .done
        }
    }

    /// Polls the channel until it is ready for `events` (true) or the deadline passes (false).
    private func wait(for events: Int16, until deadline: Int64) -> Bool {
        while true {
            let left = deadline - Native.now()
            if left <= 0 { return false }
            var entry = pollfd(fd: channel, events: events, revents: 0)
            let ready = poll(&entry, 1, Int32(min(left, Int64(Int32.max))))
            if ready > 0 { return true }
            if ready < 0 && errno != EINTR { return true }  // the next send/recv reports the error
        }
    }

    // MARK: Child side

    /// Whether descriptor 0 is a socket, as in a worker that checkdocs started.
    public static var hasChannel: Bool {
        var info = stat()
        return fstat(0, &info) == 0 && info.st_mode & S_IFMT == S_IFSOCK
    }

    /// The worker's loop: limits itself, then answers each request on descriptor 0 with
    /// `handle(request)` until the parent closes the channel. Never returns.
    public static func serve(limits: WorkerLimits, prepare: () -> Void, handle: ([UInt8]) -> [UInt8]) -> Never {
        // Die with the parent, even if it is killed (a worker never outlives its run).
        if let prctl = Native.prctl { _ = prctl(1 /* PR_SET_PDEATHSIG */, UInt(SIGKILL), 0, 0, 0) }
        if getppid() == 1 { _exit(0) }
        Native.closeDescriptors(from: 3)
        _ = chdir("/")
        // No core file (a crash must not write one into the applicant's folder or anywhere),
        // no file written at all: a write to a file fails with EFBIG instead of SIGXFSZ.
        signal(SIGXFSZ, SIG_IGN)
        Native.setLimit(RLIMIT_CORE, 0)
        Native.setLimit(RLIMIT_FSIZE, 0)
        prepare()
        Native.setLimit(RLIMIT_AS, UInt(limits.addressSpaceBytes))
        while true {
            var header = [UInt8](repeating: 0, count: 4)
            guard Native.readFully(0, &header) else { _exit(0) }
            let length = Int(header[0]) | Int(header[1]) << 8 | Int(header[2]) << 16 | Int(header[3]) << 24
            guard length <= limits.maxRequestBytes else { _exit(3) }
            var request = [UInt8](repeating: 0, count: length)
            guard Native.readFully(0, &request) else { _exit(3) }
            // RLIMIT_CPU counts the process's whole life: renew the budget for this request.
            Native.setLimit(RLIMIT_CPU, Native.cpuSecondsUsed() + UInt(max(1, limits.cpuSeconds)), final: false)
            let answer = handle(request)
            guard Native.writeFully(0, Native.lengthPrefix(answer.count) + answer) else { _exit(0) }
        }
    }
}

/// The one thread every worker is started from. A worker asks for SIGKILL when its parent dies
/// (`PR_SET_PDEATHSIG`, in `serve`), and Linux sends it when the *thread* that started the worker
/// ends. Started from a dispatch pool's thread, a worker was killed when the pool retired that
/// thread, idle or in the middle of a request: OCRWorkerTests' two pages read at once, then one at
/// a time, once read "stopped by signal 9". This thread never ends, so a worker dies with
/// checkdocs and with nothing else.
private final class SpawningThread: @unchecked Sendable {
    static let shared = SpawningThread()
    /// Guards `jobs`; `pending` counts them.
    private let lock = DispatchSemaphore(value: 1)
    private let pending = DispatchSemaphore(value: 0)
    private var jobs: [() -> Void] = []

    private init() {
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        let started = pthread_create(&thread, nil, { context in
            Unmanaged<SpawningThread>.fromOpaque(context!).takeRetainedValue().serve()
        }, context)
        precondition(started == 0, "cannot start the thread document workers are started from")
        pthread_detach(thread)
    }

    private func serve() -> Never {
        while true {
            pending.wait()
            lock.wait()
            let job = jobs.removeFirst()
            lock.signal()
            job()
        }
    }

    /// `body`'s value, worked out on this thread; the caller waits for it.
    func run<Value>(_ body: @escaping () -> Value) -> Value {
        var value: Value?
        let done = DispatchSemaphore(value: 0)
        lock.wait()
        jobs.append {
            value = body()
            done.signal()
        }
        lock.signal()
        pending.signal()
        done.wait()
        return value!
    }
}

/// The libc calls Swift's Glibc module does not import, found with dlsym, and small helpers.
private enum Native {
    typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
    typealias CloseFrom = @convention(c) (Int32) -> Void

    static let addCloseFrom: AddCloseFrom? = symbol("posix_spawn_file_actions_addclosefrom_np")
    static let prctl: Prctl? = symbol("prctl")
    static let closeFrom: CloseFrom? = symbol("closefrom")

    private static func symbol<Function>(_ name: String) -> Function? {
        guard let handle = dlopen(nil, RTLD_NOW), let address = dlsym(handle, name) else { return nil }
        return unsafeBitCast(address, to: Function.self)
    }

    /// Milliseconds on the monotonic clock.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
    }

    static func lengthPrefix(_ count: Int) -> [UInt8] {
        [UInt8(count & 0xff), UInt8(count >> 8 & 0xff), UInt8(count >> 16 & 0xff), UInt8(count >> 24 & 0xff)]
    }

    static func closeDescriptors(from first: Int32) {
        if let closeFrom {
            closeFrom(first)
            return
        }
        var limit = rlimit()
        getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        let top = Int32(clamping: min(limit.rlim_cur, 65_536))
        var descriptor = first
        while descriptor < top {
            close(descriptor)
            descriptor += 1
        }
    }

    /// Sets the soft limit, never above the inherited hard limit. `final` lowers the hard limit
    /// too, so nothing in the worker can raise it again; the CPU budget keeps its hard limit
    /// because it is renewed before each request.
    static func setLimit(_ resource: __rlimit_resource, _ value: UInt, final: Bool = true) {
        let id = __rlimit_resource_t(resource.rawValue)
        var limit = rlimit()
        getrlimit(id, &limit)
        limit.rlim_cur = min(rlim_t(value), limit.rlim_max)
        if final { limit.rlim_max = limit.rlim_cur }
        setrlimit(id, &limit)
    }

    static func cpuSecondsUsed() -> UInt {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return UInt(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + 1)
    }

    static func readFully(_ descriptor: Int32, _ buffer: inout [UInt8]) -> Bool {
        var offset = 0
        let count = buffer.count
        return buffer.withUnsafeMutableBytes { raw in
            while offset < count {
                let got = read(descriptor, raw.baseAddress! + offset, count - offset)
                if got > 0 { offset += got } else if got < 0 && errno == EINTR { continue } else { return false }
            }
            return true
        }
    }

    static func writeFully(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        return bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let sent = Glibc.send(descriptor, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent > 0 { offset += sent } else if sent < 0 && errno == EINTR { continue } else { return false }
            }
            return true
        }
    }
}
