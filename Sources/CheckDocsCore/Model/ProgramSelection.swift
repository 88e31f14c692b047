/// Which programs a check used and why: the first thing a report says, so that an applicant who
/// has no `programs/` folder learns that the standard checklists stood in, and how to choose
/// (docs/reports.md, "Which programs were checked").
public struct ProgramSelection: Hashable, Sendable {
    public enum Source: Hashable, Sendable {
        /// `--programs` paths.
        case given([String])
        /// The folder's own `programs/`.
        case folder
        /// No `programs/` folder: the built-in standard checklists.
        case standard
    }

    /// Where the kinds that filter the programs came from.
    public enum KindsFrom: Hashable, Sendable {
        /// `--kind`: it wins over `applyingFor:`.
        case option
        /// `applyingFor:` in the manifest (standard checklists only).
        case manifest
        /// No filter: every kind.
        case none
    }

    public var source: Source
    /// The kinds checked; empty with `KindsFrom.none`.
    public var kinds: [ProgramKind]
    public var kindsFrom: KindsFrom
    /// `--program` ids, when given.
    public var programIDs: [String]
    /// Whether the folder has a manifest (checkdocs.yaml, .yml or .json).
    public var hasManifest: Bool
    /// The kinds the standard checklists cover, for the header's wording.
    public var standardKinds: [ProgramKind]

    public init(source: Source, kinds: [ProgramKind], kindsFrom: KindsFrom, programIDs: [String], hasManifest: Bool,
                standardKinds: [ProgramKind]) {
        self.source = source
        self.kinds = kinds
        self.kindsFrom = kindsFrom
        self.programIDs = programIDs
        self.hasManifest = hasManifest
        self.standardKinds = standardKinds
    }

    /// Every standard checklist, chosen by nobody: the text report shows a short overview per kind
    /// unless the full detail is asked for (`--all-kinds`).
    public var isUnchosenStandard: Bool { source == .standard && kindsFrom == .none && programIDs.isEmpty }

    /// The header's lines, in words: which programs, why, and what to do about it.
    public func lines(folder: String) -> [String] {
        var lines: [String] = []
        let only = programIDs.isEmpty ? "" : "; only " + programIDs.joined(separator: ", ") + " (--program)"
        switch source {
        case .standard:
            switch kindsFrom {
            case .none where !programIDs.isEmpty:
                lines.append("no programs/ folder: only " + programIDs.joined(separator: ", ") + " (--program), from the standard "
                    + "checklists and the built-in catalog of real programs (`checkdocs list programs`)")
            case .none:
                lines.append("no programs/ folder: checked against the standard checklists for every kind ("
                    + standardKinds.map(\.rawValue).joined(separator: ", ") + ")\(only); say which you apply for with "
                    + "`applyingFor:` in checkdocs.yaml or --kind, or add program files to programs/")
            case .manifest, .option:
                let from = kindsFrom == .option ? "from --kind" : "from `applyingFor:` in checkdocs.yaml; use --kind or add program files"
                // A kind with no standard checklist (research) is said to be unchecked, never
                // counted among the checklists the folder was checked against.
                let covered = kinds.filter(standardKinds.contains), uncovered = kinds.filter { !standardKinds.contains($0) }
                if covered.isEmpty {
                    lines.append("no programs/ folder, and no standard checklist for \(Self.list(uncovered.map(\.rawValue))) (\(from)):"
                        + " no program was checked; give its programs with --programs or in programs/")
                } else {
                    lines.append("no programs/ folder: checked against the standard checklists for \(Self.list(covered.map(\.rawValue)))"
                        + " (\(from))\(only)")
                    if !uncovered.isEmpty {
                        lines.append("no standard checklist for \(Self.list(uncovered.map(\.rawValue))): not checked; give its programs with --programs or in programs/")
                    }
                }
            }
        case .folder:
            lines.append("programs: the descriptions in programs/\(kindNote)\(only)")
        case let .given(paths):
            lines.append("programs: from --programs \(paths.joined(separator: ", "))\(kindNote)\(only)")
        }
        if !hasManifest {
            lines.append("no checkdocs.yaml: `checkdocs init \(folder)` drafts one from your files' names and contents, "
                + "to record what they cannot say")
        }
        return lines
    }

    private var kindNote: String {
        kindsFrom == .option ? ", only \(Self.list(kinds.map(\.rawValue))) (--kind)" : ""
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
