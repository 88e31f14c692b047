import CheckDocsNative

/// Status of one requirement for one program (docs/programs.md, "How a requirement is evaluated").
public enum RequirementStatus: String, Sendable, Codable, CaseIterable {
    case ok
    case missing
    case expired
    case expiresBeforeNeeded = "expires-before-needed"
    case invalid
    case notEvaluable = "not-evaluable"
    case ineligible
    case pending
    case waived
    case notApplicable = "not-applicable"

    /// Whether this status is a problem that can block, depending on severity.
    public var isFailure: Bool {
        switch self {
        case .missing, .expired, .expiresBeforeNeeded, .invalid, .ineligible, .notEvaluable: return true
        case .ok, .pending, .waived, .notApplicable: return false
        }
    }

    /// Orders failing alternatives: the lower, the closer to being satisfied.
    var closeness: Int {
        switch self {
        case .ok, .waived, .notApplicable: return 0
        case .pending: return 1
        case .notEvaluable: return 2
        case .expiresBeforeNeeded: return 3
        case .expired: return 4
        case .invalid: return 5
        case .ineligible: return 6
        case .missing: return 7
        }
    }
}

/// Status of one program; the precedence is in docs/programs.md, "How a requirement is evaluated".
public enum ProgramStatus: String, Sendable, Codable {
    case ready
    case notReady = "not-ready"
    case ineligible
    case closed
}

/// The outcome of one requirement (or eligibility rule, or timing rule) for one program. Its
/// fields (`Fields`) are read and changed as its own: `result.status`, `result.message += …`.
@dynamicMemberLookup
public struct RequirementResult: Hashable, Sendable {
    public enum Category: String, Sendable, Codable {
        case document, eligibility, timing
    }

    /// A result's fields, kept in one shared box: a result is copied by each report, summary and
    /// status that reads it, and copying a dozen strings and lists for each of them cost more
    /// than the evaluation (docs/performance.md, "Shared values").
    public struct Fields: Hashable, Sendable {
        public var id: String
        public var title: String
        public var category: Category
        public var documentTypes: [String]
        public var status: RequirementStatus
        public var severity: Severity
        public var supplier: Supplier
        public var due: Stage
        /// Files that satisfied it (when ok) or that were considered and failed.
        public var files: [FilePath]
        /// What was found, in words (`message`), made when read for a requirement not met (`Words`).
        public var messageWords: Words
        /// The finding behind `message`, as data: the constraint or rule kind, the dates and the file
        /// (nil when satisfied, and for a document requirement whose condition does not hold).
        public var reasonData: ReasonData? = nil
        /// Every file the requirement's clauses considered, whether it counted and why not; filled
        /// when the requirement is not met, or met with a choice to make (empty otherwise).
        public var candidates: [CandidateFile] = []
        /// More files count than the program takes: which to assign is the applicant's choice.
        public var choice: ChoiceToMake? = nil
        public var hint: String?
        /// The rule that decided, in words (e.g. "window: within 12 months before the rotation end"):
        /// a requirement's is worded when a report reads `rule` (`Words`).
        public var ruleWords: Words?
        public var origin: String
        /// Set when a waiver turned a failure into `waived`: the status it had, and why it was waived.
        public var waiver: AppliedWaiver? = nil
        /// For an item to obtain or renew (missing, expired, expires-before-needed, invalid, pending):
        /// the days a new document can be dated and must be done by (`checkdocs plan`).
        public var windowData: WindowData? = nil
    }

    private var fields: SharedValue<Fields>

    /// A result whose message, reason, rule and window may be made when read (`MadeWhenRead`,
    /// `ReasonData`); `init(…rule:…)` makes one of words and data already made.
    init(id: String, title: String, category: Category, documentTypes: [String], status: RequirementStatus, severity: Severity,
         supplier: Supplier, due: Stage, files: [FilePath], messageWords: Words, reasonData: ReasonData?,
         candidates: [CandidateFile], choice: ChoiceToMake?, hint: String?, ruleWords: Words?, origin: String,
         waiver: AppliedWaiver? = nil, windowData: WindowData? = nil) {
        fields = SharedValue(Fields(id: id, title: title, category: category, documentTypes: documentTypes, status: status,
                                    severity: severity, supplier: supplier, due: due, files: files, messageWords: messageWords,
                                    reasonData: reasonData, candidates: candidates, choice: choice, hint: hint, ruleWords: ruleWords,
                                    origin: origin, waiver: waiver, windowData: windowData))
    }

