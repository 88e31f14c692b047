import Foundation
import Testing
@testable import CheckDocsNative
@testable import CheckDocsCore

/// Dates as people write them in file names: a month or a year alone is used only where it is
/// safe (docs/catalog.md, "Dates in file names").
@Suite struct FileNameDateTests {
    static func parse(_ name: String) -> FileNameDateParser.Outcome { FileNameDateParser.parse(FileNameTokens.tokens(name)) }

    static func facts(_ name: String) throws -> DocumentFacts {
        let folder = try TemporaryFolder(files: [name])
        defer { folder.remove() }
        let loaded = try ApplicantFolderLoader(catalog: Fixture.knowledge.catalog, schemas: Fixture.knowledge.schemas).load(folder.path)
        return try #require(loaded.documents.first { $0.path.description == name }).facts
    }

    @Test("month-year and year-only forms are found, with the expiry word before them")
    func partialForms() {
        let flu = Self.parse("flu shot oct 2026.pdf")
        #expect(flu.dates.isEmpty)
        #expect(flu.partial == [.init(year: 2026, month: 10, afterExpiryWord: false, text: "oct-2026")])
        #expect(Self.parse("Flu Oct-2026.pdf").partial.first?.month == 10)
        #expect(Self.parse("BLS exp 2028-02.pdf").partial == [.init(year: 2028, month: 2, afterExpiryWord: true, text: "2028-02")])
        #expect(Self.parse("Passport exp 2029.pdf").partial == [.init(year: 2029, month: nil, afterExpiryWord: true, text: "2029")])
        #expect(Self.parse("Card 02-2028.pdf").partial.first?.month == 2)
        // A full date is never read as a partial one, and its tokens are not reused.
        let full = Self.parse("TB_QuantiFERON_2026-05-14.pdf")
        #expect(full.dates == [CalendarDate(iso: "2026-05-14")!])
        #expect(full.partial.isEmpty)
        // The words to classify by are unchanged: a month or a year alone stays a word too.
        #expect(flu.words == ["flu", "shot", "oct", "2026", "pdf"] || flu.words == ["flu", "shot", "oct", "2026"])
    }

    @Test("last day of a month (leap years included) and of a year")
    func lastDays() {
        #expect(FileNameDateParser.PartialDate(year: 2028, month: 2, afterExpiryWord: true, text: "").lastDay == CalendarDate(iso: "2028-02-29"))
        #expect(FileNameDateParser.PartialDate(year: 2027, month: 2, afterExpiryWord: true, text: "").lastDay == CalendarDate(iso: "2027-02-28"))
        #expect(FileNameDateParser.PartialDate(year: 2026, month: 10, afterExpiryWord: true, text: "").lastDay == CalendarDate(iso: "2026-10-31"))
        #expect(FileNameDateParser.PartialDate(year: 2029, month: nil, afterExpiryWord: true, text: "").lastDay == CalendarDate(iso: "2029-12-31"))
    }

    @Test("an expiry month is its last day; an expiry year is 31 December")
    func expiries() throws {
        #expect(try Self.facts("BLS exp 2028-02.pdf").expires == CalendarDate(iso: "2028-02-29"))
        #expect(try Self.facts("Passport exp 2029.pdf").expires == CalendarDate(iso: "2029-12-31"))
        // A type whose name date is its expiry: a month alone is enough, a year alone is not.
        #expect(try Self.facts("Passport Oct-2029.pdf").expires == CalendarDate(iso: "2029-10-31"))
        let year = try Self.facts("Passport 2029.pdf")
        #expect(year.expires == nil)
        #expect(year.nameDateNote?.contains("only the year 2029") == true)
        // A full date after an expiry word is the expiry, whatever the type.
        let bls = try Self.facts("BLS 2026-02-03 exp 2028-02-03.pdf")
        #expect(bls.expires == CalendarDate(iso: "2028-02-03"))
        #expect(bls.date == CalendarDate(iso: "2026-02-03"))
    }

