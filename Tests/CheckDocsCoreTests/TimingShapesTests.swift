import Foundation
import Testing
@testable import CheckDocsNative
@testable import CheckDocsFormats
@testable import CheckDocsCore

/// Issue 14, items 8–10: lead times in weeks and months (and a first day to apply), an offer date
/// per program, and sessions (docs/programs.md, "Deadline and lead time" and "Sessions";
/// docs/manifest.md, `targets`).
@Suite struct TimingShapesTests {
    static func timing(_ extra: String, rotation: String = #"<rotation start="2027-03-01" end="2027-03-28"/>"#,
                       asOf: String = "2026-12-01") throws -> RequirementResult {
        try #require(try Fixture.evaluate(Fixture.program("", rotation: rotation, extra: extra), files: [], asOf: asOf).result("deadline"))
    }

    static func loadError(_ xml: String) -> String? {
        if case let .failure(errors) = ProgramLoader(schemas: Fixture.knowledge.schemas).loadXML(Array(xml.utf8), file: "t.xml") {
            return errors.errors.map(\.message).joined(separator: "\n")
        }
        return nil
    }

    static func loadJSONError(_ json: String) -> String? {
        if case let .failure(errors) = ProgramLoader(schemas: Fixture.knowledge.schemas).loadJSON(Array(json.utf8), file: "t.json") {
            return errors.errors.map(\.message).joined(separator: "\n")
        }
        return nil
    }

    // MARK: 9. Lead times in weeks and months

    @Test("a lead time in months is calendar months, clamped at month ends: 31 May minus 3 months is 28 or 29 February")
    func monthsClampAtMonthEnds() throws {
        let common = try Self.timing(#"<leadTime minMonths="3"/>"#, rotation: #"<rotation start="2027-05-31" end="2027-06-25"/>"#)
        #expect(common.rule == "apply at least 3 months before the rotation starts (2027-05-31), so by 2027-02-28")
        let leap = try Self.timing(#"<leadTime minMonths="3"/>"#, rotation: #"<rotation start="2028-05-31" end="2028-06-25"/>"#)
        #expect(leap.rule == "apply at least 3 months before the rotation starts (2028-05-31), so by 2028-02-29")
        // 4 months before 2027-03-31 is 2026-11-30 (not 120 days, 2026-12-01): closed on 2026-12-01.
        let closed = try Self.timing(#"<leadTime minMonths="4"/>"#, rotation: #"<rotation start="2027-03-31" end="2027-04-27"/>"#)
        #expect(closed.status == .expired)
        #expect(closed.reason == FindingReason(kind: "deadline", code: "lead-time-passed", file: nil, fields: [
            .init(key: "applyBy", value: .date(CalendarDate(iso: "2026-11-30")!)), .init(key: "daysAgo", value: .int(1)),
            .init(key: "leadTime", value: .int(4)), .init(key: "leadTimeUnit", value: .string("months")),
            .init(key: "rotationStart", value: .date(CalendarDate(iso: "2027-03-31")!))]))
    }

