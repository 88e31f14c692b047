/// Where a fact read from a document decides a requirement, the requirement's message says so,
/// with the evidence: "expiry date 2032-05-19 (read from Passport scan.pdf, page 1, text layer)"
/// (docs/reports.md, "Facts read from documents").
enum FactEvidence {
    static func annotate(_ result: ProgramResult, decided: [FilePath: [ReadFact]]) -> ProgramResult {
        guard !decided.isEmpty else { return result }
        var result = result
        for index in result.requirements.indices {
            let requirement = result.requirements[index]
            guard requirement.category == .document, requirement.status != .notApplicable, requirement.status != .missing else { continue }
            var seen = Set<String>()
            let notes = requirement.files.flatMap { decided[$0] ?? [] }.compactMap { fact -> String? in
                let note = fact.note
                return seen.insert(note).inserted ? note : nil
            }
            guard !notes.isEmpty else { continue }
            let evidence = notes.joined(separator: "; ")
            result.requirements[index].message = requirement.message.isEmpty ? "decided with " + evidence
                : requirement.message + " — " + evidence
        }
        return result
    }
}

extension ReadFact {
    /// "valid through 2031-01-01 (read from Passport scan.pdf, page 1, text layer)".
    public var note: String { "\(fact.title) \(value.description) (\(source))" }
}
