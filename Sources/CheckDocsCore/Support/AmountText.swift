import Foundation

extension Decimal {
    /// An amount as written (`1999.99` stays exact, not through a binary double), with `.` as the
    /// decimal separator whatever the machine's locale.
    ///
    /// `Decimal(string:)` without a locale reads `.`, as it does with en_US_POSIX, whose separator
    /// is `.` too: the same value for every text (`AmountTextTests`). Asking a `Locale` for its
    /// separator made an ICU number formatter instead, about 1 M instructions on a process's
    /// first amount and 7 k on each later one (docs/performance.md, "Amounts without ICU").
    init?(amountText text: String) {
        self.init(string: text)
    }
}
