import CheckDocsNative

/// Every kind of eligibility rule, in their declared order. The build lists every
/// `public struct …: EligibilityCheck` declared in this folder (EmbedGen,
/// `RegisteredEligibilityKinds`), so a kind is registered by its file; a test holds the kinds,
/// the XSD's `<eligibility>` children and the JSON schema's `eligibilityRule` keys to each other.
public enum EligibilityKinds {
    public static let all: [any EligibilityCheck.Type] = RegisteredEligibilityKinds.declared.sorted { $0.order < $1.order }

    /// The kind written with `element`, if any.
    public static func kind(named element: String) -> (any EligibilityCheck.Type)? {
        all.first { $0.element == element }
    }

    /// The rule an element of `<eligibility>` (or an item of the JSON `eligibility` array) gives.
    static func decode(from node: DescriptionNode) throws(InputError) -> AnyEligibilityCheck {
        guard let kind = kind(named: node.name) else { throw InputError(node.location, "unknown eligibility rule <\(node.name)>") }
        return try decode(kind, from: node)
    }

    private static func decode<Kind: EligibilityCheck>(_ kind: Kind.Type, from node: DescriptionNode) throws(InputError) -> AnyEligibilityCheck {
        AnyEligibilityCheck(try Kind.decode(from: node))
    }
}
