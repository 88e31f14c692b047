import CheckDocsNative

/// One entry of a waivers file: a program's (or an advisor's) written agreement that a failing
/// requirement does not block this applicant, for a reason, until a date.
public struct Waiver: Hashable, Sendable {
    /// The program id it applies to, or nil for `*` (every program).
    public var program: String?
    public var requirement: String
    public var reason: String
    /// The last day it applies; from the day after, it is expired and ignored.
    public var expires: CalendarDate
    /// Where it was written (file and JSON Pointer), for reports and errors.
    public var location: SourceLocation

    public init(program: String?, requirement: String, reason: String, expires: CalendarDate, location: SourceLocation) {
        self.program = program
        self.requirement = requirement
        self.reason = reason
        self.expires = expires
        self.location = location
    }

    /// `<program>/<requirement>`, `*` for any program.
    public var target: String { (program ?? "*") + "/" + requirement }
}

/// What a waiver did to one requirement result: its status before, and why.
public struct AppliedWaiver: Hashable, Sendable {
    public var originalStatus: RequirementStatus
    public var reason: String
    public var expires: CalendarDate
    public var location: SourceLocation
}

/// The waivers of one check: how many findings they waived, and which did nothing.
public struct WaiverSummary: Hashable, Sendable {
    /// Requirement results turned into `waived`.
    public var applied: Int
    /// Waivers that expired before the as-of date: not applied.
    public var expired: [Waiver]
    /// Waivers in effect that matched no failing requirement.
    public var unused: [Waiver]

    public init(applied: Int = 0, expired: [Waiver] = [], unused: [Waiver] = []) {
        self.applied = applied
        self.expired = expired
        self.unused = unused
    }

    /// One line for text-like reports: "Waivers: 2 applied, 1 expired (not applied), 1 unused".
    public var line: String {
        var parts = ["\(applied) applied"]
        if !expired.isEmpty { parts.append("\(expired.count) expired (not applied)") }
        if !unused.isEmpty { parts.append("\(unused.count) unused") }
        return "Waivers: " + parts.joined(separator: ", ")
    }

    /// One sentence per waiver that did nothing, for reports.
    public var notes: [String] {
        expired.map { "expired on \($0.expires), not applied: \($0.target) (\($0.location))" }
            + unused.map { waiver in
                // A waiver for every program waives document requirements only: an eligibility rule
                // (whatever its id) or the deadline of the same id may well have failed.
                guard waiver.program == nil else {
                    return "unused: \(waiver.target) matches no failing requirement (\(waiver.location))"
                }
                return "unused: \(waiver.target) matches no failing document requirement; a waiver for every program (\"*\")"
                    + " waives documents only, and eligibility rules and the deadline only with a program id (\(waiver.location))"
            }
    }
}
