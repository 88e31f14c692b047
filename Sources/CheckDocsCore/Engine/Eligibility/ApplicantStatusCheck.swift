import CheckDocsNative

/// `<applicantStatus allowed="student" notGraduatedBefore="rotation-end"/>`: the applicant must be
/// a student or a graduate as listed; a student must not graduate before the anchor, if one is given.
public struct ApplicantStatusCheck: EligibilityCheck {
    public var allowed: [ApplicantStatus]
    public var notGraduatedBefore: Anchor?

    public init(allowed: [ApplicantStatus], notGraduatedBefore: Anchor? = nil) {
        self.allowed = allowed
        self.notGraduatedBefore = notGraduatedBefore
    }

    public static let order = 10
    public static let element = "applicantStatus"

    public static func decode(from node: DescriptionNode) throws(InputError) -> ApplicantStatusCheck {
        guard let allowed = try node.list("allowed", of: ApplicantStatus.self) else { throw InputError(node.location, "missing allowed") }
        return ApplicantStatusCheck(allowed: allowed, notGraduatedBefore: try node.value("notGraduatedBefore", as: Anchor.self))
    }

    public var defaultID: String { "eligibility.applicant-status" }

    public var title: String {
        let statuses = "Applicant status: " + allowed.map(\.rawValue).joined(separator: " or ")
        // The graduation condition is half the rule: "student" alone reads as any student.
        guard let anchor = notGraduatedBefore, allowed.contains(.student) else { return statuses }
        return statuses + "; a student must not graduate before \(ProgramDates.describe(anchor))"
    }

    public var anchors: [Anchor] { notGraduatedBefore.map { [$0] } ?? [] }

    public func evaluate(_ context: ClauseContext) -> EligibilityOutcome<Failure> {
        guard let status = context.profile.status else { return .unknown(field: "status") }
        guard allowed.contains(status) else { return .ineligible(.statusNotAllowed(status: status, allowed: allowed)) }
        if let anchor = notGraduatedBefore, status == .student {
            guard let graduation = context.profile.graduationDate else { return .unknown(field: "graduationDate") }
            let limit = context.dates.date(for: anchor)
            if graduation < limit { return .ineligible(.graduatesBefore(graduation: graduation, anchor: anchor, anchorDate: limit)) }
        }
        return .ok("you are a \(status.rawValue)")
    }

    public enum Failure: FindingDetail {
        case statusNotAllowed(status: ApplicantStatus, allowed: [ApplicantStatus])
        case graduatesBefore(graduation: CalendarDate, anchor: Anchor, anchorDate: CalendarDate)

        public var code: String {
            switch self {
            case .statusNotAllowed: return "status-not-allowed"
            case .graduatesBefore: return "graduates-before"
            }
        }

        public var fields: [FindingReason.Field] {
            switch self {
            case let .statusNotAllowed(status, allowed):
                return .list(("status", .string(status.rawValue)), ("allowed", .strings(allowed.map(\.rawValue))))
            case let .graduatesBefore(graduation, anchor, anchorDate):
                return .list(("graduationDate", .date(graduation)), ("anchor", .string(anchor.rawValue)), ("anchorDate", .date(anchorDate)))
            }
        }

        public func sentence(catalog: DocumentCatalog) -> String {
            switch self {
            case let .statusNotAllowed(status, allowed):
                return "open to \(allowed.map { $0.rawValue + "s" }.joined(separator: " and ")) only; you are a \(status.rawValue)"
            case let .graduatesBefore(graduation, anchor, anchorDate):
                return "you graduate on \(graduation), before \(ProgramDates.describe(anchor)) (\(anchorDate)); applicants must not have graduated by then"
            }
        }
    }
}
