import CheckDocsNative

/// `<medicalSchool accreditation="LCME COCA" excludedCountries="XX"><school name="…"/></medicalSchool>`:
/// rules on the applicant's school, read from the manifest's `applicant.medicalSchool`.
///
/// - Its country: in `countries` when given, and not in `excludedCountries` ("not open to students
///   from schools in X").
/// - Who is accepted: when any of `accreditation`, `listedInWDOMS="true"` or `<school>` names is
///   given, the school must meet at least one of them ("LCME- or COCA-accredited schools, or the
///   affiliated schools named"). A fact that could decide and is not recorded is not guessed: the
///   result names the field to add.
public struct MedicalSchoolCheck: EligibilityCheck {
    public var accreditation: [String]?
    public var listedInWDOMS: Bool
    public var schools: [String]
    public var countries: [String]?
    public var excludedCountries: [String]?

    public init(accreditation: [String]? = nil, listedInWDOMS: Bool = false, schools: [String] = [],
                countries: [String]? = nil, excludedCountries: [String]? = nil) {
        self.accreditation = accreditation
        self.listedInWDOMS = listedInWDOMS
        self.schools = schools
        self.countries = countries
        self.excludedCountries = excludedCountries
    }

    public static let order = 75
    public static let element = "medicalSchool"

    public static func decode(from node: DescriptionNode) throws(InputError) -> MedicalSchoolCheck {
        var schools: [String] = []
        for school in node.children("school", plural: "schools") {
            let name = try school.required("name")
            // A name with no letter or digit could never be compared with the manifest's.
            guard !words(name).isEmpty else { throw InputError(school.location(of: "name"), "a school name needs a letter or a digit") }
            schools.append(name)
        }
        let check = MedicalSchoolCheck(accreditation: try node.list("accreditation"), listedInWDOMS: try node.bool("listedInWDOMS") ?? false,
                                       schools: schools, countries: try node.list("countries"),
                                       excludedCountries: try node.list("excludedCountries"))
        guard check.acceptsOnlySome || check.countries != nil || check.excludedCountries != nil else {
            throw InputError(node.location, "a medicalSchool rule needs accreditation, listedInWDOMS=\"true\", a school, countries or excludedCountries")
        }
        return check
    }

    /// Whether only some schools are accepted (by accreditation, listing or name).
    var acceptsOnlySome: Bool { accreditation != nil || listedInWDOMS || !schools.isEmpty }

    public var defaultID: String { "eligibility.medical-school" }

    public var title: String {
        var parts: [String] = []
        var routes: [String] = []
        if let accreditation { routes.append("accredited by " + accreditation.joined(separator: " or ")) }
        if listedInWDOMS { routes.append("listed in the World Directory of Medical Schools") }
        if !schools.isEmpty { routes.append("one of \(schools.count) named school\(schools.count == 1 ? "" : "s")") }
        if !routes.isEmpty { parts.append(routes.joined(separator: ", or ")) }
        if let countries { parts.append("in " + countries.joined(separator: ", ")) }
        if let excludedCountries { parts.append("not in " + excludedCountries.joined(separator: ", ")) }
        return "Medical school " + parts.joined(separator: "; ")
    }

    /// A school name's words: lowercase, accents removed (as names are compared, docs/programs.md).
    static func words(_ name: String) -> [String] { FileNameTokens.tokens(name).map(\.text) }

