/// Why a requirement has its status, as data beside the sentence: the constraint kind that
/// decided (`window`, `validThrough`, `file`, `document` for the count, …), a code for the
/// case, the file it was about, and the dates and values involved (docs/reports.md, "reason").
public struct FindingReason: Hashable, Sendable {
    public enum Value: Hashable, Sendable {
        case string(String)
        case int(Int)
        case number(Double)
        case bool(Bool)
        case date(CalendarDate)
        case strings([String])
    }

    public struct Field: Hashable, Sendable {
        public var key: String
        public var value: Value
    }

    public var kind: String
    public var code: String
    public var file: FilePath?
    public var fields: [Field]

    public init(kind: String, code: String, file: FilePath?, fields: [Field]) {
        self.kind = kind
        self.code = code
        self.file = file
        self.fields = fields
    }
}
