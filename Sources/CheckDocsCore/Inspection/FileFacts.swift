import CheckDocsNative

/// The formats a `<file formats="…">` rule can name, as the program vocabulary spells them.
public enum FileFormat: String, Hashable, Sendable, CaseIterable {
    case pdf, jpeg, png, heic, tiff, docx, txt

    /// How a report names the format.
    public var title: String {
        switch self {
        case .pdf: return "PDF"
        case .jpeg: return "JPEG image"
        case .png: return "PNG image"
        case .heic: return "HEIC image"
        case .tiff: return "TIFF image"
        case .docx: return "Word document"
        case .txt: return "plain text"
        }
    }

    /// The format a file name's extension promises; nil for an extension with no known format.
    public static func fromExtension(of name: [UInt8]) -> FileFormat? {
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot + 1 < name.count,
              let ext = String(validUTF8: name[(dot + 1)...])?.lowercased() else { return nil }
        switch ext {
        case "pdf": return .pdf
        case "jpg", "jpeg", "jpe", "jfif": return .jpeg
        case "png": return .png
        case "heic", "heif": return .heic
        case "tif", "tiff": return .tiff
        case "docx": return .docx
        case "txt": return .txt
        default: return nil
        }
    }

    /// The format libmagic's MIME type names; nil for anything else.
    public static func fromMIME(_ mime: String) -> FileFormat? {
        switch mime {
        case "application/pdf": return .pdf
        case "image/jpeg": return .jpeg
        case "image/png": return .png
        case "image/heic", "image/heif": return .heic
        case "image/tiff": return .tiff
        case "application/vnd.openxmlformats-officedocument.wordprocessingml.document": return .docx
        case "text/plain": return .txt
        default: return nil
        }
    }
}

/// What the first bytes of a file say it is (libmagic), for every document of the folder.
public struct ContentType: Hashable, Sendable {
    /// libmagic's MIME type, such as `application/pdf`; `application/x-empty` for an empty file.
    public var mime: String
    public var format: FileFormat? { FileFormat.fromMIME(mime) }

    /// For a PDF: whether its last bytes end it cleanly — a `startxref` and a final `%%EOF` — and
    /// its trailer names no `/Encrypt`. Such a PDF opens without a password, so the baseline check
    /// needs no parser for it (docs/inspection.md, "The baseline check"); nil when not read.
    public var pdfEndsCleanly: Bool?

    public init(mime: String, pdfEndsCleanly: Bool? = nil) {
        self.mime = mime
        self.pdfEndsCleanly = pdfEndsCleanly
    }

    public var isEmpty: Bool { mime == "application/x-empty" || mime == "inode/x-empty" }

    /// A reader's name for the content: "a JPEG image", "plain text", or the MIME type.
    public var title: String {
        if isEmpty { return "empty" }
        if let format { return format.title + " (\(mime))" }
        return mime
    }
}

/// A JPEG's or PNG's facts from its header.
public struct ImageFacts: Hashable, Sendable {
    public var width: Int
    public var height: Int
    /// Pixels per inch from JFIF/EXIF or pHYs, when the file states it.
    public var dotsPerInch: Double?

    public init(width: Int, height: Int, dotsPerInch: Double? = nil) {
        self.width = width
        self.height = height
        self.dotsPerInch = dotsPerInch
    }
}

/// Everything checkdocs learned from one file's content. Made at most once per file and run.
public struct FileFacts: Hashable, Sendable {
    public var size: Int64
    public var content: ContentType?
    public var pdf: PDFFacts?
    public var image: ImageFacts?
    /// A plain-text file's characters (grapheme clusters, as a PDF's text layer is counted),
    /// and whether the whole file was read (`FileInspector.maxTextBytes`).
    public var textCharacters: Int?
    public var textComplete = false
    /// Why the content could not be inspected (unreadable, changed since the scan, too large), if so.
    public var notInspected: String?

    public init(size: Int64, content: ContentType? = nil) {
        self.size = size
        self.content = content
    }
}
