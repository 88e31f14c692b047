import CheckDocsFormats
import CheckDocsNative

/// The SHA-256 of scanned files, for the `sha256:` key `init` writes (docs/manifest.md). Each file
/// is read as the inspector reads documents (no link followed, the same file the scan listed);
/// a file over `maxBytes`, or one that cannot be read, gets no hash.
public enum FileHashes {
    public static let maxBytes = 50 * 1024 * 1024

    public static func of(_ files: [ScannedFile], root: String) -> [FilePath: String] {
        var hashes: [FilePath: String] = [:]
        for file in files where file.readable && file.size <= Int64(maxBytes) {
            guard let bytes = try? DocumentFileReader.read(root: root, path: file.path.bytes, identity: file.identity, limit: maxBytes + 1),
                  bytes.count <= maxBytes else { continue }
            hashes[file.path] = SHA256.hex(bytes)
        }
        return hashes
    }
}
