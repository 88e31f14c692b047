/// Where a fact read from a document decides a requirement, the requirement's message says so,
/// with the evidence: "expiry date 2032-05-19 (read from Passport scan.pdf, page 1, text layer)"
/// (docs/reports.md, "Facts read from documents").
///
/// Where a file's facts could not be read (its worker timed out or crashed), a requirement left
/// `not-evaluable` with that file says so too: "… — Passport scan.png could not be read:
/// inspection failed: timeout (…)", so the user is not only asked to type the fact in.
enum FactEvidence {
    static func annotate(_ result: ProgramResult, decided: [FilePath: [ReadFact]], unread: [FilePath: String] = [:]) -> ProgramResult {
        guard !decided.isEmpty || !unread.isEmpty else { return result }
        var result = result
        for index in result.requirements.indices {
            let requirement = result.requirements[index]
            guard requirement.category == .document, requirement.status != .notApplicable, requirement.status != .missing else { continue }
            var seen = Set<String>()
            var notes = requirement.files.flatMap { decided[$0] ?? [] }.compactMap { fact -> String? in
                let note = fact.note
                return seen.insert(note).inserted ? note : nil
            }
            if requirement.status == .notEvaluable {
                notes += requirement.files.compactMap { file in
                    unread[file].map { "\(file.lastComponentDescription) could not be read: \($0)" }
                }
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
