import CheckDocsNative

/// Finds program descriptions and checklists in folders, and says what it could not take:
/// no input is dropped without a word (docs/security.md, "Nothing skipped in silence").
public enum DescriptionFolder {
    /// Folders deeper than this under a given folder are not searched (and are reported).
    public static let maxDepth = 32

    /// Regular files under `path` with one of the extensions, in path order; symlinks are not
    /// followed and hidden entries are skipped, as before. A name that is not valid UTF-8 cannot
    /// be given as a path: a description file or folder with one is an error naming its bytes
    /// (`m\xE9dico.xml`), and so is a folder nested too deep to be searched. So is an entry
    /// with a description's extension that is not a regular file (a symbolic link, a FIFO), and a
    /// symbolic link to a folder: left out in silence, a program the user meant to check would
    /// be missing from the report while the run still passed (docs/programs.md).
    public static func files(under path: String, extensions: Set<String>) -> (files: [String], errors: [InputError]) {
        var files: [String] = []
        var errors: [InputError] = []
        func walk(_ directory: String, depth: Int) {
            let handle: Directory
            switch Directory.open(directory) {
            case let .success(opened): handle = opened
            case let .failure(error):
                errors.append(InputError(file: directory, "cannot open the folder: \(error.description)"))
                return
            }
            let prefix = directory.hasSuffix("/") ? directory : directory + "/"
            for name in handle.names() where name.first != UInt8(ascii: ".") {
                let kind = (try? handle.entry(name).get())?.kind ?? .missing
                guard let text = String(validUTF8: name) else {
                    let shown = prefix + FilePath(bytes: name).description
                    if kind == .directory {
                        errors.append(InputError(file: shown, "the folder name is not valid UTF-8, so its descriptions cannot be read; rename it"))
                    } else if kind == .regular, hasExtension(name, extensions) {
                        errors.append(InputError(file: shown, "the file name is not valid UTF-8, so the description cannot be read; rename it"))
                    }
                    continue
                }
                let full = prefix + text
                switch kind {
                case .directory:
                    if depth + 1 < maxDepth {
                        walk(full, depth: depth + 1)
                    } else {
                        errors.append(InputError(file: full, "folder nested deeper than \(maxDepth) levels; not searched"))
                    }
                case .regular:
                    if hasExtension(name, extensions) { files.append(full) }
                case .symlink:
                    if hasExtension(name, extensions) {
                        errors.append(InputError(file: full, "is a symbolic link; descriptions are read from regular files only (give the real file with --programs)"))
                    } else if (try? handle.entry(name, followLinks: true).get())?.kind == .directory {
                        errors.append(InputError(file: full, "is a symbolic link to a folder; not searched (give the real folder with --programs)"))
                    }
                case .other:
                    if hasExtension(name, extensions) {
                        errors.append(InputError(file: full, "is not a regular file (a FIFO, socket or device); descriptions are read from regular files only"))
                    }
                case .missing:
                    break
                }
            }
        }
        walk(path, depth: 0)
        return (files, errors)
    }

    /// Whether `path` is, or may hold, an XML description, at a glance: an `.xml` file, or a folder
    /// with an `.xml` file or a sub-folder at its top (not searched further; a `.json` name is
    /// not looked at). For a guess only (`KnowledgePrefetch`): what is read is what
    /// `files(under:extensions:)` finds.
    static func mayHoldXML(_ path: String) -> Bool {
        guard FileSystem.kind(of: path) == .directory else { return hasExtension(Array(path.utf8), ["xml"]) }
        guard case let .success(handle) = Directory.open(path) else { return false }
        return handle.names().contains { name in
            guard name.first != UInt8(ascii: "."), !hasExtension(name, ["json"]) else { return false }
            return hasExtension(name, ["xml"]) || (try? handle.entry(name, followLinks: true).get())?.kind == .directory
        }
    }

    /// Whether the raw name ends in `.` and one of the extensions, in any case.
    private static func hasExtension(_ name: [UInt8], _ extensions: Set<String>) -> Bool {
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")),
              let suffix = String(validUTF8: name[(dot + 1)...]) else { return false }
        return extensions.contains(suffix.lowercased())
    }

    /// Why `<folder>/programs` cannot be read as the folder's own programs, or nil when it can:
    /// a folder, or a symbolic link to a folder inside the applicant folder. Inside is decided by
    /// identity, (device, inode), climbing `..` from the link's target to the file system's root;
    /// never by comparing path strings.
    public static func ownProgramsRefusal(_ programs: String, folder: String) -> InputError? {
        switch FileSystem.kind(of: programs, followLinks: false) {
        case .missing, .directory:
            return nil
        case .symlink:
            break
        case .regular, .other:
            return InputError(file: programs, "is not a folder; the folder's programs must be .xml or .json files in a folder named programs")
        }
        guard let root = FileSystem.identity(of: folder) else { return InputError(file: folder, "cannot be examined") }
        let target: Directory
        switch Directory.open(programs) {
        case let .success(opened): target = opened
        case let .failure(error):
            return InputError(file: programs, "is a symbolic link that does not lead to a folder (\(error.description))")
        }
        if target.identity == root {
            return InputError(file: programs, "is a symbolic link to the applicant folder itself; refused")
        }
        switch target.containment(in: [root]) {
        case .inside: return nil
        case .outside:
            return InputError(file: programs, "is a symbolic link to a folder outside the applicant folder; refused (give it with --programs)")
        case let .unknown(reason):
            return InputError(file: programs, "is a symbolic link whose target cannot be placed inside or outside the applicant folder (\(reason)); refused")
        }
    }
}
