import CheckDocsNative

/// `<ecfmgCertified required="true"/>`: the applicant must be ECFMG certified.
public struct ECFMGCertifiedCheck: EligibilityCheck {
    public var required: Bool

    public init(required: Bool = true) { self.required = required }

    public static let order = 90
    public static let element = "ecfmgCertified"

    public static func decode(from node: DescriptionNode) throws(InputError) -> ECFMGCertifiedCheck {
        ECFMGCertifiedCheck(required: try node.bool("required") ?? true)
    }

    public var defaultID: String { "eligibility.ecfmg-certified" }

    /// `required="false"` (a program lifting an inherited rule, by its id) says so: it requires nothing.
    public var title: String { required ? "ECFMG certified" : "ECFMG certification not required" }

    public func evaluate(_ context: ClauseContext) -> EligibilityOutcome<Failure> {
        guard required else { return .ok("no restriction") }
        guard let certified = context.profile.ecfmgCertified else { return .unknown(field: "ecfmgCertified") }
        return certified ? .ok("ECFMG certified") : .ineligible(.notCertified)
    }

    public enum Failure: FindingDetail {
        case notCertified

        public var code: String { "not-certified" }
        public var fields: [FindingReason.Field] { [] }

        public func sentence(catalog: DocumentCatalog) -> String { "ECFMG certification is required" }
    }
}
