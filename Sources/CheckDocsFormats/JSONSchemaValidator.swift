import Foundation
import CheckDocsNative

/// Validates a JSONValue against the subset of JSON Schema 2020-12 that checkdocs' own schemas use
/// (type, properties, required, additionalProperties, enum, const, pattern, format "date", bounds,
/// items, oneOf, $ref into $defs). Running the shipped schema file itself keeps the JSON rules and
/// the documentation the same thing. Every error carries a JSON Pointer.
public final class JSONSchemaValidator: @unchecked Sendable {
    public struct Violation: Hashable, Sendable {
        public var pointer: String
        public var message: String
    }

    /// One schema object with its keywords looked up once: validation runs for every value of
    /// every description, and searching the schema's members each time cost more than the rest.
    private final class Node {
        var reference: String?
        var oneOf: [Node]?
        var types: [String]?
        var constant: JSONValue?
        var options: [JSONValue]?
        var minLength: Int?
        var maxLength: Int?
        var pattern: (text: String, compiled: SchemaPattern)?
        var isDate = false
        var minimum: JSONValue?
        var maximum: JSONValue?
        var minItems: Int?
        var maxItems: Int?
        var items: Node?
        var required: [String] = []
        var maxProperties: Int?
        var properties: Properties?
        /// Property names in schema order, for "did you mean".
        var knownKeys: [String] = []
        var closed = false
        var additional: Node?
    }

    /// A schema's properties in its order, found by a search of the list: the shipped schemas
    /// have at most 22 in an object, and two equal short names (up to 15 bytes, stored inline)
    /// compare as two words, where a `[String: Node]` hashed every key of every object with
    /// SipHash, about 390 instructions a look-up and a quarter of validating a JSON description
    /// (docs/performance.md, "JSON descriptions").
    private struct Properties {
        private let entries: [(name: String, node: Node)]

        /// The schema's `properties` (its keys are distinct: the parser refuses a repeated key).
        init(_ entries: [(name: String, node: Node)]) { self.entries = entries }

        subscript(name: String) -> Node? {
            for index in entries.indices where entries[index].name == name { return entries[index].node }
            return nil
        }
    }

    private let root: Node
    /// "#/$defs/x" → the node it names.
    private let references: [String: Node]

    /// What a string of `"format": "date"` is: the product's own calendar and accepted range
    /// decide (docs/format.md, "Dates and durations"), so the schemas and the loaders accept the same
    /// dates.
    public enum DateVerdict: Sendable {
        case accepted
        case notADate
        /// In the form YYYY-MM-DD, but no day of the calendar ("2027-02-30"): saying its form is
        /// wrong would send the writer looking for a typo in the form.
        case notADay
        /// A real date outside the accepted range, with the message that says so.
        case outOfRange(String)
    }

    private let date: @Sendable (String) -> DateVerdict

    public init(schema: JSONValue, date: @escaping @Sendable (String) -> DateVerdict) {
        self.date = date
        var references: [String: Node] = [:]
        var targets: [String: JSONValue] = [:]
        func compile(_ value: JSONValue) -> Node {
            let node = Node()
            guard case let .object(members) = value else { return node }
            for member in members {
                let child = member.value
                switch member.key {
                case "$ref":
                    if let reference = child.stringValue, reference.hasPrefix("#/") {
                        node.reference = reference
                        if targets[reference] == nil {
                            var target: JSONValue? = schema
                            for token in reference.dropFirst(2).split(separator: "/") { target = target?[String(token)] }
                            targets[reference] = target ?? .object([])
                        }
                    }
                case "oneOf": node.oneOf = child.arrayValue?.map(compile)
                case "type": node.types = child.arrayValue?.compactMap(\.stringValue) ?? [child.stringValue ?? ""]
                case "const": node.constant = child
                case "enum": node.options = child.arrayValue
                case "minLength": node.minLength = child.intValue
                case "maxLength": node.maxLength = child.intValue
                case "pattern":
                    if let text = child.stringValue, let compiled = SchemaPattern(text) { node.pattern = (text, compiled) }
                case "format": node.isDate = child.stringValue == "date"
                case "minimum": node.minimum = child.doubleValue != nil ? child : nil
                case "maximum": node.maximum = child.doubleValue != nil ? child : nil
                case "minItems": node.minItems = child.intValue
                case "maxItems": node.maxItems = child.intValue
                case "items": node.items = compile(child)
                case "required": node.required = child.arrayValue?.compactMap(\.stringValue) ?? []
                case "maxProperties": node.maxProperties = child.intValue
                case "properties":
                    node.properties = Properties((child.members ?? []).map { (name: $0.key, node: compile($0.value)) })
                    node.knownKeys = child.members?.map(\.key).filter { !$0.hasPrefix("$") } ?? []
                case "additionalProperties":
                    if child == .bool(false) { node.closed = true } else if child.members != nil { node.additional = compile(child) }
                default: break
                }
            }
            return node
        }
        root = compile(schema)
        // Targets can name further targets: compile until none is new.
        while let (reference, target) = targets.first(where: { references[$0.key] == nil }) {
            references[reference] = compile(target)
        }
        self.references = references
    }

