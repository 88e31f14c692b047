import CheckDocsNative

/// The applicant folder read and understood: every file with its type and facts.
public struct ApplicantFolder: Sendable {
    public var root: String
    public var rootIdentity: FileIdentity
    public var manifest: Manifest
    public var documents: [ApplicantDocument]
    public var unrecognized: [FilePath]
    public var ambiguous: [AmbiguousFile]
    public var diagnostics: [Diagnostic]
    /// Identities of every scanned file and of the folder's FIFOs, devices and links, so reports
    /// are never written over (or into) one.
    public var fileIdentities: Set<FileIdentity>
    /// Every regular file the scan found, and what its first bytes say it is.
    public var scannedFiles: [ScannedFile] = []
    public var contentTypes: [FilePath: ContentType] = [:]
    /// PDF facts kept between runs, for the inspector (docs/inspection.md, "PDF facts cache").
    public var keptPDFFacts: (any KeptPDFFacts)? = nil

    /// Reads the content of the documents that programs' file rules look at, once each.
    public func makeInspector() -> DocumentInspector {
        DocumentInspector(root: root, files: scannedFiles, contentTypes: contentTypes, kept: keptPDFFacts)
    }
}

/// Scans the folder once, reads the manifest, and classifies each file:
/// the manifest's type first, then the file name, then its folders' names.
public struct ApplicantFolderLoader {
    public let catalog: DocumentCatalog
    public let schemas: Schemas
    let classifier: DocumentClassifier?
    /// libmagic's answers kept between runs (docs/inspection.md, "Content types cache"); nil: none.
    let contentTypes: ContentTypeCache?
    /// PDF facts kept between runs, handed to the folder's inspector ("PDF facts cache"); nil: none.
    let pdfFacts: PDFFactsCache?
    /// The digests remembered between runs, which spare re-reading a file to compare it with its
    /// entry's `sha256:` (docs/inspection.md, "Content digests"); nil: such files are read.
    let digests: ContentDigests?

    /// `classifier`: one already built for `catalog` (a batch builds it once for all its folders).
    public init(catalog: DocumentCatalog, schemas: Schemas, classifier: DocumentClassifier? = nil, contentTypes: ContentTypeCache? = nil,
                pdfFacts: PDFFactsCache? = nil, digests: ContentDigests? = nil) {
        self.catalog = catalog
        self.schemas = schemas
        self.classifier = classifier
        self.contentTypes = contentTypes
        self.pdfFacts = pdfFacts
        self.digests = digests
    }

