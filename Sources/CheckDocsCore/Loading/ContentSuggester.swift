enum ContentSuggester {
    static let maxTypes = 3
    static let maxDates = 5

    /// Suggestions for the unrecognized files that are PDFs with a text layer; reads each through
    /// the inspector (once per run: the same facts serve every later rule). `classifier`: one
    /// already built for `catalog` (a check builds one for its folder; building it tokenizes every
    /// alias of the catalog).
    static func suggest(for unrecognized: [FilePath], inspector: DocumentInspector, catalog: DocumentCatalog,
                        classifier: DocumentClassifier? = nil) -> [ContentSuggestion] {
        let pdfs = unrecognized.filter { inspector.contentType(of: $0)?.format == .pdf }
        guard !pdfs.isEmpty else { return [] }
        inspector.inspect(pdfs)
        let classifier = classifier ?? DocumentClassifier(catalog: catalog)
        return pdfs.compactMap { path in
            guard let text = inspector.facts(of: path)?.pdf?.textSample, !text.isEmpty else { return nil }
            return suggestion(for: path, text: text, classifier: classifier, catalog: catalog)
        }
    }

    /// A note for each unrecognized PDF whose reading failed (a worker timed out, crashed or
    /// answered garbage): no suggestion can be made for it, and the report says why.
    static func failures(for unrecognized: [FilePath], inspector: DocumentInspector) -> [Diagnostic] {
        unrecognized.compactMap { path in
            guard inspector.contentType(of: path)?.format == .pdf,
                  let reason = DocumentFactReading.inspectionFailure(of: path, inspector: inspector) else { return nil }
            return Diagnostic(.inspectionFailed, "could not be read: \(reason)", file: path)
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
