import Foundation
import Testing

/// Faults during a run (docs/security.md, "Limits"): A8/A9 (files changing or vanishing while
/// checkdocs reads the folder) and B20/B22 (a report write killed part-way; a full file system):
/// faults outside checkdocs' control never crash it, never hang it, and never leave a partial
/// report where a report goes.
@Suite struct AdversarialFaultTests {
    static let asOf = ["--as-of", "2026-12-01"]

    /// Whether a small tmpfs can be mounted here (root, and a container that allows it).
    static let canMountTmpfs: Bool = {
        guard geteuid() == 0 else { return false }
        let probe = NSTemporaryDirectory() + "checkdocs-tmpfs-probe-" + UUID().uuidString
        guard (try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)) != nil else { return false }
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard let mounted = try? CLITests.run(["-t", "tmpfs", "-o", "size=16k", "tmpfs", probe], binary: "/bin/mount"),
              mounted.status == 0 else { return false }
        _ = try? CLITests.run([probe], binary: "/bin/umount")
        return true
    }()

    /// Starts checkdocs on the sample folder with a report file, and kills it after `delay`.
    static func killed(after delay: Double, report: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLITests.binary)
        process.arguments = ["samples/applicants/ready", "--programs", "samples/programs", "--format", "json=" + report,
                             "--fail-on", "never"] + asOf
        process.currentDirectoryURL = URL(fileURLWithPath: CLITests.root)
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CACHE_HOME"] = CLITests.testCacheHome
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(useconds_t(delay * 1_000_000))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test("B20: a report write killed at any point leaves the previous report whole, never a partial one")
    func killedWrite() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let report = box.reports + "/report.json"
        let previous = Data("{\"previous\": true}\n".utf8)
        try previous.write(to: URL(fileURLWithPath: report))
        for delay in [0.0, 0.005, 0.01, 0.02, 0.04, 0.08, 0.16] {
            _ = try Self.killed(after: delay, report: report)
            let now = try Data(contentsOf: URL(fileURLWithPath: report))
            // Either the run was killed before the rename (the old report is there, whole) or it
            // finished first (a complete new report): never a mix.
            let complete = (try? JSONSerialization.jsonObject(with: now)) is [String: Any]
            #expect(now == previous || complete, "a partial report after a kill at \(delay) s (\(now.count) bytes)")
            if now != previous { try previous.write(to: URL(fileURLWithPath: report)) }
        }
        // A killed run cannot clean up after itself: its temporary may stay, hidden, beside the
        // report (never in the applicant folder, never under the report's name).
        let debris = try FileManager.default.contentsOfDirectory(atPath: box.reports).filter { $0 != "report.json" }
        #expect(debris.allSatisfy { $0.hasPrefix(".report.json.checkdocs-") && $0.hasSuffix(".tmp") })
    }

    @Test("B22: a full file system is exit 2 with the reason, the previous report unchanged and no temporary left",
          .enabled(if: canMountTmpfs, "needs root and a kernel that lets this process mount a tmpfs"))
    func fullFileSystem() throws {
        let box = try Sandbox()
        defer {
            _ = try? CLITests.run(["-l", box.reports + "/tiny"], binary: "/bin/umount")
            box.remove()
        }
        let tiny = box.reports + "/tiny"
        try FileManager.default.createDirectory(atPath: tiny, withIntermediateDirectories: true)
        let mount = try CLITests.run(["-t", "tmpfs", "-o", "size=16k", "tmpfs", tiny], binary: "/bin/mount")
        try #require(mount.status == 0, "cannot mount a tmpfs: \(mount.stderr.prefix(200))")
        let report = tiny + "/report.json"
        let previous = Data("{\"previous\": true}\n".utf8)
        try previous.write(to: URL(fileURLWithPath: report))
        try box.file("CV.pdf", "%PDF-1.4\n")
        let run = try box.runChecked([CLITests.root + "/samples/applicants/ready", "--programs", CLITests.root + "/samples/programs",
                                      "--format", "json=" + report] + Self.asOf)
        #expect(run.status == 2 && run.stderr.contains("No space left"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: report)) == previous)
        #expect(try FileManager.default.contentsOfDirectory(atPath: tiny) == ["report.json"])
    }

    @Test("A8/A9: files appearing, vanishing and growing during the scan: no crash, no hang, a clear result")
    func changingFolder() throws {
        let box = try Sandbox()
        defer { box.remove() }
        for index in 0..<300 { try box.file("scans/scan\(index).pdf", "%PDF-1.4\n") }
        try box.file("CV.pdf", "%PDF-1.4\n")
        let stop = StopFlag()
        let folder = box.folder
        let churn = Thread {
            var round = 0
            while !stop.isSet {
                let path = folder + "/scans/scan\(round % 300).pdf"
                unlink(path)
                // A churn against the scan: a file that could not be made this round is as good as one moved away.
                _ = FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x25, count: (round % 7) * 4096))
                rename(path, folder + "/scans/moved\(round % 50).pdf")
                round += 1
            }
        }
        churn.start()
        var statuses = Set<Int32>()
        for _ in 0..<8 {
            let run = try CLITests.run([folder, "--format", "json"] + Self.asOf, timeout: 20)
            #expect(!run.timedOut && run.status < 128, "status \(run.status): \(run.stderr.prefix(300))")
            #expect(run.status == 2 ? !run.stderr.isEmpty : (try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) is [String: Any])
            statuses.insert(run.status)
        }
        stop.set()
        #expect(statuses.isSubset(of: [0, 1, 2]))
    }
}

/// Tells a background thread to stop.
private final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
