import Foundation
import Testing
@testable import CheckDocsNative
@testable import CheckDocsCore

/// The `usce` eligibility rule (docs/programs.md, "`usce`") and the manifest's `applicant.usce`
/// (docs/manifest.md): how months are counted, overlap, the recency window, hands-on, specialty,
/// and the certificate each stint needs.
@Suite struct USCETests {
    static func date(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    /// The `usce` result of a residency program with `rule` (no rotation, so anchors fall back to
    /// the as-of date, 2026-12-01), for a folder of `files` and this `applicant:` block.
    static func result(_ rule: String, applicant: String?, files: [String] = [], contents: [String: [UInt8]] = [:],
                       asOf: String = "2026-12-01") throws -> RequirementResult {
        let program = Fixture.program("", kind: "residency", rotation: nil, extra: "<eligibility>\(rule)</eligibility>")
        let manifest = applicant.map { "applicant:\n" + $0 }
        let evaluated = try Fixture.evaluate(program, files: files, contents: contents, manifest: manifest, asOf: asOf)
        return try #require(evaluated.result("eligibility.usce"))
    }

    // MARK: Counting months

    @Test("months are calendar months: a day to the day before the same day of a later month is whole, at month ends too; the rest is a fraction of its month")
    func calendarMonths() {
        func months(_ first: String, _ last: String) -> Double { USCECheck.months(from: Self.date(first), through: Self.date(last)) }
        #expect(months("2026-01-01", "2026-03-31") == 3)      // 90 days: 2.96 by days / 30.44, 3 by the calendar
        #expect(months("2026-01-15", "2026-04-14") == 3)
        #expect(months("2026-02-01", "2026-02-28") == 1)
        #expect(months("2024-02-01", "2024-02-29") == 1)      // leap year
        #expect(months("2026-01-31", "2026-02-27") == 1)      // Jan 31 + 1 month is Feb 28: the day after Feb 27
        #expect(months("2026-01-31", "2026-03-30") == 2)      // Jan 31 + 2 months is Mar 31
        #expect(months("2025-12-01", "2026-11-30") == 12)     // across the new year
        #expect(months("2026-01-01", "2026-01-16") == 16.0 / 31)
        #expect(months("2026-03-10", "2026-03-10") == 1.0 / 31)
        #expect(USCECheck.format(2.999_999_999_9) == "3.0" && USCECheck.format(2.96) == "2.9" && USCECheck.format(0) == "0.0")
    }

    @Test("overlapping and touching stints count each day once")
    func overlapCountsOnce() {
        let parts = [Self.date("2026-01-01")...Self.date("2026-02-28"), Self.date("2026-02-01")...Self.date("2026-03-31"),
                     Self.date("2026-04-01")...Self.date("2026-04-30"), Self.date("2026-02-10")...Self.date("2026-02-20")]
        #expect(USCECheck.months(in: parts) == 4)
    }

    // MARK: The rule

    /// An externship from Oct 2025 to Jan 2026 (half of it before the 12-month window that opens
    /// 2025-12-01) and a hands-on rotation in Jan–Feb 2026 that overlaps it, both with certificates.
    static let overlapping = """
      usce:
        - {kind: externship, specialty: Family Medicine, institution: Hospital A, start: "2025-10-01", end: "2026-01-31", certificate: "usce/Externship certificate A.pdf"}
        - {kind: hands-on, specialty: Family Medicine, institution: Hospital B, start: "2026-01-01", end: "2026-02-28", certificate: "usce/Rotation certificate B.pdf"}
    """
    static let certificates = ["usce/Externship certificate A.pdf", "usce/Rotation certificate B.pdf"]

    @Test("overlapping USCE partly outside the recency window: only the days inside count, each once")
    func overlapAndWindow() throws {
        // Inside the window: 2025-12-01 – 2026-02-28, three months (five without the window, four
        // if January were counted twice).
        let met = try Self.result(#"<usce minMonths="3" handsOn="true" withinMonths="12"/>"#, applicant: Self.overlapping, files: Self.certificates)
        #expect(met.status == .ok)
        #expect(met.message == "3.0 months of hands-on US clinical experience in the 12 months before today (2025-12-01 – 2026-12-01)")

        let short = try Self.result(#"<usce minMonths="4" handsOn="true" withinMonths="12"/>"#, applicant: Self.overlapping, files: Self.certificates)
        #expect(short.status == .ineligible)
        #expect(short.message == "3.0 of 4 months hands-on in the 12 months before today (2025-12-01 – 2026-12-01); "
                + "the Oct 2025 externship at Hospital A counts only from 2025-12-01 – 2026-01-31 (the rest is outside the window)")
        #expect(short.reason?.kind == "usce" && short.reason?.code == "too-few-months")
        #expect(short.reason?.fields == [
            .init(key: "months", value: .number(3)), .init(key: "minMonths", value: .number(4)), .init(key: "handsOn", value: .bool(true)),
            .init(key: "withinMonths", value: .int(12)), .init(key: "anchor", value: .string("as-of")),
            .init(key: "from", value: .date(Self.date("2025-12-01"))), .init(key: "through", value: .date(Self.date("2026-12-01"))),
            .init(key: "notCounted", value: .strings(["2025-10-01..2026-01-31 externship: partly-outside-window"])),
        ])

        // Without a window every day counts: 2025-10-01 – 2026-02-28 is five months.
        let anyTime = try Self.result(#"<usce minMonths="5" handsOn="true"/>"#, applicant: Self.overlapping, files: Self.certificates)
        #expect(anyTime.status == .ok && anyTime.message == "5.0 months of hands-on US clinical experience")
    }

    @Test("observerships do not count toward hands-on experience, and the message says which one")
    func observershipDoesNotCount() throws {
        let applicant = """
          usce:
            - {kind: observership, institution: Sinai Hospital, start: "2026-02-01", end: "2026-02-28", certificate: "Observership certificate.pdf"}
            - {kind: hands-on, institution: Hospital B, start: "2026-03-01", end: "2026-04-30", certificate: "Rotation certificate B.pdf"}
        """
        let files = ["Observership certificate.pdf", "Rotation certificate B.pdf"]
        let handsOn = try Self.result(#"<usce minMonths="3" handsOn="true" withinMonths="12"/>"#, applicant: applicant, files: files)
        #expect(handsOn.status == .ineligible)
        #expect(handsOn.message == "2.0 of 3 months hands-on in the 12 months before today (2025-12-01 – 2026-12-01); "
                + "the Feb 2026 observership at Sinai Hospital does not count (an observership is not hands-on)")
        // A rule that does not ask for hands-on experience counts the observership.
        #expect(try Self.result(#"<usce minMonths="3" withinMonths="12"/>"#, applicant: applicant, files: files).status == .ok)
    }

    @Test("experience without its certificate in the folder is not counted: not evaluable when it would be enough, naming what to add")
    func evidenceMissing() throws {
        let applicant = """
          usce:
            - {kind: externship, institution: Hospital A, start: "2026-01-01", end: "2026-03-31"}
            - {kind: hands-on, institution: Hospital B, start: "2026-05-01", end: "2026-07-31", certificate: "usce/Missing letter.pdf"}
        """
        let unproven = try Self.result(#"<usce minMonths="6" handsOn="true"/>"#, applicant: applicant)
        #expect(unproven.status == .notEvaluable)
        #expect(unproven.reason?.code == "not-proven")
        #expect(unproven.message == "0.0 of 6 months hands-on are proven; 6.0 with the experience not yet proven; "
                + "the Jan 2026 externship at Hospital A has no `certificate:` in the manifest naming its certificate in the folder; "
                + "the May 2026 hands-on rotation at Hospital B: its certificate `usce/Missing letter.pdf` is not in the folder as a USCE certificate")
        #expect(unproven.reason?.fields.last == .init(key: "possibleMonths", value: .number(6)))
        // Too few months even with them: ineligible, and the stints still named.
        let short = try Self.result(#"<usce minMonths="7" handsOn="true"/>"#, applicant: applicant)
        #expect(short.status == .ineligible && short.message.hasPrefix("0.0 of 7 months hands-on; the Jan 2026 externship"))
    }

    @Test("a certificate that fails the baseline check (empty, or not what its name says) proves nothing")
    func unusableCertificate() throws {
        let applicant = """
          usce:
            - {kind: hands-on, institution: Hospital A, start: "2026-01-01", end: "2026-06-30", certificate: "USCE certificate.pdf"}
        """
        let empty = try Self.result(#"<usce minMonths="6"/>"#, applicant: applicant, contents: ["USCE certificate.pdf": []])
        #expect(empty.status == .notEvaluable)
        #expect(empty.message.hasSuffix("the Jan 2026 hands-on rotation at Hospital A: its certificate `USCE certificate.pdf` cannot be used (it is empty (0 bytes); add the real file)"))
        let notPDF = try Self.result(#"<usce minMonths="6"/>"#, applicant: applicant, contents: ["USCE certificate.pdf": Array("plain text".utf8)])
        #expect(notPDF.status == .notEvaluable && notPDF.reason?.fields.contains(
            .init(key: "notCounted", value: .strings(["2026-01-01..2026-06-30 hands-on: certificate-unusable"]))) == true)
        #expect(try Self.result(#"<usce minMonths="6"/>"#, applicant: applicant, files: ["USCE certificate.pdf"]).status == .ok)
    }

    @Test("a specialty rule counts the stints in that specialty (case and punctuation aside); an unrecorded specialty is not evaluable")
    func specialty() throws {
        let applicant = """
          usce:
            - {kind: hands-on, specialty: "Family Medicine", start: "2026-01-01", end: "2026-03-31", certificate: "FM rotation certificate.pdf"}
            - {kind: hands-on, specialty: "Internal Medicine", institution: Hospital C, start: "2026-04-01", end: "2026-06-30", certificate: "IM rotation certificate.pdf"}
            - {kind: hands-on, start: "2026-07-01", end: "2026-09-30", certificate: "Third rotation certificate.pdf"}
        """
        let files = ["FM rotation certificate.pdf", "IM rotation certificate.pdf", "Third rotation certificate.pdf"]
        #expect(try Self.result(#"<usce minMonths="3" specialty="family-medicine"/>"#, applicant: applicant, files: files).status == .ok)
        let unknown = try Self.result(#"<usce minMonths="6" specialty="family-medicine"/>"#, applicant: applicant, files: files)
        #expect(unknown.status == .notEvaluable)
        #expect(unknown.message.contains("the Jul 2026 hands-on rotation has no `specialty:` in the manifest"))
        #expect(unknown.message.contains("the Apr 2026 hands-on rotation at Hospital C does not count (Internal Medicine)"))
        #expect(try Self.result(#"<usce minMonths="9" specialty="family-medicine internal-medicine"/>"#, applicant: applicant, files: files).status == .notEvaluable)
    }

    @Test("experience not yet done, or ended before the window, does not count; the anchor can be the deadline")
    func datesOutside() throws {
        let applicant = """
          usce:
            - {kind: hands-on, institution: Hospital D, start: "2024-01-01", end: "2024-06-30", certificate: "Old rotation certificate.pdf"}
            - {kind: externship, institution: Hospital E, start: "2027-01-04", end: "2027-03-31", certificate: "Externship letter E.pdf"}
        """
        let files = ["Old rotation certificate.pdf", "Externship letter E.pdf"]
        let result = try Self.result(#"<usce minMonths="3" withinMonths="12"/>"#, applicant: applicant, files: files)
        #expect(result.status == .ineligible)
        #expect(result.message == "0.0 of 3 months in the 12 months before today (2025-12-01 – 2026-12-01); "
                + "the Jan 2024 hands-on rotation at Hospital D does not count (it ended 2024-06-30, before 2025-12-01); "
                + "the Jan 2027 externship at Hospital E does not count yet (it starts 2027-01-04)")
        // Anchored to a deadline months away, the window reaches back to 2025-03-31; still, only
        // days up to today count, so the 2024 rotation stays out.
        let program = Fixture.program("", kind: "residency", rotation: nil,
                                      extra: #"<deadline date="2027-03-31"/><eligibility><usce minMonths="3" withinMonths="12" anchor="deadline"/></eligibility>"#)
        let anchored = try #require(try Fixture.evaluate(program, files: files, manifest: "applicant:\n" + applicant).result("eligibility.usce"))
        #expect(anchored.message.hasPrefix("0.0 of 3 months in the 12 months before the application deadline (2026-03-31 – 2026-12-01)"))
        // A deadline already past closes the window before today: a later stint is after it.
        let past = Fixture.program("", kind: "residency", rotation: nil,
                                   extra: #"<deadline date="2026-06-30"/><eligibility><usce minMonths="3" withinMonths="12" anchor="deadline"/></eligibility>"#)
        let late = "  usce:\n    - {kind: hands-on, institution: Hospital F, start: \"2026-07-01\", end: \"2026-10-31\", certificate: \"Old rotation certificate.pdf\"}\n"
        let afterWindow = try #require(try Fixture.evaluate(past, files: files, manifest: "applicant:\n" + late).result("eligibility.usce"))
        #expect(afterWindow.message == "0.0 of 3 months in the 12 months before the application deadline (2025-06-30 – 2026-06-30); "
                + "the Jul 2026 hands-on rotation at Hospital F does not count (it starts after 2026-06-30)")
    }

    @Test("no usce in the manifest is not evaluable naming `applicant.usce`; an empty list is none")
    func unknownAndNone() throws {
        let unknown = try Self.result(#"<usce minMonths="6"/>"#, applicant: "  name: Ana Lima\n")
        #expect(unknown.status == .notEvaluable && unknown.reason?.code == "not-in-manifest")
        #expect(unknown.reason?.fields == [.init(key: "field", value: .string("applicant.usce"))])
        let none = try Self.result(#"<usce minMonths="6"/>"#, applicant: "  usce: []\n")
        #expect(none.status == .ineligible && none.message == "0.0 of 6 months")
    }

    @Test("the title says the rule")
    func title() {
        #expect(USCECheck(minMonths: 6, handsOn: true, withinMonths: 12, specialties: ["family-medicine"]).title
                == "At least 6 months of hands-on US clinical experience in family medicine within the 12 months before today (observerships do not count), each stint with its certificate")
        #expect(USCECheck(minMonths: 1).title == "At least 1 month of US clinical experience, each stint with its certificate")
    }

    // MARK: Impossible values

    @Test("a stint that ends before it starts is a manifest error at its `end`")
    func endBeforeStart() throws {
        let folder = try TemporaryFolder(manifest: """
        applicant:
          usce:
            - {kind: externship, start: "2026-01-01", end: "2026-01-31"}
            - {kind: observership, start: "2026-03-01", end: "2026-02-01"}
        """)
        defer { folder.remove() }
        let loader = ManifestLoader(schemas: Fixture.knowledge.schemas, catalog: Fixture.knowledge.catalog)
        let error = #expect(throws: InputErrors.self) { _ = try loader.load(folder: folder.path) }
        #expect(error?.errors == [InputError(SourceLocation(file: folder.path + "/checkdocs.yaml", position: .pointer("/applicant/usce/1/end")),
                                             "the experience ends (2026-02-01) before it starts (2026-03-01)")])
    }

    @Test("a stint of an unknown kind, or without dates, is a manifest error", arguments: [
        #"{kind: residency, start: "2026-01-01", end: "2026-01-31"}"#,
        #"{kind: externship, start: "2026-01-01"}"#,
        #"{kind: externship, start: "2026-02-30", end: "2026-03-31"}"#,
    ])
    func malformedStint(_ stint: String) throws {
        let folder = try TemporaryFolder(manifest: "applicant:\n  usce:\n    - \(stint)\n")
        defer { folder.remove() }
        #expect(throws: InputErrors.self) {
            _ = try ManifestLoader(schemas: Fixture.knowledge.schemas, catalog: Fixture.knowledge.catalog).load(folder: folder.path)
        }
    }

    @Test("a certificate is classified by the names people give it")
    func certificateAliases() {
        let classifier = DocumentClassifier(catalog: Fixture.knowledge.catalog)
        for name in ["USCE certificate", "Observership certificate", "completion letter", "Externship letter Mercy", "us clinical experience"] {
            let words = name.lowercased().split(separator: " ").map(String.init)
            guard case let .type(type, _) = classifier.classify(words: words) else { Issue.record("\(name) is not classified"); continue }
            #expect(type == "usce_certificate", "\(name)")
        }
    }
}
