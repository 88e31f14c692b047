/// The one place where US clinical experience is counted against a `usce` rule: `check` counts the
/// manifest's stints at the rule's anchor, `pick` the same stints and the sessions it plans at a
/// target residency's deadline (docs/programs.md, "`usce`"; docs/pick.md, "Factors").
extension USCECheck {
    /// A session `pick` may add: not done yet, so it has no certificate; it counts as a stint of
    /// `kind` would (nil: what the visitor does is not stated, so it never counts as hands-on).
    public struct PlannedStint: Hashable, Sendable {
        public var start: CalendarDate
        public var end: CalendarDate
        public var kind: ClinicalExperience.Kind?
        public var specialty: String?

        public init(start: CalendarDate, end: CalendarDate, kind: ClinicalExperience.Kind?, specialty: String?) {
            self.start = start
            self.end = end
            self.kind = kind
            self.specialty = specialty
        }
    }

    /// What a rule counts at one day.
    public struct Count: Sendable {
        /// The months proven (and planned), each day once.
        public var months: Double
        /// With the stints that might count but are not proven too.
        public var possibleMonths: Double
        /// The manifest's stints that do not count in full, in date order.
        public var notes: [Note]
        /// The days the manifest's stints count in (nil: none).
        public var window: ClosedRange<CalendarDate>?
        /// The parts that count, before merging: what `months` counts.
        public var proven: [ClosedRange<CalendarDate>]
    }

    /// The folder's `usce_certificate` files, each with what fails its baseline check (nil: nothing):
    /// a stint counts only when its certificate is one of them with nothing failing.
    static func certificates(in evaluation: EvaluationContext) -> [FilePath: String?] {
        var certificates: [FilePath: String?] = [:]
        for candidate in evaluation.candidates(satisfying: certificateType).items {
            let failure = BaselineCheck.check(candidate.document, verdict: candidate.baseline, inspector: evaluation.inspector)
            certificates[candidate.document.path] = .some(failure?.finding.sentence(catalog: evaluation.catalog))
        }
        return certificates
    }

    /// The first day that counts for a rule counted at `day`: `withinMonths` before it, as a `<window>` counts.
    func firstDay(at day: CalendarDate) -> CalendarDate {
        withinMonths.map { day.subtracting($0, .months) } ?? .first
    }

    /// The days the manifest's stints count in at `day`: never after the as-of date, since
    /// experience not yet done has no certificate (docs/programs.md, "`usce`").
    func stintWindow(at day: CalendarDate, asOf: CalendarDate) -> ClosedRange<CalendarDate>? {
        let first = firstDay(at: day), last = min(day, asOf)
        return first <= last ? first...last : nil
    }

    /// Each stint's part that is proven and counts, the parts that might count but are not proven,
    /// and the notes on every stint that does not count in full.
    func parts(of stints: [ClinicalExperience], at day: CalendarDate, asOf: CalendarDate,
               certificates: [FilePath: String?]) -> (proven: [ClosedRange<CalendarDate>], unproven: [ClosedRange<CalendarDate>], notes: [Note]) {
        let window = stintWindow(at: day, asOf: asOf)
        var proven: [ClosedRange<CalendarDate>] = []
        var unproven: [ClosedRange<CalendarDate>] = []
        var notes: [Note] = []
        for stint in stints.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
            let (part, code) = classify(stint, window: window, certificates: certificates, asOf: asOf)
            if let code {
                notes.append(Note(stint: stint, code: code, counted: code == .partlyOutsideWindow ? part : nil,
                                  problem: code == .certificateUnusable ? stint.certificate.flatMap { certificates[$0] ?? nil } : nil))
            }
            guard let part else { continue }
            if code?.isUnproven == true { unproven.append(part) } else { proven.append(part) }
        }
        return (proven, unproven, notes)
    }

    /// The part of a planned session that counts at `day` (nil: none). The rule's exclusions are a
    /// stint's: an observership (or an unstated kind) is not hands-on, and the specialty must be
    /// one of the rule's, compared whole as `normalized` ("General Surgery" is not "surgery"). A
    /// session that ends after `day` is too late for it and adds nothing.
    func part(of session: PlannedStint, at day: CalendarDate) -> ClosedRange<CalendarDate>? {
        guard session.end <= day else { return nil }
        if handsOn, !(session.kind.map { $0 != .observership } ?? false) { return nil }
        if !specialties.isEmpty {
            guard let specialty = session.specialty,
                  specialties.contains(where: { Self.normalized($0) == Self.normalized(specialty) }) else { return nil }
        }
        let first = max(session.start, firstDay(at: day))
        return first <= session.end ? first...session.end : nil
    }

    /// The proven months of these stints and planned sessions for this rule at `day`: the
    /// manifest's stints proven by their certificates, through `min(day, asOf)`, and the planned
    /// sessions through `day`, merged so that a day counts once (`months(in:)`).
    public func count(_ stints: [ClinicalExperience], planned: [PlannedStint] = [], at day: CalendarDate, asOf: CalendarDate,
                      certificates: [FilePath: String?]) -> Count {
        let (proven, unproven, notes) = parts(of: stints, at: day, asOf: asOf, certificates: certificates)
        let counted = proven + planned.compactMap { part(of: $0, at: day) }
        return Count(months: Self.months(in: counted), possibleMonths: Self.months(in: counted + unproven), notes: notes,
                     window: stintWindow(at: day, asOf: asOf), proven: counted)
    }
}

extension ChoosingFacts.HandsOn {
    /// The stint a session of this level is, for a `usce` rule: hands-on is a hands-on stint,
    /// limited supervised tasks an externship (which counts as hands-on, docs/programs.md), and
    /// observation an observership (which does not).
    public var stintKind: ClinicalExperience.Kind {
        switch self {
        case .handsOn: return .handsOn
        case .limited: return .externship
        case .observation: return .observership
        }
    }
}
