import Testing
@testable import CheckDocsCore

/// Rules a later stage, a missing score, a day past a span of years, a dose still to come or a
/// file's own name decide (docs/programs.md, "How a requirement is evaluated", `minDoses`,
/// `result`, `titer`, `graduation`, `exam`).
@Suite struct StageAndEvidenceTests {
    static let visaLater = Fixture.program("""
    <requirements>
      <require id="visa" title="US visa" due="after-offer"><when usCitizenOrPermanentResident="false"/><document type="visa"/></require>
      <require id="visa-now" title="US visa now"><when usCitizenOrPermanentResident="false"/><document type="visa"/></require>
    </requirements>
    """)

    @Test("an item due at a later stage whose condition is unknown is pending, never blocking; due now it is undecided")
    func laterStageUnknownCondition() throws {
        let result = try Fixture.evaluate(Self.visaLater, files: ["CV.pdf"])
        #expect(result.status(of: "visa") == .pending)
        #expect(result.status(of: "visa-now") == .notEvaluable)
        // Once the offer is recorded, what it asks for is due now, and undecided again.
        let offer = "targets:\n  test-program: {offer: \"2026-11-20\"}\n"
        let offered = try Fixture.evaluate(Self.visaLater, files: ["CV.pdf"], manifest: offer)
        #expect(offered.status(of: "visa") == .notEvaluable, "\(offered.result("visa")?.message ?? "")")
    }

    static func exams(_ attempts: String) -> String {
        "applicant:\n  status: graduate\n  exams:\n" + attempts
    }

