import CheckDocsNative

/// `<visaClass accepted="B-1 WB"/>`: the class of visa the applicant enters with must be one of
/// these; it does not apply to a US citizen or permanent resident.
public struct VisaClassCheck: EligibilityCheck {
    public let accepted: [String]
    /// The accepted classes normalized once, when the rule is read: every program's rule was
    /// checked against a folder's visa, and normalizing its list each time made a string per class.
    private let acceptedClasses: [String]

    public init(accepted: [String]) {
        self.accepted = accepted
        acceptedClasses = accepted.map(Self.normalize)
    }

    public static let order = 60
    public static let element = "visaClass"

    public static func decode(from node: DescriptionNode) throws(InputError) -> VisaClassCheck {
        guard let accepted = try node.list("accepted") else { throw InputError(node.location, "missing accepted") }
        return VisaClassCheck(accepted: accepted)
    }

    public var defaultID: String { "eligibility.visa-class" }

    public var title: String { "Visa class one of " + accepted.joined(separator: ", ") }

    public func evaluate(_ context: ClauseContext) -> EligibilityOutcome<Failure> {
        guard let visa = context.profile.visaClass else {
            if context.profile.usCitizenOrPermanentResident == true { return .notApplicable(.citizenOrPermanentResident) }
            return .unknown(field: "visaClass")
        }
        // ESTA (the Visa Waiver Program's travel authorization) is no visa class: it admits as WB
        // or WT, so it is read as a visa of those two classes, decided by the admission class.
        let normalized = Self.normalize(visa)
        let held = Self.visaWaiverNames.contains(normalized) ? "WB/WT" : normalized
        // A handful of classes, compared in a list: a set of them cost more to make than the look-ups.
        if acceptedClasses.contains(held) { return .ok("\(visa) is accepted") }
        let components = Self.components(held)
        // A visa of several classes: the recorded admission class, when it is one of them, decides.
        if components.count > 1, let written = context.profile.admissionClass {
            let admission = Self.normalize(written)
            if components.contains(admission) {
                return acceptedClasses.contains(admission) ? .ok("\(visa), admitted as \(written), is accepted")
                    : .ineligible(.admissionNotAccepted(visa: visa, admission: written, accepted: accepted))
            }
            // An admission class the visa does not allow: one of the two is mistyped.
            if !components.allSatisfy(acceptedClasses.contains) {
                return .notEvaluable(.admissionNotInVisa(visa: visa, admission: written, classes: components))
            }
        }
        // Every class it allows accepted (B1/B2 where B-1 and B-2 are, ESTA where WB and WT are):
        // whichever the applicant enters in is accepted.
        if components.count > 1, components.allSatisfy(acceptedClasses.contains) {
            return .ok("\(visa) is accepted in each of its classes")
        }
        if components.count > 1, components.contains(where: acceptedClasses.contains) {
            return .notEvaluable(.severalClasses(visa: visa, accepted: accepted))
        }
        return .ineligible(.notAccepted(visa: visa, accepted: accepted))
    }

    /// Names of the Visa Waiver Program's authorization, as applicants write them.
    static let visaWaiverNames: Set<String> = ["ESTA", "VWP", "VISAWAIVER"]

    /// "b-1" → "B1": classes compare without case, spaces or hyphens.
    static func normalize(_ text: String) -> String {
        // Visa classes are ASCII: their bytes are kept or dropped one by one. Through Characters
        // (`uppercased`, `isLetter`), every program's visa rule cost 21 k instructions, 4 % of a
        // batch's evaluation (docs/performance.md, "One thread per folder").
        if let ascii = asciiNormalized(text) { return ascii }
        return text.uppercased().filter { $0.isLetter || $0.isNumber || $0 == "/" }
    }

    /// `normalize` for an ASCII text (nil for any other): letters upper-cased, digits and "/" kept.
    private static func asciiNormalized(_ text: String) -> String? {
        var normalized = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): normalized.unicodeScalars.append(Unicode.Scalar(byte - 0x20))
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "/"):
                normalized.unicodeScalars.append(Unicode.Scalar(byte))
            case 0x80...: return nil
            default: continue
            }
        }
        return normalized
    }

    /// "B1/B2" → ["B1", "B2"]; "B1B2" → ["B1", "B2"].
    static func components(_ normalized: String) -> [String] {
        if normalized.contains("/") { return normalized.split(separator: "/").map(String.init) }
        var parts: [String] = []
        var current = ""
        for character in normalized {
            if character.isLetter, let last = current.last, last.isNumber {
                parts.append(current)
                current = ""
            }
            current.append(character)
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }

    public enum Failure: FindingDetail {
        case citizenOrPermanentResident
        /// A visa that allows entry in more than one class, one of them accepted.
        case severalClasses(visa: String, accepted: [String])
        case notAccepted(visa: String, accepted: [String])
        /// A visa of several classes, one accepted, and the recorded admission class not.
        case admissionNotAccepted(visa: String, admission: String, accepted: [String])
        /// A recorded admission class that is none of the visa's classes.
        case admissionNotInVisa(visa: String, admission: String, classes: [String])

        public var code: String {
            switch self {
            case .citizenOrPermanentResident: return "citizen-or-permanent-resident"
            case .severalClasses: return "several-classes"
            case .notAccepted, .admissionNotAccepted: return "not-accepted"
            case .admissionNotInVisa: return "admission-not-in-visa"
            }
        }

        public var fields: [FindingReason.Field] {
            switch self {
            case .citizenOrPermanentResident: return []
            case let .severalClasses(visa, accepted), let .notAccepted(visa, accepted):
                return .list(("visaClass", .string(visa)), ("accepted", .strings(accepted)))
            case let .admissionNotAccepted(visa, admission, accepted):
                return .list(("visaClass", .string(visa)), ("admissionClass", .string(admission)), ("accepted", .strings(accepted)))
            case let .admissionNotInVisa(visa, admission, classes):
                return .list(("visaClass", .string(visa)), ("admissionClass", .string(admission)), ("classes", .strings(classes)))
            }
        }

        public func sentence(catalog: DocumentCatalog) -> String {
            switch self {
            case .citizenOrPermanentResident:
                return "US citizen or permanent resident"
            case let .severalClasses(visa, accepted):
                return "\(visa) allows entry in more than one class, and only some are accepted (\(accepted.joined(separator: ", "))) — enter in an accepted class and record it as `applicant.admissionClass`"
            case let .notAccepted(visa, accepted):
                return "\(visa) is not accepted; accepted: \(accepted.joined(separator: ", "))"
            case let .admissionNotAccepted(visa, admission, accepted):
                return "admission as \(admission) is not accepted (\(visa) allows it, but only \(accepted.joined(separator: ", ")) \(accepted.count == 1 ? "is" : "are") accepted) — enter in an accepted class and record it as `applicant.admissionClass`"
            case let .admissionNotInVisa(visa, admission, classes):
                return "the recorded admission class \(admission) is not one of \(visa)'s classes (\(classes.joined(separator: ", "))) — correct `applicant.visaClass` or `applicant.admissionClass`"
            }
        }
    }
}
