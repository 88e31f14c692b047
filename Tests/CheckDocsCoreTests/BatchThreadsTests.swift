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

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
