import Foundation
import Testing
@testable import CheckDocsNative

/// `DecimalText.fixed` writes what `String(format: "%.2f")` wrote before it (the JSON report's
/// confidences must stay byte for byte the same).
@Suite struct DecimalTextTests {
    @Test("the same text as String(format:) for confidences, halves, negatives and large values")
    func sameAsFormat() {
        var values: [Double] = [0, 1, 0.5, 0.125, 0.135, 0.145, 0.005, 0.015, 0.025, 2.675, -0.125, -1.005, 1e20, -0.0, 123456.785,
                                0.375, 0.625, 0.875, 1.125, 2.5, 3.5, -2.5, 0.0625, 0.3125, 999_999_999.995, 1e-300, -1e-300, .infinity, -.infinity, .nan,
                                0.1 + 0.2, 1.0 / 3, 2.0 / 3, 0.004999999999999999, 0.005000000000000001,
                                0.95 * 0.9, 0.85 * 0.9, 0.7 * 0.9, 0.6 * 0.9, 0.8 * 0.9 - 0.05]
        var state: UInt64 = 42
        for _ in 0..<5000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            values.append(Double(state >> 11) / Double(1 << 53))
            values.append(Double(Int(state >> 40) % 2000) / 1000)
            // Every tie there is at two to six decimals: k / 2^n.
            values.append(Double(Int(state >> 44) % 100_000) / Double(1 << (Int(state >> 20) % 8 + 1)))
            values.append(Double(state >> 11) / Double(1 << 53) * 1e8 * (state & 1 == 0 ? 1 : -1))
        }
        for value in values {
            for digits in 0...7 {
                #expect(DecimalText.fixed(value, digits: digits) == String(format: "%.\(digits)f", value), "\(value)")
            }
        }
        #expect(DecimalText.fixed(1e300, digits: 2).count == 304)
    }
}
