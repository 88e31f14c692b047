import CheckDocsNative

/// `<yearOfStudy min="4"/>`: a student must be at least in that year; a graduate passes.
public struct YearOfStudyCheck: EligibilityCheck {
    public var min: Int

    public init(min: Int) { self.min = min }

    public static let order = 30
    public static let element = "yearOfStudy"

    public static func decode(from node: DescriptionNode) throws(InputError) -> YearOfStudyCheck {
        guard let min = try node.int("min", in: 0...1000) else { throw InputError(node.location, "missing min") }
        return YearOfStudyCheck(min: min)
    }

    public var defaultID: String { "eligibility.year-of-study" }

    public var title: String { "Year of study at least \(min)" }

    public func evaluate(_ context: ClauseContext) -> EligibilityOutcome<Failure> {
        if context.profile.status == .graduate { return .ok("graduated") }
        guard let year = context.profile.yearOfStudy else { return .unknown(field: "yearOfStudy") }
        return year >= min ? .ok("year \(year)") : .ineligible(.yearTooLow(year: year, min: min))
    }

    public enum Failure: FindingDetail {
        case yearTooLow(year: Int, min: Int)

        public var code: String { "year-too-low" }

        public var fields: [FindingReason.Field] {
            switch self {
            case let .yearTooLow(year, min): return .list(("yearOfStudy", .int(year)), ("min", .int(min)))
            }
        }

        public func sentence(catalog: DocumentCatalog) -> String {
            switch self {
            case let .yearTooLow(year, min): return "year of study \(year); at least \(min) required"
            }
        }
    }
}