    public func evaluate(_ context: ClauseContext) -> EligibilityOutcome<Failure> {
        let profile = context.profile
        if countries != nil || excludedCountries != nil {
            guard let country = profile.medicalSchoolCountry else { return .unknown(field: "medicalSchool.country") }
            if let excluded = excludedCountries, excluded.contains(where: { $0.uppercased() == country.uppercased() }) {
                return .ineligible(.countryExcluded(country: country, excluded: excluded))
            }
            if let countries, !countries.contains(where: { $0.uppercased() == country.uppercased() }) {
                return .ineligible(.countryNotAccepted(country: country, accepted: countries))
            }
        }
        guard acceptsOnlySome else { return .ok("school in \(profile.medicalSchoolCountry ?? "")") }
        // Any one way in is enough; an unrecorded fact only matters when nothing known lets them in.
        var unknown: String?
        if let accreditation {
            if let held = profile.medicalSchoolAccreditation {
                if let match = held.first(where: { name in accreditation.contains { $0.uppercased() == name.uppercased() } }) {
                    return .ok("accredited by \(match)")
                }
            } else {
                unknown = unknown ?? "medicalSchool.accreditation"
            }
        }
        if !schools.isEmpty {
            if let name = profile.medicalSchool {
                let held = Self.words(name)
                if schools.contains(where: { Self.words($0) == held }) { return .ok("\(name) is a named school") }
            } else {
                unknown = unknown ?? "medicalSchool.name"
            }
        }
        if listedInWDOMS {
            switch profile.medicalSchoolListedInWDOMS {
            case true?: return .ok("listed in the World Directory of Medical Schools")
            case false?: break
            case nil: unknown = unknown ?? "medicalSchool.listedInWDOMS"
            }
        }
        if let unknown { return .unknown(field: unknown) }
        return .ineligible(.notAccepted(school: profile.medicalSchool, accreditation: profile.medicalSchoolAccreditation ?? [],
                                        accepted: accreditation ?? [], listedInWDOMS: listedInWDOMS, namedSchools: schools.count))
    }

    public enum Failure: FindingDetail {
        case countryExcluded(country: String, excluded: [String])
        case countryNotAccepted(country: String, accepted: [String])
        /// None of the ways in: not of an accepted accreditation, not listed, not named.
        case notAccepted(school: String?, accreditation: [String], accepted: [String], listedInWDOMS: Bool, namedSchools: Int)

        public var code: String {
            switch self {
            case .countryExcluded: return "country-excluded"
            case .countryNotAccepted: return "country-not-accepted"
            case .notAccepted: return "school-not-accepted"
            }
        }

        public var fields: [FindingReason.Field] {
            switch self {
            case let .countryExcluded(country, excluded): return .list(("country", .string(country)), ("excluded", .strings(excluded)))
            case let .countryNotAccepted(country, accepted): return .list(("country", .string(country)), ("accepted", .strings(accepted)))
            case let .notAccepted(school, accreditation, accepted, listedInWDOMS, namedSchools):
                var fields: [FindingReason.Field] = []
                if let school { fields.append(.init(key: "school", value: .string(school))) }
                fields.append(.init(key: "accreditation", value: .strings(accreditation)))
                if !accepted.isEmpty { fields.append(.init(key: "acceptedAccreditation", value: .strings(accepted))) }
                if listedInWDOMS { fields.append(.init(key: "listedInWDOMS", value: .bool(false))) }
                if namedSchools > 0 { fields.append(.init(key: "namedSchools", value: .int(namedSchools))) }
                return fields
            }
        }

        public func sentence(catalog: DocumentCatalog) -> String {
            switch self {
            case let .countryExcluded(country, _):
                return "schools in \(country) are not accepted"
            case let .countryNotAccepted(country, accepted):
                return "schools in \(country) are not accepted; accepted: \(accepted.joined(separator: ", "))"
            case let .notAccepted(school, accreditation, accepted, listedInWDOMS, namedSchools):
                var ways: [String] = []
                if !accepted.isEmpty {
                    ways.append("accredited by \(accepted.joined(separator: " or ")) (recorded: \(accreditation.isEmpty ? "none" : accreditation.joined(separator: ", ")))")
                }
                if listedInWDOMS { ways.append("listed in the World Directory of Medical Schools") }
                if namedSchools > 0 { ways.append("one of the schools the program names") }
                return "\(school ?? "the school") is not " + ways.joined(separator: ", nor ")
            }
        }
    }
}
