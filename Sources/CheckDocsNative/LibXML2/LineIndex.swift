#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds lines and columns in the raw bytes for messages libxml2 gives only a line for.
struct LineIndex: Sendable {
    private let data: [UInt8]
    private var starts: [Int]

    init(_ data: [UInt8]) {
        self.data = data
        // memchr finds each line's end, rather than a test of every byte in Swift (the index is
        // made for every description read).
        var starts = [0]
        data.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let hit = memchr(base + offset, Int32(UInt8(ascii: "\n")), buffer.count - offset) {
                offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base) + 1
                starts.append(offset)
            }
        }
        self.starts = starts
    }

    /// The line and (byte) column of the first NUL byte, if any (memchr, as the lines are found).
    func firstNUL() -> (line: Int, column: Int)? {
        let offset: Int? = data.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let hit = memchr(base, 0, buffer.count) else { return nil }
            return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
        }
        guard let offset else { return nil }
        // The last line start at or before the NUL.
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return (low + 1, offset - starts[low] + 1)
    }

    func lineBytes(_ line: Int) -> ArraySlice<UInt8> {
        guard line >= 1, line <= starts.count else { return [] }
        let start = starts[line - 1]
        let end = line < starts.count ? starts[line] - 1 : data.count
        return data[start..<max(start, end)]
    }

    /// 1-based column of `needle` on `line`, or 0 when not found.
    func column(of needle: String, onLine line: Int, allowPrefix: Bool = false) -> Int {
        let bytes = lineBytes(line)
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return 0 }
        var index = bytes.startIndex
        while index + pattern.count <= bytes.endIndex {
            if bytes[index..<index + pattern.count].elementsEqual(pattern) {
                let after = index + pattern.count
                // Match "<name" only when followed by a delimiter, or after a namespace prefix.
                if after == bytes.endIndex || [0x20, 0x09, 0x3E, 0x2F, 0x0D].contains(bytes[after]) {
                    return index - bytes.startIndex + 1
                }
            }
            index += 1
        }
        if allowPrefix, needle.hasPrefix("<") {
            // <p:name> — search for ":name".
            return column(of: ":" + needle.dropFirst(), onLine: line)
        }
        return 0
    }

    /// 1-based column of the start tag `<name` (or `<prefix:name`) on `line`, or 0 when not found.
    /// Called for every element, so it searches the bytes in place.
    func column(ofTag name: String.UTF8View, onLine line: Int) -> Int {
        let bytes = lineBytes(line)
        guard !name.isEmpty, bytes.count > name.count else { return 0 }
        // Over the line's bytes in place: asked for every requirement and clause a description has.
        return bytes.withUnsafeBufferPointer { line in
            var index = 0
            while index < line.count {
                guard line[index] == UInt8(ascii: "<") else {
                    index += 1
                    continue
                }
                var start = index + 1
                // Skip a namespace prefix: <p:name>.
                var probe = start
                let limit = min(line.count, start + 64)
                while probe < limit, line[probe] != UInt8(ascii: ":"), !Self.isDelimiter(line[probe]) { probe += 1 }
                if probe < limit, line[probe] == UInt8(ascii: ":") { start = probe + 1 }
                let end = start + name.count
                if end <= line.count, Self.equal(line, from: start, name),
                   end == line.count || Self.isDelimiter(line[end]) {
                    return index + 1
                }
                index += 1
            }
            return 0
        }
    }

    /// Whether `name`'s bytes are at `start` in `line` (the caller has checked that they fit).
    private static func equal(_ line: UnsafeBufferPointer<UInt8>, from start: Int, _ name: String.UTF8View) -> Bool {
        name.withContiguousStorageIfAvailable { bytes in
            for offset in 0..<bytes.count where line[start + offset] != bytes[offset] { return false }
            return true
        } ?? UnsafeBufferPointer(rebasing: line[start..<start + name.count]).elementsEqual(name)
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x3E || byte == 0x2F || byte == 0x0D
    }

    /// Where a schema error about element `name` belongs. libxml2 gives the line on which the
    /// element's start tag ends: a tag whose attributes run over several lines starts on an
    /// earlier one, found up to 200 lines up. With `attribute`, the place of that attribute in
    /// the tag. The line given and column 0 when the tag is not found.
    func place(ofElement name: String, attribute: String?, endingOn line: Int) -> (line: Int, column: Int) {
        var tagLine = line
        var tagColumn = column(of: "<" + name, onLine: line, allowPrefix: true)
        if tagColumn == 0 {
            for earlier in stride(from: line - 1, through: max(1, line - 200), by: -1) {
                tagColumn = lastColumn(ofTag: name, onLine: earlier)
                if tagColumn > 0 {
                    tagLine = earlier
                    break
                }
            }
            if tagColumn == 0 { return (line, 0) }
        }
        guard let attribute, !attribute.isEmpty, tagLine <= line else { return (tagLine, tagColumn) }
        for current in tagLine...line {
            let found = column(ofAttribute: attribute, onLine: current, from: current == tagLine ? tagColumn : 1)
            if found > 0 { return (current, found) }
        }
        return (tagLine, tagColumn)
    }

    /// 1-based column of the last start tag `<name` or `<prefix:name` on `line`, or 0.
    private func lastColumn(ofTag name: String, onLine line: Int) -> Int {
        let bytes = Array(lineBytes(line))
        let name = Array(name.utf8)
        var found = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "<") {
            var start = index + 1
            if let colon = bytes[start..<min(bytes.count, start + 64)].prefix(while: { !Self.isDelimiter($0) }).firstIndex(of: UInt8(ascii: ":")) {
                start = colon + 1
            }
            let end = start + name.count
            if end <= bytes.count, bytes[start..<end].elementsEqual(name), end == bytes.count || Self.isDelimiter(bytes[end]) {
                found = index + 1
            }
        }
        return found
    }

    /// 1-based column of the attribute `name` (`name=`, `name =` or `prefix:name=`, after a space
    /// or at the start of the line, outside any quoted value) on `line`, at or after column
    /// `from`; 0 when it is not there.
    private func column(ofAttribute name: String, onLine line: Int, from: Int) -> Int {
        let bytes = Array(lineBytes(line))
        let name = Array(name.utf8)
        guard from >= 1, !name.isEmpty else { return 0 }
        var index = from - 1
        var quote: UInt8?
        while index + name.count <= bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
                index += 1
                continue
            }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
                index += 1
                continue
            }
            let before = index == 0 ? UInt8(ascii: " ") : bytes[index - 1]
            if before == 0x20 || before == 0x09 || before == 0x0D || before == UInt8(ascii: ":"), bytes[index..<index + name.count].elementsEqual(name) {
                var after = index + name.count
                while after < bytes.count, bytes[after] == 0x20 || bytes[after] == 0x09 { after += 1 }
                if after < bytes.count, bytes[after] == UInt8(ascii: "=") {
                    // `prefix:name`: the attribute starts at its prefix.
                    var start = index
                    if before == UInt8(ascii: ":") {
                        start -= 1
                        while start > 0, ![0x20, 0x09, 0x0D].contains(bytes[start - 1]) { start -= 1 }
                    }
                    return start + 1
                }
            }
            index += 1
        }
        return 0
    }

    func firstLine(containing needle: String) -> Int? {
        let pattern = Array(needle.utf8)
        for line in 1...starts.count {
            let bytes = lineBytes(line)
            guard bytes.count >= pattern.count else { continue }
            for start in bytes.startIndex...(bytes.endIndex - pattern.count)
            where bytes[start..<start + pattern.count].elementsEqual(pattern) { return line }
        }
        return nil
    }
}

import Foundation
