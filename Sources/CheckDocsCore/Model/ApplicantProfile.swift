/// What the manifest says about the applicant. Every field is optional: unknown is not false.
public struct ApplicantProfile: Hashable, Sendable {
    public var name: String?
    public var otherNames: [String] = []
    public var citizenship: [String] = []
    public var usCitizenOrPermanentResident: Bool?
    public var status: ApplicantStatus?
    public var yearOfStudy: Int?
    public var graduationDate: CalendarDate?
    public var medicalSchool: String?
    public var medicalSchoolCountry: String?
    public var instructionLanguage: String?
    /// How many years the school's medical program lasts (six in some countries, four or five in
    /// others): what "final year" and "last N years" are counted from.
    public var programYears: Int?
    /// The school's accreditations (`LCME`, `COCA`, …). nil: not said; []: none.
    public var medicalSchoolAccreditation: [String]?
    /// Whether the school is listed in the World Directory of Medical Schools.
    public var medicalSchoolListedInWDOMS: Bool?
    /// nil: the manifest does not say (unknown); []: it says there are none.
    public var exams: [ExamAttempt]?
    /// nil: the manifest does not say (unknown); []: it says there are none.
    public var englishTests: [EnglishTestResult]?
    public var ecfmgCertified: Bool?
    public var visaClass: String?
    /// The class the applicant will be admitted in (`WB`, `WT`, `B-1`, `J-1`, …), when it is not
    /// simply the one class of `visaClass` (docs/manifest.md).
    public var admissionClass: String?
    public var intendsResidency: Bool?
    /// US clinical experience. nil: the manifest does not say (unknown); []: it says there is none.
    public var usce: [ClinicalExperience]?
    /// The program kinds applied for: which standard checklists a folder without programs/ is
    /// checked against (docs/manifest.md). Empty: not said.
    public var applyingFor: [ProgramKind] = []
    /// Per program id, what the applicant records about that program: its offer, the session
    /// aimed at (the manifest's `targets:`).
    public var targets: [String: ProgramTarget] = [:]
    /// The manifest's `goals:`, for `pick`; nil when the manifest has none.
    public var goals: ApplicantGoals?

    public init() {}

    public var instructionInEnglish: Bool? { instructionLanguage.map { $0 == "en" || $0 == "eng" } }
}

public struct ExamAttempt: Hashable, Sendable {
    public var exam: Exam
    public var date: CalendarDate
    public var passed: Bool
    public var score: Double?

    public init(exam: Exam, date: CalendarDate, passed: Bool, score: Double? = nil) {
        self.exam = exam
        self.date = date
        self.passed = passed
        self.score = score
    }

    /// Step 1 has been reported pass/fail only since 26 January 2022 (usmle.org); such an attempt
    /// has no numeric score a cut-off could be compared with.
    public static let step1PassFailSince = CalendarDate(clampingYear: 2022, month: 1, day: 26)

    public var isPassFailOnly: Bool {
        exam == .usmleStep1 && date >= ExamAttempt.step1PassFailSince
    }
}

public struct EnglishTestResult: Hashable, Sendable {
    public var test: EnglishTestName
    public var date: CalendarDate
    public var total: Double?
    /// Section name → score, from one sitting.
    public var sections: [String: Double] = [:]

    public init(test: EnglishTestName, date: CalendarDate, total: Double? = nil, sections: [String: Double] = [:]) {
        self.test = test
        self.date = date
        self.total = total
        self.sections = sections
    }
}

/// One entry of the manifest's `targets:` (docs/manifest.md).
public struct ProgramTarget: Hashable, Sendable {
    /// The day the program made an offer (a conditional acceptance).
    public var offer: CalendarDate?
    /// The start date of the session aimed at, for a program that lists sessions.
    public var session: CalendarDate?
    /// Where it was written, for errors about it: `/targets/<id>`.
    public var pointer: String

    public init(offer: CalendarDate? = nil, session: CalendarDate? = nil, pointer: String) {
        self.offer = offer
        self.session = session
        self.pointer = pointer
    }
}
