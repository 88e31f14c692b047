import Testing
@testable import CheckDocsNative
@testable import CheckDocsCore

/// Windows computed from clause constraints and program dates, and needs merged across programs.
@Suite struct ActionPlannerTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    static func need(_ program: String, _ requirement: String = "tb", earliest: String?, latest: String?) -> PlanNeed {
        PlanNeed(program: program, requirement: requirement, title: "TB test", status: .missing, severity: .error, due: .application,
                 window: DateWindow(earliest: earliest.map(day), latest: latest.map(day), earliestReason: "e-\(program)", latestReason: "l-\(program)"),
                 message: "no TB test found", hint: nil)
    }

    @Test("a window anchored on the rotation end, cut by the apply-by date")
    func rotationEndWindow() {
        let dates = ProgramDates(asOf: Self.day("2026-12-01"), rotation: Rotation(start: Self.day("2027-01-04"), end: Self.day("2027-01-29")),
                                 deadline: Self.day("2026-12-15"))
        var clause = DocumentClause(type: "tb_igra", location: SourceLocation(file: "t"))
        clause.constraints = [AnyDocumentConstraint(ValidityWindow(anchor: .rotationEnd, within: 12, unit: .months))]
        let requirement = Requirement(id: "tb", title: "TB", expression: .document(clause), origin: "t", location: SourceLocation(file: "t"))
        let window = ActionWindow(dates: dates, applyBy: Self.day("2026-12-15")).window(for: requirement)
        #expect(window.earliest == Self.day("2026-01-29"))
        #expect(window.latest == Self.day("2026-12-15"))
        #expect(window.latestReason == "apply by 2026-12-15")
        #expect(window.earliestReason?.contains("12 months before the rotation end (2027-01-29)") == true)
    }

    @Test("items due before arrival are due by the rotation start; validThrough adds its margin")
    func beforeArrival() {
        let dates = ProgramDates(asOf: Self.day("2026-12-01"), rotation: Rotation(start: Self.day("2027-02-01"), end: Self.day("2027-02-26")), deadline: nil)
        var clause = DocumentClause(type: "health_insurance", location: SourceLocation(file: "t"))
        clause.constraints = [AnyDocumentConstraint(ValidThrough(anchor: .rotationEnd, margin: 30, unit: .days))]
        let requirement = Requirement(id: "ins", title: "Insurance", due: .beforeArrival, expression: .document(clause), origin: "t", location: SourceLocation(file: "t"))
        let window = ActionWindow(dates: dates, applyBy: Self.day("2026-12-20")).window(for: requirement)
        #expect(window.earliest == nil)
        #expect(window.latest == Self.day("2027-02-01"))
        #expect(window.validThrough == Self.day("2027-03-28"))
    }

    @Test("needs whose windows meet share one action with the intersection")
    func merged() {
        let items: [ActionPlanner.Item] = [
            (Self.need("a", earliest: "2026-11-01", latest: "2027-01-10"), ["tb_test"], 1),
            (Self.need("b", earliest: "2026-12-05", latest: "2027-02-01"), ["tb_test"], 2),
        ]
        let actions = ActionPlanner.actions(for: items, asOf: Self.day("2026-12-01"))
        #expect(actions.count == 1)
        #expect(actions[0].programs == ["a", "b"])
        #expect(actions[0].window.earliest == Self.day("2026-12-05"))
        #expect(actions[0].window.latest == Self.day("2027-01-10"))
        #expect(actions[0].window.earliestReason == "b: e-b")
        #expect(actions[0].startOn == Self.day("2026-12-05"))
        #expect(actions[0].id == "tb:a+b")
    }

    @Test("windows that do not meet are separate documents, each naming the other; as few as possible")
    func separate() {
        let items: [ActionPlanner.Item] = [
            (Self.need("a", earliest: "2026-11-01", latest: "2026-12-15"), ["tb_test"], 1),
            (Self.need("b", earliest: "2027-03-01", latest: "2027-04-01"), ["tb_test"], 2),
            (Self.need("c", earliest: nil, latest: "2027-05-01"), ["tb_test"], 3),
        ]
        let actions = ActionPlanner.actions(for: items, asOf: Self.day("2026-12-01"))
        #expect(actions.map(\.programs) == [["a", "c"], ["b"]] || actions.map(\.programs) == [["a"], ["b", "c"]])
        #expect(actions.count == 2)
        #expect(actions[0].separateFrom == [actions[1].id])
        #expect(actions[1].separateFrom == [actions[0].id])
    }

    @Test("a need with no possible day stays alone and its window says so")
    func impossible() {
        let items: [ActionPlanner.Item] = [
            (Self.need("a", earliest: "2027-02-02", latest: "2027-02-01"), ["tb_test"], 1),
            (Self.need("b", earliest: "2026-12-01", latest: "2027-03-01"), ["tb_test"], 2),
        ]
        let actions = ActionPlanner.actions(for: items, asOf: Self.day("2026-12-01"))
        #expect(actions.count == 2)
        let alone = actions.first { $0.programs == ["a"] }!
        #expect(alone.window.isEmpty)
        #expect(alone.whenLines(asOf: Self.day("2026-12-01"))[0].hasPrefix("no day works"))
    }

    @Test("a plan streams from a check: same requirement id in two programs is one action, ordered by last day")
    func fromCheck() throws {
        let folder = try TemporaryFolder(files: ["cv.pdf"])
        defer { folder.remove() }
        let programs = try TemporaryFolder()
        defer { programs.remove() }
        let tb = #"<require id="tb" title="TB test"><document type="tb_test"><window anchor="rotation-start" within="3" unit="months"/></document></require>"#
        try Fixture.program("<requirements>\(tb)</requirements>", id: "p1", extra: #"<deadline date="2027-01-20"/>"#)
            .write(toFile: programs.path + "/p1.xml", atomically: true, encoding: .utf8)
        try Fixture.program("<requirements>\(tb)</requirements>", id: "p2", extra: #"<deadline date="2027-02-10"/>"#)
            .write(toFile: programs.path + "/p2.xml", atomically: true, encoding: .utf8)
        var planner = ActionPlanner()
        try ReadinessChecker.check(CheckRequest(folder: folder.path, programPaths: [programs.path], asOf: Self.day("2026-12-01")),
                                   knowledge: Fixture.knowledge, events: &planner)
        let plan = try #require(planner.plan)
        let tbAction = try #require(plan.actions.first { $0.id == "tb:p1+p2" })
        // Rotation 2027-03-01: dated on or after 2026-12-01, by the earlier apply-by date.
        #expect(tbAction.window.earliest == Self.day("2026-12-01"))
        #expect(tbAction.window.latest == Self.day("2027-01-20"))
        let lasts = plan.actions.map { $0.window.latest?.ordinal ?? Int.max }
        #expect(lasts == lasts.sorted())
    }

    @Test("a blocking rule the check cannot decide is named by the plan, once for every program it blocks with the same words")
    func undecided() throws {
        let folder = try TemporaryFolder(files: ["TB test 2026-11-20.pdf"])
        defer { folder.remove() }
        let programs = try TemporaryFolder()
        defer { programs.remove() }
        // The TB file is there but its result is not recorded: nothing to obtain, yet both programs wait on it.
        let tb = #"<require id="tb" title="TB test"><document type="tb_test" result="negative"/></require>"#
        for id in ["p1", "p2"] {
            try Fixture.program("<requirements>\(tb)</requirements>", id: id).write(toFile: programs.path + "/\(id).xml", atomically: true, encoding: .utf8)
        }
        var planner = ActionPlanner()
        try ReadinessChecker.check(CheckRequest(folder: folder.path, programPaths: [programs.path], asOf: Self.day("2026-12-01")),
                                   knowledge: Fixture.knowledge, events: &planner)
        let plan = try #require(planner.plan)
        #expect(plan.actions.isEmpty)
        #expect(plan.undecided.map(\.requirement) == ["tb"])
        #expect(plan.undecided.first?.programs == ["p1", "p2"])
        #expect(plan.headline.hasSuffix("; 1 blocking rule not decided"))
        let text = PlanTextReporter(color: false).render(plan)
        #expect(text.contains("Not decided") && text.contains("TB test [tb], for p1, p2: "), "\(text)")
        // With nothing to obtain but a rule undecided, "Nothing to obtain" is not shown in green.
        let colored = PlanTextReporter(color: true).render(plan)
        #expect(colored.contains("Nothing to obtain or renew.") && !colored.contains("\u{1B}[32mNothing to obtain"))
        #expect(PlanJSONReporter.render(plan).contains("\"undecided\": ["))
    }

    @Test("an action whose lead time runs past its last day, begun on its first, is late, and says so; a Step 1 report of an exam taken is a week's request")
    func lateByLeadTime() throws {
        let folder = try TemporaryFolder(manifest: "schemaVersion: 1\napplicant:\n  exams: [{exam: usmle-step1, date: \"2026-05-14\", result: pass}]\n")
        defer { folder.remove() }
        let programs = try TemporaryFolder()
        defer { programs.remove() }
        // Apply by 2026-12-20: a passport (42 days) cannot be obtained in time; the Step 1 report (7 days) can.
        let requirements = #"<requirements><require id="passport" title="Passport"><document type="passport"/></require>"#
            + #"<require id="step1" title="Step 1 report"><document type="usmle_step1"/></require></requirements>"#
        try Fixture.program(requirements, id: "p1", extra: #"<deadline date="2026-12-20"/>"#)
            .write(toFile: programs.path + "/p1.xml", atomically: true, encoding: .utf8)
        var planner = ActionPlanner(catalog: Fixture.knowledge.catalog)
        try ReadinessChecker.check(CheckRequest(folder: folder.path, programPaths: [programs.path], asOf: Self.day("2026-12-01")),
                                   knowledge: Fixture.knowledge, events: &planner)
        let plan = try #require(planner.plan)
        let passport = try #require(plan.actions.first { $0.documentTypes == ["passport"] })
        #expect(passport.leadDays == 42 && passport.isLate && passport.readyAbout == Self.day("2027-01-12"))
        #expect(passport.whenLines(asOf: plan.asOf).contains { $0.hasPrefix("late: it takes about 42 days, so begun on 2026-12-01 it is ready about 2027-01-12") })
        let step1 = try #require(plan.actions.first { $0.documentTypes == ["usmle_step1"] })
        #expect(step1.leadDays == 7 && !step1.isLate)
        #expect(PlanJSONReporter.render(plan).contains("\"late\": true"))
    }
}
