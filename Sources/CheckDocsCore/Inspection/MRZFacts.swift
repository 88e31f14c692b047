/// Facts from a passport's or visa's machine-readable zone, once an MRZ parser has read its fields
/// and verified their check digits (docs/inspection.md, "Facts read from documents"). The dates
/// of a verified MRZ are as sure as the manifest's typing: they may decide; the name is a hint
/// like every read name.
public enum MRZFacts {
    /// `line` is the MRZ line the fields came from (the evidence); `checked` says whether the
    /// parser verified the check digits of the dates (an unverified MRZ date is a hint only).
    public static func facts(expiry: CalendarDate?, name: String?, checked: Bool, line: String,
                             file: FilePath, documentType: String?, page: Int, method: FactMethod = .mrz) -> [ReadFact] {
        var facts: [ReadFact] = []
        if let expiry {
            facts.append(ReadFact(fact: .expiryDate, value: .date(expiry), file: file, documentType: documentType, page: page,
                                  method: method, evidence: line, confidence: checked ? 0.99 : 0.6))
        }
        if let name, !name.isEmpty {
            facts.append(ReadFact(fact: .name, value: .text(name), file: file, documentType: documentType, page: page,
                                  method: method, evidence: line, confidence: checked ? 0.9 : 0.6))
        }
        return facts
    }
}
