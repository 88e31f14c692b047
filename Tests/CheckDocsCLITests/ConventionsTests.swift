import Foundation
import Testing

/// Shell completions, the man page and the pre-commit hook are generated from, or agree with,
/// the command definitions.
@Suite struct ConventionsTests {
    static let subcommands = ["check", "plan", "pick", "init", "explain", "list", "lint"]

    @Test("completion scripts for bash, zsh and fish know every subcommand", arguments: ["bash", "zsh", "fish"])
    func completions(shell: String) throws {
        let run = try CLITests.run(["--generate-completion-script", shell])
        #expect(run.status == 0)
        for subcommand in Self.subcommands { #expect(run.stdout.contains(subcommand), "\(shell): \(subcommand)") }
        for option in ["ics", "force"] {
            #expect(run.stdout.contains("--\(option)") || run.stdout.contains("-l '\(option)'"), "\(shell): --\(option)")
        }
    }

    @Test("docs/checkdocs.1 is a man page that describes every subcommand and their options (re-generate with scripts/man)")
    func manPage() throws {
        let page = try String(contentsOfFile: CLITests.root + "/docs/checkdocs.1", encoding: .utf8)
        #expect(page.hasPrefix(".\\\""))
        #expect(page.contains(".Dt CHECKDOCS 1"))
        for subcommand in Self.subcommands { #expect(page.contains(".It Em \(subcommand)"), "\(subcommand)") }
        // Every option `plan --help` lists is in the page: it was generated from these definitions.
        let help = try CLITests.run(["help", "plan"]).stdout
        let options = help.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," }).filter { $0.hasPrefix("--") && $0.count > 2 }
        #expect(!options.isEmpty)
        for option in Set(options) { #expect(page.contains(" -" + option.dropFirst(2).prefix { $0 != "=" && $0 != "<" }), "\(option)") }
    }

    @Test("an option's values are listed once in --help: argument-parser's \"(values: …)\" is not repeated by the help text",
          arguments: subcommands + ["cache clear"])
    func valuesListedOnce(subcommand: String) throws {
        let help = try CLITests.run(subcommand.split(separator: " ").map(String.init) + ["--help"]).stdout
        let text = help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        var rest = text[...]
        while let start = rest.range(of: "(values: ")?.upperBound {
            let values = rest[start...].prefix { $0 != ";" && $0 != ")" }
            #expect(text.components(separatedBy: String(values)).count == 2, "\(subcommand): \(values)")
            rest = rest[start...]
        }
    }

    @Test("the man page's EXIT STATUS gives the four codes of README.md's table, not mdoc's \"0 on success, >0 on error\"")
    func manPageExitStatus() throws {
        let page = try String(contentsOfFile: CLITests.root + "/docs/checkdocs.1", encoding: .utf8)
        let section = try #require(page.components(separatedBy: ".Sh \"EXIT STATUS\"").dropFirst().first?.components(separatedBy: "\n.Sh ").first)
        #expect(!section.contains(".Ex -std"), "\(section)")
        for code in ["0", "1", "2", "64"] { #expect(section.contains(".It \(code)\n"), "\(code): \(section)") }
    }

    @Test("the pre-commit hook runs checkdocs on a folder, without file names; --version answers")
    func preCommitHook() throws {
        let hooks = try String(contentsOfFile: CLITests.root + "/.pre-commit-hooks.yaml", encoding: .utf8)
        for line in ["- id: checkdocs", "entry: checkdocs", "language: system", "pass_filenames: false", "args: [\".\"]"] {
            #expect(hooks.contains(line), "\(line)")
        }
        #expect(try CLITests.run(["--version"]).stdout == "0.1.0\n")
    }
}
