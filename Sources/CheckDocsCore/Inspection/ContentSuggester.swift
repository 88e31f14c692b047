/// What the text of an unrecognized PDF suggests it is: a document type (by the catalog's aliases,
/// as for file names) and the dates it mentions, with the words that decided. A suggestion is
/// only shown: it never classifies the file, never overrides the manifest or the name, and never
/// satisfies a requirement.
public struct ContentSuggestion: Hashable, Sendable {
    public var path: FilePath
    /// The likeliest type first; several when the text names more than one (at most 3).
    public var documentTypes: [String]
    /// The catalog titles of `documentTypes`, for reports.
    public var titles: [String]
    /// The alias words found in the text, for each suggested type in the same order.
    public var evidence: [[String]]
    /// Dates written in the text, sorted, without repeats (at most 5).
    public var dates: [CalendarDate]

    public init(path: FilePath, documentTypes: [String], titles: [String], evidence: [[String]], dates: [CalendarDate]) {
        self.path = path
        self.documentTypes = documentTypes
        self.titles = titles
        self.evidence = evidence
        self.dates = dates
    }
}

enum ContentSuggester {
    static let maxTypes = 3
    static let maxDates = 5

    /// Suggestions for the unrecognized files that are PDFs with a text layer; reads each through
    /// the inspector (once per run: the same facts serve every later rule).
    static func suggest(for unrecognized: [FilePath], inspector: DocumentInspector, catalog: DocumentCatalog) -> [ContentSuggestion] {
        let pdfs = unrecognized.filter { inspector.contentType(of: $0)?.format == .pdf }
        guard !pdfs.isEmpty else { return [] }
        inspector.inspect(pdfs)
        let classifier = DocumentClassifier(catalog: catalog)
        return pdfs.compactMap { path in
            guard let text = inspector.facts(of: path)?.pdf?.textSample, !text.isEmpty else { return nil }
            return suggestion(for: path, text: text, classifier: classifier, catalog: catalog)
        }
    }

    /// A note for each unrecognized PDF whose reading failed (a worker timed out, crashed or
    /// answered garbage): no suggestion can be made for it, and the report says why.
    static func failures(for unrecognized: [FilePath], inspector: DocumentInspector) -> [Diagnostic] {
        unrecognized.compactMap { path in
            guard inspector.contentType(of: path)?.format == .pdf, let facts = inspector.facts(of: path), facts.pdf == nil,
                  let reason = facts.notInspected, reason.hasPrefix("inspection failed") else { return nil }
            return Diagnostic(.warning, code: "inspection-failed", "could not be read: \(reason)", path: path.description)
        }
    }

    static func suggestion(for path: FilePath, text: String, classifier: DocumentClassifier, catalog: DocumentCatalog) -> ContentSuggestion? {
        let parsed = FileNameDateParser.parse(FileNameTokens.tokens(text))
        // A translation is told apart by its name beside the original, not by words in a text.
        let matches = classifier.matches(in: parsed.words).filter { $0.type != "translation" }.prefix(maxTypes)
        let dates = Array(Set(parsed.dates)).sorted().prefix(maxDates)
        guard !matches.isEmpty || !dates.isEmpty else { return nil }
        return ContentSuggestion(path: path, documentTypes: matches.map(\.type), titles: matches.map { catalog.title(of: $0.type) },
                                 evidence: matches.map(\.evidence), dates: Array(dates))
    }
}

extension ContentSuggestion {
    /// "looks like a Criminal background check (`background_check`; its text says "background check");
    /// dates in its text: 2026-10-28".
    public var summary: String {
        var parts: [String] = []
        if !documentTypes.isEmpty {
            let types = documentTypes.indices.map { index in
                "\(titles[index]) (`\(documentTypes[index])`; its text says " + evidence[index].map { "\"\($0)\"" }.joined(separator: ", ") + ")"
            }
            parts.append("looks like " + types.joined(separator: ", or "))
        }
        if !dates.isEmpty { parts.append("dates in its text: " + dates.map(\.description).joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }
}
