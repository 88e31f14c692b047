import CheckDocsNative

/// `<usce minMonths="6" handsOn="true" withinMonths="12" anchor="as-of" specialty="family-medicine"/>`:
/// at least that many months of US clinical experience, from the manifest's `applicant.usce`, each
/// stint proven by its certificate in the folder (docs/programs.md, "`usce`").
public struct USCECheck: EligibilityCheck {
    public var minMonths: Double
    /// Observerships do not count.
    public var handsOn: Bool
    /// Only the experience in the N months before the anchor counts; nil: any time.
    public var withinMonths: Int?
    public var anchor: Anchor
    /// Only experience in one of these counts (compared as `normalized`); empty: any specialty.
    public var specialties: [String]

    public init(minMonths: Double, handsOn: Bool = false, withinMonths: Int? = nil, anchor: Anchor = .asOf, specialties: [String] = []) {
        self.minMonths = minMonths
        self.handsOn = handsOn
        self.withinMonths = withinMonths
        self.anchor = anchor
        self.specialties = specialties
    }

    public static let order = 150
    public static let element = "usce"
    /// The document type a stint's `certificate:` must be (checklists/document-types.json).
    public static let certificateType = "usce_certificate"

    public static func decode(from node: DescriptionNode) throws(InputError) -> USCECheck {
        // The schemas hold minMonths to 0.1...1200; a rule asking for nothing is refused here too.
        guard let minMonths = try node.double("minMonths") else { throw InputError(node.location, "missing minMonths") }
        guard minMonths > 0, minMonths <= 1200 else {
            throw InputError(node.location(of: "minMonths"), "minMonths must be more than 0 and at most 1200, not \(EligibilityRule.format(minMonths))")
        }
        return USCECheck(minMonths: minMonths, handsOn: try node.bool("handsOn") ?? false,
                         withinMonths: try node.int("withinMonths", in: 1...1200),
                         anchor: try node.value("anchor", as: Anchor.self) ?? .asOf,
                         specialties: try node.list("specialty") ?? [])
    }

    public var defaultID: String { "eligibility.usce" }

    public var title: String {
        var text = "At least \(EligibilityRule.format(minMonths)) month\(minMonths == 1 ? "" : "s") of \(handsOn ? "hands-on " : "")US clinical experience"
        if !specialties.isEmpty { text += " in " + Self.words(specialties) }
        if let withinMonths { text += " within the \(withinMonths) months before \(ProgramDates.describe(anchor))" }
        if handsOn { text += " (observerships do not count)" }
        return text + ", each stint with its certificate"
    }

    // MARK: Evaluation

    /// Why one stint does not count in full.
    public enum NoteCode: String, Sendable {
        /// Counted in part: the rest is outside the window.
        case partlyOutsideWindow = "partly-outside-window"
        // Not counted: the rule excludes it.
        case notHandsOn = "not-hands-on"
        case otherSpecialty = "other-specialty"
        case outsideWindow = "outside-window"
        case notYetDone = "not-yet-done"
        // Not counted: it might count, but is not proven.
        case specialtyUnknown = "specialty-unknown"
        case noCertificate = "no-certificate"
        case certificateNotInFolder = "certificate-not-in-folder"
        /// The file is there but fails the baseline check every document gets (empty, not what
        /// its name says, a PDF that does not open): it proves nothing.
        case certificateUnusable = "certificate-unusable"

        /// Whether the stint could still count once the manifest or the folder says more.
        var isUnproven: Bool { [.specialtyUnknown, .noCertificate, .certificateNotInFolder, .certificateUnusable].contains(self) }
    }

    /// One stint that does not count in full, and why.
    public struct Note: Hashable, Sendable {
        public var stint: ClinicalExperience
        public var code: NoteCode
        /// For `partlyOutsideWindow`: the part counted.
        public var counted: ClosedRange<CalendarDate>?
        /// For `certificateUnusable`: what is wrong with the file.
        public var problem: String?
    }

    public var anchors: [Anchor] { [anchor] }

    public func evaluate(_ context: ClauseContext) -> EligibilityOutcome<Failure> {
        guard let stints = context.profile.usce else { return .unknown(field: "usce") }
        // Counted where pick counts too (USCECounting.swift), at the anchor's day.
        let counted = count(stints, at: context.dates.date(for: anchor), asOf: context.asOf,
                            certificates: Self.certificates(in: context.evaluation))
        let months = counted.months
        let summary = Summary(months: months, minMonths: minMonths, handsOn: handsOn, withinMonths: withinMonths, window: counted.window,
                              anchor: anchor, specialties: specialties, notes: counted.notes)
        if months >= minMonths - Self.tolerance {
            return .ok("\(Self.format(months)) months of \(handsOn ? "hands-on " : "")US clinical experience" + summary.windowWords)
        }
        let possible = counted.possibleMonths
        if possible >= minMonths - Self.tolerance { return .notEvaluable(.unproven(summary, possibleMonths: possible)) }
        return .ineligible(.short(summary))
    }

