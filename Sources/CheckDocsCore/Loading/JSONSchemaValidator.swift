import Foundation

/// Validates a JSONValue against the subset of JSON Schema 2020-12 that checkdocs' own schemas use
/// (type, properties, required, additionalProperties, enum, const, pattern, format "date", bounds,
/// items, oneOf, $ref into $defs). Running the shipped schema file itself keeps the JSON rules and
/// the documentation the same thing. Every error carries a JSON Pointer.
public final class JSONSchemaValidator: @unchecked Sendable {
    public struct Violation: Hashable, Sendable {
        public var pointer: String
        public var message: String
    }

    private let root: JSONValue
    private let patterns: [String: SchemaPattern]
    /// "#/$defs/x" → the schema it names, looked up once.
    private let references: [String: JSONValue]

    public init(schema: JSONValue) {
        root = schema
        var compiled: [String: SchemaPattern] = [:]
        var references: [String: JSONValue] = [:]
        func collect(_ value: JSONValue) {
            switch value {
            case let .object(members):
                for member in members {
                    if member.key == "pattern", let text = member.value.stringValue,
                       let pattern = SchemaPattern(text) { compiled[text] = pattern }
                    if member.key == "$ref", let reference = member.value.stringValue, reference.hasPrefix("#/") {
                        var target: JSONValue? = schema
                        for token in reference.dropFirst(2).split(separator: "/") { target = target?[String(token)] }
                        references[reference] = target ?? .object([])
                    }
                    collect(member.value)
                }
            case let .array(items): items.forEach(collect)
            default: break
            }
        }
        collect(schema)
        patterns = compiled
        self.references = references
    }

    public func validate(_ instance: JSONValue) -> [Violation] {
        var violations: [Violation] = []
        check(instance, against: root, at: "", detailed: true, into: &violations)
        return violations
    }

    private func resolve(_ schema: JSONValue) -> JSONValue {
        var current = schema
        var hops = 0
        while let reference = current["$ref"]?.stringValue, hops < 32 {
            guard let target = references[reference] else { return current }
            current = target
            hops += 1
        }
        return current
    }

