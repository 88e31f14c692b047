import Foundation
import Testing
@testable import CheckDocsNative
@testable import CheckDocsCore

/// Each thread evaluates with candidates of its own (docs/performance.md, "One context per
/// thread"): the runs a slice is cut into cover it in order, and a lane's evaluator answers as
/// the first one does, from objects it does not share.
@Suite struct EvaluationLanesTests {
    @Test("a slice is cut into at most one run per lane, in order, none empty unless the slice is, lengths within one")
    func runs() {
        for start in [0, 16, 9_984] {
            for count in 0...40 {
                for lanes in 1...5 {
                    let indices = start..<start + count
                    let runs = ReadinessChecker.runs(of: indices, lanes: lanes)
                    #expect(runs.flatMap { Array($0) } == Array(indices))
                    #expect(runs.count == max(1, min(lanes, count)))
                    if count > 0 { #expect(runs.allSatisfy { !$0.isEmpty }) }
                    let lengths = runs.map(\.count)
                    #expect((lengths.max() ?? 0) - (lengths.min() ?? 0) <= 1)
                }
            }
        }
    }

    @Test("a lane's evaluator gives the same result as the first, from candidate objects of its own")
    func lanesAgree() throws {
        let program = try Fixture.load(Fixture.program("""
            <requirements>
              <require id="flu" title="Influenza vaccine"><document type="influenza"><window anchor="rotation-end" within="12" unit="months"/></document></require>
              <require id="tb" title="TB test"><anyOf><document type="tb_igra"/><document type="tb_ppd" min="2"/></anyOf></require>
              <require id="cv" title="CV"><document type="cv"/></require>
            </requirements>
            """))
        let folder = try TemporaryFolder(files: ["Flu vaccine 2026-10-01.pdf", "Flu vaccine 2024-10-01.pdf", "PPD 2026-09-01.pdf", "CV.pdf"])
        defer { folder.remove() }
        let applicant = try ApplicantFolderLoader(catalog: Fixture.knowledge.catalog, schemas: Fixture.knowledge.schemas).load(folder.path)
        let context = EvaluationContext(asOf: CalendarDate(iso: "2026-12-01")!, profile: applicant.manifest.profile, hasManifest: false,
                                        catalog: Fixture.knowledge.catalog, documents: applicant.documents, inspector: applicant.makeInspector())
        let lanes = ProgramEvaluator(context: context).lanes(3)
        #expect(lanes.count == 3)
        let first = lanes[0].evaluate(program)
        #expect(first.status(of: "flu") == .ok)
        #expect(first.status(of: "tb") == .missing)
        for lane in lanes.dropFirst() { #expect(lane.evaluate(program) == first) }
        let own = lanes[2].context.candidates(satisfying: "influenza").items
        let shared = context.candidates(satisfying: "influenza").items
        #expect(own.count == 2 && shared.count == 2)
        #expect(zip(own, shared).allSatisfy { $0 !== $1 && $0.document == $1.document })
    }
}

/// What programs ask of a folder is gathered from their clauses once (docs/performance.md, "One
/// walk of the catalog per batch"), and says the same as each program's own clauses.
@Suite struct ClauseNeedsTests {
    @Test("the types, content and decidable fields of the programs' clauses, each program's added up")
    func gathered() throws {
        let first = try Fixture.load(Fixture.program("""
            <requirements>
              <require id="passport" title="Passport"><document type="passport"><validThrough anchor="rotation-end" margin="6" unit="months"/><nameMatch allowAliases="false"/></document></require>
              <require id="lor" title="Letters"><document type="lor" min="3"><file maxBytes="1000000" maxPages="2"/></document></require>
            </requirements>
            """, id: "first"))
        let second = try Fixture.load(Fixture.program("""
            <requirements>
              <require id="flu" title="Influenza"><anyOf><document type="influenza"><window anchor="rotation-end" within="12" unit="months"/></document><document type="cv"/></anyOf></require>
            </requirements>
            """, id: "second"))
        let both = ClauseNeeds([first, second])
        #expect(both.clauseTypes.isSuperset(of: ["passport", "lor", "influenza", "cv"]))
        #expect(both.textTypes.contains("passport"))
        #expect(both.factTypes.contains("lor"))
        #expect(!both.factTypes.contains("influenza") && !both.textTypes.contains("influenza"))
        #expect(both.decidableFields["passport"] == ["expires"])
        #expect(both.decidableFields["influenza"] == ["date"])
        #expect(both.decidableFields["cv"] == nil)
        let apart = [ClauseNeeds([first]), ClauseNeeds([second])]
        #expect(both.clauseTypes == apart[0].clauseTypes.union(apart[1].clauseTypes))
        #expect(both.factTypes == apart[0].factTypes.union(apart[1].factTypes))
        #expect(both.decidableFields == apart[0].decidableFields.merging(apart[1].decidableFields) { $0.union($1) })
    }
}

/// The next slice is evaluated while this one is written (docs/performance.md, "The next slice
/// while this one is written").
@Suite struct BackgroundWorkTests {
    @Test("background work runs on another thread, not in the caller's, and its value is handed over once done")
    func runsMeanwhile() {
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let work = Background { () -> Int in
            started.signal()
            release.wait()  // only the caller, after `init` returned, lets it finish
            return 42
        }
        started.wait()
        release.signal()
        #expect(work.wait() == 42)
    }

    @Test("a check over more programs than a slice gives each program's result once, in the order of its files")
    func slicesInOrder() throws {
        let programs = try TemporaryFolder()
        defer { programs.remove() }
        let count = ReadinessChecker.evaluationSlice * 3 + 5
        for index in 0..<count {
            try Fixture.program(#"<requirements><require id="cv" title="CV"><document type="cv"/></require></requirements>"#,
                                id: String(format: "p%03d", index))
                .write(toFile: programs.path + String(format: "/p%03d.xml", index), atomically: true, encoding: .utf8)
        }
        let folder = try TemporaryFolder(files: ["CV.pdf"])
        defer { folder.remove() }
        let report = try ReadinessChecker.check(CheckRequest(folder: folder.path, programPaths: [programs.path], asOf: CalendarDate(iso: "2026-12-01")!),
                                                knowledge: Fixture.knowledge)
        #expect(report.programs.map(\.id) == (0..<count).map { String(format: "p%03d", $0) })
        #expect(report.programs.allSatisfy { $0.status == .ready })
    }
}
