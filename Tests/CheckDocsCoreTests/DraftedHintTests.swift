import Testing
import CheckDocsNative
@testable import CheckDocsCore

/// What `init` drafts of a reading OCR made but may not decide on (`FactDecisions`): a field some
/// deciding class fills, commented out with its evidence, for the applicant to confirm. Since
/// OCR decides expiry, issue and collection dates and results (docs/inspection.md, "Which facts
/// decide"), a scan's "valid through" is the case the newcomer sample no longer shows.
@Suite struct DraftedHintTests {
    static func reading(_ fact: FactClass, _ value: FactValue, evidence: String, confidence: Double = 0.95) -> ReadFact {
        ReadFact(fact: fact, value: value, file: FilePath("BLS card.png"), documentType: "bls", page: 1, method: .ocr,
                 evidence: evidence, confidence: confidence)
    }

    @Test("an OCR reading that may not decide is drafted commented out with its evidence; two values are both named")
    func hints() {
        let validThrough = Self.reading(.validThrough, .date(CalendarDate(iso: "2028-02-29")!), evidence: "Valid through 29 Feb 2028")
        #expect(!FactDecisions.mayDecide(validThrough), "a scan's valid-through is measured as a hint")
        #expect(ManifestDrafter.isDrafted(validThrough))
        #expect(ManifestDrafter.readFactLines([validThrough]) == [
            #"    # expires: "2028-02-29"  # read from page 1 by OCR: "Valid through 29 Feb 2028"; OCR is not sure enough to decide: confirm, then uncomment"#,
        ])
        let other = Self.reading(.validThrough, .date(CalendarDate(iso: "2028-02-28")!), evidence: "Valid through 28 Feb 2028")
        let lines = ManifestDrafter.readFactLines([validThrough, other])
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix(#"    # expires: "2028-02-29"  # OCR read 2 different values ("2028-02-29", "2028-02-28") from page 1"#) == true, "\(lines)")
    }

    @Test("a deciding OCR reading is the value; a hint for a field already decided is not drafted again")
    func decidedWins() {
        var expiry = Self.reading(.expiryDate, .date(CalendarDate(iso: "2028-02-29")!), evidence: "Expiry date: 29 Feb 2028")
        expiry.use = FactDecisions.mayDecide(expiry) ? .decides : .hint
        #expect(expiry.use == .decides)
        let validThrough = Self.reading(.validThrough, .date(CalendarDate(iso: "2028-03-01")!), evidence: "Valid through 01 Mar 2028")
        #expect(ManifestDrafter.readFactLines([expiry, validThrough]) == [
            #"    expires: "2028-02-29"  # read from page 1 by OCR: "Expiry date: 29 Feb 2028""#,
        ])
    }
}
