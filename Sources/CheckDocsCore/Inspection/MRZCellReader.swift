import CheckDocsNative
import Foundation

/// Reads a machine-readable zone from a page's pixels, cell by cell (docs/inspection.md, "MRZ"):
/// a zone's line is 44 characters at one pitch, so the line is cut into 44 cells and each cell is
/// matched against OCR-B templates of the 37 characters of the zone's alphabet
/// (`checklists/mrz/ocr-b-glyphs.txt`, drawn from Debian's fonts-ocr-b by `scripts/mrz-glyphs.py`).
///
/// A cell without a clear winner (a score too low, or a runner-up too close) makes its line
/// unreadable: nothing is guessed, and nothing is ever chosen to make a check digit verify
/// (`MachineReadableZone` verifies what is read here, and discards it whole if one fails).
/// Runs in the document worker, on the pixels OCRReader hands it; a pure function of them.
public enum MRZCellReader {
    public static let templatesFile = "mrz/ocr-b-glyphs.txt"
    /// A cell's best template must correlate at least this well…
    static let minimumScore = 0.7
    /// …and better than the next best character's by this much (a clean print wins by 0.15 or
    /// more; a cell between O and 0 is neither).
    static let minimumMargin = 0.06
    /// Characters in a line of a TD3 or MRV-A zone.
    static let lineLength = 44
    /// Pixels of the region looked at, at most (a page at 300 dpi is 8.4 million).
    static let maximumRegionPixels = 6_000_000
    /// Glyph-sized groups of ink in the region, at most.
    static let maximumGlyphs = 5_000

    /// Read from the data the build embeds (the generated `EmbeddedChecklists`, which
    /// `Loading/BuiltinData` also wraps: Inspection sits below Loading, so it reads it directly).
    static let templates: GlyphTemplates? = EmbeddedChecklists.files[templatesFile].flatMap { GlyphTemplates(parsing: $0) }

    /// The zone lines read in the region around `lines` (the boxes of the lines that may be a
    /// zone's), top to bottom, one a line; "" when none is read.
    public static func read(_ image: GrayPixels, lines: [PixelBox]) -> String {
        guard let templates else { return "" }
        return readLines(image, around: lines, templates: templates).joined(separator: "\n")
    }

    /// The zone lines read, each 44 characters.
    static func readLines(_ image: GrayPixels, around boxes: [PixelBox], templates: GlyphTemplates) -> [String] {
        guard var region = Region(image, around: boxes) else { return [] }
        let components = region.components()
        let heights = components.map(\.height).filter { $0 >= 8 }.sorted()
        guard !heights.isEmpty else { return [] }
        let typical = Double(heights[heights.count / 2])
        let anchors = components.indices.filter {
            let height = Double(components[$0].height)
            return height >= typical * 0.5 && height <= typical * 1.6 && Double(components[$0].width) <= typical * 2
        }
        // A zone's region holds a few hundred glyphs; tens of thousands are a texture or noise,
        // and the neighbour search below would only spend the worker's time on them.
        guard anchors.count >= lineLength, anchors.count <= maximumGlyphs else { return [] }
        let angle = skew(components, anchors, typical: typical)
        let frame = Frame(angle: angle)
        let rotated = components.map { frame.rotated(x: $0.centerX, y: $0.centerY) }
        var lines: [String] = []
        for line in clusterLines(anchors, rotated, typical: typical) {
            guard let cells = cut(line, rotated, typical: typical) else { continue }
            guard let text = recognise(cells, line: line, components: components, rotated: rotated, region: region,
                                       frame: frame, typical: typical, templates: templates) else { continue }
            lines.append(text)
        }
        return lines
    }

