import CheckDocsNative
import CheckDocsFormats

/// The manifest: the applicant's profile and per-document facts (docs/manifest.md).
public struct Manifest: Sendable {
    public var file: String?
    public var profile = ApplicantProfile()
    public var documents: [FilePath: ManifestDocument] = [:]

    public init() {}

    /// The manifest with each entry keyed by the file of `files` it names: the one with its bytes,
    /// else the one file whose name is the same text in another Unicode form (docs/manifest.md,
    /// "documents"). macOS names files with "é" as "e" and a combining accent, where a manifest
    /// typed elsewhere has the one character; the manifest's own keys already count the two as
    /// one (YAML keys compare as text, so both in one mapping are a duplicate key). An entry
    /// that matches no file, or several, keeps its key, and stays an error.
    public func matched(to files: [FilePath]) -> Manifest {
        let present = Set(files)
        guard documents.contains(where: { !present.contains($0.key) || $0.value.facts.translates.map { !present.contains($0) } == true })
        else { return self }
        // Swift's String equality and hashing are canonical equivalence: NFC and NFD meet here.
        // Only names that are UTF-8 are text: a name that is not has no spelling to match.
        let byText = Dictionary(grouping: files.filter { String(validUTF8: $0.bytes) != nil }, by: { String(decoding: $0.bytes, as: UTF8.self) })
        func file(spelled path: FilePath) -> FilePath? {
            guard let text = String(validUTF8: path.bytes), let candidates = byText[text], candidates.count == 1 else { return nil }
            return candidates[0]
        }
        var matched = self
        for (key, entry) in documents where !present.contains(key) {
            guard let file = file(spelled: key), documents[file] == nil else { continue }
            matched.documents[key] = nil
            matched.documents[file] = entry
        }
        // A translation's `translates:` names its original the same way.
        for (key, entry) in matched.documents {
            guard let original = entry.facts.translates, !present.contains(original), let file = file(spelled: original) else { continue }
            matched.documents[key]?.facts.translates = file
        }
        return matched
    }

    /// The key of the entry that `name` (a key as the manifest's text spells it) became in
    /// `matched(to:)`: the file it names.
    public func key(spelled name: String) -> FilePath {
        let path = FilePath.normalized(name)
        if documents[path] != nil { return path }
        let text = String(decoding: path.bytes, as: UTF8.self)
        return documents.keys.first { String(validUTF8: $0.bytes) == text } ?? path
    }
}

public struct ManifestDocument: Sendable {
    public var type: String?
    public var facts: DocumentFacts
    public var pointer: String
    /// The content hash `init` recorded; only `init --update` reads it, to follow a renamed file.
    public var sha256: String? = nil
}

/// Finds and reads `checkdocs.yaml`, `checkdocs.yml` or `checkdocs.json` at the folder's root.
/// Unknown keys, unknown document types and wrong value forms are errors with a JSON Pointer.
public struct ManifestLoader {
    public let schemas: Schemas
    public let catalog: DocumentCatalog

    public init(schemas: Schemas, catalog: DocumentCatalog) {
        self.schemas = schemas
        self.catalog = catalog
    }

    public static let fileNames = ["checkdocs.yaml", "checkdocs.yml", "checkdocs.json"]
    /// The largest manifest read (the YAML bound, docs/security.md).
    public static var maxBytes: Int { YAMLReader.maxBytes }

    public func load(folder: String) throws(InputErrors) -> Manifest {
        guard let (path, bytes) = try Self.read(oneOf: Self.fileNames, in: folder, what: "manifests") else { return Manifest() }
        return try decode(bytes, file: path)
    }

