/// The runs of ASCII letters and of ASCII digits in a text, found on its own bytes: the words of a
/// file name or of a type's alias (CheckDocsCore's `FileNameTokens`), which every check makes for
/// every alias of the catalog and every file of the folder.
public enum ASCIIRuns {
    /// Each run of letters (A–Z and a–z, lowercased) or of digits (0–9) of `text`, in order, made
    /// by `make` from its text and whether it is digits; every other byte ends a run. nil when
    /// `text` holds a byte outside ASCII or the `excluded` byte, which the caller treats otherwise.
    ///
    /// The runs are counted first, so the list is allocated once, and each run's string is made in
    /// one step from the text's bytes (a string of up to 15 bytes is stored inline, without an
    /// allocation). Inlinable, so the caller's `make` is called directly.
    @inlinable
    public static func lowercased<Run>(_ text: String, excluding excluded: UInt8, _ make: (String, Bool) -> Run) -> [Run]? {
        var text = text
        return text.withUTF8 { bytes in runs(bytes, excluding: excluded, make) }
    }

    /// nil for a byte that ends a run, true for a digit, false for a letter.
    @usableFromInline
    static func kind(_ byte: UInt8) -> Bool? {
        switch byte {
        case 0x30...0x39: return true
        case 0x41...0x5A, 0x61...0x7A: return false
        default: return nil
        }
    }

    /// `lowercased` on the text's bytes.
    @inlinable
    static func runs<Run>(_ bytes: UnsafeBufferPointer<UInt8>, excluding excluded: UInt8, _ make: (String, Bool) -> Run) -> [Run]? {
        var count = 0
        var previous: Bool?
        for byte in bytes {
            if byte >= 0x80 || byte == excluded { return nil }
            let current = kind(byte)
            if let current, current != previous { count += 1 }
            previous = current
        }
        if count == 0 { return [] }
        var runs: [Run] = []
        runs.reserveCapacity(count)
        var start = 0
        while start < bytes.count {
            guard let isDigits = kind(bytes[start]) else {
                start += 1
                continue
            }
            var end = start + 1
            while end < bytes.count, kind(bytes[end]) == isDigits { end += 1 }
            let text = String(unsafeUninitializedCapacity: end - start) { buffer in
                for offset in 0..<(end - start) {
                    let byte = bytes[start + offset]
                    buffer[offset] = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
                }
                return end - start
            }
            runs.append(make(text, isDigits))
            start = end
        }
        return runs
    }
}