    /// The part of `stint` that counts, and why it does not count in full (nil: it counts in full).
    /// A stint the rule excludes has no part; one that might count but is not proven keeps its part.
    /// `certificates`: the folder's `usce_certificate` files, each with its baseline problem (nil: none).
    func classify(_ stint: ClinicalExperience, window: ClosedRange<CalendarDate>?, certificates: [FilePath: String?],
                  asOf: CalendarDate) -> (ClosedRange<CalendarDate>?, NoteCode?) {
        if handsOn && !stint.isHandsOn { return (nil, .notHandsOn) }
        var unknownSpecialty = false
        if !specialties.isEmpty {
            guard let specialty = stint.specialty else { unknownSpecialty = true; return classifyDates() }
            if !specialties.contains(where: { Self.normalized($0) == Self.normalized(specialty) }) { return (nil, .otherSpecialty) }
        }
        return classifyDates()

        func classifyDates() -> (ClosedRange<CalendarDate>?, NoteCode?) {
            guard let window, stint.start <= window.upperBound, stint.end >= window.lowerBound else {
                return (nil, stint.start > asOf ? .notYetDone : .outsideWindow)
            }
            let part = max(stint.start, window.lowerBound)...min(stint.end, window.upperBound)
            if unknownSpecialty { return (part, .specialtyUnknown) }
            guard let certificate = stint.certificate else { return (part, .noCertificate) }
            guard let problem = certificates[certificate] else { return (part, .certificateNotInFolder) }
            if problem != nil { return (part, .certificateUnusable) }
            return (part, part == stint.start...stint.end ? nil : .partlyOutsideWindow)
        }
    }

    /// Specialties in words: `family-medicine internal-medicine` is "family medicine or internal medicine".
    static func words(_ specialties: [String]) -> String {
        specialties.map { $0.split(separator: "-").joined(separator: " ") }.joined(separator: " or ")
    }

    /// Compares a rule's specialty with a stint's: case, spaces and punctuation aside, so
    /// `family-medicine` is "Family Medicine".
    static func normalized(_ specialty: String) -> String {
        String(specialty.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(Character.init))
    }

    // MARK: Counting months

    /// A sum of fractions is compared with a whole minimum: 3 months counted as 2.9999999 must pass.
    static let tolerance = 1e-9

