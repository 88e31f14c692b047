import Foundation
import Testing
@testable import CheckDocsNative
@testable import CheckDocsCore

/// A batch holds one libmagic session for all its folders (BatchChecker.run): closed after each
/// folder, the database was loaded again by the next one with a file no signature settles, about
/// 1.5 ms each (docs/performance.md, "Peak memory (issue 15)").
@Suite struct BatchSniffingTests {
    @Test("libmagic's database stays loaded from one folder of a batch to the next")
    func oneSessionForTheBatch() throws {
        // A text file: no signature settles it, so libmagic types it.
        let first = try TemporaryFolder(contents: ["notes.txt": Array("a,b\n".utf8)])
        let second = try TemporaryFolder(contents: ["notes.txt": Array("c,d\n".utf8)])
        defer {
            first.remove()
            second.remove()
        }
        let request = CheckRequest(folder: "", programPaths: [], asOf: CalendarDate(iso: "2026-12-01")!)
        let checker = try BatchChecker(request: request, knowledge: Fixture.knowledge)
        let closedBetweenFolders = Flag()
        // `progress` runs as each folder finishes, after its sniffing pass: the batch's own
        // session must still hold the handle then.
        _ = checker.run([first.path, second.path], commit: ReportCommit(), reports: { _, _ in [] },
                        progress: { _ in if !MagicSniffer.shared.isLoaded { closedBetweenFolders.set() } })
        #expect(!closedBetweenFolders.value)
    }

    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var raised = false
        func set() { lock.withLock { raised = true } }
        var value: Bool { lock.withLock { raised } }
    }
}
