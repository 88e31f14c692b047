#if canImport(Glibc)
import Glibc  // errno values only: the POSIX calls are in CheckDocsNative
#elseif canImport(Darwin)
import Darwin
#endif
import CheckDocsNative

/// Walks the applicant folder read-only through directory descriptors (`Directory`), so that
/// no symlink is ever followed, path length never matters, FIFOs and devices are never opened,
/// and names stay raw bytes (docs/security.md, promises 1 and 2).
public enum FolderScanner {
    public static let maxDepth = 32
    /// Files at the folder's root that are checkdocs' own, not documents: the manifest and the
    /// waivers file.
    public static let manifestNames: Set<[UInt8]> = Set((ManifestLoader.fileNames + WaiverLoader.fileNames).map { Array($0.utf8) })

    /// `checkdocs.yaml.bak` or `checkdocs.yaml.bak.N` (and `.yml`): the backups `init --force` and
    /// `init --update` write beside the manifest (docs/manifest.md), not documents.
    public static func isManifestBackup(_ name: [UInt8]) -> Bool {
        for base in ["checkdocs.yaml.bak", "checkdocs.yml.bak"] where name.starts(with: base.utf8) {
            let rest = name.dropFirst(base.utf8.count)
            if rest.isEmpty { return true }
            return rest.count > 1 && rest.first == UInt8(ascii: ".") && rest.dropFirst().allSatisfy { (48...57).contains($0) }
        }
        return false
    }

    /// Windows' thumbnail caches and folder settings, and Office's lock files (`~$CV.docx`).
    static func isSystemLeftover(_ name: [UInt8]) -> Bool {
        if name.starts(with: Array("~$".utf8)) { return true }
        let lower = String(decoding: name, as: UTF8.self).lowercased()
        return lower == "thumbs.db" || lower == "ehthumbs.db" || lower == "desktop.ini"
    }

    public static func scan(root: String) throws(InputError) -> FolderScan {
        let directory: Directory
        switch Directory.open(root) {
        case let .success(opened): directory = opened
        case let .failure(error):
            // A name that is not UTF-8 reaches checkdocs with its bad bytes replaced (U+FFFD), so it
            // names no folder: say why, and the way that works.
            if error.code == ENOENT, root.contains("\u{FFFD}") {
                throw InputError(file: root, "cannot open the folder: its name is not valid UTF-8, so it did not reach checkdocs as written; "
                                 + "run checkdocs from inside it (`checkdocs .`), or rename it")
            }
            throw InputError(file: root, error.code == ENOTDIR ? "is not a folder" : "cannot open the folder: \(error.description)")
        }
        var scan = FolderScan(root: root, rootIdentity: directory.identity, files: [], diagnostics: [])
        // A top-level `programs` link is the folder's programs when it leads inside the folder
        // (ReadinessChecker), so the folder it leads to holds no documents either.
        let programsTarget: FileIdentity?
        if case let .success(entry) = directory.entry(Array("programs".utf8), followLinks: true), entry.kind == .directory {
            programsTarget = entry.identity
        } else {
            programsTarget = nil
        }
        walk(directory, prefix: [], depth: 0, programs: programsTarget, into: &scan)
        scan.files.sort { $0.path < $1.path }
        scan.diagnostics.sort()
        return scan
    }

    private static func walk(_ directory: Directory, prefix: [UInt8], depth: Int, programs: FileIdentity?, into scan: inout FolderScan) {
        let names = directory.names()
        // Hidden entries are not documents, but a report is never written to one (a FIFO, say).
        for name in names where name.first == UInt8(ascii: ".") {
            if case let .success(entry) = directory.entry(name), entry.kind != .directory { scan.others.insert(entry.identity) }
        }
        // Hidden entries (and "." and ".."), and the files systems and editors leave beside the
        // applicant's (`Thumbs.db`, `desktop.ini`, Office's `~$` lock files), are not documents.
        for name in names where name.first != UInt8(ascii: ".") && !Self.isSystemLeftover(name) {
            let path = prefix.isEmpty ? name : prefix + [UInt8(ascii: "/")] + name
            let filePath = FilePath(bytes: path)
            let entry: Directory.Entry
            switch directory.entry(name) {
            case let .success(found): entry = found
            case let .failure(error):
                scan.diagnostics.append(Diagnostic(.vanished, "could not be examined: \(error.description)", file: filePath))
                continue
            }
            if String(validUTF8: name) == nil {
                // Listed all the same, with its bytes escaped; but no manifest entry can name it.
                scan.diagnostics.append(Diagnostic(.undecodableName,
                    "the name is not valid UTF-8 (shown with its bytes escaped as \\xNN); the manifest cannot name it, so rename it",
                    file: filePath))
            }
            switch entry.kind {
            case .directory:
                if depth == 0, name == Array("programs".utf8) { continue }  // program descriptions, not documents
                if entry.identity == programs { continue }
                guard depth + 1 < maxDepth else {
                    scan.diagnostics.append(Diagnostic(.tooDeep, "folder nested deeper than \(maxDepth) levels; not scanned", file: filePath))
                    continue
                }
                switch directory.open(child: name) {
                case let .success(child):
                    // A sub-folder with a manifest of its own is another applicant's (an advisor's
                    // folders nested in one another): its letters and tests are not this applicant's.
                    if let manifest = ManifestLoader.fileNames.first(where: { manifest in
                        if case let .success(found) = child.entry(Array(manifest.utf8)), found.kind == .regular { return true }
                        return false
                    }) {
                        scan.diagnostics.append(Diagnostic(.otherApplicant, "has its own \(manifest): another applicant's folder, not scanned "
                                                           + "(check it on its own, or move it out)", file: filePath))
                        continue
                    }
                    walk(child, prefix: path, depth: depth + 1, programs: programs, into: &scan)
                case let .failure(error):
                    scan.diagnostics.append(Diagnostic(.unreadable, "folder cannot be read: \(error.description)", file: filePath))
                }
            case .regular:
                // Only a regular file is the manifest or the waivers file; a folder or a link of
                // that name is scanned or noted like any other.
                if depth == 0, manifestNames.contains(name) || isManifestBackup(name) { continue }
                let probe = directory.readProbe(name)
                if let probe {
                    scan.diagnostics.append(Diagnostic(.unreadable, "cannot be read: \(probe.description); an upload portal would not get it either", file: filePath))
                }
                if entry.size == 0 {
                    scan.diagnostics.append(Diagnostic(.emptyFile, "is empty (0 bytes)", file: filePath))
                }
                scan.files.append(ScannedFile(path: filePath, size: entry.size, identity: entry.identity, readable: probe == nil))
            case .symlink:
                if depth == 0, name == Array("programs".utf8) { continue }  // followed or refused as the programs folder
                scan.diagnostics.append(Diagnostic(.symlink, "symbolic link, not followed", file: filePath))
                scan.others.insert(entry.identity)
            case .other:
                scan.diagnostics.append(Diagnostic(.specialFile, "special file (FIFO, socket or device), skipped", file: filePath))
                scan.others.insert(entry.identity)
            case .missing:
                scan.diagnostics.append(Diagnostic(.specialFile, "special file (FIFO, socket or device), skipped", file: filePath))
            }
        }
    }
}
