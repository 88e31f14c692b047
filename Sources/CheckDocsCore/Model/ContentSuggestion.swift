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
