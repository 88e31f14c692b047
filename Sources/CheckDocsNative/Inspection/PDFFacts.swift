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
    /// The text of pages 1…N, one string per page, when asked for (facts read from documents,
    /// docs/inspection.md): at most `PopplerReader.maxTextPages` pages and
    /// `PopplerReader.maxPageTextBytes` UTF-8 bytes in all.
    public var pageTexts: [String] = []

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

    /// No page is larger than this many points in either direction (about 3.5 km): poppler
    /// reports what a MediaBox says, and a hostile one says anything.
    public static let maximumDimension = 1.0e7

    /// A size as poppler reports it, made sane: the magnitude (an inverted box is the same box),
    /// 0 for what is not a number, and at most `maximumDimension`.
    public init(reportedWidth width: Double, height: Double) {
        func sane(_ value: Double) -> Double { value.isFinite ? min(abs(value), Self.maximumDimension) : 0 }
        self.init(width: sane(width), height: sane(height))
    }

    public var description: String { "\(Self.format(width)) × \(Self.format(height)) pt" }

    public static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