    /// `detailed: false` while trying the alternatives of a oneOf: the messages of the branches
    /// that lose are thrown away, so "did you mean" is not worked out for them.
    private func check(_ value: JSONValue, against rawSchema: JSONValue, at pointer: String, detailed: Bool, into violations: inout [Violation]) {
        let schema = resolve(rawSchema)
        let before = violations.count

        if let alternatives = schema["oneOf"]?.arrayValue {
            checkOneOf(value, alternatives, at: pointer, detailed: detailed, into: &violations)
            return
        }
        if let type = schema["type"] {
            let allowed = type.arrayValue?.compactMap(\.stringValue) ?? [type.stringValue ?? ""]
            let actual = value.typeName
            let ok = allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))
            if !ok {
                violations.append(Violation(pointer: pointer, message: "expected \(allowed.joined(separator: " or ")), found \(describe(value))"))
                return
            }
        }
        if let constant = schema["const"], constant != value {
            violations.append(Violation(pointer: pointer, message: "must be \(render(constant))"))
        }
        if let options = schema["enum"]?.arrayValue, !options.contains(value) {
            violations.append(Violation(pointer: pointer, message: "\(render(value)) is not one of: \(options.map(render).joined(separator: ", "))"))
        }
        switch value {
        case let .string(text):
            if let minLength = schema["minLength"]?.intValue, text.count < minLength {
                violations.append(Violation(pointer: pointer, message: minLength == 1 ? "must not be empty" : "shorter than \(minLength) characters"))
            }
            if let maxLength = schema["maxLength"]?.intValue, text.count > maxLength {
                violations.append(Violation(pointer: pointer, message: "longer than \(maxLength) characters"))
            }
            if let pattern = schema["pattern"]?.stringValue, let compiled = patterns[pattern] {
                if !compiled.matches(text) {
                    violations.append(Violation(pointer: pointer, message: "\(render(value)) does not have the expected form (\(pattern))"))
                }
            }
            if schema["format"]?.stringValue == "date", CalendarDate(iso: text) == nil {
                violations.append(Violation(pointer: pointer, message: "\(render(value)) is not a date in the form YYYY-MM-DD"))
            }
        case let .number(number, _):
            if let minimum = schema["minimum"]?.doubleValue, number < minimum {
                violations.append(Violation(pointer: pointer, message: "\(render(value)) is below the minimum \(render(schema["minimum"]!))"))
            }
            if let maximum = schema["maximum"]?.doubleValue, number > maximum {
                violations.append(Violation(pointer: pointer, message: "\(render(value)) is above the maximum \(render(schema["maximum"]!))"))
            }
        case let .array(items):
            if let minItems = schema["minItems"]?.intValue, items.count < minItems {
                violations.append(Violation(pointer: pointer, message: "needs at least \(minItems) item\(minItems == 1 ? "" : "s")"))
            }
            if let maxItems = schema["maxItems"]?.intValue, items.count > maxItems {
                violations.append(Violation(pointer: pointer, message: "has \(items.count) items; at most \(maxItems) allowed"))
            }
            if let itemSchema = schema["items"] {
                for (offset, item) in items.enumerated() {
                    check(item, against: itemSchema, at: JSONPointer.appending(pointer, offset), detailed: detailed, into: &violations)
                }
            }
        case let .object(members):
            let properties = schema["properties"]
            for required in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
            where !members.contains(where: { $0.key == required }) {
                violations.append(Violation(pointer: pointer, message: "missing required key \"\(required)\""))
            }
            // Trying an alternative of a oneOf: a missing key already rules it out.
            if !detailed, violations.count > before { return }
            if let maxProperties = schema["maxProperties"]?.intValue, members.count > maxProperties {
                violations.append(Violation(pointer: pointer, message: "has \(members.count) keys; at most \(maxProperties) allowed"))
            }
            let additional = schema["additionalProperties"]
            for member in members {
                let memberPointer = JSONPointer.appending(pointer, member.key)
                if let propertySchema = properties?[member.key] {
                    check(member.value, against: propertySchema, at: memberPointer, detailed: detailed, into: &violations)
                } else if additional == .bool(false) {
                    let known = properties?.members?.map(\.key).filter { !$0.hasPrefix("$") } ?? []
                    let suggestion = detailed ? Suggestion.didYouMean(member.key, in: known) : ""
                    violations.append(Violation(pointer: memberPointer, message: "unknown key \"\(member.key)\"\(suggestion)"))
                } else if let additional, additional.members != nil {
                    check(member.value, against: additional, at: memberPointer, detailed: detailed, into: &violations)
                }
            }
        default:
            break
        }
    }

    /// Exactly one alternative must match. When none does, report the errors of the alternative
    /// that came closest (fewest errors at this level), which is the one the author meant.
    private func checkOneOf(_ value: JSONValue, _ alternatives: [JSONValue], at pointer: String, detailed: Bool, into violations: inout [Violation]) {
        var best: (alternative: JSONValue, violations: [Violation])?
        var bestScore = (Int.max, Int.max)
        var matches = 0
        for alternative in alternatives {
            var local: [Violation] = []
            check(value, against: alternative, at: pointer, detailed: false, into: &local)
            if local.isEmpty {
                matches += 1
                continue
            }
            let shallow = local.filter { $0.pointer == pointer || isUnknownKeyAt(pointer, $0) }.count
            let score = (shallow, local.count)
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
        // The closest alternative again, with every message in full.
        if detailed {
            check(value, against: best.alternative, at: pointer, detailed: true, into: &violations)
        } else {
            violations.append(contentsOf: best.violations)
        }
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

/// "Did you mean" for misspelled keys, ids and types.
public enum Suggestion {
    /// " (did you mean "x"?)" for the closest candidate, or "" when none is close.
    public static func didYouMean(_ word: String, in candidates: [String]) -> String {
        closest(to: word, in: candidates).map { " (did you mean \"\($0)\"?)" } ?? ""
    }

    static func closest(to word: String, in candidates: [String]) -> String? {
        let target = Array(word.lowercased())
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased()))
            if distance <= max(2, target.count / 3), distance < target.count, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        return best?.0
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
