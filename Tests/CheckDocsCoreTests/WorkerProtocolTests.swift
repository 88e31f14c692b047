import Foundation
import Testing
@testable import CheckDocsCore
@testable import CheckDocsNative

/// The document workers' two halves on their own (docs/security.md, "Document workers"): the
/// parent believes no answer it has not checked field by field, and a worker that stalls, dies
/// or sends a frame too long or cut short is a failure with its kind, never a hang.
@Suite struct WorkerProtocolTests {
    static var sampleFacts: PDFFacts {
        var facts = PDFFacts(state: .readable)
        facts.pageCount = 2
        facts.pageSizes = [PageSize(width: 612, height: 792), PageSize(width: 595.28, height: 841.89)]
        facts.encrypted = true
        facts.signatureCount = 1
        facts.textCharacters = 1234
        facts.textComplete = false
        facts.textSample = "Letter of recommendation · Dr Mehta"
        return facts
    }

    static func answer(_ facts: PDFFacts) -> [UInt8] {
        DocumentWorkerProtocol.answer(to: DocumentWorkerProtocol.request(.pdfFacts, body: Array("%PDF".utf8))) { _, _ in facts }
    }

    static func decode(_ bytes: [UInt8]) -> Result<DocumentWorkerProtocol.Outcome, DocumentWorkerProtocol.AnswerError> {
        DocumentWorkerProtocol.decode(bytes, kind: .pdfFacts)
    }

    @Test("a worker's answer round-trips; 'not installed' is its own answer")
    func roundTrip() throws {
        #expect(Self.decode(Self.answer(Self.sampleFacts)) == .success(.pdf(Self.sampleFacts)))
        #expect(Self.decode(Self.answer(PDFFacts(state: .damaged))) == .success(.pdf(PDFFacts(state: .damaged))))
        let unavailable = DocumentWorkerProtocol.answer(to: DocumentWorkerProtocol.request(.pdfFacts, body: [])) { _, _ in nil }
        #expect(Self.decode(unavailable) == .success(.unavailable))
        // A real PDF through poppler, encoded and decoded: the same facts as read in-process.
        let pdf = PDFFixtures.pdf([PDFFixtures.letter, PDFFixtures.a4])
        let read = try #require(PopplerReader.facts(of: pdf))
        let viaWorker = DocumentWorkerProtocol.answer(to: DocumentWorkerProtocol.request(.pdfFacts, body: pdf)) { PopplerReader.facts(of: $0, countText: $1) }
        #expect(Self.decode(viaWorker) == .success(.pdf(read)))
    }

    @Test("garbage, truncated, oversized and out-of-range answers are refused")
    func refusals() {
        let good = Self.answer(Self.sampleFacts)
        // Every proper prefix (a cut answer) and one byte more.
        for length in 0..<good.count {
            guard case .failure = Self.decode(Array(good.prefix(length))) else {
                Issue.record("a \(length)-byte prefix was accepted")
                continue
            }
        }
        #expect(throws: (any Error).self) { try Self.decode(good + [0]).get() }
        // Another version, another kind, an unknown status, a refused request.
        for (offset, value) in [(0, UInt8(2)), (1, 9), (2, 7), (2, 2)] {
            var changed = good
            changed[offset] = value
            #expect(throws: (any Error).self, "byte \(offset) = \(value)") { try Self.decode(changed).get() }
        }
        // Pseudo-random garbage of every length up to 300 bytes (seeded: the same each run).
        var generator = SeededGenerator(seed: 11)
        for length in 0..<300 {
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if length > 3 { bytes[0] = 1; bytes[1] = 1; bytes[2] = 0 }  // past the header, into the fields
            if case let .success(outcome) = Self.decode(bytes), case let .pdf(facts) = outcome {
                // Whatever is accepted must be within the bounds the parent promises.
                #expect(facts.pageSizes.count <= min(facts.pageCount, PopplerReader.maxPages))
                #expect(facts.textSample.count <= PopplerReader.keptTextCharacters)
            }
        }
        var facts = Self.sampleFacts
        // A page size that is not a number, more sizes than pages, a damaged PDF with pages.
        facts.pageSizes[0] = PageSize(width: .nan, height: 792)
        #expect(throws: (any Error).self) { try Self.decode(Self.answer(facts)).get() }
        facts = Self.sampleFacts
        facts.pageSizes[1] = PageSize(width: -1, height: 1e12)
        #expect(throws: (any Error).self) { try Self.decode(Self.answer(facts)).get() }
        facts = Self.sampleFacts
        facts.pageCount = 1
        #expect(throws: (any Error).self) { try Self.decode(Self.answer(facts)).get() }
        facts = Self.sampleFacts
        facts.state = .damaged
        #expect(throws: (any Error).self) { try Self.decode(Self.answer(facts)).get() }
        // A text sample that claims more bytes than a sample may have, or is not UTF-8.
        var long = Array(good.prefix(good.count - Self.sampleFacts.textSample.utf8.count - 4))
        long.append(u32: PopplerReader.keptTextCharacters * 4 + 1)
        long += [UInt8](repeating: 0x41, count: PopplerReader.keptTextCharacters * 4 + 1)
        #expect(throws: (any Error).self) { try Self.decode(long).get() }
        var notUTF8 = Array(good.prefix(good.count - Self.sampleFacts.textSample.utf8.count - 4))
        notUTF8.append(u32: 2)
        notUTF8 += [0xC3, 0x28]
        #expect(throws: (any Error).self) { try Self.decode(notUTF8).get() }
    }