    /// The page's tilt: the median angle from each glyph to its nearest neighbour on the right.
    static func skew(_ components: [Component], _ anchors: [Int], typical: Double) -> Double {
        var angles: [Double] = []
        let byX = anchors.sorted { components[$0].centerX < components[$1].centerX }
        for (position, index) in byX.enumerated() {
            let from = components[index]
            var best: (dx: Double, dy: Double)?
            for other in byX[(position + 1)...] {
                let dx = components[other].centerX - from.centerX
                if dx > typical * 2.5 { break }
                let dy = components[other].centerY - from.centerY
                guard dx > typical * 0.4, abs(dy) < typical * 0.5 else { continue }
                if best == nil || dx < best!.dx { best = (dx, dy) }
            }
            if let best { angles.append(atan2(best.dy, best.dx)) }
        }
        guard !angles.isEmpty else { return 0 }
        let median = angles.sorted()[angles.count / 2]
        // A scan is tilted by a few degrees at most; more is not a line of text.
        return abs(median) <= 6 * .pi / 180 ? median : 0
    }

    /// The anchors grouped into lines (in the straightened frame), top to bottom, each sorted
    /// left to right; only groups long enough to be a zone's line.
    static func clusterLines(_ anchors: [Int], _ rotated: [(u: Double, v: Double)], typical: Double) -> [[Int]] {
        let byV = anchors.sorted { rotated[$0].v < rotated[$1].v }
        var groups: [[Int]] = []
        var current: [Int] = []
        for index in byV {
            if let last = current.last, rotated[index].v - rotated[last].v > typical * 0.6 {
                groups.append(current)
                current = []
            }
            current.append(index)
        }
        if !current.isEmpty { groups.append(current) }
        return groups.filter { $0.count >= lineLength * 2 / 3 && $0.count <= lineLength * 2 }
            .map { $0.sorted { rotated[$0].u < rotated[$1].u } }
    }

    /// The line's anchors by cell (0..<44), with the pitch and the first cell's centre, or nil
    /// when the line is not 44 cells at one pitch with a glyph in every cell.
    static func cut(_ line: [Int], _ rotated: [(u: Double, v: Double)], typical: Double)
        -> (cells: [[Int]], pitch: Double, origin: Double)? {
        let steps = zip(line.dropFirst(), line).map { rotated[$0].u - rotated[$1].u }.filter { $0 > typical * 0.4 }.sorted()
        guard !steps.isEmpty else { return nil }
        var pitch = steps[steps.count / 2], origin = rotated[line[0]].u
        var slots: [Int] = []
        // Twice: slots from the estimate, then the pitch and origin fitted to every anchor.
        for _ in 0..<2 {
            slots = line.map { Int(((rotated[$0].u - origin) / pitch).rounded()) }
            let n = Double(line.count)
            let sumK = slots.reduce(0.0) { $0 + Double($1) }, sumU = line.reduce(0.0) { $0 + rotated[$1].u }
            let sumKK = slots.reduce(0.0) { $0 + Double($1 * $1) }
            let sumKU = zip(slots, line).reduce(0.0) { $0 + Double($1.0) * rotated[$1.1].u }
            let denominator = n * sumKK - sumK * sumK
            guard denominator > 0 else { return nil }
            pitch = (n * sumKU - sumK * sumU) / denominator
            origin = (sumU - pitch * sumK) / n
            guard pitch > typical * 0.4 else { return nil }
        }
        slots = line.map { Int(((rotated[$0].u - origin) / pitch).rounded()) }
        guard let first = slots.min(), let last = slots.max(), last - first == lineLength - 1 else { return nil }
        var cells = [[Int]](repeating: [], count: lineLength)
        for (slot, index) in zip(slots, line) {
            // A glyph off the grid: not a fixed-pitch line (or not read well enough to cut).
            guard abs(rotated[index].u - (origin + Double(slot) * pitch)) <= pitch * 0.35 else { return nil }
            cells[slot - first].append(index)
        }
        guard cells.allSatisfy({ !$0.isEmpty }) else { return nil }
        return (cells, pitch, origin + Double(first) * pitch)
    }