    /// Reads the one file of `names` present at the folder's root (nil if none); two is an error.
    static func read(oneOf names: [String], in folder: String, what: String) throws(InputErrors) -> (path: String, bytes: [UInt8])? {
        let candidates = names
            .map { folder.hasSuffix("/") ? folder + $0 : folder + "/" + $0 }
            // A folder of that name is the applicant's, scanned like any other (docs/security.md, 2a).
            .filter { ![.missing, .directory].contains(FileSystem.kind(of: $0, followLinks: false)) }
        guard let path = candidates.first else { return nil }
        if candidates.count > 1 {
            throw InputErrors([InputError(file: candidates[1], "two \(what) in one folder (\(candidates.joined(separator: ", "))); keep one")])
        }
        do {
            return (path, try SafeFileReader.read(path, limit: YAMLReader.maxBytes))
        } catch {
            throw InputErrors([error])
        }
    }

    /// Parses a YAML file, or a JSON one (by its `.json` extension), with the YAML and JSON bounds.
    static func parse(_ bytes: [UInt8], file: String) throws(InputErrors) -> JSONValue {
        if file.hasSuffix(".json") {
            do {
                return try JSONParser.parse(bytes)
            } catch {
                throw InputErrors([InputError(SourceLocation(file: file, position: .line(error.line, column: error.column)), "not valid JSON: \(error.message)")])
            }
        }
        do {
            return try YAMLReader.read(bytes)
        } catch {
            let position: SourceLocation.Position = error.line > 0 ? .line(error.line, column: error.column) : .none
            throw InputErrors([InputError(SourceLocation(file: file, position: position), error.message)])
        }
    }