    @Test("a worker refuses a request of another version or kind, and the parent refuses that answer")
    func badRequests() {
        for request in [[UInt8](), [2, 1, 0], [1, 99, 0]] {
            let answer = DocumentWorkerProtocol.answer(to: request) { _, _ in Self.sampleFacts }
            #expect(throws: (any Error).self) { try Self.decode(answer).get() }
        }
    }

    // MARK: The process half, with /bin/sh standing in for a worker

    static func worker(_ script: String) throws -> WorkerProcess {
        try WorkerProcess.spawn(executable: "/bin/sh", arguments: ["-c", script], environment: [])
    }

    @Test("an echoing stand-in answers; a stalled one times out on the deadline; one that dies is a crash")
    func exchanges() throws {
        // `cat` on the socket sends the request frame back: a well-formed answer.
        let echo = try Self.worker("exec cat <&0 >&0")
        #expect(echo.exchange([1, 2, 3], deadlineMilliseconds: 5_000, maxAnswerBytes: 64) == .success([1, 2, 3]))
        #expect(echo.exchange([4], deadlineMilliseconds: 5_000, maxAnswerBytes: 64) == .success([4]))
        echo.terminate()

        let start = Date()
        let stalled = try Self.worker("sleep 30")
        #expect(stalled.exchange([1], deadlineMilliseconds: 300, maxAnswerBytes: 64) == .failure(.timeout))
        #expect(Date().timeIntervalSince(start) < 5)
        // Killed and reaped: no process is left with that id as our child.
        #expect(kill(stalled.pid, 0) != 0)

        let segfault = try Self.worker("head -c 5 <&0 >/dev/null; kill -SEGV $$")
        guard case let .failure(.crash(reason)) = segfault.exchange([1], deadlineMilliseconds: 5_000, maxAnswerBytes: 64) else {
            Issue.record("a worker killed by SIGSEGV was not reported as a crash")
            return
        }
        #expect(reason.contains("signal 11"))
        // The reason is a predicate: the report prints it after "the reader" (docs/security.md).
        #expect(reason.hasPrefix("was stopped by signal 11"))
        let exits = try Self.worker("exit 3")
        guard case let .failure(.crash(exitReason)) = exits.exchange([1], deadlineMilliseconds: 5_000, maxAnswerBytes: 64) else {
            Issue.record("a worker that exits was not reported as a crash")
            return
        }
        #expect(exitReason.hasPrefix("exited with status 3 before"))
    }

    @Test("an answer frame that is oversized or cut short is an invalid answer")
    func badFrames() throws {
        // A length of 2^31 - 1 bytes: refused from its header, before anything is allocated.
        let oversized = try Self.worker("head -c 5 <&0 >/dev/null; printf '\\377\\377\\377\\177' >&0; sleep 30")
        guard case .failure(.invalidAnswer) = oversized.exchange([1], deadlineMilliseconds: 5_000, maxAnswerBytes: 64) else {
            Issue.record("an oversized answer was not refused")
            return
        }
        // 10 bytes announced, 3 sent, then the worker is gone.
        let cut = try Self.worker("head -c 5 <&0 >/dev/null; printf '\\012\\000\\000\\000abc' >&0")
        guard case .failure(.invalidAnswer) = cut.exchange([1], deadlineMilliseconds: 5_000, maxAnswerBytes: 64) else {
            Issue.record("a cut answer was not refused")
            return
        }
        // One byte over the bound.
        let over = try Self.worker("head -c 5 <&0 >/dev/null; printf '\\101\\000\\000\\000' >&0; head -c 65 /dev/zero >&0")
        guard case .failure(.invalidAnswer) = over.exchange([1], deadlineMilliseconds: 5_000, maxAnswerBytes: 64) else {
            Issue.record("a 65-byte answer was accepted with a 64-byte bound")
            return
        }
    }
}

extension WorkerProtocolTests {
    @Test("the pool reuses a worker, and replaces one that died while idle without failing the document")
    func poolReuse() throws {
        // A stand-in that echoes each request: an empty PDF request [1, 1, 1] comes back as the
        // answer "version 1, PDF facts, reader unavailable", which the parent accepts.
        let script = NSTemporaryDirectory() + "checkdocs-echo-worker-" + UUID().uuidString
        try "#!/bin/sh\nexec cat <&0 >&0\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        defer { unlink(script) }
        let pool = DocumentWorkers()
        defer { pool.stopIdleWorkers() }
        pool.useWorkers(executable: script, environment: [:])
        #expect(pool.isolated)
        #expect(pool.pdfFacts([]) == .unavailable)
        #expect(pool.pdfFacts([]) == .unavailable)
        #expect(pool.started == 1)
        // Killed from outside while idle: the next document gets a new worker, not a "crash".
        let idle = try #require(pool.idleProcessIDs.first)
        kill(idle, SIGKILL)
        usleep(100_000)
        #expect(pool.pdfFacts([]) == .unavailable)
        #expect(pool.started == 2)
        // A request with a body is echoed with it: bytes after the end, refused.
        guard case let .failed(reason) = pool.pdfFacts([0x25]) else {
            Issue.record("an echoed request was taken for an answer")
            return
        }
        #expect(reason.hasPrefix("inspection failed: invalid answer"))
    }
}

/// A small deterministic generator (SplitMix64), so the garbage is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
