import CheckDocsNative

/// Whether a cache directory may be used for a run: never one inside a folder the run reads
/// (an applicant folder, a programs folder), whatever `XDG_CACHE_HOME` or `HOME` says, because
/// checkdocs never writes into the applicant's folder (docs/security.md, "The OCR cache" and
/// "The compiled-catalog cache"). Inside is decided as for reports: by (device, inode), walking
/// up from the nearest folder of the cache's path that exists; an answer the walk cannot give
/// counts as inside. A refused location means no cache, never an error: the run reads as if
/// the cache were empty and keeps nothing.
public enum CacheLocation {
    public static func isAway(_ directory: String, from folders: [String]) -> Bool {
        let roots = Set(folders.compactMap { path -> FileIdentity? in
            FileSystem.kind(of: path) == .directory ? FileSystem.identity(of: path) : nil
        })
        guard !roots.isEmpty else { return true }
        var existing = directory
        while FileSystem.kind(of: existing) != .directory {
            guard let slash = existing.lastIndex(of: "/"), existing != "/" else { return false }
            existing = slash == existing.startIndex ? "/" : String(existing[..<slash])
        }
        guard case let .success(opened) = Directory.open(existing) else { return false }
        return opened.containment(in: roots) == .outside
    }
}
