import ArgumentParser
import CheckDocsCore
import CheckDocsNative

struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "What to obtain or renew, for which programs, and the days it must be dated in; earliest first.",
        discussion: """
        Every document that is missing, expired, expiring before it is needed, invalid or pending \
        becomes one action, merged across programs that need the same document, with the \
        intersection of their windows. --ics FILE also writes an iCalendar file (RFC 5545): an \
        all-day event per action on the first useful day, and one per program's apply-by date. \
        Exits 0 when the plan is made, whatever it contains; 2 on input errors.
        """)

    @Argument(help: ArgumentHelp("The applicant folder.", valueName: "folder"))
    var folder: String

    @OptionGroup var catalog: CatalogOptions

    @Option(name: .long, help: ArgumentHelp("Only the program with this id (repeatable).", valueName: "id"))
    var program: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only programs of this kind (repeatable).", valueName: "kind"))
    var kind: [ProgramKind] = []

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date the plan is made on, YYYY-MM-DD (default: today).", valueName: "date"))
    var asOf: CalendarDate?

    @Option(name: .long, help: ArgumentHelp("For programs that list sessions: the session starting on this date, YYYY-MM-DD (default: the earliest you are ready for).", valueName: "date"))
    var session: CalendarDate?

    @Option(name: .long, help: ArgumentHelp("Output format; ics is the calendar --ics writes.", valueName: "format"))
    var format: PlanFormatChoice = .defaultChoice

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the plan to this file instead of stdout.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Also write the plan as an iCalendar (.ics) file.", valueName: "file"))
    var ics: String?

    @Option(name: .long, help: "Colour: auto (terminal, no NO_COLOR), always, never.")
    var color: ColorChoice = .auto

    @Option(name: .long, help: FactsChoice.help)
    var facts: FactsChoice = .read

    func validate() throws {
        try Terminal.validatePaths([folder], "the folder path")
        try Terminal.validateFileName(output, option: "--output")
        try Terminal.validateFileName(ics, option: "--ics")
        try CalendarDate.validateAsOf(asOf)
        try CalendarDate.validateSession(session)
        _ = try format.resolve()
    }

    func run() throws {
        let render = try format.resolve(\.planMaker)
        let calendar = try PlanFormatChoice(id: OutputFormat.iCalendar.id).resolve(\.planMaker)
        do {
            try body(render: render, calendar: calendar)
        } catch {
            throw Terminal.fail(error)
        }
    }

    func body(render: (ActionPlan, FormatOptions) -> String, calendar: (ActionPlan, FormatOptions) -> String) throws(InputErrors) {
        var request = CheckRequest(folder: folder, programPaths: catalog.programs, programIDs: program, kinds: kind,
                                   asOf: asOf ?? Terminal.today(), checklistPaths: catalog.checklists, failOn: nil)
        request.session = session
        request.readFacts = facts == .read
        let read = [folder] + catalog.programs
        request.useUserCaches(awayFrom: read)
        request.keepsUntilExit = true
        let knowledge = try Knowledge.load(extraChecklists: catalog.checklists)
        var planner = ActionPlanner(catalog: knowledge.catalog)
        try ReadinessChecker.check(request, knowledge: knowledge, events: &planner)
        guard let plan = planner.plan, let header = planner.header else { return }
        let text = render(plan, FormatOptions(color: output == nil && Terminal.useColor(color),
                                              width: Terminal.textWidth(toStandardOutput: output == nil)))
        // Every output is written before any is renamed into place (or copied to stdout): a
        // refused path or a failed write leaves nothing behind.
        let commit = ReportCommit()
        do throws(InputError) {
            if let ics {
                try commit.file(ics, applicantRoots: [header.folderIdentity], applicantFiles: header.fileIdentities)
                    .write(Array(calendar(plan, FormatOptions()).utf8))
            }
            let destination: ReportDestination
            if let output {
                destination = try commit.file(output, applicantRoots: [header.folderIdentity], applicantFiles: header.fileIdentities)
            } else {
                destination = try commit.standardOutput(applicantRoots: [header.folderIdentity])
            }
            try destination.write(Array(text.utf8))
            try commit.commit()
        } catch {
            commit.discard()
            throw InputErrors([error])
        }
    }
}
