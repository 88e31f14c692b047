import Foundation
import CheckDocsNative

/// Splits a file or folder name into lowercase words the way aliases are written:
/// accents removed, apostrophes dropped, every other non-alphanumeric is a separator, and
/// letters and digits are split apart ("Step1" → step 1, "B1B2" → b 1 b 2).
public enum FileNameTokens {
    public struct Token: Hashable, Sendable {
        public var text: String
        public var isNumber: Bool
    }

    public static func tokens(_ name: String) -> [Token] {
        // ASCII is its own decomposition: skip Foundation's (ICU) for the common case. An ASCII
        // token is then a run of the name's own bytes (`ASCIIRuns`), its apostrophes dropped.
        if let tokens = ASCIIRuns.lowercased(name, skipping: UInt8(ascii: "'"), { Token(text: $0, isNumber: $1) }) { return tokens }
        let decomposed = name.decomposedStringWithCanonicalMapping
        let folded = decomposed.unicodeScalars
            .filter { !(0x0300...0x036F).contains($0.value) && $0 != "'" && $0 != "\u{2019}" }
        var tokens: [Token] = []
        var current = ""
        var currentIsNumber = false
        func flush() {
            if !current.isEmpty { tokens.append(Token(text: current.lowercased(), isNumber: currentIsNumber)) }
            current = ""
        }
        for scalar in folded {
            let isDigit = scalar.properties.numericType == .decimal && scalar.isASCII
            let isLetter = scalar.properties.isAlphabetic
            if isDigit || isLetter {
                if !current.isEmpty && isDigit != currentIsNumber { flush() }
                currentIsNumber = isDigit
                current.unicodeScalars.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return tokens
    }

    /// The name without its final extension (a leading dot does not start an extension).
    public static func stem(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        let ext = name[name.index(after: dot)...]
        // Only strip something that looks like an extension, so "Dr. Smith letter" keeps its words.
        guard (1...5).contains(ext.count), ext.allSatisfy({ $0.isLetter || $0.isNumber }) else { return name }
        return String(name[..<dot])
    }
}
