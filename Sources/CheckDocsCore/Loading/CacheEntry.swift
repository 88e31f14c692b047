import CheckDocsNative

/// The entries of the user's OCR and facts caches (docs/security.md, "The OCR cache"): header
/// lines, a line `body <length> <checksum>`, then the body.
enum CacheEntry {
    /// The header lines before the body line, the body, and the checksum its line gives; nil when
    /// a line is not UTF-8, the header is cut short or longer than 4 KB, or the body's length is
    /// not the one written.
    static func split(_ bytes: [UInt8], headerLines: Int) -> (header: [String], body: [UInt8], checksum: String)? {
        var lines: [String] = []
        var start = 0
        var index = 0
        while lines.count <= headerLines, index < bytes.count, index < 4096 {
            if bytes[index] == UInt8(ascii: "\n") {
                guard let line = String(validUTF8: bytes[start..<index]) else { return nil }
                lines.append(line)
                start = index + 1
            }
            index += 1
        }
        guard lines.count == headerLines + 1 else { return nil }
        let fields = lines[headerLines].split(separator: " ")
        guard fields.count == 3, fields[0] == "body", let count = Int(fields[1]), count == bytes.count - start else { return nil }
        return (Array(lines.prefix(headerLines)), Array(bytes[start...]), String(fields[2]))
    }

    /// An entry of `header`'s lines and `body`, checked by the body's FNV-1a (damage, not
    /// tampering: whoever can write the cache can write any entry): the facts and PDF facts caches.
    static func make(header: [String], body: [UInt8]) -> [UInt8] {
        Array((header + ["body \(body.count) \(checksum(body))"]).joined(separator: "\n").utf8) + [0x0A] + body
    }

    /// The body of an entry `make` wrote with exactly `header`, when it is whole; nil otherwise.
    static func body(of bytes: [UInt8], header: [String]) -> [UInt8]? {
        guard let (found, body, sum) = split(bytes, headerLines: header.count), found == header, checksum(body) == sum else { return nil }
        return body
    }

    static func checksum(_ body: [UInt8]) -> String { String(ByteWords.fnv1a(body), radix: 16) }
}
