#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A number written with a fixed count of decimals, as C's `printf("%.*f")` writes it: rounded
/// to the nearest on the exact binary value, a tie to the even digit. It is what Foundation's
/// `String(format:)` gave the reports, without its format parser, and without printf's own
/// multi-precision path (~29,000 instructions a number; a JSON report writes one per fact).
public enum DecimalText {
    public static func fixed(_ value: Double, digits: Int) -> String {
        guard value.isFinite, (0...6).contains(digits), value.magnitude < 1e9 else { return printf(value, digits: digits) }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let magnitude = value.magnitude
        let product = magnitude * scale
        // The product's rounding error, exactly (a fused multiply-add rounds once): product +
        // error is magnitude × scale to the last bit.
        let error = (-product).addingProduct(magnitude, scale)
        let whole = product.rounded(.down)
        // Above or below the half, on the exact value. `product - whole - 0.5` is exact where it
        // is near zero (Sterbenz), and then a multiple of the product's ulp, which the error
        // (at most half an ulp) cannot outweigh; only an exact half leaves the sum at zero.
        let side = (product - whole - 0.5) + error
        var units = Int64(whole)
        if side > 0 || (side == 0 && units % 2 == 1) { units += 1 }
        var power: Int64 = 1
        for _ in 0..<digits { power *= 10 }
        var text = value.sign == .minus ? "-" : ""
        text += String(units / power)
        if digits > 0 {
            let fraction = String(units % power)
            text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        return text
    }

    /// Through `vsnprintf`, for what the exact path above does not take.
    static func printf(_ value: Double, digits: Int) -> String {
        var buffer = [CChar](repeating: 0, count: 32)
        let written = buffer.withUnsafeMutableBufferPointer { out in
            withVaList([CInt(digits), value]) { vsnprintf(out.baseAddress!, out.count, "%.*f", $0) }
        }
        guard written >= 0 else { return "" }
        if Int(written) >= buffer.count {
            // Wider than the buffer (a huge value): written in full on a second try.
            buffer = [CChar](repeating: 0, count: Int(written) + 1)
            _ = buffer.withUnsafeMutableBufferPointer { out in
                withVaList([CInt(digits), value]) { vsnprintf(out.baseAddress!, out.count, "%.*f", $0) }
            }
        }
        return String(decoding: buffer.prefix(Int(written)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
