/// Classifies file names into document types by the catalog's aliases.
/// Rules, in order: the longest alias match wins over matches inside it ("usmle transcript" over
/// "transcript"), and of two that overlap the one that starts first; a more specific type wins
/// over its parent (tb_igra over tb_test); a translation stays a translation whatever it
/// translates; anything else left over is ambiguous.
public struct DocumentClassifier: Sendable {
    public enum Outcome: Equatable, Sendable {
        case type(String, evidence: String)
        case ambiguous([String])
        case unrecognized
    }

    private struct Alias: Sendable {
        var words: [String]
        var type: String
        /// One of the type's `qualifiers`: it names the type only when nothing else is named.
        var qualifies = false
    }

    private let catalog: DocumentCatalog
    /// First word → aliases starting with it, longest first.
    private let index: [String: [Alias]]
    /// A word of a file name → the types it says the file is not (`notWhenNamed`).
    private let excluding: [String: [String]]

    public init(catalog: DocumentCatalog) {
        self.catalog = catalog
        var index: [String: [Alias]] = [:]
        for type in catalog.types {
            for (aliases, qualifies) in [(type.aliases + [type.id], false), (type.qualifiers, true)] {
                for alias in aliases {
                    let words = FileNameTokens.tokens(alias).map(\.text)
                    guard let first = words.first else { continue }
                    index[first, default: []].append(Alias(words: words, type: type.id, qualifies: qualifies))
                }
            }
        }
        for key in index.keys { index[key]!.sort { $0.words.count > $1.words.count } }
        self.index = index
        var excluding: [String: [String]] = [:]
        for type in catalog.types {
            for word in type.notWhenNamed { excluding[word, default: []].append(type.id) }
        }
        self.excluding = excluding
    }

    /// Words of a file name that say nothing of what the document is: a qualifier stands alone
    /// beside them, and beside numbers (a year, a page; `qualifiers`, docs/catalog.md).
    static let neutralWords: Set<String> = ["scan", "scanned", "copy", "copies", "original", "final", "page", "pages", "front", "back",
                                            "signed", "attested", "notarized", "certified", "new", "updated", "color", "colour", "pdf"]

    /// Classifies words (already stripped of dates).
    public func classify(words: [String]) -> Outcome {
        var spans: [(start: Int, end: Int, type: String, words: [String])] = []
        var qualifierSpans: [(start: Int, end: Int, type: String, words: [String])] = []
        for start in words.indices {
            for alias in index[words[start]] ?? [] {
                let end = start + alias.words.count
                if end <= words.count, Array(words[start..<end]) == alias.words {
                    if alias.qualifies { qualifierSpans.append((start, end, alias.type, alias.words)) } else { spans.append((start, end, alias.type, alias.words)) }
                }
            }
        }
        // A qualifier ("MBBS") names its type only alone: with no other alias, and no word beside
        // it but those that say nothing of a document's kind ("MBBS scan.pdf"). "MBBS character
        // certificate" and "MBBS Rahul Sharma" may be anything: they are left unrecognized.
        if spans.isEmpty, !qualifierSpans.isEmpty, words.indices.allSatisfy({ index in
            Self.neutralWords.contains(words[index]) || words[index].utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
                || qualifierSpans.contains { $0.start <= index && index < $0.end }
        }) {
            spans = qualifierSpans
        }
        // Drop matches strictly inside a longer one, and a match that shares its first word with
        // the end of one starting before it: names are read left to right, so "Hep B 1" is
        // hepatitis B's first dose, not a B-1 visa (docs/catalog.md, "Several matches").
        let maximal = spans.filter { span in
            !spans.contains { other in
                (other.start <= span.start && other.end >= span.end && (other.end - other.start) > (span.end - span.start))
                    || (other.start < span.start && other.end > span.start && other.end < span.end)
            }
        }
        var types: [String] = []
        var evidence: [String: String] = [:]
        // A word right before a one-word match that says the file is not of its type ("Drivers
        // license" is no medical license; "Minnie Driver medical license" is one).
        func vetoed(_ span: (start: Int, end: Int, type: String, words: [String])) -> Bool {
            span.end - span.start == 1 && span.start > 0 && excluding[words[span.start - 1]]?.contains(span.type) == true
        }
        for span in maximal where !types.contains(span.type) && !vetoed(span) {
            types.append(span.type)
            evidence[span.type] = span.words.joined(separator: " ")
        }
        // A more specific type wins over its ancestors.
        types = types.filter { type in !types.contains { catalog.type($0, isMoreSpecificThan: type) } }
        if types.count > 1, types.contains("translation") { types = ["translation"] }
        switch types.count {
        case 0: return .unrecognized
        case 1: return .type(types[0], evidence: evidence[types[0]] ?? types[0])
        default: return .ambiguous(types.sorted())
        }
    }

    /// Every type whose aliases occur in `words` (a PDF's text, say), with the alias words that
    /// matched and how often, most frequent first; a more specific type hides its ancestors.
    public func matches(in words: [String]) -> [(type: String, evidence: [String], count: Int)] {
        var found: [String: (evidence: [String], count: Int)] = [:]
        var start = 0
        while start < words.count {
            // The longest alias starting here; the words it covers are not looked at again.
            guard let alias = (index[words[start]] ?? []).first(where: { alias in
                start + alias.words.count <= words.count && Array(words[start..<(start + alias.words.count)]) == alias.words
            }) else {
                start += 1
                continue
            }
            let text = alias.words.joined(separator: " ")
            var entry = found[alias.type] ?? ([], 0)
            if !entry.evidence.contains(text) { entry.evidence.append(text) }
            entry.count += 1
            found[alias.type] = entry
            start += alias.words.count
        }
        let types = found.keys.filter { type in !found.keys.contains { catalog.type($0, isMoreSpecificThan: type) } }
        return types.map { ($0, found[$0]!.evidence, found[$0]!.count) }
            .sorted { ($0.count, $1.type) > ($1.count, $0.type) }
    }

    /// Classifies a path: the file name first, then the nearest folder name that says something.
    public func classify(path: FilePath) -> (outcome: Outcome, source: ClassificationSource, dates: FileNameDateParser.Outcome) {
        let name = FileNameTokens.stem(String(decoding: path.lastComponent, as: UTF8.self))
        let parsed = FileNameDateParser.parse(FileNameTokens.tokens(name))
        let outcome = classify(words: parsed.words)
        if outcome != .unrecognized { return (outcome, .fileName, parsed) }
        for folder in path.directoryComponents.reversed() {
            let folderWords = FileNameDateParser.parse(FileNameTokens.tokens(String(decoding: folder, as: UTF8.self))).words
            let folderOutcome = classify(words: folderWords)
            if case .type = folderOutcome { return (folderOutcome, .folderName, parsed) }
        }
        return (.unrecognized, .fileName, parsed)
    }
}
