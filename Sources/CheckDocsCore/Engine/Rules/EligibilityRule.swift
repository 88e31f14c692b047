import CheckDocsNative

/// A program-level rule about the applicant rather than a document; failing it makes them ineligible.
public struct EligibilityRule: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case applicantStatus(allowed: [ApplicantStatus], notGraduatedBefore: Anchor?)
        case graduation(maxYearsSince: Int, anchor: Anchor)
        case yearOfStudy(min: Int)
        case exam(exams: [Exam], passed: Bool, minScore: Double?, maxAttempts: Int?)
        case english(options: [EnglishTestOption], exemptIfInstructionInEnglish: Bool, exemptIfExamPassed: Bool)
        case visaClass(accepted: [String])
        case citizenship(excluded: [String])
        case noResidencyIntent(required: Bool)
        case ecfmgCertified(required: Bool)
    }

    public var id: String
    public var kind: Kind
    public var severity: Severity
    public var hint: String?
    public var location: SourceLocation

    public init(id: String?, kind: Kind, severity: Severity = .error, hint: String? = nil, location: SourceLocation) {
        self.id = id ?? EligibilityRule.defaultID(for: kind)
        self.kind = kind
        self.severity = severity
        self.hint = hint
        self.location = location
    }

    /// A stable id for rules written without one, e.g. `eligibility.exam.usmle-step1`.
    public static func defaultID(for kind: Kind) -> String {
        switch kind {
        case .applicantStatus: return "eligibility.applicant-status"
        case .graduation: return "eligibility.graduation"
        case .yearOfStudy: return "eligibility.year-of-study"
        case let .exam(exams, _, _, _): return "eligibility.exam." + exams.map(\.rawValue).joined(separator: "+")
        case .english: return "eligibility.english"
        case .visaClass: return "eligibility.visa-class"
        case .citizenship: return "eligibility.citizenship"
        case .noResidencyIntent: return "eligibility.residency-intent"
        case .ecfmgCertified: return "eligibility.ecfmg-certified"
        }
    }

    public var title: String {
        switch kind {
        case let .applicantStatus(allowed, _):
            return "Applicant status: " + allowed.map(\.rawValue).joined(separator: " or ")
        case let .graduation(years, _): return "Graduated within the last \(years) years"
        case let .yearOfStudy(min): return "Year of study at least \(min)"
        case let .exam(exams, passed, minScore, maxAttempts):
            var parts = [exams.map(\.title).joined(separator: " or ")]
            parts.append(passed ? "passed" : "taken")
            if let minScore { parts.append("score ≥ \(Self.format(minScore))") }
            if let maxAttempts { parts.append("at most \(maxAttempts) attempt\(maxAttempts == 1 ? "" : "s")") }
            return parts.joined(separator: ", ")
        case let .english(options, _, _):
            return "English proficiency: " + options.map(\.summary).joined(separator: " or ")
        case let .visaClass(accepted): return "Visa class one of " + accepted.joined(separator: ", ")
        case .citizenship: return "Citizenship accepted"
        case .noResidencyIntent: return "No intent to apply for US residency"
        case .ecfmgCertified: return "ECFMG certified"
        }
    }

    /// A whole number without a fraction ("104"), any other as Swift writes it ("12.5", "1e+23").
    /// Only whole numbers up to 2^53 (all exact in a Double, and in Int's range) go through Int:
    /// a titer minimum or a manifest value can be far larger (docs/security.md, "Fuzzing").
    static func format(_ value: Double) -> String {
        value == value.rounded() && value.magnitude <= 9_007_199_254_740_992 ? String(Int(value)) : String(value)
    }
}

public struct EnglishTestOption: Hashable, Sendable {
    public var test: EnglishTestName
    public var minTotal: Double?
    public var minSection: Double?
    public var withinYears: Int?

    public var summary: String {
        var text = test.title
        if let minTotal { text += " ≥ \(EligibilityRule.format(minTotal))" }
        if let minSection { text += " (each section ≥ \(EligibilityRule.format(minSection)))" }
        if let withinYears { text += " within \(withinYears) year\(withinYears == 1 ? "" : "s")" }
        return text
    }
}