    /// `readManifest: false` classifies by names alone, as if there were no manifest (`init --force`).
    public func load(_ root: String, readManifest: Bool = true) throws(InputErrors) -> ApplicantFolder {
        let scan: FolderScan
        do {
            scan = try FolderScanner.scan(root: root)
        } catch {
            throw InputErrors([error])
        }
        let manifest = readManifest ? try ManifestLoader(schemas: schemas, catalog: catalog).load(folder: root).matched(to: scan.files.map(\.path))
            : Manifest()
        let classifier = self.classifier ?? DocumentClassifier(catalog: catalog)
        var documents: [ApplicantDocument] = []
        var unrecognized: [FilePath] = []
        var ambiguous: [AmbiguousFile] = []
        var diagnostics = scan.diagnostics
        var used = Set<FilePath>()
        var subtypeErrors: [InputError] = []
        let sniffed = ContentCheck.sniff(root: root, files: scan.files, libmagic: contentTypes?.mimeType(of:) ?? MagicSniffer.shared.mimeType(of:))
        diagnostics += sniffed.diagnostics
        let pairedByName = TranslationPairing(catalog: catalog).originals(of: scan.files.map(\.path))
        let scannedPaths = Set(scan.files.map(\.path))

        for file in scan.files {
            let entry = manifest.documents[file.path]
            if entry != nil { used.insert(file.path) }
            let (outcome, source, parsedDates) = classifier.classify(path: file.path)
            var type: String?
            var classifiedBy: ClassificationSource?
            var evidence: String?
            if let declared = entry?.type {
                type = declared
                classifiedBy = .manifest
            } else if let original = pairedByName[file.path] {
                // Its name is another file's plus "EN" / "translation": a translation of that file.
                type = "translation"
                classifiedBy = .fileName
                evidence = "translation of \(original)"
            } else {
                switch outcome {
                case let .type(found, words):
                    type = found
                    classifiedBy = source
                    evidence = words
                case let .ambiguous(candidates):
                    ambiguous.append(AmbiguousFile(path: file.path, candidates: candidates))
                case .unrecognized:
                    unrecognized.append(file.path)
                }
            }
            var facts = DocumentFacts()
            if let type {
                facts = factsFromName(parsedDates, type: type, path: file.path, diagnostics: &diagnostics, manifestHasDates: entry.map(hasDates) ?? false)
            }
            facts.fromFileName = FileNameFields(given: facts)
            if let entry {
                // A date the name gives that the manifest contradicts: the manifest's is used, but
                // one of the two is stale (a date copied by `init`, then the file renamed).
                if let differs = Self.dateDifference(manifest: entry.facts, name: facts) {
                    diagnostics.append(Diagnostic(.nameDateDiffers, differs + "; the manifest's is used: correct whichever is out of date", file: file.path))
                }
                facts = Self.merge(entry.facts, over: facts)
                if let changed = changedSince(entry, file: file, root: root, manifest: manifest.file) {
                    diagnostics.append(Diagnostic(.fileChanged, changed, file: file.path))
                }
            }
            if let type { subtype(of: type, facts: &facts, nameWords: parsedDates.words, nameClassified: source == .fileName,
                                  entry: entry, file: manifest.file, errors: &subtypeErrors) }
            if let type, catalog[type]?.isVaccine == true {
                facts.namedAsLabReport = Self.namesLabReport(parsedDates.words)
                facts.namedAsDoseRecord = !facts.namedAsLabReport && parsedDates.words.contains(where: Self.doseRecordWords.contains)
                facts.namedAsIgM = parsedDates.words.contains("igm") && !parsedDates.words.contains("igg")
            }
            if type == "translation", facts.translates == nil { facts.translates = pairedByName[file.path] }
            if let translates = facts.translates, !scannedPaths.contains(translates) {
                diagnostics.append(Diagnostic(.translationWithoutOriginal,
                    "translates \"\(translates)\", which is not a file in the folder (renamed or moved?)", file: file.path))
            }
            if let type {
                documents.append(ApplicantDocument(path: file.path, size: file.size, type: type, classifiedBy: classifiedBy,
                                                   evidence: evidence, facts: facts))
            }
        }

        if !subtypeErrors.isEmpty { throw InputErrors(subtypeErrors) }
        let missing = manifest.documents.keys.filter { !used.contains($0) }.sorted()
        if !missing.isEmpty, let file = manifest.file {
            throw InputErrors(missing.map { path in
                InputError(SourceLocation(file: file, position: .pointer(manifest.documents[path]!.pointer)),
                           "names \"\(path)\", " + Self.whyNotADocument(path, in: root))
            })
        }
        return ApplicantFolder(root: root, rootIdentity: scan.rootIdentity, manifest: manifest, documents: documents,
                               unrecognized: unrecognized, ambiguous: ambiguous, diagnostics: diagnostics.sorted(),
                               fileIdentities: Set(scan.files.map(\.identity)).union(scan.others), scannedFiles: scan.files,
                               contentTypes: sniffed.types, keptPDFFacts: pdfFacts)
    }

