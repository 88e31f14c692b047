import CheckDocsNative

/// The program's timing rule: the application deadline and the lead time before the rotation
/// starts, whichever ends first; past it the program is closed. A lead time with a maximum ("no
/// more than 6 months before the start") also opens applications on a day: before it the result is
/// `pending`. Its result has the id `deadline` and, when it fails or is pending, a `reason` of kind
/// `deadline` (docs/reports.md).
public struct ApplicationDeadline: Hashable, Sendable {
    /// `<deadline date="…"/>`.
    public var deadline: CalendarDate?
    /// `<leadTime …/>`, counted back from the rotation start.
    public var leadTime: LeadTime?
    public var rotationStart: CalendarDate?

    public static let kind = "deadline"
    public static let id = "deadline"

    public init(deadline: CalendarDate?, leadTime: LeadTime?, rotationStart: CalendarDate?) {
        self.deadline = deadline
        self.leadTime = leadTime
        self.rotationStart = rotationStart
    }

    public init(deadline: CalendarDate?, leadTimeDays: Int?, rotationStart: CalendarDate?) {
        self.init(deadline: deadline, leadTime: leadTimeDays.map { LeadTime(min: .init($0, .days)) }, rotationStart: rotationStart)
    }

    public init(_ description: ProgramDescription) {
        self.init(deadline: description.deadline, leadTime: description.leadTime, rotationStart: description.rotation?.start)
    }

    /// The last day to apply: the deadline, or the start minus the lead time, whichever is earlier.
    public var applyBy: CalendarDate? { limit?.applyBy }

    /// The first day to apply: the first day no more than the lead time's maximum before the start
    /// (nil without one or without a start).
    public var applyFrom: CalendarDate? {
        guard let max = leadTime?.max, let rotationStart else { return nil }
        return max.firstDayWithin(rotationStart)
    }

    /// What sets the last day to apply (nil when neither a deadline nor a lead time with a start is given).
    public var limit: Limit? {
        var fromLead: Limit?
        if let min = leadTime?.min, let rotationStart { fromLead = .leadTime(min, rotationStart: rotationStart) }
        guard let deadline else { return fromLead }
        // The deadline wins a tie: the lead time sets the day only when it is earlier.
        if let fromLead, fromLead.applyBy < deadline { return fromLead }
        return .deadline(deadline)
    }

    /// What sets the last day to apply.
    public enum Limit: Hashable, Sendable {
        case deadline(CalendarDate)
        case leadTime(LeadTime.Span, rotationStart: CalendarDate)

        public var applyBy: CalendarDate {
            switch self {
            case let .deadline(date): return date
            case let .leadTime(span, start): return span.before(start)
            }
        }

        /// "the application deadline is …", "apply at least N days before the rotation starts (…), so by …".
        public var words: String {
            switch self {
            case let .deadline(date): return "the application deadline is \(date)"
            case let .leadTime(span, start): return "apply at least \(span) before the rotation starts (\(start)), so by \(applyBy)"
            }
        }
    }

    /// The timing result on the run's day; nil when the program sets no last day to apply.
    public func evaluate(_ context: EvaluationContext, origin: String) -> RequirementResult? {
        let opening = self.opening
        guard let status = status(asOf: context.asOf, opening: opening) else { return nil }
        // The rule and the message of an open program are worded when a report reads them
        // (`TimingWords`): a batch summary reads neither, and wording them was 3 % of a batch's
        // evaluation (docs/performance.md, "One thread per folder").
        var result = RequirementResult(
            id: Self.id, title: "Application deadline and lead time", category: .timing, documentTypes: [], status: .ok,
            severity: .error, supplier: .applicant, due: .application, files: [],
            messageWords: Words(deferred: TimingWords(timing: self, asOf: context.asOf, part: .message)), reasonData: nil,
            candidates: [], choice: nil, hint: nil, ruleWords: Words(deferred: TimingWords(timing: self, asOf: context.asOf, part: .rule)),
            origin: origin)
        if status == .pending, let opening {
            // Not open yet: nothing to do but wait, so it never blocks (docs/programs.md, "Deadline and lead time").
            let finding = Finding(kind: Self.kind, detail: Failure.notOpenYet(opening, applyBy: limit?.applyBy,
                                                                              daysToGo: context.asOf.days(until: opening.applyFrom)))
            result.status = .pending
            result.message = finding.sentence(catalog: context.catalog)
            result.reason = finding.reason(file: nil)
            result.hint = "Apply on or after \(opening.applyFrom)."
            return result
        }
        if status == .expired {
            let failure: Failure
            if let limit, context.asOf.days(until: limit.applyBy) < 0 {
                failure = .closed(limit, daysAgo: -context.asOf.days(until: limit.applyBy))
            } else if let rotationStart {
                failure = .rotationBegun(rotationStart, daysAgo: rotationStart.days(until: context.asOf))
            } else {
                return result
            }
            let finding = Finding(kind: Self.kind, detail: failure)
            result.status = .expired
            result.message = finding.sentence(catalog: context.catalog)
            result.reason = finding.reason(file: nil)
            result.hint = "Look for the next cycle or another start date."
        }
        return result
    }

    /// Whether the rotation has begun on `asOf`: past its first day, nobody applies for it, whatever
    /// the program's deadline (one after the start, or none at all).
    func begun(asOf: CalendarDate) -> Bool { rotationStart.map { asOf >= $0 } ?? false }

