import Foundation
import CheckDocsNative

/// One factor of a session's score: its value (0 to 1), its weight, and why, in words
/// (docs/pick.md, "Factors").
public struct PickFactor: Hashable, Sendable {
    public var name: String
    public var value: Double
    public var weight: Double
    public var words: String
    public var points: Double { value * weight }
}

/// Something still to obtain before a session, and about how long it takes.
public struct PickItem: Hashable, Sendable {
    public var requirement: String
    public var title: String
    public var leadDays: Int
}

/// What a session costs: per currency, fees and living; what could not be counted.
public struct PickCost: Hashable, Sendable {
    /// Currency → amount, sorted by currency when shown.
    public var amounts: [String: Decimal] = [:]
    /// Fees or living costs that could not be counted (a weekly fee with no length known).
    public var uncounted: [String] = []
    /// Whether the program states no fee at all: its cost is unknown, never free.
    public var feeUnknown = false
    /// The `uncounted` entry for a program that states no fee.
    public static let feeNotStated = "the program's fee: not stated"

    public mutating func add(_ amount: Decimal, _ currency: String) { amounts[currency, default: 0] += amount }

    /// "USD 1,950" style, currencies in order, and "+ unstated fees" when a program gives
    /// none; "no cost stated" when nothing is known.
    public var words: String {
        guard !amounts.isEmpty else { return "no cost stated" }
        return amounts.keys.sorted().map { "\($0) \(PickCost.format(amounts[$0]!))" }.joined(separator: " + ")
            + (feeUnknown ? " + unstated fees" : "")
    }

    static func format(_ amount: Decimal) -> String {
        var value = amount
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 0, .plain)
        return "\(rounded)"
    }
}

/// One session of one program (or the program itself, when it gives one rotation or none),
/// weighed for this applicant.
public struct PickCandidate: Hashable, Sendable {
    public var programID: String
    public var name: String
    public var institution: String?
    public var kind: ProgramKind
    public var specialty: String?
    public var handsOn: ChoosingFacts.HandsOn?
    public var source: Provenance
    public var rotation: Rotation?
    public var weeks: Int?
    /// Why it does not fit; empty when it does.
    public var exclusions: [String] = []
    /// Facts that were not decided and could still exclude it (eligibility the manifest does not settle).
    public var undecided: [String] = []
    public var missing: [PickItem] = []
    /// The day the applicant could be ready, counting the lead times of what is missing.
    public var readyBy: CalendarDate
    /// The last day to apply (deadline or start less lead time), when known.
    public var applyBy: CalendarDate?
    public var cost = PickCost()
    public var factors: [PickFactor] = []
    public var sessionCount: Int = 1

    public var fits: Bool { exclusions.isEmpty }
    public var score: Double { factors.reduce(0) { $0 + $1.points } }
    public var key: String { programID + (rotation.map { "@\($0.start)" } ?? "") }
}

/// How one target residency program's USCE rule stands with a plan (docs/pick.md, "The plan").
public struct ResidencyOutcome: Hashable, Sendable {
    public var programID: String
    public var rule: String
    public var monthsBefore: Double
    public var monthsWithPlan: Double
    public var minMonths: Double
    public var met: Bool
    public var words: String
}

/// A season of sessions: what the search chose and what it left out, and why.
public struct SeasonPlan: Hashable, Sendable {
    public var objective: String
    public var blocks: [PickCandidate]
    public var total: PickCost
    public var value: Double
    public var residency: [ResidencyOutcome]
    public var rejected: [(candidate: PickCandidate, reason: String)]
    public var candidatesSearched: Int
    public var nodes: Int
    /// False when the search stopped at its node limit: the plan is the best found, not proven best.
    public var complete: Bool
    /// Programs that fit but give no dates: the plan cannot place them (their ids).
    public var undated: [String] = []

    public static func == (a: SeasonPlan, b: SeasonPlan) -> Bool {
        a.blocks == b.blocks && a.value == b.value && a.nodes == b.nodes
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(blocks) }
}

/// Everything `pick` reports.
public struct PickReport: Sendable {
    /// The line a report gives when no session fits: the reasons follow per program, unless no
    /// program was weighed at all (a catalog of residencies: they are targets, never ranked).
    public var nothingFits: String {
        unfit.isEmpty
            ? "Nothing to weigh: residency programs are not ranked, only aimed at (goals.residencyTargets); pick ranks every other kind."
            : "Nothing fits. The reasons, per program, are below."
    }

    public var toolVersion: String
    public var asOf: CalendarDate
    public var folder: String
    public var goals: ApplicantGoals
    public var weights: PickWeights
    /// Programs that fit, best session each, best first.
    public var ranked: [PickCandidate]
    /// Programs with no session that fits, with the reasons of the one that came closest.
    public var unfit: [PickCandidate]
    public var sessionsWeighed: Int
    public var plan: SeasonPlan?
    /// Things said once about the whole run (no goals in the manifest, …).
    public var notes: [String]
    /// How many to show in the text output.
    public var top: Int
    /// The applicant folder and its files: an output file is never written among them (docs/security.md).
    public var folderIdentity: FileIdentity
    public var fileIdentities: Set<FileIdentity>

    public var somethingFits: Bool { !ranked.isEmpty }
}
