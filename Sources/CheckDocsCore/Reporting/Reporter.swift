/// One output format. A reporter formats a check as it streams by: the header, each program, the
/// summary. Reporters only format; none evaluates anything. A reporter may keep state between
/// calls (what the header said, counts), so each run uses a fresh one.
public protocol Reporter: AnyObject {
    /// The id used with `--format` (text, json, ...).
    static var formatID: String { get }
    func begin(_ header: ReportHeader, into out: inout ReportOutput)
    func program(_ result: ProgramResult, into out: inout ReportOutput)
    func end(_ summary: ReportSummary, into out: inout ReportOutput)

    /// The program in this format, made on any thread without touching the reporter's state, so
    /// programs are formatted on every core; nil for a format that must see them in order.
    func fragment(for result: ProgramResult) -> [UInt8]?
    /// Writes a program whose fragment was made ahead (the separator before it, say).
    func program(_ result: ProgramResult, fragment: [UInt8], into out: inout ReportOutput)
}

extension Reporter {
    public func fragment(for result: ProgramResult) -> [UInt8]? { nil }
    public func program(_ result: ProgramResult, fragment: [UInt8], into out: inout ReportOutput) {
        program(result, into: &out)
    }
}

extension Reporter {
    /// The whole report as one string (tests, small runs).
    public func render(_ report: ReadinessReport) -> String {
        var out = ReportOutput()
        begin(report.header, into: &out)
        for program in report.programs { self.program(program, into: &out) }
        end(report.summary, into: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }
}

/// The bytes a reporter produced since the stream last took them.
public struct ReportOutput {
    public var bytes: [UInt8] = []

    public init() {}

    public mutating func write(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }
}

public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, markdown, html, junit, sarif

    public func reporter(color: Bool, verbosity: TextReporter.Verbosity) -> any Reporter {
        switch self {
        case .text: return TextReporter(color: color, verbosity: verbosity)
        case .json: return JSONReporter()
        case .markdown: return WholeReportReporter(MarkdownReporter())
        case .html: return WholeReportReporter(HTMLReporter())
        case .junit: return WholeReportReporter(JUnitReporter())
        case .sarif: return WholeReportReporter(SARIFReporter())
        }
    }
}

/// A format that needs the whole report before its first byte: an overview at the top (Markdown,
/// HTML), totals on the root element (JUnit), every rule before the results (SARIF). Wrapped in a
/// WholeReportReporter, it holds every program of the run — right for one applicant's programs;
/// for a catalog of thousands, text and json stream instead.
public protocol WholeReportFormat: Sendable {
    static var formatID: String { get }
    func render(_ report: ReadinessReport) -> String
}

/// Collects a streamed check and hands it whole to its format at the end.
public final class WholeReportReporter<Format: WholeReportFormat>: Reporter {
    public static var formatID: String { Format.formatID }
    private let format: Format
    private var collector = ReportCollector()

    public init(_ format: Format) { self.format = format }

    public func begin(_ header: ReportHeader, into out: inout ReportOutput) { collector.begin(header) }
    public func program(_ result: ProgramResult, into out: inout ReportOutput) { collector.program(result) }
    public func end(_ summary: ReportSummary, into out: inout ReportOutput) {
        collector.end(summary)
        if let report = collector.report { out.write(format.render(report)) }
    }
}
