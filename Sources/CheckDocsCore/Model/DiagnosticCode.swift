/// Every code a note on the applicant folder can carry: the one list. The JSON report writes the
/// code, SARIF makes one rule per case (`checkdocs/folder/<code>`), and docs/reports.md
/// ("Diagnostic codes") shows this table; a test keeps the three equal. A code is never renamed,
/// only added (docs/reports.md, "Rule ids").
public enum DiagnosticCode: String, CaseIterable, Sendable, Comparable, CustomStringConvertible {
    case ambiguousDate = "ambiguous-date"
    case emptyFile = "empty-file"
    case unreadable
    case vanished
    case tooDeep = "too-deep"
    case symlink
    case specialFile = "special-file"
    case contentMismatch = "content-mismatch"
    case notInspected = "not-inspected"
    case translationWithoutOriginal = "translation-without-original"
    case undecodableName = "undecodable-name"
    case inspectionFailed = "inspection-failed"
    case otherApplicant = "other-applicant"
    case nameDateDiffers = "name-date-differs"
    case impossibleDate = "impossible-date"
    case fileChanged = "file-changed"

    /// The level every diagnostic of this code has.
    public var level: Diagnostic.Level {
        switch self {
        case .ambiguousDate, .emptyFile, .unreadable, .vanished, .tooDeep, .contentMismatch, .translationWithoutOriginal, .inspectionFailed,
             .otherApplicant, .nameDateDiffers, .impossibleDate, .fileChanged:
            return .warning
        case .symlink, .specialFile, .notInspected, .undecodableName:
            return .note
        }
    }

    /// One line: what the code means. It is also the SARIF rule's short description.
    public var summary: String {
        switch self {
        case .ambiguousDate: return "A date in a file name could be day-month or month-day; it is not used."
        case .emptyFile: return "A file in the folder is empty."
        case .unreadable: return "A file or folder cannot be read."
        case .vanished: return "A file disappeared while the folder was being read."
        case .tooDeep: return "Folders nested too deep are not read."
        case .symlink: return "A symbolic link is never followed."
        case .specialFile: return "A FIFO, socket or device is skipped."
        case .contentMismatch: return "A file's content is not what its extension says (a JPEG named .pdf)."
        case .notInspected: return "A PDF over the size limit is checked for its type only, not its pages."
        case .translationWithoutOriginal: return "A translation names an original that is not in the folder."
        case .inspectionFailed: return "An unrecognized PDF whose document worker timed out, crashed or answered garbage: it was not read."
        case .undecodableName: return "A file or folder name is not valid UTF-8: it is listed with its bytes escaped, and no manifest entry can name it."
        case .otherApplicant: return "A sub-folder with a manifest of its own is another applicant's folder: its files are not read as this applicant's."
        case .nameDateDiffers: return "The manifest gives a file a date other than its name does: the manifest's is used; one of them is out of date."
        case .impossibleDate: return "A date in a file name is not a real day (2031-02-29); it is not used."
        case .fileChanged: return "A file is not the one its manifest entry's sha256 describes: the facts the entry gives may be an earlier file's."
        }
    }

    /// The code as written in reports, so interpolating one writes `ambiguous-date`.
    public var description: String { rawValue }

    /// The SARIF rule of this code.
    public var sarifRuleID: String { "checkdocs/folder/" + rawValue }

    /// The SARIF rule's name: `Folder` and the code in UpperCamelCase (`FolderAmbiguousDate`).
    public var sarifRuleName: String {
        "Folder" + rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// By the code string: diagnostics sort by path, then code, then message.
    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
