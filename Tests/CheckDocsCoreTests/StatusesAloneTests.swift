import Foundation
import Testing
@testable import CheckDocsNative
@testable import CheckDocsCore

/// A batch folder with no report to write decides each program without making its results
/// (`ProgramEvaluator.status`; docs/performance.md, "Statuses alone"). Its summary line must be
/// the one the full results give: the same status for every program, and the same `blocking`.
@Suite struct StatusesAloneTests {
    static let samples = ["expired-and-ineligible", "missing-items", "newcomer", "pick-older-graduate", "pick-recent-graduate",
                          "pick-student", "ready"]

    @Test("a folder's summary line decided from statuses alone is the one its results give",
          arguments: samples, [false, true])
    func sameOutcome(sample: String, catalog: Bool) throws {
        let folder = BatchThreadsTests.root.appendingPathComponent("samples/applicants/" + sample).path
        let programs = catalog ? [BatchThreadsTests.root.appendingPathComponent("catalog").path] : []
        for asOf in ["2026-12-01", "2027-06-15"] {
            for failOn in [Severity.error, .warning] {
                var request = CheckRequest(folder: "", programPaths: programs, asOf: CalendarDate(iso: asOf)!, failOn: failOn)
                request.evaluatesOnCallingThread = true
                let (withResults, alone) = try Self.outcomes(folder, request)
                #expect(withResults.errors.isEmpty)
                #expect(withResults.programCount > 1)
                #expect(alone == withResults, "\(sample), \(asOf), --fail-on \(failOn)")
            }
        }
    }

    @Test("every requirement's status decided alone is its whole outcome's, with the same partial alternatives")
    func sameStatusPerRequirement() throws {
        let programs = try Self.programs()
        var counts = RequirementCounts()
        for sample in Self.samples {
            let folder = BatchThreadsTests.root.appendingPathComponent("samples/applicants/" + sample).path
            try Self.compareRequirements(folder, asOf: ["2026-12-01", "2027-06-15"], programs: programs, counts: &counts)
        }
        // Enough kinds of outcome that the comparison means something.
        #expect(counts.seen.count >= 5, "\(counts.seen)")
        #expect(counts.partial > 0)
        #expect(counts.kept > 1_000 && counts.keptPending > 0, "\(counts)")
    }

    /// What `compareRequirements` met: the statuses, the partial alternatives, the statuses read
    /// back from the kept ones, and among those the items pending until their stage and the items
    /// due since a recorded offer.
    struct RequirementCounts {
        var seen = Set<RequirementStatus>()
        var partial = 0
        var kept = 0
        var keptPending = 0
        var keptDueSinceOffer = 0
    }

    /// The catalog's programs and the standard ones.
    static func programs() throws -> [ResolvedProgram] {
        try Fixture.knowledge.loadPrograms([BatchThreadsTests.root.appendingPathComponent("catalog").path])
            + Fixture.knowledge.standardPrograms()
    }

    /// Compares, for every requirement of `programs` against the folder on each day of `asOf`: its
    /// expression's status alone with its whole outcome, its status decided alone with the one its
    /// result gives, and, once it is kept, the status read back from the program's flat list of
    /// keys (`ProgramEvaluator.status`) with both, framed by its stage the same way.
    static func compareRequirements(_ folder: String, asOf days: [String], programs: [ResolvedProgram],
                                    counts: inout RequirementCounts) throws {
        let applicant = try ApplicantFolderLoader(catalog: Fixture.knowledge.catalog, schemas: Fixture.knowledge.schemas).load(folder)
        for asOf in days {
            try compareRequirements(applicant, asOf: asOf, programs: programs, counts: &counts)
        }
    }

    private static func compareRequirements(_ applicant: ApplicantFolder, asOf: String, programs: [ResolvedProgram],
                                            counts: inout RequirementCounts) throws {
        let folder = applicant.root
        let context = EvaluationContext(asOf: CalendarDate(iso: asOf)!, profile: applicant.manifest.profile,
                                        hasManifest: applicant.manifest.file != nil, catalog: Fixture.knowledge.catalog,
                                        documents: applicant.documents, inspector: applicant.makeInspector())
        context.inspector?.inspect(ClauseNeeds(programs).contentPaths(in: context))
        for program in programs {
            let dates = ProgramDates(asOf: context.asOf, rotation: program.description.rotation, deadline: program.description.deadline,
                                     offer: context.profile.targets[program.description.id]?.offer)
            let evaluator = RequirementEvaluator(context: context, dates: dates, requirements: program.requirements)
            for requirement in program.requirements {
                let place = "\(folder), \(asOf), \(program.id): \(requirement.id)"
                let whole = evaluator.evaluate(requirement.expression)
                let alone = evaluator.status(of: requirement.expression)
                #expect(alone.status == whole.status && alone.partial == whole.partial, "\(place)")
                let decided = evaluator.decide(requirement, listing: true).status
                #expect(evaluator.decide(requirement, listing: false).status == decided, "\(place)")
                let kept = RequirementEvaluator.keptStatus(RequirementStatusKey(requirement), dates: dates, memo: context.outcomes)
                if requirement.condition != nil {
                    #expect(kept == nil, "\(place)")
                } else if let kept {
                    #expect(kept == decided, "\(place)")
                    counts.kept += 1
                    if requirement.due != .application && kept == .pending { counts.keptPending += 1 }
                    if requirement.due == .afterOffer && dates.offerMade && kept.isFailure { counts.keptDueSinceOffer += 1 }
                }
                counts.seen.insert(whole.status)
                if whole.partial { counts.partial += 1 }
            }
        }
    }

