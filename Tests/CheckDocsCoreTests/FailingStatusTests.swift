import Testing
@testable import CheckDocsNative
@testable import CheckDocsCore

/// A constraint's status alone (`failingStatus`, read when a program is decided from its
/// statuses: docs/performance.md, "Statuses without findings") is the status its `check` gives,
/// for every kind that answers without making a finding, on every side of each of its limits.
@Suite struct FailingStatusTests {
    static let asOf = CalendarDate(iso: "2026-12-01")!
    static let dates = ProgramDates(asOf: asOf, rotation: Rotation(start: CalendarDate(iso: "2027-01-04")!, end: CalendarDate(iso: "2027-01-29")!),
                                    deadline: CalendarDate(iso: "2026-12-15")!)
    static let context = ClauseContext(
        evaluation: EvaluationContext(asOf: asOf, profile: ApplicantProfile(), hasManifest: true, catalog: Fixture.knowledge.catalog, documents: []),
        dates: dates)

    /// Documents dated, dosed, expiring and with results all around the program's days, and without any of it.
    static let documents: [ApplicantDocument] = {
        let days: [String?] = [nil, "2024-12-31", "2025-01-04", "2025-06-30", "2025-12-01", "2025-12-02", "2026-06-01", "2026-11-30",
                               "2026-12-01", "2026-12-02", "2026-12-15", "2027-01-04", "2027-01-05", "2027-01-29", "2027-01-30",
                               "2027-07-29", "2028-01-01"]
        var documents: [ApplicantDocument] = []
        for (index, day) in days.enumerated() {
            for result in [nil, LabResult.negative, .positive] {
                var facts = DocumentFacts()
                facts.date = index % 3 == 1 ? nil : day.flatMap { CalendarDate(iso: $0) }
                facts.doses = index % 3 == 1 ? [day, "2024-01-01"].compactMap { $0.flatMap { CalendarDate(iso: $0) } } : []
                facts.expires = days[(index + 5) % days.count].flatMap { CalendarDate(iso: $0) }
                facts.result = result
                documents.append(ApplicantDocument(path: FilePath("d\(index).pdf"), size: 1, type: "tb_igra", classifiedBy: nil, facts: facts))
            }
        }
        return documents
    }()

    static let constraints: [any DocumentConstraint] = {
        var constraints: [any DocumentConstraint] = [LabResultConstraint(required: .negative), LabResultConstraint(required: .positive)]
        for anchor in [Anchor.rotationStart, .rotationEnd, .deadline, .asOf] {
            for (amount, unit) in [(0, DurationUnit.days), (30, .days), (6, .months), (12, .months), (1, .years)] {
                constraints.append(ValidityWindow(anchor: anchor, within: max(amount, 1), unit: unit))
                constraints.append(ValidThrough(anchor: anchor, margin: amount, unit: unit))
            }
        }
        return constraints
    }()

    @Test("each kind's failingStatus is its check's status, for every document and constraint")
    func sameAsCheck() {
        // Per kind: how many files passed and how many failed.
        var outcomes: [String: (passed: Int, failed: Int)] = [:]
        for constraint in Self.constraints {
            let kind = "\(type(of: constraint))"
            for document in Self.documents {
                let checked = constraint.check(document, in: Self.context)?.status
                #expect(constraint.failingStatus(document, in: Self.context) == checked, "\(constraint) on \(document.facts)")
                outcomes[kind, default: (0, 0)].passed += checked == nil ? 1 : 0
                outcomes[kind, default: (0, 0)].failed += checked == nil ? 0 : 1
            }
        }
        // Both sides of every kind's limits were reached, and failures of each status these kinds give.
        #expect(outcomes.count == 3 && outcomes.values.allSatisfy { $0.passed > 0 && $0.failed > 0 }, "\(outcomes)")
        let statuses = Set(Self.constraints.flatMap { constraint in Self.documents.compactMap { constraint.check($0, in: Self.context)?.status } })
        #expect(statuses == [.notEvaluable, .invalid, .expired, .expiresBeforeNeeded])
    }
}
