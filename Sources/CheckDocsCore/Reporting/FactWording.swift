/// How reports word a fact read from a document (docs/reports.md, "Facts read from documents").
extension ReadFact {
    /// "expiry date 2032-05-19 (read from Passport scan.pdf, page 1, text layer): decides", or
    /// "read: titer 112 mIU/mL (…) — confirm in the manifest", or the manifest's disagreement.
    public var reportLine: String {
        let what = "\(fact.title) \(value.description) (\(source), confidence \(Int((confidence * 100).rounded())) %)"
        switch use {
        case .decides: return what + ": used, the manifest gives none"
        case .hint: return "read: " + what + " — confirm in the manifest"
        case .manifest:
            if let manifestValue { return what + ": the manifest says \(manifestValue), and the manifest wins" }
            return what + ": agrees with the manifest"
        }
    }

    /// The heading of the facts section.
    public static let sectionTitle = "Facts read from documents"
    public static let sectionNote = "the manifest always wins; a fact marked \"confirm\" was not used"
}
