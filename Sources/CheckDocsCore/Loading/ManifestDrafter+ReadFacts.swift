/// How `init` drafts the facts it read from a document (docs/manifest.md, "init";
/// docs/inspection.md, "Facts read from documents"): a reading that decides becomes the entry's
/// value, with its evidence in a comment; what OCR read of a field a deciding class fills, but
/// not surely enough to decide (`FactDecisions`), is drafted commented out, with its evidence,
/// for the applicant to confirm and uncomment. Nothing here decides anything `check` would not.
extension ManifestDrafter {
    /// Whether a reading is drafted: it decides, or it is an OCR reading of a field some deciding
    /// class fills (an expiry, a date, a result).
    static func isDrafted(_ fact: ReadFact) -> Bool {
        if fact.use == .decides { return true }
        guard fact.method == .ocr, fact.use == .hint, FactDecisions.row(fact.fact).decides,
              let field = FactDecisions.row(fact.fact).field else { return false }
        return DocumentFactReading.decidableFields.contains(field) && fact.value.fieldText != nil
    }

    /// The entry's lines for its read facts: one value per field that a reading decided, then one
    /// commented line per field OCR read but did not decide.
    static func readFactLines(_ facts: [ReadFact]) -> [String] {
        var lines: [String] = []
        var drafted = Set<String>()
        for fact in facts where fact.use == .decides {
            guard let field = FactDecisions.row(fact.fact).field, drafted.insert(field).inserted, let value = fact.value.fieldText else { continue }
            lines.append("    \(field): \"\(value)\"  # \(evidence(of: fact))")
        }
        var hints: [String: [ReadFact]] = [:]
        var order: [String] = []
        for fact in facts where fact.use != .decides {
            guard let field = FactDecisions.row(fact.fact).field, !drafted.contains(field), fact.value.fieldText != nil else { continue }
            if hints[field] == nil { order.append(field) }
            hints[field, default: []].append(fact)
        }
        for field in order {
            var readings = hints[field] ?? []
            // As for a deciding reading: a lab report's collection date over its issue date.
            if field == "date", readings.contains(where: { $0.fact == .collectionDate }) {
                readings = readings.filter { $0.fact != .issueDate }
            }
            var values: [String] = []
            for reading in readings {
                if let value = reading.value.fieldText, !values.contains(value) { values.append(value) }
            }
            guard let first = readings.first, let value = values.first else { continue }
            if values.count == 1 {
                lines.append("    # \(field): \"\(value)\"  # \(evidence(of: first)); OCR is not sure enough to decide: confirm, then uncomment")
            } else {
                let read = values.map { "\"\($0)\"" }.joined(separator: ", ")
                lines.append("    # \(field): \"\(value)\"  # OCR read \(values.count) different values (\(comment(read))) from page \(first.page): keep the right one, then uncomment")
            }
        }
        return lines
    }

    /// "read from page 1 of its text: "…"", "read from page 1's MRZ (check digits verified): "…"",
    /// "read from page 1 by OCR: "…"": the page, the method and the line read.
    static func evidence(of fact: ReadFact) -> String {
        let line = comment(quote(fact.evidence))
        switch fact.method {
        case .textLayer, .manifest: return "read from page \(fact.page) of its text: \(line)"
        case .mrz: return "read from page \(fact.page)'s MRZ (check digits verified): \(line)"
        case .ocr: return "read from page \(fact.page) by OCR: \(line)"
        }
    }
}
