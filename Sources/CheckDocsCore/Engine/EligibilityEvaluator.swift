/// Evaluates program-level eligibility rules against the applicant profile.
/// Unknown facts give `not-evaluable` (with the manifest field to fill in), never a guess.
struct EligibilityEvaluator {
    let context: EvaluationContext
    let dates: ProgramDates

    private var profile: ApplicantProfile { context.profile }

    func evaluate(_ rule: EligibilityRule) -> RequirementResult {
        let (status, message) = decide(rule.kind)
        return RequirementResult(
            id: rule.id, title: rule.title, category: .eligibility, documentTypes: [], status: status,
            severity: rule.severity, supplier: .applicant, due: .application, files: [], message: message,
            hint: rule.hint, rule: rule.title, origin: "")
    }

    private func unknown(_ field: String) -> (RequirementStatus, String) {
        (.notEvaluable, context.hasManifest
            ? "the manifest does not say `applicant.\(field)`"
            : "no manifest: add checkdocs.yaml with `applicant.\(field)` to decide")
    }

    private func decide(_ kind: EligibilityRule.Kind) -> (RequirementStatus, String) {
        switch kind {
        case let .applicantStatus(allowed, notGraduatedBefore):
            guard let status = profile.status else { return unknown("status") }
            guard allowed.contains(status) else {
                return (.ineligible, "open to \(allowed.map { $0.rawValue + "s" }.joined(separator: " and ")) only; you are a \(status.rawValue)")
            }
            if let anchor = notGraduatedBefore, status == .student {
                guard let graduation = profile.graduationDate else { return unknown("graduationDate") }
                let limit = dates.date(for: anchor)
                if graduation < limit {
                    return (.ineligible, "you graduate on \(graduation), before \(ProgramDates.describe(anchor)) (\(limit)); applicants must not have graduated by then")
                }
            }
            return (.ok, "you are a \(status.rawValue)")
        case let .graduation(maxYears, anchor):
            if profile.status == .student { return (.ok, "not yet graduated") }
            guard let graduation = profile.graduationDate else { return unknown("graduationDate") }
            let reference = dates.date(for: anchor)
            let years = graduation.wholeYears(until: reference)
            if years > maxYears {
                return (.ineligible, "graduated \(graduation), \(years) years before \(ProgramDates.describe(anchor)); at most \(maxYears) allowed")
            }
            return (.ok, "graduated \(graduation) (\(max(0, years)) years)")
        case let .yearOfStudy(min):
            if profile.status == .graduate { return (.ok, "graduated") }
            guard let year = profile.yearOfStudy else { return unknown("yearOfStudy") }
            return year >= min ? (.ok, "year \(year)") : (.ineligible, "year of study \(year); at least \(min) required")
        case let .exam(exams, passed, minScore, maxAttempts):
            return decideExam(exams, passed: passed, minScore: minScore, maxAttempts: maxAttempts)
        case let .english(options, exemptInstruction, exemptExam):
            return decideEnglish(options, exemptIfInstructionInEnglish: exemptInstruction, exemptIfExamPassed: exemptExam)
        case let .visaClass(accepted):
            guard let visa = profile.visaClass else {
                if profile.usCitizenOrPermanentResident == true { return (.notApplicable, "US citizen or permanent resident") }
                return unknown("visaClass")
            }
            let held = Self.normalizeVisa(visa)
            let acceptedSet = Set(accepted.map(Self.normalizeVisa))
            if acceptedSet.contains(held) { return (.ok, "\(visa) is accepted") }
            let components = Self.visaComponents(held)
            if components.count > 1, components.contains(where: acceptedSet.contains) {
                return (.notEvaluable, "a \(visa) visa allows entry in more than one class; only \(accepted.joined(separator: ", ")) is accepted — enter in an accepted class and record it as `applicant.visaClass`")
            }
            return (.ineligible, "\(visa) is not accepted; accepted: \(accepted.joined(separator: ", "))")
        case let .citizenship(excluded):
            guard !profile.citizenship.isEmpty else { return unknown("citizenship") }
            let blocked = profile.citizenship.filter { code in excluded.contains { $0.uppercased() == code.uppercased() } }
            return blocked.isEmpty ? (.ok, "citizenship accepted") : (.ineligible, "citizens of \(blocked.joined(separator: ", ")) are not accepted")
        case let .noResidencyIntent(required):
            guard required else { return (.ok, "no restriction") }
            guard let intends = profile.intendsResidency else { return unknown("intendsResidency") }
            return intends ? (.ineligible, "applicants who intend to apply for US residency are not accepted") : (.ok, "no intent to apply for residency")
        case let .ecfmgCertified(required):
            guard required else { return (.ok, "no restriction") }
            guard let certified = profile.ecfmgCertified else { return unknown("ecfmgCertified") }
            return certified ? (.ok, "ECFMG certified") : (.ineligible, "ECFMG certification is required")
        }
    }