    /// The line's 44 characters, or nil when any cell has no clear winner.
    static func recognise(_ cut: (cells: [[Int]], pitch: Double, origin: Double), line: [Int], components: [Component],
                          rotated: [(u: Double, v: Double)], region: Region, frame: Frame, typical: Double,
                          templates: GlyphTemplates) -> String? {
        let lineV = line.map { rotated[$0].v }.sorted()[line.count / 2]
        var pieces = [[Int]](repeating: [], count: lineLength)
        // Small pieces near the line (a glyph broken by the scan) join the cell they fall in.
        for index in components.indices where Double(components[index].height) < typical * 0.5
            && Double(components[index].height) >= typical * 0.2 && abs(rotated[index].v - lineV) < typical * 0.6 {
            let slot = Int(((rotated[index].u - cut.origin) / cut.pitch).rounded())
            if slot >= 0, slot < lineLength { pieces[slot].append(index) }
        }
        var text = ""
        for slot in 0..<lineLength {
            guard let centre = region.inkCentre(of: cut.cells[slot] + pieces[slot], components, frame) else { return nil }
            // The cell at its ink's centre and one sample off in each direction: a scan's
            // threshold and stroke weight move the centre by a pixel or two.
            let stepU = cut.pitch / Double(templates.width), stepV = cut.pitch * templates.windowHeight / Double(templates.height)
            var placements: [[Double]] = []
            for dv in -1...1 {
                for du in -1...1 {
                    placements.append(region.sample(centre: (centre.u + Double(du) * stepU, centre.v + Double(dv) * stepV),
                                                    pitch: cut.pitch, frame: frame, templates: templates))
                }
            }
            guard let character = templates.match(placements) else { return nil }
            text.append(character)
        }
        return text
    }
}

/// The OCR-B templates: for each character, `width × height` samples of darkness over a window
/// one pitch wide and `windowHeight` pitches high, centred on the glyph's ink box.
struct GlyphTemplates {
    var width: Int
    var height: Int
    var windowHeight: Double
    /// Each character with its samples made zero-mean and unit-length, for correlation.
    var glyphs: [(character: Character, samples: [Double])]

    init?(parsing text: String) {
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        guard let header = lines.first?.split(separator: " "), header.count == 4, header[0] == "grid",
              let width = Int(header[1]), let height = Int(header[2]), let window = Double(header[3]),
              width > 0, height > 0, window > 0 else { return nil }
        self.width = width
        self.height = height
        windowHeight = window
        glyphs = []
        var index = 1
        while index < lines.count {
            guard lines[index].count == 1, index + height < lines.count else { return nil }
            var samples: [Double] = []
            for row in lines[(index + 1)...(index + height)] {
                let bytes = Array(row.utf8)
                guard bytes.count == width * 2 else { return nil }
                for column in 0..<width {
                    guard let value = UInt8(String(decoding: bytes[(column * 2)..<(column * 2 + 2)], as: UTF8.self), radix: 16) else { return nil }
                    samples.append(Double(value))
                }
            }
            guard let normalised = Self.normalised(samples) else { return nil }
            glyphs.append((lines[index].first!, normalised))
            index += height + 1
        }
        guard !glyphs.isEmpty else { return nil }
    }

    /// The samples minus their mean, scaled to length 1; nil for a blank (no contrast).
    static func normalised(_ samples: [Double]) -> [Double]? {
        let mean = samples.reduce(0, +) / Double(max(1, samples.count))
        let centred = samples.map { $0 - mean }
        let length = centred.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard length > 1e-6 else { return nil }
        return centred.map { $0 / length }
    }

    /// The best correlation of a cell's samples with the templates (each template at its best of
    /// the placements given), and the next best character's.
    func scores(_ placements: [[Double]]) -> (best: Character, score: Double, runnerUp: Double)? {
        guard glyphs.count >= 2 else { return nil }
        var scores = [Double](repeating: -1, count: glyphs.count)
        for samples in placements {
            guard samples.count == width * height, let cell = Self.normalised(samples) else { continue }
            for (position, glyph) in glyphs.enumerated() {
                var score = 0.0
                for index in cell.indices { score += cell[index] * glyph.samples[index] }
                scores[position] = max(scores[position], score)
            }
        }
        let ranked = scores.indices.sorted { scores[$0] > scores[$1] }
        return (glyphs[ranked[0]].character, scores[ranked[0]], scores[ranked[1]])
    }

