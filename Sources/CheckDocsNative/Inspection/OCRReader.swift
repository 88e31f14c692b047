import COCR
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What OCR read from one page: a JPEG or PNG scan, or one page of a PDF rendered to pixels.
/// A pure function of the file's bytes and the page index (one engine, one language, one
/// thread, no adaptation between pages), so a later cache can key it by the content's hash.
public struct OCRPage: Hashable, Sendable {
    /// The recognised text, lines ending in "\n", at most `OCRReader.keptTextBytes` bytes of UTF-8.
    public var text: String
    /// Whether `text` is all Tesseract read (false when the cap cut it).
    public var textComplete: Bool
    /// Tesseract's mean word confidence, 0–100.
    public var meanConfidence: Int
    /// The pixels that were read (a PDF page: as rendered).
    public var pixelWidth: Int
    public var pixelHeight: Int
    /// Pages in the document (1 for an image), so a caller can ask for the others.
    public var pageCount: Int
    /// The lines that may be a machine-readable zone's, each read again on its own with only the
    /// zone's characters allowed (A–Z, 0–9, `<`), one per line in page order, then a blank line
    /// and the whole page read with that alphabet; empty when no line qualifies. At most
    /// `keptMRZTextBytes`. Only for finding zones (`MachineReadableZone`): its words are garbled.
    public var mrzText: String

    public init(text: String, textComplete: Bool, meanConfidence: Int, pixelWidth: Int, pixelHeight: Int, pageCount: Int,
                mrzText: String = "") {
        self.mrzText = mrzText
        self.text = text
        self.textComplete = textComplete
        self.meanConfidence = meanConfidence
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
        self.pageCount = pageCount
    }
}

/// Why no OCR ran on this machine: a library is not installed. Said once per run by the report.
public enum OCRUnavailable: UInt8, Hashable, Sendable, CaseIterable {
    /// libtesseract 5 or leptonica cannot be loaded.
    case tesseract = 0
    /// Tesseract loads but has no English model (`eng.traineddata`).
    case englishModel = 1
    /// A PDF page cannot be rendered: poppler-glib or cairo cannot be loaded.
    case renderer = 2

    public var reason: String {
        switch self {
        case .tesseract: return "Tesseract is not installed (libtesseract5)"
        case .englishModel: return "Tesseract has no English model (tesseract-ocr-eng)"
        case .renderer: return "PDF pages cannot be rendered (poppler-glib and cairo)"
        }
    }
}

/// Why a document could not be read, though OCR is installed.
public enum OCRUnreadable: UInt8, Hashable, Sendable, CaseIterable {
    /// The image did not decode (damaged, or not a format leptonica reads).
    case undecodable = 0
    /// More pixels than `OCRReader.maxPixels`.
    case tooLarge = 1
    /// The PDF did not open (damaged, or it needs a password).
    case pdfNotOpened = 2
    /// The PDF has no page with that index.
    case noSuchPage = 3

    public var reason: String {
        switch self {
        case .undecodable: return "the image could not be decoded"
        case .tooLarge: return "the image has more than \(OCRReader.maxPixels / 1_000_000) million pixels"
        case .pdfNotOpened: return "the PDF could not be opened (damaged or password-protected)"
        case .noSuchPage: return "the PDF has no such page"
        }
    }
}

public enum OCRResult: Hashable, Sendable {
    case page(OCRPage)
    case unavailable(OCRUnavailable)
    case unreadable(OCRUnreadable)
}