    public func decode(_ bytes: [UInt8], file: String) throws(InputErrors) -> Manifest {
        let value = try Self.parse(bytes, file: file)
        // An empty YAML file (or one of comments only) is an empty manifest; a JSON manifest is
        // an object, as its schema says, and a bare `null` is refused as `[]` and `1` are.
        if case .null = value, !file.hasSuffix(".json") { return Manifest() }
        let violations = try schemas.manifestJSON.validate(value)
        if !violations.isEmpty {
            throw InputErrors(violations.map { InputError(SourceLocation(file: file, position: .pointer($0.pointer)), $0.message) })
        }
        var manifest = Manifest()
        manifest.file = file
        manifest.profile = profile(value["applicant"] ?? .object([]))
        for member in value["targets"]?.members ?? [] {
            manifest.profile.targets[member.key] = ProgramTarget(offer: date(member.value["offer"]), session: date(member.value["session"]),
                                                                 pointer: JSONPointer.appending("/targets", member.key))
        }
        var errors: [InputError] = Self.experienceErrors(manifest.profile.usce ?? [], file: file)
        if let goals = value["goals"] {
            let (decoded, goalErrors) = GoalsDecoder.decode(goals, file: file)
            manifest.profile.goals = decoded
            errors += goalErrors
        }
        // A year past the program's last cannot be (docs/manifest.md): refused, never clamped.
        if let year = manifest.profile.yearOfStudy, let length = manifest.profile.programYears, year > length {
            errors.append(InputError(SourceLocation(file: file, position: .pointer("/applicant/yearOfStudy")),
                                     "yearOfStudy is \(year), past the last year of a \(length)-year program (medicalSchool.programYears)"))
        }
        for member in value["documents"]?.members ?? [] {
            let pointer = JSONPointer.appending("/documents", member.key)
            let key = FilePath.normalized(member.key)
            // Two spellings of one path ("a.pdf" and "./a.pdf"): the second would replace the first.
            if let first = manifest.documents[key] {
                errors.append(InputError(SourceLocation(file: file, position: .pointer(pointer)),
                                         "names the same file as \(first.pointer); keep one entry per file"))
                continue
            }
            let type = member.value["type"]?.stringValue
            if let type, !catalog.contains(type) {
                let suggestion = Suggestion.didYouMean(type, in: catalog.types.map(\.id))
                errors.append(InputError(SourceLocation(file: file, position: .pointer(pointer + "/type")),
                                         "unknown document type \"\(type)\"\(suggestion)"))
            }
            manifest.documents[key] = ManifestDocument(type: type, facts: facts(member.value, pointer: pointer, file: file, errors: &errors), pointer: pointer,
                                                       sha256: member.value["sha256"]?.stringValue)
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        return manifest
    }

    private func date(_ value: JSONValue?) -> CalendarDate? { value?.stringValue.flatMap { CalendarDate(iso: $0) } }

    private func profile(_ value: JSONValue) -> ApplicantProfile {
        var profile = ApplicantProfile()
        profile.name = value["name"]?.stringValue
        profile.otherNames = value["otherNames"]?.arrayValue?.compactMap(\.stringValue) ?? []
        profile.citizenship = value["citizenship"]?.arrayValue?.compactMap(\.stringValue) ?? []
        profile.usCitizenOrPermanentResident = value["usCitizenOrPermanentResident"]?.boolValue
        profile.status = value["status"]?.stringValue.flatMap(ApplicantStatus.init(rawValue:))
        profile.yearOfStudy = value["yearOfStudy"]?.intValue
        profile.graduationDate = date(value["graduationDate"])
        profile.medicalSchool = value["medicalSchool"]?["name"]?.stringValue
        profile.medicalSchoolCountry = value["medicalSchool"]?["country"]?.stringValue
        profile.instructionLanguage = value["medicalSchool"]?["instructionLanguage"]?.stringValue
        profile.programYears = value["medicalSchool"]?["programYears"]?.intValue
        profile.medicalSchoolAccreditation = value["medicalSchool"]?["accreditation"]?.arrayValue?.compactMap(\.stringValue)
        profile.medicalSchoolListedInWDOMS = value["medicalSchool"]?["listedInWDOMS"]?.boolValue
        profile.exams = value["exams"]?.arrayValue?.compactMap { item in
            guard let exam = item["exam"]?.stringValue.flatMap(Exam.init(rawValue:)), let date = date(item["date"]) else { return nil }
            return ExamAttempt(exam: exam, date: date, passed: item["result"]?.stringValue == "pass", score: item["score"]?.doubleValue)
        }
        profile.englishTests = value["englishTests"]?.arrayValue?.compactMap { item in
            guard let test = item["test"]?.stringValue.flatMap(EnglishTestName.init(rawValue:)), let date = date(item["date"]) else { return nil }
            var sections: [String: Double] = [:]
            for section in item["sections"]?.members ?? [] { sections[section.key] = section.value.doubleValue }
            return EnglishTestResult(test: test, date: date, total: item["total"]?.doubleValue, sections: sections)
        }
        profile.ecfmgCertified = value["ecfmgCertified"]?.boolValue
        profile.visaClass = value["visaClass"]?.stringValue
        profile.admissionClass = value["admissionClass"]?.stringValue
        profile.intendsResidency = value["intendsResidency"]?.boolValue
        profile.usce = value["usce"]?.arrayValue?.compactMap { item in
            guard let kind = item["kind"]?.stringValue.flatMap(ClinicalExperience.Kind.init(rawValue:)),
                  let start = date(item["start"]), let end = date(item["end"]) else { return nil }
            return ClinicalExperience(kind: kind, specialty: item["specialty"]?.stringValue, institution: item["institution"]?.stringValue,
                                      start: start, end: end, letter: item["letter"]?.boolValue,
                                      certificate: item["certificate"]?.stringValue.map { FilePath.normalized($0) })
        }
        for kind in value["applyingFor"]?.arrayValue?.compactMap({ $0.stringValue.flatMap(ProgramKind.init(rawValue:)) }) ?? []
            where !profile.applyingFor.contains(kind) { profile.applyingFor.append(kind) }
        return profile
    }

    /// A stint that ends before it starts cannot be counted: an error at its `end`, never a stint
    /// silently dropped or counted as zero (docs/manifest.md, `usce`). The schema has already
    /// refused a missing key and a date that is not real, so every item reached the profile.
    static func experienceErrors(_ stints: [ClinicalExperience], file: String) -> [InputError] {
        stints.enumerated().compactMap { index, stint in
            guard stint.end < stint.start else { return nil }
            return InputError(SourceLocation(file: file, position: .pointer("/applicant/usce/\(index)/end")),
                              "the experience ends (\(stint.end)) before it starts (\(stint.start))")
        }
    }

    private func facts(_ value: JSONValue, pointer: String, file: String, errors: inout [InputError]) -> DocumentFacts {
        var facts = DocumentFacts()
        facts.date = date(value["date"])
        facts.validFrom = date(value["validFrom"])
        facts.expires = date(value["expires"])
        facts.doses = (value["doses"]?.arrayValue ?? []).compactMap { date($0) }
        facts.result = value["result"]?.stringValue.flatMap(LabResult.init(rawValue:))
        facts.value = value["value"]?.doubleValue
        facts.unit = value["unit"]?.stringValue
        facts.language = value["language"]?.stringValue
        facts.translates = value["translates"]?.stringValue.map { FilePath.normalized($0) }
        facts.certified = value["certified"]?.boolValue
        facts.nameOnDocument = value["nameOnDocument"]?.stringValue
        facts.issuer = value["issuer"]?.stringValue
        facts.form = value["form"]?.stringValue
        facts.signed = value["signed"]?.boolValue
        facts.letterhead = value["letterhead"]?.boolValue
        facts.coverageAmount = value["coverage"]?["amount"]?.doubleValue
        facts.coveragePerIncident = value["coverage"]?["perIncident"]?.doubleValue
        facts.coverageAggregate = value["coverage"]?["aggregate"]?.doubleValue
        facts.note = value["note"]?.stringValue
        facts.subtype = value["subtype"]?.stringValue
        statementsAndAmounts(value, into: &facts, pointer: pointer, file: file, errors: &errors)
        return facts
    }

    /// `states`, `amounts` and `coverage` (docs/manifest.md): what the schema cannot say about
    /// them is checked here, with the place. `coverage`'s numbers become the amounts `coverage`,
    /// `per-incident` and `aggregate`, so an `<amount>` rule checks them; given twice, once there
    /// and once in `amounts`, they are an error rather than a silent choice of one.
    private func statementsAndAmounts(_ value: JSONValue, into facts: inout DocumentFacts, pointer: String, file: String,
                                      errors: inout [InputError]) {
        func error(_ path: String, _ message: String) {
            errors.append(InputError(SourceLocation(file: file, position: .pointer(pointer + path)), message))
        }
        if let items = value["states"]?.arrayValue {
            var stated = Set<String>()
            for (index, item) in items.enumerated() {
                guard let statement = item.stringValue else { continue }
                if !stated.insert(statement).inserted { error("/states/\(index)", "\"\(statement)\" is stated twice") }
            }
            facts.statements = Statements(stated, source: .manifest)
        }
        for member in value["amounts"]?.members ?? [] {
            let place = JSONPointer.appending("/amounts", member.key)
            guard Self.isFactID(member.key) else {
                error(place, "the amount name \"\(member.key)\" must be lowercase letters, digits and '-', e.g. per-incident")
                continue
            }
            guard let text = member.value.stringValue, let money = Money(text: text, field: "amounts.\(member.key)") else { continue }
            facts.amounts[member.key] = money
        }
        guard let coverage = value["coverage"] else { return }
        let currency = coverage["currency"]?.stringValue
        for (key, name) in [("amount", "coverage"), ("perIncident", "per-incident"), ("aggregate", "aggregate")] {
            guard let number = coverage[key]?.doubleValue else { continue }
            if facts.amounts[name] != nil {
                error("/coverage/\(key)", "the amount \(name) is given twice, here and in amounts; keep one")
                continue
            }
            facts.amounts[name] = Money(value: number, currency: currency, field: currency == nil ? "coverage.currency" : "coverage.\(key)")
        }
    }

    /// An amount name as the schemas' `factId` pattern has it (`^[a-z0-9][a-z0-9-]{0,39}$`): the
    /// manifest's amount names are map keys, which its schema does not constrain.
    static func isFactID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func allowed(_ byte: UInt8) -> Bool { (0x61...0x7a).contains(byte) || (0x30...0x39).contains(byte) }
        return (1...40).contains(bytes.count) && allowed(bytes[0]) && bytes.allSatisfy { allowed($0) || $0 == UInt8(ascii: "-") }
    }
}