    @Test("a score cut-off beside an attempt with no score (pass/fail only) is not evaluable, even with a lower score elsewhere")
    func cutOffBesidePassFailOnly() throws {
        let xml = Fixture.program(#"<eligibility><exam id="s1" exam="usmle-step1" passed="false" minScore="220"/></eligibility>"#, kind: "residency")
        let mixed = Self.exams("    - {exam: usmle-step1, date: \"2021-06-01\", result: fail, score: 190}\n    - {exam: usmle-step1, date: \"2022-06-01\", result: pass}\n")
        let undecided = try #require(try Fixture.evaluate(xml, files: [], manifest: mixed).result("s1"))
        #expect(undecided.status == .notEvaluable)
        #expect(undecided.message.contains("pass/fail only"), "\(undecided.message)")
        let scoredOnly = Self.exams("    - {exam: usmle-step1, date: \"2021-06-01\", result: pass, score: 210}\n")
        #expect(try Fixture.evaluate(xml, files: [], manifest: scoredOnly).status(of: "s1") == .ineligible)
        let above = Self.exams("    - {exam: usmle-step1, date: \"2021-06-01\", result: fail, score: 230}\n    - {exam: usmle-step1, date: \"2022-06-01\", result: pass}\n")
        #expect(try Fixture.evaluate(xml, files: [], manifest: above).status(of: "s1") == .ok)
    }

    @Test("an exam or English test dated after the run's day has not been sat: it counts for nothing")
    func futureAttempts() throws {
        let xml = Fixture.program(#"""
          <eligibility>
            <exam id="s1" exam="usmle-step1" passed="true"/>
            <english id="en"><test test="toefl-ibt" minTotal="100" withinYears="2"/></english>
          </eligibility>
        """#, kind: "residency")
        func manifest(_ date: String) -> String {
            Self.exams("    - {exam: usmle-step1, date: \"\(date)\", result: pass}\n")
                + "  medicalSchool: {instructionLanguage: \"es\"}\n  englishTests:\n"
                + "    - {test: toefl-ibt, date: \"\(date)\", total: 110, sections: {reading: 27, listening: 28, speaking: 27, writing: 28}}\n"
        }
        let sat = try Fixture.evaluate(xml, files: [], manifest: manifest("2026-11-15"))
        #expect(sat.status(of: "s1") == .ok && sat.status(of: "en") == .ok)
        let booked = try Fixture.evaluate(xml, files: [], manifest: manifest("2027-02-15"))
        #expect(booked.status(of: "s1") == .ineligible, "\(booked.result("s1")?.message ?? "")")
        #expect(booked.status(of: "en") == .ineligible, "\(booked.result("en")?.message ?? "")")
    }

    @Test("graduated within five years is counted to the day: five years and a day is more")
    func graduationToTheDay() throws {
        let xml = Fixture.program(#"<deadline date="2026-12-31"/><eligibility><graduation id="recent" maxYearsSince="5" anchor="deadline"/></eligibility>"#,
                                  kind: "residency")
        func status(_ graduated: String) throws -> RequirementStatus? {
            try Fixture.evaluate(xml, files: [], manifest: "applicant:\n  status: graduate\n  graduationDate: \"\(graduated)\"\n").status(of: "recent")
        }
        #expect(try status("2021-12-31") == .ok)
        #expect(try status("2021-12-30") == .ineligible)
        #expect(try status("2021-01-01") == .ineligible)
        // Five years back from 29 February is the 28th.
        let leap = Fixture.program(#"<deadline date="2028-02-29"/><eligibility><graduation id="recent" maxYearsSince="5" anchor="deadline"/></eligibility>"#,
                                   kind: "residency")
        let graduate = "applicant:\n  status: graduate\n  graduationDate: \"2023-02-28\"\n"
        #expect(try Fixture.evaluate(leap, files: [], manifest: graduate).status(of: "recent") == .ok)
        let message = try Fixture.evaluate(xml, files: [], manifest: "applicant:\n  status: graduate\n  graduationDate: \"2021-01-01\"\n")
            .result("recent")?.message ?? ""
        #expect(message.contains("more than 5 years before"), "\(message)")
    }

    static let hepB = Fixture.program("""
    <requirements><require id="hepb" title="Hepatitis B immunity"><anyOf>
      <document type="hepb"><titer min="10" unit="mIU/mL"/></document><document type="hepb" minDoses="3"/>
    </anyOf></require></requirements>
    """)

    @Test("a dose dated after the as-of day is not counted; the alternative being followed says so")
    func futureDose() throws {
        let files = ["HepB dose 1 2026-06-01.pdf", "HepB dose 2 2026-07-01.pdf", "HepB dose 3 2027-01-15.pdf"]
        let early = try #require(try Fixture.evaluate(Self.hepB, files: files).result("hepb"))
        #expect(early.status == .invalid)
        #expect(early.reason?.code == "too-few-doses")
        #expect(early.message.contains("2 of 3 doses") && early.message.contains("2027-01-15 is in the future"), "\(early.message)")
        #expect(try Fixture.evaluate(Self.hepB, files: files, asOf: "2027-01-15").status(of: "hepb") == .ok)
        // The same from the manifest's dose list.
        let listed = "documents:\n  \"HepB.pdf\": {type: hepb, doses: [\"2026-06-01\", \"2026-07-01\", \"2027-01-15\"]}\n"
        #expect(try Fixture.evaluate(Self.hepB, files: ["HepB.pdf"], manifest: listed).status(of: "hepb") == .invalid)
    }

    @Test("doses closer than four weeks less four days count as one: two files for one dose make no series")
    func dosesTooClose() throws {
        let files = ["HepB dose 1 2026-01-10.pdf", "HepB dose 1 copy 2026-01-13.pdf", "HepB dose 2 2026-02-10.pdf"]
        let close = try #require(try Fixture.evaluate(Self.hepB, files: files).result("hepb"))
        #expect(close.status == .invalid && close.reason?.code == "doses-too-close", "\(close.message)")
        #expect(close.message.contains("2 of 3 doses") && close.message.contains("2026-01-10 and 2026-01-13 are 3 days apart"), "\(close.message)")
        // 24 days apart count (the 4 days' grace); so does a third dose after them.
        let spaced = "documents:\n  \"HepB.pdf\": {type: hepb, doses: [\"2026-01-10\", \"2026-02-03\", \"2026-07-15\"]}\n"
        #expect(try Fixture.evaluate(Self.hepB, files: ["HepB.pdf"], manifest: spaced).status(of: "hepb") == .ok)
        let tight = "documents:\n  \"HepB.pdf\": {type: hepb, doses: [\"2026-01-10\", \"2026-02-02\", \"2026-07-15\"]}\n"
        #expect(try Fixture.evaluate(Self.hepB, files: ["HepB.pdf"], manifest: tight).result("hepb")?.reason?.code == "doses-too-close")
        // A record with no date counts as a dose here too, as in the count of dates.
        let undated = try #require(try Fixture.evaluate(Self.hepB, files: ["HepB dose 1.pdf", "HepB dose 2 2020-01-01.pdf", "HepB dose 3 2020-01-05.pdf"])
            .result("hepb"))
        #expect(undated.reason?.code == "doses-too-close" && undated.message.hasPrefix("2 of 3 doses"), "\(undated.message)")
        // A fourth dose makes up for the one too close.
        let fourth = "documents:\n  \"HepB.pdf\": {type: hepb, doses: [\"2026-01-10\", \"2026-01-20\", \"2026-02-15\", \"2026-07-15\"]}\n"
        #expect(try Fixture.evaluate(Self.hepB, files: ["HepB.pdf"], manifest: fourth).status(of: "hepb") == .ok)
    }

    @Test("hepatitis B's third dose counts only 52 days after the second and 108 after the first (8 and 16 weeks less the grace)")
    func hepBThirdDoseIntervals() throws {
        func result(_ doses: [String]) throws -> RequirementResult {
            let manifest = "documents:\n  \"HepB.pdf\": {type: hepb, doses: [\(doses.map { "\"\($0)\"" }.joined(separator: ", "))]}\n"
            return try #require(try Fixture.evaluate(Self.hepB, files: ["HepB.pdf"], manifest: manifest).result("hepb"))
        }
        // Four weeks after the second: too soon for a third.
        let afterSecond = try result(["2026-01-10", "2026-02-10", "2026-03-10"])
        #expect(afterSecond.status == .invalid && afterSecond.reason?.code == "doses-too-close", "\(afterSecond.message)")
        #expect(afterSecond.message.contains("2 of 3 doses") && afterSecond.message.contains("the dose of 2026-03-10 is 28 days after dose 2 (2026-02-10)")
                    && afterSecond.message.contains("dose 3 counts only 52 days or more after dose 2"), "\(afterSecond.message)")
        // Eight weeks after the second, but only 90 days after the first.
        let afterFirst = try result(["2026-01-10", "2026-02-05", "2026-04-10"])
        #expect(afterFirst.reason?.code == "doses-too-close" && afterFirst.message.contains("dose 3 counts only 108 days or more after dose 1"),
                "\(afterFirst.message)")
        // The usual 0, 1 and 6 months; and a later dose makes up for the one too soon.
        #expect(try result(["2026-01-10", "2026-02-10", "2026-07-10"]).status == .ok)
        #expect(try result(["2026-01-10", "2026-02-10", "2026-03-10", "2026-05-10"]).status == .ok)
        // The minimal schedule, each interval exactly met (24, 52 and 108 days; the first to third 24 + 84).
        #expect(try result(["2026-01-01", "2026-01-25", "2026-04-19"]).status == .ok)
        #expect(try result(["2026-01-01", "2026-01-25", "2026-04-18"]).status == .invalid)
    }

    @Test("a titer whose value is still to record stays undecided beside a series begun: the begun alternative only breaks ties")
    func begunBreaksTiesOnly() throws {
        let manifest = "documents:\n  \"HepB record.pdf\": {type: hepb, doses: [\"2026-06-15\"]}\n"
        let result = try #require(try Fixture.evaluate(Self.hepB, files: ["HepB titer.pdf", "HepB record.pdf"], manifest: manifest).result("hepb"))
        #expect(result.status == .notEvaluable && result.message.contains("`value:`"), "\(result.message)")
    }

    @Test("a vaccine file named as a dose is no titer or lab result; one named IgM is no proof of immunity")
    func namedEvidence() throws {
        let titer = Fixture.program(#"<requirements><require id="item" title="t"><document type="hepb"><titer min="10" unit="mIU/mL"/></document></require></requirements>"#)
        let dose = try #require(try Fixture.evaluate(titer, files: ["HepB dose 2026-06-01.pdf"]).result("item"))
        #expect(dose.status == .invalid && dose.reason?.code == "dose-record", "\(dose.message)")
        // A titer named as one is still asked for its value.
        #expect(try Fixture.evaluate(titer, files: ["HepB titer 2026-06-01.pdf"]).status(of: "item") == .notEvaluable)
        let positive = Fixture.program(#"<requirements><require id="item" title="t"><document type="varicella" result="positive"/></require></requirements>"#)
        let manifest = "documents:\n  \"Varicella IgM titer 2026-09-14.pdf\": {result: positive}\n"
        let igm = try #require(try Fixture.evaluate(positive, files: ["Varicella IgM titer 2026-09-14.pdf"], manifest: manifest).result("item"))
        #expect(igm.status == .invalid && igm.reason?.code == "igm-titer", "\(igm.message)")
        let igg = "documents:\n  \"Varicella IgG titer 2026-09-14.pdf\": {result: positive}\n"
        #expect(try Fixture.evaluate(positive, files: ["Varicella IgG titer 2026-09-14.pdf"], manifest: igg).status(of: "item") == .ok)
    }

    @Test("a year-month-day that names no day is no date, and is said to be none: never the month it falls in")
    func impossibleDates() throws {
        for name in ["Passport 2031-02-29", "BLS exp 2027-11-31", "QFT_2026-02-30",
                     // Day or month first, or with the month's name: a day the month does not have.
                     "Anti-HBs titer 29-02-2027", "Drug_screen_31-04-2026", "Flu_vaccine_02-29-2027", "BLS 31 Apr 2026", "BLS Apr 31 2026"] {
            let parsed = FileNameDateParser.parse(FileNameTokens.tokens(name))
            #expect(parsed.dates.isEmpty && parsed.partial.isEmpty && parsed.impossible.count == 1, "\(name): \(parsed)")
        }
        let xml = Fixture.program(#"<requirements><require id="passport" title="Passport"><document type="passport"><validThrough anchor="rotation-end"/></document></require></requirements>"#)
        let result = try #require(try Fixture.evaluate(xml, files: ["Passport 2031-02-29.pdf"]).result("passport"))
        #expect(result.status == .notEvaluable && !result.message.contains("2031-02-28"), "\(result.message)")
        let folder = try TemporaryFolder(files: ["Passport 2031-02-29.pdf"])
        defer { folder.remove() }
        let applicant = try ApplicantFolderLoader(catalog: Fixture.knowledge.catalog, schemas: Fixture.knowledge.schemas).load(folder.path)
        #expect(applicant.documents.first?.facts.nameDateNote == "the name's date 2031-02-29 is not a real day")
    }

    @Test("a negative hepatitis B titer after the series voids the doses: a non-responder needs a second series and a repeat titer")
    func nonResponder() throws {
        let files = ["HepB_vaccine_series.pdf", "Anti-HBs titer 2026-09-14.pdf"]
        func manifest(_ result: String, titer: String = "2026-09-14") -> String {
            """
            documents:
              "HepB_vaccine_series.pdf": {doses: ["2026-01-15", "2026-02-15", "2026-07-15"]}
              "Anti-HBs titer 2026-09-14.pdf": {result: \(result), date: "\(titer)"}
            """
        }
        let negative = try #require(try Fixture.evaluate(Self.hepB, files: files, manifest: manifest("negative")).result("hepb"))
        #expect(negative.status == .invalid && negative.reason?.code == "series-did-not-take", "\(negative.message)")
        #expect(negative.message.contains("a second series and a repeat titer"), "\(negative.message)")
        // A dose still to come, or one given since the titer, is no new series.
        let booked = """
        documents:
          "HepB_vaccine_series.pdf": {doses: ["2026-01-15", "2026-02-15", "2026-07-15", "2026-10-01", "2027-01-15"]}
          "Anti-HBs titer 2026-09-14.pdf": {result: negative, date: "2026-09-14"}
        """
        #expect(try Fixture.evaluate(Self.hepB, files: files, manifest: booked).result("hepb")?.reason?.code == "series-did-not-take")
        // A second series after it counts again.
        let second = """
        documents:
          "HepB_vaccine_series.pdf": {doses: ["2025-01-15", "2025-02-15", "2025-07-15", "2025-10-01", "2025-11-01", "2026-04-01"]}
          "Anti-HBs titer 2026-09-14.pdf": {result: negative, date: "2025-09-14"}
        """
        #expect(try Fixture.evaluate(Self.hepB, files: files, manifest: second).status(of: "hepb") == .ok)
        // A negative titer before the series (then completed) decides nothing; no titer at all neither.
        #expect(try Fixture.evaluate(Self.hepB, files: files, manifest: manifest("negative", titer: "2025-12-01")).status(of: "hepb") == .ok)
        // A screening drawn at the first dose's visit is before the series; a titer dated after the
        // run's day is not drawn yet, and voids nothing.
        #expect(try Fixture.evaluate(Self.hepB, files: files, manifest: manifest("negative", titer: "2026-01-15")).status(of: "hepb") == .ok)
        #expect(try Fixture.evaluate(Self.hepB, files: files, manifest: manifest("negative", titer: "2026-12-20")).status(of: "hepb") == .ok)
        #expect(try Fixture.evaluate(Self.hepB, files: ["HepB_vaccine_series.pdf"],
                                     manifest: "documents:\n  \"HepB_vaccine_series.pdf\": {doses: [\"2026-01-15\", \"2026-02-15\", \"2026-07-15\"]}\n")
                .status(of: "hepb") == .ok)
        // A value below the protective 10 mIU/mL with no result written is a negative titer too
        // (in another unit as well); one at the level, or a positive result, is not.
        func measured(_ value: String, unit: String = "mIU/mL", result: String = "") -> String {
            "documents:\n  \"HepB_vaccine_series.pdf\": {doses: [\"2026-01-15\", \"2026-02-15\", \"2026-07-15\"]}\n"
                + "  \"Anti-HBs titer 2026-09-14.pdf\": {value: \(value), unit: \"\(unit)\"\(result)}\n"
        }
        #expect(try Fixture.evaluate(Self.hepB, files: files, manifest: measured("3")).result("hepb")?.reason?.code == "series-did-not-take")
        #expect(try Fixture.evaluate(Self.hepB, files: files, manifest: measured("3", unit: "IU/L")).result("hepb")?.reason?.code == "series-did-not-take")
        #expect(try Fixture.evaluate(Self.hepB, files: files, manifest: measured("10")).status(of: "hepb") == .ok)
        #expect(try Fixture.evaluate(Self.hepB, files: files, manifest: measured("3", result: ", result: positive")).status(of: "hepb") == .ok)
    }

    @Test("a hepatitis B test named as people name it is no third dose; a vaccine report is one", arguments: [
        ("Hep B blood test 2026-09-14.pdf", false), ("HBV screening 2026-09-14.pdf", false), ("Hep B immunity 2026-09-14.pdf", false),
        ("Hepatitis B surface antigen 2026-09-14.pdf", false), ("Hepatitis B report 2026-09-14.pdf", false),
        ("HepB vaccine report 2026-09-14.pdf", true), ("HepB dose 3 2026-09-14.pdf", true),
    ])
    func labReportNames(name: String, isDose: Bool) throws {
        let files = ["HepB dose 1 2026-01-15.pdf", "HepB dose 2 2026-02-15.pdf", name]
        let status = try Fixture.evaluate(Self.hepB, files: files).status(of: "hepb")
        #expect((status == .ok) == isDose, "\(name): \(String(describing: status))")
    }

    @Test("a skin test's two dates are its steps (placed and read), the last its date: never a validity period")
    func skinTestDates() throws {
        let xml = Fixture.program(#"<requirements><require id="tb" title="TB"><document type="tb_ppd" result="negative"><window anchor="rotation-end" within="12" unit="months"/></document></require></requirements>"#)
        for name in ["PPD placed 2026-10-01 read 2026-10-03.pdf", "Two-step PPD 2026-10-01 2026-10-15.pdf"] {
            let result = try Fixture.evaluate(xml, files: [name], manifest: "documents:\n  \"\(name)\": {result: negative}\n")
            #expect(result.status(of: "tb") == .ok, "\(name): \(result.result("tb")?.message ?? "")")
        }
        let folder = try TemporaryFolder(files: ["PPD placed 2026-10-01 read 2026-10-03.pdf"])
        defer { folder.remove() }
        let facts = try ApplicantFolderLoader(catalog: Fixture.knowledge.catalog, schemas: Fixture.knowledge.schemas).load(folder.path).documents.first?.facts
        #expect(facts?.date == CalendarDate(iso: "2026-10-03") && facts?.expires == nil && facts?.validFrom == nil)
        // A vaccine's titer named with two dates (drawn, reported) is a test too: no two doses.
        let drawn = try Fixture.evaluate(Self.hepB, files: ["HepB titer 2026-09-01 2026-09-05.pdf", "HepB vaccine 2000-01-15.pdf"])
        #expect(drawn.status(of: "hepb")?.isFailure == true, "\(drawn.result("hepb")?.message ?? "")")
    }

    @Test("a plain-text personal statement is held to maxCharacters as a PDF's text layer is")
    func plainTextStatement() throws {
        let xml = Fixture.program(#"<requirements><require id="ps" title="PS"><document type="personal_statement"><file maxCharacters="28000"/></document></require></requirements>"#,
                                  kind: "residency")
        let long = Array(String(repeating: "I want to be a physician. ", count: 1200).prefix(30_000).utf8)
        let result = try #require(try Fixture.evaluate(xml, files: [], contents: ["Personal statement.txt": long]).result("ps"))
        #expect(result.status == .invalid && result.message.contains("30,000 characters"), "\(result.message)")
        let short = Array(String(repeating: "é", count: 28_000).utf8)
        #expect(try Fixture.evaluate(xml, files: [], contents: ["Personal statement.txt": short]).status(of: "ps") == .ok)
        // Notepad's "Unicode" (UTF-16 with its mark): 20,000 characters, not 40,002 bytes.
        let utf16: [UInt8] = [0xFF, 0xFE] + String(repeating: "a", count: 20_000).utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(try Fixture.evaluate(xml, files: [], contents: ["Personal statement.txt": utf16]).status(of: "ps") == .ok)
        #expect(FileInspector.plainText([0xFE, 0xFF, 0x00, 0x61, 0x00, 0xE9]) == "aé")
    }

    @Test("a driver's license is not a medical license (notWhenNamed)")
    func driversLicense() throws {
        // The word before a longer alias is not one: a surname, say.
        let surname = try TemporaryFolder(files: ["Minnie Driver medical license.pdf"])
        defer { surname.remove() }
        #expect(try ApplicantFolderLoader(catalog: Fixture.knowledge.catalog, schemas: Fixture.knowledge.schemas).load(surname.path)
            .documents.map(\.type) == ["medical_license"])
        for name in ["Drivers license.pdf", "Driving licence.pdf", "Driver's license 2030-01-01.pdf"] {
            let folder = try TemporaryFolder(files: [name])
            defer { folder.remove() }
            let applicant = try ApplicantFolderLoader(catalog: Fixture.knowledge.catalog, schemas: Fixture.knowledge.schemas).load(folder.path)
            #expect(applicant.documents.isEmpty && applicant.unrecognized.count == 1, "\(name): \(applicant.documents.map(\.type))")
        }
    }

    @Test("the standard VSLO Tdap rule is the AAMC form's: an adult Tdap, and a Td or Tdap booster within 10 years")
    func aamcTdap() throws {
        let xml = Fixture.program("", kind: "visiting-elective", rotation: #"<rotation start="2027-01-04" end="2027-01-29"/>"#,
                                  extends: #"<extends checklist="visiting-elective"/>"#)
        #expect(try Fixture.evaluate(xml, files: ["Tdap_2012-05-01.pdf", "Td_booster_2021-05-01.pdf"]).status(of: "tdap") == .ok)
        #expect(try Fixture.evaluate(xml, files: ["Tdap_2020-05-01.pdf"]).status(of: "tdap") == .ok)
        #expect(try Fixture.evaluate(xml, files: ["Tdap_2012-05-01.pdf"]).status(of: "tdap")?.isFailure == true)
        #expect(try Fixture.evaluate(xml, files: ["Td_booster_2021-05-01.pdf"]).status(of: "tdap")?.isFailure == true)
    }

    @Test("the standard residency checklist warns past about one page (3,500 characters) and blocks past MyERAS's 28,000")
    func statementLength() throws {
        let xml = Fixture.program("", kind: "residency", extends: #"<extends checklist="residency"/>"#)
        func results(_ characters: Int) throws -> ProgramResult {
            try Fixture.evaluate(xml, files: [], contents: ["Personal statement.txt": Array(String(repeating: "a", count: characters).utf8)])
        }
        let page = try results(3_400)
        #expect(page.status(of: "personal-statement") == .ok && page.status(of: "personal-statement-length") == .ok)
        let long = try results(4_000)
        #expect(long.status(of: "personal-statement") == .ok && long.status(of: "personal-statement-length") == .invalid)
        #expect(long.result("personal-statement-length")?.severity == .warning)
        #expect(try results(30_000).status(of: "personal-statement") == .invalid)
        // A DTaP record (the children's vaccine) is not taken for the adult Tdap.
        let folder = try TemporaryFolder(files: ["DTaP_2020-05-01.pdf"])
        defer { folder.remove() }
        let applicant = try ApplicantFolderLoader(catalog: Fixture.knowledge.catalog, schemas: Fixture.knowledge.schemas).load(folder.path)
        #expect(applicant.documents.isEmpty)
    }
}