    /// Why a manifest key names no document of the folder: the file is not there, or it is
    /// there but is not read as a document (README, "These are not documents").
    static func whyNotADocument(_ path: FilePath, in root: String) -> String {
        let components = path.description.split(separator: "/")
        if components.contains(where: { $0 == "." || $0 == ".." }) {
            return "which is not a path inside the folder as the report writes them (no \".\" or \"..\")"
        }
        if path.description.split(separator: "/", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
            return "which is not a path inside the folder as the report writes them (one / between folders, none at the start or end)"
        }
        if components.contains(where: { $0.hasPrefix(".") }) { return "which is hidden (a name that starts with a dot): hidden files are never documents" }
        if components.count == 1, (ManifestLoader.fileNames + WaiverLoader.fileNames).contains(String(components[0])) {
            return "which is checkdocs' own file, not a document"
        }
        if components.first == "programs" { return "which is in programs/, the folder of program descriptions, not documents" }
        let base = root.hasSuffix("/") ? root : root + "/"
        // A folder on the way that the scan did not read: say which, and why.
        for count in 1..<max(1, components.count) {
            let folder = components.prefix(count).joined(separator: "/")
            guard FileSystem.kind(of: base + folder, followLinks: false) == .directory else { break }
            if !FileSystem.canSearch(base + folder) { return "which is in \(folder)/, a folder that cannot be read (permission denied)" }
            if let manifest = ManifestLoader.fileNames.first(where: { FileSystem.kind(of: base + folder + "/" + $0, followLinks: false) == .regular }) {
                return "which is in \(folder)/, another applicant's folder (it has its own \(manifest))"
            }
        }
        switch FileSystem.kind(of: base + path.description, followLinks: false) {
        case .missing: return "which is not a file in the folder (renamed or moved?)"
        case .symlink: return "which is a symbolic link; links are never followed: put the file itself in the folder"
        case .directory: return "which is a folder, not a file"
        case .other: return "which is not a regular file (a FIFO, socket or device)"
        case .regular: return "which could not be read as a document (see the folder's notes)"
        }
    }

    /// What to say of a file that is not the one its entry's `sha256:` was written for (a new scan
    /// saved under the old name): the entry's facts are still used, as a manifest's always are,
    /// but they may be the earlier file's. Nil when the entry has no `sha256:`, when it is the
    /// file's, or when the file cannot be hashed (too large or unreadable: said elsewhere).
    private func changedSince(_ entry: ManifestDocument, file: ScannedFile, root: String, manifest: String?) -> String? {
        guard let recorded = entry.sha256, let actual = FileHashes.of(file, root: root, memo: digests), actual != recorded else { return nil }
        let name = manifest.map { String($0.split(separator: "/").last ?? Substring($0)) } ?? "the manifest"
        let facts = entry.facts
        let given = [("date", facts.date != nil), ("expires", facts.expires != nil), ("doses", !facts.doses.isEmpty),
                     ("result", facts.result != nil), ("value", facts.value != nil)].filter(\.1).map(\.0)
        return "is not the file its \(name) entry was written for (sha256 \(recorded.prefix(12))... there, \(actual.prefix(12))... now): "
            + (given.isEmpty ? "" : "the facts the entry gives (\(given.joined(separator: ", "))) may be an earlier file's: check them, then ")
            // `init --update` merges YAML only; a JSON manifest's digest is the applicant's to write.
            + (name.hasSuffix(".json") ? "write this file's sha256 (or none) in \(name)" : "run `checkdocs init --update` to record this file")
    }

    private func hasDates(_ entry: ManifestDocument) -> Bool {
        entry.facts.date != nil || entry.facts.expires != nil || !entry.facts.doses.isEmpty
    }