    public func validate(_ instance: JSONValue) -> [Violation] {
        var violations: [Violation] = []
        // A valid value (nearly every one) is found valid blind, without a pointer or message made
        // for any of its values; the messages are worked out only for a value that has violations.
        check(instance, against: root, at: "", detailed: false, blind: true, into: &violations)
        if violations.isEmpty { return [] }
        violations.removeAll()
        check(instance, against: root, at: "", detailed: true, into: &violations)
        return violations
    }

    private func resolve(_ node: Node) -> Node {
        var current = node
        var hops = 0
        while let reference = current.reference, hops < 32 {
            guard let target = references[reference] else { return current }
            current = target
            hops += 1
        }
        return current
    }

    /// `detailed: false` while trying the alternatives of a oneOf: the messages of the branches
    /// that lose are thrown away, so "did you mean" is not worked out for them.
    /// `blind`: only whether there is a violation matters (`matchesExactlyOne`), so no pointer is
    /// built and the check stops at the first violation.
    private func check(_ value: JSONValue, against rawSchema: Node, at pointer: String, detailed: Bool, blind: Bool = false,
                       into violations: inout [Violation]) {
        let schema = resolve(rawSchema)
        let before = violations.count

        if let alternatives = schema.oneOf {
            checkOneOf(value, alternatives, at: pointer, detailed: detailed, blind: blind, into: &violations)
            return
        }
        if let allowed = schema.types {
            let actual = value.typeName
            let ok = allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))
            if !ok {
                // YAML reads a bare NO (Norway's code), yes, on or off as a boolean.
                let quote = actual == "boolean" && allowed.contains("string") ? " (in YAML, quote a word such as NO, yes or off to keep it text)" : ""
                violations.append(Violation(pointer: pointer, message: "expected \(allowed.joined(separator: " or ")), found \(describe(value))" + quote))
                return
            }
        }
        if let constant = schema.constant, !constant.isSameValue(as: value) {
            violations.append(Violation(pointer: pointer, message: "must be \(render(constant))"))
        }
        if let options = schema.options, !options.contains(where: { $0.isSameValue(as: value) }) {
            violations.append(Violation(pointer: pointer, message: "\(render(value)) is not one of: \(options.map(render).joined(separator: ", "))"))
        }
        switch value {
        case let .string(text):
            // JSON Schema counts a string's length in code points, as XSD does: Swift's `count`
            // (grapheme clusters) would let a flag or an accented letter count once for two.
            // A string of n UTF-8 bytes has between n/4 (rounded up) and n code points: they are
            // counted only when that range reaches a bound.
            let bytes = text.utf8.count
            let surelyLongEnough = schema.minLength.map { (bytes + 3) / 4 >= $0 } ?? true
            let surelyShortEnough = schema.maxLength.map { bytes <= $0 } ?? true
            if !(surelyLongEnough && surelyShortEnough) {
                let length = text.unicodeScalars.count
                if let minLength = schema.minLength, length < minLength {
                    violations.append(Violation(pointer: pointer, message: minLength == 1 ? "must not be empty" : "shorter than \(minLength) characters"))
                }
                if let maxLength = schema.maxLength, length > maxLength {
                    violations.append(Violation(pointer: pointer, message: "longer than \(maxLength) characters"))
                }
            }
            // A date is worded as one, once: a real date the pattern refuses is outside the
            // accepted years, and a text that is no date says that, not the date pattern's regex.
            let verdict = schema.isDate ? date(text) : nil
            if let pattern = schema.pattern, !pattern.compiled.matches(text) {
                switch verdict {
                case let .outOfRange(message)?: violations.append(Violation(pointer: pointer, message: message))
                case .notADate?, .notADay?: break
                case .accepted?, nil:
                    violations.append(Violation(pointer: pointer, message: "\(render(value)) does not have the expected form (\(pattern.text))"))
                }
            }
            switch verdict {
            case .notADate?: violations.append(Violation(pointer: pointer, message: DateWording.refusal(render(value), inForm: false)))
            case .notADay?: violations.append(Violation(pointer: pointer, message: DateWording.refusal(render(value), inForm: true)))
            case .accepted?, .outOfRange?, nil: break
            }
        case let .number(number, _):
            if let minimum = schema.minimum, let bound = minimum.doubleValue, number < bound {
                violations.append(Violation(pointer: pointer, message: "\(render(value)) is below the minimum \(render(minimum))"))
            }
            if let maximum = schema.maximum, let bound = maximum.doubleValue, number > bound {
                violations.append(Violation(pointer: pointer, message: "\(render(value)) is above the maximum \(render(maximum))"))
            }
        case let .array(items):
            if let minItems = schema.minItems, items.count < minItems {
                violations.append(Violation(pointer: pointer, message: "needs at least \(minItems) item\(minItems == 1 ? "" : "s")"))
            }
            if let maxItems = schema.maxItems, items.count > maxItems {
                violations.append(Violation(pointer: pointer, message: "has \(items.count) items; at most \(maxItems) allowed"))
            }
            if let itemSchema = schema.items {
                for (offset, item) in items.enumerated() {
                    check(item, against: itemSchema, at: blind ? pointer : JSONPointer.appending(pointer, offset), detailed: detailed,
                          blind: blind, into: &violations)
                    if blind, violations.count > before { return }
                }
            }
        case let .object(members):
            for required in schema.required where !members.contains(where: { $0.key == required }) {
                violations.append(Violation(pointer: pointer, message: "missing required key \"\(required)\""))
            }
            // Trying an alternative of a oneOf: a missing key already rules it out.
            if !detailed, violations.count > before { return }
            if let maxProperties = schema.maxProperties, members.count > maxProperties {
                violations.append(Violation(pointer: pointer, message: "has \(members.count) keys; at most \(maxProperties) allowed"))
            }
            for member in members {
                if blind, violations.count > before { return }
                let memberPointer = blind ? pointer : JSONPointer.appending(pointer, member.key)
                if let propertySchema = schema.properties?[member.key] {
                    check(member.value, against: propertySchema, at: memberPointer, detailed: detailed, blind: blind, into: &violations)
                } else if schema.closed {
                    let suggestion = detailed ? Suggestion.didYouMean(member.key, in: schema.knownKeys) : ""
                    violations.append(Violation(pointer: memberPointer, message: "unknown key \"\(member.key)\"\(suggestion)"))
                } else if let additional = schema.additional {
                    check(member.value, against: additional, at: memberPointer, detailed: detailed, blind: blind, into: &violations)
                }
            }
        default:
            break
        }
    }

    /// Exactly one alternative must match. When none does, report the errors of the alternative
    /// that came closest (fewest errors at this level), which is the one the author meant.
    private func checkOneOf(_ value: JSONValue, _ alternatives: [Node], at pointer: String, detailed: Bool, blind: Bool,
                            into violations: inout [Violation]) {
        if matchesExactlyOne(value, alternatives) { return }
        if blind {
            return violations.append(Violation(pointer: pointer, message: "does not match exactly one allowed form"))
        }
        var best: (alternative: Node, violations: [Violation])?
        var bestScore = (Int.max, Int.max, Int.max)
        var matches = 0
        for alternative in alternatives {
            var local: [Violation] = []
            check(value, against: alternative, at: pointer, detailed: false, into: &local)
            if local.isEmpty {
                matches += 1
                continue
            }
            let shallow = local.filter { $0.pointer == pointer || isUnknownKeyAt(pointer, $0) }.count
            // A key whose `const` differs (a window's "unit") says another form was meant: one
            // form per unit must report the bound of the unit given, not that the unit is wrong.
            let otherForm = local.contains { isConstMismatchAt(pointer, $0) } ? 1 : 0
            let score = (otherForm, shallow, local.count)
            if score < bestScore {
                bestScore = score
                best = (alternative, local)
            }
        }
        if matches == 1 { return }
        if matches > 1 {
            violations.append(Violation(pointer: pointer, message: "matches more than one form; use exactly one of the alternatives"))
            return
        }
        guard let best else {
            return violations.append(Violation(pointer: pointer, message: "does not match any allowed form"))
        }
        // Every form wants another value at the same key: name them all, not the first form's.
        if bestScore.0 == 1, let mismatch = best.violations.first(where: { isConstMismatchAt(pointer, $0) }) {
            let key = String(mismatch.pointer.dropFirst(pointer.count + 1))
            let allowed = alternatives.compactMap { resolve($0).properties?[key].flatMap { resolve($0).constant } }
            if allowed.count == alternatives.count, let given = value[key] {
                violations.append(Violation(pointer: mismatch.pointer,
                                            message: "\(render(given)) is not one of: \(allowed.map(render).joined(separator: ", "))"))
                return
            }
        }
        // The closest alternative again, with every message in full.
        if detailed {
            check(value, against: best.alternative, at: pointer, detailed: true, into: &violations)
        } else {
            violations.append(contentsOf: best.violations)
        }
    }

    /// The valid description's path through a oneOf, without the losing alternatives' messages
    /// and pointers: an alternative whose required keys the object lacks cannot match, so only the
    /// others are checked, blind (to their first violation), and the answer is yes when exactly
    /// one of them has none. When it is no (no form, or more than one), `checkOneOf` works out
    /// its messages from the start. Wording every losing form's violations, and the pointers of
    /// every value checked in them, cost a third of loading a JSON program (docs/performance.md,
    /// "Start-up").
    private func matchesExactlyOne(_ value: JSONValue, _ alternatives: [Node]) -> Bool {
        var matched = false
        for alternative in alternatives {
            let schema = resolve(alternative)
            if schema.oneOf == nil, case let .object(members) = value,
               schema.required.contains(where: { key in !members.contains { $0.key == key } }) {
                continue
            }
            var local: [Violation] = []
            check(value, against: alternative, at: "", detailed: false, blind: true, into: &local)
            if local.isEmpty {
                if matched { return false }
                matched = true
            }
        }
        return matched
    }

    private func isConstMismatchAt(_ pointer: String, _ violation: Violation) -> Bool {
        violation.message.hasPrefix("must be ") && violation.pointer.hasPrefix(pointer + "/")
            && !violation.pointer.dropFirst(pointer.count + 1).contains("/")
    }

    private func isUnknownKeyAt(_ pointer: String, _ violation: Violation) -> Bool {
        violation.message.hasPrefix("unknown key") && violation.pointer.hasPrefix(pointer + "/")
            && !violation.pointer.dropFirst(pointer.count + 1).contains("/")
    }

    private func describe(_ value: JSONValue) -> String {
        switch value {
        case .object, .array, .null: return value.typeName
        default: return "\(value.typeName) \(render(value))"
        }
    }

    private func render(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case let .bool(flag): return flag ? "true" : "false"
        case let .number(_, text): return text
        case let .string(text): return "\"" + String(text.prefix(80)) + (text.count > 80 ? "…" : "") + "\""
        case .array: return "[...]"
        case .object: return "{...}"
        }
    }
}
