import Foundation
import Testing

/// The command line itself: exit codes, one-line errors for a bad command line (exit 64), and
/// help and version (README, "Exit codes").
@Suite struct CommandLineTests {
    @Test("bad command lines exit 64; a missing folder exits 2")
    func exitCodes() throws {
        #expect(try CLITests.run(["samples/applicants/ready", "--as-of", "tomorrow"]).status == 64)
        #expect(try CLITests.run(["samples/applicants/ready", "--fail-on", "sometimes"]).status == 64)
        let missing = try CLITests.run(["no/such/folder", "--as-of", "2026-12-01"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no/such/folder"))
        #expect(try CLITests.run(["--version"]).stdout.hasPrefix("0."))
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
        let run = try CLITests.run(arguments)
        #expect(run.status == 64, "\(arguments): \(run.stderr)")
        #expect(run.stderr == "checkdocs: error: " + message + "\n", "\(arguments)")
        #expect(run.stdout.isEmpty)
        for old in ["Error:", "Usage:", "Help:", "for more information"] { #expect(!run.stderr.contains(old), "\(arguments): \(run.stderr)") }
    }

    @Test("--help, help SUBCOMMAND and --version still print to stdout and exit 0",
          arguments: [["--help"], ["check", "--help"], ["help", "plan"], ["cache", "clear", "--help"], ["cache"], ["--version"], ["lint", "--version"]])
    func helpAndVersionExitZero(arguments: [String]) throws {
        let run = try CLITests.run(arguments)
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
        let absolute = arguments.map { $0.hasPrefix("samples/") ? CLITests.root + "/" + $0 : $0 }
        let run = try CLITests.run(absolute, directory: directory, environment: ["XDG_CACHE_HOME": directory + "/cache"])
        #expect(run.status == 64, "\(arguments): \(run.stderr)")
        #expect(run.stderr == "checkdocs: error: " + message + "\n", "\(arguments)")
        #expect(run.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty, "\(arguments) wrote into the working directory")
    }
}
