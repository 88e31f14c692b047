import Foundation
import Testing
@testable import CheckDocsNative
@testable import CheckDocsCore

/// A batch with a folder for every core evaluates each folder's programs on the folder's own
/// thread (docs/performance.md, "One thread per folder"); with fewer folders, the programs are
/// spread over the cores as in a one-folder check. Both ways must say the same.
@Suite struct BatchThreadsTests {
    @Test("a folder evaluated on its own thread gives the outcome and report it gives spread over the cores",
          arguments: ["missing-items", "ready", "expired-and-ineligible", "newcomer"])
    func sameEitherWay(sample: String) throws {
        let folder = Self.root.appendingPathComponent("samples/applicants/" + sample).path
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("checkdocs-threads-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: output) }
        let request = CheckRequest(folder: "", programPaths: [], asOf: CalendarDate(iso: "2026-12-01")!)
        let checker = try BatchChecker(request: request, knowledge: Fixture.knowledge)

        func check(alone: Bool) throws -> (FolderOutcome, [UInt8]) {
            let file = output + (alone ? "/alone.json" : "/spread.json")
            let commit = ReportCommit()
            let stream = ReportStream([ReportStream.Output(reporter: StreamingReporter(JSONReporter()), file: file)], commit: commit)
            let outcome = checker.check(folder, stream: stream, evaluatesOnCallingThread: alone)
            try commit.commit()
            return (outcome, Array(try Data(contentsOf: URL(fileURLWithPath: file))))
        }
        let (alone, aloneReport) = try check(alone: true)
        let (spread, spreadReport) = try check(alone: false)
        #expect(alone.errors.isEmpty)
        #expect(alone.programCount > 1)
        #expect(alone == spread)
        #expect(aloneReport == spreadReport)
        #expect(!aloneReport.isEmpty)
    }

    /// Each program's status per folder is kept only for a summary that reads it (`csv-matrix`);
    /// the counts every summary prints are the same either way.
    @Test("a batch keeps each program's status only when a summary reads it")
    func programStatusesKeptOnlyWhenRead() throws {
        let folder = Self.root.appendingPathComponent("samples/applicants/missing-items").path
        let request = CheckRequest(folder: "", programPaths: [], asOf: CalendarDate(iso: "2026-12-01")!)
        let keeping = try BatchChecker(request: request, knowledge: Fixture.knowledge)
        let counting = try BatchChecker(request: request, knowledge: Fixture.knowledge, keepsProgramStatuses: false)
        let kept = keeping.check(folder, stream: ReportStream([]))
        let counted = counting.check(folder, stream: ReportStream([]))
        #expect(kept.programCount > 1)
        #expect(kept.programStatuses.count == kept.programCount)
        #expect(counted.programStatuses.isEmpty)
        #expect(counted.statusCounts == kept.statusCounts)
        #expect(counted.result == kept.result)
        #expect(OutputFormat.all(.summary).filter(\.readsProgramStatuses).map(\.id) == ["csv-matrix"])
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
