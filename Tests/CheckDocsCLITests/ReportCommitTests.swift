import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 11, reports: a report can never land inside the applicant folder, however the path
/// reaches it; every output of a run is renamed into place together or not at all; a signal
/// leaves no temporary behind; long report names work; a closed stdout is a clear error
/// (docs/security.md, promises 2 and 7, and "Faults during a run").
@Suite struct ReportCommitTests {
    static let asOf = ["--as-of", "2026-12-01"]
    static let nobody = "needs a non-root user: the tests run as root, and setpriv is missing or nobody cannot run the binary"

    /// Runs the binary through /bin/sh with its stdout redirected (`>/dev/full`, `>&-`).
    static func shell(_ redirect: String) -> [String] { ["/bin/sh", "-c", "exec \"$0\" \"$@\" " + redirect] }

    /// Hidden temporaries of checkdocs in a directory.
    static func temporaries(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.contains(".checkdocs-") && $0.hasSuffix(".tmp") }
    }

    static func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    // MARK: Inside the folder

    @Test("a report under a searchable but unreadable folder of the applicant's (0311, 0111) is refused",
          .enabled(if: Sandbox.canDropPrivileges, Comment(rawValue: nobody)))
    func insideThroughUnreadableFolder() throws {
        for mode: mode_t in [0o311, 0o111] {
            let box = try Sandbox()
            defer { box.remove() }
            try box.file("CV.pdf")
            let out = box.folder + "/mid/out"
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            chmod(out, 0o777)
            chmod(box.folder + "/mid", mode)
            let report = out + "/r.txt"
            let run = try box.runChecked([box.folder] + Self.asOf + ["-o", report], unprivileged: true, reportFiles: [report])
            #expect(run.status == 2 && run.stderr.contains("refusing to write a report inside the applicant folder"),
                    "mode \(String(mode, radix: 8)): \(run.status) \(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: report), "mode \(String(mode, radix: 8)): the report landed in the folder")
        }
    }

    @Test("a walk that cannot reach / (an ancestor that cannot be searched) refuses; it never answers 'not inside'",
          .enabled(if: Sandbox.canDropPrivileges, Comment(rawValue: nobody)))
    func unfinishedWalkRefuses() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.file("CV.pdf")
        let locked = box.reports + "/locked", sub = locked + "/sub"
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        chmod(sub, 0o777)
        chmod(locked, 0o700)  // root's: nobody may not look up ".." above sub
        let run = try box.runChecked([box.folder] + Self.asOf + ["-o", "r.txt"], unprivileged: true, directory: sub,
                                     reportFiles: [sub + "/r.txt"])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("r.txt: error: cannot tell whether the report would be inside the applicant folder"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: sub + "/r.txt"))
    }

    @Test("a report more than 4,096 levels below the applicant folder is refused")
    func insideDeeperThan4096Levels() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.file("CV.pdf")
        // mkdirat/openat one level at a time: the path is far longer than PATH_MAX.
        let levels = 4_200
        var current = open(box.folder, O_RDONLY | O_DIRECTORY)
        try #require(current >= 0)
        for _ in 0..<levels {
            try #require(mkdirat(current, "d", 0o755) == 0)
            let next = openat(current, "d", O_RDONLY | O_DIRECTORY)
            close(current)
            current = next
            try #require(current >= 0)
        }
        close(current)
        // sh changes into the deepest folder in steps of 1,000 levels (2,000 bytes each).
        let step = Array(repeating: "d", count: 1_000).joined(separator: "/")
        let hops = Array(repeating: "cd -P " + step, count: levels / 1_000) + ["cd -P " + Array(repeating: "d", count: levels % 1_000).joined(separator: "/")]
        let script = hops.joined(separator: " && ") + " && exec \"$0\" \"$@\""
        let run = try CLITests.run([box.folder] + Self.asOf + ["-o", "r.txt"], directory: box.folder, timeout: 60,
                                   launcher: ["/bin/sh", "-c", script])
        #expect(run.status == 2 && run.stderr.contains("refusing to write a report inside the applicant folder"), "\(run.status) \(run.stderr)")
        // Nothing was created at the bottom.
        var descriptor = open(box.folder, O_RDONLY | O_DIRECTORY)
        for _ in 0..<levels {
            let next = openat(descriptor, "d", O_RDONLY | O_DIRECTORY)
            close(descriptor)
            descriptor = next
        }
        defer { close(descriptor) }
        var status = stat()
        #expect(fstatat(descriptor, "r.txt", &status, AT_SYMLINK_NOFOLLOW) != 0, "the report landed 4,200 levels inside the folder")
    }

    // MARK: All outputs commit together

    @Test("check: a failing stdout report leaves the file report unwritten and the old one intact")
    func checkCommitsTogether() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.file("CV.pdf")
        let report = box.reports + "/a.json"
        try Data("previous".utf8).write(to: URL(fileURLWithPath: report))
        let run = try CLITests.run([box.folder] + Self.asOf + ["--format", "json=" + report, "--format", "text"],
                                   launcher: Self.shell(">/dev/full"))
        #expect(run.status == 2 && run.stderr.contains("<stdout>") && run.stderr.contains("No space left"), "\(run.stderr)")
        #expect(Self.contents(report) == "previous")
        #expect(try Self.temporaries(box.reports).isEmpty)
    }

    @Test("batch: when the second summary cannot be written, the first is not renamed into place")
    func batchSummariesCommitTogether() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.file("CV.pdf")
        let csv = box.reports + "/s.csv"
        try Data("previous".utf8).write(to: URL(fileURLWithPath: csv))
        let run = try box.runChecked([box.folder, CLITests.root + "/samples/applicants/ready"] + Self.asOf
                                     + ["--summary", "csv=" + csv, "--summary", "ndjson=/dev/full"])
        #expect(run.status == 2 && run.stderr.contains("/dev/full"), "\(run.stderr)")
        #expect(Self.contents(csv) == "previous")
        #expect(try Self.temporaries(box.reports).isEmpty)
    }

    @Test("batch: when a summary cannot be written, no per-folder report is renamed into place")
    func batchReportsCommitTogether() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.file("CV.pdf")
        let run = try box.runChecked([box.folder, CLITests.root + "/samples/applicants/ready"] + Self.asOf
                                     + ["--format", "json=" + box.reports + "/", "--summary", "csv=/dev/full"])
        #expect(run.status == 2 && run.stderr.contains("/dev/full"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.reports).isEmpty)
    }

    @Test("plan: a failing stdout leaves the --ics file unwritten (exit 2, not 0)")
    func planCommitsTogether() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.file("CV.pdf")
        let ics = box.reports + "/p.ics"
        let run = try CLITests.run(["plan", box.folder] + Self.asOf + ["--ics", ics], launcher: Self.shell(">/dev/full"))
        #expect(run.status == 2 && run.stderr.contains("<stdout>") && run.stderr.contains("No space left"), "\(run.status) \(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.reports).isEmpty)
    }

    // MARK: Signals

    /// Starts a batch writing per-folder reports and a summary over previous ones, sends `signal`
    /// as soon as a temporary exists, and checks the exit status, the debris and the old reports.
    func interrupt(with signal: Int32) throws {
        let base = NSTemporaryDirectory() + "checkdocs-signal-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: base) }
        let reports = base + "/reports"
        try FileManager.default.createDirectory(atPath: reports, withIntermediateDirectories: true)
        let folders = (1...150).map { base + String(format: "/applicant-%03d", $0) }
        for folder in folders {
            try FileManager.default.copyItem(atPath: CLITests.root + "/samples/applicants/ready", toPath: folder)
            try Data("previous".utf8).write(to: URL(fileURLWithPath: reports + "/" + (folder as NSString).lastPathComponent + ".json"))
        }
        try Data("previous".utf8).write(to: URL(fileURLWithPath: reports + "/summary.csv"))
        let before = try FileManager.default.contentsOfDirectory(atPath: reports).sorted()

        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLITests.binary)
        process.arguments = folders + Self.asOf + ["--format", "json=" + reports + "/", "--summary", "csv=" + reports + "/summary.csv"]
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CACHE_HOME"] = CLITests.testCacheHome
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let start = Date()
        var seen = false
        while process.isRunning && Date().timeIntervalSince(start) < 30 {
            if try !Self.temporaries(reports).isEmpty { seen = true; break }
            usleep(1_000)
        }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        try #require(seen, "no temporary was ever seen: the run ended before the signal")
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        #expect(status == 128 + signal)
        #expect(try Self.temporaries(reports).isEmpty, "signal \(signal) left temporaries behind")
        #expect(try FileManager.default.contentsOfDirectory(atPath: reports).sorted() == before)
        let replaced = before.filter { Self.contents(reports + "/" + $0) != "previous" }
        #expect(replaced.isEmpty, "signal \(signal): \(replaced.count) previous reports replaced, e.g. \(replaced.prefix(3))")
    }

    @Test("SIGTERM during a batch: no temporary left, every previous report intact, exit 143")
    func sigterm() throws { try interrupt(with: SIGTERM) }

    @Test("SIGINT during a batch: no temporary left, every previous report intact, exit 130")
    func sigint() throws { try interrupt(with: SIGINT) }

    @Test("SIGHUP during a batch: no temporary left, every previous report intact, exit 129")
    func sighup() throws { try interrupt(with: SIGHUP) }

    // MARK: Names and stdout

    @Test("report names of 232 to 255 bytes work; two long names alike but for the end do not collide")
    func longReportNames() throws {
        let box = try Sandbox()
        defer { box.remove() }
        // Not a real PDF: its content-mismatch note names CV.pdf in every report.
        try box.file("CV.pdf", "scan")
        for length in [232, 240, 255] {
            let path = box.reports + "/" + String(repeating: "r", count: length)
            let run = try box.runChecked([box.folder] + Self.asOf + ["-o", path], reportFiles: [path])
            #expect(run.status == 1, "\(length) bytes: \(run.stderr)")
            #expect(Self.contents(path)?.contains("CV.pdf") == true)
        }
        // 127 two-byte letters and one more byte: 255 bytes, not 255 characters.
        let accented = box.reports + "/" + String(repeating: "é", count: 127) + "1"
        let twin = box.reports + "/" + String(repeating: "é", count: 127) + "2"
        let run = try box.runChecked([box.folder] + Self.asOf + ["--format", "json=" + accented, "--format", "text=" + twin],
                                     reportFiles: [accented, twin])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(Self.contents(accented)?.hasPrefix("{") == true)
        #expect(Self.contents(twin)?.contains("CV.pdf") == true)
        #expect(try Self.temporaries(box.reports).isEmpty)
    }

    @Test("a closed stdout is one clear line naming stdout, exit 2; reports to files still work")
    func closedStdout() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.file("CV.pdf")
        // `cache clear` says what it removed there: with stdout closed it removes nothing.
        for arguments in [[box.folder] + Self.asOf, ["plan", box.folder] + Self.asOf, ["list", "types"],
                          [box.folder, CLITests.root + "/samples/applicants/ready"] + Self.asOf, ["cache", "clear"]] {
            let run = try CLITests.run(arguments, launcher: Self.shell(">&-"))
            #expect(run.status == 2, "\(arguments.prefix(2)): \(run.status) \(run.stderr)")
            #expect(run.stderr == "checkdocs: <stdout>: error: standard output is closed; redirect it, or write the report to a file\n",
                    "\(arguments.prefix(2)): \(run.stderr)")
        }
        // A report to /dev/stdout with stdout closed is the same error, not a write to /dev/null.
        let named = try CLITests.run([box.folder] + Self.asOf + ["-o", "/dev/stdout"], launcher: Self.shell(">&-"))
        #expect(named.status == 2 && named.stderr.contains("standard output is closed"), "\(named.stderr)")
        let report = box.reports + "/r.json"
        let file = try CLITests.run([box.folder] + Self.asOf + ["--format", "json=" + report], launcher: Self.shell(">&-"))
        #expect(file.status == 1 && file.stderr.isEmpty, "\(file.stderr)")
        #expect(Self.contents(report)?.hasPrefix("{") == true)
    }
}
