import Testing
@testable import CheckDocsCore

/// A requirement's message is kept as what it is made from and worded when a report reads it, and
/// the facts to add are gathered only for a report that prints them (docs/performance.md,
/// "Messages worded when read"): the words must be the same as ever, and the text report's facts
/// block must still find every fact.
@Suite struct MessageWordsTests {
    @Test("a failing requirement's message, reason and window are made when read, the message with its frame and the no-rotation note; a met one's is kept made")
    func wordedWhenRead() throws {
        let xml = Fixture.program("""
          <requirements>
            <require id="cv" title="CV"><document type="cv"/></require>
            <require id="tb" title="TB"><document type="tb_igra"><window anchor="rotation-end" within="12" unit="months"/></document></require>
            <require id="later" title="Later" due="before-arrival"><document type="health_insurance"/></require>
            <require id="grad" title="Diploma"><when status="graduate"/><document type="diploma"/></require>
          </requirements>
        """, rotation: nil)
        let result = try Fixture.evaluate(xml, files: ["CV 2026-10-01.pdf", "TB IGRA 2025-01-10.pdf"])

        let cv = try #require(result.result("cv"))
        #expect(cv.status == .ok)
        #expect(!cv.messageWords.isDeferred)
        #expect(cv.message == "satisfied by 1 file")

        let tb = try #require(result.result("tb"))
        #expect(tb.status.isFailure)
        #expect(tb.messageWords.isDeferred)
        #expect(tb.message.hasPrefix("TB IGRA 2025-01-10.pdf: "))
        #expect(tb.message.hasSuffix(" (no rotation dates given: measured from 2026-12-01)"))
        // Read twice, the same words; and equal to the same words kept made.
        #expect(tb.message == tb.message)
        var made = tb
        made.message = tb.message
        #expect(!made.messageWords.isDeferred && made == tb)
        // Its reason too is made when read, the same data as made now.
        #expect(tb.reasonData?.isDeferred == true)
        #expect(tb.reason?.kind == "window" && tb.reason?.file?.description == "TB IGRA 2025-01-10.pdf")
        #expect(tb.reasonData?.file == tb.reason?.file)
        made.reason = tb.reason
        #expect(made.reasonData?.isDeferred == false && made == tb)

        // The window of an item to obtain is made when `plan` reads it, from the same rules: no
        // rotation dates, so no last day.
        #expect(tb.windowData?.isDeferred == true)
        let window = try #require(tb.window)
        #expect(window.earliest == CalendarDate(iso: "2025-12-01") && window.latest == nil)
        made.window = window
        #expect(made.windowData?.isDeferred == false && made == tb)

        let later = try #require(result.result("later"))
        #expect(later.status == .pending)
        #expect(later.message.hasPrefix("due before arrival, not yet: "))

        let grad = try #require(result.result("grad"))
        #expect(grad.status == .notEvaluable)
        #expect(grad.message.hasPrefix("applies only if applicant is a graduate; set `applicant.status` in the manifest to decide — "))
        #expect(grad.neededFacts.contains(NeededFact(file: nil, field: "status")))
    }

    /// Keeps the summary, and says whether it wants the facts to add.
    struct SummaryEvents: CheckEvents {
        let readsNeededFacts: Bool
        var summary: ReportSummary?
        mutating func begin(_ header: ReportHeader) {}
        mutating func program(_ result: ProgramResult) {}
        mutating func end(_ summary: ReportSummary) { self.summary = summary }
    }

    @Test("the facts to add are gathered for the text report and whole reports, not for JSON, -q or a batch summary")
    func factsGatheredWhenPrinted() throws {
        let xml = Fixture.program(#"<requirements><require id="grad" title="Diploma"><when status="graduate"/><document type="diploma"/></require></requirements>"#)
        let folder = try TemporaryFolder(contents: ["programs/test.xml": Array(xml.utf8)])
        defer { folder.remove() }
        let request = CheckRequest(folder: folder.path, asOf: CalendarDate(iso: "2026-12-01")!)
        func summary(readingFacts: Bool) throws -> ReportSummary {
            var events = SummaryEvents(readsNeededFacts: readingFacts)
            try ReadinessChecker.check(request, knowledge: Fixture.knowledge, events: &events)
            return try #require(events.summary)
        }
        #expect(try summary(readingFacts: true).neededFacts.facts == [NeededFact(file: nil, field: "status")])
        #expect(try summary(readingFacts: false).neededFacts.isEmpty)
        // The whole report a library user asks for has them.
        #expect(try ReadinessChecker.check(request, knowledge: Fixture.knowledge).summary.neededFacts.requirements == 1)

        func stream(_ reporter: any Reporter) -> ReportStream { ReportStream([ReportStream.Output(reporter: reporter, file: nil)]) }
        #expect(stream(StreamingReporter(TextReporter(color: false, verbosity: .normal))).readsNeededFacts)
        #expect(!stream(StreamingReporter(TextReporter(color: false, verbosity: .quiet))).readsNeededFacts)
        #expect(!stream(StreamingReporter(JSONReporter())).readsNeededFacts)
        #expect(stream(WholeReportReporter(MarkdownReporter())).readsNeededFacts)
        #expect(!ReportStream([]).readsNeededFacts)
    }
}
