import CheckDocsNative
/// A fact read from a document's content rather than typed in the manifest (docs/inspection.md,
/// "Facts read from documents"): which kind of fact, its value, and the evidence it rests on.
public enum FactClass: String, Sendable, CaseIterable, Comparable {
    case expiryDate = "expiry-date"
    case validThrough = "valid-through"
    case issueDate = "issue-date"
    case collectionDate = "collection-date"
    case resultDate = "result-date"
    case renewalDate = "recommended-renewal"
    case testResult = "test-result"
    case titer
    case examResult = "exam-result"
    case name
    case visaClass = "visa-class"
    case coveragePeriod = "coverage-period"
    case doseDate = "dose-date"

    public static func < (lhs: FactClass, rhs: FactClass) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// In words, for reports: "valid through", "test result".
    public var title: String {
        switch self {
        case .expiryDate: return "expiry date"
        case .validThrough: return "valid through"
        case .issueDate: return "issue date"
        case .collectionDate: return "collection date"
        case .resultDate: return "result date"
        case .renewalDate: return "recommended renewal"
        case .testResult: return "test result"
        case .titer: return "titer"
        case .examResult: return "exam result"
        case .name: return "name"
        case .visaClass: return "visa class"
        case .coveragePeriod: return "coverage period"
        case .doseDate: return "dose date"
        }
    }
}

/// How a fact was obtained.
public enum FactMethod: String, Sendable, CaseIterable {
    case manifest
    case mrz
    case textLayer = "text-layer"
    case ocr

    public var title: String {
        switch self {
        case .manifest: return "manifest"
        case .mrz: return "MRZ"
        case .textLayer: return "text layer"
        case .ocr: return "OCR"
        }
    }
}

/// A test result as documents word it; `negative`/`non-reactive` and `positive`/`reactive` are
/// the manifest's `negative` and `positive`, `indeterminate` is neither.
public enum ReadTestResult: String, Sendable, CaseIterable {
    case negative, positive, reactive
    case nonReactive = "non-reactive"
    case indeterminate

    public var labResult: LabResult? {
        switch self {
        case .negative, .nonReactive: return .negative
        case .positive, .reactive: return .positive
        case .indeterminate: return nil
        }
    }
}

/// The value of a read fact.
public enum FactValue: Hashable, Sendable {
    case date(CalendarDate)
    case period(from: CalendarDate, through: CalendarDate)
    case result(ReadTestResult)
    case titer(value: Double, unit: String)
    /// An exam's step ("Step 1", "Step 2 CK"), with what the same line gives of its date,
    /// outcome (`pass`/`fail`) and score.
    case exam(step: String, date: CalendarDate?, outcome: String?, score: Int?)
    case text(String)

    /// As the report prints it.
    public var description: String {
        switch self {
        case let .date(date): return date.description
        case let .period(from, through): return "\(from) to \(through)"
        case let .result(result): return result.rawValue
        case let .titer(value, unit): return "\(Self.number(value)) \(unit)"
        case let .exam(step, date, outcome, score):
            var parts = [step]
            if let outcome { parts.append(outcome) }
            if let score { parts.append("score \(score)") }
            if let date { parts.append("on \(date)") }
            return parts.joined(separator: " ")
        case let .text(text): return text
        }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// One fact read from one page of one document, with its evidence.
public struct ReadFact: Hashable, Sendable {
    public var fact: FactClass
    public var value: FactValue
    /// The document it was read from, and the type that document has (the reader reads facts in
    /// the light of the type: a date labelled "expires" on a lab report is not a passport's expiry).
    public var file: FilePath
    public var documentType: String?
    /// 1-based page number.
    public var page: Int
    public var method: FactMethod
    /// The text the fact was read from (one line, at most `ReadFact.maxEvidence` characters).
    public var evidence: String
    /// 0...1: how sure the reader is of this reading (docs/inspection.md, "Confidence").
    public var confidence: Double
    /// What happened to it in this run (filled when it is applied to the document).
    public var use: Use = .hint
    /// The manifest's value for the same field, when it is different (the manifest wins).
    public var manifestValue: String? = nil
    /// Whether the value that overrules this reading (`use` manifest) came from the file's name,
    /// not from the manifest.
    public var givenByFileName = false

    public enum Use: String, Sendable {
        /// Filled a field the manifest left empty, so rules decide with it.
        case decides
        /// Shown only: its class does not decide, it is not sure enough, or the document gave
        /// two different values for it ("read: … — confirm in the manifest").
        case hint
        /// The manifest gives this field: the manifest wins.
        case manifest
    }

    public static let maxEvidence = 160

    public init(fact: FactClass, value: FactValue, file: FilePath, documentType: String?, page: Int, method: FactMethod,
                evidence: String, confidence: Double) {
        self.fact = fact
        self.value = value
        self.file = file
        self.documentType = documentType
        self.page = page
        self.method = method
        self.evidence = DisplayText.cut(evidence, toCharacters: Self.maxEvidence)
        self.confidence = confidence
    }

    /// "(read from Passport scan.pdf, page 1, text layer)".
    public var source: String { "read from \(file.lastComponentDescription), page \(page), \(method.title)" }
}

extension FilePath {
    /// The file's own name, for display.
    public var lastComponentDescription: String { FilePath(bytes: lastComponent).description }
}
