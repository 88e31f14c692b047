import CheckDocsNative

/// `<citizenship excluded="XX YY"/>`: citizens of the listed countries are not accepted.
public struct CitizenshipCheck: EligibilityCheck {
    public var excluded: [String]

    public init(excluded: [String]) { self.excluded = excluded }

    public static let order = 70
    public static let element = "citizenship"

    public static func decode(from node: DescriptionNode) throws(InputError) -> CitizenshipCheck {
        guard let excluded = try node.list("excluded") else { throw InputError(node.location, "missing excluded") }
        return CitizenshipCheck(excluded: excluded)
    }

    public var defaultID: String { "eligibility.citizenship" }

    public var title: String { "Citizenship accepted" }

    public func evaluate(_ context: ClauseContext) -> EligibilityOutcome<Failure> {
        let citizenship = context.profile.citizenship
        guard !citizenship.isEmpty else { return .unknown(field: "citizenship") }
        let blocked = citizenship.filter { code in excluded.contains { $0.uppercased() == code.uppercased() } }
        return blocked.isEmpty ? .ok("citizenship accepted") : .ineligible(.excluded(countries: blocked))
    }

    public enum Failure: FindingDetail {
        case excluded(countries: [String])

        public var code: String { "excluded" }

        public var fields: [FindingReason.Field] {
            switch self {
            case let .excluded(countries): return .list(("citizenship", .strings(countries)))
            }
        }

        public func sentence(catalog: DocumentCatalog) -> String {
            switch self {
            case let .excluded(countries): return "citizens of \(countries.joined(separator: ", ")) are not accepted"
            }
        }
    }
}
