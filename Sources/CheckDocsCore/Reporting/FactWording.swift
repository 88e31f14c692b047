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
            let given = givenByFileName ? "the file name" : "the manifest"
            if let manifestValue { return what + ": \(given) says \(manifestValue), and \(given) wins" }
            return what + ": agrees with \(given)"
        }
    }

    /// The short form, per file: "expiry date 2031-02-08, issue date 2026-02-10 (page 1, text layer)".
    public static func compact(_ facts: [ReadFact]) -> String {
        var groups: [(where: String, values: [String])] = []
        for fact in facts {
            let place = "page \(fact.page), \(fact.method.title)"
            let value = "\(fact.fact.title) \(fact.value.description)"
            if let last = groups.last, last.where == place { groups[groups.count - 1].values.append(value) } else { groups.append((place, [value])) }
        }
        return groups.map { $0.values.joined(separator: ", ") + " (\($0.where))" }.joined(separator: "; ")
    }

    /// A reading the manifest contradicts: "expiry date 2031-02-08 read (page 1, text layer), but checkdocs.yaml says 2027-01-01: checkdocs.yaml wins".
    public var disagreement: String? {
        manifestValue.map {
            let given = givenByFileName ? "the file name" : "checkdocs.yaml"
            return "\(fact.title) \(value.description) read (page \(page), \(method.title)), but \(given) says \($0): \(given) wins"
        }
    }

    /// The heading of the text report's facts section (normal verbosity).
    public static let compactTitle = "Read from the documents' text"
    public static let compactNote = "used where checkdocs.yaml and the file name give nothing"

    /// Whether a report that is not verbose shows its facts section: only when a reading decided
    /// something or contradicts the manifest. Readings that agree with the manifest, or are hints
    /// alone, change nothing but the JSON `facts` list (and `--verbose`).
    public static func worthShowing(_ facts: [ReadFact]) -> Bool {
        facts.contains { $0.use == .decides || $0.manifestValue != nil }
    }

    /// The heading of the facts section.
    public static let sectionTitle = "Facts read from documents"
    public static let sectionNote = "the manifest always wins; a fact marked \"confirm\" was not used"
}
