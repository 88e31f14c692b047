import CheckDocsFormats

extension BatchSummary {
    /// One JSON object per line: folder, result, the counts, waivers, and the input errors as text.
    public static func ndjson(_ outcomes: [FolderOutcome]) -> String {
        var out: [UInt8] = []
        for outcome in outcomes {
            var members: [JSONMember] = [JSONMember(key: "folder", value: .string(outcome.folder)),
                                         JSONMember(key: "result", value: .string(outcome.result.rawValue))]
            if outcome.result != .error {
                members += zip(columns, counts(outcome)).map { JSONMember(key: $0, value: .number(Double($1), String($1))) }
            }
            if let waivers = outcome.waivers {
                members.append(JSONMember(key: "expiredWaivers", value: .number(Double(waivers.expired.count), String(waivers.expired.count))))
                members.append(JSONMember(key: "unusedWaivers", value: .number(Double(waivers.unused.count), String(waivers.unused.count))))
            }
            members.append(JSONMember(key: "errors", value: .array(outcome.errors.map { .string($0.description) })))
            out.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONWriter.escape(member.key, into: &out)
                out.append(UInt8(ascii: ":"))
                if case let .array(items) = member.value {
                    out.append(UInt8(ascii: "["))
                    for (offset, item) in items.enumerated() {
                        if offset > 0 { out.append(UInt8(ascii: ",")) }
                        JSONWriter.write(item, indent: 0, into: &out)
                    }
                    out.append(UInt8(ascii: "]"))
                } else {
                    JSONWriter.write(member.value, indent: 0, into: &out)
                }
            }
            out.append(contentsOf: "}\n".utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension OutputFormat {
    /// `--summary ndjson`.
    public static let summaryNDJSON = OutputFormat(id: "ndjson", fileExtension: "ndjson", purpose: "the batch summary, one JSON object per line",
                                                   make: .summary { BatchSummary.ndjson($0.outcomes) })
}