    @Test("an issue word makes a passport's one date its issue, not its expiry; valid till, upto and expired are expiry words")
    func issueAndExpiryWords() throws {
        for name in ["Passport issued 2020-05-01.pdf", "Passport DOI 2020-05-01.pdf", "Pasaporte emision 2020-05-01.pdf"] {
            let facts = try Self.facts(name)
            #expect(facts.date == CalendarDate(iso: "2020-05-01") && facts.expires == nil, "\(name)")
        }
        #expect(try Self.facts("Passport 2031-05-01.pdf").expires == CalendarDate(iso: "2031-05-01"))
        // A day before a month's name, but not a step's or a dose's number.
        #expect(Self.parse("Flu 14 Oct 2026").dates == [CalendarDate(iso: "2026-10-14")!])
        #expect(Self.parse("USMLE Step 1 Jan 2022").dates.isEmpty && Self.parse("HepB dose 1 Jan 2022").dates.isEmpty)
        for name in ["BLS valid till 2028-02-15.pdf", "BLS valid upto 2028-02-15.pdf", "BLS expired 2028-02-15.pdf"] {
            #expect(try Self.facts(name).expires == CalendarDate(iso: "2028-02-15"), "\(name)")
        }
    }

    @Test("valid, valid to, renew and due are expiry words; a start word makes an insurance's one date its first day, never its expiry")
    func startAndMoreExpiryWords() throws {
        for name in ["BLS valid 2028-02-15.pdf", "BLS valid to 2028-02-15.pdf", "BLS renew 2028-02-15.pdf", "BLS renew by 2028-02-15.pdf",
                     "TB test due 2028-02-15.pdf", "BLS valid up to 2028-02-15.pdf", "ACLS card expires on 2028-02-15.pdf",
                     "BLS válido até 2028-02-15.pdf", "BLS gültig bis 2028-02-15.pdf", "BLS valable jusqu'au 2028-02-15.pdf"] {
            #expect(try Self.facts(name).expires == CalendarDate(iso: "2028-02-15"), "\(name)")
        }
        // A date after a real expiry word stands: a renewal or a due date after it does not replace it.
        for name in ["Passport expires 2026-12-20 renewal appointment 2027-02-10.pdf", "BLS expired 2026-12-20 due 2027-02-15.pdf",
                     "BLS exp 2026-12-20 renewal class 2027-02-15.pdf"] {
            #expect(try Self.facts(name).expires == CalendarDate(iso: "2026-12-20"), "\(name)")
        }
        // "Renewal" alone is the renewal course's day, not an expiry.
        let renewal = try Self.facts("BLS renewal 2026-02-15.pdf")
        #expect(renewal.expires == nil && renewal.date == CalendarDate(iso: "2026-02-15"))
        // A test's due date is no day it was done, and the facts say so.
        let due = try Self.facts("PPD due by 2027-01-10.pdf")
        #expect(due.date == nil && due.expires == CalendarDate(iso: "2027-01-10"))
        #expect(due.nameDateNote?.contains("not the day it was done") == true)
        for name in ["Health insurance effective 2026-01-01.pdf", "Insurance start 2026-01-01.pdf", "Travel insurance purchased 2026-01-01.pdf",
                     "Insurance from 2026-01-01.pdf"] {
            let facts = try Self.facts(name)
            #expect(facts.expires == nil && facts.validFrom == CalendarDate(iso: "2026-01-01"), "\(name)")
        }
        // A month after a start word is not the month an insurance ends.
        #expect(try Self.facts("Health insurance effective Jan-2026.pdf").expires == nil)
        // Both ends named: the start word's date is the first day, the expiry word's the last.
        let both = try Self.facts("Insurance start 2026-01-01 exp 2026-12-31.pdf")
        #expect(both.validFrom == CalendarDate(iso: "2026-01-01") && both.expires == CalendarDate(iso: "2026-12-31"))
        // "valid" before the earlier of two dates opens a period; "to" alone joins its two ends.
        for name in ["Visa valid 2026-01-01 2027-01-01.pdf", "Insurance 2026-01-01 to 2027-01-01.pdf"] {
            let period = try Self.facts(name)
            #expect(period.validFrom == CalendarDate(iso: "2026-01-01") && period.expires == CalendarDate(iso: "2027-01-01"), "\(name)")
        }
        // A letter's "start" date stays its date: only a type whose one date is its expiry changes.
        let letter = try Self.facts("Letter of good standing start 2027-03-01.pdf")
        #expect(letter.date == CalendarDate(iso: "2027-03-01") && letter.validFrom == nil)
    }

