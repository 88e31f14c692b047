import ArgumentParser

/// `--facts read|manifest`: whether facts are read from typed PDFs' text and scans where the manifest lacks
/// them (docs/inspection.md, "Facts read from documents").
enum FactsChoice: String, CaseArgument {
    case read, manifest

    static let help = ArgumentHelp("read (default): facts the manifest lacks are read from typed PDFs' text and, by OCR, from scans; manifest: only what the manifest and file names say.",
                                   valueName: "read|manifest")
}
