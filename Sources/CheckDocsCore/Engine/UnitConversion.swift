/// Lab units a titer threshold may be written in, converted to a common base.
/// mIU/mL and IU/L are the same quantity; IU/mL is a thousand times larger.
enum UnitConversion {
    private static let toMilliIUPerML: [String: Double] = [
        "miu/ml": 1, "iu/l": 1, "miu-ml": 1, "iu/ml": 1000, "iu-ml": 1000, "u/ml": 1000, "mu/ml": 1,
    ]

    /// `value` in `unit` expressed in `target`, or nil when the units are not comparable.
    static func convert(_ value: Double, from unit: String, to target: String) -> Double? {
        let from = unit.lowercased().replacingOccurrences(of: " ", with: "")
        let to = target.lowercased().replacingOccurrences(of: " ", with: "")
        if from == to { return value }
        guard let a = toMilliIUPerML[from], let b = toMilliIUPerML[to] else { return nil }
        return value * a / b
    }
}

import Foundation
