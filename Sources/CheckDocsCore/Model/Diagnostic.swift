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
    /// The path's own bytes when they are not valid UTF-8 (`path` shows them escaped as `\xNN`):
    /// what a SARIF location percent-encodes, so it names the file, as the other results do.
    public var pathBytes: [UInt8]?
    /// The path as it is, when it is UTF-8 that `path` shows escaped (a newline in a name): what a
    /// JSON report writes (`FilePath.jsonText`).
    public var exactPath: String?

    public var level: Level { code.level }

    public init(_ code: DiagnosticCode, _ message: String, path: String? = nil, pathBytes: [UInt8]? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.pathBytes = pathBytes
    }

    /// About one file of the folder: its path shown (bytes that are not UTF-8 escaped), and its
    /// own bytes kept when they differ from what is shown.
    public init(_ code: DiagnosticCode, _ message: String, file: FilePath) {
        self.init(code, message, path: file.description, pathBytes: String(validUTF8: file.bytes) == nil ? file.bytes : nil)
        if file.jsonText != file.description { exactPath = file.jsonText }
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        ((lhs.path ?? ""), lhs.code.rawValue, lhs.message) < ((rhs.path ?? ""), rhs.code.rawValue, rhs.message)
    }
}
