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
          64  bad command line (one line on stderr, naming the subcommand's --help)
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
            // The same for each name after it (`help cache bogus`): each must be a subcommand of
            // the one before.
            if arguments.first == "help" {
                var commands: [ParsableCommand.Type] = configuration.subcommands
                var path = ""
                for name in arguments.dropFirst().prefix(while: { !$0.hasPrefix("-") }) {
                    // A command with no subcommands: what follows is its arguments (`help list
                    // programs`), and argument-parser prints its help.
                    if commands.isEmpty && !path.isEmpty { break }
                    var names = commands.compactMap { $0.configuration.commandName }
                    if path.isEmpty { names.append("help") }
                    guard names.contains(name) else {
                        let known = "the subcommands\(path.isEmpty ? "" : " of \(path)") are \(names.joined(separator: ", "))"
                        Terminal.error(Terminal.errorLine("no subcommand \"\(name)\"; \(known)", helpOf: "checkdocs" + (path.isEmpty ? "" : " " + path)))
                        throw ExitCode(64)
                    }
                    commands = commands.first { $0.configuration.commandName == name }?.configuration.subcommands ?? []
                    path += (path.isEmpty ? "" : " ") + name
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
            // --help, --version and the completion scripts: argument-parser prints them, exit 0.
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            // Anything else is one line on stderr, as every other error is (docs/security.md,
            // "6. Clear, safe messages"): argument-parser's message without its "Error:", usage
            // and "See ... for more information" lines; for a bad command line (64), with the
            // subcommand whose help to read.
            let help = code == .validationFailure ? Terminal.commandPath(arguments) : nil
            Terminal.error(Terminal.errorLine(message(for: error), helpOf: help))
            #if canImport(Glibc)
            Glibc.exit(code.rawValue)
            #else
            Darwin.exit(code.rawValue)
            #endif
        }
    }
}