    /// A field, read in place, and changed in place once the box is this result's alone.
    public subscript<Value>(dynamicMember field: WritableKeyPath<Fields, Value>) -> Value {
        get { fields.value[keyPath: field] }
        _modify { yield &fields.value[keyPath: field] }
    }

    /// Whether this result blocks at the given threshold. An undecided rule (`not-evaluable`)
    /// blocks like a failure of its severity: "ready" must never rest on a guess.
    public func blocks(at threshold: Severity) -> Bool {
        self.status.isFailure && self.severity >= threshold
    }

    /// Whether `checkdocs plan` lists it: a document to obtain, renew or replace.
    public var needsAction: Bool {
        self.category == .document && [.missing, .expired, .expiresBeforeNeeded, .invalid, .pending].contains(self.status)
    }
}

public struct ProgramResult: Hashable, Sendable {
    public var id: String
    public var name: String
    public var institution: String?
    public var kind: ProgramKind
    public var source: Provenance
    public var checklists: [String]
    public var rotation: Rotation?
    public var deadline: CalendarDate?
    public var effectiveDeadline: CalendarDate?
    public var fees: [Fee]
    public var status: ProgramStatus
    public var requirements: [RequirementResult]
    public var file: String
    /// For a program that lists sessions: the one this result is about, and why (nil otherwise).
    public var session: SessionChoice? = nil

    public func failures(at threshold: Severity) -> [RequirementResult] {
        requirements.filter { $0.blocks(at: threshold) }
    }
}

/// A missing or failing item and how many programs fixing it would help (the "Fix first"
/// list of docs/reports.md).
public struct CrossProgramItem: Hashable, Sendable {
    public var key: String
    public var title: String
    public var documentTypes: [String]
    public var programs: [String]
    /// Programs for which this is the only blocking item: fixing it makes them ready.
    public var soleBlockerOf: [String]
}

/// The fees, in one currency, of the programs the applicant can apply to (`ready` or `not-ready`).
public struct FeeTotal: Hashable, Sendable {
    public var currency: String
    public var amount: Decimal
    public var programs: Int
}

/// The fees, in one currency, of the programs the applicant cannot apply to now (`ineligible` or
/// `closed`): listed apart, never added to the totals (docs/reports.md, "Fix first and fees").
public struct UncountedFeeTotal: Hashable, Sendable {
    public var currency: String
    public var amount: Decimal
    /// The ids of those programs, in report order.
    public var programs: [String]
}

/// What a check knows before the first program is evaluated: the run and the folder.
public struct ReportHeader: Sendable {
    public var toolVersion: String
    public var asOf: CalendarDate
    public var folder: String
    public var documents: [ApplicantDocument]
    public var unrecognizedFiles: [FilePath]
    public var ambiguousFiles: [AmbiguousFile]
    public var diagnostics: [Diagnostic]
    /// What the text of unrecognized PDFs suggests; shown only, never used to satisfy a rule.
    public var suggestions: [ContentSuggestion] = []
    /// The --fail-on threshold (nil: never fail).
    public var failOn: Severity?
    /// The applicant folder's identity and its files', so report files are never written inside it.
    public var folderIdentity: FileIdentity
    public var fileIdentities: Set<FileIdentity>
    /// Which programs the check used and why (nil: not said, as for a report made by hand).
    public var selection: ProgramSelection? = nil
    /// The manifest's applicant, for what is worked out from it beyond the rules (a plan's lead times).
    public var profile: ApplicantProfile? = nil
}

