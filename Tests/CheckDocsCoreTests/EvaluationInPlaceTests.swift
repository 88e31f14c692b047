import Foundation
import Testing
@testable import CheckDocsNative
@testable import CheckDocsCore

/// The evaluation's in-place shortcuts (docs/performance.md, "Allocations per evaluation, second
/// round") against the straightforward forms they replace: the same answers on the inputs where
/// the shortcut applies, on both sides of its limit, and where it does not apply.
@Suite struct EvaluationInPlaceTests {
    /// The units as the conversion table had them compared: lower-cased, without spaces.
    static func reference(_ value: Double, from unit: String, to target: String) -> Double? {
        let table: [String: Double] = ["miu/ml": 1, "iu/l": 1, "miu-ml": 1, "iu/ml": 1000, "iu-ml": 1000, "u/ml": 1000, "mu/ml": 1]
        let from = unit.lowercased().replacingOccurrences(of: " ", with: "")
        let to = target.lowercased().replacingOccurrences(of: " ", with: "")
        if from == to { return value }
        guard let a = table[from], let b = table[to] else { return nil }
        return value * a / b
    }

    @Test("titer units folded in place convert as the folded strings did", arguments: [
        ("mIU/mL", "mIU/mL"), ("IU / L", "mIU/mL"), ("iu/ml", "mIU/mL"), ("mIU/mL", "IU/mL"), ("U/ML", "miu-ml"),
        (" IU-mL ", "mu/ml"), ("mIU/mL", "IU/mL "), ("cells/uL", "mIU/mL"), ("", ""), ("", "mIU/mL"), ("IU/mLx", "IU/mL"),
        ("IU/mL", "IU/m"), ("ıu/ml", "IU/mL"), ("MİU/mL", "mIU/mL"), ("Ｕ/mL", "U/mL"), ("x y", "XY"),
    ])
    func unitConversion(_ units: (String, String)) {
        #expect(UnitConversion.convert(250, from: units.0, to: units.1) == Self.reference(250, from: units.0, to: units.1))
        #expect(UnitConversion.convert(250, from: units.1, to: units.0) == Self.reference(250, from: units.1, to: units.0))
    }

    static func document(_ name: String, date: String?, doses: [String]) -> ApplicantDocument {
        var facts = DocumentFacts()
        facts.date = date.flatMap { CalendarDate(iso: $0) }
        facts.doses = doses.compactMap { CalendarDate(iso: $0) }
        return ApplicantDocument(path: FilePath(name), size: 0, type: "vaccination-record", classifiedBy: nil, facts: facts)
    }

    /// Distinct dates as a set counted them: each document's doses, or else its date.
    static func referenceDates(_ documents: [ApplicantDocument]) -> Int {
        var dated = Set<CalendarDate>()
        for document in documents {
            if !document.facts.doses.isEmpty { dated.formUnion(document.facts.doses) } else if let date = document.facts.date { dated.insert(date) }
        }
        return dated.count
    }

    @Test("dose dates told apart in place count as a set of them did, below and above the limit")
    func doseDates() {
        let few = [
            Self.document("a.pdf", date: "2020-01-01", doses: ["2020-01-01", "2020-02-01", "2020-02-01"]),
            Self.document("b.pdf", date: "2020-02-01", doses: []),
            Self.document("c.pdf", date: nil, doses: []),
            Self.document("d.pdf", date: "2020-03-01", doses: []),
            Self.document("e.pdf", date: "2021-01-01", doses: ["2020-03-01", "2020-04-01"]),
            Self.document("f.pdf", date: "2020-04-01", doses: []),
        ]
        #expect(DoseCount.distinctDates(few) == 4)
        #expect(DoseCount.distinctDates(few) == Self.referenceDates(few))
        for count in 0...few.count { #expect(DoseCount.distinctDates(Array(few.prefix(count))) == Self.referenceDates(Array(few.prefix(count)))) }
        // More than 32 dates go through a set; the answer is the same.
        let days = (1...28).map { String(format: "2021-03-%02d", $0) }
        let many = few + [Self.document("g.pdf", date: nil, doses: days), Self.document("h.pdf", date: nil, doses: Array(days.reversed()))]
        #expect(DoseCount.distinctDates(many) == Self.referenceDates(many))
        #expect(DoseCount.distinctDates(many) == 4 + 28)
    }

    @Test("sentences told apart in place keep the first of each, in order, below and above the limit")
    func distinctSentences() {
        func reference(_ items: [String]) -> [String] {
            var seen = Set<String>()
            return items.filter { seen.insert($0).inserted }
        }
        let cases: [[String]] = [[], ["a"], ["a", "a"], ["a", "b", "a", "c", "b"], ["b", "a"], (0..<16).map { "s\($0 % 5)" },
                                 (0..<17).map { "s\($0 % 5)" }, (0..<40).map { "s\($0)" }]
        for items in cases { #expect(Wording.distinct(items) == reference(items)) }
    }
}