    /// The cell's character when one template wins clearly, else nil (never a guess).
    func match(_ placements: [[Double]]) -> Character? {
        guard let result = scores(placements), result.score >= MRZCellReader.minimumScore,
              result.score - result.runnerUp >= MRZCellReader.minimumMargin else { return nil }
        return result.best
    }
}

/// The straightened frame: (u, v) is (x, y) turned by -angle, so a tilted line runs along u.
struct Frame {
    var cosine: Double
    var sine: Double

    init(angle: Double) {
        cosine = cos(angle)
        sine = sin(angle)
    }

    func rotated(x: Double, y: Double) -> (u: Double, v: Double) {
        (x * cosine + y * sine, -x * sine + y * cosine)
    }

    func unrotated(u: Double, v: Double) -> (x: Double, y: Double) {
        (u * cosine - v * sine, u * sine + v * cosine)
    }
}

/// A connected group of dark pixels, in the region's coordinates.
struct Component {
    var label: Int32
    var minX: Int, maxX: Int, minY: Int, maxY: Int
    var width: Int { maxX - minX + 1 }
    var height: Int { maxY - minY + 1 }
    var centerX: Double { Double(minX + maxX + 1) / 2 }
    var centerY: Double { Double(minY + maxY + 1) / 2 }
}

/// The part of the page around the candidate lines, binarised (Otsu), with its components labelled.
struct Region {
    let image: GrayPixels
    let left: Int, top: Int, width: Int, height: Int
    let threshold: Int
    private(set) var labels: [Int32] = []

    init?(_ image: GrayPixels, around boxes: [PixelBox]) {
        guard let first = boxes.first else { return nil }
        var box = first
        var tallest = 0
        for other in boxes {
            box = PixelBox(left: min(box.left, other.left), top: min(box.top, other.top),
                           right: max(box.right, other.right), bottom: max(box.bottom, other.bottom))
            tallest = max(tallest, other.bottom - other.top)
        }
        // A margin of a line's height: a tilted zone's ends leave Tesseract's boxes.
        let margin = max(8, tallest)
        left = max(0, box.left - margin)
        top = max(0, box.top - margin)
        let right = min(image.width, box.right + margin), bottom = min(image.height, box.bottom + margin)
        width = right - left
        height = bottom - top
        guard width > 0, height > 0, width * height <= MRZCellReader.maximumRegionPixels else { return nil }
        self.image = image
        var histogram = [Int](repeating: 0, count: 256)
        for y in top..<bottom {
            let row = y * image.width
            for x in left..<right { histogram[Int(image.pixels[row + x])] += 1 }
        }
        threshold = Self.otsu(histogram)
    }

    /// Otsu's threshold: the gray level that best separates ink from paper; a pixel is ink when
    /// it is at or below it.
    static func otsu(_ histogram: [Int]) -> Int {
        let total = Double(histogram.reduce(0, +))
        let sum = histogram.enumerated().reduce(0.0) { $0 + Double($1.offset * $1.element) }
        var weightBelow = 0.0, sumBelow = 0.0, best = 0.0, threshold = 127
        for level in 0..<256 {
            weightBelow += Double(histogram[level])
            guard weightBelow > 0 else { continue }
            let weightAbove = total - weightBelow
            guard weightAbove > 0 else { break }
            sumBelow += Double(level * histogram[level])
            let meanBelow = sumBelow / weightBelow, meanAbove = (sum - sumBelow) / weightAbove
            let between = weightBelow * weightAbove * (meanBelow - meanAbove) * (meanBelow - meanAbove)
            if between > best {
                best = between
                threshold = level
            }
        }
        return threshold
    }

    func isInk(_ x: Int, _ y: Int) -> Bool {
        Int(image.pixels[(top + y) * image.width + left + x]) <= threshold
    }

