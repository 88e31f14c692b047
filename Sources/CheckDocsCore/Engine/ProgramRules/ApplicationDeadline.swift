import CheckDocsNative

/// The program's timing rule: the application deadline and the lead time before the rotation
/// starts, whichever ends first; past it the program is closed. Its result has the id `deadline`
/// and, when it fails, a `reason` of kind `deadline` (docs/reports.md).
public struct ApplicationDeadline: Hashable, Sendable {
    /// `<deadline date="…"/>`.
    public var deadline: CalendarDate?
    /// `<leadTime minDays="…"/>`, counted back from the rotation start.
    public var leadTimeDays: Int?
    public var rotationStart: CalendarDate?

    public static let kind = "deadline"
    public static let id = "deadline"

    public init(deadline: CalendarDate?, leadTimeDays: Int?, rotationStart: CalendarDate?) {
        self.deadline = deadline
        self.leadTimeDays = leadTimeDays
        self.rotationStart = rotationStart
    }

    public init(_ description: ProgramDescription) {
        self.init(deadline: description.deadline, leadTimeDays: description.leadTimeDays, rotationStart: description.rotation?.start)
    }

    /// The last day to apply: the deadline, or the start minus the lead time, whichever is earlier.
    public var applyBy: CalendarDate? { limit?.applyBy }

    /// What sets the last day to apply (nil when neither a deadline nor a lead time with a start is given).
    public var limit: Limit? {
        var fromLead: Limit?
        if let leadTimeDays, let rotationStart { fromLead = .leadTime(days: leadTimeDays, rotationStart: rotationStart) }
        guard let deadline else { return fromLead }
        // The deadline wins a tie: the lead time sets the day only when it is earlier.
        if let fromLead, fromLead.applyBy < deadline { return fromLead }
        return .deadline(deadline)
    }

    /// What sets the last day to apply.
    public enum Limit: Hashable, Sendable {
        case deadline(CalendarDate)
        case leadTime(days: Int, rotationStart: CalendarDate)

        public var applyBy: CalendarDate {
            switch self {
            case let .deadline(date): return date
            case let .leadTime(days, start): return start.subtracting(days, .days)
            }
        }

        /// "the application deadline is …", "apply at least N days before the rotation starts (…), so by …".
        public var words: String {
            switch self {
            case let .deadline(date): return "the application deadline is \(date)"
            case let .leadTime(days, start): return "apply at least \(days) days before the rotation starts (\(start)), so by \(applyBy)"
            }
        }
    }

    /// The timing result on the run's day; nil when the program sets no last day to apply.
    public func evaluate(_ context: EvaluationContext, origin: String) -> RequirementResult? {
        guard let limit else { return nil }
        let daysLeft = context.asOf.days(until: limit.applyBy)
        var result = RequirementResult(
            id: Self.id, title: "Application deadline and lead time", category: .timing, documentTypes: [], status: .ok,
            severity: .error, supplier: .applicant, due: .application, files: [],
            message: daysLeft == 0 ? "\(limit.words): today is the last day" : "\(limit.words): \(daysLeft) days left",
            hint: nil, rule: limit.words, origin: origin)
        if daysLeft < 0 {
            let finding = Finding(kind: Self.kind, detail: Failure.closed(limit, daysAgo: -daysLeft))
            result.status = .expired
            result.message = finding.sentence(catalog: context.catalog)
            result.reason = finding.reason(file: nil)
            result.hint = "Look for the next cycle or another start date."
        }
        return result
    }

    public enum Failure: FindingDetail {
        /// The last day to apply has passed.
        case closed(Limit, daysAgo: Int)

        public var code: String {
            switch self {
            case .closed(.deadline, _): return "deadline-passed"
            case .closed(.leadTime, _): return "lead-time-passed"
            }
        }

        public var fields: [FindingReason.Field] {
            switch self {
            case let .closed(limit, daysAgo):
                var fields: [FindingReason.Field] = .list(("applyBy", .date(limit.applyBy)), ("daysAgo", .int(daysAgo)))
                switch limit {
                case let .deadline(date): fields += .list(("deadline", .date(date)))
                case let .leadTime(days, start): fields += .list(("leadTimeDays", .int(days)), ("rotationStart", .date(start)))
                }
                return fields
            }
        }

        public func sentence(catalog: DocumentCatalog) -> String {
            switch self {
            case let .closed(limit, daysAgo): return "closed: \(limit.words), \(daysAgo) days ago"
            }
        }
    }
}
