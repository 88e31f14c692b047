import CheckDocsNative

/// `<yearOfStudy min="4"/>`: a student must be at least in that year; `<yearOfStudy lastYears="2"/>`:
/// in one of the last two years of their school's program (`lastYears="1"`: the final year),
/// counted from `applicant.medicalSchool.programYears`, since programs last four to six years
/// depending on the country; `<yearOfStudy notFinalYear="true"/>`: not in the final year, for a
/// program that takes students only while they stay enrolled a while ("final-year students are
/// not eligible"). A graduate passes.
public struct YearOfStudyCheck: EligibilityCheck {
    public var min: Int?
    public var lastYears: Int?
    public var notFinalYear: Bool

    public init(min: Int? = nil, lastYears: Int? = nil, notFinalYear: Bool = false) {
        self.min = min
        self.lastYears = lastYears
        self.notFinalYear = notFinalYear
    }

    public static let order = 30
    public static let element = "yearOfStudy"

    public static func decode(from node: DescriptionNode) throws(InputError) -> YearOfStudyCheck {
        let check = YearOfStudyCheck(min: try node.int("min", in: 0...1000), lastYears: try node.int("lastYears", in: 1...10),
                                     notFinalYear: try node.bool("notFinalYear") ?? false)
        // Both schemas take any of the attributes; a rule with none says nothing.
        guard check.min != nil || check.lastYears != nil || check.notFinalYear else {
            throw InputError(node.location, "a yearOfStudy rule needs min, lastYears or notFinalYear=\"true\"")
        }
        return check
    }

    public var defaultID: String { "eligibility.year-of-study" }

    public var title: String {
        var parts: [String] = []
        if let min { parts.append("Year of study at least \(min)") }
        if let lastYears { parts.append(Self.lastYearsWords(lastYears)) }
        if notFinalYear { parts.append("not in the final year of medical school") }
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
        guard lastYears != nil || notFinalYear else { return .ok("year \(year)") }
        guard let length = context.profile.programYears else { return .unknown(field: "medicalSchool.programYears") }
        // The manifest refuses a year past the program's length, so `year` ≤ `length` here.
        if let lastYears, year < length - lastYears + 1 {
            return .ineligible(.notInLastYears(year: year, programYears: length, lastYears: lastYears))
        }
        if notFinalYear, year >= length { return .ineligible(.finalYear(year: year, programYears: length)) }
        return .ok(year == length ? "final year (\(year) of \(length))" : "year \(year) of \(length)")
    }

    public enum Failure: FindingDetail {
        case yearTooLow(year: Int, min: Int)
        /// Too early in the program: year `year` of `programYears`, and only the last `lastYears` are accepted.
        case notInLastYears(year: Int, programYears: Int, lastYears: Int)
        /// In the final year, which the program does not take.
        case finalYear(year: Int, programYears: Int)

        public var code: String {
            switch self {
            case .yearTooLow: return "year-too-low"
            case .notInLastYears: return "not-in-last-years"
            case .finalYear: return "final-year"
            }
        }

        public var fields: [FindingReason.Field] {
            switch self {
            case let .yearTooLow(year, min): return .list(("yearOfStudy", .int(year)), ("min", .int(min)))
            case let .notInLastYears(year, programYears, lastYears):
                return .list(("yearOfStudy", .int(year)), ("programYears", .int(programYears)), ("lastYears", .int(lastYears)),
                             ("firstAccepted", .int(programYears - lastYears + 1)))
            case let .finalYear(year, programYears): return .list(("yearOfStudy", .int(year)), ("programYears", .int(programYears)))
            }
        }

        public func sentence(catalog: DocumentCatalog) -> String {
            switch self {
            case let .yearTooLow(year, min): return "year of study \(year); at least \(min) required"
            case let .notInLastYears(year, programYears, lastYears):
                let accepted = lastYears == 1 ? "only the final year (\(programYears))" : "only years \(programYears - lastYears + 1)–\(programYears)"
                return "year of study \(year) of a \(programYears)-year program; \(accepted) accepted"
            case let .finalYear(year, programYears):
                return "year of study \(year) of a \(programYears)-year program: the final year, which is not accepted"
            }
        }
    }
}
