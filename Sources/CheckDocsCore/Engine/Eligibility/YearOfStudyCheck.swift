import CheckDocsNative

/// `<yearOfStudy min="4"/>`: a student must be at least in that year; `<yearOfStudy lastYears="2"/>`:
/// in one of the last two years of their school's program (`lastYears="1"`: the final year),
/// counted from `applicant.medicalSchool.programYears`, since programs last four to six years
/// depending on the country. A graduate passes.
public struct YearOfStudyCheck: EligibilityCheck {
    public var min: Int?
    public var lastYears: Int?

    public init(min: Int? = nil, lastYears: Int? = nil) {
        self.min = min
        self.lastYears = lastYears
    }

    public static let order = 30
    public static let element = "yearOfStudy"

    public static func decode(from node: DescriptionNode) throws(InputError) -> YearOfStudyCheck {
        let check = YearOfStudyCheck(min: try node.int("min", in: 0...1000), lastYears: try node.int("lastYears", in: 1...10))
        // Both schemas take either attribute; a rule with neither says nothing.
        guard check.min != nil || check.lastYears != nil else { throw InputError(node.location, "a yearOfStudy rule needs min or lastYears") }
        return check
    }

    public var defaultID: String { "eligibility.year-of-study" }

    public var title: String {
        var parts: [String] = []
        if let min { parts.append("Year of study at least \(min)") }
        if let lastYears { parts.append(Self.lastYearsWords(lastYears)) }
        let title = parts.joined(separator: ", ")
        return title.prefix(1).uppercased() + title.dropFirst()
    }

    /// "in the final year of medical school", "in one of the last 2 years of medical school".
    static func lastYearsWords(_ lastYears: Int) -> String {
        lastYears == 1 ? "in the final year of medical school" : "in one of the last \(lastYears) years of medical school"
    }

    public func evaluate(_ context: ClauseContext) -> EligibilityOutcome<Failure> {
        if context.profile.status == .graduate { return .ok("graduated") }
        guard let year = context.profile.yearOfStudy else { return .unknown(field: "yearOfStudy") }
        if let min, year < min { return .ineligible(.yearTooLow(year: year, min: min)) }
        guard let lastYears else { return .ok("year \(year)") }
        guard let length = context.profile.programYears else { return .unknown(field: "medicalSchool.programYears") }
        // The manifest refuses a year past the program's length, so `year` ≤ `length` here.
        let firstAccepted = length - lastYears + 1
        if year < firstAccepted { return .ineligible(.notInLastYears(year: year, programYears: length, lastYears: lastYears)) }
        return .ok(year == length ? "final year (\(year) of \(length))" : "year \(year) of \(length)")
    }

    public enum Failure: FindingDetail {
        case yearTooLow(year: Int, min: Int)
        /// Too early in the program: year `year` of `programYears`, and only the last `lastYears` are accepted.
        case notInLastYears(year: Int, programYears: Int, lastYears: Int)

        public var code: String {
            switch self {
            case .yearTooLow: return "year-too-low"
            case .notInLastYears: return "not-in-last-years"
            }
        }

        public var fields: [FindingReason.Field] {
            switch self {
            case let .yearTooLow(year, min): return .list(("yearOfStudy", .int(year)), ("min", .int(min)))
            case let .notInLastYears(year, programYears, lastYears):
                return .list(("yearOfStudy", .int(year)), ("programYears", .int(programYears)), ("lastYears", .int(lastYears)),
                             ("firstAccepted", .int(programYears - lastYears + 1)))
            }
        }

        public func sentence(catalog: DocumentCatalog) -> String {
            switch self {
            case let .yearTooLow(year, min): return "year of study \(year); at least \(min) required"
            case let .notInLastYears(year, programYears, lastYears):
                let accepted = lastYears == 1 ? "only the final year (\(programYears))" : "only years \(programYears - lastYears + 1)–\(programYears)"
                return "year of study \(year) of a \(programYears)-year program; \(accepted) accepted"
            }
        }
    }
}
