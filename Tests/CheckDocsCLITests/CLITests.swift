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
        let directory = NSTemporaryDirectory() + "checkdocs-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
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

    @Test("lint reports a reversed rotation and, in the same run, the errors that resolving the rest of the file finds; a rule that fails keeps them for the next run")
    func lintReportsResolvingErrorsBesideDecoding() throws {
        let directory = NSTemporaryDirectory() + "checkdocs-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/d.xml"
        func write(rotation: String, requirement: String) throws {
            try """
            <program xmlns="urn:checkdocs:program:1" schemaVersion="1" id="d" kind="observership">
              <name>W</name>
              <institution>Test</institution>
              <source href="https://example.org/" asOf="2026-11-01"/>
              <extends checklist="observership"/>
              \(rotation)
              <requirements>
                <remove ref="nothere"/>
                \(requirement)
                <require id="cv3" title="CV"><document type="cv" min="3" max="2"/></require>
              </requirements>
            </program>
            """.write(toFile: file, atomically: true, encoding: .utf8)
        }
        try write(rotation: #"<rotation start="2027-03-01" end="2027-02-01"/>"#,
                  requirement: #"<require id="cv2" title="CV"><document type="nosuchtype"/></require>"#)
        let run = try Self.run(["lint", file, "--as-of", "2026-12-01"])
        #expect(run.status == 2)
        let expected = [":6:3: error: the rotation ends (2027-02-01) before it starts (2027-03-01)",
                        ":8:5: error: removes \"nothere\", which no extended checklist defines",
                        ":9:34: error: unknown document type \"nosuchtype\"; `checkdocs list types` shows them",
                        ":10:34: error: max (2) is less than min (3)"].map { "checkdocs: " + file + $0 + "\n" }
        #expect(run.stderr == expected.joined() + "checkdocs: 4 errors in 1 file\n")
        // A requirement that cannot be decoded leaves the file's rules incomplete: resolving it
        // would call a reference to that requirement unknown, so only the decoding's errors come.
        try write(rotation: "", requirement: #"<require id="cv2" title="CV"><document type="cv"><window anchor="as-of" within="2027" unit="years"/></document></require>"#)
        let rule = try Self.run(["lint", file, "--as-of", "2026-12-01"])
        #expect(rule.status == 2)
        #expect(!rule.stderr.contains("nothere") && rule.stderr.contains("1 error in 1 file"), "\(rule.stderr)")
    }

    @Test("lint reports a misspelt extended checklist at its <extends> (JSON: its pointer) with the closest name, and no remove or tighten that only it could answer")
    func lintUnknownChecklistAtExtends() throws {
        let directory = NSTemporaryDirectory() + "checkdocs-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try """
        <program xmlns="urn:checkdocs:program:1" schemaVersion="1" id="d" kind="observership">
          <name>W</name>
          <institution>Test</institution>
          <source href="https://example.org/" asOf="2026-11-01"/>
          <extends checklist="observershp"/>
          <requirements>
            <remove ref="usmle"/>
            <tighten ref="cv" hint="A short CV."/>
          </requirements>
        </program>
        """.write(toFile: directory + "/d.xml", atomically: true, encoding: .utf8)
        try """
        {"schemaVersion": 1, "program": {"id": "j", "kind": "observership", "name": "W", "institution": "Test",
         "source": {"href": "https://example.org/", "asOf": "2026-11-01"},
         "extends": ["observership", "observershp"], "remove": ["usmle"], "tighten": [{"ref": "cv", "hint": "A short CV."}]}}
        """.write(toFile: directory + "/j.json", atomically: true, encoding: .utf8)
        let xml = try Self.run(["lint", directory + "/d.xml", "--as-of", "2026-12-01"])
        #expect(xml.status == 2)
        #expect(xml.stderr == "checkdocs: \(directory)/d.xml:5:3: error: extends unknown checklist \"observershp\" (did you mean \"observership\"?)\n"
                + "checkdocs: 1 error in 1 file\n", "\(xml.stderr)")
        let json = try Self.run(["lint", directory + "/j.json", "--as-of", "2026-12-01"])
        #expect(json.status == 2)
        #expect(json.stderr == "checkdocs: \(directory)/j.json: /program/extends/1: error: extends unknown checklist \"observershp\" (did you mean \"observership\"?)\n"
                + "checkdocs: 1 error in 1 file\n", "\(json.stderr)")
    }

    @Test("lint of a --checklists folder: its document-types.json is checked as a catalog, and a checklist there may use its types")
    func lintChecklistsFolder() throws {
        let directory = NSTemporaryDirectory() + "checkdocs-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try #"""
            {"schemaVersion": 1, "source": {"href": "https://example.org/types", "asOf": "2026-11-20"},
             "types": [{"id": "hospital_badge_form", "title": "Hospital badge form", "description": "The host hospital's ID badge request.", "category": "administrative", "aliases": ["badge form"]}]}
            """#.write(toFile: directory + "/document-types.json", atomically: true, encoding: .utf8)
        try #"""
            <?xml version="1.0" encoding="UTF-8"?>
            <checklist xmlns="urn:checkdocs:program:1" schemaVersion="1" id="my-obs" kind="observership">
              <name>Mine</name><source href="https://example.org/" asOf="2026-11-01"/>
              <requirements><require id="badge" title="Badge form"><document type="hospital_badge_form"/></require></requirements>
            </checklist>
            """#.write(toFile: directory + "/my-obs.xml", atomically: true, encoding: .utf8)
        let run = try Self.run(["lint", directory, "--as-of", "2026-12-01"])
        #expect(run.status == 0 && run.stdout == "2 files valid\n", "\(run.stderr)")
        #expect(run.stderr.contains("document-types.json: note: checked as a document-type catalog, which only --checklists reads"))
        // The limits --checklists holds a catalog to: a cycle of parents is refused by lint as by check.
        try #"{"schemaVersion": 1, "source": {"href": "https://x.org", "asOf": "2026-11-20"}, "types": [{"id": "ta", "title": "A", "description": "d", "category": "application", "aliases": ["ta"], "parents": ["tb"]}, {"id": "tb", "title": "B", "description": "d", "category": "application", "aliases": ["tbb"], "parents": ["ta"]}]}"#
            .write(toFile: directory + "/document-types.json", atomically: true, encoding: .utf8)
        let cycle = try Self.run(["lint", directory, "--as-of", "2026-12-01"])
        #expect(cycle.status == 2 && cycle.stderr.contains("parent types form a cycle"), "\(cycle.stderr)")
        try #"{"types": 3}"#.write(toFile: directory + "/document-types.json", atomically: true, encoding: .utf8)
        let broken = try Self.run(["lint", directory, "--as-of", "2026-12-01"])
        #expect(broken.status == 2 && broken.stderr.contains("document-types.json: /types: error: expected array"), "\(broken.stderr)")
        #expect(!broken.stderr.contains("\"program\""))
    }

    @Test("an external entity or billion laughs is refused with exit 2, quickly, leaking nothing")
    func hostileXML() throws {
        let directory = NSTemporaryDirectory() + "checkdocs-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
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

    @Test("bad command lines exit 64; a missing folder exits 2")
    func exitCodes() throws {
        #expect(try Self.run(["samples/applicants/ready", "--as-of", "tomorrow"]).status == 64)
        #expect(try Self.run(["samples/applicants/ready", "--fail-on", "sometimes"]).status == 64)
        let missing = try Self.run(["no/such/folder", "--as-of", "2026-12-01"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no/such/folder"))
        #expect(try Self.run(["--version"]).stdout.hasPrefix("0."))
    }

    @Test("a bad command line is one line on stderr in checkdocs' form, naming what was wrong and the subcommand's --help; exit 64, stdout empty",
          arguments: [
              // argument-parser's own errors: an unknown option, an unexpected or missing argument,
              // a value that does not parse, a list of allowed values (6 of them: argument-parser
              // puts them one a line).
              (["samples/applicants/ready", "--no-such-flag"], "unknown option '--no-such-flag' (see 'checkdocs check --help')"),
              (["cache", "clear", "x"], "unexpected argument 'x' (see 'checkdocs cache clear --help')"),
              (["plan"], "missing expected argument '<folder>' (see 'checkdocs plan --help')"),
              (["samples/applicants/ready", "--as-of"], "missing value for '--as-of <date>' (see 'checkdocs check --help')"),
              (["samples/applicants/ready", "--as-of", "tomorrow"],
               "the value 'tomorrow' is invalid for '--as-of <date>': \"tomorrow\" is not a date in the form YYYY-MM-DD (see 'checkdocs check --help')"),
              (["samples/applicants/ready", "--as-of", "2027-02-29"],
               "the value '2027-02-29' is invalid for '--as-of <date>': \"2027-02-29\" is not a day of the calendar (see 'checkdocs check --help')"),
              (["list", "bogus"], "the value 'bogus' is invalid for '<what>'; choose one of 'programs', 'types' or 'checklists' (see 'checkdocs list --help')"),
              (["samples/applicants/ready", "--kind", "x"],
               "the value 'x' is invalid for '--kind <kind>'; choose one of observership, externship, internship, visiting-elective, residency, research (see 'checkdocs check --help')"),
              // validate()'s ValidationErrors, and the default subcommand's.
              (["samples/applicants/ready", "-q", "-v"], "--quiet and --verbose cannot be used together (see 'checkdocs check --help')"),
              ([], "missing expected argument '<folder> ...' (see 'checkdocs check --help')"),
              (["pick", "samples/applicants/ready", "--top", "0"], "--top must be 1 to 1000, not 0 (see 'checkdocs pick --help')"),
              (["lint", "--as-of", "9999-12-31", "samples/programs"],
               "--as-of 9999-12-31 is outside the dates checkdocs accepts (1900-01-01 to 2200-12-31) (see 'checkdocs lint --help')"),
              (["check", "a", "--format", "yaml"],
               "unknown --format \"yaml\" (did you mean \"html\"?); choose one of text, json, markdown, html, junit, sarif (see 'checkdocs check --help')"),
              // `help` of a subcommand that does not exist.
              (["help", "chek"], "no subcommand \"chek\"; the subcommands are check, plan, pick, init, explain, list, lint, cache, help (see 'checkdocs --help')"),
              (["help", "cache", "bogus"], "no subcommand \"bogus\"; the subcommands of cache are clear (see 'checkdocs cache --help')"),
              // What came from the command line is escaped: an escape sequence cannot reach the terminal.
              (["samples/applicants/ready", "--\u{1B}[31m"], "unknown option '--\\x1B[31m' (see 'checkdocs check --help')"),
              (["samples/applicants/ready", "--fail-on", "a\nb"],
               "the value 'a\\nb' is invalid for '--fail-on <fail-on>'; choose one of 'error', 'warning' or 'never' (see 'checkdocs check --help')"),
              // argument-parser's message of three lines, about the root command's own option.
              (["--generate-completion-script", "tcsh"],
               "can't generate completion scripts for 'tcsh'. Please use --generate-completion-script=<shell> with one of: zsh bash fish (see 'checkdocs --help')"),
          ])
    func badCommandLineOneLine(arguments: [String], message: String) throws {
        let run = try Self.run(arguments)
        #expect(run.status == 64, "\(arguments): \(run.stderr)")
        #expect(run.stderr == "checkdocs: error: " + message + "\n", "\(arguments)")
        #expect(run.stdout.isEmpty)
        for old in ["Error:", "Usage:", "Help:", "for more information"] { #expect(!run.stderr.contains(old), "\(arguments): \(run.stderr)") }
    }

    @Test("--help, help SUBCOMMAND and --version still print to stdout and exit 0",
          arguments: [["--help"], ["check", "--help"], ["help", "plan"], ["cache", "clear", "--help"], ["cache"], ["--version"], ["lint", "--version"]])
    func helpAndVersionExitZero(arguments: [String]) throws {
        let run = try Self.run(arguments)
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(arguments.contains("--version") ? run.stdout.hasPrefix("0.") : run.stdout.contains("USAGE: checkdocs"), "\(arguments): \(run.stdout.prefix(200))")
    }

    @Test("an empty path is a bad command line naming the argument: one line, exit 64, nothing read or written",
          arguments: [
              ([""], "the folder path is empty (see 'checkdocs check --help')"),
              (["check", "", "--as-of", "2026-12-01"], "the folder path is empty (see 'checkdocs check --help')"),
              (["samples/applicants/ready", "", "--as-of", "2026-12-01"], "the folder path is empty (see 'checkdocs check --help')"),
              (["plan", ""], "the folder path is empty (see 'checkdocs plan --help')"),
              (["pick", ""], "the folder path is empty (see 'checkdocs pick --help')"),
              (["init", "", "--print"], "the folder path is empty (see 'checkdocs init --help')"),
              (["lint", ""], "a path to lint is empty (see 'checkdocs lint --help')"),
              (["lint", "samples/programs", "--checklists", ""], "the --checklists path is empty (see 'checkdocs lint --help')"),
              (["samples/applicants/ready", "--programs", "", "--as-of", "2026-12-01"], "the --programs path is empty (see 'checkdocs check --help')"),
              (["samples/applicants/ready", "--checklists", ""], "the --checklists path is empty (see 'checkdocs check --help')"),
              (["samples/applicants/ready", "--waivers", ""], "the --waivers path is empty (see 'checkdocs check --help')"),
              (["plan", "samples/applicants/ready", "--programs", ""], "the --programs path is empty (see 'checkdocs plan --help')"),
              (["explain", "visiting-elective", "--programs", ""], "the --programs path is empty (see 'checkdocs explain --help')"),
              (["list", "programs", "--programs", ""], "the --programs path is empty (see 'checkdocs list --help')"),
              (["explain", ""], "the id is empty (see 'checkdocs explain --help')"),
          ])
    func emptyPath(arguments: [String], message: String) throws {
        // Run from an empty directory, with the cache in it: nothing may appear there.
        let directory = NSTemporaryDirectory() + "checkdocs-empty-path-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let absolute = arguments.map { $0.hasPrefix("samples/") ? Self.root + "/" + $0 : $0 }
        let run = try Self.run(absolute, directory: directory, environment: ["XDG_CACHE_HOME": directory + "/cache"])
        #expect(run.status == 64, "\(arguments): \(run.stderr)")
        #expect(run.stderr == "checkdocs: error: " + message + "\n", "\(arguments)")
        #expect(run.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty, "\(arguments) wrote into the working directory")
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
