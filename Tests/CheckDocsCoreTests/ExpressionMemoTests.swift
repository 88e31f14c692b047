import Testing
import CheckDocsNative
@testable import CheckDocsCore

/// A rule's outcome against a folder is worked out once per rule and anchor days and reused by
/// every program that repeats the rule (`ExpressionMemo`; docs/performance.md, "Outcomes reused"):
/// the results must be exactly those of evaluating each program alone.
@Suite struct ExpressionMemoTests {
    /// Requirements written at other lines (so at other places) but the same rules, and one rule
    /// measured from the rotation's end only.
    static func program(id: String, rotation: String, padding: Int) -> String {
        Fixture.program(String(repeating: "\n", count: padding) + """
          <eligibility>
            <visaClass accepted="B-1 B-2"/>
            <graduation maxYearsSince="5" anchor="rotation-start"/>
          </eligibility>
          <requirements>
            <require id="cv" title="CV"><document type="cv"/></require>
            <require id="tb" title="TB"><document type="tb_igra"><window anchor="rotation-end" within="12" unit="months"/></document></require>
            <require id="bls" title="BLS or ACLS">
              <anyOf>
                <document type="bls"><validThrough anchor="rotation-end"/></document>
                <document type="acls"><validThrough anchor="rotation-end"/></document>
              </anyOf>
            </require>
          </requirements>
        """, id: id, rotation: rotation)
    }

    static let files = ["CV 2026-10-01.pdf", "TB IGRA 2026-06-10.pdf", "BLS 2027-02-01.pdf"]
    /// Graduated within five years of a March 2027 rotation's start, not of a September one's.
    static let manifest = """
    applicant:
      status: graduate
      graduationDate: "2022-06-01"
      visaClass: B-1
    """


    /// The folder's context, its candidates' types inspected for `programs`.
    static func context(_ folder: TemporaryFolder, for programs: [ResolvedProgram]) throws -> EvaluationContext {
        let applicant = try ApplicantFolderLoader(catalog: Fixture.knowledge.catalog, schemas: Fixture.knowledge.schemas).load(folder.path)
        let context = EvaluationContext(asOf: CalendarDate(iso: "2026-12-01")!, profile: applicant.manifest.profile,
                                        hasManifest: applicant.manifest.file != nil, catalog: Fixture.knowledge.catalog,
                                        documents: applicant.documents, inspector: applicant.makeInspector())
        context.inspector?.inspect(ClauseNeeds(programs).contentPaths(in: context))
        return context
    }