    /// File-name dates: one date means the type's usual date (issued, or expiry for passports and
    /// insurance); two dates are a period (or two doses for a vaccine); ambiguous ones are reported.
    private func factsFromName(_ parsed: FileNameDateParser.Outcome, type: String, path: FilePath,
                               diagnostics: inout [Diagnostic], manifestHasDates: Bool) -> DocumentFacts {
        var facts = DocumentFacts()
        if !manifestHasDates {
            for text in parsed.ambiguous {
                diagnostics.append(Diagnostic(.ambiguousDate,
                    "the date \(text) in the file name could be day-month or month-day; not used. Rename it to YYYY-MM-DD or give the date in the manifest",
                    file: path))
            }
            // Said even beside dates that are real (a dose list that lost one of its days).
            for text in parsed.impossible {
                diagnostics.append(Diagnostic(.impossibleDate,
                    "the date \(text) in the file name is not a real day; not used. Correct the name or give the date in the manifest",
                    file: path))
            }
        }
        let documentType = catalog[type]
        // A weak expiry word ("valid", "renew by", "due") counts when no other does and no date
        // comes after its date: before the earlier of two ("visa valid 2026-01-01 2027-01-01") it
        // opens a period.
        let weak = parsed.weakExpiryDates.max().flatMap { expiry in parsed.dates.allSatisfy { $0 <= expiry } ? expiry : nil }
        if let expiry = parsed.expiryDates.max() ?? weak {
            // "BLS exp 2028-02-15": the date after an expiry word is the expiry, whatever the type.
            facts.expires = expiry
            let others = parsed.dates.filter { !parsed.expiryDates.contains($0) && !parsed.weakExpiryDates.contains($0) }.sorted()
            if documentType?.isVaccine == true, others.count > 1 { facts.doses = others } else { facts.date = others.first }
            facts.validFrom = parsed.startDates.min()
            // "PPD due 2027-01-10": when the next one is due, not when this one was done.
            if facts.date == nil, documentType?.isLab == true || documentType?.isVaccine == true {
                facts.nameDateNote = "the name's date \(expiry) is when it expires or is due again, not the day it was done"
            }
            return facts
        }
        let dates = parsed.dates.sorted()
        guard let first = dates.first else {
            if let impossible = parsed.impossible.first {
                facts.nameDateNote = "the name's date \(impossible) is not a real day"
                return facts
            }
            return Self.partialFacts(parsed.partial, type: documentType)
        }
        // Two dates of a vaccine are doses, unless the name says lab report ("HepB titer 2026-09-01
        // 2026-09-05": drawn and reported), whose dates are its steps as a test's are.
        if documentType?.isVaccine == true, dates.count > 1, !Self.namesLabReport(parsed.words) {
            facts.doses = dates
            return facts
        }
        if dates.count >= 2, documentType?.isLab == true {
            // A test's dates are its steps (a skin test placed and read, a two-step PPD, a sample
            // drawn and reported), never a period it is valid for: the last one is its date.
            facts.date = dates.last
        } else if dates.count >= 2 {
            facts.validFrom = first
            facts.date = first
            facts.expires = dates.last
        } else if documentType?.fileNameDate == .expires, parsed.startDates.contains(first) {
            // "insurance effective 2026-01-01": the first day covered; the last is not given.
            facts.validFrom = first
            facts.date = first
        } else if documentType?.fileNameDate == .expires, !parsed.issueDates.contains(first) {
            // A passport's or insurance's one date is its expiry, unless the name says issued.
            facts.expires = first
        } else {
            facts.date = first
        }
        return facts
    }

    /// The words of a file name that make it a lab report, not a vaccination record.
    static let labReportWords: Set<String> = ["titer", "titers", "titre", "titres", "igg", "serology", "serologies", "antibody",
                                              "antibodies", "hbs", "antihbs", "hbsab", "lab", "labs", "result", "results", "igm",
                                              "hbsag", "antigen", "immunity", "serum", "elisa", "quantitative", "qualitative", "bloodwork"]

    /// Words that make a lab report only when no dose word is beside them: "Hep B blood test" and
    /// "HBV screening" are tests, "HepB vaccine report" is a record of doses.
    static let weakLabReportWords: Set<String> = ["blood", "test", "tests", "report", "screening", "screen"]

    /// Words that name a record of vaccine doses: `HepB dose 3 2026-07-15.pdf`, `Flu shot.pdf`.
    static let doseRecordWords: Set<String> = ["dose", "doses", "vaccine", "vaccines", "vaccination", "vaccinations", "shot", "shots",
                                               "booster", "boosters", "injection", "jab"]

