import ArgumentParser
import CheckDocsCore

/// An option that names an output format of one role: `--format`, `--summary`, `plan --format`.
protocol FormatOption {
    static var role: OutputFormat.Role { get }
    /// The option as the user typed it, for errors.
    static var option: String { get }
    /// Whether the value may end in `=FILE`.
    static var takesFile: Bool { get }
}

enum ReportFormatOption: FormatOption {
    static let role = OutputFormat.Role.report
    static let option = "--format"
    static let takesFile = true
}

enum SummaryFormatOption: FormatOption {
    static let role = OutputFormat.Role.summary
    static let option = "--summary"
    static let takesFile = true
}

enum PlanFormatOption: FormatOption {
    static let role = OutputFormat.Role.plan
    static let option = "--format"
    static let takesFile = false
}

enum PickFormatOption: FormatOption {
    static let role = OutputFormat.Role.pick
    static let option = "--format"
    static let takesFile = false
}

/// `check --format FMT[=FILE]`.
typealias FormatRequest = FormatChoice<ReportFormatOption>
/// `check --summary FMT[=FILE]`.
typealias SummaryRequest = FormatChoice<SummaryFormatOption>
/// `plan --format FMT`.
typealias PlanFormatChoice = FormatChoice<PlanFormatOption>
/// `pick --format FMT`.
typealias PickFormatChoice = FormatChoice<PickFormatOption>

/// A format id given on the command line (and where its output goes). Any id parses; an unknown
/// one is refused by `resolve` with the closest registered id (exit 64), so the error can say
/// more than "invalid value". Values, help and completions come from OutputFormat.all.
struct FormatChoice<Option: FormatOption>: ExpressibleByArgument {
    var id: String
    var file: String?

    init(id: String, file: String? = nil) {
        self.id = id
        self.file = file
    }

    init?(argument: String) {
        guard Option.takesFile else {
            self.init(id: argument)
            return
        }
        let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        // `FMT=` with nothing after it keeps its empty file name, for the command to refuse (exit
        // 64): read as no file, it would print the report to stdout instead.
        self.init(id: parts[0], file: parts.count == 2 ? parts[1] : nil)
    }

    /// The role's first format (text, table).
    static var defaultChoice: Self { Self(id: OutputFormat.all(Option.role)[0].id) }

    static var allValueStrings: [String] { OutputFormat.all(Option.role).map(\.id) }

    /// Each format's purpose: `--help` lists them under the option, and the man page lists an
    /// option's values only when they are described.
    static var allValueDescriptions: [String: String] {
        Dictionary(OutputFormat.all(Option.role).map { ($0.id, $0.purpose) }, uniquingKeysWith: { first, _ in first })
    }

    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }

    var defaultValueDescription: String { id }

    /// The registered format of this id, or what `pick` takes from it; a command-line error
    /// (exit 64) naming the closest id when there is none.
    func resolve<Picked>(_ pick: (OutputFormat) -> Picked? = { $0 }) throws(ValidationError) -> Picked {
        guard let format = OutputFormat.named(id, role: Option.role), let picked = pick(format) else {
            throw ValidationError(OutputFormat.unknown(id, role: Option.role, option: Option.option))
        }
        return picked
    }
}
