#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import CheckDocsCore
import CheckDocsNative

/// stdout/stderr, colour decisions and exit codes: the only place the CLI talks to the terminal.
enum Terminal {
    static func out(_ text: String) {
        write(STDOUT_FILENO, text)
    }

    static func error(_ line: String) {
        write(STDERR_FILENO, line + "\n")
    }

    /// stderr without a line break (progress).
    static func errorRaw(_ text: String) {
        write(STDERR_FILENO, text)
    }

    /// Every byte, or as many as a closed pipe takes: nothing more can be said then.
    private static func write(_ descriptor: Int32, _ text: String) {
        _ = FileSystem.writeAll(Array(text.utf8)[...], to: descriptor)
    }

    /// For commands whose result is their stdout: a closed stdout is an error before any work.
    static func requireStandardOutput() throws(InputErrors) {
        if StandardStreams.outputClosed { throw InputErrors([StandardStreams.closedOutputError]) }
    }

    /// Prints input errors, one line each, and returns exit code 2.
    static func fail(_ errors: InputErrors) -> ExitCode {
        for error in errors.errors { Terminal.error("checkdocs: \(error)") }
        return ExitCode(2)
    }

    static func fail(_ error: InputError) -> ExitCode { fail(InputErrors([error])) }

    /// An error argument-parser reports (a bad command line: exit 64) as one line, in the form
    /// of every other error: `checkdocs: error: unknown option '--foo' (see 'checkdocs check
    /// --help')`, the `--help` of `command` (none when nil: an error not the command line's). `message` is
    /// argument-parser's (`Unknown option '--foo'`) or a `ValidationError`'s: a capital that
    /// starts it is made small, a final full stop dropped, its second sentence (`Please provide
    /// one of ...`, `Did you mean ...?`) and a list of allowed values put on the line as
    /// checkdocs' own errors say them (`; choose one of ...`), and what came from the command line
    /// escaped (a newline in a value stays `\n`).
    static func errorLine(_ message: String, helpOf command: String?) -> String {
        var text = message.replacing(". Please provide one of the following:\n  - ", with: "; choose one of ")
            .replacing("\n  - ", with: ", ")
            .replacing(". Please provide one of ", with: "; choose one of ")
            .replacing(". Did you mean ", with: "; did you mean ")
        // A line argument-parser breaks after a sentence or a colon (the completion shells it
        // knows) goes on the same line; any other line break came from an argument, and is escaped.
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        text = String(lines.removeFirst())
        for line in lines {
            text += text.hasSuffix(".") || text.hasSuffix(":") ? " " + line.drop { $0 == " " } : "\n" + line
        }
        while text.hasSuffix("\n") || text.hasSuffix(".") || text.hasSuffix(" ") { text.removeLast() }
        let scalars = Array(text.unicodeScalars.prefix(2))
        if scalars.count == 2, scalars[0].properties.isUppercase, scalars[1].properties.isLowercase {
            text = text.prefix(1).lowercased() + text.dropFirst()
        }
        if text.isEmpty { text = command == nil ? "failed" : "bad command line" }
        text += dateReason(text)
        return "checkdocs: error: \(DisplayText.escape(text))" + (command.map { " (see '\($0) --help')" } ?? "")
    }

    /// Why a date option's value was refused, as descriptions and manifests say it (docs/format.md,
    /// "Dates and durations"): `--as-of 2027-02-29` names no day, `--as-of tomorrow` is not in the
    /// form. Empty for any other message.
    static func dateReason(_ text: String) -> String {
        let prefix = "the value '", infix = "' is invalid for '"
        guard text.hasPrefix(prefix), let end = text.range(of: infix), text[end.upperBound...].hasSuffix("<date>'") else { return "" }
        let value = text[text.index(text.startIndex, offsetBy: prefix.count)..<end.lowerBound]
        return ": " + DateWording.refusal("\"\(value)\"", inForm: DateWording.isInForm(value))
    }

    /// The command a command line runs, as argument-parser finds it, for the `--help` an error
    /// points to: the leading arguments that each name a subcommand of the one before
    /// (`cache clear`), then the default subcommand (`check`) of the last, if it has one; not
    /// for `--generate-completion-script`, the root command's own option.
    static func commandPath(_ arguments: ArraySlice<String>) -> String {
        var command: ParsableCommand.Type = CheckDocs.self
        var path = "checkdocs"
        for argument in arguments {
            guard let next = command.configuration.subcommands.first(where: { $0.configuration.commandName == argument }) else { break }
            command = next
            path += " " + argument
        }
        if let fallback = command.configuration.defaultSubcommand?.configuration.commandName,
           !arguments.contains(where: { $0.hasPrefix("--generate-completion-script") }) {
            path += " " + fallback
        }
        return path
    }

