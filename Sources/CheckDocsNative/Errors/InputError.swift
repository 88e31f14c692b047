/// An input or configuration error: exit code 2. Each names where it happened.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible, Comparable {
    public var location: SourceLocation
    public var message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    public init(file: String, _ message: String) {
        self.init(SourceLocation(file: file), message)
    }

    /// One line, whatever the input: file names, keys and messages are escaped for the terminal.
    public var description: String { DisplayText.escape("\(location): error: \(message)") }

    public static func < (lhs: InputError, rhs: InputError) -> Bool {
        (lhs.location.file, lhs.sortKey, lhs.message) < (rhs.location.file, rhs.sortKey, rhs.message)
    }

    private var sortKey: String {
        switch location.position {
        case .none: return ""
        case let .line(line, column): return String(line).leftPadded(to: 9) + ":" + String(column).leftPadded(to: 9)
        case let .pointer(pointer): return pointer
        }
    }
}

/// Several input errors at once (lint reports them all).
public struct InputErrors: Error, Sendable {
    public var errors: [InputError]
    public init(_ errors: [InputError]) { self.errors = errors.sorted() }
}
