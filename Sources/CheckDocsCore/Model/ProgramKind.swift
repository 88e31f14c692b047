public enum ProgramKind: String, Sendable, Codable, CaseIterable, Comparable {
    case observership, externship, internship
    case visitingElective = "visiting-elective"
    case residency, research

    public static func < (lhs: ProgramKind, rhs: ProgramKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

public enum Severity: String, Sendable, Codable, Comparable {
    case warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
}

/// Who provides a document: the applicant, the home school, or the host after an offer.
public enum Supplier: String, Sendable, Codable {
    case applicant
    case homeSchool = "home-school"
    case host
}

/// When an item is due. Only `application` items block an application today.
public enum Stage: String, Sendable, Codable {
    case application
    case beforeArrival = "before-arrival"
    case afterOffer = "after-offer"
}

/// The date a validity rule is measured from.
public enum Anchor: String, Sendable, Codable {
    case rotationStart = "rotation-start"
    case rotationEnd = "rotation-end"
    case deadline
    case asOf = "as-of"
    /// The day the program made the applicant an offer (the manifest's `targets:`).
    case offer
}

public enum LabResult: String, Sendable, Codable {
    case positive, negative
}

public enum ApplicantStatus: String, Sendable, Codable {
    case student, graduate
}

public enum Exam: String, Sendable, Codable, CaseIterable {
    case usmleStep1 = "usmle-step1"
    case usmleStep2CK = "usmle-step2ck"
    case usmleStep3 = "usmle-step3"
    case comlexLevel1 = "comlex-level1"
    case comlexLevel2 = "comlex-level2"
    case ifomBSE = "ifom-bse"

    /// The document types that are this exam's score report (checklists/document-types.json).
    public var reportTypes: [String] {
        switch self {
        case .usmleStep1: return ["usmle_step1"]
        case .usmleStep2CK: return ["usmle_step2ck"]
        case .usmleStep3: return ["usmle_step3"]
        case .comlexLevel1, .comlexLevel2: return ["comlex"]
        case .ifomBSE: return ["ifom"]
        }
    }

    public var title: String {
        switch self {
        case .usmleStep1: return "USMLE Step 1"
        case .usmleStep2CK: return "USMLE Step 2 CK"
        case .usmleStep3: return "USMLE Step 3"
        case .comlexLevel1: return "COMLEX Level 1"
        case .comlexLevel2: return "COMLEX Level 2"
        case .ifomBSE: return "IFOM-BSE"
        }
    }
}

public enum EnglishTestName: String, Sendable, Codable, CaseIterable {
    case toeflIBT = "toefl-ibt"
    case ielts, oet, cae, cpe, duolingo

    public var title: String {
        switch self {
        case .toeflIBT: return "TOEFL iBT"
        case .ielts: return "IELTS"
        case .oet: return "OET"
        case .cae: return "Cambridge CAE"
        case .cpe: return "Cambridge CPE"
        case .duolingo: return "Duolingo English Test"
        }
    }

    /// How many section scores a result of the test reports: "each section ≥ N" is decided only
    /// when all are recorded (TOEFL iBT reading, listening, speaking, writing; IELTS's four
    /// bands; OET's four sub-tests; Cambridge's five skills, Use of English among them;
    /// Duolingo's four subscores). Three sections of four recorded leave the fourth unknown.
    public var sectionCount: Int {
        switch self {
        case .toeflIBT, .ielts, .oet, .duolingo: return 4
        case .cae, .cpe: return 5
        }
    }
}
