import ArgumentParser
import CheckDocsCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report readiness of an application folder for each program (the default command).")

    @Argument(help: ArgumentHelp("The applicant folder.", valueName: "folder"))
    var folder: String

    @OptionGroup var catalog: CatalogOptions

    @Option(name: .long, help: ArgumentHelp("Only the program with this id (repeatable).", valueName: "id"))
    var program: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only programs of this kind (repeatable): \(ProgramKind.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "kind"))
    var kind: [ProgramKind] = []

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date the check is made on, YYYY-MM-DD (default: today).", valueName: "date"))
    var asOf: CalendarDate?

    @Option(name: .long, help: ArgumentHelp("Output format, optionally to a file: text, json; FMT=FILE (repeatable).", valueName: "fmt[=file]"))
    var format: [FormatRequest] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the (first) report without a file to this path instead of stdout.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding reaches this level: error, warning, never.")
    var failOn: FailThreshold = .error

    @Option(name: .long, help: "Colour: auto (terminal, no NO_COLOR), always, never.")
    var color: ColorChoice = .auto

    @Flag(name: .shortAndLong, help: "Only the status of each program.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also list met and not-applicable requirements, files and notes.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
        if outputs.filter({ $0.file == nil }).count > 1 {
            throw ValidationError("only one --format can go to stdout; give the others a file with FMT=FILE")
        }
    }

    /// The reports to produce: --format values (text by default), --output filling the first without a file.
    private var outputs: [FormatRequest] {
        var requests = format.isEmpty ? [FormatRequest(argument: "text")!] : format
        if let output, let index = requests.firstIndex(where: { $0.file == nil }) { requests[index].file = output }
        return requests
    }

    func run() throws {
        let request = CheckRequest(folder: folder, programPaths: catalog.programs, programIDs: program, kinds: kind,
                                   asOf: asOf ?? Terminal.today(), checklistPaths: catalog.checklists, failOn: failOn.severity)
        let knowledge: Knowledge
        let report: ReadinessReport
        do {
            knowledge = try Knowledge.load(extraChecklists: catalog.checklists)
            report = try ReadinessChecker.check(request, knowledge: knowledge)
        } catch {
            throw Terminal.fail(error)
        }
        let verbosity: TextReporter.Verbosity = quiet ? .quiet : verbose ? .verbose : .normal
        // Report files first, all or none: a refused destination leaves no report anywhere.
        var files: [(text: String, path: String)] = []
        var standardOutput: String?
        for request in outputs {
            let useColor = request.file == nil && Terminal.useColor(color)
            let text = request.format.reporter(color: useColor, verbosity: verbosity).render(report)
            if let file = request.file { files.append((text, file)) } else { standardOutput = text }
        }
        do {
            try ReportWriter.writeAll(files, applicantRoot: report.folderIdentity, applicantFiles: report.fileIdentities)
        } catch {
            throw Terminal.fail(error)
        }
        if let standardOutput { Terminal.out(standardOutput) }
        if report.blocking { throw ExitCode(1) }
    }

}
