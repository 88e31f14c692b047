#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CheckDocsNative

/// Finds program descriptions and checklists in folders, and says what it could not take:
/// no input is dropped without a word (docs/security.md, "Nothing skipped in silence").
public enum DescriptionFolder {
    /// Folders deeper than this under a given folder are not searched (and are reported).
    public static let maxDepth = 32

    /// Regular files under `path` with one of the extensions, in path order; symlinks are not
    /// followed and hidden entries are skipped, as before. A name that is not valid UTF-8 cannot
    /// be given as a path: a description file or folder with one is an error naming its bytes
    /// (`m\xE9dico.xml`), and so is a folder nested too deep to be searched.
    public static func files(under path: String, extensions: Set<String>) -> (files: [String], errors: [InputError]) {
        var files: [String] = []
        var errors: [InputError] = []
        func walk(_ directory: String, depth: Int) {
            guard let handle = opendir(directory) else {
                errors.append(InputError(file: directory, "cannot open the folder: \(SafeFileReader.describe(errno: errno))"))
                return
            }
            defer { closedir(handle) }
            var names: [[UInt8]] = []
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
                if name.first == UInt8(ascii: ".") { continue }
                names.append(name)
            }
            names.sort { $0.lexicographicallyPrecedes($1) }
            let prefix = directory.hasSuffix("/") ? directory : directory + "/"
            for name in names {
                let kind = kind(of: handle, name)
                guard let text = String(validating: name, as: UTF8.self) else {
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
                default:
                    break
                }
            }
        }
        walk(path, depth: 0)
        return (files, errors)
    }

    /// What an entry of an open folder is, without following a symlink.
    private static func kind(of handle: OpaquePointer, _ name: [UInt8]) -> FileSystem.Kind {
        var status = stat()
        var cName = name.map { CChar(bitPattern: $0) } + [0]
        guard fstatat(dirfd(handle), &cName, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return .missing }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// Whether the raw name ends in `.` and one of the extensions, in any case.
    private static func hasExtension(_ name: [UInt8], _ extensions: Set<String>) -> Bool {
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")),
              let suffix = String(validating: name[(dot + 1)...], as: UTF8.self) else { return false }
        return extensions.contains(suffix.lowercased())
    }

    /// Why `<folder>/programs` cannot be read as the folder's own programs, or nil when it can:
    /// a folder, or a symbolic link to a folder inside the applicant folder. Inside is decided by
    /// identity, (device, inode), climbing `..` from the link's target to the file system's root;
    /// never by comparing path strings.
    public static func ownProgramsRefusal(_ programs: String, folder: String) -> InputError? {
        var status = stat()
        guard lstat(programs, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFDIR:
            return nil
        case S_IFLNK:
            break
        default:
            return InputError(file: programs, "is not a folder; the folder's programs must be .xml or .json files in a folder named programs")
        }
        guard let root = FileSystem.identity(of: folder) else { return InputError(file: folder, "cannot be examined") }
        var current = open(programs, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard current >= 0 else {
            return InputError(file: programs, "is a symbolic link that does not lead to a folder (\(SafeFileReader.describe(errno: errno)))")
        }
        defer { close(current) }
        guard fstat(current, &status) == 0 else { return InputError(file: programs, "cannot be examined") }
        var identity = FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
        if identity == root {
            return InputError(file: programs, "is a symbolic link to the applicant folder itself; refused")
        }
        // Each step climbs one level, so a path of any length ends at the root, where `..` is itself.
        while true {
            let parent = openat(current, "..", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard parent >= 0, fstat(parent, &status) == 0 else {
                if parent >= 0 { close(parent) }
                return InputError(file: programs, "is a symbolic link whose target cannot be examined; refused")
            }
            close(current)
            current = parent
            let next = FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
            if next == root { return nil }
            if next == identity {
                return InputError(file: programs, "is a symbolic link to a folder outside the applicant folder; refused (give it with --programs)")
            }
            identity = next
        }
    }
}