    /// The timing rule's status on `asOf`, which its result is made from (`evaluate`), and all a
    /// program decided from statuses reads of it (`ProgramEvaluator.status`): pending before the
    /// first day to apply, expired after the last, else ok; nil when the program sets neither.
    func status(asOf: CalendarDate) -> RequirementStatus? { status(asOf: asOf, opening: opening) }

    /// `status(asOf:)` with the opening already worked out (`evaluate` words it too).
    private func status(asOf: CalendarDate, opening: Opening?) -> RequirementStatus? {
        let begun = begun(asOf: asOf)
        guard limit != nil || opening != nil || begun else { return nil }
        if let opening, asOf < opening.applyFrom { return .pending }
        if let limit, asOf.days(until: limit.applyBy) < 0 { return .expired }
        if begun { return .expired }
        return .ok
    }

    /// What sets the first day to apply (nil without a lead time's maximum or a start).
    var opening: Opening? { applyFrom.map { Opening(span: leadTime!.max!, rotationStart: rotationStart!, applyFrom: $0) } }

    /// The timing rule in words: the opening day's, then the last day's.
    var words: String {
        // Joined as they are made (a list of them was made and joined for every program).
        let opening = self.opening
        var rule = opening?.words ?? ""
        if let limit { rule += opening == nil ? limit.words : "; " + limit.words }
        if rule.isEmpty, let rotationStart { rule = "apply before the rotation starts (\(rotationStart))" }
        return rule
    }

    /// The timing result's rule or message, made when a report reads it. The message of a program
    /// open on `asOf`: the rule and the days left (nil limit: only the opening, "open"); a program
    /// not open yet or closed is given its finding's sentence instead, when it is evaluated.
    struct TimingWords: ValueToMake {
        enum Part { case rule, message }
        let timing: ApplicationDeadline
        let asOf: CalendarDate
        let part: Part

        var value: String {
            let rule = timing.words
            guard part == .message else { return rule }
            guard let limit = timing.limit else { return "\(rule): open" }
            let daysLeft = asOf.days(until: limit.applyBy)
            return daysLeft == 0 ? "\(rule): today is the last day" : "\(rule): \(daysLeft) days left"
        }
    }

    /// The first day to apply, set by the lead time's maximum.
    public struct Opening: Hashable, Sendable {
        public var span: LeadTime.Span
        public var rotationStart: CalendarDate
        public var applyFrom: CalendarDate

        /// "apply no more than 6 months before the rotation starts (2027-07-05), so from 2027-01-05".
        public var words: String { "apply no more than \(span) before the rotation starts (\(rotationStart)), so from \(applyFrom)" }
    }

    public enum Failure: FindingDetail {
        /// The last day to apply has passed.
        case closed(Limit, daysAgo: Int)
        /// Applications open later (the lead time's maximum).
        case notOpenYet(Opening, applyBy: CalendarDate?, daysToGo: Int)
        /// The rotation has begun (no deadline or lead time closed the program before).
        case rotationBegun(CalendarDate, daysAgo: Int)

        public var code: String {
            switch self {
            case .closed(.deadline, _): return "deadline-passed"
            case .closed(.leadTime, _): return "lead-time-passed"
            case .notOpenYet: return "not-open-yet"
            case .rotationBegun: return "rotation-begun"
            }
        }

        public var fields: [FindingReason.Field] {
            switch self {
            case let .closed(limit, daysAgo):
                var fields: [FindingReason.Field] = .list(("applyBy", .date(limit.applyBy)), ("daysAgo", .int(daysAgo)))
                switch limit {
                case let .deadline(date): fields += .list(("deadline", .date(date)))
                case let .leadTime(span, start) where span.unit == .days:
                    fields += .list(("leadTimeDays", .int(span.amount)), ("rotationStart", .date(start)))
                case let .leadTime(span, start):
                    fields += .list(("leadTime", .int(span.amount)), ("leadTimeUnit", .string(span.unit.rawValue)), ("rotationStart", .date(start)))
                }
                return fields
            case let .notOpenYet(opening, applyBy, daysToGo):
                var fields: [FindingReason.Field] = .list(("applyFrom", .date(opening.applyFrom)), ("daysToGo", .int(daysToGo)))
                if let applyBy { fields += .list(("applyBy", .date(applyBy))) }
                fields += .list(("maxLeadTime", .int(opening.span.amount)), ("maxLeadTimeUnit", .string(opening.span.unit.rawValue)),
                                ("rotationStart", .date(opening.rotationStart)))
                return fields
            case let .rotationBegun(start, daysAgo):
                return .list(("rotationStart", .date(start)), ("daysAgo", .int(daysAgo)))
            }
        }

        public func sentence(catalog: DocumentCatalog) -> String {
            switch self {
            case let .closed(limit, daysAgo): return "closed: \(limit.words), \(Wording.days(daysAgo)) ago"
            case let .notOpenYet(opening, applyBy, daysToGo):
                let until = applyBy.map { "; apply by \($0)" } ?? ""
                return "not open yet: applications open on \(opening.applyFrom), \(Wording.days(daysToGo)) from now (no more than \(opening.span) "
                    + "before the rotation starts, \(opening.rotationStart))\(until)"
            case let .rotationBegun(start, daysAgo):
                return daysAgo == 0 ? "closed: the rotation begins today (\(start))" : "closed: the rotation began on \(start), \(Wording.days(daysAgo)) ago"
            }
        }
    }
}
