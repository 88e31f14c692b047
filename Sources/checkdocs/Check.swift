import ArgumentParser
import CheckDocsCore
import CheckDocsNative

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report readiness of an application folder for each program (the default command).",
        discussion: """
        With several folders (a batch run), the catalog is loaded once, the folders are checked on \
        every core, and stdout carries a summary table, one line per folder (or --summary \(OutputFormat.all(.summary).dropFirst().map(\.id).joined(separator: "|"))). \
        Detailed reports are written only when asked, one file per folder into a directory: \
        --format json=DIR/ (the directory must exist). Exit 2 if any folder has an input error, \
        else 1 if any folder has a finding at or above --fail-on.
        """)

    @Argument(help: ArgumentHelp("The applicant folder; several for a batch run (a summary, one line per folder).", valueName: "folder"))
    var folders: [String] = []

    @OptionGroup var catalog: CatalogOptions

    @Option(name: .long, help: ArgumentHelp("Only the program with this id (repeatable).", valueName: "id"))
    var program: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only programs of this kind (repeatable).", valueName: "kind"))
    var kind: [ProgramKind] = []

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date the check is made on, YYYY-MM-DD (default: today).", valueName: "date"))
    var asOf: CalendarDate?

    @Option(name: .long, help: ArgumentHelp("For programs that list sessions: the session starting on this date, YYYY-MM-DD (default: the earliest you are ready for).", valueName: "date"))
    var session: CalendarDate?

    @Option(name: .long, help: ArgumentHelp("Output format, to stdout or with =FILE to a file (repeatable).", valueName: "fmt[=file]"))
    var format: [FormatRequest] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the (first) report without a file to this path instead of stdout.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("A waivers file (YAML, or JSON): failing requirements that do not block, with a reason and an expiry date (repeatable: the files add up).", valueName: "file"))
    var waivers: [String] = []

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding reaches this level.")
    var failOn: FailThreshold = .error

    @Option(name: .long, help: "Colour: auto (terminal, no NO_COLOR), always, never.")
    var color: ColorChoice = .auto

    @Option(name: .long, help: FactsChoice.help)
    var facts: FactsChoice = .read

    @Option(name: .long, help: ArgumentHelp("Batch summary format, to stdout or with =FILE to a file (repeatable).", valueName: "fmt[=file]"))
    var summary: [SummaryRequest] = []

    @Flag(name: .shortAndLong, help: "Only the status of each program.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also list met and not-applicable requirements, files and notes.")
    var verbose = false

    @Flag(name: .customLong("all-kinds"), help: "Without programs/, --kind or applyingFor:, every requirement of every standard checklist (default: an overview per kind).")
    var allKinds = false

    func validate() throws {
        try Terminal.validateFileName(output, option: "--output")
        if folders.isEmpty { throw ValidationError("Missing expected argument '<folder> ...'") }
        try Terminal.validatePaths(folders, "the folder path")
        try Terminal.validatePaths(waivers, "the --waivers path")
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
        try CalendarDate.validateAsOf(asOf)
        try CalendarDate.validateSession(session)
        for request in format { _ = try request.resolve() }
        for request in summary {
            _ = try request.resolve()
            try Terminal.validateFileName(request.file, option: "--summary \(request.id)=FILE")
        }
        if isBatch { return try validateBatch() }
        // A directory (FMT=DIR/) receives one report per folder in a batch; one folder's report
        // needs a file name.
        for request in format { try Terminal.validateFileName(request.file, option: "--format \(request.id)=FILE") }
        if outputs.filter({ $0.file == nil }).count > 1 {
            throw ValidationError("only one --format can go to stdout; give the others a file with FMT=FILE")
        }
        // -o takes the first report without a file; with none, it would be ignored without a word.
        if output != nil && !format.isEmpty && format.allSatisfy({ $0.file != nil }) {
            throw ValidationError("-o has no report to write: every --format already names its file; drop -o, or give one --format without =FILE")
        }
    }

    /// The reports to produce: --format values (text by default), --output filling the first without a file.
    var outputs: [FormatRequest] {
        var requests = format.isEmpty ? [FormatRequest.defaultChoice] : format
        if let output, let index = requests.firstIndex(where: { $0.file == nil }) { requests[index].file = output }
        return requests
    }

    /// Every `--waivers` file, in order; nil when none is given. Errors of all of them are reported.
    static func loadWaivers(_ files: [String], schemas: Schemas) throws(InputErrors) -> [Waiver]? {
        guard !files.isEmpty else { return nil }
        var waivers: [Waiver] = []
        var errors: [InputError] = []
        for file in files {
            do { waivers += try WaiverLoader(schemas: schemas).load(file: file) } catch { errors += error.errors }
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        return waivers
    }

    func run() throws {
        if isBatch { return try runBatch() }
        let folder = folders[0]
        var request = CheckRequest(folder: folder, programPaths: catalog.programs, programIDs: program, kinds: kind,
                                   asOf: asOf ?? Terminal.today(), checklistPaths: catalog.checklists, failOn: failOn.severity)
        request.session = session
        request.readFacts = facts == .read
        let read = folders + catalog.programs
        request.useUserCaches(awayFrom: read)
        request.keepsUntilExit = true
        let verbosity: TextReporter.Verbosity = quiet ? .quiet : verbose ? .verbose : .normal
        var stream = ReportStream(try outputs.map { output in
            let options = FormatOptions(color: output.file == nil && Terminal.useColor(color), verbosity: verbosity,
                                        width: Terminal.textWidth(toStandardOutput: output.file == nil), allKinds: allKinds)
            return ReportStream.Output(reporter: try output.resolve { $0.reportMaker?(options) }, file: output.file)
        })
        do {
            let knowledge = try Knowledge.load(extraChecklists: catalog.checklists)
            request.waivers = try Self.loadWaivers(waivers, schemas: knowledge.schemas)
            try ReadinessChecker.check(request, knowledge: knowledge, events: &stream)
        } catch {
            stream.discard()
            throw Terminal.fail(error)
        }
        if stream.blocking { throw ExitCode(1) }
    }
}
