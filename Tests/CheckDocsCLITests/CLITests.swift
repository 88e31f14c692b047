import Foundation
import Testing

/// Runs the built `checkdocs` binary and checks stdout, stderr and the exit code.
/// Golden files are re-recorded with CHECKDOCS_RECORD=1.
@Suite struct CLITests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static let binary = root + "/.build/debug/checkdocs"

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Killed after the time bound: the run hung or took too long.
        var timedOut = false
        var seconds: Double = 0
    }

    /// Runs the binary with stdin closed and a time bound, after which it is killed. A death by
    /// signal is reported like a shell does, as 128 + the signal (so "status ≥ 128" means a crash).
    /// `launcher` goes before the binary (for example prlimit or setpriv and their arguments).
    /// `COLUMNS` is removed (the text report would follow it), then `environment` is added.
    /// The cache directory every run of the binary uses unless a test gives its own.
    static let testCacheHome = NSTemporaryDirectory() + "checkdocs-test-cache-\(getpid())"

    /// A new empty directory for one test's files; the test removes it (`defer`).
    static func scratchDirectory() throws -> String {
        let directory = NSTemporaryDirectory() + "checkdocs-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    static func run(_ arguments: [String], binary: String = binary, directory: String = root,
                    timeout: Double = 60, launcher: [String] = [], environment extra: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: launcher.first ?? binary)
        process.arguments = launcher.isEmpty ? arguments : Array(launcher.dropFirst()) + [binary] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["COLUMNS"] = nil
        // OCR results are cached in the user's cache directory: never the developer's own.
        environment["XDG_CACHE_HOME"] = testCacheHome
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        let watchdog = Watchdog()
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { watchdog.fire(pid) }
        // Both pipes are drained at once, so a large stderr cannot block a process writing stdout.
        let errData = Locked(Data())
        let reader = DispatchGroup()
        DispatchQueue.global().async(group: reader) { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        reader.wait()
        process.waitUntilExit()
        watchdog.disarm()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Run(status: status, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: errData.get(), as: UTF8.self),
                   timedOut: watchdog.fired, seconds: Date().timeIntervalSince(start))
    }

    /// Kills a process that outlives its time bound, once, unless disarmed first.
    final class Watchdog: @unchecked Sendable {
        private let lock = NSLock()
        private var armed = true
        private(set) var fired = false
        func fire(_ pid: Int32) {
            lock.withLock {
                guard armed else { return }
                fired = true
                kill(pid, SIGKILL)
            }
        }
        func disarm() { lock.withLock { armed = false } }
    }

    final class Locked<Value>: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Value
        init(_ value: Value) { self.value = value }
        func set(_ newValue: Value) { lock.withLock { value = newValue } }
        func get() -> Value { lock.withLock { value } }
    }

    static func golden(_ name: String, _ actual: String) throws {
        let path = root + "/Tests/CheckDocsCLITests/Golden/" + name
        if ProcessInfo.processInfo.environment["CHECKDOCS_RECORD"] == "1" {
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(actual == expected, "\(name) differs from its golden file; re-record with CHECKDOCS_RECORD=1 if intended")
    }

    @Test("each sample folder: golden text and JSON reports, exit code by readiness", arguments: [
        ("ready", Int32(0)), ("missing-items", Int32(1)), ("expired-and-ineligible", Int32(1)),
    ])
    func samples(folder: String, status: Int32) throws {
        let text = try Self.run(["samples/applicants/" + folder, "--as-of", "2026-12-01"])
        #expect(text.status == status)
        #expect(text.stderr.isEmpty)
        try Self.golden(folder + ".txt", text.stdout)
        let json = try Self.run(["check", "samples/applicants/" + folder, "--as-of", "2026-12-01", "--format", "json"])
        #expect(json.status == status)
        try Self.golden(folder + ".json", json.stdout)
        #expect(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) is [String: Any])
    }

    @Test("the not-ready sample names every missing, expired and ineligible item")
    func notReadyNamesItems() throws {
        let run = try Self.run(["samples/applicants/expired-and-ineligible", "--as-of", "2026-12-01"])
        for phrase in ["INELIGIBLE", "B-2 is not accepted", "expires-before-needed", "only a qualitative result", "pass/fail only", "scan0001.pdf", "05-06-2026"] {
            #expect(run.stdout.contains(phrase), "missing: \(phrase)")
        }
    }

    @Test("a program description with an error exits 2 and points at the line")
    func brokenDescription() throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let bad = directory + "/bad.xml"
        try """
        <?xml version="1.0"?>
        <program xmlns="urn:checkdocs:program:1" schemaVersion="1" id="bad" kind="observership">
          <name>Bad</name>
          <institution>X</institution>
          <source href="https://example.org" asOf="2026-13-01"/>
        </program>
        """.write(toFile: bad, atomically: true, encoding: .utf8)
        let run = try Self.run(["lint", bad])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("bad.xml:5:"))
        let check = try Self.run(["samples/applicants/ready", "--programs", bad, "--as-of", "2026-12-01"])
        #expect(check.status == 2)
        #expect(check.stdout.isEmpty)
    }

    @Test("an external entity or billion laughs is refused with exit 2, quickly, leaking nothing")
    func hostileXML() throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try #"<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><program>&x;</program>"#
            .write(toFile: directory + "/xxe.xml", atomically: true, encoding: .utf8)
        var lol = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\">"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            lol += "<!ENTITY \(name) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
            previous = name
        }
        lol += "]><program>&i;</program>"
        try lol.write(toFile: directory + "/lol.xml", atomically: true, encoding: .utf8)
        for file in ["xxe.xml", "lol.xml"] {
            let start = Date()
            let run = try Self.run(["lint", directory + "/" + file])
            #expect(Date().timeIntervalSince(start) < 2)
            #expect(run.status == 2)
            #expect(!run.stderr.contains("root:x:0"))
            #expect(!run.stdout.contains("root:x:0"))
        }
    }

    @Test("an undecided error-level rule blocks; --fail-on never exits 0; --fail-on warning fails a ready folder with warnings")
    func failOn() throws {
        #expect(try Self.run(["samples/applicants/missing-items", "--as-of", "2026-12-01", "--fail-on", "never"]).status == 0)
        let undecided = ["samples/applicants/expired-and-ineligible", "--as-of", "2026-12-01", "--program", "sinai-baltimore-fm-residency"]
        #expect(try Self.run(undecided).status == 1)
        #expect(try Self.run(undecided + ["--fail-on", "never"]).status == 0)

        // The ready sample without its COVID-19 card (a warning-level item in both programs).
        let copy = NSTemporaryDirectory() + "checkdocs-ready-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: Self.root + "/samples/applicants/ready", toPath: copy)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try FileManager.default.removeItem(atPath: copy + "/immunizations/COVID-19_vaccination_card.pdf")
        let manifest = copy + "/checkdocs.yaml"
        let entry = "  \"immunizations/COVID-19_vaccination_card.pdf\":\n    type: covid19\n    doses: [\"2021-09-01\", \"2021-10-06\", \"2023-11-20\"]\n"
        let text = try String(contentsOfFile: manifest, encoding: .utf8)
        #expect(text.contains(entry))
        try text.replacingOccurrences(of: entry, with: "").write(toFile: manifest, atomically: true, encoding: .utf8)
        let warned = try Self.run([copy, "--as-of", "2026-12-01"])
        #expect(warned.status == 0)
        #expect(warned.stdout.contains("COVID-19") && warned.stdout.contains("(warning)"))
        #expect(try Self.run([copy, "--as-of", "2026-12-01", "--fail-on", "warning"]).status == 1)
    }

    @Test("a report inside the applicant folder is refused; outside it is written atomically")
    func reportFiles() throws {
        let inside = try Self.run(["samples/applicants/ready", "--as-of", "2026-12-01", "--format", "json=samples/applicants/ready/certificates/r.json"])
        #expect(inside.status == 2)
        #expect(!FileManager.default.fileExists(atPath: Self.root + "/samples/applicants/ready/certificates/r.json"))
        let out = NSTemporaryDirectory() + "checkdocs-report-" + UUID().uuidString + ".json"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try Self.run(["samples/applicants/ready", "--as-of", "2026-12-01", "--format", "text", "--format", "json=" + out])
        #expect(run.status == 0)
        #expect(run.stdout.contains("READY"))
        #expect(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) is [String: Any])
    }

    @Test("a report to a pipe or device is written into it, never put in its place")
    func reportToPipe() throws {
        let fifo = NSTemporaryDirectory() + "checkdocs-fifo-" + UUID().uuidString
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }
        // The reader must be there before the writer opens the pipe.
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        let received = Pipe()
        reader.standardOutput = received
        try reader.run()
        let run = try Self.run(["samples/applicants/ready", "--as-of", "2026-12-01", "--format", "json=" + fifo])
        var status = stat()
        let stillPipe = lstat(fifo, &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO
        if !stillPipe { reader.terminate() }  // nobody will ever write to the pipe it waits on
        let data = received.fileHandleForReading.readDataToEndOfFile()
        reader.waitUntilExit()
        #expect(stillPipe)
        #expect(run.status == 0)
        #expect((try? JSONSerialization.jsonObject(with: data)) is [String: Any])
    }

    @Test("with standard output sent to a file, a report to /dev/stdout, or to a link to /proc/self/fd/1, goes into that file; the link stays a link")
    func reportToStandardOutputFile() throws {
        let base = NSTemporaryDirectory() + "checkdocs-fd-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: base) }
        let link = base + "/so"
        #expect(symlink("/proc/self/fd/1", link) == 0)
        // A chain of links, a relative one among them, is followed too.
        #expect(symlink("so", base + "/chain") == 0)
        for (index, destination) in ["/dev/stdout", link, base + "/chain"].enumerated() {
            let captured = base + "/captured-\(index).json"
            // The shell sends the binary's standard output to the file, as `> captured.json` does.
            let run = try Self.run(["samples/applicants/ready", "--as-of", "2026-12-01", "--format", "json=" + destination],
                                   launcher: ["/bin/sh", "-c", "exec \"$0\" \"$@\" > '\(captured)'"])
            #expect(run.status == 0, "\(destination): \(run.stderr)")
            #expect((try? JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: captured)))) is [String: Any], "\(destination)")
        }
        var status = stat()
        #expect(lstat(link, &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK)
        #expect(lstat(base + "/chain", &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK)
        #expect(lstat("/dev/stdout", &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK)
    }

    @Test("a folder named checkdocs.json or checkdocs-waivers.yaml is the applicant's, scanned like any other; init will not write over one named checkdocs.yaml")
    func foldersNamedLikeManifests() throws {
        let base = NSTemporaryDirectory() + "checkdocs-named-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: base) }
        let ready = base + "/ready"
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.root + "/samples/applicants/ready", toPath: ready)
        for folder in ["checkdocs.json", "checkdocs-waivers.yaml"] {
            try FileManager.default.createDirectory(atPath: ready + "/" + folder, withIntermediateDirectories: true)
            try Data("notes".utf8).write(to: URL(fileURLWithPath: ready + "/" + folder + "/notes.txt"))
        }
        let run = try Self.run([ready, "--as-of", "2026-12-01", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((report["unrecognizedFiles"] as? [String])?.contains("checkdocs.json/notes.txt") == true, "\(report["unrecognizedFiles"] ?? "")")
        let fresh = base + "/fresh"
        try FileManager.default.createDirectory(atPath: fresh + "/checkdocs.yaml", withIntermediateDirectories: true)
        let initRun = try Self.run(["init", fresh])
        #expect(initRun.status == 2)
        #expect(initRun.stderr.contains("checkdocs.yaml: error: is a folder of yours"), "\(initRun.stderr)")
    }

    @Test("a full disk is an error (exit 2) for a report file and for stdout; a closed pipe is not")
    func fullDisk() throws {
        let file = try Self.run(["samples/applicants/ready", "--as-of", "2026-12-01", "--format", "json=/dev/full"])
        #expect(file.status == 2 && file.stderr.contains("/dev/full") && file.stderr.contains("No space left"))
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "\"$0\" samples/applicants/ready --as-of 2026-12-01 > /dev/full", Self.binary]
        shell.currentDirectoryURL = URL(fileURLWithPath: Self.root)
        let errors = Pipe()
        shell.standardError = errors
        try shell.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 2 && stderr.contains("<stdout>") && stderr.contains("No space left"))
        // A report far bigger than the pipe's buffer, read 10 bytes of: EPIPE, not SIGPIPE or exit 2.
        let piped = Process()
        piped.executableURL = URL(fileURLWithPath: "/bin/bash")
        piped.arguments = ["-c", "set -o pipefail; \"$0\" samples/applicants/ready --programs samples/programs --as-of 2026-12-01 "
                           + "--format json --fail-on never | head -c 10 >/dev/null", Self.binary]
        piped.currentDirectoryURL = URL(fileURLWithPath: Self.root)
        try piped.run()
        piped.waitUntilExit()
        #expect(piped.terminationStatus == 0)
    }

    @Test("a copied binary works alone: the data is compiled in, no resource bundle exists")
    func copiedBinary() throws {
        let directory = NSTemporaryDirectory() + "checkdocs-copy-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.copyItem(atPath: Self.binary, toPath: directory + "/checkdocs")
        let bundles = try FileManager.default.contentsOfDirectory(atPath: Self.root + "/.build/debug").filter { $0 == "checkdocs_CheckDocsCore.resources" }
        #expect(bundles.isEmpty)
        let run = try Self.run(["list", "types"], binary: directory + "/checkdocs", directory: directory)
        #expect(run.status == 0)
        #expect(run.stdout.split(separator: "\n").count >= 30)
        // An empty folder with no programs/ is checked against the built-in standard checklists.
        let standard = try Self.run([directory, "--as-of", "2026-12-01", "--kind", "observership"],
                                    binary: directory + "/checkdocs", directory: directory)
        #expect(standard.stdout.contains("observership"))
    }

    @Test("explain and list answer for programs, checklists and types")
    func explainAndList() throws {
        let program = try Self.run(["explain", "bcm-visiting-elective", "--programs", "samples/programs"])
        #expect(program.status == 0)
        #expect(program.stdout.contains("tb"))
        #expect(try Self.run(["explain", "tb_igra"]).stdout.contains("quantiferon"))
        #expect(try Self.run(["explain", "diploma"]).stdout.contains("alone in a file name, where no other type is named: mbbs, mbchb, mbbch"))
        #expect(try Self.run(["explain", "mmr"]).stdout.contains("doses count when at least 24 days apart"))
        #expect(try Self.run(["explain", "observership"]).status == 0)
        #expect(try Self.run(["explain", "tb_igr"]).stderr.contains("did you mean"))
        // An id of 40,000 letters gets its one short line at once (it was compared letter by
        // letter with every id and alias, 20 s and more) and is shown cut.
        let long = try Self.run(["explain", String(repeating: "x", count: 40_000)])
        #expect(long.status == 2 && long.stderr.split(separator: "\n").count == 1 && long.stderr.count < 300, "\(long.stderr.prefix(300))")
        #expect(!(try Self.run(["explain", "observership"]).stdout.contains("builds on")))
        let checklists = try Self.run(["list", "checklists"]).stdout.split(separator: "\n")
        #expect(checklists.count == 5)
        // Counted as `explain` lists them: the VSLO checklist's 20 requirements and its eligibility rule.
        let vslo = try Self.run(["explain", "visiting-elective"]).stdout.split(separator: "\n").filter { $0.hasPrefix("  [") }
        #expect(vslo.count == 21 && checklists.contains { $0.contains("(VSLO) — 20 requirements and 1 eligibility rule,") }, "\(checklists)")
        // Columns are as wide as their longest cell: every kind starts in the same column.
        let rows = try Self.run(["list", "programs", "--programs", "samples/programs"]).stdout.split(separator: "\n")
        let kindColumns = Set(rows.map { row in
            row.distance(from: row.startIndex, to: row[row.firstIndex(of: " ")!...].firstIndex { $0 != " " }!)
        })
        #expect(rows.count == 12 && kindColumns.count == 1)
    }
}
