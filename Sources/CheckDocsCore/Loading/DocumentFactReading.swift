import CheckDocsNative

/// Facts read from documents, applied to the run (docs/inspection.md, "Facts read from
/// documents"). Reading happens only for typed PDFs whose requirements need a fact the manifest
/// lacks: a `validThrough` needs `expires`, a window or season needs `date`, a lab result needs
/// `result`, a titer `value`, a dose count `doses`. Each such PDF's pages 1…N are read in a
/// document worker, the text goes through `TextFactReader`, and a deciding fact (`FactDecisions`)
/// fills the empty manifest field. The manifest always wins; where it disagrees with a reading,
/// the reading says so (`manifestValue`).
struct DocumentFactReading {
    /// The facts read so far in this run, each file once.
    private(set) var facts: [ReadFact] = []
    /// The files whose facts could not be read, and why: a document worker that timed out,
    /// crashed or answered garbage, on the PDF's text or on a scan's OCR. A rule left without
    /// the fact says so (`FactEvidence`), rather than only asking for it in the manifest.
    private(set) var unread: [FilePath: String] = [:]
    private var readFiles: Set<FilePath> = []

    /// The manifest fields each constraint kind needs to decide.
    static func fieldsOfKind(_ kind: any DocumentConstraint.Type) -> [String] {
        switch kind {
        case is ValidThrough.Type: return ["expires"]
        case is ValidityWindow.Type, is ValidFrom.Type, is SeasonRule.Type: return ["date"]
        case is LabResultConstraint.Type: return ["result"]
        case is TiterThreshold.Type: return ["value"]
        case is DoseCount.Type: return ["doses"]
        default: return []
        }
    }

    /// Fields some deciding class may fill: reading for another field could only make hints.
    static let decidableFields = Set(FactDecisions.table.values.filter(\.decides).compactMap(\.field))

    /// The fields of each registered constraint kind that needs one some reading may decide.
    static let decidableFieldsByKind: [ObjectIdentifier: [String]] = {
        var table: [ObjectIdentifier: [String]] = [:]
        for kind in DocumentConstraintKinds.all {
            let fields = fieldsOfKind(kind).filter(decidableFields.contains)
            if !fields.isEmpty { table[ObjectIdentifier(kind)] = fields }
        }
        return table
    }()

    static func isMissing(_ field: String, in facts: DocumentFacts) -> Bool {
        switch field {
        case "expires": return facts.expires == nil
        case "date": return facts.date == nil && facts.doses.isEmpty
        // A document whose doses are given is a vaccination record: the result a titer
        // alternative asks for comes from another document, so it is not read for one.
        case "result": return facts.result == nil && facts.doses.isEmpty
        case "value": return facts.value == nil
        case "doses": return facts.doses.isEmpty && facts.date == nil
        default: return false
        }
    }

    /// The typed PDFs these programs need a fact from that the manifest lacks, not read yet;
    /// with `scans`, their JPEG and PNG scans too (read by OCR, docs/inspection.md, "Facts read
    /// from scans").
    func paths(for needs: ClauseNeeds, in context: EvaluationContext, scans: Bool = false) -> [FilePath] {
        var paths: [FilePath] = []
        var seen = Set<FilePath>()
        for (type, fields) in needs.decidableFields.sorted(by: { $0.key < $1.key }) {
            for document in context.documents(satisfying: type)
            where !readFiles.contains(document.path) && Self.isReadable(context.inspector?.contentType(of: document.path)?.format, scans: scans)
                && fields.contains(where: { Self.isMissing($0, in: document.facts) }) && seen.insert(document.path).inserted {
                paths.append(document.path)
            }
        }
        return paths
    }

    static func isReadable(_ format: FileFormat?, scans: Bool) -> Bool {
        format == .pdf || (scans && (format == .jpeg || format == .png))
    }

