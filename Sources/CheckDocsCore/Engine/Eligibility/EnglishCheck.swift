import CheckDocsNative

/// `<english exemptIfInstructionInEnglish="true"><test test="toefl-ibt" minTotal="100"/>…</english>`:
/// one of the listed tests, at its scores (each section from one sitting), read from the
/// manifest's `applicant.englishTests`; unless an exemption applies.
public struct EnglishCheck: EligibilityCheck {
    public var options: [EnglishTestOption]
    public var exemptIfInstructionInEnglish: Bool
    public var exemptIfExamPassed: Bool

    public init(options: [EnglishTestOption], exemptIfInstructionInEnglish: Bool = false, exemptIfExamPassed: Bool = false) {
        self.options = options
        self.exemptIfInstructionInEnglish = exemptIfInstructionInEnglish
        self.exemptIfExamPassed = exemptIfExamPassed
    }

    public static let order = 50
    public static let element = "english"

    /// The exams whose pass exempts with `exemptIfExamPassed`.
    static let exemptingExams: [Exam] = [.usmleStep1, .usmleStep2CK, .usmleStep3]

    public static func decode(from node: DescriptionNode) throws(InputError) -> EnglishCheck {
        var options: [EnglishTestOption] = []
        for test in node.children("test", plural: "tests") {
            guard let name = try test.value("test", as: EnglishTestName.self) else { throw InputError(test.location, "missing test") }
            options.append(EnglishTestOption(test: name, minTotal: try test.double("minTotal"), minSection: try test.double("minSection"),
                                             withinYears: try test.int("withinYears", in: 0...1000)))
        }
        return EnglishCheck(options: options, exemptIfInstructionInEnglish: try node.bool("exemptIfInstructionInEnglish") ?? false,
                            exemptIfExamPassed: try node.bool("exemptIfExamPassed") ?? false)
    }

    public var defaultID: String { "eligibility.english" }

    public var title: String {
        var exemptions: [String] = []
        if exemptIfInstructionInEnglish { exemptions.append("the medical school teaches in English") }
        if exemptIfExamPassed { exemptions.append(Wording.list(Self.exemptingExams.map(\.title), conjunction: "or") + " is passed") }
        let tests = "English proficiency: " + options.map(\.summary).joined(separator: " or ")
        return exemptions.isEmpty ? tests : tests + "; not needed if " + exemptions.joined(separator: " or ")
    }

    public func evaluate(_ context: ClauseContext) -> EligibilityOutcome<Failure> {
        let profile = context.profile
        let instructionInEnglish = context.evaluation.instructionInEnglish
        if exemptIfInstructionInEnglish, instructionInEnglish == true { return .notApplicable(.instructionInEnglish) }
        if exemptIfExamPassed, let pass = profile.exams?.first(where: { $0.passed && $0.date <= context.asOf && Self.exemptingExams.contains($0.exam) }) {
            return .notApplicable(.examPassed(exam: pass.exam))
        }
        // The instruction language decides first when it could exempt and is not known.
        let instructionUnknown = exemptIfInstructionInEnglish && instructionInEnglish == nil
        guard let recorded = profile.englishTests else {
            return .unknown(field: instructionUnknown ? "medicalSchool.instructionLanguage" : "englishTests")
        }
        // A test dated after the run's day has not been sat yet: it counts for nothing.
        let relevant = recorded.filter { test in test.date <= context.asOf && options.contains { $0.test == test.test } }
        if relevant.isEmpty {
            if instructionUnknown { return .unknown(field: "medicalSchool.instructionLanguage") }
            return .ineligible(.noAcceptedTest(accepted: options.map(\.test)))
        }
        var problems: [TestProblem] = []
        var sawUnknown = false
        for option in options {
            for test in relevant where test.test == option.test {
                if let years = option.withinYears, test.date < context.asOf.subtracting(years, .years) {
                    problems.append(.tooOld(test: test.test, date: test.date, withinYears: years))
                    continue
                }
                if let minTotal = option.minTotal {
                    guard let total = test.total else {
                        sawUnknown = true
                        continue
                    }
                    if total < minTotal {
                        problems.append(.totalBelow(test: test.test, total: total, minTotal: minTotal))
                        continue
                    }
                }
                if let minSection = option.minSection {
                    if test.sections.isEmpty {
                        sawUnknown = true
                        continue
                    }
                    let low = test.sections.filter { $0.value < minSection }.sorted { $0.key < $1.key }
                    if !low.isEmpty {
                        problems.append(.sectionsBelow(test: test.test, date: test.date, sections: low.map { SectionScore(name: $0.key, score: $0.value) },
                                                       minSection: minSection))
                        continue
                    }
                    // A section not recorded may be the one below: not met until all are known.
                    if test.sections.count < test.test.sectionCount {
                        sawUnknown = true
                        continue
                    }
                }
                return .ok("\(test.test.title) of \(test.date) meets \(option.summary)")
            }
        }
        // Every relevant test matched an option, so a test that neither met nor failed one had
        // a score missing.
        if sawUnknown && problems.isEmpty { return .notEvaluable(.scoresNotRecorded) }
        return .ineligible(.notMet(problems))
    }

