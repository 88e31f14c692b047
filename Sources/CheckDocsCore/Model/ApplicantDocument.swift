import CheckDocsNative

/// A file path inside the applicant folder, kept as raw bytes: two names that Swift's `String`
/// would call equal (NFC and NFD, say) are two different files on Linux.
///
/// The bytes, the display text and the hash live in one object made with the path: a copy of a
/// path (every list of files a requirement looked at, every finding that names one) retains that
/// one object, not an array and a string, and a set or dictionary of paths hashes one word, not
/// the bytes (docs/performance.md, "Paths as one object").
public struct FilePath: Hashable, Sendable, Comparable, CustomStringConvertible {
    private final class Storage: Sendable {
        let bytes: [UInt8]
        let description: String
        /// The name as it is, when it is UTF-8 that the display escapes (a newline, an escape
        /// character): what a JSON report writes, with JSON's own escapes. Nil when the display
        /// is the name itself, or when the name is not UTF-8 (then the display is all there is).
        let exactWhereEscaped: String?
        /// The bytes' hash, made once: equal bytes give equal hashes, which is all `Hashable` asks.
        let hash: Int

        init(bytes: [UInt8]) {
            self.bytes = bytes
            description = FilePath.display(bytes)
            exactWhereEscaped = description.utf8.elementsEqual(bytes) ? nil : String(validUTF8: bytes)
            var hasher = Hasher()
            hasher.combine(contentsOf: bytes)
            hash = hasher.finalize()
        }
    }

    private let storage: Storage

    public var bytes: [UInt8] { storage.bytes }
    /// The path for a JSON report: the name itself when it is UTF-8 (JSON escapes what it must),
    /// else the display with its bytes escaped as \xNN (docs/security.md, "Untrusted text").
    public var jsonText: String { storage.exactWhereEscaped ?? storage.description }
    /// For display: valid UTF-8 as is, invalid bytes escaped as \xNN so no name is ever lost, and
    /// control characters escaped. Made once: every report prints each path many times.
    public var description: String { storage.description }

    public init(bytes: [UInt8]) {
        storage = Storage(bytes: bytes)
    }

    public init(_ text: String) { self.init(bytes: Array(text.utf8)) }

    /// A path as the manifest writes it: a leading `./` is ignored.
    public static func normalized(_ text: String) -> FilePath {
        var key = Substring(text)
        while key.hasPrefix("./") { key = key.dropFirst(2) }
        return FilePath(String(key))
    }

    /// The folder part of the path (bytes before the last `/`; empty at the root).
    public var directory: [UInt8] {
        if let slash = bytes.lastIndex(of: UInt8(ascii: "/")) { return Array(bytes[..<slash]) }
        return []
    }

    public static func == (lhs: FilePath, rhs: FilePath) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.hash == rhs.storage.hash && lhs.storage.bytes == rhs.storage.bytes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.hash)
    }

    private static func display(_ bytes: [UInt8]) -> String {
        // Control characters are escaped too (DisplayText), so a name cannot drive the terminal.
        if let text = String(validUTF8: bytes) {
            return DisplayText.escape(text)
        }
        var out = ""
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x20 && byte < 0x7f {
                out.unicodeScalars.append(UnicodeScalar(byte))
                index += 1
                continue
            }
            // Keep valid multi-byte sequences; escape invalid bytes and control characters.
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            if length > 1, index + length <= bytes.count,
               let piece = String(validUTF8: bytes[index..<index + length]) {
                out += DisplayText.escape(piece)
                index += length
            } else {
                out += "\\x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
                index += 1
            }
        }
        return out
    }

    public var lastComponent: [UInt8] {
        if let slash = bytes.lastIndex(of: UInt8(ascii: "/")) { return Array(bytes[(slash + 1)...]) }
        return bytes
    }

    public var directoryComponents: [[UInt8]] {
        bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true).dropLast().map(Array.init)
    }

    public static func < (lhs: FilePath, rhs: FilePath) -> Bool { lhs.bytes.lexicographicallyPrecedes(rhs.bytes) }
}

/// The date fields a file name can give.
public struct FileNameFields: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let date = FileNameFields(rawValue: 1)
    public static let expires = FileNameFields(rawValue: 2)
    public static let validFrom = FileNameFields(rawValue: 4)
    public static let doses = FileNameFields(rawValue: 8)

    /// The fields `facts` gives.
    init(given facts: DocumentFacts) {
        self = []
        if facts.date != nil { insert(.date) }
        if facts.expires != nil { insert(.expires) }
        if facts.validFrom != nil { insert(.validFrom) }
        if !facts.doses.isEmpty { insert(.doses) }
    }

    /// The field of a manifest key ("date", "expires", "validFrom", "doses"), if a name can give it.
    static func field(_ key: String) -> FileNameFields? {
        switch key {
        case "date": return .date
        case "expires": return .expires
        case "validFrom": return .validFrom
        case "doses": return .doses
        default: return nil
        }
    }
}

