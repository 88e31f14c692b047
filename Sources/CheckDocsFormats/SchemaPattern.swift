import Foundation

/// A JSON Schema `pattern`, matched without ICU when it is in the small, anchored subset that
/// checkdocs' own schemas use: `^...$` around literals, `\`-escapes, `[...]` classes with ranges,
/// `(a|b)` groups, and the quantifiers `? * + {n} {m,n}` on a literal or class. Compiling
/// NSRegularExpression loads ICU, which costs more than a whole small check; anything outside
/// the subset still goes to NSRegularExpression.
struct SchemaPattern: @unchecked Sendable {
    private enum Node {
        case scalars([ClosedRange<UInt32>])
        case group([[Item]])
    }

    private struct Item {
        var node: Node
        var min = 1
        var max = 1
    }

    private let items: [Item]?
    private let fallback: NSRegularExpression?

    init?(_ pattern: String) {
        var parser = Parser(pattern)
        if let items = parser.parse() {
            self.items = items
            self.fallback = nil
        } else if let regex = try? NSRegularExpression(pattern: pattern) {
            self.items = nil
            self.fallback = regex
        } else {
            return nil
        }
    }

    /// Whether the subset matcher handles this pattern (no ICU).
    var isNative: Bool { items != nil }

    func matches(_ text: String) -> Bool {
        guard let items else {
            return fallback!.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        let scalars = text.unicodeScalars.map(\.value)
        return Self.match(items, 0, scalars, 0) { $0 == scalars.count }
    }

    /// Backtracking over the items; a quantified class is consumed greedily in a loop, so the
    /// recursion depth follows the pattern's length, not the text's.
    private static func match(_ items: [Item], _ index: Int, _ text: [UInt32], _ position: Int, then: (Int) -> Bool) -> Bool {
        guard index < items.count else { return then(position) }
        let item = items[index]
        switch item.node {
        case let .scalars(ranges):
            var count = 0
            while count < item.max, position + count < text.count, ranges.contains(where: { $0.contains(text[position + count]) }) {
                count += 1
            }
            while count >= item.min {
                if match(items, index + 1, text, position + count, then: then) { return true }
                count -= 1
            }
            return false
        case let .group(alternatives):
            // Groups are never quantified in the subset (the parser refuses it).
            return alternatives.contains { alternative in
                match(alternative, 0, text, position) { next in match(items, index + 1, text, next, then: then) }
            }
        }
    }

    private struct Parser {
        let scalars: [UInt32]
        var index = 0

        init(_ pattern: String) { scalars = pattern.unicodeScalars.map(\.value) }

        mutating func parse() -> [Item]? {
            guard scalars.first == 0x5E /* ^ */, scalars.count >= 2, scalars.last == 0x24 /* $ */,
                  scalars[scalars.count - 2] != 0x5C /* \ */ else { return nil }
            index = 1
            let end = scalars.count - 1
            guard let alternatives = sequence(until: end), alternatives.count == 1, index == end else { return nil }
            return alternatives[0]
        }

        /// Alternatives separated by `|`, up to `)` or `end`.
        private mutating func sequence(until end: Int) -> [[Item]]? {
            var alternatives: [[Item]] = [[]]
            while index < end {
                let scalar = scalars[index]
                switch scalar {
                case 0x7C: // |
                    alternatives.append([])
                    index += 1
                    continue
                case 0x29: // )
                    return alternatives
                case 0x28: // (
                    index += 1
                    guard let inner = sequence(until: end), index < end, scalars[index] == 0x29 else { return nil }
                    index += 1
                    if index < end, [0x2A, 0x2B, 0x3F, 0x7B].contains(scalars[index]) { return nil }  // quantified group
                    alternatives[alternatives.count - 1].append(Item(node: .group(inner)))
                    continue
                case 0x5B: // [
                    guard let ranges = characterClass(until: end) else { return nil }
                    alternatives[alternatives.count - 1].append(quantified(.scalars(ranges), until: end))
                case 0x5C: // \
                    guard index + 1 < end, let escaped = escapedLiteral(scalars[index + 1]) else { return nil }
                    index += 2
                    alternatives[alternatives.count - 1].append(quantified(.scalars([escaped...escaped]), until: end))
                case 0x2E, 0x2A, 0x2B, 0x3F, 0x7B, 0x7D, 0x5E, 0x24, 0x5D: // . * + ? { } ^ $ ]
                    return nil
                default:
                    index += 1
                    alternatives[alternatives.count - 1].append(quantified(.scalars([scalar...scalar]), until: end))
                }
                if alternatives[alternatives.count - 1].last?.min == -1 { return nil }
            }
            return alternatives
        }

        private func escapedLiteral(_ scalar: UInt32) -> UInt32? {
            // Only punctuation escapes: \d, \w, \s and friends are not in the subset.
            let punctuation: Set<UInt32> = Set("\\.-/^$[](){}|*+?".unicodeScalars.map(\.value))
            return punctuation.contains(scalar) ? scalar : nil
        }

        /// `[...]` with literals and ranges; index ends after `]`.
        private mutating func characterClass(until end: Int) -> [ClosedRange<UInt32>]? {
            index += 1
            guard index < end, scalars[index] != 0x5E /* negation */ else { return nil }
            var ranges: [ClosedRange<UInt32>] = []
            while index < end, scalars[index] != 0x5D {
                var low = scalars[index]
                if low == 0x5C {
                    guard index + 1 < end, let escaped = escapedLiteral(scalars[index + 1]) else { return nil }
                    low = escaped
                    index += 1
                }
                index += 1
                if index + 1 < end, scalars[index] == 0x2D /* - */, scalars[index + 1] != 0x5D {
                    let high = scalars[index + 1]
                    guard high >= low, high != 0x5C else { return nil }
                    ranges.append(low...high)
                    index += 2
                } else {
                    ranges.append(low...low)
                }
            }
            guard index < end, !ranges.isEmpty else { return nil }
            index += 1
            return ranges
        }

        /// The node with the quantifier that follows it, if any; min -1 marks a malformed one.
        private mutating func quantified(_ node: Node, until end: Int) -> Item {
            guard index < end else { return Item(node: node) }
            switch scalars[index] {
            case 0x3F: index += 1; return Item(node: node, min: 0, max: 1)
            case 0x2A: index += 1; return Item(node: node, min: 0, max: Int.max)
            case 0x2B: index += 1; return Item(node: node, min: 1, max: Int.max)
            case 0x7B:
                guard let close = scalars[index...].firstIndex(of: 0x7D), close < end else { return Item(node: node, min: -1) }
                let body = String(String.UnicodeScalarView(scalars[(index + 1)..<close].compactMap(Unicode.Scalar.init)))
                index = close + 1
                let parts = body.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
                if parts.count == 1, let n = parts[0] { return Item(node: node, min: n, max: n) }
                if parts.count == 2, let m = parts[0], let n = parts[1], m <= n { return Item(node: node, min: m, max: n) }
                return Item(node: node, min: -1)
            default:
                return Item(node: node)
            }
        }
    }
}
