import COCR

/// A page's pixels as 8-bit gray (0 black, 255 white), row by row: what the MRZ cell reader
/// (CheckDocsCore's `MRZCellReader`) looks at, in the worker, after Tesseract has found the lines.
public struct GrayPixels: Sendable {
    public var width: Int
    public var height: Int
    /// `width * height` bytes, the top row first.
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width >= 0 && height >= 0 && pixels.count == width * height, "gray pixels of the wrong size")
        self.width = width
        self.height = height
        self.pixels = pixels
    }
}

/// A rectangle of pixels, as Tesseract gives a line's box: `left..<right`, `top..<bottom`.
public struct PixelBox: Hashable, Sendable {
    public var left: Int
    public var top: Int
    public var right: Int
    public var bottom: Int

    public init(left: Int, top: Int, right: Int, bottom: Int) {
        self.left = left
        self.top = top
        self.right = right
        self.bottom = bottom
    }
}

extension GrayPixels {
    /// A leptonica image's pixels converted to 8-bit gray (colour by luminance, a colour map
    /// removed), or nil when leptonica cannot convert it.
    static func from(_ pix: OpaquePointer, _ api: COCRTesseractAPI) -> GrayPixels? {
        guard let gray = api.pix_convert_to8(pix, 0) else { return nil }
        defer {
            var owned: OpaquePointer? = gray
            api.pix_destroy(&owned)
        }
        let width = Int(api.pix_get_width(gray)), height = Int(api.pix_get_height(gray)), wpl = Int(api.pix_get_wpl(gray))
        guard api.pix_get_depth(gray) == 8, width > 0, height > 0, wpl * 4 >= width, let data = api.pix_get_data(gray) else { return nil }
        let raw = UnsafeRawPointer(data)
        let pixels = [UInt8](unsafeUninitializedCapacity: width * height) { out, count in
            for y in 0..<height {
                let row = raw + y * wpl * 4
                for x in 0..<width {
                    // leptonica keeps a row as 32-bit words, the first pixel in a word's most
                    // significant byte: on a little-endian machine that byte comes fourth.
                    #if _endian(little)
                    out[y * width + x] = row.load(fromByteOffset: x ^ 3, as: UInt8.self)
                    #else
                    out[y * width + x] = row.load(fromByteOffset: x, as: UInt8.self)
                    #endif
                }
            }
            count = width * height
        }
        return GrayPixels(width: width, height: height, pixels: pixels)
    }
}
