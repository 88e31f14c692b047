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
              let ext = String(validating: name[(dot + 1)...], as: UTF8.self)?.lowercased() else { return nil }
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

    public init(mime: String) { self.mime = mime }

    public var isEmpty: Bool { mime == "application/x-empty" || mime == "inode/x-empty" }

    /// A reader's name for the content: "a JPEG image", "plain text", or the MIME type.
    public var title: String {
        if isEmpty { return "empty" }
        if let format { return format.title + " (\(mime))" }
        return mime
    }
}

/// A PDF's facts as poppler reads them.
public struct PDFFacts: Hashable, Sendable {
    public enum State: String, Hashable, Sendable {
        /// Opened and read.
        case readable
        /// A user password is needed to open it.
        case passwordProtected = "password-protected"
        /// Truncated, corrupt, or not a PDF at all.
        case damaged
    }

    public var state: State
    public var pageCount = 0
    /// Width and height of each page in points (1/72 in), as displayed (rotation applied); at most `PDFInspector.maxPages`.
    public var pageSizes: [PageSize] = []
    /// Opens without a password but carries an encryption dictionary (owner password, restricted permissions).
    public var encrypted = false
    public var signatureCount = 0
    /// Characters in the text layer (0 for a scanned, image-only PDF), counted up to `PDFInspector.maxTextCharacters`.
    public var textCharacters = 0
    /// Whether every page's text was counted (false when a cap stopped the count).
    public var textComplete = true
    /// The beginning of the text layer (for names and suggestions), at most `PDFInspector.keptTextCharacters`.
    public var textSample = ""

    public init(state: State) { self.state = state }
}

/// A page's size in points.
public struct PageSize: Hashable, Sendable, CustomStringConvertible {
    public var width: Double
    public var height: Double

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    public var description: String { "\(Self.format(width)) × \(Self.format(height)) pt" }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
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
    /// Why the content could not be inspected (unreadable, changed since the scan, too large), if so.
    public var notInspected: String?

    public init(size: Int64, content: ContentType? = nil) {
        self.size = size
        self.content = content
    }
}
