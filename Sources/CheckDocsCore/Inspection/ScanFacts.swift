import CheckDocsNative

/// The facts of one OCRed page (docs/inspection.md, "Facts read from scans"): the verified
/// machine-readable zones on it, through `MRZFacts` (method `mrz`: a verified expiry may
/// decide), and its text through `TextFactReader` (method `ocr`: every confidence lowered, so
/// nothing read that way decides). A pure function of the page, like both readers.
public enum ScanFacts {
    public static func read(_ page: OCRPage, page number: Int, file: FilePath, documentType: String?,
                            asOf: CalendarDate) -> [ReadFact] {
        var others = Set<LabResult?>()
        var facts = read(page, page: number, file: file, documentType: documentType, asOf: asOf, otherResults: &others)
        TextFactReader.lowerContradicted(&facts, by: others)
        return facts
    }

    /// An expiry printed on a page that carries a passport's zone but is not a passport or a visa
    /// (a passport copied into an insurance certificate) is the passport's: a hint at most.
    static let copiedExpiryConfidence = 0.6

    /// `read` for one page of a document, with the document's results no line could attribute
    /// (`TextFactReader.read(page:number:file:documentType:method:otherResults:)`).
    public static func read(_ page: OCRPage, page number: Int, file: FilePath, documentType: String?,
                            asOf: CalendarDate, otherResults: inout Set<LabResult?>) -> [ReadFact] {
        let type = documentType?.lowercased()
        let zones = MachineReadableZone.find(in: page, asOf: asOf).filter { zone in
            // A passport's page is read for a passport's zone, a visa's for a foil's: a visa foil
            // scanned beside a passport's data page does not give the passport its expiry.
            guard let type else { return true }
            if type.contains("visa") { return zone.format == .visa }
            if type.contains("passport") { return zone.format == .passport }
            return true
        }
        // A zone's expiry is its passport's or visa's: on another document (a passport copied
        // into an insurance certificate, a registration form) it is not that document's expiry.
        let isIdentity = type.map { $0.contains("passport") || $0.contains("visa") } ?? true
        var facts: [ReadFact] = []
        for zone in zones {
            let name = [zone.givenNames, zone.surname].filter { !$0.isEmpty }.joined(separator: " ")
            // The parser refuses any zone whose check digits fail, so its dates are verified.
            facts += MRZFacts.facts(expiry: isIdentity ? zone.expiryDate : nil, name: name, checked: true, line: zone.lines[1], file: file,
                                    documentType: documentType, page: number)
        }
        var text = TextFactReader.read(page: page.text, number: number, file: file, documentType: documentType, method: .ocr,
                                       otherResults: &otherResults)
        // A passport copied onto another document: its printed expiry is the passport's too.
        if !isIdentity, !zones.isEmpty {
            for index in text.indices where text[index].fact == .expiryDate || text[index].fact == .validThrough {
                text[index].confidence = min(text[index].confidence, copiedExpiryConfidence)
            }
        }
        return facts + text
    }
}
