import Testing
@testable import CheckDocsCore

/// One test (or more) per requirement kind of docs/programs.md (presence, counts, windows,
/// validity, seasons, doses, results, titers, alternatives, conditions, due dates, severity),
/// including the tricky cases that fall under them.
@Suite struct RequirementKindTests {
    static let tb = """
      <requirements>
        <require id="tb" title="TB">
          <anyOf>
            <document type="tb_igra" result="negative"><window anchor="rotation-end" within="12" unit="months"/></document>
            <document type="tb_ppd" result="negative"><window anchor="rotation-end" within="12" unit="months"/></document>
            <allOf>
              <document type="tb_ppd" result="positive"/>
              <document type="chest_xray"><window anchor="rotation-start" within="90" unit="days"/></document>
            </allOf>
          </anyOf>
        </require>
      </requirements>
    """

    @Test("1. presence: a missing document is missing, a present one is ok")
    func presence() throws {
        let xml = Fixture.program(#"<requirements><require id="cv" title="CV"><document type="cv"/></require></requirements>"#)
        #expect(try Fixture.evaluate(xml, files: []).status(of: "cv") == .missing)
        #expect(try Fixture.evaluate(xml, files: ["CV_2026.pdf"]).status(of: "cv") == .ok)
        #expect(try Fixture.evaluate(xml, files: ["resume.pdf"]).status == .ready)
    }

    @Test("1. stage: an item due after an offer is pending and does not block")
    func stagePending() throws {
        let xml = Fixture.program(#"<requirements><require id="i94" title="I-94" due="after-offer"><document type="i94"/></require></requirements>"#)
        let result = try Fixture.evaluate(xml, files: [])
        #expect(result.status(of: "i94") == .pending)
        #expect(result.status == .ready)
    }

    @Test("2. alternatives: TB = IGRA | PPD | (positive PPD + chest x-ray)")
    func tbAlternatives() throws {
        let xml = Fixture.program(Self.tb)
        let manifest = """
        documents:
          "TB_QuantiFERON_2026-06-01.pdf": {result: negative}
        """
        #expect(try Fixture.evaluate(xml, files: ["TB_QuantiFERON_2026-06-01.pdf"], manifest: manifest).status(of: "tb") == .ok)
        let positive = """
        documents:
          "PPD_2020-01-10.pdf": {result: positive}
          "CXR_2026-12-01.pdf": {type: chest_xray}
        """
        #expect(try Fixture.evaluate(xml, files: ["PPD_2020-01-10.pdf", "CXR_2026-12-01.pdf"], manifest: positive).status(of: "tb") == .ok)
        let positiveOnly = """
        documents:
          "PPD_2020-01-10.pdf": {result: positive}
        """
        let result = try Fixture.evaluate(xml, files: ["PPD_2020-01-10.pdf"], manifest: positiveOnly)
        #expect(result.status(of: "tb") == .missing)
        #expect(result.result("tb")!.message.contains("Chest X-ray") || result.result("tb")!.message.contains("chest"))
    }

    static let mmr = """
      <requirements>
        <require id="mmr" title="MMR">
          <anyOf>
            <document type="mmr" minDoses="2"/>
            <allOf>
              <anyOf><document type="measles" minDoses="2"/><document type="measles" result="positive"/></anyOf>
              <anyOf><document type="mumps" minDoses="2"/><document type="mumps" result="positive"/></anyOf>
              <anyOf><document type="rubella" minDoses="1"/><document type="rubella" result="positive"/></anyOf>
            </allOf>
          </anyOf>
        </require>
      </requirements>
    """

    @Test("2. tricky case 4: nested MMR alternatives are evaluated per component")
    func nestedMMR() throws {
        let xml = Fixture.program(Self.mmr)
        // Two MMR doses satisfy it fully.
        let twoDoses = "documents:\n  \"MMR.pdf\": {doses: [\"2001-05-01\", \"2005-06-01\"]}\n"
        #expect(try Fixture.evaluate(xml, files: ["MMR.pdf"], manifest: twoDoses).status(of: "mmr") == .ok)
        // 2 measles doses + a positive mumps titer + 1 rubella dose satisfy it.
        let components = """
        documents:
          "measles.pdf": {doses: ["2001-05-01", "2005-06-01"]}
          "mumps titer.pdf": {result: positive}
          "rubella_2001-05-01.pdf": {}
        """
        #expect(try Fixture.evaluate(xml, files: ["measles.pdf", "mumps titer.pdf", "rubella_2001-05-01.pdf"], manifest: components).status(of: "mmr") == .ok)
        // 1 MMR dose + a negative rubella titer satisfies nothing.
        let notEnough = """
        documents:
          "MMR_2001-05-01.pdf": {}
          "rubella titer.pdf": {result: negative}
        """
        let result = try Fixture.evaluate(xml, files: ["MMR_2001-05-01.pdf", "rubella titer.pdf"], manifest: notEnough)
        #expect(result.status(of: "mmr")?.isFailure == true)
        #expect(result.status == .notReady)
    }

    @Test("5. insurance covering the whole stay: in force from the rotation start (validFrom) through its end (validThrough)")
    func coverageFromStartToEnd() throws {
        let xml = Fixture.program(#"""
        <requirements><require id="ins" title="Health insurance"><document type="health_insurance">
          <validThrough anchor="rotation-end"/><validFrom anchor="rotation-start"/>
        </document></require></requirements>
        """#)
        // The rotation runs 2027-03-01 to 2027-03-28; two dates in a name are a period.
        #expect(try Fixture.evaluate(xml, files: ["Health insurance 2027-03-01 2027-06-30.pdf"]).status(of: "ins") == .ok)
        #expect(try Fixture.evaluate(xml, files: ["Health insurance 2027-02-01 2027-06-30.pdf"]).status(of: "ins") == .ok)
        let late = try Fixture.evaluate(xml, files: ["Health insurance 2027-03-05 2027-06-30.pdf"])
        #expect(late.status(of: "ins") == .invalid)
        #expect(late.result("ins")?.message.contains("in force only from 2027-03-05, after the rotation start (2027-03-01)") == true)
        #expect(late.result("ins")?.reason?.kind == "validFrom")
        #expect(late.result("ins")?.rule?.contains("in force from the rotation start (2027-03-01)") == true)
        // An expiry alone (one date in an insurance name) leaves the start unknown: not evaluable, never passed.
        let unknown = try Fixture.evaluate(xml, files: ["Health insurance 2027-06-30.pdf"])
        #expect(unknown.status(of: "ins") == .notEvaluable)
        #expect(unknown.result("ins")?.message.contains("add `validFrom:`") == true)
        // whenKnown: an unknown start passes, a recorded late one still fails (the standard checklists' insurance).
        let known = xml.replacingOccurrences(of: #"<validFrom anchor="rotation-start"/>"#, with: #"<validFrom anchor="rotation-start" whenKnown="true"/>"#)
        #expect(try Fixture.evaluate(known, files: ["Health insurance 2027-06-30.pdf"]).status(of: "ins") == .ok)
        #expect(try Fixture.evaluate(known, files: ["Health insurance 2027-03-05 2027-06-30.pdf"]).status(of: "ins") == .invalid)
        let standard = try Fixture.evaluate(Fixture.program("", extends: #"<extends checklist="observership"/>"#), files: ["Health insurance.pdf"],
                                            manifest: "documents:\n  \"Health insurance.pdf\": {validFrom: \"2027-03-05\", expires: \"2027-06-30\"}\n")
        #expect(standard.status(of: "health-insurance") == .invalid, "\(String(describing: standard.result("health-insurance")?.message))")
    }

    @Test("3. tricky case 10: 3 letters required, at most 4 may be assigned")
    func countsWithTwoLimits() throws {
        let xml = Fixture.program(#"<requirements><require id="lor" title="Letters"><document type="lor" min="3" max="4"/></require></requirements>"#)
        let letters = (1...6).map { "LoR - Dr \($0).pdf" }
        #expect(try Fixture.evaluate(xml, files: Array(letters.prefix(2))).status(of: "lor") == .missing)
        #expect(try Fixture.evaluate(xml, files: Array(letters.prefix(3))).status(of: "lor") == .ok)
        #expect(try Fixture.evaluate(xml, files: Array(letters.prefix(4))).status(of: "lor") == .ok)
        // More than a program takes is a choice, not a failure (docs/programs.md, counting).
        let six = try #require(try Fixture.evaluate(xml, files: letters).result("lor"))
        #expect(six.status == .ok)
        #expect(six.choice?.max == 4)
    }

    @Test("3. min=\"0\": an optional document is ok when absent, but a failing file is still reported")
    func optionalClause() throws {
        let xml = Fixture.program(#"<requirements><require id="flu" title="Flu"><document type="influenza" min="0"><window anchor="rotation-start" within="12" unit="months"/></document></require></requirements>"#)
        let absent = try Fixture.evaluate(xml, files: ["CV.pdf"])
        #expect(absent.status(of: "flu") == .ok)
        #expect(absent.status == .ready)
        #expect(try Fixture.evaluate(xml, files: ["Flu_vaccine_2026-10-01.pdf"]).status(of: "flu") == .ok)
        let stale = try Fixture.evaluate(xml, files: ["Flu_vaccine_2024-10-01.pdf"])
        #expect(stale.status(of: "flu") == .expired)
        #expect(stale.result("flu")?.message.contains("Flu_vaccine_2024-10-01.pdf") == true)
    }

    @Test("4. tricky case 1: the same TB test passes an end-anchored window and fails a start-anchored one")
    func windowsAnchoredOnStartAndEnd() throws {
        let end = Fixture.program(#"<requirements><require id="tb" title="TB"><document type="tb_test"><window anchor="rotation-end" within="12" unit="months"/></document></require></requirements>"#)
        let start = Fixture.program(#"<requirements><require id="tb" title="TB"><document type="tb_test"><window anchor="rotation-start" within="12" unit="months"/></document></require></requirements>"#)
        // Rotation 2027-03-01 → 2027-03-28; the test is from 2026-03-15.
        let file = ["QFT_2026-03-15.pdf"]
        // 12 months before the end is 2027-03-28 minus a year: the end anchor is the stricter one.
        #expect(try Fixture.evaluate(start, files: file).status(of: "tb") == .ok)
        #expect(try Fixture.evaluate(end, files: file).status(of: "tb") == .expiresBeforeNeeded)
        #expect(try Fixture.evaluate(end, files: ["QFT_2026-04-02.pdf"]).status(of: "tb") == .ok)
        // Already too old as of the check date: expired, not merely "before needed".
        #expect(try Fixture.evaluate(end, files: ["QFT_2025-03-15.pdf"]).status(of: "tb") == .expired)
    }

    @Test("4. several windows at once: within 365 days and within 90 days of the start")
    func simultaneousWindows() throws {
        let xml = Fixture.program("""
        <requirements><require id="tb" title="TB"><document type="tb_ppd">
          <window anchor="rotation-start" within="365" unit="days"/><window anchor="rotation-start" within="90" unit="days"/>
        </document></require></requirements>
        """)
        // 90 days before the start (2027-03-01) is the run's own day, 2026-12-01.
        #expect(try Fixture.evaluate(xml, files: ["PPD_2026-12-01.pdf"]).status(of: "tb") == .ok)
        // Valid today but not within 90 days of the start:
        #expect(try Fixture.evaluate(xml, files: ["PPD_2026-11-15.pdf"]).status(of: "tb") == .expiresBeforeNeeded)
        // Already more than 90 days old today:
        #expect(try Fixture.evaluate(xml, files: ["PPD_2026-08-01.pdf"]).status(of: "tb") == .expired)
    }

    @Test("4. a document dated after the run's day meets no window or season, whatever its anchor: it does not exist yet")
    func datedInTheFuture() throws {
        let window = Fixture.program(#"<requirements><require id="tb" title="TB"><document type="tb_test"><window anchor="rotation-start" within="12" unit="months"/></document></require></requirements>"#)
        let future = try Fixture.evaluate(window, files: ["QFT_2026-12-20.pdf"])
        #expect(future.status(of: "tb") == .invalid)
        #expect(future.result("tb")?.message.contains("dated 2026-12-20, which is in the future") == true, "\(future.result("tb")?.message ?? "")")
        // The same file on its day, or the run on a later day, meets the window.
        #expect(try Fixture.evaluate(window, files: ["QFT_2026-12-20.pdf"], asOf: "2026-12-20").status(of: "tb") == .ok)
        let december = Fixture.program(Self.flu, rotation: #"<rotation start="2026-12-07" end="2027-01-01"/>"#)
        let shot = try Fixture.evaluate(december, files: ["flu_2026-12-05.pdf"])
        #expect(shot.status(of: "flu") == .invalid)
        #expect(shot.result("flu")?.message.contains("dated 2026-12-05, which is in the future") == true, "\(shot.result("flu")?.message ?? "")")
        #expect(try Fixture.evaluate(december, files: ["flu_2026-12-05.pdf"], asOf: "2026-12-05").status(of: "flu") == .ok)
        // Without a window or season too: a result, titer or certificate dated after the run's day
        // counts for nothing (it said READY for a test "taken" tomorrow).
        let plain = Fixture.program(#"""
          <requirements>
            <require id="tb" title="TB"><document type="tb_igra" result="negative"/></require>
            <require id="ins" title="Insurance"><document type="health_insurance"/></require>
          </requirements>
        """#)
        let manifest = """
        documents:
          "TB_QuantiFERON.pdf": {type: tb_igra, result: negative, date: "2026-12-11"}
          "Health_insurance.pdf": {type: health_insurance, date: "2027-01-05", expires: "2027-12-31"}
        """
        let later = try Fixture.evaluate(plain, files: ["TB_QuantiFERON.pdf", "Health_insurance.pdf"], manifest: manifest)
        for id in ["tb", "ins"] {
            #expect(later.status(of: id) == .invalid, "\(id)")
            #expect(later.result(id)?.reason?.code == "in-future" && later.result(id)?.message.contains("which is in the future") == true,
                    "\(id): \(later.result(id)?.message ?? "")")
        }
        #expect(try Fixture.evaluate(plain, files: ["TB_QuantiFERON.pdf", "Health_insurance.pdf"], manifest: manifest, asOf: "2027-01-05")
                .status(of: "tb") == .ok)
        // A dose booked for later is not the record's date: the doses given by then are.
        let series = Fixture.program(#"<requirements><require id="hepb" title="Hep B"><document type="hepb" minDoses="3"><window anchor="rotation-start" within="10" unit="years"/></document></require></requirements>"#)
        let booked = "documents:\n  \"HepB_vaccine_series.pdf\": {doses: [\"2026-01-01\", \"2026-02-01\", \"2026-07-01\", \"2027-02-01\"]}\n"
        let record = try Fixture.evaluate(series, files: ["HepB_vaccine_series.pdf"], manifest: booked)
        #expect(record.status(of: "hepb") == .ok, "\(record.result("hepb")?.message ?? "")")
    }

    @Test("the standard flu rule: a rotation from July to November needs the shot of its November's season, not last season's")
    func fluSeasonOfTheRotationsEnd() throws {
        let manifest = "documents:\n  \"Flu_vaccine.pdf\": {type: influenza, date: \"2026-10-15\"}\n"
        for start in ["2027-07-12", "2027-08-02"] {
            let xml = Fixture.program("", kind: "visiting-elective", rotation: #"<rotation start="\#(start)" end="2027-11-07"/>"#,
                                      extends: #"<extends checklist="visiting-elective"/>"#)
            let result = try Fixture.evaluate(xml, files: ["Flu_vaccine.pdf"], manifest: manifest, asOf: "2027-05-01")
            #expect(result.status(of: "influenza") == .expiresBeforeNeeded, "\(start): \(result.result("influenza")?.message ?? "")")
        }
        // A rotation inside one season is as before: last October's shot covers a February rotation.
        let winter = Fixture.program("", kind: "visiting-elective", rotation: #"<rotation start="2027-02-01" end="2027-02-26"/>"#,
                                     extends: #"<extends checklist="visiting-elective"/>"#)
        #expect(try Fixture.evaluate(winter, files: ["Flu_vaccine.pdf"], manifest: manifest).status(of: "influenza") == .ok)
        // A rotation from March to August touches the flu months only in March: last winter's shot
        // covers it, where its August end alone would have asked for a shot not given yet.
        let spring = Fixture.program("", kind: "visiting-elective", rotation: #"<rotation start="2027-03-01" end="2027-08-27"/>"#,
                                     extends: #"<extends checklist="visiting-elective"/>"#)
        let long = try Fixture.evaluate(spring, files: ["Flu_vaccine.pdf"], manifest: manifest, asOf: "2027-01-10")
        #expect(long.status(of: "influenza") == .ok, "\(long.result("influenza")?.message ?? "")")
        let older = "documents:\n  \"Flu_vaccine.pdf\": {type: influenza, date: \"2026-03-15\"}\n"
        let expired = try #require(try Fixture.evaluate(spring, files: ["Flu_vaccine.pdf"], manifest: older, asOf: "2027-01-10").result("influenza"))
        #expect(expired.status == .expired)
        #expect(expired.message.contains("before the season that covers 2027-03-31 began (2026-08-01): 2027-03-31 is the rotation end's last day in 11-01/03-31"),
                "\(expired.message)")
    }

    @Test("a yearly period's last day on or before a date: the date inside it, else the period's last day before it")
    func lastDayInPeriod() throws {
        let flu = try #require(MonthDayRange("11-01/03-31"))
        #expect(flu.lastDay(onOrBefore: CalendarDate(iso: "2027-08-27")!) == CalendarDate(iso: "2027-03-31"))
        #expect(flu.lastDay(onOrBefore: CalendarDate(iso: "2027-02-10")!) == CalendarDate(iso: "2027-02-10"))
        #expect(flu.lastDay(onOrBefore: CalendarDate(iso: "2026-11-01")!) == CalendarDate(iso: "2026-11-01"))
        #expect(flu.lastDay(onOrBefore: CalendarDate(iso: "2026-10-31")!) == CalendarDate(iso: "2026-03-31"))
        let summer = try #require(MonthDayRange("06-01/08-31"))
        #expect(summer.lastDay(onOrBefore: CalendarDate(iso: "2027-02-01")!) == CalendarDate(iso: "2026-08-31"))
    }

    @Test("a rotation that has begun is closed, whatever its deadline: none, one after the start, or only a maximum lead time")
    func rotationBegun() throws {
        for extra in ["", #"<deadline date="2027-03-20"/>"#, #"<leadTime maxMonths="2"/>"#] {
            let xml = Fixture.program(#"<requirements><require id="cv" title="CV"><document type="cv"/></require></requirements>"#, extra: extra)
            let during = try Fixture.evaluate(xml, files: ["CV.pdf"], asOf: "2027-03-15")
            #expect(during.status == .closed, "\(extra): \(during.status)")
            let timing = try #require(during.result("deadline"), "\(extra)")
            #expect(timing.status == .expired && timing.reason?.code == "rotation-begun", "\(extra): \(timing.message)")
            #expect(timing.message == "closed: the rotation began on 2027-03-01, 14 days ago", "\(extra): \(timing.message)")
            // The day before it begins, it is open (or, without timing rules, has no timing item).
            let before = try Fixture.evaluate(xml, files: ["CV.pdf"], asOf: "2027-02-28")
            #expect(before.status == .ready, "\(extra): \(before.status)")
        }
    }

    @Test("anchor=deadline is the last day to apply: the rotation start less the lead time when the program gives no deadline")
    func deadlineAnchorCountsTheLeadTime() throws {
        let xml = Fixture.program(#"<requirements><require id="bg" title="Background check"><document type="background_check"><window anchor="deadline" within="1" unit="months"/></document></require></requirements>"#,
                                  extra: #"<leadTime minMonths="3"/>"#)
        let manifest = "documents:\n  \"Background_check.pdf\": {type: background_check, date: \"2026-11-15\"}\n"
        let result = try Fixture.evaluate(xml, files: ["Background_check.pdf"], manifest: manifest)
        // Rotation from 2027-03-01, three months' lead: apply by 2026-12-01, the window 2026-11-01 to then.
        #expect(result.status(of: "bg") == .ok, "\(result.result("bg")?.message ?? "")")
        let old = "documents:\n  \"Background_check.pdf\": {type: background_check, date: \"2026-10-15\"}\n"
        let stale = try #require(try Fixture.evaluate(xml, files: ["Background_check.pdf"], manifest: old).result("bg"))
        #expect(stale.message.contains("the application deadline (2026-12-01)"), "\(stale.message)")
    }

    @Test("doses: a titer is a lab report, never a dose; two negative titers are not two doses")
    func titersAreNotDoses() throws {
        let xml = Fixture.program("""
        <requirements><require id="varicella" title="Varicella"><anyOf>
          <document type="varicella" minDoses="2"/><document type="varicella" result="positive"/>
        </anyOf></require></requirements>
        """)
        let negative = """
        documents:
          "Varicella 2025-03-01.pdf": {result: negative}
          "Varicella 2026-09-14.pdf": {result: negative}
        """
        #expect(try Fixture.evaluate(xml, files: ["Varicella 2025-03-01.pdf", "Varicella 2026-09-14.pdf"], manifest: negative).status(of: "varicella") != .ok)
        // Named as titers, with no result recorded: not doses either, and the result is asked for.
        let named = try Fixture.evaluate(xml, files: ["Varicella titer 2025-03-01.pdf", "Varicella titer 2026-09-14.pdf"])
        #expect(named.status(of: "varicella") == .notEvaluable)
        // Two dated vaccination records, or one record listing two doses, are two doses.
        #expect(try Fixture.evaluate(xml, files: ["Varicella vaccine 2002-06-10.pdf", "Varicella vaccine 2006-06-12.pdf"]).status(of: "varicella") == .ok)
        let doses = "documents:\n  \"Varicella record.pdf\": {doses: [\"2002-06-10\", \"2006-06-12\"]}\n"
        #expect(try Fixture.evaluate(xml, files: ["Varicella record.pdf"], manifest: doses).status(of: "varicella") == .ok)
    }

    @Test("5. expiry covering the rotation plus a margin (passport 6 months beyond the end)")
    func validThroughWithMargin() throws {
        let xml = Fixture.program(#"<requirements><require id="passport" title="Passport"><document type="passport"><validThrough anchor="rotation-end" margin="6" unit="months"/></document></require></requirements>"#)
        #expect(try Fixture.evaluate(xml, files: ["passport_2031-01-01.pdf"]).status(of: "passport") == .ok)
        #expect(try Fixture.evaluate(xml, files: ["passport_2027-06-30.pdf"]).status(of: "passport") == .expiresBeforeNeeded)
        #expect(try Fixture.evaluate(xml, files: ["passport_2026-06-30.pdf"]).status(of: "passport") == .expired)
        #expect(try Fixture.evaluate(xml, files: ["passport.pdf"]).status(of: "passport") == .notEvaluable)
    }

    static let flu = """
      <requirements><require id="flu" title="Influenza">
        <when rotationOverlaps="11-01/03-31"/>
        <document type="influenza"><season anchor="rotation-start" startsOn="08-01"/></document>
      </require></requirements>
    """

    @Test("6. tricky case 2: influenza depends on the rotation's dates, not the shot's age")
    func seasonal() throws {
        let september = Fixture.program(Self.flu, rotation: #"<rotation start="2027-09-06" end="2027-10-01"/>"#)
        let december = Fixture.program(Self.flu, rotation: #"<rotation start="2026-12-07" end="2027-01-01"/>"#)
        let lastOctober = ["flu_2025-10-15.pdf"]
        #expect(try Fixture.evaluate(september, files: lastOctober).status(of: "flu") == .notApplicable)
        #expect(try Fixture.evaluate(december, files: lastOctober).status(of: "flu") == .expired)
        #expect(try Fixture.evaluate(december, files: ["flu_2026-10-01.pdf"]).status(of: "flu") == .ok)
    }

    static let english = """
      <eligibility>
        <english exemptIfInstructionInEnglish="true"><test test="toefl-ibt" minTotal="104" minSection="22" withinYears="2"/></english>
      </eligibility>
    """

    @Test("7/8. tricky case 5: English only if instruction was not in English; totals, sections and recency")
    func conditionalEnglish() throws {
        let xml = Fixture.program("", extra: Self.english)
        let english = "applicant:\n  medicalSchool: {instructionLanguage: en}\n"
        #expect(try Fixture.evaluate(xml, files: [], manifest: english).status(of: "eligibility.english") == .notApplicable)
        let good = """
        applicant:
          medicalSchool: {instructionLanguage: es}
          englishTests: [{test: toefl-ibt, date: "2026-01-10", total: 106, sections: {reading: 27, listening: 26, speaking: 25, writing: 28}}]
        """
        #expect(try Fixture.evaluate(xml, files: [], manifest: good).status(of: "eligibility.english") == .ok)
        let weakSection = good.replacingOccurrences(of: "speaking: 25", with: "speaking: 20")
        #expect(try Fixture.evaluate(xml, files: [], manifest: weakSection).status(of: "eligibility.english") == .ineligible)
        // Three sections of four recorded: the fourth may be the one below, so "each section" is
        // not decided; one recorded below is already a failure.
        let threeSections = good.replacingOccurrences(of: ", writing: 28", with: "")
        #expect(try Fixture.evaluate(xml, files: [], manifest: threeSections).status(of: "eligibility.english") == .notEvaluable)
        let threeOneLow = threeSections.replacingOccurrences(of: "speaking: 25", with: "speaking: 20")
        #expect(try Fixture.evaluate(xml, files: [], manifest: threeOneLow).status(of: "eligibility.english") == .ineligible)
        let old = good.replacingOccurrences(of: "2026-01-10", with: "2023-01-10")
        #expect(try Fixture.evaluate(xml, files: [], manifest: old).status(of: "eligibility.english") == .ineligible)
        // Unknown language of instruction: not evaluable, never a guess.
        #expect(try Fixture.evaluate(xml, files: []).status(of: "eligibility.english") == .notEvaluable)
    }

    @Test("8. exams and English tests left out of the manifest are unknown; an empty list says there are none")
    func unknownVersusNone() throws {
        let xml = Fixture.program("", extra: #"<eligibility><exam exam="usmle-step1"/></eligibility>"# )
        let silent = "applicant: {status: graduate}\n"
        let unknown = try Fixture.evaluate(xml, files: [], manifest: silent)
        #expect(unknown.status(of: "eligibility.exam.usmle-step1") == .notEvaluable)
        #expect(unknown.result("eligibility.exam.usmle-step1")?.message.contains("applicant.exams") == true)
        #expect(unknown.status == .notReady)
        let none = "applicant: {status: graduate, exams: []}\n"
        #expect(try Fixture.evaluate(xml, files: [], manifest: none).status == .ineligible)

        let english = Fixture.program("", extra: Self.english)
        let spanish = "applicant:\n  medicalSchool: {instructionLanguage: es}\n"
        #expect(try Fixture.evaluate(english, files: [], manifest: spanish).status(of: "eligibility.english") == .notEvaluable)
        let noTests = spanish + "  englishTests: []\n"
        #expect(try Fixture.evaluate(english, files: [], manifest: noTests).status(of: "eligibility.english") == .ineligible)
    }

    @Test("7. a requirement conditioned on the profile is not applicable when the condition fails")
    func profileCondition() throws {
        let xml = Fixture.program(#"<requirements><require id="visa" title="Visa"><when usCitizenOrPermanentResident="false"/><document type="visa"/></require></requirements>"#)
        let citizen = "applicant: {usCitizenOrPermanentResident: true}\n"
        #expect(try Fixture.evaluate(xml, files: [], manifest: citizen).status(of: "visa") == .notApplicable)
        let foreign = "applicant: {usCitizenOrPermanentResident: false}\n"
        #expect(try Fixture.evaluate(xml, files: [], manifest: foreign).status(of: "visa") == .missing)
        #expect(try Fixture.evaluate(xml, files: []).status(of: "visa") == .notEvaluable)
    }

    @Test("8. tricky case 10: a numeric cut-off against a pass/fail-only Step 1 is not evaluable")
    func passFailOnlyCutoff() throws {
        let xml = Fixture.program("", extra: #"<eligibility><exam exam="usmle-step1" minScore="220"/></eligibility>"#)
        let passFail = "applicant:\n  exams: [{exam: usmle-step1, date: \"2023-05-10\", result: pass}]\n"
        let result = try Fixture.evaluate(xml, files: [], manifest: passFail)
        #expect(result.status(of: "eligibility.exam.usmle-step1") == .notEvaluable)
        #expect(result.status == .notReady)  // undecided: neither ready nor ineligible
        let warningOnly = Fixture.program("", extra: #"<eligibility><exam exam="usmle-step1" minScore="220" severity="warning"/></eligibility>"#)
        #expect(try Fixture.evaluate(warningOnly, files: [], manifest: passFail).status == .ready)
        let scored = "applicant:\n  exams: [{exam: usmle-step1, date: \"2021-05-10\", result: pass, score: 215}]\n"
        #expect(try Fixture.evaluate(xml, files: [], manifest: scored).status == .ineligible)
        let high = "applicant:\n  exams: [{exam: usmle-step1, date: \"2021-05-10\", result: pass, score: 231}]\n"
        #expect(try Fixture.evaluate(xml, files: [], manifest: high).status(of: "eligibility.exam.usmle-step1") == .ok)
    }

    @Test("8. tricky case 6: visa class, citizenship and intent drive eligibility apart from documents")
    func visaClassAndIntent() throws {
        let xml = Fixture.program("", extra: #"<eligibility><visaClass accepted="B-1 WB"/><noResidencyIntent required="true"/></eligibility>"#)
        #expect(try Fixture.evaluate(xml, files: [], manifest: "applicant: {visaClass: B-1, intendsResidency: false}\n").status == .ready)
        #expect(try Fixture.evaluate(xml, files: [], manifest: "applicant: {visaClass: B-2, intendsResidency: false}\n").status == .ineligible)
        #expect(try Fixture.evaluate(xml, files: [], manifest: "applicant: {visaClass: B-1, intendsResidency: true}\n").status == .ineligible)
        #expect(try Fixture.evaluate(xml, files: [], manifest: "applicant: {visaClass: B1/B2, intendsResidency: false}\n")
            .status(of: "eligibility.visa-class") == .notEvaluable)
    }

    @Test("8. graduates excluded: not graduated before the elective ends")
    func graduatesExcluded() throws {
        let xml = Fixture.program("", extra: #"<eligibility><applicantStatus allowed="student" notGraduatedBefore="rotation-end"/></eligibility>"#)
        #expect(try Fixture.evaluate(xml, files: [], manifest: "applicant: {status: graduate}\n").status == .ineligible)
        #expect(try Fixture.evaluate(xml, files: [], manifest: "applicant: {status: student, graduationDate: \"2027-02-15\"}\n").status == .ineligible)
        #expect(try Fixture.evaluate(xml, files: [], manifest: "applicant: {status: student, graduationDate: \"2027-06-01\"}\n").status == .ready)
    }

    @Test("9. tricky case 3: a qualitative Hep B result fails where a quantitative titer is required")
    func labResults() throws {
        let xml = Fixture.program(#"<requirements><require id="hepb" title="Hep B"><document type="hepb"><titer min="10" unit="mIU/mL"/></document></require></requirements>"#)
        #expect(try Fixture.evaluate(xml, files: ["anti-HBs.pdf"], manifest: "documents:\n  \"anti-HBs.pdf\": {result: positive}\n").status(of: "hepb") == .invalid)
        #expect(try Fixture.evaluate(xml, files: ["anti-HBs.pdf"], manifest: "documents:\n  \"anti-HBs.pdf\": {value: 45, unit: mIU/mL}\n").status(of: "hepb") == .ok)
        #expect(try Fixture.evaluate(xml, files: ["anti-HBs.pdf"], manifest: "documents:\n  \"anti-HBs.pdf\": {value: 8, unit: IU/L}\n").status(of: "hepb") == .invalid)
        #expect(try Fixture.evaluate(xml, files: ["anti-HBs.pdf"], manifest: "documents:\n  \"anti-HBs.pdf\": {value: 0.05, unit: IU/mL}\n").status(of: "hepb") == .ok)
    }

    @Test("14. deadlines and lead time close a program")
    func leadTimeAndDeadline() throws {
        let lead = Fixture.program("", extra: #"<leadTime minDays="60"/>"#)
        #expect(try Fixture.evaluate(lead, files: [], asOf: "2026-12-01").status == .ready)
        #expect(try Fixture.evaluate(lead, files: [], asOf: "2027-01-15").status == .closed)
        let deadline = Fixture.program("", extra: #"<deadline date="2026-11-30"/>"#)
        #expect(try Fixture.evaluate(deadline, files: [], asOf: "2026-12-01").status == .closed)
    }

    @Test("15. severity: a missing warning-level item informs but does not block")
    func severity() throws {
        let xml = Fixture.program(#"<requirements><require id="covid" title="COVID" severity="warning" hint="Add your COVID-19 card."><document type="covid19"/></require></requirements>"#)
        let result = try Fixture.evaluate(xml, files: [])
        #expect(result.status(of: "covid") == .missing)
        #expect(result.status == .ready)
        #expect(result.result("covid")?.hint?.contains("COVID-19 card") == true)
    }

    @Test("16. provenance: each result carries its program's source and as-of date")
    func provenance() throws {
        let result = try Fixture.evaluate(Fixture.program(""), files: [])
        #expect(result.source.href == "https://example.org/rules")
        #expect(result.source.asOf == CalendarDate(iso: "2026-10-01"))
    }

    @Test("extends, remove and tighten build on a standard checklist")
    func inheritance() throws {
        let xml = Fixture.program("""
        <requirements>
          <remove ref="covid19"/>
          <tighten ref="tb"><window anchor="rotation-start" within="3" unit="months"/></tighten>
        </requirements>
        """, extends: #"<extends checklist="observership"/>"#)
        let program = try Fixture.load(xml)
        #expect(!program.requirements.contains { $0.id == "covid19" })
        let tb = try #require(program.requirements.first { $0.id == "tb" })
        var windows: [ValidityWindow] = []
        func collect(_ expression: RequirementExpression) {
            switch expression {
            case let .document(clause): windows += clause.constraints(of: ValidityWindow.self)
            case let .anyOf(items), let .allOf(items): items.forEach(collect)
            }
        }
        collect(tb.expression)
        #expect(windows.contains(ValidityWindow(anchor: .rotationStart, within: 3, unit: .months)))
    }

    @Test("a tighten's <when> narrows an inherited requirement: graduates only, the checklist's item kept")
    func tightenWithCondition() throws {
        let xml = Fixture.program("""
        <requirements>
          <tighten ref="diploma"><when status="graduate"/></tighten>
        </requirements>
        """, extends: #"<extends checklist="observership"/>"#)
        let program = try Fixture.load(xml)
        let diploma = try #require(program.requirements.first { $0.id == "diploma" })
        #expect(diploma.condition?.status == .graduate)
        #expect(diploma.title == "Medical diploma" && diploma.origin == "observership+test-program")
        // A student is not asked for it; a graduate without one is.
        let student = try Fixture.evaluate(xml, files: [], manifest: "applicant:\n  status: student\n")
        #expect(student.status(of: "diploma") == .notApplicable)
        let graduate = try Fixture.evaluate(xml, files: [], manifest: "applicant:\n  status: graduate\n")
        #expect(graduate.status(of: "diploma") == .missing)
    }

    @Test("a tighten's <when> that contradicts the requirement's own is an error at the tighten; an equal one is not")
    func tightenConditionConflicts() throws {
        let checklist = """
        <requirements>
          <require id="toefl" title="TOEFL">
            <when instructionInEnglish="false" status="graduate"/>
            <document type="english_test"/>
          </require>
          <tighten ref="toefl"><when instructionInEnglish="true" status="graduate" intendsResidency="true"/></tighten>
        </requirements>
        """
        #expect {
            try Fixture.load(Fixture.program(checklist))
        } throws: { error in
            let text = "\(error)"
            return text.contains("tightens \"toefl\" with a <when> whose instructionInEnglish differs from that requirement's own; it could never apply")
                && !text.contains("status")
        }
        let same = checklist.replacingOccurrences(of: #"instructionInEnglish="true""#, with: #"instructionInEnglish="false""#)
        let toefl = try #require(try Fixture.load(Fixture.program(same)).requirements.first { $0.id == "toefl" })
        #expect(toefl.condition?.instructionInEnglish == false && toefl.condition?.status == .graduate && toefl.condition?.intendsResidency == true)
    }
}