/// Tesseract, confined here (docs/inspection.md, "OCR"). Reads an image's bytes, or renders one
/// page of a PDF at 300 dpi with poppler-glib and cairo, and recognises its text with the English
/// LSTM model. Every library is opened with dlopen on first use (Sources/COCR/shim.h): a machine
/// without them builds, and OCR is `unavailable` there. Calls are serialised (one Tesseract engine
/// per process, kept between pages); a document worker reads one page at a time anyway.
public enum OCRReader {
    /// Pages are rendered at this resolution (the resolution Tesseract's models read best).
    public static let renderDPI = 300.0
    /// At most this many pixels are read (a US Letter page at 300 dpi is 8.4 million; 600 dpi 33.7).
    public static let maxPixels = 40_000_000
    /// The text kept, in UTF-8 bytes (a dense page is ~6,000).
    public static let keptTextBytes = 32_000
    /// The MRZ reading kept, in bytes (both fit in a worker's 64 KiB answer).
    public static let keptMRZTextBytes = 16_000
    /// The characters of a machine-readable zone (ICAO 9303).
    public static let mrzAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"

    /// Reads a zone's lines cell by cell from the page's gray pixels, given the boxes of the lines
    /// that may be a zone's (CheckDocsCore's `MRZCellReader`, pure Swift over the bytes): the lines
    /// it read, one a line, or "". Its answer comes first in `OCRPage.mrzText`.
    public typealias ZoneCellReader = @Sendable (GrayPixels, [PixelBox]) -> String

    private final class Engine: @unchecked Sendable {
        /// Allocated once and never moved: a mutex must not be a Swift stored property (its address is not stable).
        let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        var tesseract = COCRTesseractAPI()
        var handle: OpaquePointer?
        var failure: OCRUnavailable?

        init() {
            pthread_mutex_init(lock, nil)
            guard cocr_load_tesseract(&tesseract) == 0 else {
                failure = .tesseract
                return
            }
            guard let created = tesseract.create() else {
                failure = .tesseract
                return
            }
            // The default model path (Debian: /usr/share/tesseract-ocr/5/tessdata, or $TESSDATA_PREFIX).
            guard tesseract.init2(created, nil, "eng", Int32(COCR_OEM_LSTM_ONLY)) == 0 else {
                tesseract.destroy(created)
                failure = .englishModel
                return
            }
            tesseract.set_page_seg_mode(created, Int32(COCR_PSM_AUTO))
            handle = created
        }
    }

    private static let engine = Engine()
    private static let renderer: COCRRendererAPI? = {
        var api = COCRRendererAPI()
        return cocr_load_renderer(&api) == 0 ? api : nil
    }()

    /// Why OCR cannot run here, or nil when Tesseract and its English model are installed.
    public static var unavailability: OCRUnavailable? { engine.failure }

