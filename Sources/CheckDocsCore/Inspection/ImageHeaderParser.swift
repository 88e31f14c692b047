/// Pixel size and density of JPEG and PNG files, from their headers alone (no image library):
/// JPEG SOF0–SOF15 frame header and JFIF/EXIF density; PNG IHDR and pHYs.
enum ImageHeaderParser {
    /// Enough for a JPEG whose EXIF block (≤ 64 KB) and thumbnail come before the frame header.
    static let headerBytes = 256 * 1024

    static func facts(of bytes: [UInt8], format: FileFormat) -> ImageFacts? {
        switch format {
        case .jpeg: return jpeg(bytes)
        case .png: return png(bytes)
        default: return nil
        }
    }

    static func png(_ bytes: [UInt8]) -> ImageFacts? {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.count >= 33, Array(bytes[0..<8]) == signature, tag(bytes, 12) == "IHDR" else { return nil }
        var facts = ImageFacts(width: Int(be32(bytes, 16)), height: Int(be32(bytes, 20)))
        var offset = 8
        while offset + 8 <= bytes.count {
            let length = Int(be32(bytes, offset))
            let name = tag(bytes, offset + 4)
            if name == "IDAT" || name == "IEND" { break }
            if name == "pHYs", length == 9, offset + 17 <= bytes.count, bytes[offset + 16] == 1 {
                facts.dotsPerInch = Double(be32(bytes, offset + 8)) * 0.0254
            }
            offset += 12 + length
        }
        return facts.width > 0 && facts.height > 0 ? facts : nil
    }

    static func jpeg(_ bytes: [UInt8]) -> ImageFacts? {
        guard bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
        var offset = 2
        var density: Double?
        while offset + 4 <= bytes.count {
            guard bytes[offset] == 0xFF else { return nil }
            let marker = bytes[offset + 1]
            if marker == 0xFF { offset += 1; continue }  // fill byte
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { offset += 2; continue }
            let length = Int(be16(bytes, offset + 2))
            let body = offset + 4
            guard length >= 2 else { return nil }
            switch marker {
            case 0xC0...0xCF where marker != 0xC4 && marker != 0xC8 && marker != 0xCC:
                guard body + 5 <= bytes.count else { return nil }
                let height = Int(be16(bytes, body + 1)), width = Int(be16(bytes, body + 3))
                return width > 0 && height > 0 ? ImageFacts(width: width, height: height, dotsPerInch: density) : nil
            case 0xE0 where body + 12 <= bytes.count && tag(bytes, body) == "JFIF":
                let unit = bytes[body + 7], x = Double(be16(bytes, body + 8))
                if unit == 1 { density = x } else if unit == 2 { density = x * 2.54 }
            case 0xE1 where density == nil && body + 14 <= bytes.count && tag(bytes, body) == "Exif":
                density = exifDensity(bytes, tiff: body + 6, end: min(bytes.count, body + length - 2))
            case 0xDA, 0xD9:
                return nil  // image data began without a frame header
            default:
                break
            }
            offset += 2 + length
        }
        return nil
    }

    /// XResolution with ResolutionUnit from EXIF's first IFD.
    private static func exifDensity(_ bytes: [UInt8], tiff: Int, end: Int) -> Double? {
        guard tiff + 8 <= end else { return nil }
        let little = bytes[tiff] == 0x49
        func u16(_ at: Int) -> Int { at + 2 <= end ? Int(little ? le16(bytes, at) : be16(bytes, at)) : 0 }
        func u32(_ at: Int) -> Int { at + 4 <= end ? Int(little ? le32(bytes, at) : be32(bytes, at)) : 0 }
        let ifd = tiff + u32(tiff + 4)
        let count = u16(ifd)
        var resolution: Double?
        var unit = 2
        for index in 0..<min(count, 64) {
            let entry = ifd + 2 + index * 12
            guard entry + 12 <= end else { break }
            switch u16(entry) {
            case 0x011A:
                let at = tiff + u32(entry + 8)
                let denominator = u32(at + 4)
                if denominator > 0 { resolution = Double(u32(at)) / Double(denominator) }
            case 0x0128: unit = u16(entry + 8)
            default: break
            }
        }
        guard let resolution, resolution > 0 else { return nil }
        return unit == 3 ? resolution * 2.54 : resolution
    }

    private static func tag(_ bytes: [UInt8], _ at: Int) -> String {
        guard at + 4 <= bytes.count else { return "" }
        return String(decoding: bytes[at..<at + 4], as: UTF8.self)
    }
    private static func be16(_ b: [UInt8], _ at: Int) -> UInt32 { at + 2 <= b.count ? UInt32(b[at]) << 8 | UInt32(b[at + 1]) : 0 }
    private static func le16(_ b: [UInt8], _ at: Int) -> UInt32 { at + 2 <= b.count ? UInt32(b[at + 1]) << 8 | UInt32(b[at]) : 0 }
    private static func be32(_ b: [UInt8], _ at: Int) -> UInt32 { at + 4 <= b.count ? be16(b, at) << 16 | be16(b, at + 2) : 0 }
    private static func le32(_ b: [UInt8], _ at: Int) -> UInt32 { at + 4 <= b.count ? le16(b, at + 2) << 16 | le16(b, at) : 0 }
}