/// What a check knows after the last program: the counts, what to fix first, the fees.
public struct ReportSummary: Sendable {
    public var statusCounts: [ProgramStatus: Int]
    public var crossProgram: [CrossProgramItem]
    public var fees: [FeeTotal]
    /// Fees of the `ineligible` and `closed` programs, not counted in `fees`.
    public var feesNotCounted: [UncountedFeeTotal] = []
    /// Whether a finding reached the --fail-on threshold (exit code 1).
    public var blocking: Bool
    /// What the waivers did; nil when no waivers file was in effect.
    public var waivers: WaiverSummary? = nil
    /// Manifest facts that would let undecided rules decide, gathered across programs.
    public var neededFacts = NeededFacts()
    /// Facts read from documents' content in this run, with their evidence and use.
    public var facts: [ReadFact] = []

    public var programCount: Int { statusCounts.values.reduce(0, +) }
    public func count(_ status: ProgramStatus) -> Int { statusCounts[status] ?? 0 }
}

/// A whole check at once (for tests and library users); the command line streams it instead.
public struct ReadinessReport: Sendable {
    public var header: ReportHeader
    public var programs: [ProgramResult]
    public var summary: ReportSummary
}

/// Receives a check as it happens, in order: the header, each program, the summary.
/// A check that ends in input errors throws after the last program instead of calling `end`.
public protocol CheckEvents {
    mutating func begin(_ header: ReportHeader) throws(InputErrors)
    mutating func program(_ result: ProgramResult) throws(InputErrors)
    mutating func end(_ summary: ReportSummary) throws(InputErrors)

    /// Work on a program's result that may run on any thread, ahead of `program(_:prepared:)`
    /// (formatting it, say); nil when there is none.
    var preparation: (@Sendable (ProgramResult) -> [[UInt8]?])? { get }
    /// A program with what `preparation` made of it, in order.
    mutating func program(_ result: ProgramResult, prepared: [[UInt8]?]) throws(InputErrors)
    /// Whether `end` reads the summary's facts to add (`ReportSummary.neededFacts`): only the text
    /// report prints them, and finding them words the message of every failing result, which a
    /// batch summary or a JSON report would otherwise word once or never (docs/performance.md,
    /// "Messages worded when read").
    var readsNeededFacts: Bool { get }
    /// Whether the events read each program's results. Events that read only each program's
    /// status (a batch's summary lines) say no: the check then decides each program without making
    /// its results (`ProgramEvaluator.status`) when no waiver is in effect, hands each on with
    /// `program(id:status:)` instead of `program(_:)`, and ends with a summary whose cross-program
    /// items, fees and facts to add are left empty (docs/performance.md, "Statuses alone").
    var readsResults: Bool { get }
    /// A program's status, for events that do not read results (`readsResults`).
    mutating func program(id: String, status: ProgramStatus) throws(InputErrors)
}

extension CheckEvents {
    public var preparation: (@Sendable (ProgramResult) -> [[UInt8]?])? { nil }
    public var readsNeededFacts: Bool { true }
    public var readsResults: Bool { true }
    /// Never called on events that read results.
    public mutating func program(id: String, status: ProgramStatus) throws(InputErrors) {}
    public mutating func program(_ result: ProgramResult, prepared: [[UInt8]?]) throws(InputErrors) { try program(result) }
}

/// Keeps every program: turns a check into one ReadinessReport. Sendable: a reporter holds one.
public struct ReportCollector: CheckEvents, Sendable {
    public private(set) var header: ReportHeader?
    public private(set) var programs: [ProgramResult] = []
    public private(set) var report: ReadinessReport?

    public init() {}

    public mutating func begin(_ header: ReportHeader) { self.header = header }
    public mutating func program(_ result: ProgramResult) { programs.append(result) }
    public mutating func end(_ summary: ReportSummary) {
        guard let header else { return }  // `end` always follows `begin`
        report = ReadinessReport(header: header, programs: programs, summary: summary)
    }
}

public struct AmbiguousFile: Hashable, Sendable {
    public var path: FilePath
    public var candidates: [String]
}

import struct Foundation.Decimal
