/// The days a document to obtain can usefully be dated: on or after `earliest`, by `latest`, and,
/// for a document that expires, valid through `validThrough`. A nil bound is no limit.
public struct DateWindow: Hashable, Sendable {
    /// The document must be dated on or after this day (a window or a season rule).
    public var earliest: CalendarDate?
    /// ... and done by this day: the end of its window, the apply-by date, or the arrival.
    public var latest: CalendarDate?
    /// It must stay valid through this day (a validThrough rule).
    public var validThrough: CalendarDate?
    /// Why each bound is what it is, in words.
    public var earliestReason: String?
    public var latestReason: String?
    public var validThroughReason: String?

    public init(earliest: CalendarDate? = nil, latest: CalendarDate? = nil, validThrough: CalendarDate? = nil,
                earliestReason: String? = nil, latestReason: String? = nil, validThroughReason: String? = nil) {
        self.earliest = earliest
        self.latest = latest
        self.validThrough = validThrough
        self.earliestReason = earliestReason
        self.latestReason = latestReason
        self.validThroughReason = validThroughReason
    }

    /// No day satisfies both bounds.
    public var isEmpty: Bool {
        guard let earliest, let latest else { return false }
        return earliest > latest
    }

    /// The days both windows allow; each bound keeps the reason of the window that set it.
    public func intersection(_ other: DateWindow) -> DateWindow {
        var result = self
        if let day = other.earliest, earliest.map({ day > $0 }) ?? true {
            result.earliest = day
            result.earliestReason = other.earliestReason
        }
        if let day = other.latest, latest.map({ day < $0 }) ?? true {
            result.latest = day
            result.latestReason = other.latestReason
        }
        if let day = other.validThrough, validThrough.map({ day > $0 }) ?? true {
            result.validThrough = day
            result.validThroughReason = other.validThroughReason
        }
        return result
    }
}

/// One program's need for a document: a requirement that is missing, expired, expiring before it
/// is needed, invalid, or pending.
public struct PlanNeed: Hashable, Sendable {
    public var program: String
    public var requirement: String
    public var title: String
    public var status: RequirementStatus
    public var severity: Severity
    public var due: Stage
    public var window: DateWindow
    public var message: String
    public var hint: String?
}

/// One thing to do: obtain (or renew, or replace) one document, for one or more programs.
public struct PlanAction: Hashable, Sendable {
    public enum Verb: String, Sendable {
        case obtain, renew, replace
    }

    /// Stable across runs: the requirement ids and the program ids.
    public var id: String
    public var verb: Verb
    public var title: String
    public var documentTypes: [String]
    public var needs: [PlanNeed]
    /// The intersection of the needs' windows.
    public var window: DateWindow
    /// The first day it is worth doing: the window's earliest day, or today if that has passed.
    public var startOn: CalendarDate
    /// Other actions for the same document whose windows do not meet this one's: separate documents.
    public var separateFrom: [String]
    /// About how many days obtaining it takes (docs/pick.md, "Lead times"); nil when not known.
    public var leadDays: Int? = nil

    public var programs: [String] { needs.map(\.program) }
}

/// A program's apply-by date, or why it is left out of the plan.
public struct PlanProgram: Hashable, Sendable {
    public var id: String
    public var name: String
    public var status: ProgramStatus
    /// The effective deadline: the earlier of the deadline and the rotation start minus the lead time.
    public var applyBy: CalendarDate?
    public var rotation: Rotation?
}

/// A blocking rule the check could not decide (`not-evaluable`): no document to obtain settles
/// it until a fact is recorded, yet it keeps its programs from being ready, so the plan names it.
public struct PlanUndecided: Hashable, Sendable {
    public var requirement: String
    public var title: String
    public var message: String
    /// The programs it blocks with this message, in report order.
    public var programs: [String]
}

/// What to obtain or renew, by when, across the selected programs.
public struct ActionPlan: Sendable {
    public var toolVersion: String
    public var asOf: CalendarDate
    public var folder: String
    public var actions: [PlanAction]
    /// Programs the plan covers (not ineligible, not closed), in report order.
    public var programs: [PlanProgram]
    /// Programs left out: ineligible or closed.
    public var skipped: [PlanProgram]
    /// Blocking rules not decided, in the programs the plan covers.
    public var undecided: [PlanUndecided] = []
}
