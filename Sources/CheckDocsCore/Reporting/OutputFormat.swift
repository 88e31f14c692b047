import CheckDocsFormats
import CheckDocsNative

/// One output format: its id (the value of `--format`, `--summary`), the extension of its files,
/// what it is for, and how to make it. Each format declares itself in its own file, as a static
/// member of OutputFormat; `OutputFormat.all` lists them, and the command line reads only that
/// list (option values, help, completions, unknown ids). docs/reports.md ("Adding a format").
public struct OutputFormat: Sendable {
    /// Which output a format is, and so which option takes it.
    public enum Role: String, CaseIterable, Sendable {
        /// `check --format FMT[=FILE]`: a report of a check.
        case report
        /// `plan --format FMT` (and `--ics FILE`): a plan.
        case plan
        /// `check --summary FMT[=FILE]` in a batch run: one line per folder.
        case summary
        /// `pick --format FMT`: a ranking of programs and sessions (docs/pick.md).
        case pick
    }

    /// How a format is made, by role.
    public enum Make: Sendable {
        case report(@Sendable (FormatOptions) -> any Reporter)
        case plan(@Sendable (ActionPlan, FormatOptions) -> String)
        case summary(@Sendable (BatchSummaryInput) -> String)
        case pick(@Sendable (PickReport, FormatOptions) -> String)
    }

    public let id: String
    /// Without the dot: `json`, `junit.xml`. Batch runs name each folder's report file with it.
    public let fileExtension: String
    /// What it is for, in a few words (docs/reports.md, "All formats").
    public let purpose: String
    public let make: Make
    /// A summary that reads each program's status in each folder (`FolderOutcome.programStatuses`),
    /// not only the counts: only then does a batch keep them, one entry per folder × program
    /// (docs/performance.md, "What a batch keeps of each folder").
    public let readsProgramStatuses: Bool

    public init(id: String, fileExtension: String, purpose: String, make: Make, readsProgramStatuses: Bool = false) {
        self.id = id
        self.fileExtension = fileExtension
        self.purpose = purpose
        self.make = make
        self.readsProgramStatuses = readsProgramStatuses
    }

    public var role: Role {
        switch make {
        case .report: return .report
        case .plan: return .plan
        case .summary: return .summary
        case .pick: return .pick
        }
    }

    /// Every format, in the order help and docs list them; the first of each role is its default.
    public static let all: [OutputFormat] = [
        .text, .json, .markdown, .html, .junit, .sarif,
        .planText, .planJSON, .iCalendar,
        .summaryTable, .summaryCSV, .summaryNDJSON, .summaryMatrix,
        .pickText, .pickJSON, .pickCSV, .pickHTML,
    ]

    public static func all(_ role: Role) -> [OutputFormat] { all.filter { $0.role == role } }

    /// The format of this role with this id; nil when there is none.
    public static func named(_ id: String, role: Role) -> OutputFormat? { all.first { $0.role == role && $0.id == id } }

    /// The one line for an unknown id: what was given, the closest id, and every id of the role.
    public static func unknown(_ id: String, role: Role, option: String) -> String {
        let ids = all(role).map(\.id)
        return "unknown \(option) \"\(id)\"\(Suggestion.didYouMean(id, in: ids)); choose one of \(ids.joined(separator: ", "))"
    }

    /// How to make a report of a check in this format; nil for a format of another role.
    public var reportMaker: (@Sendable (FormatOptions) -> any Reporter)? {
        if case let .report(make) = make { return make }
        return nil
    }

    /// How to write a plan in this format; nil for a format of another role.
    public var planMaker: (@Sendable (ActionPlan, FormatOptions) -> String)? {
        if case let .plan(make) = make { return make }
        return nil
    }

    /// How to write a batch summary in this format; nil for a format of another role.
    public var summaryMaker: (@Sendable (BatchSummaryInput) -> String)? {
        if case let .summary(make) = make { return make }
        return nil
    }

    /// How to write a pick ranking in this format; nil for a format of another role.
    public var pickMaker: (@Sendable (PickReport, FormatOptions) -> String)? {
        if case let .pick(make) = make { return make }
        return nil
    }
}

/// What the command line decides for every format; each format takes what it needs.
public struct FormatOptions: Sendable {
    /// ANSI colour (text and plan text, on a terminal only).
    public var color: Bool
    public var verbosity: TextReporter.Verbosity
    /// Columns the text report wraps to.
    public var width: Int
    /// Text report: every requirement of every standard checklist, not the overview per kind.
    public var allKinds: Bool

    public init(color: Bool = false, verbosity: TextReporter.Verbosity = .normal, width: Int = TextReporter.defaultWidth,
                allKinds: Bool = false) {
        self.color = color
        self.verbosity = verbosity
        self.width = width
        self.allKinds = allKinds
    }
}

/// A batch run's outcomes, for its summary.
public struct BatchSummaryInput: Sendable {
    public var outcomes: [FolderOutcome]
    public var asOf: CalendarDate
    public var toolVersion: String

    public init(outcomes: [FolderOutcome], asOf: CalendarDate, toolVersion: String) {
        self.outcomes = outcomes
        self.asOf = asOf
        self.toolVersion = toolVersion
    }
}
