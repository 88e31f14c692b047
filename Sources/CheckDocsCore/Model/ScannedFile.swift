import CheckDocsNative

/// One regular file found in the applicant folder.
public struct ScannedFile: Hashable, Sendable {
    public var path: FilePath
    public var size: Int64
    public var identity: FileIdentity
    public var readable: Bool
}

public struct FolderScan: Sendable {
    public var root: String
    public var rootIdentity: FileIdentity
    public var files: [ScannedFile]
    public var diagnostics: [Diagnostic]
    /// The folder's entries that are neither documents nor folders (FIFOs, devices, sockets,
    /// symbolic links): never read, but still the applicant's, so no report is written to one.
    public var others: Set<FileIdentity> = []
}