    @Test("a vaccination month counts for season rules only; anything else stays unknown with its reason")
    func vaccinationMonth() throws {
        let flu = try Self.facts("flu shot oct 2026.pdf")
        #expect(flu.date == nil)
        #expect(flu.dateSpan == CalendarDate(iso: "2026-10-01")!...CalendarDate(iso: "2026-10-31")!)
        let tdap = try Self.facts("Tdap 2024.pdf")
        #expect(tdap.date == nil && tdap.dateSpan == nil && tdap.expires == nil)
        #expect(tdap.nameDateNote == "the name gives only the year 2024, not a day")
        let cv = try Self.facts("Transcript March 2026.pdf")
        #expect(cv.date == nil)
        #expect(cv.nameDateNote == "the name gives only the month march-2026, not a day")
    }

    @Test("a flu month inside the season passes its season rule; one before it fails; a window rule stays undecided")
    func seasonRuleWithMonth() throws {
        let season = Fixture.program("""
        <requirements><require id="flu" title="Flu"><document type="influenza"><season anchor="rotation-start" startsOn="08-01"/></document></require></requirements>
        """)
        #expect(try Fixture.evaluate(season, files: ["flu shot oct 2026.pdf"]).status(of: "flu") == .ok)
        #expect(try Fixture.evaluate(season, files: ["flu shot jul 2026.pdf"]).status(of: "flu") != .ok)
        #expect(try Fixture.evaluate(season, files: ["flu shot aug 2026.pdf"]).status(of: "flu") == .ok)
        let window = Fixture.program("""
        <requirements><require id="flu" title="Flu"><document type="influenza"><window anchor="rotation-start" within="12" unit="months"/></document></require></requirements>
        """)
        #expect(try Fixture.evaluate(window, files: ["flu shot oct 2026.pdf"]).status(of: "flu") == .notEvaluable)
    }

    @Test("explain's alias look-up: one type per alias, words compared as names are")
    func aliasLookup() {
        let catalog = Fixture.knowledge.catalog
        #expect(Explanation.typeByAlias("flu", catalog: catalog)?.id == "influenza")
        #expect(Explanation.typeByAlias("QuantiFERON", catalog: catalog)?.id == "tb_igra")
        #expect(Explanation.typeByAlias("no such thing", catalog: catalog) == nil)
    }

    @Test("a day written as an ordinal, or with the connecting words of Spanish, Portuguese and English, is read", arguments: [
        ("PPD 1st March 2026.pdf", "2026-03-01"), ("PPD March 3rd 2026.pdf", "2026-03-03"), ("PPD 3rd of May 2026.pdf", "2026-05-03"),
        ("PPD 12 de marzo de 2026.pdf", "2026-03-12"), ("PPD 12 de marco de 2026.pdf", "2026-03-12"), ("PPD 1er mars 2026.pdf", "2026-03-01"),
        ("Flu 22nd Oct 2026.pdf", "2026-10-22"),
    ])
    func ordinalAndConnectors(name: String, iso: String) {
        let parsed = Self.parse(name)
        #expect(parsed.dates == [CalendarDate(iso: iso)!], "\(name): \(parsed.dates)")
        #expect(parsed.words.first == (name.hasPrefix("Flu") ? "flu" : "ppd"))
    }

    @Test("an ordinal or a connector outside a date keeps its word")
    func fillerOutsideDates() {
        #expect(Self.parse("MMR 2nd dose 2024-03-01.pdf").words.prefix(4) == ["mmr", "2", "nd", "dose"])
        #expect(Self.parse("Letter of recommendation 2026-01-05.pdf").words.prefix(3) == ["letter", "of", "recommendation"])
        #expect(Self.parse("Certificate of 2026.pdf").words.contains("of"))
    }
}