    @Test("a lead time in weeks counts 7 days a week")
    func weeks() throws {
        let result = try Self.timing(#"<leadTime minWeeks="6"/>"#)
        #expect(result.rule == "apply at least 6 weeks before the rotation starts (2027-03-01), so by 2027-01-18")
        #expect(result.status == .ok)
    }

    @Test("no more than N months before the start: pending (never blocking) before the first day to apply, then open, then closed")
    func firstDayToApply() throws {
        let lead = #"<leadTime minWeeks="6" maxMonths="6"/>"#
        let rotation = #"<rotation start="2027-05-31" end="2027-06-25"/>"#
        // No more than 6 months before 2027-05-31: from 2026-12-01 (2026-11-30 plus 6 months is
        // 2027-05-30, one day too early); at least 6 weeks: by 2027-04-19.
        let early = try Fixture.evaluate(Fixture.program("", rotation: rotation, extra: lead), files: [], asOf: "2026-11-30")
        let waiting = try #require(early.result("deadline"))
        #expect(waiting.status == .pending)
        #expect(early.status == .ready)
        #expect(waiting.reason?.code == "not-open-yet")
        #expect(waiting.reason?.fields.first == FindingReason.Field(key: "applyFrom", value: .date(CalendarDate(iso: "2026-12-01")!)))
        #expect(waiting.message == "not open yet: applications open on 2026-12-01, 1 day from now (no more than 6 months before the rotation starts, 2027-05-31); apply by 2027-04-19")
        let open = try Self.timing(lead, rotation: rotation, asOf: "2026-12-01")
        #expect(open.status == .ok && open.reason == nil)
        #expect(try Self.timing(lead, rotation: rotation, asOf: "2027-04-19").status == .ok)
        #expect(try Self.timing(lead, rotation: rotation, asOf: "2027-04-20").status == .expired)
        // A maximum alone still gives the timing result.
        let alone = try Self.timing(#"<leadTime maxMonths="6"/>"#, rotation: rotation, asOf: "2026-12-01")
        #expect(alone.status == .ok && alone.message.hasSuffix(": open"))
    }

    @Test("the first day to apply at month ends: 6 months before 31 August is 1 March (28 February plus 6 months falls short), in common and leap years; a day that exists is kept")
    func firstDayAtMonthEnds() {
        let six = LeadTime.Span(6, .months)
        #expect(six.firstDayWithin(CalendarDate(iso: "2027-08-31")!) == CalendarDate(iso: "2027-03-01")!)
        #expect(six.firstDayWithin(CalendarDate(iso: "2028-08-31")!) == CalendarDate(iso: "2028-03-01")!)
        #expect(six.firstDayWithin(CalendarDate(iso: "2028-08-29")!) == CalendarDate(iso: "2028-02-29")!)
        #expect(six.firstDayWithin(CalendarDate(iso: "2027-08-28")!) == CalendarDate(iso: "2027-02-28")!)
        #expect(LeadTime.Span(3, .months).firstDayWithin(CalendarDate(iso: "2027-05-31")!) == CalendarDate(iso: "2027-03-01")!)
        #expect(LeadTime.Span(6, .weeks).firstDayWithin(CalendarDate(iso: "2027-05-31")!) == CalendarDate(iso: "2027-04-19")!)
    }

    @Test("impossible lead times are errors with a location, in XML and JSON alike")
    func leadTimeErrors() throws {
        let twoMinimums = Fixture.program("", extra: #"<leadTime minDays="30" minWeeks="6"/>"#)
        #expect(Self.loadError(twoMinimums)?.contains("a lead time takes one minimum: minDays and minWeeks are both given") == true)
        #expect(Self.loadError(Fixture.program("", extra: "<leadTime/>"))?.contains("a lead time needs") == true)
        let noDay = Fixture.program("", extra: #"<leadTime minMonths="2" maxWeeks="8"/>"#)
        #expect(Self.loadError(noDay)?.contains("the lead time allows no day to apply") == true)
        #expect(Self.loadError(Fixture.program("", extra: #"<leadTime minMonths="1201"/>"#)) != nil)
        let json = #"{"schemaVersion": 1, "program": {"id": "p", "kind": "observership", "name": "P", "institution": "I", "source": {"href": "https://example.org", "asOf": "2026-10-01"}, "leadTime": {"maxDays": 10, "maxMonths": 1}}}"#
        #expect(Self.loadJSONError(json)?.contains("a lead time takes one maximum: maxDays and maxMonths are both given") == true)
    }

    // MARK: 8. An offer date

    static let offerProgram = Fixture.program("""
        <requirements>
          <require id="fee-receipt" title="Fee paid within 14 days of the offer" due="after-offer"><document type="fee_receipt"/></require>
          <require id="background-check" title="Background check after acceptance" due="after-offer">
            <document type="background_check"><window anchor="offer" within="30" unit="days"/></document>
          </require>
        </requirements>
        """)

    @Test("items due after an offer are pending until the manifest records the offer, then due")
    func offer() throws {
        let before = try Fixture.evaluate(Self.offerProgram, files: [], manifest: "applicant: {status: student}\n")
        #expect(before.status(of: "fee-receipt") == .pending)
        #expect(before.status == .ready)
        let offered = "targets:\n  test-program: {offer: \"2026-11-20\"}\n"
        let after = try Fixture.evaluate(Self.offerProgram, files: [], manifest: offered)
        #expect(after.status(of: "fee-receipt") == .missing)
        #expect(after.result("fee-receipt")?.message.hasPrefix("due since the offer of 2026-11-20: ") == true)
        #expect(after.status == .notReady)
        // An offer recorded for a later day than the run's is not made yet.
        let later = try Fixture.evaluate(Self.offerProgram, files: [], manifest: "targets:\n  test-program: {offer: \"2026-12-20\"}\n")
        #expect(later.status(of: "fee-receipt") == .pending)
    }

    @Test("the offer anchor measures from the offer's day")
    func offerAnchor() throws {
        let offered = "targets:\n  test-program: {offer: \"2026-11-20\"}\n"
        // Within the 30 days before the offer (2026-10-21..2026-11-20).
        let inside = try Fixture.evaluate(Self.offerProgram, files: ["Background_check_2026-11-01.pdf"], manifest: offered)
        #expect(inside.status(of: "background-check") == .ok)
        let outside = try Fixture.evaluate(Self.offerProgram, files: ["Background_check_2026-10-01.pdf"], manifest: offered)
        #expect(outside.status(of: "background-check")?.isFailure == true)
    }

    // MARK: 10. Sessions

    static let sessionsXML = """
        <sessions weeks="4">
          <start date="2027-12-06"/>
          <every ordinal="1" weekday="monday" from="2027-01-01" through="2027-12-31" exceptMonths="december"/>
        </sessions>
        """

    @Test("a recurrence gives the first Monday of each month and skips December; an explicit December date still counts")
    func recurrence() throws {
        let program = try Fixture.load(Fixture.program("", rotation: Self.sessionsXML))
        let sessions = try #require(program.description.sessions)
        let recurring = sessions.recurrences[0].dates.map(\.description)
        #expect(recurring == ["2027-01-04", "2027-02-01", "2027-03-01", "2027-04-05", "2027-05-03", "2027-06-07", "2027-07-05",
                              "2027-08-02", "2027-09-06", "2027-10-04", "2027-11-01"])
        #expect(sessions.rotations.last == Rotation(start: CalendarDate(iso: "2027-12-06")!, end: CalendarDate(iso: "2028-01-02")!))
        #expect(sessions.rotations.count == 12)
    }

    @Test("the report is about the earliest session the applicant is ready for; a chosen session wins")
    func earliestReady() throws {
        // Two months' lead time, as of 2026-12-01: January (by 2026-11-04) is closed, February (by 2026-12-01) is open.
        let xml = Fixture.program("", rotation: Self.sessionsXML, extra: #"<leadTime minMonths="2"/>"#)
        let result = try Fixture.evaluate(xml, files: [])
        #expect(result.session == SessionChoice(start: CalendarDate(iso: "2027-02-01")!, reason: .earliestReady, count: 12))
        #expect(result.rotation?.start == CalendarDate(iso: "2027-02-01"))
        #expect(result.rotation?.end == CalendarDate(iso: "2027-02-28"))
        #expect(result.status == .ready)
        // Insurance that must be in force from the start: not ready for February, ready for March.
        let window = Fixture.program(#"<requirements><require id="ins" title="Insurance"><document type="health_insurance"><validFrom anchor="rotation-start"/></document></require></requirements>"#,
                                     rotation: Self.sessionsXML, extra: #"<leadTime minMonths="2"/>"#)
        let later = try Fixture.evaluate(window, files: ["Health insurance 2027-02-10 2027-06-30.pdf"], asOf: "2026-12-01")
        // A policy in force from 2027-02-10 leaves February's first days uncovered, and covers March: March is the one.
        #expect(later.session == SessionChoice(start: CalendarDate(iso: "2027-03-01")!, reason: .earliestReady, count: 12))
        #expect(later.status(of: "ins") == .ok)
        // Without a policy, no session is ready: the earliest still open (February).
        let none = try Fixture.evaluate(window, files: [], asOf: "2026-12-01")
        #expect(none.session == SessionChoice(start: CalendarDate(iso: "2027-02-01")!, reason: .earliestOpen, count: 12))
        #expect(none.status == .notReady)
        // After the last session's lead time, none is open: the last one, closed.
        let gone = try Fixture.evaluate(xml, files: [], asOf: "2027-11-01")
        #expect(gone.session?.reason == .noneOpen && gone.status == .closed)
        let chosen = try Fixture.evaluate(xml, files: [], manifest: "targets:\n  test-program: {session: \"2027-12-06\"}\n")
        #expect(chosen.session == SessionChoice(start: CalendarDate(iso: "2027-12-06")!, reason: .chosen, count: 12))
        #expect(chosen.rotation?.start == CalendarDate(iso: "2027-12-06"))
    }

    @Test("sessions and a rotation together, no session at all, and bounds out of order are errors with a location")
    func sessionErrors() throws {
        let both = Fixture.program("", rotation: #"<rotation start="2027-03-01" end="2027-03-28"/>"# + Self.sessionsXML)
        #expect(Self.loadError(both)?.contains("either one rotation or its sessions") == true)
        let none = Fixture.program("", rotation: #"<sessions weeks="4"/>"#)
        #expect(Self.loadError(none)?.contains("the sessions give no start date") == true)
        let reversed = Fixture.program("", rotation: #"<sessions weeks="4"><every ordinal="1" weekday="monday" from="2027-12-01" through="2027-01-01"/></sessions>"#)
        #expect(Self.loadError(reversed)?.contains("the recurrence ends (2027-01-01) before it starts (2027-12-01)") == true)
        let onlyDecember = Fixture.program("", rotation: #"<sessions weeks="4"><every ordinal="1" weekday="monday" from="2027-12-01" through="2027-12-31" exceptMonths="december"/></sessions>"#)
        #expect(Self.loadError(onlyDecember)?.contains("the sessions give no start date") == true)
    }
}