    /// A section score of one sitting.
    public struct SectionScore: Hashable, Sendable {
        public var name: String
        public var score: Double
    }

    /// Why one recorded test does not meet one accepted option.
    public enum TestProblem: Hashable, Sendable {
        case tooOld(test: EnglishTestName, date: CalendarDate, withinYears: Int)
        case totalBelow(test: EnglishTestName, total: Double, minTotal: Double)
        case sectionsBelow(test: EnglishTestName, date: CalendarDate, sections: [SectionScore], minSection: Double)

        var test: EnglishTestName {
            switch self {
            case let .tooOld(test, _, _), let .totalBelow(test, _, _), let .sectionsBelow(test, _, _, _): return test
            }
        }

        var code: String {
            switch self {
            case .tooOld: return "too-old"
            case .totalBelow: return "total-below"
            case .sectionsBelow: return "sections-below"
            }
        }

        var sentence: String {
            switch self {
            case let .tooOld(test, date, years):
                return "\(test.title) of \(date) is older than \(years) years"
            case let .totalBelow(test, total, minTotal):
                return "\(test.title) total \(EligibilityRule.format(total)) is below \(EligibilityRule.format(minTotal))"
            case let .sectionsBelow(test, date, sections, minSection):
                return "\(test.title) of \(date): " + sections.map { "\($0.name) \(EligibilityRule.format($0.score))" }.joined(separator: ", ")
                    + " below \(EligibilityRule.format(minSection)) (one sitting)"
            }
        }
    }

    public enum Failure: FindingDetail {
        case instructionInEnglish
        case examPassed(exam: Exam)
        case noAcceptedTest(accepted: [EnglishTestName])
        case scoresNotRecorded
        /// Each recorded test, against each accepted option it was measured with, in order.
        case notMet([TestProblem])

        public var code: String {
            switch self {
            case .instructionInEnglish: return "exempt-instruction-in-english"
            case .examPassed: return "exempt-exam-passed"
            case .noAcceptedTest: return "no-accepted-test"
            case .scoresNotRecorded: return "scores-not-recorded"
            case .notMet: return "not-met"
            }
        }

        public var fields: [FindingReason.Field] {
            switch self {
            case .instructionInEnglish, .scoresNotRecorded: return []
            case let .examPassed(exam): return .list(("exam", .string(exam.rawValue)))
            case let .noAcceptedTest(accepted): return .list(("tests", .strings(accepted.map(\.rawValue))))
            case let .notMet(problems):
                // Parallel lists: the test each problem is about, and what the problem is.
                return .list(("tests", .strings(problems.map(\.test.rawValue))), ("problems", .strings(problems.map(\.code))))
            }
        }

        public func sentence(catalog: DocumentCatalog) -> String {
            switch self {
            case .instructionInEnglish:
                return "exempt: medical school instruction was in English"
            case let .examPassed(exam):
                return "exempt: \(exam.title) passed"
            case let .noAcceptedTest(accepted):
                return "no accepted English test in the manifest's `applicant.englishTests` (\(accepted.map(\.title).joined(separator: ", ")))"
            case .scoresNotRecorded:
                return "the English test's total or section scores are not recorded in the manifest"
            case let .notMet(problems):
                return problems.map(\.sentence).joined(separator: "; ")
            }
        }
    }
}

/// One accepted English test of an `<english>` rule, with its scores and age.
public struct EnglishTestOption: Hashable, Sendable {
    public var test: EnglishTestName
    public var minTotal: Double?
    public var minSection: Double?
    public var withinYears: Int?

    public init(test: EnglishTestName, minTotal: Double? = nil, minSection: Double? = nil, withinYears: Int? = nil) {
        self.test = test
        self.minTotal = minTotal
        self.minSection = minSection
        self.withinYears = withinYears
    }

    public var summary: String {
        var text = test.title
        if let minTotal { text += " ≥ \(EligibilityRule.format(minTotal))" }
        if let minSection { text += " (each section ≥ \(EligibilityRule.format(minSection)))" }
        if let withinYears { text += " within \(withinYears) year\(withinYears == 1 ? "" : "s")" }
        return text
    }
}