    @Test("the real-program catalog's statuses differ from folder to folder, so the comparison above can tell them apart")
    func catalogStatusesVary() throws {
        var request = CheckRequest(folder: "", programPaths: [BatchThreadsTests.root.appendingPathComponent("catalog").path],
                                   asOf: CalendarDate(iso: "2026-12-01")!)
        request.evaluatesOnCallingThread = true
        var seen = Set<ProgramStatus>()
        for sample in Self.samples {
            let (_, alone) = try Self.outcomes(BatchThreadsTests.root.appendingPathComponent("samples/applicants/" + sample).path, request)
            seen.formUnion(alone.programStatuses.map(\.status))
        }
        #expect(seen.count >= 3)
    }

    @Test("a waiver in effect is applied to the results, so its folder's programs are evaluated whole")
    func waiverKeepsResults() throws {
        let folder = BatchThreadsTests.root.appendingPathComponent("samples/applicants/missing-items").path
        let location = SourceLocation(file: "--waivers")
        let waivers = ["lor", "mspe"].map {
            Waiver(program: "msslw-im-residency", requirement: $0, reason: "sent by the school", expires: CalendarDate(iso: "2027-01-01")!,
                   location: location)
        }
        var request = CheckRequest(folder: "", asOf: CalendarDate(iso: "2026-12-01")!, waivers: waivers)
        request.evaluatesOnCallingThread = true
        let (withResults, alone) = try Self.outcomes(folder, request)
        #expect(alone == withResults)
        #expect(alone.waivers?.applied == 2)
        #expect(alone.programStatuses.contains(FolderOutcome.ProgramStatusEntry(id: "msslw-im-residency", status: .ready)))
    }

    @Test("an item due after a recorded offer is decided from the kept statuses as from its results, offer made or not yet",
          arguments: ["2026-11-20", "2027-02-01"])
    func offerRecorded(offer: String) throws {
        // The catalog's OUHSC elective asks for six items after an offer; recorded before the run's
        // day they are due now (failing), after it they are pending.
        let sample = BatchThreadsTests.root.appendingPathComponent("samples/applicants/missing-items")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("checkdocs-offer-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: sample, to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = folder.appendingPathComponent("checkdocs.yaml")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        try (text + "targets:\n  ouhsc-visiting-elective: {offer: \"\(offer)\"}\n").write(to: manifest, atomically: true, encoding: .utf8)
        var request = CheckRequest(folder: "", programPaths: [BatchThreadsTests.root.appendingPathComponent("catalog").path],
                                   asOf: CalendarDate(iso: "2026-12-01")!)
        request.evaluatesOnCallingThread = true
        let (withResults, alone) = try Self.outcomes(folder.path, request)
        #expect(withResults.errors.isEmpty)
        #expect(alone == withResults, "offer \(offer)")
        #expect(alone.programStatuses.contains { $0.id == "ouhsc-visiting-elective" })
        // And requirement by requirement: the items the offer asks for are read back from the
        // kept statuses due now when it is made, pending until it is.
        var counts = RequirementCounts()
        try Self.compareRequirements(folder.path, asOf: ["2026-12-01"], programs: Self.programs(), counts: &counts)
        if offer < "2026-12-01" {
            #expect(counts.keptDueSinceOffer > 0, "\(counts)")
        } else {
            #expect(counts.keptDueSinceOffer == 0 && counts.keptPending > 0, "\(counts)")
        }
    }

    @Test("a program's status keys follow its requirements, when they are made and when they are changed")
    func statusKeysFollowRequirements() throws {
        let programs = try Fixture.knowledge.loadPrograms([BatchThreadsTests.root.appendingPathComponent("catalog").path])
        #expect(programs.contains { program in program.statusKeys.contains(where: \.hasCondition) })
        for program in programs {
            #expect(program.statusKeys == program.requirements.map(RequirementStatusKey.init), "\(program.id)")
        }
        var changed = try #require(programs.first { $0.requirements.count > 2 })
        changed.requirements.removeFirst()
        changed.requirements[0].due = .beforeArrival
        changed.requirements[1].severity = .warning
        #expect(changed.statusKeys == changed.requirements.map(RequirementStatusKey.init))
        #expect(changed.statusKeys[0].due == .beforeArrival && changed.statusKeys[1].severity == .warning)
    }

    /// The folder's outcome with a JSON report to write (every result made), and with none.
    static func outcomes(_ folder: String, _ request: CheckRequest) throws -> (withResults: FolderOutcome, alone: FolderOutcome) {
        let checker = try BatchChecker(request: request, knowledge: Fixture.knowledge)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("checkdocs-statuses-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let commit = ReportCommit()
        let full = checker.check(folder, stream: ReportStream([ReportStream.Output(reporter: StreamingReporter(JSONReporter()), file: output)],
                                                              commit: commit),
                                 evaluatesOnCallingThread: request.evaluatesOnCallingThread)
        try commit.commit()
        let alone = checker.check(folder, stream: ReportStream([]), evaluatesOnCallingThread: request.evaluatesOnCallingThread)
        return (full, alone)
    }
}