    /// Reads `paths` (in workers, on all cores) and applies what decides to `documents`. Returns
    /// whether any document changed. With `scans`, an image, or a PDF whose text layer is empty,
    /// is read by OCR: its MRZ (dates verified by check digits, as of `asOf`) and its text.
    mutating func read(_ paths: [FilePath], inspector: DocumentInspector, documents: inout [ApplicantDocument],
                       scans: ScanReader? = nil, asOf: CalendarDate? = nil) -> Bool {
        guard !paths.isEmpty else { return false }
        let wanted = Set(paths)
        var (cached, known): ([FilePath: [ReadFact]], [FilePath: ScanReader.Scan]) = ([:], [:])
        if let scans, let asOf {
            let types = Dictionary(documents.filter { wanted.contains($0.path) }.map { ($0.path, $0.type) }, uniquingKeysWith: { first, _ in first })
            (cached, known) = Self.remembered(paths, types: types, inspector: inspector, scans: scans, asOf: asOf)
        }
        let pdfs = paths.filter { inspector.contentType(of: $0)?.format == .pdf && cached[$0] == nil }
        inspector.inspect(pdfs.filter { known[$0] == nil }, pageTexts: true)
        var changed = false
        var ocr = ScanReader.Pages()
        var digests: [FilePath: String] = [:]
        if let scans, asOf != nil {
            let toScan = documents.filter { wanted.contains($0.path) && cached[$0.path] == nil }.compactMap { document -> ScanReader.Scan? in
                if let scan = known[document.path] { return scan }
                guard let format = inspector.contentType(of: document.path)?.format else { return nil }
                switch format {
                case .jpeg, .png: break
                case .pdf:
                    // A PDF is OCRed only when its text layer was read and holds no text.
                    guard let texts = inspector.facts(of: document.path)?.pdf?.pageTexts,
                          texts.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) else { return nil }
                default: return nil
                }
                guard let digest = inspector.digest(of: document.path, memo: scans.digests, limit: FileInspector.maxPDFBytes) else { return nil }
                return Self.scan(document.path, isPDF: format == .pdf, digest: digest, inspector: inspector)
            }
            digests = Dictionary(toScan.map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
            ocr = scans.read(toScan)
        }
        // Each document's pages are read on all cores (a pure function of the text); applied in order.
        let indices = documents.indices.filter { wanted.contains(documents[$0].path) }
        let before = documents
        let readings = indices.concurrentMap { index -> [ReadFact]? in
            let document = before[index]
            if let facts = cached[document.path] { return facts }
            if let pages = ocr.pages[document.path], let asOf {
                var others = Set<LabResult?>()
                var facts = pages.flatMap { page, text in
                    ScanFacts.read(text, page: page, file: document.path, documentType: document.type, asOf: asOf, otherResults: &others)
                }
                TextFactReader.lowerContradicted(&facts, by: others)
                // Kept only when every page was read: a page that failed may read next time.
                if ocr.complete.contains(document.path), let sha256 = digests[document.path] {
                    scans?.facts?.store(facts, sha256: sha256, documentType: document.type, asOf: asOf)
                }
                return facts
            } else if let pages = inspector.facts(of: document.path)?.pdf?.pageTexts {
                var others = Set<LabResult?>()
                var facts = pages.enumerated().flatMap { page, text in
                    TextFactReader.read(page: text, number: page + 1, file: document.path, documentType: document.type, otherResults: &others)
                }
                TextFactReader.lowerContradicted(&facts, by: others)
                // Kept too, under the PDF's digest, so the next run starts no worker for its text.
                if let scans, let asOf, let cache = scans.facts,
                   let digest = inspector.digest(of: document.path, memo: scans.digests, limit: FileInspector.maxPDFBytes) {
                    cache.store(facts, sha256: digest.sha256, documentType: document.type, asOf: asOf)
                }
                return facts
            }
            return nil
        }
        for (index, read) in zip(indices, readings) {
            let document = documents[index]
            readFiles.insert(document.path)
            if let reason = ocr.failures[document.path] ?? Self.inspectionFailure(of: document.path, inspector: inspector) {
                unread[document.path] = reason
            }
            guard let read else { continue }
            var updated = document.facts
            let applied = Self.apply(read, to: &updated)
            if updated != document.facts {
                documents[index].facts = updated
                changed = true
            }
            facts += applied
        }
        return changed
    }

    /// Why the text of a PDF was not read, when its worker failed (nil when it was read, or was
    /// never asked for).
    static func inspectionFailure(of path: FilePath, inspector: DocumentInspector) -> String? {
        guard let facts = inspector.facts(of: path), facts.pdf == nil, let reason = facts.notInspected,
              reason.hasPrefix("inspection failed") else { return nil }
        return reason
    }

