/// The runs of ASCII letters and of ASCII digits in a text, found on its own bytes: the words of a
/// file name or of a type's alias (CheckDocsCore's `FileNameTokens`), which every check makes for
/// every alias of the catalog and every file of the folder.
public enum ASCIIRuns {
    /// Each run of letters (A–Z and a–z, lowercased) or of digits (0–9) of `text`, in order, made
    /// by `make` from its text and whether it is digits. The `skipped` byte is dropped, joining
    /// what is around it (`O'Brien` is one run); every other byte ends a run. nil when `text`
    /// holds a byte outside ASCII.
    ///
    /// The runs are counted first, so the list is allocated once, and each run's string is made in
    /// one step from the text's bytes (a string of up to 15 bytes is stored inline, without an
    /// allocation). Inlinable, so the caller's `make` is called directly.
    @inlinable
    public static func lowercased<Run>(_ text: String, skipping skipped: UInt8, _ make: (String, Bool) -> Run) -> [Run]? {
        var text = text
        return text.withUTF8 { bytes in runs(bytes, skipping: skipped, make) }
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
    static func runs<Run>(_ bytes: UnsafeBufferPointer<UInt8>, skipping skipped: UInt8, _ make: (String, Bool) -> Run) -> [Run]? {
        var count = 0
        var previous: Bool?
        for byte in bytes where byte != skipped {
            if byte >= 0x80 { return nil }
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
            // The run goes on over skipped bytes, which its text leaves out.
            var end = start + 1
            var length = 1
            while end < bytes.count {
                if bytes[end] == skipped {
                    end += 1
                } else if kind(bytes[end]) == isDigits {
                    end += 1
                    length += 1
                } else {
                    break
                }
            }
            let text = String(unsafeUninitializedCapacity: length) { buffer in
                var offset = 0
                for byte in bytes[start..<end] where byte != skipped {
                    buffer[offset] = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
                    offset += 1
                }
                return offset
            }
            runs.append(make(text, isDigits))
            start = end
        }
        return runs
    }
}
