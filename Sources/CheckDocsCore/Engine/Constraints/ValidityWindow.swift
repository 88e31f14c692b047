import CheckDocsNative

/// `<window anchor="A" within="N" unit="U"/>`: the document's date must lie in [A − N U, A].
/// A clause may hold several windows; each must hold.
public struct ValidityWindow: DocumentConstraint, FailureVerdict {
    public var anchor: Anchor
    public var within: Int
    public var unit: DurationUnit

    public init(anchor: Anchor, within: Int, unit: DurationUnit) {
        self.anchor = anchor
        self.within = within
        self.unit = unit
    }

    public static let checkOrder = 40
    public static let syntax = ["window"]

    public static func decode(from clause: DescriptionNode) throws(InputError) -> [ValidityWindow] {
        var windows: [ValidityWindow] = []
        for node in clause.children("window", plural: "windows") {
            guard let anchor = try node.value("anchor", as: Anchor.self) else { throw InputError(node.location, "missing anchor") }
            guard let within = try node.int("within", in: 1...36_500) else { throw InputError(node.location, "missing within") }
            guard let unit = try node.value("unit", as: DurationUnit.self) else { throw InputError(node.location, "missing unit") }
            // The schemas hold `within` to 36,500; a month or a year is longer than a day.
            if let problem = DateLimits.problem(amount: within, unit: unit) {
                throw InputError(node.location(of: "within"), "<window> within: \(problem)")
            }
            windows.append(ValidityWindow(anchor: anchor, within: within, unit: unit))
        }
        return windows
    }

    /// A tightening's windows are added to the inherited ones: each must hold.
    public static func merge(inherited: [ValidityWindow], added: [ValidityWindow]) -> [ValidityWindow] { inherited + added }

    public var anchors: [Anchor] { [anchor] }

    public func verdict(_ document: ApplicantDocument, in context: ClauseContext) -> (status: RequirementStatus, failure: Failure)? {
        guard let date = document.effectiveDate(asOf: context.asOf) else { return (.notEvaluable, .dateUnknown) }
        // A document dated after the run's day does not exist yet (a planned appointment, a typo
        // in a file name): it satisfies no window, whatever day the window ends on.
        if date > context.asOf { return (.invalid, .inFuture(date: date)) }
        let anchorDate = context.dates.date(for: anchor)
        if date > anchorDate {
            return (.invalid, .afterAnchor(date: date, anchor: anchor, anchorDate: anchorDate))
        }
        let earliest = anchorDate.subtracting(within, unit)
        if date < earliest {
            let stillValidToday = date.adding(within, unit) >= context.asOf
            return (stillValidToday ? .expiresBeforeNeeded : .expired,
                    .beforeWindow(date: date, within: within, unit: unit, anchor: anchor, anchorDate: anchorDate, earliest: earliest))
        }
        return nil
    }

    /// Written into one buffer, as the failures' sentences below (`SentenceBufferTests`).
    public func describe(dates: ProgramDates?, catalog: DocumentCatalog) -> [String] {
        let text = ByteBuffer.string(capacity: 96) { text in
            text.append("dated within ")
            text.append(amount: within, unit)
            text.append(" before ")
            text.append(utf8: ProgramDates.describe(anchor))
            if let dates, anchor != .asOf {
                text.append(" (on or after ")
                text.append(date: dates.date(for: anchor).subtracting(within, unit))
                text.append(UInt8(ascii: ")"))
            }
        }
        return [text]
    }

    public func window(_ planning: PlanningDates) -> DateWindow {
        let (anchorDate, known) = planning.resolve(anchor)
        var part = DateWindow(earliest: anchorDate.subtracting(within, unit),
                              earliestReason: "within \(Wording.amount(within, unit)) before \(planning.describe(anchor))")
        // A window that ends on a day that is not known (or on today) sets no last day.
        if known, anchor != .asOf {
            part.latest = anchorDate
            part.latestReason = "not after \(ProgramDates.describe(anchor))"
        }
        return part
    }

    public enum Failure: FindingDetail {
        case dateUnknown
        case inFuture(date: CalendarDate)
        case afterAnchor(date: CalendarDate, anchor: Anchor, anchorDate: CalendarDate)
        case beforeWindow(date: CalendarDate, within: Int, unit: DurationUnit, anchor: Anchor, anchorDate: CalendarDate, earliest: CalendarDate)

        public var code: String {
            switch self {
            case .dateUnknown: return "date-unknown"
            case .inFuture: return "in-future"
            case .afterAnchor: return "after-anchor"
            case .beforeWindow: return "before-window"
            }
        }

        public var fields: [FindingReason.Field] {
            switch self {
            case .dateUnknown: return []
            case let .inFuture(date): return .list(("date", .date(date)))
            case let .afterAnchor(date, anchor, anchorDate):
                return .list(("date", .date(date)), ("anchor", .string(anchor.rawValue)), ("anchorDate", .date(anchorDate)))
            case let .beforeWindow(date, within, unit, anchor, anchorDate, earliest):
                return .list(("date", .date(date)), ("anchor", .string(anchor.rawValue)), ("anchorDate", .date(anchorDate)),
                             ("within", .int(within)), ("unit", .string(unit.rawValue)), ("earliest", .date(earliest)))
            }
        }

        // Written into one buffer: a catalog run words one for every file of every program the
        // window turns down, and interpolation appended each part at about 400 instructions
        // (docs/performance.md, "Sentences in one buffer"). `SentenceBufferTests` holds them to
        // the interpolated sentences.
        public func sentence(catalog: DocumentCatalog) -> String {
            switch self {
            case .dateUnknown:
                return Wording.dateUnknown
            case let .inFuture(date):
                return ByteBuffer.string(capacity: 64) { text in
                    text.append("dated ")
                    text.append(date: date)
                    text.append(", which is in the future")
                }
            case let .afterAnchor(date, anchor, anchorDate):
                return ByteBuffer.string(capacity: 64) { text in
                    text.append("dated ")
                    text.append(date: date)
                    text.append(", after ")
                    text.append(utf8: ProgramDates.describe(anchor))
                    text.append(" (")
                    text.append(date: anchorDate)
                    text.append(UInt8(ascii: ")"))
                }
            case let .beforeWindow(date, within, unit, anchor, anchorDate, earliest):
                return ByteBuffer.string(capacity: 128) { text in
                    text.append("dated ")
                    text.append(date: date)
                    text.append("; it must be within ")
                    text.append(amount: within, unit)
                    text.append(" before ")
                    text.append(utf8: ProgramDates.describe(anchor))
                    text.append(" (")
                    text.append(date: anchorDate)
                    text.append("), so on or after ")
                    text.append(date: earliest)
                }
            }
        }
    }
}
