#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import CheckDocsCore
import CheckDocsNative

// Every command names itself (`commandName:`): without it, argument-parser derives the name from
// `String(describing: Self.self)` each time it asks, which looked up protocol conformances on
// every run: 13 M instructions of a 43 M `--version` (docs/performance.md, "Start-up").
@main
struct CheckDocs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkdocs",
        abstract: "Check an application folder against US clinical programs' document requirements.",
        discussion: """
        Reads a folder of document scans, an optional manifest (checkdocs.yaml) and program \
        descriptions (XML or JSON), and reports for each program: ready or not, and what is \
        missing, expired, expiring before the rotation, invalid, or makes you ineligible.

        EXIT CODES
          0   every selected program is ready (no finding at or above --fail-on)
          1   at least one program is not ready (batch: in any folder)
          2   input or configuration error (unreadable folder, invalid description,
              manifest or waivers file; batch: in any folder)
          64  bad command line
        """,
        version: ReadinessChecker.toolVersion,
        subcommands: [Check.self, Plan.self, Pick.self, Init.self, Explain.self, List.self, Lint.self, Cache.self],
        defaultSubcommand: Check.self)

    static func main() {
        // First: it bounds the malloc arenas made after it (MallocArenas).
        MallocArenas.bound()
        // Before anything parses the command line: a document worker serves its parent and
        // never returns; otherwise PDFs are read by such workers (docs/security.md).
        DocumentWorkers.runIfWorker(arguments: CommandLine.arguments)
        // `checkdocs ... | head` must not die of SIGPIPE: a closed pipe is an EPIPE we stop on quietly.
        signal(SIGPIPE, SIG_IGN)
        // Before any file is opened and any thread started: a closed stdout is not reused by the
        // first open(), and SIGINT/SIGTERM/SIGHUP remove the run's temporaries (docs/security.md).
        StandardStreams.reserveClosed()
        PendingFiles.removeOnSignals()
        // The built-in knowledge, schemas and classifier are made on another core while the
        // command line is parsed (KnowledgePrefetch), for the commands that load them.
        let arguments = CommandLine.arguments.dropFirst()
        if KnowledgePrefetch.helps(arguments) {
            // Before a second thread runs: a copy-on-write fault after that stops the other core.
            ExecutableData.faultIn()
            KnowledgePrefetch.start(arguments)
            atexit { KnowledgePrefetch.finish() }
        }
        // argument-parser's main, but an ExitCode (a check that found something blocking) exits
        // at once: its exit(withError:) prints nothing for one, yet first builds the command's
        // usage text, 0.8 M instructions at the end of every such check (docs/performance.md,
        // "Exit without the usage text").
        do {
            // `help NAME` of no subcommand: argument-parser prints the general help and exits 0;
            // a misspelt subcommand is a bad command line.
            if arguments.first == "help", let name = arguments.dropFirst().first, !name.hasPrefix("-") {
                let names = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
                if !names.contains(name) {
                    Terminal.error("Error: no subcommand \"\(name)\"; the subcommands are \(names.joined(separator: ", "))")
                    throw ExitCode(64)
                }
            }
            var command = try parseAsRoot(nil)
            try command.run()
        } catch let code as ExitCode {
            #if canImport(Glibc)
            Glibc.exit(code.rawValue)
            #else
            Darwin.exit(code.rawValue)
            #endif
        } catch {
            exit(withError: error)
        }
    }
}
