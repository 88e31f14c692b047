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
    /// nil: the manifest does not say (unknown); []: it says there are none.
    public var exams: [ExamAttempt]?
    /// nil: the manifest does not say (unknown); []: it says there are none.
    public var englishTests: [EnglishTestResult]?
    public var ecfmgCertified: Bool?
    public var visaClass: String?
    public var intendsResidency: Bool?
    /// US clinical experience. nil: the manifest does not say (unknown); []: it says there is none.
    public var usce: [ClinicalExperience]?
    /// The program kinds applied for: which standard checklists a folder without programs/ is
    /// checked against (docs/manifest.md). Empty: not said.
    public var applyingFor: [ProgramKind] = []

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
