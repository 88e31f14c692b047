import CheckDocsNative

/// The first look at every file of the folder: its real type from its first bytes (libmagic),
/// and a finding where the content and the name's extension disagree (a JPEG named `.pdf`).
enum ContentCheck {
    /// `libmagic`: libmagic itself, or with its answers kept between runs (docs/inspection.md,
    /// "Content types cache").
    static func sniff(root: String, files: [ScannedFile], libmagic: FileInspector.Libmagic = MagicSniffer.shared.mimeType(of:))
        -> (types: [FilePath: ContentType], diagnostics: [Diagnostic]) {
        // libmagic's database is loaded for this pass only (MagicSniffer.whileSniffing), and only
        // when a file is neither told by its signature nor answered from the cache.
        let results = MagicSniffer.shared.whileSniffing { files.concurrentMap { FileInspector.sniff(root: root, file: $0, libmagic: libmagic) } }
        var types: [FilePath: ContentType] = [:]
        var diagnostics: [Diagnostic] = []
        for (file, content) in zip(files, results) {
            guard let content else { continue }
            types[file.path] = content
            if let finding = mismatch(file, content) { diagnostics.append(finding) }
            if content.format == .pdf, file.size > Int64(FileInspector.maxPDFBytes) {
                diagnostics.append(Diagnostic(.notInspected,
                    "is \(ByteCount.describe(file.size)); PDFs over \(ByteCount.describe(Int64(FileInspector.maxPDFBytes))) are checked for their type only, not their pages",
                    file: file.path))
            }
        }
        return (types, diagnostics)
    }

    /// The format a file name's extension promises, when the content is another (nil when they
    /// agree, the content is empty, or the extension promises no known format). The baseline check
    /// of the engine uses the same test.
    static func promisedFormat(_ name: [UInt8], disagreesWith content: ContentType) -> FileFormat? {
        guard !content.isEmpty, let named = FileFormat.fromExtension(of: name) else { return nil }
        if content.format == named { return nil }
        if named == .txt, content.mime.hasPrefix("text/") { return nil }
        if named == .docx, content.mime == "application/zip" { return nil }
        return named
    }

    /// A warning when the extension promises one format and the content is another.
    static func mismatch(_ file: ScannedFile, _ content: ContentType) -> Diagnostic? {
        guard let named = promisedFormat(file.path.lastComponent, disagreesWith: content) else { return nil }
        let ext = String(decoding: file.path.lastComponent.split(separator: UInt8(ascii: ".")).last ?? [], as: UTF8.self)
        let actual = content.format != nil ? "a \(content.title)" : "not a \(named.title) (\(content.mime))"
        return Diagnostic(.contentMismatch,
                          "is named .\(DisplayText.escape(ext)) but its content is \(actual); rename it or export it again as a \(named.title)",
                          file: file.path)
    }
}