    @Test("programs repeating a rule share its outcome when its anchors fall on the same days, and get each program's own results")
    func sharedOutcomes() throws {
        let programs = try [
            Fixture.load(Self.program(id: "first", rotation: #"<rotation start="2027-03-01" end="2027-03-28"/>"#, padding: 0)),
            // Another start, the same end: every rule here is measured from the end.
            Fixture.load(Self.program(id: "second", rotation: #"<rotation start="2027-03-14" end="2027-03-28"/>"#, padding: 3)),
            // Another end: TB and BLS are measured again.
            Fixture.load(Self.program(id: "third", rotation: #"<rotation start="2027-09-01" end="2027-09-28"/>"#, padding: 5)),
        ]
        let rules = programs.map { program in program.requirements.map(\.ruleKey) }
        #expect(rules[0] == rules[1] && rules[1] == rules[2])
        let folder = try TemporaryFolder(files: Self.files, manifest: Self.manifest)
        defer { folder.remove() }

        let shared = ProgramEvaluator(context: try Self.context(folder, for: programs))
        let results = programs.map(shared.evaluate)
        // CV once; TB and BLS once per rotation end. The visa class once; graduation once per
        // rotation start.
        #expect(shared.context.outcomes.count == 1 + 2 + 2)
        #expect(shared.context.outcomes.verdictCount == 1 + 3)
        // Each program alone, with nothing kept from another: the very same results.
        for (program, result) in zip(programs, results) {
            let alone = ProgramEvaluator(context: try Self.context(folder, for: [program])).evaluate(program)
            #expect(alone == result)
            #expect(alone.requirements.map(\.message) == result.requirements.map(\.message))
            #expect(alone.requirements.map(\.rule) == result.requirements.map(\.rule))
        }
        // The TB test is too old for the September rotation only.
        #expect(results[0].status(of: "tb") == .ok && results[1].status(of: "tb") == .ok)
        #expect(results[2].status(of: "tb")?.isFailure == true)
        #expect(results.map { $0.status(of: "eligibility.graduation") } == [.ok, .ok, .ineligible])
        #expect(results.map { $0.status(of: "eligibility.visa-class") } == [.ok, .ok, .ok])
    }

    @Test("a rule's key leaves out where it was written and tells apart every other difference")
    func ruleKeys() {
        func clause(_ type: String, min: Int = 1, at line: Int = 1, _ constraints: [AnyDocumentConstraint] = []) -> RequirementExpression {
            var clause = DocumentClause(type: type, location: CheckDocsNative.SourceLocation(file: "p\(line).xml", position: .line(line, column: 1)))
            clause.min = min
            clause.constraints = constraints
            return .document(clause)
        }
        func key(_ expression: RequirementExpression) -> RuleKey { RuleKey(expression, anchors: expression.anchorBits) }
        let window = AnyDocumentConstraint(ValidityWindow(anchor: .rotationEnd, within: 12, unit: .months))
        #expect(key(clause("cv", at: 1)) == key(clause("cv", at: 7)))
        #expect(key(clause("cv")) != key(clause("lor")))
        #expect(key(clause("cv")) != key(clause("cv", min: 2)))
        #expect(key(clause("tb_igra", [window])) != key(clause("tb_igra")))
        #expect(key(clause("tb_igra", [window])) == key(clause("tb_igra", at: 9, [window])))
        #expect(key(clause("tb_igra", [window])) != key(clause("tb_igra", [AnyDocumentConstraint(ValidityWindow(anchor: .rotationEnd, within: 6, unit: .months))])))
        #expect(key(.anyOf([clause("bls"), clause("acls")])) != key(.allOf([clause("bls"), clause("acls")])))
        #expect(key(.anyOf([clause("bls"), clause("acls")])) != key(.anyOf([clause("acls"), clause("bls")])))
        #expect(key(.anyOf([clause("bls", at: 2), clause("acls", at: 3)])) == key(.anyOf([clause("bls", at: 5), clause("acls", at: 6)])))
    }

    /// A requirement of one clause of type `type`: each type its own rule.
    static func requirement(type: String) -> Requirement {
        Requirement(id: "r", title: "R", expression: .document(DocumentClause(type: type, location: CheckDocsNative.SourceLocation(file: "x"))),
                    origin: "x", location: CheckDocsNative.SourceLocation(file: "x"))
    }

    @Test("outcomes are kept up to the budget of files listed, and a check's evaluators forget theirs")
    func capacityAndForgetting() {
        let memo = ExpressionMemo()
        let dates = ProgramDates(asOf: CalendarDate(iso: "2026-12-01")!)
        var evaluated = 0
        func outcome(_ index: Int) -> ListedOutcome {
            let key = memo.key(Self.requirement(type: "type-\(index)"), dates)
            if let kept = memo.outcome(for: key) { return kept }
            evaluated += 1
            let made = ListedOutcome(outcome: ExpressionOutcome(status: .ok, files: [], words: .fixed("made \(index)")), files: [], candidates: [])
            memo.keep(made, for: key)
            return made
        }
        for index in 0..<ExpressionMemo.budget + 10 { _ = outcome(index) }
        // Each weighs one: no file considered, no candidate.
        #expect(memo.count == ExpressionMemo.budget && memo.weight == ExpressionMemo.budget)
        #expect(evaluated == ExpressionMemo.budget + 10)
        _ = outcome(0)
        _ = outcome(ExpressionMemo.budget + 5)
        // The first was kept; one past the budget was not.
        #expect(evaluated == ExpressionMemo.budget + 11)

        let context = EvaluationContext(asOf: CalendarDate(iso: "2026-12-01")!, profile: ApplicantProfile(), hasManifest: false,
                                        catalog: Fixture.knowledge.catalog, documents: [])
        let pool = EvaluatorPool(ProgramEvaluator(context: context), count: 2)
        let requirement = Self.requirement(type: "cv")
        pool.withEvaluator { evaluator in
            let key = evaluator.context.outcomes.key(requirement, dates)
            evaluator.context.outcomes.keep(ListedOutcome(outcome: ExpressionOutcome(status: .ok, files: [], words: .fixed("")), files: [], candidates: []),
                                            for: key)
            #expect(evaluator.context.outcomes.count == 1)
        }
        pool.forgetOutcomes()
        pool.withEvaluator { #expect($0.context.outcomes.count == 0) }
    }

    @Test("statuses alone are kept apart from outcomes, up to their own capacity, and forgotten with them")
    func statusesAlone() {
        let memo = ExpressionMemo()
        let dates = ProgramDates(asOf: CalendarDate(iso: "2026-12-01")!)
        var made = 0
        func status(_ index: Int) -> RequirementStatus {
            memo.status(for: memo.key(Self.requirement(type: "type-\(index)"), dates)) {
                made += 1
                return index.isMultiple(of: 2) ? .ok : .missing
            }
        }
        // Far more than the outcomes' budget: a status is a byte.
        for index in 0..<ExpressionMemo.statusCapacity + 10 { _ = status(index) }
        #expect(made == ExpressionMemo.statusCapacity + 10)
        // Every one kept is found again, with its own status, and none is made again.
        var wrong = 0
        for index in 0..<ExpressionMemo.statusCapacity where status(index) != (index.isMultiple(of: 2) ? .ok : .missing) { wrong += 1 }
        #expect(wrong == 0)
        #expect(made == ExpressionMemo.statusCapacity + 10)
        // One past the capacity was not kept; nor is an outcome kept for a status.
        #expect(status(ExpressionMemo.statusCapacity + 5) == .missing)
        #expect(made == ExpressionMemo.statusCapacity + 11)
        #expect(memo.count == 0)
        memo.removeAll()
        _ = status(1)
        #expect(made == ExpressionMemo.statusCapacity + 12)
    }

    @Test("keys that fall on the same slot are told apart by the whole key, and a key kept twice keeps its first status")
    func statusSlotsShared() {
        var first = ExpressionMemo.Key(RuleKey(Self.requirement(type: "cv").expression, anchors: 0), ProgramDates(asOf: CalendarDate(iso: "2026-12-01")!))
        first.fingerprint = (5, 1)
        var second = first
        second.fingerprint = (5, 2)
        var third = first
        third.fingerprint = (5, 3)
        #expect(first.word == second.word && second.word == third.word && first != second)
        var table = StatusTable(capacity: 10)
        table.keep(.ok, for: first)
        table.keep(.missing, for: second)
        table.keep(.expired, for: first)
        #expect(table.status(for: first) == .ok && table.status(for: second) == .missing && table.status(for: third) == nil)
        #expect(table.count == 2)
        table.removeAll()
        #expect(table.status(for: first) == nil && table.count == 0)
    }
}
