/// Something about the inputs worth telling the user that is not a requirement's result:
/// an ambiguous date, an unreadable file, a skipped special file.
public struct Diagnostic: Hashable, Sendable, Comparable {
    public enum Level: String, Sendable, Codable {
        case error, warning, note
    }

    /// One of the catalogue (DiagnosticCode), which also gives the level.
    public var code: DiagnosticCode
    public var message: String
    public var path: String?

    public var level: Level { code.level }

    public init(_ code: DiagnosticCode, _ message: String, path: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        ((lhs.path ?? ""), lhs.code.rawValue, lhs.message) < ((rhs.path ?? ""), rhs.code.rawValue, rhs.message)
    }
}
