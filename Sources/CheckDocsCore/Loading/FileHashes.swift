import CheckDocsFormats
import CheckDocsNative

/// The SHA-256 of scanned files, for the `sha256:` key `init` writes (docs/manifest.md). Each file
/// is read as the inspector reads documents (no link followed, the same file the scan listed);
/// a file over `maxBytes`, or one that cannot be read, gets no hash. With a memo
/// (docs/inspection.md, "Content digests"), a file hashed before and unchanged since is not read,
/// and the digests learnt here spare the OCR of the same run a second reading.
public enum FileHashes {
    public static let maxBytes = 50 * 1024 * 1024

    public static func of(_ files: [ScannedFile], root: String, memo: ContentDigests? = nil) -> [FilePath: String] {
        var hashes: [FilePath: String] = [:]
        for file in files {
            if let sha256 = of(file, root: root, memo: memo) { hashes[file.path] = sha256 }
        }
        return hashes
    }

    /// One file's SHA-256: remembered when unchanged since, else read and hashed; nil when it is
    /// over `maxBytes` or cannot be read.
    static func of(_ file: ScannedFile, root: String, memo: ContentDigests?) -> String? {
        memo?.remembered(root: root, file: file) ?? ContentDigests.hash(root: root, file: file, limit: maxBytes, remembering: memo)?.sha256
    }
}
