#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CheckDocsNative

/// Walks the applicant folder read-only through directory descriptors (openat), so that
/// no symlink is ever followed, path length never matters, FIFOs and devices are never opened,
/// and names stay raw bytes (docs/security.md, promises 1 and 2).
public enum FolderScanner {
    public static let maxDepth = 32
    /// Files at the folder's root that are checkdocs' own, not documents: the manifest and the
    /// waivers file.
    public static let manifestNames: Set<[UInt8]> = Set((ManifestLoader.fileNames + WaiverLoader.fileNames).map { Array($0.utf8) })

    public static func scan(root: String) throws(InputError) -> FolderScan {
        let rootDescriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard rootDescriptor >= 0 else {
            let code = errno
            throw InputError(file: root, code == ENOTDIR ? "is not a folder" : "cannot open the folder: \(SafeFileReader.describe(errno: code))")
        }
        var status = stat()
        fstat(rootDescriptor, &status)
        var scan = FolderScan(root: root, rootIdentity: FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino)),
                              files: [], diagnostics: [])
        // A top-level `programs` link is the folder's programs when it leads inside the folder
        // (ReadinessChecker), so the folder it leads to holds no documents either.
        var programs = stat()
        let programsTarget = fstatat(rootDescriptor, "programs", &programs, 0) == 0 && programs.st_mode & S_IFMT == S_IFDIR
            ? FileIdentity(device: UInt64(programs.st_dev), inode: UInt64(programs.st_ino)) : nil
        walk(rootDescriptor, prefix: [], depth: 0, programs: programsTarget, into: &scan)
        scan.files.sort { $0.path < $1.path }
        scan.diagnostics.sort()
        return scan
    }

    /// Consumes (closes) `directory`.
    private static func walk(_ directory: Int32, prefix: [UInt8], depth: Int, programs: FileIdentity?, into scan: inout FolderScan) {
        guard let stream = fdopendir(directory) else {
            close(directory)
            return
        }
        defer { closedir(stream) }
        var entries: [[UInt8]] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> [UInt8] in
                Array(raw.prefix(while: { $0 != 0 }))
            }
            if name.first == UInt8(ascii: ".") { continue }  // ".", "..", and hidden files are not documents
            entries.append(name)
        }
        entries.sort { $0.lexicographicallyPrecedes($1) }
        let descriptor = dirfd(stream)

        for name in entries {
            let path = prefix.isEmpty ? name : prefix + [UInt8(ascii: "/")] + name
            let display = FilePath(bytes: path).description
            var status = stat()
            let statResult = name.withUnsafeBufferPointer { buffer -> Int32 in
                var cName = Array(buffer) + [0]
                return cName.withUnsafeMutableBufferPointer {
                    $0.baseAddress!.withMemoryRebound(to: CChar.self, capacity: $0.count) {
                        fstatat(descriptor, $0, &status, AT_SYMLINK_NOFOLLOW)
                    }
                }
            }
            guard statResult == 0 else {
                scan.diagnostics.append(Diagnostic(.vanished, "could not be examined: \(SafeFileReader.describe(errno: errno))", path: display))
                continue
            }
            if String(validating: name, as: UTF8.self) == nil {
                // Listed all the same, with its bytes escaped; but no manifest entry can name it.
                scan.diagnostics.append(Diagnostic(.undecodableName,
                    "the name is not valid UTF-8 (shown with its bytes escaped as \\xNN); the manifest cannot name it, so rename it", path: display))
            }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                if depth == 0, name == Array("programs".utf8) { continue }  // program descriptions, not documents
                if FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino)) == programs { continue }
                guard depth + 1 < maxDepth else {
                    scan.diagnostics.append(Diagnostic(.tooDeep, "folder nested deeper than \(maxDepth) levels; not scanned", path: display))
                    continue
                }
                let child = openChild(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard child >= 0 else {
                    scan.diagnostics.append(Diagnostic(.unreadable, "folder cannot be read: \(SafeFileReader.describe(errno: errno))", path: display))
                    continue
                }
                walk(child, prefix: path, depth: depth + 1, programs: programs, into: &scan)
            case S_IFREG:
                // Only a regular file is the manifest or the waivers file; a folder or a link of
                // that name is scanned or noted like any other.
                if depth == 0, manifestNames.contains(name) { continue }
                // Opening read-only and non-blocking proves readability without reading anything.
                let probe = openChild(descriptor, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
                let readable = probe >= 0
                if readable {
                    close(probe)
                } else {
                    scan.diagnostics.append(Diagnostic(.unreadable, "cannot be read: \(SafeFileReader.describe(errno: errno)); an upload portal would not get it either", path: display))
                }
                if status.st_size == 0 {
                    scan.diagnostics.append(Diagnostic(.emptyFile, "is empty (0 bytes)", path: display))
                }
                scan.files.append(ScannedFile(path: FilePath(bytes: path), size: Int64(status.st_size),
                                              identity: FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino)),
                                              readable: readable))
            case S_IFLNK:
                if depth == 0, name == Array("programs".utf8) { continue }  // followed or refused as the programs folder
                scan.diagnostics.append(Diagnostic(.symlink, "symbolic link, not followed", path: display))
            default:
                scan.diagnostics.append(Diagnostic(.specialFile, "special file (FIFO, socket or device), skipped", path: display))
            }
        }
    }

    private static func openChild(_ directory: Int32, _ name: [UInt8], _ flags: Int32) -> Int32 {
        var cName = name + [0]
        return cName.withUnsafeMutableBufferPointer {
            $0.baseAddress!.withMemoryRebound(to: CChar.self, capacity: $0.count) { openat(directory, $0, flags) }
        }
    }
}
