import Testing
@testable import CheckDocsCore

/// RFC 5545 details of the calendar writer: TEXT escaping and 75-octet folding.
@Suite struct ICalendarWriterTests {
    @Test("TEXT escaping: backslash, semicolon, comma and newline; control characters dropped")
    func escaping() {
        #expect(ICalendarWriter.escape("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne")
        #expect(ICalendarWriter.escape("x\r\ny\rz") == "x\\ny\\nz")
        #expect(ICalendarWriter.escape("bell\u{7}\u{1B}[31m\u{7F}tab\tok") == "bell[31mtab\tok")
    }

    @Test("folding: at most 75 octets a line, continuation lines start with a space, no UTF-8 sequence split",
          arguments: ["é", "€", "😀", "a"])
    func folding(piece: String) throws {
        for prefix in 0..<4 {
            let line = "DESCRIPTION:" + String(repeating: "x", count: prefix) + String(repeating: piece, count: 90)
            let folded = ICalendarWriter.fold(line)
            #expect(folded.hasSuffix("\r\n"))
            let physical = Array(folded.utf8).split(separator: UInt8(ascii: "\n")).map { Array($0) }
            var unfolded: [UInt8] = []
            for (index, raw) in physical.enumerated() {
                #expect(raw.last == UInt8(ascii: "\r"))
                let content = Array(raw.dropLast())
                #expect(content.count <= 75)
                #expect(String(validating: content, as: UTF8.self) != nil, "a UTF-8 sequence was split")
                if index > 0 { #expect(content.first == UInt8(ascii: " ")) }
                unfolded += index > 0 ? Array(content.dropFirst()) : content
            }
            #expect(unfolded == Array(line.utf8))
        }
        #expect(ICalendarWriter.fold("SHORT:1") == "SHORT:1\r\n")
    }

    @Test("UIDs name the applicant folder, so two applicants' calendars in one keep their events; a plan with nothing to do is still a calendar with one event")
    func uidsAndEmptyPlan() {
        let day = CalendarDate(iso: "2026-12-01")!
        let program = PlanProgram(id: "p1", name: "P", status: .notReady, applyBy: CalendarDate(iso: "2027-01-10"), rotation: nil)
        func uids(_ folder: String) -> [String] {
            let plan = ActionPlan(toolVersion: "0", asOf: day, folder: folder, actions: [], programs: [program], skipped: [])
            return ICalendarWriter.render(plan).split(separator: "\r\n").filter { $0.hasPrefix("UID:") }.map(String.init)
        }
        #expect(uids("advisees/ana") == ["UID:apply-by-p1/advisees/ana@checkdocs"])
        #expect(uids("advisees/ana/") == uids("advisees/ana"))
        #expect(Set(uids("advisees/ana")).isDisjoint(with: uids("advisees/ben")))
        // Two applicants' folders of one name, under different parents, differ too.
        #expect(Set(uids("ann/my-application")).isDisjoint(with: uids("bob/my-application")))
        let empty = ICalendarWriter.render(ActionPlan(toolVersion: "0", asOf: day, folder: "ana", actions: [], programs: [], skipped: []))
        #expect(empty.components(separatedBy: "BEGIN:VEVENT").count == 2)
        #expect(empty.contains("SUMMARY:checkdocs: nothing to obtain or renew ("))
        var undecided = ActionPlan(toolVersion: "0", asOf: day, folder: "ana", actions: [], programs: [], skipped: [])
        undecided.undecided = [PlanUndecided(requirement: "visa", title: "Visa", message: "set it", programs: ["p1"])]
        let unfolded = ICalendarWriter.render(undecided).replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("nothing to obtain or renew\\; 1 blocking rule not decided"), "\(unfolded)")
        #expect(unfolded.contains("Not decided: Visa [visa]\\, for p1: set it"), "\(unfolded)")
    }
}
