/// Where something came from: a file, and inside it an XML line:column or a JSON Pointer.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public enum Position: Hashable, Sendable {
        case none
        case line(Int, column: Int)
        case pointer(String)
    }

    public var file: String
    public var position: Position

    public init(file: String, position: Position = .none) {
        self.file = file
        self.position = position
    }

    public var description: String {
        switch position {
        case .none: return file
        case let .line(line, column): return column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
        case let .pointer(pointer): return "\(file): \(pointer.isEmpty ? "/" : pointer)"
        }
    }
}