/// The facts the manifest (or the file name) gives about one document.
public struct DocumentFacts: Hashable, Sendable {
    public var date: CalendarDate?
    public var validFrom: CalendarDate?
    public var expires: CalendarDate?
    public var doses: [CalendarDate] = []
    public var result: LabResult?
    public var value: Double?
    public var unit: String?
    public var language: String?
    /// The path of the document this file translates (manifest `translates`, or paired by name).
    public var translates: FilePath?
    /// Whether a translation is certified (manifest `certified`); nil: not recorded.
    public var certified: Bool?
    public var nameOnDocument: String?
    public var issuer: String?
    public var form: String?
    public var signed: Bool?
    public var letterhead: Bool?
    public var coverageAmount: Double?
    public var coveragePerIncident: Double?
    public var coverageAggregate: Double?
    /// What the file is more precisely within its type (manifest `subtype`: `td` for a tdap
    /// file); nil: not recorded, so a `<subtype>` rule cannot decide (docs/programs.md).
    public var subtype: String?
    /// What the document states (manifest `states`). nil: nothing is known, which is not the
    /// same as a document known to state nothing; the text layer may fill it later.
    public var statements: Statements?
    /// The amounts the document gives, by name (manifest `amounts`, and `coverage`).
    public var amounts: [String: Money] = [:]
    public var note: String?
    /// The days of a vaccination month from the file name ("flu shot oct 2026"): used by season
    /// rules only, never as the date (docs/catalog.md, "Dates in file names").
    public var dateSpan: ClosedRange<CalendarDate>?
    /// Why a date in the file name was not used: "the name gives only the year 2024, not a day".
    public var nameDateNote: String?
    /// The dates above that the file name gave (the manifest did not): a reading that disagrees
    /// is overruled by the name, and says so in those words.
    public var fromFileName: FileNameFields = []
    /// Whether the file name says the file is a lab report ("titer", "IgG", "serology", …): of a
    /// vaccine type, such a file is a result, never a dose (DoseCount).
    public var namedAsLabReport = false
    /// Whether the file name says the file records vaccine doses ("dose", "vaccine", "shot", …) and
    /// not that it is a lab report: asked for a titer or a result, it is a vaccination record, and
    /// asking for its value would hide what is really wrong (TiterThreshold, LabResultConstraint).
    public var namedAsDoseRecord = false
    /// Whether the file name says the titer is IgM ("Varicella IgM titer"): IgM shows a recent
    /// infection, not immunity, which an IgG titer shows.
    public var namedAsIgM = false

    /// The dates of the doses it records: its dose list, or else its date (DoseCount).
    public var doseDates: [CalendarDate] { doses.isEmpty ? date.map { [$0] } ?? [] : doses }

    /// Whether one of `doseDates` meets `condition`, with no list made: a dose count asks it of
    /// every file of every program.
    public func anyDoseDate(_ condition: (CalendarDate) -> Bool) -> Bool {
        doses.isEmpty ? date.map(condition) ?? false : doses.contains(where: condition)
    }

    /// Whether the file is a record of vaccine doses, not a lab report: doses are given, or its
    /// name says so, and no result or value is.
    public var isDoseRecord: Bool { result == nil && value == nil && (!doses.isEmpty || namedAsDoseRecord) }

    /// Whether the file is a lab report rather than a record of doses: its doses are not given,
    /// and it has a result or a value, or its name says so. A negative varicella titer counted as
    /// a dose made two of them "2 doses" (docs/programs.md, `minDoses`).
    public var isLabReport: Bool { doses.isEmpty && (result != nil || value != nil || namedAsLabReport) }

    public init() {}
}

/// What a document states, and where that was learnt: the manifest today; the reading of the
/// text layer can add another source without changing the rules that use it.
public struct Statements: Hashable, Sendable {
    public enum Source: String, Sendable { case manifest }

    public var stated: Set<String>
    public var source: Source

    public init(_ stated: Set<String>, source: Source) {
        self.stated = stated
        self.source = source
    }

    public func contains(_ statement: String) -> Bool { stated.contains(statement) }
}

/// An amount of money with its currency, as a document gives it. `currency` is nil when the
/// manifest gave the number without one (`coverage` without `currency`): such an amount cannot
/// be compared with anything. `field` is the manifest field to name when it cannot be used.
public struct Money: Hashable, Sendable {
    public var value: Double
    public var currency: String?
    public var field: String

    public init(value: Double, currency: String?, field: String) {
        self.value = value
        self.currency = currency
        self.field = field
    }

    /// "100000 USD" or "150.00 USD" (the manifest's form, validated by its schema).
    public init?(text: String, field: String) {
        let parts = text.split(separator: " ")
        guard parts.count == 2, let value = Double(parts[0]), value >= 0, parts[1].count == 3,
              parts[1].allSatisfy({ $0.isASCII && $0.isUppercase }) else { return nil }
        self.init(value: value, currency: String(parts[1]), field: field)
    }
}

/// How a file got its type.
public enum ClassificationSource: String, Sendable, Codable {
    case manifest
    case fileName = "file-name"
    case folderName = "folder-name"
}

/// One document in the applicant folder with its type (if known) and facts.
public struct ApplicantDocument: Hashable, Sendable {
    public var path: FilePath
    public var size: Int64
    public var type: String?
    public var classifiedBy: ClassificationSource?
    /// The catalog alias words that decided the type, for `--verbose` and explain.
    public var evidence: String?
    public var facts: DocumentFacts

    public init(path: FilePath, size: Int64, type: String?, classifiedBy: ClassificationSource?, evidence: String? = nil, facts: DocumentFacts) {
        self.path = path
        self.size = size
        self.type = type
        self.classifiedBy = classifiedBy
        self.evidence = evidence
        self.facts = facts
    }

    /// The date rules use on `asOf`: taken / issued / collected; else the last dose given by then
    /// (a dose booked for later is not given yet: DoseCount leaves it out too), else the first
    /// dose booked.
    public func effectiveDate(asOf: CalendarDate) -> CalendarDate? {
        if let date = facts.date { return date }
        // One pass, no list made: every window and season of every program asks it.
        var given: CalendarDate?
        var first: CalendarDate?
        for dose in facts.doses {
            if dose <= asOf, given.map({ dose > $0 }) ?? true { given = dose }
            if first.map({ dose < $0 }) ?? true { first = dose }
        }
        return given ?? first
    }
}
