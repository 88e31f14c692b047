/// Something about the inputs worth telling the user that is not a requirement's result:
/// an ambiguous date, an unreadable file, a skipped special file.
public struct Diagnostic: Hashable, Sendable, Comparable {
    public enum Level: String, Sendable, Codable {
        case error, warning, note
    }

    public var level: Level
    public var code: String
    public var message: String
    public var path: String?

    public init(_ level: Level, code: String, _ message: String, path: String? = nil) {
        self.level = level
        self.code = code
        self.message = message
        self.path = path
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        ((lhs.path ?? ""), lhs.code, lhs.message) < ((rhs.path ?? ""), rhs.code, rhs.message)
    }
}
