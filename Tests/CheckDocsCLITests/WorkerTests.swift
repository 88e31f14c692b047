import Foundation
import Testing

/// Issue 11: documents are read in a bounded worker process. A PDF that makes poppler run for
/// minutes (HostilePDFs) costs one worker's deadline, its file is `not-evaluable` with the
/// reason, and everything else in the run is evaluated as usual (docs/security.md, "Document workers").
/// Serialized: each hostile run keeps a core busy until its deadline, and the other suites'
/// time bounds (A14's 100,000 files) run at the same time.
@Suite(.serialized) struct WorkerTests {
    static let asOf = ["--as-of", "2026-12-01"]
    /// A short deadline keeps the tests fast; the default is 15 s.
    static let deadline = ["CHECKDOCS_WORKER_TIMEOUT_MS": "1500"]

    /// A CV and a transcript that file rules read, and a second program that reads nothing.
    static let programs = """
    <program xmlns="urn:checkdocs:program:1" schemaVersion="1" id="strict-files" kind="observership">
      <name>Strict file rules</name>
      <institution>Test</institution>
      <source href="https://example.org/rules" asOf="2026-10-01"/>
      <requirements>
        <require id="cv" title="CV"><document type="cv"><file formats="pdf" pageSize="letter" maxCharacters="28000" noDigitalSignature="true"/></document></require>
        <require id="transcript" title="Transcript"><document type="transcript"><file formats="pdf" pageSize="letter"/></document></require>
        <require id="cv-name" title="CV in the passport name"><document type="cv"><nameMatch/></document></require>
      </requirements>
    </program>
    """
    static let lenient = """
    <program xmlns="urn:checkdocs:program:1" schemaVersion="1" id="names-only" kind="observership">
      <name>Names only</name>
      <institution>Test</institution>
      <source href="https://example.org/rules" asOf="2026-10-01"/>
      <requirements>
        <require id="cv" title="CV"><document type="cv"/></require>
      </requirements>
    </program>
    """

    static let shapes: [(String, @Sendable () -> [UInt8])] = [
        ("nested forms", { HostilePDFs.nestedForms() }),
        ("500 pages sharing a content stream", { HostilePDFs.sharedContent() }),
        ("a shared unnamed form field", { HostilePDFs.sharedField() }),
    ]

    func write(_ bytes: [UInt8], to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    func writePrograms(in box: Sandbox) throws -> [String] {
        let strict = box.inputs + "/strict.xml", names = box.inputs + "/names.xml"
        try Self.programs.write(toFile: strict, atomically: true, encoding: .utf8)
        try Self.lenient.write(toFile: names, atomically: true, encoding: .utf8)
        return ["--programs", strict, "--programs", names]
    }

    static func requirement(_ id: String, of program: String, in json: [String: Any]) -> [String: Any]? {
        let programs = json["programs"] as? [[String: Any]] ?? []
        let found = programs.first { $0["id"] as? String == program }
        return (found?["requirements"] as? [[String: Any]])?.first { $0["id"] as? String == id }
    }

    @Test("a hostile PDF, under a <file> rule and unrecognized: not-evaluable (inspection failed), the rest evaluated, exit 1, bounded",
          arguments: 0..<3)
    func hostileShape(index: Int) throws {
        let (name, make) = Self.shapes[index]
        let box = try Sandbox()
        defer { box.remove() }
        let hostile = make()
        try write(hostile, to: box.folder + "/CV.pdf")
        try write(hostile, to: box.folder + "/scan0001.pdf")
        try write(HostilePDFs.letter(), to: box.folder + "/Transcript.pdf")
        // The name rule reads the CV's text: the manifest gives the passport name, not the CV's.
        try write(Array("schemaVersion: 1\napplicant:\n  name: \"Abena Kyerewaa Boadu\"\n".utf8), to: box.folder + "/checkdocs.yaml")
        let report = box.reports + "/report.json"
        let run = try box.runChecked([box.folder, "--format", "json=" + report] + writePrograms(in: box) + Self.asOf,
                                     timeout: 60, reportFiles: [report], environment: Self.deadline)
        #expect(run.status == 1, "\(name): exit \(run.status): \(run.stderr.prefix(300))")
        // Two hostile files, each at most one deadline (1.5 s), on a loaded machine.
        #expect(run.seconds < 30, "\(name): took \(run.seconds) s")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any])
        let cv = try #require(Self.requirement("cv", of: "strict-files", in: json))
        #expect(cv["status"] as? String == "not-evaluable", "\(name): \(cv)")
        let message = cv["message"] as? String ?? ""
        #expect(message.contains("inspection failed: timeout") || message.contains("inspection failed: crash"), "\(name): \(message)")
        let nameRule = try #require(Self.requirement("cv-name", of: "strict-files", in: json))
        #expect(nameRule["status"] as? String == "not-evaluable" && (nameRule["message"] as? String ?? "").contains("inspection failed"), "\(nameRule)")
        // The next file is read by a fresh worker; the program without file rules is untouched.
        #expect(Self.requirement("transcript", of: "strict-files", in: json)?["status"] as? String == "ok", "\(name)")
        #expect(Self.requirement("cv", of: "names-only", in: json)?["status"] as? String == "ok", "\(name)")
        // The unrecognized copy gets no suggestion, and a warning that says why.
        let diagnostics = json["diagnostics"] as? [[String: Any]] ?? []
        let failed = diagnostics.first { $0["path"] as? String == "scan0001.pdf" && $0["code"] as? String == "inspection-failed" }
        #expect(failed != nil, "\(name): \(diagnostics)")
        #expect((json["suggestions"] as? [Any])?.isEmpty ?? true)
    }

    @Test("a fact a rule needs from a PDF whose worker fails: not-evaluable, and the message says the file could not be read")
    func factNotRead() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try write(HostilePDFs.nestedForms(), to: box.folder + "/QuantiFERON 2026-10-01.pdf")
        let program = box.inputs + "/tb.xml"
        try """
        <program xmlns="urn:checkdocs:program:1" schemaVersion="1" id="tb-result" kind="observership">
          <name>TB result</name>
          <institution>Test</institution>
          <source href="https://example.org/rules" asOf="2026-10-01"/>
          <requirements>
            <require id="tb" title="TB test"><document type="tb_igra" result="negative"/></require>
          </requirements>
        </program>
        """.write(toFile: program, atomically: true, encoding: .utf8)
        let report = box.reports + "/report.json"
        let run = try box.runChecked([box.folder, "--programs", program, "--format", "json=" + report] + Self.asOf,
                                     timeout: 60, reportFiles: [report], environment: Self.deadline)
        #expect(run.status == 1, "exit \(run.status): \(run.stderr.prefix(300))")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any])
        let tb = try #require(Self.requirement("tb", of: "tb-result", in: json))
        #expect(tb["status"] as? String == "not-evaluable", "\(tb)")
        let message = tb["message"] as? String ?? ""
        #expect(message.contains("QuantiFERON 2026-10-01.pdf could not be read: inspection failed: "), "\(message)")
    }

