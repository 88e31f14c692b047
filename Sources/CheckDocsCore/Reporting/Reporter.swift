/// One output format's run over a streamed check: the header, each program, the summary.
/// Reporters only format; none evaluates anything. A reporter is a value (Sendable, checked by the
/// compiler): what it remembers during a run (the header, how many programs) is its own copy, so
/// each run starts from a fresh one and nothing is shared between threads.
public protocol Reporter: Sendable {
    mutating func begin(_ header: ReportHeader, into out: inout ReportOutput)
    mutating func program(_ result: ProgramResult, into out: inout ReportOutput)
    mutating func end(_ summary: ReportSummary, into out: inout ReportOutput)

    /// Makes a program's bytes on any thread, ahead of `program(_:fragment:into:)`, from the
    /// reporter's immutable part only; nil for a format that must see the programs in order.
    var fragments: (@Sendable (ProgramResult) -> [UInt8])? { get }
    /// Writes a program whose fragment was made ahead (the separator before it, say).
    mutating func program(_ result: ProgramResult, fragment: [UInt8], into out: inout ReportOutput)
    /// Whether `end` reads the summary's facts to add (`ReportSummary.neededFacts`).
    var readsNeededFacts: Bool { get }
}

extension Reporter {
    public var fragments: (@Sendable (ProgramResult) -> [UInt8])? { nil }
    /// Yes, unless the reporter says otherwise: gathering them is never wrong, only slower.
    public var readsNeededFacts: Bool { true }
    public mutating func program(_ result: ProgramResult, fragment: [UInt8], into out: inout ReportOutput) {
        program(result, into: &out)
    }

    /// The whole report as one string (tests, small runs), from a copy of this reporter.
    public func render(_ report: ReadinessReport) -> String {
        var reporter = self
        var out = ReportOutput()
        reporter.begin(report.header, into: &out)
        for program in report.programs { reporter.program(program, into: &out) }
        reporter.end(report.summary, into: &out)
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

/// A format that writes each program as it comes (text, JSON), so a catalog of any size streams.
/// It is immutable: a program is formatted on any thread. What a run must remember is kept by
/// `StreamingReporter` and handed in.
public protocol StreamingFormat: Sendable {
    func begin(_ header: ReportHeader, into out: inout ReportOutput)
    /// One program's bytes; called on any thread.
    func fragment(for result: ProgramResult) -> [UInt8]
    /// Writes the `index`th program's fragment (0 for the first): a separator before it, say.
    func program(fragment: [UInt8], index: Int, into out: inout ReportOutput)
    /// `header` is the one `begin` had; `programCount` how many programs were written.
    func end(_ summary: ReportSummary, header: ReportHeader, programCount: Int, into out: inout ReportOutput)
    /// The format as it should run for this header (the text report turns to an overview when the
    /// standard checklists stand in for programs nobody chose); by default, itself.
    func adapted(to header: ReportHeader) -> Self
    /// Whether `end` reads the summary's facts to add (`ReportSummary.neededFacts`); by default, no.
    var readsNeededFacts: Bool { get }
}

extension StreamingFormat {
    public func adapted(to header: ReportHeader) -> Self { self }
    public var readsNeededFacts: Bool { false }

    public func program(fragment: [UInt8], index: Int, into out: inout ReportOutput) {
        out.bytes.append(contentsOf: fragment)
    }

    /// The whole report as one string (tests, small runs).
    public func render(_ report: ReadinessReport) -> String { StreamingReporter(self).render(report) }
}

/// A streaming format's run: the format, and the header and program count it needs at the end.
public struct StreamingReporter<Format: StreamingFormat>: Reporter {
    public private(set) var format: Format
    private var header: ReportHeader?
    private var programCount = 0

    public init(_ format: Format) { self.format = format }

    public mutating func begin(_ header: ReportHeader, into out: inout ReportOutput) {
        self.header = header
        format = format.adapted(to: header)
        format.begin(header, into: &out)
    }

    public mutating func program(_ result: ProgramResult, into out: inout ReportOutput) {
        program(result, fragment: format.fragment(for: result), into: &out)
    }

    public var fragments: (@Sendable (ProgramResult) -> [UInt8])? {
        let format = self.format
        return { format.fragment(for: $0) }
    }

    public mutating func program(_ result: ProgramResult, fragment: [UInt8], into out: inout ReportOutput) {
        format.program(fragment: fragment, index: programCount, into: &out)
        programCount += 1
    }

    public mutating func end(_ summary: ReportSummary, into out: inout ReportOutput) {
        guard let header else { return }  // `end` always follows `begin`
        format.end(summary, header: header, programCount: programCount, into: &out)
    }

    public var readsNeededFacts: Bool { format.readsNeededFacts }
}

/// A format that needs the whole report before its first byte: an overview at the top (Markdown,
/// HTML), totals on the root element (JUnit), every rule before the results (SARIF). Wrapped in a
/// WholeReportReporter, it holds every program of the run — right for one applicant's programs;
/// for a catalog of thousands, text and json stream instead.
public protocol WholeReportFormat: Sendable {
    func render(_ report: ReadinessReport) -> String
}

/// Collects a streamed check and hands it whole to its format at the end.
public struct WholeReportReporter<Format: WholeReportFormat>: Reporter {
    private let format: Format
    private var collector = ReportCollector()

    public init(_ format: Format) { self.format = format }

    public mutating func begin(_ header: ReportHeader, into out: inout ReportOutput) { collector.begin(header) }
    public mutating func program(_ result: ProgramResult, into out: inout ReportOutput) { collector.program(result) }
    public mutating func end(_ summary: ReportSummary, into out: inout ReportOutput) {
        collector.end(summary)
        if let report = collector.report { out.write(format.render(report)) }
    }
}
