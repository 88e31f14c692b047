/// The `<when>` tests on how the applicant enters the United States (docs/programs.md, "`<when>`"):
/// `admissionClass` / `notAdmissionClass` test the class they are admitted in (`WB`, `WT`, `B-1`,
/// `J-1`, …), `visaClass` / `notVisaClass` the class of their visa. Classes compare as the
/// `visaClass` rule compares them: case, spaces and hyphens ignored (`B-1` = `b1`).
enum ClassCondition {
    /// The class the applicant is admitted in, as far as the manifest says.
    enum Admission: Equatable {
        /// Admitted in this class (normalized).
        case admitted(String)
        /// A US citizen or permanent resident with no class recorded: admitted in none.
        case none
        /// Not known; the manifest field that would say.
        case unknown(String)
    }

    /// `applicant.admissionClass`; without it, a `visaClass` of one class is that class (a J-1
    /// visa admits in J-1). A visa of several classes (`B1/B2`) leaves it open.
    static func admission(of profile: ApplicantProfile) -> Admission {
        if let admission = profile.admissionClass { return .admitted(VisaClassCheck.normalize(admission)) }
        if let visa = profile.visaClass {
            let classes = VisaClassCheck.components(VisaClassCheck.normalize(visa))
            return classes.count == 1 ? .admitted(classes[0]) : .unknown("applicant.admissionClass")
        }
        return profile.usCitizenOrPermanentResident == true ? .none : .unknown("applicant.admissionClass")
    }

    /// The classes of the applicant's visa (normalized): none for a US citizen or permanent
    /// resident who records no visa; nil when unknown.
    static func visaClasses(of profile: ApplicantProfile) -> [String]? {
        if let visa = profile.visaClass { return VisaClassCheck.components(VisaClassCheck.normalize(visa)) }
        return profile.usCitizenOrPermanentResident == true ? [] : nil
    }

    static func evaluate(_ condition: Condition, profile: ApplicantProfile) -> ConditionEvaluator.Outcome {
        var unknown: String?
        func normalized(_ list: [String]) -> Set<String> { Set(list.map(VisaClassCheck.normalize)) }
        if condition.admissionClass != nil || condition.notAdmissionClass != nil {
            let held: String?
            switch admission(of: profile) {
            case let .admitted(value): held = value
            case .none: held = nil
            case let .unknown(field):
                unknown = field
                held = nil
            }
            if unknown == nil {
                if let listed = condition.admissionClass.map(normalized), !(held.map(listed.contains) ?? false) { return .fails }
                if let listed = condition.notAdmissionClass.map(normalized), held.map(listed.contains) ?? false { return .fails }
            }
        }
        if condition.visaClass != nil || condition.notVisaClass != nil {
            if let classes = visaClasses(of: profile) {
                // A visa of several classes (B1/B2) is a visa of each of them.
                if let listed = condition.visaClass.map(normalized), !classes.contains(where: listed.contains) { return .fails }
                if let listed = condition.notVisaClass.map(normalized), classes.contains(where: listed.contains) { return .fails }
            } else {
                unknown = unknown ?? "applicant.visaClass"
            }
        }
        return unknown.map { .unknown($0) } ?? .holds
    }

    /// The tests in words, for "applies only if …".
    static func describe(_ condition: Condition) -> [String] {
        var parts: [String] = []
        if let list = condition.admissionClass { parts.append("admitted as " + list.joined(separator: " or ")) }
        if let list = condition.notAdmissionClass { parts.append("not admitted as " + list.joined(separator: " or ")) }
        if let list = condition.visaClass { parts.append("the visa is " + list.joined(separator: " or ")) }
        if let list = condition.notVisaClass { parts.append("the visa is not " + list.joined(separator: " or ")) }
        return parts
    }
}
