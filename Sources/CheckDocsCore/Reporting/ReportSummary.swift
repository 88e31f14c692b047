import Foundation

/// Wording and counts that several reporters share, so every format says the same thing.
extension ReadinessReport {
    /// "1 of 2 programs ready (1 ready, 1 not-ready)".
    public var verdict: String {
        let ready = programs.filter { $0.status == .ready }.count
        let summary = ProgramStatus.allCasesInOrder.compactMap { status -> String? in
            let count = programs.filter { $0.status == status }.count
            return count > 0 ? "\(count) \(status.rawValue)" : nil
        }
        return "\(ready) of \(Plural.count(programs.count, "program")) ready"
            + (summary.isEmpty ? "" : " (" + summary.joined(separator: ", ") + ")")
    }

    /// "21 documents recognized, 0 unrecognized, 0 ambiguous".
    public var documentSummary: String {
        "\(Plural.count(documents.count, "document")) recognized, \(unrecognizedFiles.count) unrecognized, "
            + "\(ambiguousFiles.count) ambiguous"
    }
}

extension ProgramResult {
    /// Requirements met (ok or waived) out of those that apply (all but not-applicable).
    public var progress: (met: Int, applicable: Int) {
        let applicable = requirements.filter { $0.status != .notApplicable }
        return (applicable.filter { $0.status == .ok || $0.status == .waived }.count, applicable.count)
    }

    /// Failing requirements that block the program (severity error), in report order.
    public var blockers: [RequirementResult] { requirements.filter { $0.blocks(at: .error) } }

    /// Failing requirements of severity warning: they never change the program's status.
    public var warnings: [RequirementResult] { requirements.filter { $0.status.isFailure && $0.severity == .warning } }

    /// Items due at a later stage (before arrival, after an offer).
    public var pending: [RequirementResult] { requirements.filter { $0.status == .pending } }

    /// "USD 15 (application fee), USD 100 (processing)", or nil without fees.
    public var feeSummary: String? {
        fees.isEmpty ? nil : fees.map { "\($0.currency) \(Plural.amount($0.amount))" + ($0.label.isEmpty ? "" : " (\($0.label))") }
            .joined(separator: ", ")
    }
}

extension ProgramStatus {
    /// The words a reader sees, upper case, without colour: "NOT READY".
    public var headline: String { rawValue.replacingOccurrences(of: "-", with: " ").uppercased() }

    /// ✔ for ready, ✘ for anything else: status is never told by colour alone.
    public var symbol: String { self == .ready ? "✔" : "✘" }
}

extension CrossProgramItem {
    /// "blocks 2 programs; the only blocker of a, b".
    public var impact: String {
        "blocks \(Plural.count(programs.count, "program"))"
            + (soleBlockerOf.isEmpty ? "" : "; the only blocker of " + soleBlockerOf.joined(separator: ", "))
    }
}

extension FeeTotal {
    /// "USD 15 (1 program)".
    public var summary: String { "\(currency) \(Plural.amount(amount)) (\(Plural.count(programs, "program")))" }
}

enum Plural {
    /// "1 program", "2 programs".
    static func count(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    static func amount(_ value: Decimal) -> String { NSDecimalNumber(decimal: value).stringValue }
}
