import Foundation
import Testing
@testable import CheckDocsCore

/// `Decimal(amountText:)` reads every text as `Decimal(string:locale:)` with en_US_POSIX did,
/// without asking ICU for the locale's separator (docs/performance.md, "Amounts without ICU").
@Suite struct AmountTextTests {
    @Test("the same value and text as with en_US_POSIX, for amounts, exponents, signs and junk")
    func sameAsPOSIX() {
        let posix = Locale(identifier: "en_US_POSIX")
        var texts = ["0", "12", "12.5", "12.50", "1999.99", "0.000", "00012.3400", ".5", "5.", "-3.25", "+4", "1e3", "1E-2",
                     "1.0e2", "2.5e+3", "123456789012345678901234567890.123", "99999999999999999999999999999999999999",
                     "0.00000000000000000000000000000000000001", "  7", "7 ", "12abc", "1,5", "1_000", "", " ", "abc", "NaN",
                     "inf", "-", ".", "e5", "1e", "1e400", "١٢", "12.5.6", "--1", "0x10"]
        var state: UInt64 = 7
        for _ in 0..<2000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let whole = Int(truncatingIfNeeded: state >> 33) % 1_000_000
            let cents = Int(truncatingIfNeeded: state >> 13) % 1000
            texts.append("\(whole).\(cents)")
            texts.append("\(state >> 1)")
        }
        for text in texts {
            let expected = Decimal(string: text, locale: posix)
            let read = Decimal(amountText: text)
            #expect(read == expected, "\(text.debugDescription)")
            #expect(read.map { "\($0)" } == expected.map { "\($0)" }, "\(text.debugDescription)")
        }
    }
}
