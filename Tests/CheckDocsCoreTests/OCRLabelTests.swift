import Testing
import CheckDocsNative
@testable import CheckDocsCore

/// Labels as OCR reads them (docs/inspection.md, "Facts read from scans"): the English model drops
/// accents and confuses a letter now and then ("Gültig bis" read as "Giltig bis", "expiry" as
/// "explry"); the scans of scripts/facts-corpus.py missed every German "valid through" for it.
@Suite struct OCRLabelTests {
    static func dates(_ text: String, method: FactMethod = .ocr) -> [String] {
        TextFactReader.read(page: text, number: 1, file: FilePath("scan.jpg"), documentType: "health_insurance", method: method)
            .compactMap { fact in
                if case let .date(date) = fact.value { return "\(fact.fact.rawValue) \(date)" }
                return nil
            }
    }

    @Test("OCR text: a long label with one letter misread is still that label")
    func oneLetterOff() {
        #expect(Self.dates("Giltig bis: 17. Marz 2027") == ["valid-through 2027-03-17"])
        #expect(Self.dates("Date of explry: 2030-05-12") == ["expiry-date 2030-05-12"])
        #expect(Self.dates("Explry Date: 2030-05-12") == ["expiry-date 2030-05-12"])
        #expect(Self.dates("Specimen collectad: 2026-02-14") == ["collection-date 2026-02-14"])
    }

    @Test("OCR text: two letters off, a short label, or its first letter misread is no label; a text layer is read exactly")
    func notLabels() {
        #expect(Self.dates("Gxltxg bis: 17. Marz 2027").isEmpty)
        #expect(Self.dates("Issuer: 2026-01-02").isEmpty)
        #expect(Self.dates("Xalid through: 2027-03-17").isEmpty)
        #expect(Self.dates("Giltig bis: 17. Marz 2027", method: .textLayer).isEmpty)
        // Another word, not a misread label: a longer word, or one whose ending differs.
        #expect(Self.dates("Results validated: 2026-09-16").isEmpty)
        #expect(Self.dates("Resultado validado: 2026-09-16").isEmpty)
    }

    @Test("the decision rule: enough readings by the method, at least 99.5 % right; a zone's verified dates until one is wrong")
    func rule() {
        #expect(!FactDecisions.ruleAllows(readings: 199, wrong: 0, method: .ocr))
        #expect(FactDecisions.ruleAllows(readings: 200, wrong: 0, method: .ocr))
        #expect(FactDecisions.ruleAllows(readings: 200, wrong: 1, method: .ocr))
        #expect(!FactDecisions.ruleAllows(readings: 201, wrong: 2, method: .ocr))
        #expect(!FactDecisions.ruleAllows(readings: 49, wrong: 0, method: .textLayer))
        #expect(FactDecisions.ruleAllows(readings: 50, wrong: 0, method: .textLayer))
        #expect(!FactDecisions.ruleAllows(readings: 150, wrong: 1, method: .textLayer))
        #expect(FactDecisions.ruleAllows(readings: 0, wrong: 0, method: .mrz))
        #expect(!FactDecisions.ruleAllows(readings: 500, wrong: 1, method: .mrz))
    }
}
