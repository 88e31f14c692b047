extension Hasher {
    /// Feeds a byte array's contents in one call: a file path is hashed once per lookup, and
    /// feeding it byte by byte costs several times more.
    public mutating func combine(contentsOf bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine(bytes: $0) }
    }
}
