/// Lab units a titer threshold may be written in, converted to a common base.
/// mIU/mL and IU/L are the same quantity; IU/mL is a thousand times larger.
enum UnitConversion {
    private static let toMilliIUPerML: [String: Double] = [
        "miu/ml": 1, "iu/l": 1, "miu-ml": 1, "iu/ml": 1000, "iu-ml": 1000, "u/ml": 1000, "mu/ml": 1,
    ]

    /// `value` in `unit` expressed in `target`, or nil when the units are not comparable.
    static func convert(_ value: Double, from unit: String, to target: String) -> Double? {
        // ASCII units (all of the table's) are compared folded in place, byte by byte: folding
        // them into new strings was two of every titer check's allocations.
        if unit.utf8.allSatisfy({ $0 < 0x80 }), target.utf8.allSatisfy({ $0 < 0x80 }) {
            let from = folded(unit), to = folded(target)
            if from.elementsEqual(to) { return value }
            guard let a = factor(from), let b = factor(to) else { return nil }
            return value * a / b
        }
        let from = unit.lowercased().replacingOccurrences(of: " ", with: "")
        let to = target.lowercased().replacingOccurrences(of: " ", with: "")
        if from == to { return value }
        guard let a = toMilliIUPerML[from], let b = toMilliIUPerML[to] else { return nil }
        return value * a / b
    }

    /// ASCII `text` lower-cased and without spaces, as `lowercased()` and removing " " make it.
    private static func folded(_ text: String) -> LazyMapSequence<LazyFilterSequence<String.UTF8View>, UInt8> {
        text.utf8.lazy.filter { $0 != UInt8(ascii: " ") }.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 | 0x20 : $0 }
    }

    /// The table's factor for a folded unit.
    private static func factor(_ unit: LazyMapSequence<LazyFilterSequence<String.UTF8View>, UInt8>) -> Double? {
        for (key, factor) in toMilliIUPerML where key.utf8.elementsEqual(unit) { return factor }
        return nil
    }
}

import Foundation
