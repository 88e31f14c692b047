import CheckDocsFormats

/// How every format names the files a requirement considered and did not count (docs/reports.md,
/// "candidates"), so that a count that is partly met never hides why the other files fail.
extension RequirementResult {
    /// The files that did not count, each with why, but for the one the message already names.
    public var uncountedCandidates: [CandidateFile] {
        // The file read once: a reason is made on every read (`ReasonData`).
        let named = self.reasonData?.file
        return self.candidates.filter { !$0.counted && $0.path != named }
    }

    /// "LoR - Dr Baker.pdf: the PDF is password-protected: …", one per file that did not count.
    public var uncountedLines: [String] {
        uncountedCandidates.map { "\($0.path): \($0.sentence ?? "it does not count")" }
    }
}

extension CandidateFile {
    /// `{"path": …, "counted": …, "reason": {…}, "message": …}` for the JSON and SARIF reports.
    var json: JSONValue {
        var members = [JSONMember(key: "path", value: .string(path.jsonText)), JSONMember(key: "counted", value: .bool(counted))]
        if let reason { members.append(JSONMember(key: "reason", value: JSONReporter.json(reason))) }
        if let sentence { members.append(JSONMember(key: "message", value: .string(sentence))) }
        return .object(members)
    }
}

extension ChoiceToMake {
    var json: JSONValue {
        .object([
            JSONMember(key: "documentType", value: .string(documentType)),
            JSONMember(key: "max", value: .number(Double(max), String(max))),
            JSONMember(key: "found", value: .number(Double(found), String(found))),
        ])
    }
}
