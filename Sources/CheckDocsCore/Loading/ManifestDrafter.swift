import CheckDocsFormats

/// Drafts `checkdocs.yaml` (`checkdocs init`) from a folder read by ApplicantFolderLoader: each
/// recognized file as an entry with its type and the dates its name gives (date or expires, as the
/// loader reads them); ambiguous and unrecognized files as commented entries with their candidates;
/// the applicant profile as commented placeholders. The draft loads back as it is.
public struct ManifestDrafter {
    public let catalog: DocumentCatalog

    public init(catalog: DocumentCatalog) { self.catalog = catalog }

    public struct Draft: Sendable {
        public var text: String
        public var documents: Int
        public var ambiguous: Int
        public var unrecognized: Int
    }

    /// One drafted entry under `documents:`, two-space indented as the draft writes it.
    public struct Entry: Sendable {
        public var path: FilePath
        public var lines: [String]
        /// False for a commented entry (ambiguous, unrecognized, or a name YAML cannot hold).
        public var isDocument: Bool
    }

    /// What the text of each unrecognized PDF among `paths` suggests it is (as `check` shows it),
    /// for its commented entry. A suggestion never classifies a file, so it stays commented.
    public func suggestions(_ folder: ApplicantFolder, for paths: Set<FilePath>? = nil) -> [FilePath: ContentSuggestion] {
        let unrecognized = folder.unrecognized.filter { paths?.contains($0) ?? true }
        guard !unrecognized.isEmpty else { return [:] }
        let found = ContentSuggester.suggest(for: unrecognized, inspector: folder.makeInspector(), catalog: catalog)
        return Dictionary(found.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The facts read from each typed PDF whose name gives neither a date nor an expiry
    /// (docs/inspection.md, "Facts read from documents"), for its entry: drafted with the line
    /// they were read from, to be checked like every drafted value. With `scans`, its JPEG and PNG
    /// scans and image-only PDFs too, by OCR through the same reader `check` uses (its workers and
    /// cache; an MRZ's two-digit years read as of `asOf`). `paths` limits it to those files
    /// (`init --update`: the files it adds). What decides is returned, and what OCR read of a
    /// field a deciding class fills, which is drafted commented out (`ManifestDrafter+ReadFacts`).
    public func readFacts(_ folder: ApplicantFolder, scans: ScanReader? = nil, asOf: CalendarDate? = nil,
                          for paths: Set<FilePath>? = nil) -> [FilePath: [ReadFact]] {
        let inspector = folder.makeInspector()
        let documents = folder.documents.filter { document in
            document.type != nil && document.facts.date == nil && document.facts.expires == nil && document.facts.doses.isEmpty
                && (paths?.contains(document.path) ?? true)
                && DocumentFactReading.isReadable(inspector.contentType(of: document.path)?.format, scans: scans != nil)
        }
        guard !documents.isEmpty else { return [:] }
        var reading = DocumentFactReading()
        var copy = documents
        _ = reading.read(documents.map(\.path), inspector: inspector, documents: &copy, scans: scans, asOf: asOf)
        return Dictionary(grouping: reading.facts.filter(Self.isDrafted), by: \.file)
    }

    /// `hashes` gives the `sha256:` line of each entry whose file was hashed (docs/manifest.md);
    /// `suggestions` the type an unrecognized file's commented entry proposes; `readFacts` the
    /// facts read from a typed PDF's text for fields its name does not give.
    public func draft(_ folder: ApplicantFolder, toolVersion: String, hashes: [FilePath: String] = [:],
                      suggestions: [FilePath: ContentSuggestion] = [:], readFacts: [FilePath: [ReadFact]] = [:]) -> Draft {
        var lines = [
            "# checkdocs.yaml - drafted by checkdocs \(toolVersion) init from the names and contents of this folder's files.",
            "# Check every entry: a type or a date read from a name can be wrong. Dates are YYYY-MM-DD.",
            "# Keys: docs/manifest.md. Document types: `checkdocs list types`.",
            "schemaVersion: 1",
            "",
        ]
        lines += Self.profilePlaceholders
        lines.append("")
        let all = entries(folder, hashes: hashes, suggestions: suggestions, readFacts: readFacts)
        if all.isEmpty {
            lines.append("documents: {}")
        } else {
            lines.append("documents:")
            for entry in all { lines += entry.lines }
        }
        return Draft(text: lines.joined(separator: "\n") + "\n", documents: all.count { $0.isDocument },
                     ambiguous: folder.ambiguous.count, unrecognized: folder.unrecognized.count)
    }

    /// Every file's entry, in path order: recognized files with their type and dates, the others
    /// commented out.
    public func entries(_ folder: ApplicantFolder, hashes: [FilePath: String] = [:],
                        suggestions: [FilePath: ContentSuggestion] = [:], readFacts: [FilePath: [ReadFact]] = [:]) -> [Entry] {
        let unusedNameDates = Dictionary(grouping: folder.diagnostics.filter { $0.code == .ambiguousDate || $0.code == .impossibleDate }, by: { $0.path ?? "" })

        var entries: [Entry] = []
        for document in folder.documents {
            guard let type = document.type else { continue }
            guard let key = Self.key(document.path) else {
                entries.append(Entry(path: document.path, lines: Self.notUTF8(document.path), isDocument: false))
                continue
            }
            var entry = ["  \(key):"]
            let source: String
            switch document.classifiedBy {
            case .folderName: source = "from the folder name"
            case .manifest: source = "from the old manifest"
            default: source = "from the file name"
            }
            let evidence = document.evidence.map { " (\(Self.quote($0)))" } ?? ""
            entry.append("    type: \(type)  # \(catalog.title(of: type)), \(source)\(evidence)")
            let facts = document.facts
            if let date = facts.date { entry.append("    date: \"\(date)\"") }
            if let validFrom = facts.validFrom, validFrom != facts.date { entry.append("    validFrom: \"\(validFrom)\"") }
            if let expires = facts.expires { entry.append("    expires: \"\(expires)\"") }
            if !facts.doses.isEmpty { entry.append("    doses: [" + facts.doses.map { "\"\($0)\"" }.joined(separator: ", ") + "]") }
            entry += Self.readFactLines(readFacts[document.path] ?? [])
            // A type with subtypes (a Tdap or a Td) whose name did not say which: a program may refuse one.
            let subtypes = catalog.subtypes(of: type).map(\.id)
            if facts.subtype == nil, let first = subtypes.first {
                entry.append("    # subtype: \(first)  # which one it is: \(subtypes.joined(separator: " or ")); a program may take only one")
            }
            // Statements and amounts a program may ask of this type (the catalog's `draft`), to keep or delete.
            if let known = catalog[type] {
                if facts.statements == nil, !known.draftStatements.isEmpty {
                    entry.append("    # states: [\(known.draftStatements.joined(separator: ", "))]  # what it states, if a program asks: keep only what it says")
                }
                if facts.amounts.isEmpty, !known.draftAmounts.isEmpty {
                    let amounts = known.draftAmounts.map { "\($0): \"0 USD\"" }.joined(separator: ", ")
                    entry.append("    # amounts: {\(amounts)}  # its amounts and currency, if a program sets a minimum")
                }
            }
            // A line to uncomment that never clashes with one drafted above: a vaccine's dates are
            // its doses (a `date:` beside them was refused as a duplicate key), and a date already
            // drafted is corrected in place.
            let isVaccine = catalog[type]?.isVaccine == true
            let hasDate = entry.contains { $0.hasPrefix("    date:") }
            for diagnostic in unusedNameDates[document.path.description] ?? [] {
                let said = Self.comment(diagnostic.message)
                if isVaccine {
                    entry.append("    # doses: [\"YYYY-MM-DD\", \"YYYY-MM-DD\"]  # \(said); list every dose here\(hasDate ? ", and delete the date: line" : "")")
                } else if hasDate {
                    entry.append("    # \(said); correct the date: above if it is this one")
                } else {
                    entry.append("    # date: \"YYYY-MM-DD\"  # \(said)")
                }
            }
            if let hash = hashes[document.path] { entry.append("    sha256: \"\(hash)\"") }
            entries.append(Entry(path: document.path, lines: entry, isDocument: true))
        }
        for file in folder.ambiguous {
            guard let key = Self.key(file.path) else {
                entries.append(Entry(path: file.path, lines: Self.notUTF8(file.path), isDocument: false))
                continue
            }
            let candidates = file.candidates.map { "\($0) (\(catalog.title(of: $0)))" }.joined(separator: " or ")
            entries.append(Entry(path: file.path, lines: [
                "  # \(key):  # ambiguous: could be \(Self.comment(candidates)); uncomment and keep one type",
                "  #   type: \(file.candidates.first ?? "")",
            ], isDocument: false))
        }
        for path in folder.unrecognized {
            guard let key = Self.key(path) else {
                entries.append(Entry(path: path, lines: Self.notUTF8(path), isDocument: false))
                continue
            }
            if let suggestion = suggestions[path], let type = suggestion.documentTypes.first {
                let words = suggestion.evidence.first?.map { "\"\($0)\"" }.joined(separator: ", ") ?? ""
                let others = suggestion.documentTypes.dropFirst()
                entries.append(Entry(path: path, lines: [
                    "  # \(key):  # not recognized by its name; its text suggests the type below: check it, then uncomment",
                    "  #   type: \(type)  # \(Self.comment(catalog.title(of: type))), its text says \(Self.comment(words))"
                        + (others.isEmpty ? "" : "; or " + others.joined(separator: ", ")),
                ], isDocument: false))
                continue
            }
            entries.append(Entry(path: path, lines: [
                "  # \(key):  # not recognized; uncomment and give its type (`checkdocs list types`)",
                "  #   type: TYPE",
            ], isDocument: false))
        }
        // Two names that differ only in Unicode form (macOS's decomposed é beside a composed one)
        // are one YAML key: the second is left commented, to rename, or `check` would refuse the
        // manifest as naming a key twice. Swift's String equality is canonical equivalence.
        var named: [String: FilePath] = [:]
        return entries.sorted { $0.path < $1.path }.map { entry in
            guard entry.isDocument, let text = String(validating: entry.path.bytes, as: UTF8.self), let key = Self.key(entry.path) else { return entry }
            guard let first = named[text] else {
                named[text] = entry.path
                return entry
            }
            return Entry(path: entry.path, lines: [
                "  # \(key):  # the same name as \(Self.key(first) ?? "") in another Unicode form: one manifest key cannot name both; rename one of the two files",
            ], isDocument: false)
        }
    }

    /// The path as a double-quoted YAML key (JSON escapes are YAML escapes); nil if not UTF-8,
    /// since a YAML key could not name those bytes.
    static func key(_ path: FilePath) -> String? {
        guard let text = String(validating: path.bytes, as: UTF8.self) else { return nil }
        return quote(text)
    }

    static func quote(_ text: String) -> String {
        var bytes: [UInt8] = []
        JSONWriter.escape(text, into: &bytes)
        // What JSON leaves raw but YAML does not read back: libyaml drops a U+FEFF (a byte-order
        // mark) inside a scalar, and refuses U+FFFE and U+FFFF as control characters. Escaped,
        // each comes back as itself.
        var quoted = ""
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            if Self.unsafeForYAML.contains(scalar) {
                quoted += "\\u" + String(scalar.value, radix: 16, uppercase: true)
            } else {
                quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted
    }

    static let unsafeForYAML: [Unicode.Scalar] = ["\u{FEFF}", "\u{FFFE}", "\u{FFFF}"]

    /// Text safe on one comment line.
    static func comment(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map {
            $0.value < 0x20 || $0.value == 0x7F || unsafeForYAML.contains($0) ? " " : $0
        }))
    }

    static func notUTF8(_ path: FilePath) -> [String] {
        ["  # \(comment(path.description)): the name is not valid UTF-8, so the manifest cannot name it; rename the file"]
    }

    static let profilePlaceholders = [
        "# Your profile: programs' eligibility rules and conditions read it. Uncomment what applies and",
        "# fill it in; a fact left out is unknown, and rules that need it say so.",
        "# applicant:",
        "#   applyingFor: [observership]        # without programs/, the standard checklists checked: observership | externship | internship | visiting-elective | residency | research",
        "#   name: \"\"                          # full name as printed on the passport",
        "#   otherNames: []                     # other names you have used",
        "#   citizenship: [\"XX\"]                # ISO 3166-1 alpha-2 codes",
        "#   usCitizenOrPermanentResident: false",
        "#   status: student                    # student | graduate",
        "#   yearOfStudy: 5                     # 1-10, for a student",
        "#   graduationDate: \"YYYY-MM-DD\"       # expected date, for a student",
        "#   medicalSchool:",
        "#     name: \"\"",
        "#     country: \"XX\"                    # ISO 3166-1 alpha-2 code",
        "#     instructionLanguage: \"en\"        # ISO 639 code; \"en\" or \"eng\" means English",
        "#     programYears: 6                  # how many years the school's program lasts (final year = this)",
        "#     accreditation: [\"LCME\"]          # the school's accreditations; [] for none",
        "#     listedInWDOMS: true              # listed in the World Directory of Medical Schools",
        "#   exams:                             # every attempt; once given, the list is taken as complete",
        "#     - {exam: usmle-step1, date: \"YYYY-MM-DD\", result: pass}",
        "#     - {exam: usmle-step2ck, date: \"YYYY-MM-DD\", result: pass, score: 240}",
        "#   englishTests:                      # once given, the list is taken as complete",
        "#     - {test: toefl-ibt, date: \"YYYY-MM-DD\", total: 100}",
        "#   ecfmgCertified: false",
        "#   visaClass: \"B-1\"                   # the class you will enter with: B-1, B-2, F-2, J-1, WB, ...",
        "#   admissionClass: \"WB\"               # how you will be admitted, if not simply your visa's one class: WB, WT, B-1, ...",
        "#   intendsResidency: true",
        "#   usce:                              # US clinical experience, every stint; once given, the list is taken as complete",
        "#     - kind: externship               # observership | externship | hands-on",
        "#       specialty: \"Family Medicine\"",
        "#       institution: \"\"",
        "#       start: \"YYYY-MM-DD\"",
        "#       end: \"YYYY-MM-DD\"",
        "#       letter: true                   # whether a letter of recommendation came from it",
        "#       certificate: \"\"                # its certificate in this folder; without one the stint does not count",
        "# targets:                             # per program id: the day of its offer, the session you aim at",
        "#   PROGRAM-ID: {offer: \"YYYY-MM-DD\", session: \"YYYY-MM-DD\"}",
        "# goals:                               # what you want from rotations, for checkdocs pick (docs/pick.md)",
        "#   stage: exploring                   # exploring | preparing | applying",
        "#   matchYear: 2028                    # the Match you apply in; needed when applying",
        "#   specialties: [\"Internal Medicine\"]",
        "#   availability:                      # when you are free for a rotation",
        "#     - {from: \"YYYY-MM-DD\", through: \"YYYY-MM-DD\"}",
        "#   budget: {total: 5000, currency: USD, livingPerWeek: 300}",
        "#   prefer: hands-on                   # hands-on | observation | any",
        "#   residencyTargets: []               # residency program ids whose USCE rules the plan aims at",
        "#   weights: {}                        # e.g. {cost: 3}: how much each factor counts",
    ]
}
