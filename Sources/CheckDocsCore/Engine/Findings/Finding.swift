import CheckDocsNative

/// Why a document, or a document clause, does not satisfy a requirement: the constraint kind that
/// decided and its typed detail. Each kind declares its details, with their words and data, in
/// its own file (Engine/Constraints/); the clause's own ones (how many files, a file past its
/// expiry) are `ClauseFinding`. The JSON report carries a finding as the requirement's `reason`
/// object (docs/reports.md).
public struct Finding: Hashable, Sendable, ReasonToMake {
    /// The kind and the detail, made once and shared: a finding is copied into every list of the
    /// files a clause considered, and a copy of a string and an existential, and of an optional
    /// one through the generic witnesses, cost more than the check that found it; a reference is
    /// one retain, and an absent finding a null. The detail is stored in the box itself, typed,
    /// so a finding is one allocation whatever its detail's size (docs/performance.md, "Shared
    /// values").
    private let box: any FindingBox

    /// A `<document>` attribute or child element name (`window`, `file`, …), `document` for the
    /// count, `expires` for a document past its own expiry date; for an eligibility rule its
    /// `<eligibility>` element (`exam`, …), and `deadline` for the timing rule.
    public var kind: String { box.kind }

    public init(kind: String, detail: some FindingDetail) {
        box = StoredFinding(kind: kind, detail: detail)
    }

    public func sentence(catalog: DocumentCatalog) -> String { box.sentence(catalog: catalog) }

    var couldBe: [FilePath] { box.couldBe }

    public func reason(file: FilePath?) -> FindingReason { box.reason(file: file) }

    public static func == (lhs: Finding, rhs: Finding) -> Bool {
        lhs.box === rhs.box || (lhs.kind == rhs.kind && lhs.box.hasDetail(equalTo: rhs.box))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        box.hashDetail(into: &hasher)
    }
}

/// A finding's storage, whatever the type of its detail.
private protocol FindingBox: AnyObject, Sendable {
    var kind: String { get }
    func sentence(catalog: DocumentCatalog) -> String
    var couldBe: [FilePath] { get }
    func reason(file: FilePath?) -> FindingReason
    func hasDetail(equalTo other: any FindingBox) -> Bool
    func hashDetail(into hasher: inout Hasher)
}

private final class StoredFinding<Detail: FindingDetail>: FindingBox {
    let kind: String
    let detail: Detail

    init(kind: String, detail: Detail) {
        self.kind = kind
        self.detail = detail
    }

    func sentence(catalog: DocumentCatalog) -> String { detail.sentence(catalog: catalog) }

    var couldBe: [FilePath] { detail.couldBe }

    func reason(file: FilePath?) -> FindingReason {
        FindingReason(kind: kind, code: detail.code, file: file, fields: detail.fields)
    }

    /// Details of different types differ, as `AnyHashable` compares them.
    func hasDetail(equalTo other: any FindingBox) -> Bool { (other as? StoredFinding<Detail>)?.detail == detail }

    func hashDetail(into hasher: inout Hasher) { AnyHashable(detail).hash(into: &hasher) }
}

/// One kind's failure: a case with the facts involved, its sentence and its data.
public protocol FindingDetail: Hashable, Sendable {
    /// A code for the case in the JSON report (`before-window`, `too-few-pages`, …).
    var code: String { get }
    /// The dates and values involved, in a fixed order, for the JSON report.
    var fields: [FindingReason.Field] { get }
    /// The sentence a report shows.
    func sentence(catalog: DocumentCatalog) -> String
    /// Ambiguous files that may be the document found missing: said once after the sentences of
    /// a requirement's every clause (`OutcomeWords`).
    var couldBe: [FilePath] { get }
}

extension FindingDetail {
    public var couldBe: [FilePath] { [] }
}

extension Array where Element == FindingReason.Field {
    /// The fields that have a value, in order: `.list(("date", .date(d)), ("language", nil))`.
    static func list(_ pairs: (String, FindingReason.Value?)...) -> [FindingReason.Field] {
        // Made to size: `compactMap` grew its list one reallocation at a time, for every reason a
        // JSON report writes (each failing file of each requirement of each program).
        var fields: [FindingReason.Field] = []
        fields.reserveCapacity(pairs.count)
        for (key, value) in pairs {
            if let value { fields.append(FindingReason.Field(key: key, value: value)) }
        }
        return fields
    }
}

/// The clause's own findings: how many files it found, and a file past its own expiry date (which
/// fails whatever the constraints say).
public enum ClauseFinding: FindingDetail {
    /// `couldBe`: the folder's ambiguous files whose name fits this type among others.
    case noDocument(type: String, min: Int, couldBe: [FilePath] = [])
    case tooFew(type: String, min: Int, found: Int)
    case expired(on: CalendarDate)
    /// Dated after the run's day, in a clause with no window or season to say so.
    case inFuture(date: CalendarDate)

    public var kind: String {
        if case .expired = self { return "expires" }
        return "document"
    }

    public var code: String {
        switch self {
        case .noDocument: return "none-found"
        case .tooFew: return "too-few"
        case .expired: return "expired"
        case .inFuture: return "in-future"
        }
    }

    public var fields: [FindingReason.Field] {
        switch self {
        case let .noDocument(type, min, couldBe):
            return .list(("documentType", .string(type)), ("min", .int(min)),
                         ("couldBe", couldBe.isEmpty ? nil : .strings(couldBe.map(\.jsonText))))
        case let .tooFew(type, min, found): return .list(("documentType", .string(type)), ("min", .int(min)), ("found", .int(found)))
        case let .expired(on): return .list(("expires", .date(on)))
        case let .inFuture(date): return .list(("date", .date(date)))
        }
    }

    public func sentence(catalog: DocumentCatalog) -> String {
        switch self {
        case let .noDocument(type, min, _):
            let title = catalog.title(of: type)
            return "no \(min > 1 ? "\(min) × \(title)" : title) found"
        case let .tooFew(type, min, found):
            return "\(min) × \(catalog.title(of: type)) required, \(found) found"
        case let .expired(on):
            return "expired on \(on)"
        case let .inFuture(date):
            return "dated \(date), which is in the future"
        }
    }

    public var couldBe: [FilePath] {
        if case let .noDocument(_, _, files) = self { return files }
        return []
    }

    var finding: Finding { Finding(kind: kind, detail: self) }
}
