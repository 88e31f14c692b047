/// One output format. Every reporter formats the same ReadinessReport; none evaluates anything.
public protocol Reporter: Sendable {
    /// The id used with `--format` (text, json, ...).
    static var formatID: String { get }
    func render(_ report: ReadinessReport) -> String
}

public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, markdown, html, junit, sarif

    public func reporter(color: Bool, verbosity: TextReporter.Verbosity) -> any Reporter {
        switch self {
        case .text: return TextReporter(color: color, verbosity: verbosity)
        case .json: return JSONReporter()
        case .markdown: return MarkdownReporter()
        case .html: return HTMLReporter()
        case .junit: return JUnitReporter()
        case .sarif: return SARIFReporter()
        }
    }
}
