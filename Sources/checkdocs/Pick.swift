import ArgumentParser
import CheckDocsCore
import CheckDocsNative

struct Pick: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pick",
        abstract: "Rank programs and their sessions for this applicant, with every reason shown; --plan: a season of sessions.",
        discussion: """
        Weighs every session of every program (the built-in catalog, or --programs): eligibility, \
        the earliest day the applicant can be ready (each missing document's lead time), cost \
        against the budget, and fit with the manifest's goals: stage, specialty, hands-on \
        preference and target residency programs' USCE rules. Each factor's points are shown; the \
        weights are in docs/pick.md and goals.weights. --plan searches for the best set of \
        sessions that do not overlap, within availability and budget. Exits 0 when something \
        fits, 1 when nothing does, 2 on input errors.
        """)

    @Argument(help: ArgumentHelp("The applicant folder.", valueName: "folder"))
    var folder: String

    @OptionGroup var catalog: CatalogOptions

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date the ranking is made on, YYYY-MM-DD (default: today).", valueName: "date"))
    var asOf: CalendarDate?

    @Flag(name: .long, help: "Also plan a season: sessions that do not overlap, within availability and budget.")
    var plan = false

    @Option(name: .long, help: ArgumentHelp("How many programs the text output details (default 10).", valueName: "n"))
    var top: Int = 10

    @Option(name: .long, help: ArgumentHelp("Output format.", valueName: "format"))
    var format: PickFormatChoice = .defaultChoice

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the ranking to this file instead of stdout.", valueName: "file"))
    var output: String?

    func validate() throws {
        try Terminal.validatePaths([folder], "the folder path")
        try Terminal.validateFileName(output, option: "--output")
        try CalendarDate.validateAsOf(asOf)
        guard (1...1000).contains(top) else { throw ValidationError("--top must be 1 to 1000, not \(top)") }
        _ = try format.resolve()
    }

    func run() throws {
        let render = try format.resolve(\.pickMaker)
        let fits: Bool
        do {
            fits = try body(render: render)
        } catch {
            throw Terminal.fail(error)
        }
        if !fits { throw ExitCode(1) }
    }

    func body(render: (PickReport, FormatOptions) -> String) throws(InputErrors) -> Bool {
        let knowledge = try Knowledge.load(extraChecklists: catalog.checklists)
        var request = PickRequest(folder: folder, programPaths: catalog.programs, checklistPaths: catalog.checklists,
                                  asOf: asOf ?? Terminal.today(), plan: plan, top: top)
        request.contentTypes = ContentTypeCache.userCache(awayFrom: [folder] + catalog.programs)
        request.pdfFacts = PDFFactsCache.userCache(awayFrom: [folder] + catalog.programs)
        let report = try PickRunner.pick(request, knowledge: knowledge)
        let text = render(report, FormatOptions())
        let commit = ReportCommit()
        do throws(InputError) {
            let destination: ReportDestination
            if let output {
                destination = try commit.file(output, applicantRoots: [report.folderIdentity], applicantFiles: report.fileIdentities)
            } else {
                destination = try commit.standardOutput(applicantRoots: [report.folderIdentity])
            }
            try destination.write(Array(text.utf8))
            try commit.commit()
        } catch {
            commit.discard()
            throw InputErrors([error])
        }
        return report.somethingFits
    }
}