    /// Labels the 8-connected groups of ink; those of a few pixels (specks) are dropped.
    mutating func components() -> [Component] {
        labels = [Int32](repeating: 0, count: width * height)
        var found: [Component] = []
        var stack: [Int] = []
        var next: Int32 = 1
        for start in 0..<(width * height) where labels[start] == 0 && isInk(start % width, start / width) {
            var component = Component(label: next, minX: start % width, maxX: start % width, minY: start / width, maxY: start / width)
            var count = 0
            labels[start] = next
            stack.append(start)
            while let index = stack.popLast() {
                count += 1
                let x = index % width, y = index / width
                component.minX = min(component.minX, x)
                component.maxX = max(component.maxX, x)
                component.minY = min(component.minY, y)
                component.maxY = max(component.maxY, y)
                for dy in -1...1 {
                    let ny = y + dy
                    guard ny >= 0, ny < height else { continue }
                    for dx in -1...1 {
                        let nx = x + dx
                        guard nx >= 0, nx < width else { continue }
                        let neighbour = ny * width + nx
                        if labels[neighbour] == 0 && isInk(nx, ny) {
                            labels[neighbour] = next
                            stack.append(neighbour)
                        }
                    }
                }
            }
            if count >= 4 { found.append(component) }
            next += 1
        }
        return found
    }

    /// The centre of mass (weighted by darkness), in the straightened frame, of the ink of
    /// `indices`' components: the templates are centred the same way (scripts/mrz-glyphs.py), and
    /// it moves less than the ink's box when the threshold takes or leaves a faint edge pixel.
    func inkCentre(of indices: [Int], _ components: [Component], _ frame: Frame) -> (u: Double, v: Double)? {
        var total = 0.0, sumX = 0.0, sumY = 0.0
        for index in indices {
            let component = components[index]
            for y in component.minY...component.maxY {
                for x in component.minX...component.maxX where labels[y * width + x] == component.label {
                    let weight = 255 - Double(image.pixels[(top + y) * image.width + left + x])
                    total += weight
                    // The pixel's centre, in page coordinates.
                    sumX += (Double(left + x) + 0.5) * weight
                    sumY += (Double(top + y) + 0.5) * weight
                }
            }
        }
        guard total > 0 else { return nil }
        return frame.rotated(x: sumX / total, y: sumY / total)
    }

    /// The darkness (255 - gray) of the page around `centre` (straightened frame), on the
    /// templates' grid: each sample the mean of four points within its area.
    func sample(centre: (u: Double, v: Double), pitch: Double, frame: Frame, templates: GlyphTemplates) -> [Double] {
        let sampleWidth = pitch / Double(templates.width)
        let sampleHeight = pitch * templates.windowHeight / Double(templates.height)
        let originU = centre.u - pitch / 2, originV = centre.v - pitch * templates.windowHeight / 2
        var samples: [Double] = []
        samples.reserveCapacity(templates.width * templates.height)
        for row in 0..<templates.height {
            for column in 0..<templates.width {
                var total = 0.0
                for (du, dv) in [(0.25, 0.25), (0.75, 0.25), (0.25, 0.75), (0.75, 0.75)] {
                    let u = originU + (Double(column) + du) * sampleWidth, v = originV + (Double(row) + dv) * sampleHeight
                    let point = frame.unrotated(u: u, v: v)
                    total += darkness(x: point.x - 0.5, y: point.y - 0.5)
                }
                samples.append(total / 4)
            }
        }
        return samples
    }

    /// Bilinear darkness at a page position (pixel centres at integers); paper outside the page.
    func darkness(x: Double, y: Double) -> Double {
        let x0 = Int(x.rounded(.down)), y0 = Int(y.rounded(.down))
        let fx = x - Double(x0), fy = y - Double(y0)
        func at(_ px: Int, _ py: Int) -> Double {
            guard px >= 0, py >= 0, px < image.width, py < image.height else { return 0 }
            return 255 - Double(image.pixels[py * image.width + px])
        }
        return at(x0, y0) * (1 - fx) * (1 - fy) + at(x0 + 1, y0) * fx * (1 - fy)
            + at(x0, y0 + 1) * (1 - fx) * fy + at(x0 + 1, y0 + 1) * fx * fy
    }
}