    /// OCR of a JPEG or PNG (any image leptonica decodes).
    public static func image(_ bytes: [UInt8], zoneCells: ZoneCellReader? = nil) -> OCRResult {
        let engine = self.engine
        if let failure = engine.failure { return .unavailable(failure) }
        let api = engine.tesseract
        return bytes.withUnsafeBufferPointer { buffer -> OCRResult in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return .unreadable(.undecodable) }
            var format: Int32 = 0, width: Int32 = 0, height: Int32 = 0, bits: Int32 = 0, samples: Int32 = 0, colormap: Int32 = 0
            // The header first: a small file can claim a huge image, and decoding would allocate it.
            guard api.pix_read_header_mem(base, buffer.count, &format, &width, &height, &bits, &samples, &colormap) == 0,
                  width > 0, height > 0 else { return .unreadable(.undecodable) }
            guard Int(width) * Int(height) <= maxPixels else { return .unreadable(.tooLarge) }
            guard let pix = api.pix_read_mem(base, buffer.count) else { return .unreadable(.undecodable) }
            defer {
                var owned: OpaquePointer? = pix
                api.pix_destroy(&owned)
            }
            let stated = Int(api.pix_get_x_res(pix))
            return recognise(engine, width: Int(width), height: Int(height), pageCount: 1, zoneCells: zoneCells,
                             gray: { GrayPixels.from(pix, api) }) { handle in
                api.set_image2(handle, pix)
                // A scan without a plausible density is taken as 300 dpi, the usual scanner setting.
                api.set_source_resolution(handle, Int32((70...2_400).contains(stated) ? stated : 300))
            }
        }
    }

    /// OCR of page `index` (from 0) of a PDF, rendered at `renderDPI` (less for a page so large
    /// that it would pass `maxPixels`).
    public static func pdfPage(_ bytes: [UInt8], index: Int, zoneCells: ZoneCellReader? = nil) -> OCRResult {
        let engine = self.engine
        if let failure = engine.failure { return .unavailable(failure) }
        guard let renderer else { return .unavailable(.renderer) }
        return bytes.withUnsafeBytes { raw -> OCRResult in
            guard let base = raw.baseAddress, raw.count > 0 else { return .unreadable(.pdfNotOpened) }
            let data = renderer.bytes_new_static(base, raw.count)
            defer { renderer.bytes_unref(data) }
            var error: UnsafeMutablePointer<COCRGError>?
            let opened = renderer.document_new_from_bytes(data, nil, &error)
            if let error { renderer.error_free(error) }
            guard let document = opened else { return .unreadable(.pdfNotOpened) }
            defer { renderer.object_unref(UnsafeMutableRawPointer(document)) }
            let pageCount = Int(renderer.document_get_n_pages(document))
            guard index >= 0, index < pageCount, let page = renderer.document_get_page(document, Int32(index)) else {
                return .unreadable(.noSuchPage)
            }
            defer { renderer.object_unref(UnsafeMutableRawPointer(page)) }
            var points = (width: 0.0, height: 0.0)
            renderer.page_get_size(page, &points.width, &points.height)
            guard let raster = render(page, points: points, renderer) else { return .unreadable(.tooLarge) }
            return raster.gray.withUnsafeBufferPointer { gray in
                recognise(engine, width: raster.width, height: raster.height, pageCount: pageCount, zoneCells: zoneCells,
                          gray: { GrayPixels(width: raster.width, height: raster.height, pixels: raster.gray) }) { handle in
                    engine.tesseract.set_image(handle, gray.baseAddress, Int32(raster.width), Int32(raster.height), 1, Int32(raster.width))
                    engine.tesseract.set_source_resolution(handle, Int32(raster.dpi.rounded()))
                }
            }
        }
    }

    /// The page drawn on white at `renderDPI` (or less, within `maxPixels`), as 8-bit gray.
    private static func render(_ page: OpaquePointer, points: (width: Double, height: Double), _ renderer: COCRRendererAPI)
        -> (gray: [UInt8], width: Int, height: Int, dpi: Double)? {
        let width = abs(points.width), height = abs(points.height)
        guard width.isFinite, height.isFinite, width >= 1, height >= 1 else { return nil }
        var dpi = renderDPI
        let area = width * height / (72 * 72)
        if area * dpi * dpi > Double(maxPixels) { dpi = (Double(maxPixels) / area).squareRoot() }
        let pixelWidth = Int((width * dpi / 72).rounded(.down)), pixelHeight = Int((height * dpi / 72).rounded(.down))
        guard pixelWidth >= 16, pixelHeight >= 16, pixelWidth <= 32_767, pixelHeight <= 32_767 else { return nil }
        guard let surface = renderer.image_surface_create(Int32(COCR_CAIRO_FORMAT_RGB24), Int32(pixelWidth), Int32(pixelHeight)) else { return nil }
        defer { renderer.surface_destroy(surface) }
        guard renderer.surface_status(surface) == 0, let context = renderer.create(surface) else { return nil }
        renderer.set_source_rgb(context, 1, 1, 1)
        renderer.paint(context)
        renderer.scale(context, dpi / 72, dpi / 72)
        renderer.page_render(page, context)
        renderer.destroy(context)
        renderer.surface_flush(surface)
        guard let data = renderer.image_surface_get_data(surface) else { return nil }
        let stride = Int(renderer.image_surface_get_stride(surface))
        // RGB24 is one native-endian 32-bit word per pixel, 0x00RRGGBB; gray by the usual luma weights.
        let gray = [UInt8](unsafeUninitializedCapacity: pixelWidth * pixelHeight) { out, count in
            for y in 0..<pixelHeight {
                let row = UnsafeRawPointer(data + y * stride)
                for x in 0..<pixelWidth {
                    let pixel = row.loadUnaligned(fromByteOffset: x * 4, as: UInt32.self)
                    let r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff
                    out[y * pixelWidth + x] = UInt8((r * 299 + g * 587 + b * 114) / 1000)
                }
            }
            count = pixelWidth * pixelHeight
        }
        return (gray, pixelWidth, pixelHeight, dpi)
    }

    /// Runs the engine on the image `setImage` gives it, under the engine's lock.
    private static func recognise(_ engine: Engine, width: Int, height: Int, pageCount: Int,
                                  zoneCells: ZoneCellReader?, gray: () -> GrayPixels?,
                                  setImage: (OpaquePointer) -> Void) -> OCRResult {
        pthread_mutex_lock(engine.lock)
        defer { pthread_mutex_unlock(engine.lock) }
        guard let handle = engine.handle else { return .unavailable(engine.failure ?? .tesseract) }
        let api = engine.tesseract
        // Nothing of the previous page stays: the result depends on this page's pixels alone.
        defer { api.clear(handle) }
        setImage(handle)
        var text = ""
        if let pointer = api.get_utf8_text(handle) {
            text = String(cString: pointer)
            api.delete_text(pointer)
        }
        let confidence = Int(api.mean_text_conf(handle))
        let mrzText = readZoneLines(api, handle, width: width, height: height) { boxes in
            guard let zoneCells, let pixels = gray() else { return "" }
            return zoneCells(pixels, boxes)
        }
        let kept = truncate(text, toUTF8Bytes: keptTextBytes)
        return .page(OCRPage(text: kept, textComplete: kept.utf8.count == text.utf8.count,
                             meanConfidence: min(max(confidence, 0), 100), pixelWidth: width, pixelHeight: height,
                             pageCount: pageCount, mrzText: truncate(mrzText, toUTF8Bytes: keptMRZTextBytes)))
    }

    /// The general English model reads a run of `<` as c, e, K or «, and a zone's 0 as O. So each
    /// line of the first reading that looks like a zone's (long, and mostly capitals, digits and
    /// fillers), and the lines just before and after it, are read again alone, each as one line,
    /// with the zone's alphabet only. The whitelist and the page segmentation are restored after.
    /// `cells` reads the zone from the pixels first, given the chosen lines' boxes; its lines lead.
    private static func readZoneLines(_ api: COCRTesseractAPI, _ handle: OpaquePointer, width: Int, height: Int,
                                      cells: ([PixelBox]) -> String) -> String {
        typealias Box = (left: Int32, top: Int32, right: Int32, bottom: Int32)
        var lines: [(box: Box, zoneLike: Bool)] = []
        if let iterator = api.get_iterator(handle) {
            defer { api.iterator_delete(iterator) }
            let page = api.iterator_page(iterator)
            repeat {
                guard let pointer = api.iterator_text(iterator, Int32(COCR_RIL_TEXTLINE)) else { continue }
                let line = String(cString: pointer)
                api.delete_text(pointer)
                var box: Box = (0, 0, 0, 0)
                if api.iterator_bounding_box(page, Int32(COCR_RIL_TEXTLINE), &box.left, &box.top, &box.right, &box.bottom) != 0 {
                    lines.append((box, mayBeZoneLine(line)))
                }
            } while lines.count < 2_000 && api.iterator_next(iterator, Int32(COCR_RIL_TEXTLINE)) != 0
        }
        let chosen = lines.indices.filter { index in
            lines[max(0, index - 1)...min(lines.count - 1, index + 1)].contains { $0.zoneLike }
        }
        // A page of zone-like lines (a table of codes) is not a passport: at most 16 are read again.
        let boxes = chosen.prefix(16).map { lines[$0].box }
        func pixelBox(_ box: Box) -> PixelBox { PixelBox(left: Int(box.left), top: Int(box.top), right: Int(box.right), bottom: Int(box.bottom)) }
        var byCells = boxes.isEmpty ? "" : cells(boxes.map(pixelBox))
        if byCells.split(separator: "\n").count < 2 {
            // A tilted or noisy zone may come out of the first reading as lower-case garbage, no
            // line of it zone-like: its lines are still long and flat. The widest lines (a quarter
            // of the page or more, 8 times as wide as high) are looked at one by one, at most 8.
            let wide = lines.filter { line in
                let lineWidth = line.box.right - line.box.left, lineHeight = line.box.bottom - line.box.top
                return !line.zoneLike && lineHeight > 0 && lineWidth >= 8 * lineHeight && Int(lineWidth) * 4 >= width
            }
            for line in wide.prefix(8) {
                let read = cells([pixelBox(line.box)])
                if read.split(separator: "\n").count >= 2 {
                    byCells = read
                    break
                }
            }
        }
        // No zone-like line: nothing for Tesseract to read again.
        if boxes.isEmpty { return byCells }
        var read: [String] = []
        if !byCells.isEmpty {
            read.append(byCells)
            read.append("")
        }
        // Two lines read cell by cell (every cell a clear match) are the zone's reading: Tesseract's
        // second reading could only add a misread zone (docs/inspection.md, "MRZ").
        if byCells.split(separator: "\n").count >= 2 { return byCells }
        _ = api.set_variable(handle, "tessedit_char_whitelist", mrzAlphabet)
        api.set_page_seg_mode(handle, Int32(COCR_PSM_SINGLE_LINE))
        defer {
            api.set_page_seg_mode(handle, Int32(COCR_PSM_AUTO))
            _ = api.set_variable(handle, "tessedit_char_whitelist", "")
        }
        for box in boxes {
            // A margin of a third of the line's height around it, within the image.
            let margin = max(4, (box.bottom - box.top) / 3)
            let left = max(0, box.left - margin), top = max(0, box.top - margin)
            let right = min(Int32(width), box.right + margin), bottom = min(Int32(height), box.bottom + margin)
            guard right > left, bottom > top else { continue }
            api.set_rectangle(handle, left, top, right - left, bottom - top)
            guard let pointer = api.get_utf8_text(handle) else { continue }
            read.append(String(cString: pointer).filter { !$0.isNewline })
            api.delete_text(pointer)
        }
        // And the whole page once more with the same alphabet, laid out automatically: the two
        // readings err on different characters, and a zone needs only one that verifies.
        api.set_rectangle(handle, 0, 0, Int32(width), Int32(height))
        api.set_page_seg_mode(handle, Int32(COCR_PSM_AUTO))
        if let pointer = api.get_utf8_text(handle) {
            read.append("")
            read.append(String(cString: pointer))
            api.delete_text(pointer)
        }
        return read.joined(separator: "\n")
    }

    /// A line of at least 28 characters (spaces aside) of which at least 70 % are capitals,
    /// digits, `<` or `«`: a zone's line as the English model may read it, or a heading.
    static func mayBeZoneLine(_ line: String) -> Bool {
        var total = 0, zoneLike = 0
        for scalar in line.unicodeScalars where !scalar.properties.isWhitespace {
            total += 1
            if ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "<" || scalar == "«" { zoneLike += 1 }
        }
        return total >= 28 && zoneLike * 10 >= total * 7
    }

    /// The longest prefix of `text` whose UTF-8 fits in `limit` bytes, cut between characters.
    public static func truncate(_ text: String, toUTF8Bytes limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var result = ""
        var used = 0
        for character in text {
            let size = character.utf8.count
            if used + size > limit { break }
            result.append(character)
            used += size
        }
        return result
    }
}
