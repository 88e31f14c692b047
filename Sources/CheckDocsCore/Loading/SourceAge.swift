import CheckDocsNative

/// `lint`'s warning about stale sources: a description whose `source asOf` is more than a year
/// before the day of the run (docs/catalog.md, "The built-in catalog of programs").
public enum SourceAge {
    public static func warnings(_ descriptions: [ProgramDescription], asOf: CalendarDate) -> [String] {
        let limit = asOf.adding(months: -12)
        return descriptions.filter { $0.source.asOf < limit }.map {
            "\($0.file.file): warning: the source was read on \($0.source.asOf), more than a year before \(asOf); read \($0.source.href) again"
        }
    }
}