    /// `words` as the name's tokens are: lowercase already (FileNameTokens).
    static func namesLabReport(_ words: [String]) -> Bool {
        words.contains(where: labReportWords.contains)
            || (words.contains(where: weakLabReportWords.contains) && !words.contains(where: doseRecordWords.contains))
    }

    /// A month or a year without its day, used only where that is safe: an expiry month is its
    /// last day, an expiry year 31 December; a vaccination month counts for season rules only;
    /// anything else stays unknown, with the reason (docs/catalog.md, "Dates in file names").
    static func partialFacts(_ partial: [FileNameDateParser.PartialDate], type: DocumentType?) -> DocumentFacts {
        var facts = DocumentFacts()
        guard let date = partial.first else { return facts }
        guard partial.count == 1 else {
            facts.nameDateNote = "the name gives several months or years (\(partial.map(\.text).joined(separator: ", "))), not a day"
            return facts
        }
        let isExpiry = date.afterExpiryWord || (date.month != nil && type?.fileNameDate == .expires && !date.afterStartWord)
        if isExpiry {
            facts.expires = date.lastDay
        } else if date.month != nil, type?.isVaccine == true, let first = date.firstDay, let last = date.lastDay {
            facts.dateSpan = first...last
            facts.nameDateNote = "the name gives only the month \(date.text), not a day: used for season rules only"
        } else {
            facts.nameDateNote = "the name gives only the \(date.month == nil ? "year" : "month") \(date.text), not a day"
        }
        return facts
    }

    /// Manifest facts override file-name facts field by field.
    /// A document's subtype (docs/manifest.md, `subtype`): the manifest's, which must be one its
    /// type declares, else the one its file name says, if it says one.
    private func subtype(of type: String, facts: inout DocumentFacts, nameWords: [String], nameClassified: Bool,
                         entry: ManifestDocument?, file: String?, errors: inout [InputError]) {
        let declared = catalog.subtypes(of: type)
        if let recorded = facts.subtype {
            guard !declared.contains(where: { $0.id == recorded }), let entry, let file else { return }
            let known = declared.isEmpty ? "\(type) has no subtypes" : "the subtypes of \(type) are " + declared.map(\.id).joined(separator: ", ")
            errors.append(InputError(SourceLocation(file: file, position: .pointer(entry.pointer + "/subtype")),
                                     "unknown subtype \"\(recorded)\"; \(known)"))
            return
        }
        if nameClassified, !declared.isEmpty { facts.subtype = SubtypeNaming.subtype(in: nameWords, among: declared) }
    }

    /// A manifest entry's facts over those its file's name gives: the manifest wins field by field,
    /// and a month-only name date keeps its span and note only where the manifest gives no date.
    /// `init --update` merges the same way (ManifestUpdater.withManifestEntries).
    /// "the manifest says expires 2027-12-31, the name 2027-03-31" when both give a date (or an
    /// expiry) and they differ; nil otherwise.
    static func dateDifference(manifest: DocumentFacts, name: DocumentFacts) -> String? {
        if let stated = manifest.expires, let named = name.expires, stated != named {
            return "the manifest says expires \(stated), the name \(named)"
        }
        if let stated = manifest.date, let named = name.date, stated != named {
            return "the manifest says date \(stated), the name \(named)"
        }
        return nil
    }

    static func merge(_ manifest: DocumentFacts, over name: DocumentFacts) -> DocumentFacts {
        var facts = manifest
        facts.date = manifest.date ?? name.date
        facts.expires = manifest.expires ?? name.expires
        facts.validFrom = manifest.validFrom ?? name.validFrom
        if manifest.doses.isEmpty { facts.doses = name.doses }
        facts.fromFileName = name.fromFileName.subtracting(FileNameFields(given: manifest))
        if manifest.date == nil, manifest.doses.isEmpty {
            facts.dateSpan = name.dateSpan
            if manifest.expires == nil { facts.nameDateNote = name.nameDateNote }
        }
        return facts
    }
}
