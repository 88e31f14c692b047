import CheckDocsNative

/// `<noResidencyIntent required="true"/>`: applicants who intend to apply for US residency are
/// not accepted.
public struct NoResidencyIntentCheck: EligibilityCheck {
    public var required: Bool

    public init(required: Bool = true) { self.required = required }

    public static let order = 80
    public static let element = "noResidencyIntent"

    public static func decode(from node: DescriptionNode) throws(InputError) -> NoResidencyIntentCheck {
        NoResidencyIntentCheck(required: try node.bool("required") ?? true)
    }

    public var defaultID: String { "eligibility.residency-intent" }

    /// `required="false"` (a program lifting an inherited rule, by its id) says so: it requires nothing.
    public var title: String { required ? "No intent to apply for US residency" : "Intent to apply for US residency allowed" }

    public func evaluate(_ context: ClauseContext) -> EligibilityOutcome<Failure> {
        guard required else { return .ok("no restriction") }
        guard let intends = context.profile.intendsResidency else { return .unknown(field: "intendsResidency") }
        return intends ? .ineligible(.intendsResidency) : .ok("no intent to apply for residency")
    }

    public enum Failure: FindingDetail {
        case intendsResidency

        public var code: String { "intends-residency" }
        public var fields: [FindingReason.Field] { [] }

        public func sentence(catalog: DocumentCatalog) -> String {
            "applicants who intend to apply for US residency are not accepted"
        }
    }
}