    private func decideExam(_ exams: [Exam], passed: Bool, minScore: Double?, maxAttempts: Int?) -> (RequirementStatus, String) {
        let names = exams.map(\.title).joined(separator: " or ")
        guard let recorded = profile.exams else { return unknown("exams") }
        let attempts = recorded.filter { exams.contains($0.exam) }
        if attempts.isEmpty { return (.ineligible, "no \(names) attempt is listed in the manifest's `applicant.exams`") }
        if let maxAttempts {
            for exam in exams {
                let count = attempts.filter { $0.exam == exam }.count
                if count > maxAttempts {
                    return (.ineligible, "\(count) attempts at \(exam.title); at most \(maxAttempts) allowed")
                }
            }
        }
        let passes = attempts.filter(\.passed)
        if passed && passes.isEmpty { return (.ineligible, "no passing \(names) attempt") }
        if let minScore {
            let considered = passed ? passes : attempts
            let scored = considered.filter { !$0.isPassFailOnly && $0.score != nil }
            if let best = scored.max(by: { $0.score! < $1.score! }) {
                if best.score! >= minScore { return (.ok, "\(best.exam.title) score \(EligibilityRule.format(best.score!))") }
                return (.ineligible, "\(best.exam.title) score \(EligibilityRule.format(best.score!)) is below \(EligibilityRule.format(minScore))")
            }
            let attempt = considered.first!
            if attempt.isPassFailOnly {
                return (.notEvaluable, "\(attempt.exam.title) taken \(attempt.date) is reported pass/fail only (since 2022-01-26); the cut-off of \(EligibilityRule.format(minScore)) cannot be evaluated — ask the program how it applies it")
            }
            return (.notEvaluable, "no numeric score recorded for \(attempt.exam.title); add `score:` to the attempt in the manifest")
        }
        return (.ok, "\(passes.first?.exam.title ?? names) passed")
    }

    private func decideEnglish(_ options: [EnglishTestOption], exemptIfInstructionInEnglish: Bool, exemptIfExamPassed: Bool) -> (RequirementStatus, String) {
        if exemptIfInstructionInEnglish, profile.instructionInEnglish == true {
            return (.notApplicable, "exempt: medical school instruction was in English")
        }
        if exemptIfExamPassed, let pass = profile.exams?.first(where: { $0.passed && [.usmleStep1, .usmleStep2CK, .usmleStep3].contains($0.exam) }) {
            return (.notApplicable, "exempt: \(pass.exam.title) passed")
        }
        guard let recorded = profile.englishTests else {
            if exemptIfInstructionInEnglish && profile.instructionInEnglish == nil { return unknown("medicalSchool.instructionLanguage") }
            return unknown("englishTests")
        }
        let relevant = recorded.filter { test in options.contains { $0.test == test.test } }
        if relevant.isEmpty {
            if exemptIfInstructionInEnglish && profile.instructionInEnglish == nil { return unknown("medicalSchool.instructionLanguage") }
            return (.ineligible, "no accepted English test in the manifest's `applicant.englishTests` (\(options.map(\.test.title).joined(separator: ", ")))")
        }
        var reasons: [String] = []
        var sawUnknown = false
        for option in options {
            for test in relevant where test.test == option.test {
                if let years = option.withinYears, test.date < context.asOf.subtracting(years, .years) {
                    reasons.append("\(test.test.title) of \(test.date) is older than \(years) years")
                    continue
                }
                if let minTotal = option.minTotal {
                    guard let total = test.total else {
                        sawUnknown = true
                        continue
                    }
                    if total < minTotal {
                        reasons.append("\(test.test.title) total \(EligibilityRule.format(total)) is below \(EligibilityRule.format(minTotal))")
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
                        reasons.append("\(test.test.title) of \(test.date): " + low.map { "\($0.key) \(EligibilityRule.format($0.value))" }.joined(separator: ", ")
                                       + " below \(EligibilityRule.format(minSection)) (one sitting)")
                        continue
                    }
                }
                return (.ok, "\(test.test.title) of \(test.date) meets \(option.summary)")
            }
        }
        if sawUnknown && reasons.isEmpty {
            return (.notEvaluable, "the English test's total or section scores are not recorded in the manifest")
        }
        return (.ineligible, reasons.joined(separator: "; "))
    }

    static func normalizeVisa(_ text: String) -> String {
        text.uppercased().filter { $0.isLetter || $0.isNumber || $0 == "/" }
    }

    /// "B1/B2" → ["B1", "B2"]; "B1B2" → ["B1", "B2"].
    static func visaComponents(_ normalized: String) -> [String] {
        if normalized.contains("/") { return normalized.split(separator: "/").map(String.init) }
        var parts: [String] = []
        var current = ""
        for character in normalized {
            if character.isLetter, !current.isEmpty, current.last!.isNumber {
                parts.append(current)
                current = ""
            }
            current.append(character)
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }
}