    /// The documents read before and unchanged since (their digests remembered): those whose
    /// facts are in the facts cache (scans, and PDFs read by their text layer), of which nothing
    /// is read again, and the PDFs among the others that OCR read before, so had an empty text
    /// layer, for which no worker is started to read it again (docs/inspection.md, "Content
    /// digests", "Facts cache").
    static func remembered(_ paths: [FilePath], types: [FilePath: String?], inspector: DocumentInspector, scans: ScanReader,
                           asOf: CalendarDate) -> (cached: [FilePath: [ReadFact]], known: [FilePath: ScanReader.Scan]) {
        var cached: [FilePath: [ReadFact]] = [:]
        var known: [FilePath: ScanReader.Scan] = [:]
        for path in paths where isReadable(inspector.contentType(of: path)?.format, scans: true) {
            guard let digest = inspector.digest(of: path, memo: scans.digests, limit: FileInspector.maxPDFBytes, readIfUnknown: false),
                  let type = types[path] else { continue }
            if let facts = scans.facts?.load(sha256: digest.sha256, documentType: type, asOf: asOf, file: path) {
                cached[path] = facts
            } else if inspector.contentType(of: path)?.format == .pdf {
                let scan = scan(path, isPDF: true, digest: digest, inspector: inspector)
                if scans.hasReading(scan) { known[path] = scan }
            }
        }
        return (cached, known)
    }

    static func scan(_ path: FilePath, isPDF: Bool, digest: ContentDigests.Digest, inspector: DocumentInspector) -> ScanReader.Scan {
        ScanReader.Scan(path: path, sha256: digest.sha256, isPDF: isPDF, bytes: digest.bytes) {
            inspector.bytes(of: path, limit: FileInspector.maxPDFBytes)
        }
    }

    /// Applies the deciding readings of one document to its facts; returns every reading with its use.
    static func apply(_ read: [ReadFact], to facts: inout DocumentFacts) -> [ReadFact] {
        var read = read
        let manifest = facts
        // The date: a collection date over an issue date (a lab report gives both).
        let hasCollection = read.contains { $0.fact == .collectionDate && FactDecisions.mayDecide($0) }
        for field in ["expires", "date", "result", "value", "nameOnDocument", "doses"] {
            let indices = read.indices.filter { FactDecisions.row(read[$0].fact).field == field }
            guard !indices.isEmpty else { continue }
            if let given = manifestValue(field, in: manifest) {
                let byName = FileNameFields.field(field).map { manifest.fromFileName.contains($0) } ?? false
                for index in indices {
                    read[index].use = .manifest
                    read[index].givenByFileName = byName
                    let value = read[index].value.fieldText
                    if field != "doses", value != given { read[index].manifestValue = given }
                }
                continue
            }
            let deciding = indices.filter { index in
                FactDecisions.mayDecide(read[index]) && !(field == "date" && hasCollection && read[index].fact == .issueDate)
                    && read[index].value.fieldText != nil
            }
            let values = Set(deciding.compactMap { read[$0].value.fieldText })
            // Two different values for one field: the document does not say which; none decides.
            guard values.count == 1, let fact = deciding.first else { continue }
            // A result is decided only when no other result on the document says otherwise, sure
            // or not: an indeterminate test, another test's positive on a panel ("Cannabinoids:
            // POSITIVE" under a negative screen) (docs/inspection.md, "Which facts decide").
            if field == "result", indices.contains(where: { read[$0].value.resultText != values.first }) { continue }
            switch (field, read[fact].value) {
            case let ("expires", .date(date)): facts.expires = date
            case let ("date", .date(date)): facts.date = date
            case let ("result", .result(result)):
                guard let lab = result.labResult else { continue }
                facts.result = lab
            default: continue
            }
            for index in deciding { read[index].use = .decides }
        }
        return read
    }

    static func manifestValue(_ field: String, in facts: DocumentFacts) -> String? {
        switch field {
        case "expires": return facts.expires?.description
        case "date": return facts.date?.description
        case "result": return facts.result?.rawValue
        case "value": return facts.value.map { FactValue.number($0) + (facts.unit.map { " " + $0 } ?? "") }
        case "nameOnDocument": return facts.nameOnDocument
        case "doses": return facts.doses.isEmpty ? nil : facts.doses.map(\.description).joined(separator: ", ")
        default: return nil
        }
    }
}

extension FactValue {
    /// A result as written, indeterminate included (which fills no field): for telling results apart.
    var resultText: String? {
        if case let .result(result) = self { return result.labResult?.rawValue ?? "\(result)" }
        return nil
    }

    /// The value as the manifest field it fills would hold it (for agreement and disagreement).
    var fieldText: String? {
        switch self {
        case let .date(date): return date.description
        case let .result(result): return result.labResult?.rawValue
        case let .titer(value, unit): return FactValue.number(value) + " " + unit
        case let .text(text): return text
        case .period, .exam: return nil
        }
    }
}
