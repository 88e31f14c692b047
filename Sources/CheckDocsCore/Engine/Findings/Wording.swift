import CheckDocsNative

/// The small pieces the sentences and rule descriptions are made of.
enum Wording {
    /// "12 months", "1 year".
    static func amount(_ count: Int, _ unit: DurationUnit) -> String {
        ByteBuffer.string(capacity: 24) { $0.append(amount: count, unit) }
    }

    static func pages(_ count: Int) -> String { count == 1 ? "1 page" : "\(count) pages" }
    static func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }

    /// 12,345.
    static func number(_ value: Int) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0, digit != "-", digits[index - 1] != "-" { out.append(",") }
            out.append(digit)
        }
        return out
    }

    /// "1.2 MB", or the exact byte count when the rounded sizes would read the same.
    static func size(_ bytes: Int64, beside other: Int64) -> String {
        let short = ByteCount.describe(bytes)
        return short == ByteCount.describe(other) ? "\(number(Int(bytes))) bytes" : short
    }

    /// "375 × 525 px", "any × 525 px".
    static func pixelSize(_ width: Int?, _ height: Int?) -> String {
        "\(width.map(String.init) ?? "any") × \(height.map(String.init) ?? "any") px"
    }

    /// A name as printed, quoted and escaped for the terminal.
    static func quote(_ name: String) -> String { "\"" + DisplayText.escape(name) + "\"" }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String], conjunction: String) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }

    /// A failing file's finding, and how many other candidates failed too.
    static func fileFailure(_ path: FilePath, _ sentence: String, othersFailing: Int) -> String {
        let others = othersFailing > 0
            ? " (and \(othersFailing) \(othersFailing == 1 ? "other file that does" : "other files that do") not qualify)" : ""
        return "\(path): \(sentence)\(others)"
    }

    static let dateUnknown = "its date is unknown (put it in the file name as YYYY-MM-DD or in the manifest)"
    static let optionalNone = "optional; none provided"
    static func satisfied(by count: Int) -> String {
        count < satisfiedWords.count ? satisfiedWords[count] : satisfiedWording(count)
    }
    /// Made once: every clause met says one of these, for every program evaluated.
    private static let satisfiedWords = (0..<64).map(satisfiedWording)
    private static func satisfiedWording(_ count: Int) -> String { "satisfied by \(count == 1 ? "1 file" : "\(count) files")" }
    /// More files count than one program takes: met, and the applicant chooses.
    static func choose(max: Int, found: Int, title: String) -> String {
        "satisfied: \(found) \(title) files count; at most \(max) can be assigned to one program — choose which \(max)"
    }
    /// After what a requirement found missing: the ambiguous files that may be it, whose type only
    /// the applicant can give (`combined`: the requirement names several documents).
    static func couldBe(_ files: [String], combined: Bool) -> String {
        let one = files.count == 1
        return "; " + list(files.map { "\"\($0)\"" }, conjunction: "and") + " may be " + (one ? "one" : "some") + (combined ? " of these" : "")
            + ": " + (one ? "its name fits" : "their names fit") + " several types, so give " + (one ? "its" : "each one's")
            + " `type:` in checkdocs.yaml"
    }
    static let allPartsSatisfied = "all parts satisfied"
    static let noAlternative = "no alternative given"
    /// What each failing clause of the alternatives says, each sentence once (two alternatives
    /// that both need a TB skin test say "no TB skin test found" once).
    static func noneOfTheAlternatives(_ clauseMessages: [String]) -> String {
        "none of the alternatives: " + distinct(clauseMessages).joined(separator: "; ")
    }
    static func failingParts(_ messages: [String]) -> String { distinct(messages).joined(separator: "; and ") }

    static func distinct(_ items: [String]) -> [String] {
        // A combination names a handful of sentences: each compared with those before it, and
        // the list itself handed on when none repeats (a set and a new list were made for each).
        guard items.count <= 16 else {
            var seen = Set<String>()
            return items.filter { seen.insert($0).inserted }
        }
        guard let first = items.indices.first(where: { index in items[..<index].contains(items[index]) }) else { return items }
        var kept = Array(items[..<first])
        for index in first..<items.count where !items[..<index].contains(items[index]) { kept.append(items[index]) }
        return kept
    }
}

/// The same pieces written into one buffer, for the sentences made once per candidate file of every
/// program (`ByteBuffer.string(capacity:_:)`; docs/performance.md, "Sentences in one buffer").
extension ByteBuffer {
    /// "12 months", "1 year" (`Wording.amount`).
    mutating func append(amount count: Int, _ unit: DurationUnit) {
        append(decimal: count)
        switch (unit, count == 1) {
        case (.days, false): append(" days")
        case (.days, true): append(" day")
        case (.months, false): append(" months")
        case (.months, true): append(" month")
        case (.years, false): append(" years")
        case (.years, true): append(" year")
        }
    }
}
