import CheckDocsNative

/// `<exam exam="usmle-step1 usmle-step2ck" passed="true" minScore="220" maxAttempts="2"/>`: an
/// attempt at one of the exams, read from the manifest's `applicant.exams`. With `ifTaken="true"`
/// ("Step 3 ≥ 220 if taken") an applicant with no attempt is not concerned.
public struct ExamCheck: EligibilityCheck {
    public var exams: [Exam]
    public var passed: Bool
    public var minScore: Double?
    public var maxAttempts: Int?
    public var ifTaken: Bool

    public init(exams: [Exam], passed: Bool = true, minScore: Double? = nil, maxAttempts: Int? = nil, ifTaken: Bool = false) {
        self.exams = exams
        self.passed = passed
        self.minScore = minScore
        self.maxAttempts = maxAttempts
        self.ifTaken = ifTaken
    }

    public static let order = 40
    public static let element = "exam"

    public static func decode(from node: DescriptionNode) throws(InputError) -> ExamCheck {
        // The schemas ask for one exam at least; a list of only spaces still names none.
        guard let exams = try node.list("exam", of: Exam.self), !exams.isEmpty else {
            throw InputError(node.location, "an exam rule needs at least one exam")
        }
        return ExamCheck(exams: exams, passed: try node.bool("passed") ?? true, minScore: try node.double("minScore"),
                         maxAttempts: try node.int("maxAttempts", in: 0...1000), ifTaken: try node.bool("ifTaken") ?? false)
    }

    public var defaultID: String { "eligibility.exam." + exams.map(\.rawValue).joined(separator: "+") }

    public var title: String {
        var parts = [exams.map(\.title).joined(separator: " or ")]
        parts.append(passed ? "passed" : "taken")
        if let minScore { parts.append("score ≥ \(EligibilityRule.format(minScore))") }
        if let maxAttempts { parts.append("at most \(maxAttempts) attempt\(maxAttempts == 1 ? "" : "s")") }
        if ifTaken { parts.append("if taken") }
        return parts.joined(separator: ", ")
    }

    public func evaluate(_ context: ClauseContext) -> EligibilityOutcome<Failure> {
        guard let recorded = context.profile.exams else { return .unknown(field: "exams") }
        // An attempt dated after the run's day has not been sat yet: it counts for nothing.
        let attempts = recorded.filter { exams.contains($0.exam) && $0.date <= context.asOf }
        // The list is taken as complete (docs/manifest.md): no attempt in it is none taken.
        if attempts.isEmpty { return ifTaken ? .notApplicable(.notTaken(exams: exams)) : .ineligible(.noAttempt(exams: exams)) }
        if let maxAttempts {
            for exam in exams {
                let count = attempts.filter { $0.exam == exam }.count
                if count > maxAttempts { return .ineligible(.tooManyAttempts(exam: exam, count: count, max: maxAttempts)) }
            }
        }
        let passes = attempts.filter(\.passed)
        if passed && passes.isEmpty { return .ineligible(.notPassed(exams: exams)) }
        if let minScore {
            // Neither list is empty here: an attempt exists, and a pass when one is required.
            let considered = passed ? passes : attempts
            let scored = considered.compactMap { attempt in attempt.isPassFailOnly ? nil : attempt.score.map { (attempt.exam, $0) } }
            let best = scored.max(by: { $0.1 < $1.1 })
            if let best, best.1 >= minScore { return .ok("\(best.0.title) score \(EligibilityRule.format(best.1))") }
            // An attempt without a score (reported pass/fail only, or none recorded) might meet the
            // cut-off: the rule is undecided, never failed (a score below it elsewhere or not).
            guard let attempt = considered.first(where: { $0.isPassFailOnly || $0.score == nil }) else {
                // Every attempt considered has a score, so there is a best one, below the cut-off.
                let (exam, score) = best ?? (considered[0].exam, considered[0].score ?? 0)
                return .ineligible(.scoreBelow(exam: exam, score: score, minScore: minScore))
            }
            if attempt.isPassFailOnly { return .notEvaluable(.passFailOnly(exam: attempt.exam, date: attempt.date, minScore: minScore)) }
            return .notEvaluable(.noScore(exam: attempt.exam))
        }
        return .ok("\(passes.first?.exam.title ?? exams.map(\.title).joined(separator: " or ")) passed")
    }

    public enum Failure: FindingDetail {
        case noAttempt(exams: [Exam])
        /// `ifTaken`, and no attempt: the rule does not apply.
        case notTaken(exams: [Exam])
        case tooManyAttempts(exam: Exam, count: Int, max: Int)
        case notPassed(exams: [Exam])
        case scoreBelow(exam: Exam, score: Double, minScore: Double)
        case passFailOnly(exam: Exam, date: CalendarDate, minScore: Double)
        case noScore(exam: Exam)

        public var code: String {
            switch self {
            case .noAttempt: return "no-attempt"
            case .notTaken: return "not-taken"
            case .tooManyAttempts: return "too-many-attempts"
            case .notPassed: return "not-passed"
            case .scoreBelow: return "score-below"
            case .passFailOnly: return "pass-fail-only"
            case .noScore: return "no-score"
            }
        }

        public var fields: [FindingReason.Field] {
            switch self {
            case let .noAttempt(exams), let .notTaken(exams), let .notPassed(exams): return .list(("exams", .strings(exams.map(\.rawValue))))
            case let .tooManyAttempts(exam, count, max):
                return .list(("exam", .string(exam.rawValue)), ("attempts", .int(count)), ("maxAttempts", .int(max)))
            case let .scoreBelow(exam, score, minScore):
                return .list(("exam", .string(exam.rawValue)), ("score", .number(score)), ("minScore", .number(minScore)))
            case let .passFailOnly(exam, date, minScore):
                return .list(("exam", .string(exam.rawValue)), ("date", .date(date)), ("minScore", .number(minScore)))
            case let .noScore(exam): return .list(("exam", .string(exam.rawValue)))
            }
        }

        public func sentence(catalog: DocumentCatalog) -> String {
            switch self {
            case let .noAttempt(exams):
                return "no \(Self.names(exams)) attempt is listed in the manifest's `applicant.exams`"
            case let .notTaken(exams):
                return "\(Self.names(exams)) not taken; the rule applies only to those who took it"
            case let .tooManyAttempts(exam, count, max):
                return "\(count) attempts at \(exam.title); at most \(max) allowed"
            case let .notPassed(exams):
                return "no passing \(Self.names(exams)) attempt"
            case let .scoreBelow(exam, score, minScore):
                return "\(exam.title) score \(EligibilityRule.format(score)) is below \(EligibilityRule.format(minScore))"
            case let .passFailOnly(exam, date, minScore):
                return "\(exam.title) taken \(date) is reported pass/fail only (since \(ExamAttempt.step1PassFailSince)); the cut-off of \(EligibilityRule.format(minScore)) cannot be evaluated — ask the program how it applies it"
            case let .noScore(exam):
                return "no numeric score recorded for \(exam.title); add `score:` to the attempt in the manifest"
            }
        }

        static func names(_ exams: [Exam]) -> String { exams.map(\.title).joined(separator: " or ") }
    }
}
