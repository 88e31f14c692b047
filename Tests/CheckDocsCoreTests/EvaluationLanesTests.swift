import Foundation
import Synchronization
import Testing
@testable import CheckDocsNative
@testable import CheckDocsCore

/// Each thread evaluates with candidates of its own (docs/performance.md, "One context per
/// thread"): the runs a slice is cut into cover it in order, and a lane's evaluator answers as
/// the first one does, from objects it does not share.
@Suite struct EvaluationLanesTests {
    @Test("the pool hands each thread a free evaluator, makes another when all are taken, and gets every one back")
    func pool() throws {
        let folder = try TemporaryFolder(files: ["CV.pdf"])
        defer { folder.remove() }
        let applicant = try ApplicantFolderLoader(catalog: Fixture.knowledge.catalog, schemas: Fixture.knowledge.schemas).load(folder.path)
        let context = EvaluationContext(asOf: CalendarDate(iso: "2026-12-01")!, profile: applicant.manifest.profile, hasManifest: false,
                                        catalog: Fixture.knowledge.catalog, documents: applicant.documents)
        let pool = EvaluatorPool(ProgramEvaluator(context: context), count: 2)
        #expect(pool.count == 2)
        // Three at once: the third is made.
        let cvs = pool.withEvaluator { first in
            pool.withEvaluator { second in
                pool.withEvaluator { third in
                    [first, second, third].map { $0.context.candidates(satisfying: "cv").items[0] }
                }
            }
        }
        #expect(pool.count == 3)
        #expect(cvs[0] !== cvs[1] && cvs[1] !== cvs[2] && cvs[0] !== cvs[2])
        let concurrent = Array(0..<64).concurrentMap { _ in pool.withEvaluator { $0.context.candidates(satisfying: "cv").items.count } }
        #expect(concurrent == Array(repeating: 1, count: 64))
        #expect(pool.count >= 3)
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
        // The pool's three evaluators, all taken at once: the last one given is the one it was made from.
        let pool = EvaluatorPool(ProgramEvaluator(context: context), count: 3)
        let lanes = pool.withEvaluator { a in pool.withEvaluator { b in pool.withEvaluator { c in [c, b, a] } } }
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

/// Programs are evaluated on every core and written in order as they are done, a bounded number
/// ahead (docs/performance.md, "One stream of programs").
@Suite struct OrderedConcurrentMapTests {
    private struct Stop: Error, Equatable { let at: Int }

    @Test("every value is consumed once, in order, whatever order the cores make them in", arguments: [1, 2, 3, 8, 32])
    func inOrder(window: Int) {
        for count in [0, 1, 2, 7, 100] {
            var seen: [Int] = []
            orderedConcurrentMap(count: count, window: window, { index in
                usleep(UInt32((index * 7919) % 5) * 100)  // uneven work: later ones often finish first
                return index * 2
            }, consume: { index, value in
                #expect(value == index * 2)
                seen.append(index)
            })
            #expect(seen == Array(0..<count))
        }
    }

    @Test("no value is started more than `window` ahead of the one being consumed")
    func bounded() {
        let consumed = Mutex(0)
        let furthest = Mutex(0)
        orderedConcurrentMap(count: 200, window: 4, { index in
            furthest.withLock { $0 = max($0, index - consumed.withLock { $0 }) }
            return index
        }, consume: { index, _ in
            usleep(200)
            consumed.withLock { $0 = index + 1 }
        })
        #expect(furthest.withLock { $0 } <= 4)
    }

    @Test("an error in consuming stops new work, lets the work under way finish, and is rethrown")
    func stops() {
        let started = Mutex(0)
        #expect(throws: Stop(at: 10)) {
            try orderedConcurrentMap(count: 1_000, window: 4, { index in
                started.withLock { $0 += 1 }
                return index
            }, consume: { (index, _) throws(Stop) in
                if index == 10 { throw Stop(at: 10) }
            })
        }
        #expect(started.withLock { $0 } <= 10 + 1 + 4)
    }

    @Test("a check over more programs than the window gives each program's result once, in the order of its files")
    func programsInOrder() throws {
        let programs = try TemporaryFolder()
        defer { programs.remove() }
        let count = ReadinessChecker.evaluationWindow * 3 + 5
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
