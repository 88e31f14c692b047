import Foundation
import Testing

/// Dates and durations at and past the range checkdocs accepts (docs/format.md, "Dates and
/// durations"; docs/security.md, "Date arithmetic is total"). Each case was found trapping the
/// binary (exit 132); every run goes through `Sandbox.runChecked` (no crash, no hang, nothing
/// written into the applicant folder).
@Suite struct DateRangeTests {
    static let asOf = ["--as-of", "2026-12-01"]

    /// An observership on the standard checklist, which has the flu-season rule (`rotationOverlaps`
    /// and `season`), with optional extra XML inside `<requirements>`.
    static func programXML(start: String = "2027-04-05", end: String = "2027-04-30", leadDays: Int = 60, requirements: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <program xmlns="urn:checkdocs:program:1" schemaVersion="1" id="dates" kind="observership">
          <name>Dates</name>
          <institution>Example Hospital</institution>
          <source href="https://example.org/dates" asOf="2026-10-01"/>
          <extends checklist="observership"/>
          <rotation start="\(start)" end="\(end)"/>
          <leadTime minDays="\(leadDays)"/>
          <requirements>
        \(requirements)
          </requirements>
        </program>
        """
    }

    static func programJSON(start: String = "2027-04-05", end: String = "2027-04-30", leadDays: Int = 60, requirements: String = "") -> String {
        """
        {"schemaVersion": 1, "program": {"id": "dates", "kind": "observership", "name": "Dates",
         "institution": "Example Hospital", "source": {"href": "https://example.org/dates", "asOf": "2026-10-01"},
         "extends": ["observership"], "rotation": {"start": "\(start)", "end": "\(end)"}, "leadTime": {"minDays": \(leadDays)},
         "requirements": [\(requirements)]}}
        """
    }

    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// `lint` and `check` (and `plan`) all refuse the file with exit 2 and the same located error.
    static func expectRefused(_ box: Sandbox, _ path: String, _ location: String, _ message: String,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        for arguments in [["lint", path], [box.folder, "--programs", path] + asOf, ["plan", box.folder, "--programs", path] + asOf] {
            let run = try box.runChecked(arguments, sourceLocation: sourceLocation)
            #expect(run.status == 2, "\(arguments.first ?? ""): exit \(run.status) \(run.stderr.prefix(300))", sourceLocation: sourceLocation)
            #expect(run.stdout.isEmpty || arguments.first == "lint", sourceLocation: sourceLocation)
            #expect(run.stderr.contains(location), "\(arguments.first ?? ""): no \(location) in \(run.stderr.prefix(300))", sourceLocation: sourceLocation)
            #expect(run.stderr.contains(message), "\(arguments.first ?? ""): no \(message) in \(run.stderr.prefix(300))", sourceLocation: sourceLocation)
        }
    }

    @Test("a window of 2027 years is refused by lint, check and plan, in XML and JSON")
    func windowOfCenturies() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let xml = box.inputs + "/window.xml", json = box.inputs + "/window.json"
        try Self.write(Self.programXML(requirements: """
            <require id="tb-old" title="TB test"><document type="tb_test"><window anchor="rotation-start" within="2027" unit="years"/></document></require>
        """), to: xml)
        try Self.write(Self.programJSON(requirements: """
            {"id": "tb-old", "title": "TB test", "document": {"type": "tb_test", "windows": [{"anchor": "rotation-start", "within": 2027, "unit": "years"}]}}
        """), to: json)
        try Self.expectRefused(box, xml, "window.xml:10:", "2027 years is more than checkdocs accepts")
        try Self.expectRefused(box, json, "window.json: /program/requirements/0/document/windows/0/within:", "2027 is above the maximum 100")
    }

    @Test("every unit has its bound: 1201 months and 36501 days are refused, 1200 months and 36500 days are not")
    func windowBoundsPerUnit() throws {
        let box = try Sandbox()
        defer { box.remove() }
        for (within, unit, refused) in [(1201, "months", true), (36501, "days", true), (1200, "months", false), (36500, "days", false), (100, "years", false)] {
            let xml = box.inputs + "/w-\(within)-\(unit).xml", json = box.inputs + "/w-\(within)-\(unit).json"
            try Self.write(Self.programXML(requirements: """
                <require id="tb-old" title="TB test"><document type="tb_test"><window anchor="rotation-start" within="\(within)" unit="\(unit)"/></document></require>
            """), to: xml)
            try Self.write(Self.programJSON(requirements: """
                {"id": "tb-old", "title": "TB test", "document": {"type": "tb_test", "windows": [{"anchor": "rotation-start", "within": \(within), "unit": "\(unit)"}]}}
            """), to: json)
            for path in [xml, json] {
                let lint = try box.runChecked(["lint", path])
                #expect(lint.status == (refused ? 2 : 0), "\(path): \(lint.stderr)")
                let check = try box.runChecked([box.folder, "--programs", path] + Self.asOf)
                #expect(refused ? check.status == 2 : [0, 1].contains(check.status), "\(path): \(check.stderr.prefix(300))")
            }
        }
    }

    @Test("a validThrough margin of 200 years is refused in both formats, with validThrough's own limits")
    func marginOfCenturies() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let xml = box.inputs + "/margin.xml", json = box.inputs + "/margin.json"
        try Self.write(Self.programXML(requirements: """
            <require id="passport-long" title="Passport"><document type="passport"><validThrough anchor="rotation-end" margin="200" unit="years"/></document></require>
        """), to: xml)
        try Self.write(Self.programJSON(requirements: """
            {"id": "passport-long", "title": "Passport", "document": {"type": "passport", "validThrough": {"anchor": "rotation-end", "margin": 200, "unit": "years"}}}
        """), to: json)
        // Not a window's 36500 days and 1200 months: a margin is a count, at most 1000.
        try Self.expectRefused(box, xml, "margin.xml:10:", "<validThrough> margin: 200 years is more than checkdocs accepts (at most 1000 days, 1000 months or 100 years)")
        try Self.expectRefused(box, json, "margin.json: /program/requirements/0/document/validThrough/margin:", "200 is above the maximum 100")
    }

    @Test("--as-of 9999-12-31 and 0001-01-01 are command-line errors (64) in check and plan")
    func asOfOutsideTheRange() throws {
        let box = try Sandbox()
        defer { box.remove() }
        for date in ["9999-12-31", "0001-01-01", "1899-12-31", "2201-01-01"] {
            for arguments in [[box.folder, "--as-of", date], ["plan", box.folder, "--as-of", date]] {
                let run = try box.runChecked(arguments)
                #expect(run.status == 64, "\(arguments): exit \(run.status) \(run.stderr.prefix(300))")
                #expect(run.stdout.isEmpty)
                #expect(run.stderr.contains("--as-of \(date) is outside the dates checkdocs accepts (1900-01-01 to 2200-12-31)"), "\(run.stderr)")
            }
        }
    }

    @Test("the first and last accepted days as --as-of run the standard checklists without a trap")
    func asOfAtTheEnds() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.file("passport 2030-01-01.pdf")
        try box.file("TB test 2026-05-14.pdf")
        for date in ["1900-01-01", "2200-12-31"] {
            for arguments in [[box.folder, "--as-of", date, "--format", "json"], ["plan", box.folder, "--as-of", date, "--format", "json"]] {
                let run = try box.runChecked(arguments)
                #expect(arguments.first == "plan" ? run.status == 0 : [0, 1].contains(run.status), "\(arguments): exit \(run.status) \(run.stderr.prefix(300))")
                #expect(run.stdout.contains("\"\(date)\""), "\(arguments): the report does not carry its date")
            }
        }
    }

    @Test("rotations in year 1 and year 9999 are refused where they are written, in XML and JSON")
    func rotationsAtTheEndsOfTheCalendar() throws {
        let box = try Sandbox()
        defer { box.remove() }
        for (start, end, facet) in [("0001-01-05", "0001-02-01", "minimum"), ("9999-12-01", "9999-12-31", "maximum")] {
            let xml = box.inputs + "/rotation-\(start).xml", json = box.inputs + "/rotation-\(start).json"
            try Self.write(Self.programXML(start: start, end: end), to: xml)
            try Self.write(Self.programJSON(start: start, end: end), to: json)
            try Self.expectRefused(box, xml, "rotation-\(start).xml:7:", "The value '\(start)' is \(facet == "minimum" ? "less" : "greater") than the \(facet) value allowed")
            try Self.expectRefused(box, json, "rotation-\(start).json: /program/rotation/start:",
                                   "the date \(start) is outside the dates checkdocs accepts (1900-01-01 to 2200-12-31)")
        }
    }

    @Test("rotations on the first and last accepted days go through the season and overlap rules")
    func rotationsAtTheEndsOfTheRange() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.file("flu shot 1900-01-02.pdf")
        for (start, end, asOf) in [("1900-01-01", "1900-01-31", "1900-01-01"), ("2200-12-01", "2200-12-31", "2200-06-01")] {
            for (name, text) in [("edge-\(start).xml", Self.programXML(start: start, end: end)), ("edge-\(start).json", Self.programJSON(start: start, end: end))] {
                let path = box.inputs + "/" + name
                try Self.write(text, to: path)
                let run = try box.runChecked([box.folder, "--programs", path, "--as-of", asOf, "--format", "json"])
                #expect([0, 1].contains(run.status), "\(name): exit \(run.status) \(run.stderr.prefix(300))")
                // The rotation is inside 11-01/03-31, so the flu rule applies and is evaluated.
                #expect(run.stdout.contains("\"influenza\""), "\(name): no flu-season requirement in the report")
                let plan = try box.runChecked(["plan", box.folder, "--programs", path, "--as-of", asOf, "--format", "json"])
                #expect(plan.status == 0, "\(name): plan exit \(plan.status) \(plan.stderr.prefix(300))")
            }
        }
    }

    @Test("a lead time of a century prints its apply-by date in full; one day more is refused")
    func centuryLeadTime() throws {
        let box = try Sandbox()
        defer { box.remove() }
        for ext in ["xml", "json"] {
            let path = box.inputs + "/lead.\(ext)"
            try Self.write(ext == "xml" ? Self.programXML(leadDays: 36500) : Self.programJSON(leadDays: 36500), to: path)
            // 2027-04-05 minus 36500 days: 100 years (36525 days, 25 leap days) less 25 days.
            let plan = try box.runChecked(["plan", box.folder, "--programs", path, "--format", "json"] + Self.asOf)
            #expect(plan.status == 0, "\(plan.stderr.prefix(300))")
            #expect(plan.stdout.contains("\"applyBy\": \"1927-04-30\""), "\(plan.stdout.prefix(600))")
            let check = try box.runChecked([box.folder, "--programs", path, "--format", "json"] + Self.asOf)
            #expect(check.stdout.contains("\"applyBy\": \"1927-04-30\""), "\(check.stdout.prefix(600))")
            #expect(check.stdout.contains("so by 1927-04-30"))

            // The attacker's case: a century before a rotation in year 50 printed "00+0-04-30".
            let early = box.inputs + "/lead-early.\(ext)"
            try Self.write(ext == "xml" ? Self.programXML(start: "0050-04-05", end: "0050-04-30", leadDays: 36500)
                                        : Self.programJSON(start: "0050-04-05", end: "0050-04-30", leadDays: 36500), to: early)
            let earlyPlan = try box.runChecked(["plan", box.folder, "--programs", early, "--format", "json"] + Self.asOf)
            #expect(earlyPlan.status == 2, "\(earlyPlan.stdout.prefix(300))")
            #expect(!earlyPlan.stdout.contains("+0-"), "\(earlyPlan.stdout.prefix(300))")
            try Self.expectRefused(box, early, ext == "xml" ? "lead-early.xml:7:" : "lead-early.json: /program/rotation/start:",
                                   ext == "xml" ? "'0050-04-05'" : "the date 0050-04-05 is outside")

            let over = box.inputs + "/lead-over.\(ext)"
            try Self.write(ext == "xml" ? Self.programXML(leadDays: 36501) : Self.programJSON(leadDays: 36501), to: over)
            try Self.expectRefused(box, over, ext == "xml" ? "lead-over.xml:8:" : "lead-over.json: /program/leadTime/minDays:",
                                   ext == "xml" ? "'36501'" : "36501 is above the maximum 36500")
        }
    }

    @Test("manifest and waiver dates outside the range are input errors with their pointer")
    func manifestAndWaiverDates() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.file("passport.pdf")
        try box.file("checkdocs.yaml", """
        schemaVersion: 1
        documents:
          "passport.pdf":
            expires: "9999-12-31"
        """)
        let manifest = try box.runChecked([box.folder] + Self.asOf)
        #expect(manifest.status == 2)
        #expect(manifest.stderr.contains("/documents/passport.pdf/expires"), "\(manifest.stderr)")
        #expect(manifest.stderr.contains("the date 9999-12-31 is outside the dates checkdocs accepts"), "\(manifest.stderr)")

        let other = try Sandbox()
        defer { other.remove() }
        let waivers = other.inputs + "/waivers.yaml"
        try Self.write("""
        schemaVersion: 1
        waivers:
          - {requirement: tb, program: "*", reason: "agreed", expires: "0001-01-01"}
        """, to: waivers)
        let waived = try other.runChecked([other.folder, "--waivers", waivers] + Self.asOf)
        #expect(waived.status == 2)
        #expect(waived.stderr.contains("/waivers/0/expires"), "\(waived.stderr)")
        #expect(waived.stderr.contains("the date 0001-01-01 is outside the dates checkdocs accepts"), "\(waived.stderr)")
    }
}