    @Test("a batch run with one hostile folder still prints its summary and exits 1")
    func batchSummary() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let ready = box.base + "/ready"
        try FileManager.default.copyItem(atPath: CLITests.root + "/samples/applicants/ready", toPath: ready)
        try write(HostilePDFs.nestedForms(), to: box.folder + "/CV.pdf")
        try write(HostilePDFs.letter(), to: box.folder + "/Transcript.pdf")
        let run = try box.runChecked([ready, box.folder] + writePrograms(in: box) + Self.asOf, timeout: 60, environment: Self.deadline)
        #expect(run.status == 1, "exit \(run.status): \(run.stderr.prefix(300))")
        #expect(run.stdout.contains("2 folders: 1 ready, 1 blocked"), "no summary: \(run.stdout.suffix(500))")
        #expect(run.stdout.contains(box.folder) && run.stdout.contains(ready), "\(run.stdout.prefix(800))")
    }

    @Test("a worker holds only its socket and /dev/null, runs in /, under CPU, memory, file-size and core limits")
    func workerSandbox() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try write(HostilePDFs.nestedForms(), to: box.folder + "/CV.pdf")
        let arguments = try [box.folder] + writePrograms(in: box) + Self.asOf
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLITests.binary)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["CHECKDOCS_WORKER_TIMEOUT_MS"] = "20000"
        environment["XDG_CACHE_HOME"] = CLITests.testCacheHome
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        defer {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        // The worker, once it is busy with the PDF: its address-space limit is set after
        // poppler-glib is loaded (which opens and closes a few files of its own), its CPU limit
        // once it has read a request.
        var worker: Int32?
        let start = Date()
        while worker == nil, Date().timeIntervalSince(start) < 20 {
            worker = Self.children(of: process.processIdentifier).first { pid in
                ["Max address space", "Max cpu time"].allSatisfy { (Self.limit($0, of: pid) ?? "unlimited") != "unlimited" }
            }
            if worker == nil { usleep(50_000) }
        }
        let pid = try #require(worker, "no worker process appeared")
        let descriptors = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").sorted()
        #expect(descriptors == ["0", "1", "2"], "the worker holds \(descriptors)")
        let targets = descriptors.map { (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\($0)")) ?? "?" }
        #expect(targets.first?.hasPrefix("socket:") == true && targets.dropFirst().allSatisfy { $0 == "/dev/null" }, "\(targets)")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/cwd")) == "/")
        #expect(Self.limit("Max core file size", of: pid) == "0")
        let addressSpace = try #require(Self.limit("Max address space", of: pid).flatMap { Int($0) })
        #expect(addressSpace <= 1 << 30)
        let cpu = try #require(Self.limit("Max cpu time", of: pid).flatMap { Int($0) })
        #expect(cpu <= 20, "CPU limit \(cpu) s")
        let commandLine = (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? ""
        #expect(commandLine.contains("--internal-document-worker-v1"))
        let environ = (try? String(contentsOfFile: "/proc/\(pid)/environ", encoding: .utf8)) ?? ""
        #expect(!environ.contains("CHECKDOCS_WORKER_TIMEOUT_MS"), "the worker inherited the environment: \(environ)")
    }

    @Test("started by hand, the worker mode refuses to run")
    func workerModeByHand() throws {
        let run = try CLITests.run(["--internal-document-worker-v1", "10", "1073741824"], timeout: 10)
        #expect(run.status == 64)
        #expect(run.stderr.contains("started by checkdocs itself"))
    }

    /// Processes whose parent is `parent`.
    static func children(of parent: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 2 && Int32(fields[1]) == parent
        }
    }

    /// The soft value of one line of /proc/<pid>/limits ("unlimited" as is).
    static func limit(_ name: String, of pid: Int32) -> String? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/limits", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix(name) }) else { return nil }
        return line.dropFirst(name.count).split(separator: " ").first.map(String.init)
    }
}