    /// A path argument or option that is empty names no file: a command-line error (exit 64)
    /// saying which, before any file is opened (`subject`: "the folder path", "the --programs path").
    static func validatePaths(_ paths: [String], _ subject: String) throws {
        if paths.contains("") { throw ValidationError("\(subject) is empty") }
    }

    /// auto: colour only on a terminal, and never under NO_COLOR or TERM=dumb.
    static func useColor(_ choice: ColorChoice) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto:
            if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
            if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
            return isatty(STDOUT_FILENO) == 1
        }
    }

    /// Columns for the text report and plan: COLUMNS, else the terminal's (stdout only), else 80.
    static func textWidth(toStandardOutput: Bool) -> Int {
        TerminalWidth.resolve(columns: TerminalWidth.environmentColumns, toStandardOutput: toStandardOutput)
    }

    /// Today's date on this machine's calendar.
    static func today() -> CalendarDate {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return CalendarDate(clampingYear: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    }

    /// A file option's value (`-o`, `--ics`) must name a file: empty, or ending in `/`, it is a
    /// command-line error (exit 64), not an input error found when the report is written.
    static func validateFileName(_ path: String?, option: String) throws {
        guard let path, path.isEmpty || path.hasSuffix("/") else { return }
        throw ValidationError("\(option) needs a file name, not \"\(path)\"")
    }
}

enum ColorChoice: String, CaseArgument {
    case auto, always, never
}

enum FailThreshold: String, CaseArgument {
    case error, warning, never

    /// Shown by `--help` under the option, and listed by the man page, which lists an option's
    /// values only when they are described.
    static var allValueDescriptions: [String: String] {
        ["error": "exit 1 when a program has an error finding",
         "warning": "exit 1 on a warning finding too",
         "never": "exit 0 whatever is found (2 and 64 still report bad input)"]
    }

    var severity: Severity? {
        switch self {
        case .error: return .error
        case .warning: return .warning
        case .never: return nil
        }
    }
}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }

    /// `--as-of` is held to the range every input date is (docs/format.md, Dates and durations):
    /// a command-line error (exit 64) naming the range.
    static func validateAsOf(_ date: CalendarDate?) throws {
        if let date, !DateLimits.accepts(date) { throw ValidationError(DateLimits.outOfRange("--as-of", date)) }
    }

    static func validateSession(_ date: CalendarDate?) throws {
        if let date, !DateLimits.accepts(date) { throw ValidationError(DateLimits.outOfRange("--session", date)) }
    }
}

extension ProgramKind: CaseArgument {
    /// What each kind is (docs/programs.md, `kind`), for `--help` and the man page.
    public static var allValueDescriptions: [String: String] {
        ["observership": "observation only, no patient contact",
         "externship": "hands-on clinical experience, usually for graduates",
         "internship": "a hands-on clinical internship",
         "visiting-elective": "a clinical elective for medical students (VSLO)",
         "residency": "a residency application (ERAS)",
         "research": "a research position"]
    }
}

/// Options shared by commands that load programs and checklists.
struct CatalogOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A program description (.xml/.json) or a folder of them (repeatable).", valueName: "path"))
    var programs: [String] = []

    @Option(name: .long, help: ArgumentHelp("Extra checklists (and document-types.json) that add to or override the built-in ones.", valueName: "dir"))
    var checklists: [String] = []

    func validate() throws {
        try Terminal.validatePaths(programs, "the --programs path")
        try Terminal.validatePaths(checklists, "the --checklists path")
    }
}

/// A subcommand whose work can fail only with input errors: `run` prints them, one line each,
/// and exits 2. (The body is a separate typed-throws function: typed throws directly in
/// `run()` crashed the compiler.)
protocol InputCommand: ParsableCommand {
    func body() throws(InputErrors)
}

extension InputCommand {
    func run() throws {
        do {
            try body()
        } catch {
            throw Terminal.fail(error)
        }
    }
}

/// An option whose values are an enum's cases. argument-parser's default lists them through key
/// paths in its own generic code, which instantiates types and looks up conformances at every
/// parse of every command that declares one (docs/performance.md, "Enum options' values"); these
/// say the same list directly. No value has a description of its own, so the descriptions are
/// empty, as argument-parser's default finds them.
protocol CaseArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension CaseArgument {
    // Public: ProgramKind, a public type, takes them as its witnesses.
    public static var allValueStrings: [String] { allCases.map { $0.rawValue } }
    public static var allValueDescriptions: [String: String] { [:] }
}