    /// The months the stints cover, each day once: overlapping (or touching) stints are merged
    /// first, then each run of days is counted with `months(from:through:)`.
    static func months(in parts: [ClosedRange<CalendarDate>]) -> Double {
        var merged: [ClosedRange<CalendarDate>] = []
        for part in parts.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, part.lowerBound <= last.upperBound.adding(days: 1) {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, part.upperBound)
            } else {
                merged.append(part)
            }
        }
        return merged.reduce(0) { $0 + months(from: $1.lowerBound, through: $1.upperBound) }
    }

    /// Calendar months from `first` through `last`, both counted: from a day to the day before the
    /// same day of a later month is a whole number of months (Jan 1 – Mar 31 is 3; Jan 15 – Apr 14
    /// is 3), a day the later month lacks being its last (Jan 31 + 1 month = Feb 28); the days left
    /// over are that fraction of the month they start (docs/programs.md, "`usce`").
    static func months(from first: CalendarDate, through last: CalendarDate) -> Double {
        let stop = last.adding(days: 1)
        var whole = (stop.year * 12 + stop.month) - (first.year * 12 + first.month)
        while whole > 0 && first.adding(months: whole) > stop { whole -= 1 }
        while first.adding(months: whole + 1) <= stop { whole += 1 }
        let from = first.adding(months: whole), next = first.adding(months: whole + 1)
        return Double(whole) + Double(from.days(until: stop)) / Double(from.days(until: next))
    }

    /// Months to one decimal, rounded down, so that a total just short of the minimum never reads
    /// as meeting it ("2.9 of 3", not "3.0 of 3").
    static func format(_ months: Double) -> String {
        let tenths = Int((months * 10 + tolerance * 10).rounded(.down))
        return "\(tenths / 10).\(tenths % 10)"
    }

    // MARK: Findings

    /// What a failing result says: the months counted against the rule, and each stint that did
    /// not count in full.
    public struct Summary: Hashable, Sendable {
        public var months: Double
        public var minMonths: Double
        public var handsOn: Bool
        public var withinMonths: Int?
        public var window: ClosedRange<CalendarDate>?
        public var anchor: Anchor
        public var specialties: [String]
        public var notes: [Note]

        /// " in the 12 months before today (2025-12-01 – 2026-12-01)", or "" without a window.
        var windowWords: String {
            guard let withinMonths else { return "" }
            let dates = window.map { " (\($0.lowerBound) – \($0.upperBound))" } ?? ""
            return " in the \(withinMonths) months before \(ProgramDates.describe(anchor))" + dates
        }

        var fields: [FindingReason.Field] {
            var fields: [FindingReason.Field] = [.init(key: "months", value: .number(Double(USCECheck.format(months))!)),
                                                 .init(key: "minMonths", value: .number(minMonths)),
                                                 .init(key: "handsOn", value: .bool(handsOn))]
            if let withinMonths {
                fields.append(.init(key: "withinMonths", value: .int(withinMonths)))
                fields.append(.init(key: "anchor", value: .string(anchor.rawValue)))
                if let window {
                    fields.append(.init(key: "from", value: .date(window.lowerBound)))
                    fields.append(.init(key: "through", value: .date(window.upperBound)))
                }
            }
            if !specialties.isEmpty { fields.append(.init(key: "specialties", value: .strings(specialties))) }
            // "2025-02-03..2025-02-28 observership: not-hands-on", one per stint not counted in full.
            fields.append(.init(key: "notCounted", value: .strings(notes.map { "\($0.stint.start)..\($0.stint.end) \($0.stint.kind.rawValue): \($0.code.rawValue)" })))
            return fields
        }

        /// "2.0 of 3 months hands-on in the 12 months before today (…)".
        var shortWords: String {
            "\(USCECheck.format(months)) of \(EligibilityRule.format(minMonths)) months\(handsOn ? " hands-on" : "")"
                + (specialties.isEmpty ? "" : " in " + USCECheck.words(specialties)) + windowWords
        }

        /// Each stint not counted in full, in words, in date order.
        var noteWords: [String] { notes.map { Summary.words($0, window: window) } }

        /// "the Feb 2025 observership at Sinai Hospital does not count (not hands-on)".
        static func words(_ note: Note, window: ClosedRange<CalendarDate>?) -> String {
            let stint = note.stint
            let label = "the \(monthNames[stint.start.month - 1]) \(stint.start.year) \(stint.kind.noun)"
                + (stint.institution.map { " at \($0)" } ?? "")
            switch note.code {
            case .partlyOutsideWindow:
                let part = note.counted.map { "\($0.lowerBound) – \($0.upperBound)" } ?? ""
                return "\(label) counts only from \(part) (the rest is outside the window)"
            case .notHandsOn: return "\(label) does not count (an observership is not hands-on)"
            case .otherSpecialty: return "\(label) does not count (\(stint.specialty ?? "another specialty"))"
            case .outsideWindow:
                // A window that ends before today (anchored to a past deadline) can also leave a stint out after it.
                if let window, stint.start > window.upperBound { return "\(label) does not count (it starts after \(window.upperBound))" }
                return "\(label) does not count (it ended \(stint.end)\(window.map { ", before \($0.lowerBound)" } ?? ""))"
            case .notYetDone: return "\(label) does not count yet (it starts \(stint.start))"
            case .specialtyUnknown: return "\(label) has no `specialty:` in the manifest"
            case .noCertificate: return "\(label) has no `certificate:` in the manifest naming its certificate in the folder"
            case .certificateNotInFolder:
                return "\(label): its certificate `\(stint.certificate?.description ?? "")` is not in the folder as a USCE certificate"
            case .certificateUnusable:
                return "\(label): its certificate `\(stint.certificate?.description ?? "")` cannot be used (\(note.problem ?? "it fails the baseline check"))"
            }
        }

        static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    }

    public enum Failure: FindingDetail {
        /// Too few months, even counting the stints that are not proven.
        case short(Summary)
        /// Enough months only with stints whose certificate or specialty is not known.
        case unproven(Summary, possibleMonths: Double)

        public var code: String {
            switch self {
            case .short: return "too-few-months"
            case .unproven: return "not-proven"
            }
        }

        public var fields: [FindingReason.Field] {
            switch self {
            case let .short(summary): return summary.fields
            case let .unproven(summary, possibleMonths):
                return summary.fields + [.init(key: "possibleMonths", value: .number(Double(USCECheck.format(possibleMonths))!))]
            }
        }

        public func sentence(catalog: DocumentCatalog) -> String {
            switch self {
            case let .short(summary):
                return ([summary.shortWords] + summary.noteWords).joined(separator: "; ")
            case let .unproven(summary, possibleMonths):
                let unproven = summary.notes.filter(\.code.isUnproven).map { Summary.words($0, window: summary.window) }
                let others = summary.notes.filter { !$0.code.isUnproven }.map { Summary.words($0, window: summary.window) }
                return (["\(summary.shortWords) are proven; \(USCECheck.format(possibleMonths)) with the experience not yet proven"]
                        + unproven + others).joined(separator: "; ")
            }
        }
    }
}
