import Foundation

/// Wording and counts that several reporters share, so every format says the same thing.
extension ReportSummary {
    /// "1 of 2 programs ready (1 ready, 1 not-ready)".
    public var verdict: String {
        let counts = ProgramStatus.allCasesInOrder.compactMap { status -> String? in
            count(status) > 0 ? "\(count(status)) \(status.rawValue)" : nil
        }
        return "\(count(.ready)) of \(Plural.count(programCount, "program")) ready"
            + (counts.isEmpty ? "" : " (" + counts.joined(separator: ", ") + ")")
    }
}

extension ReportHeader {
    /// "21 documents recognized, 0 unrecognized, 0 ambiguous".
    public var documentSummary: String {
        "\(Plural.count(documents.count, "document")) recognized, \(unrecognizedFiles.count) unrecognized, "
            + "\(ambiguousFiles.count) ambiguous"
    }
}

/// The header's and summary's fields, for formats that read the whole report at once.
extension ReadinessReport {
    public var toolVersion: String { header.toolVersion }
    public var asOf: CalendarDate { header.asOf }
    public var folder: String { header.folder }
    public var documents: [ApplicantDocument] { header.documents }
    public var unrecognizedFiles: [FilePath] { header.unrecognizedFiles }
    public var ambiguousFiles: [AmbiguousFile] { header.ambiguousFiles }
    public var diagnostics: [Diagnostic] { header.diagnostics }
    public var failOn: Severity? { header.failOn }
    public var crossProgram: [CrossProgramItem] { summary.crossProgram }
    public var fees: [FeeTotal] { summary.fees }
    public var verdict: String { summary.verdict }
    public var documentSummary: String { header.documentSummary }
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

    /// Met with more files than the program takes (4 letters of 5): which to assign is the
    /// applicant's choice, which every report says (docs/reports.md).
    public var choices: [RequirementResult] { requirements.filter { $0.status == .ok && $0.choice != nil } }

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

extension UncountedFeeTotal {
    /// "USD 2000 (yale-elective, emory-elective)".
    public var summary: String { "\(currency) \(Plural.amount(amount)) (\(programs.joined(separator: ", ")))" }
}

/// The words every format uses for the fee totals (docs/reports.md, "Fix first and fees").
enum FeeWording {
    /// Said when no program that can be applied to charges a fee, but others do.
    static let noneCounted = "none for the programs you can apply to"
    /// The same, on its own under a "Fees" heading.
    static let noneCountedSentence = "None for the programs you can apply to."
    /// Introduces the fees of the ineligible and closed programs, kept out of the totals.
    static let notCounted = "Not counted (ineligible or closed programs)"
}

enum Plural {
    /// "1 program", "2 programs".
    static func count(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    static func amount(_ value: Decimal) -> String { NSDecimalNumber(decimal: value).stringValue }
}
