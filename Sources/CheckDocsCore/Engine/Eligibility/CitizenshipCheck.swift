import CheckDocsNative

/// `<citizenship excluded="XX YY"/>`: citizens of the listed countries are not accepted. With
/// `excludePermanentResidents="true"`, neither are their permanent residents; the manifest records
/// only US permanent residency (`applicant.usCitizenOrPermanentResident`), so the attribute takes
/// effect for `US` ("US citizens and permanent residents at foreign schools are not eligible").
public struct CitizenshipCheck: EligibilityCheck {
    public var excluded: [String]
    public var excludePermanentResidents: Bool

    public init(excluded: [String], excludePermanentResidents: Bool = false) {
        self.excluded = excluded
        self.excludePermanentResidents = excludePermanentResidents
    }

    public static let order = 70
    public static let element = "citizenship"

    public static func decode(from node: DescriptionNode) throws(InputError) -> CitizenshipCheck {
        guard let excluded = try node.list("excluded") else { throw InputError(node.location, "missing excluded") }
        let check = CitizenshipCheck(excluded: excluded, excludePermanentResidents: try node.bool("excludePermanentResidents") ?? false)
        // The manifest records US permanent residency alone: without US the attribute would say nothing.
        if check.excludePermanentResidents, !check.excludesUSResidents {
            throw InputError(node.location(of: "excludePermanentResidents"),
                             "excludePermanentResidents applies to US permanent residents only (the manifest records no other residency); add US to excluded or leave it out")
        }
        return check
    }

    public var defaultID: String { "eligibility.citizenship" }

    /// Names the countries, so `explain` and a report say who is excluded without a hint.
    public var title: String {
        let countries = excluded.map { $0.uppercased() }
        if excludesUSResidents, countries == ["US"] { return "Not a US citizen or permanent resident" }
        let citizens = "Not a citizen of " + Wording.list(countries, conjunction: "or")
        return excludesUSResidents ? citizens + ", nor a US permanent resident" : citizens
    }

    /// Whether US permanent residents are excluded too.
    var excludesUSResidents: Bool { excludePermanentResidents && excluded.contains { $0.uppercased() == "US" } }

    public func evaluate(_ context: ClauseContext) -> EligibilityOutcome<Failure> {
        let citizenship = context.profile.citizenship
        let blocked = citizenship.filter { code in excluded.contains { $0.uppercased() == code.uppercased() } }
        if !blocked.isEmpty { return .ineligible(.excluded(countries: blocked)) }
        guard excludesUSResidents else { return citizenship.isEmpty ? .unknown(field: "citizenship") : .ok("citizenship accepted") }
        // Not a US citizen by the list: a US permanent resident still is not accepted.
        switch context.profile.usCitizenOrPermanentResident {
        case true?: return .ineligible(.usCitizenOrPermanentResident)
        case false?: return citizenship.isEmpty ? .unknown(field: "citizenship") : .ok("citizenship accepted")
        case nil: return .unknown(field: "usCitizenOrPermanentResident")
        }
    }

    public enum Failure: FindingDetail {
        case excluded(countries: [String])
        case usCitizenOrPermanentResident

        public var code: String {
            switch self {
            case .excluded: return "excluded"
            case .usCitizenOrPermanentResident: return "us-permanent-resident"
            }
        }

        public var fields: [FindingReason.Field] {
            switch self {
            case let .excluded(countries): return .list(("citizenship", .strings(countries)))
            case .usCitizenOrPermanentResident: return .list(("usCitizenOrPermanentResident", .bool(true)))
            }
        }

        public func sentence(catalog: DocumentCatalog) -> String {
            switch self {
            case let .excluded(countries): return "citizens of \(countries.joined(separator: ", ")) are not accepted"
            case .usCitizenOrPermanentResident: return "US citizens and permanent residents are not accepted"
            }
        }
    }
}
