import CheckDocsNative
import CheckDocsFormats

/// Loads the document-type catalog (built-in, plus any `document-types.json` given with --checklists).
public enum CatalogLoader {
    public static func builtin() throws(InputErrors) -> DocumentCatalog {
        DocumentCatalog(types: try builtinTypes())
    }

    /// The built-in document types, decoded without running the catalog schema over them: the
    /// build embeds the file, and BuiltinDataTests validates it against that schema (a start-up
    /// saving; docs/performance.md, "Start-up").
    static func builtinTypes() throws(InputErrors) -> [DocumentType] {
        guard let text = BuiltinData.file(BuiltinData.catalogFile) else {
            throw InputErrors([InputError(file: "builtin:" + BuiltinData.catalogFile, "missing from the build")])
        }
        return try decode(Array(text.utf8), file: "builtin:" + BuiltinData.catalogFile, validating: false)
    }

    /// Reads and decodes a catalog file given with --checklists; its parents may name any type in
    /// `known` (the built-in catalog and earlier files) as well as its own.
    public static func load(file: String, known: Set<String> = []) throws(InputErrors) -> [DocumentType] {
        let bytes: [UInt8]
        do {
            bytes = try SafeFileReader.read(file)
        } catch {
            throw InputErrors([error])
        }
        return try decode(bytes, file: file, known: known)
    }

    /// Parses and validates a catalog file against document-types.schema.json.
    public static func decode(_ bytes: [UInt8], file: String, known: Set<String> = []) throws(InputErrors) -> [DocumentType] {
        try decode(bytes, file: file, known: known, validating: true)
    }

    /// `validating: false` for the built-in file only, which BuiltinDataTests validates.
    static func decode(_ bytes: [UInt8], file: String, known: Set<String> = [], validating: Bool) throws(InputErrors) -> [DocumentType] {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw InputErrors([InputError(SourceLocation(file: file, position: .line(error.line, column: error.column)), error.message)])
        }
        let violations = validating ? try Schemas.shared().catalogJSON.validate(value) : []
        if !violations.isEmpty {
            throw InputErrors(violations.map { InputError(SourceLocation(file: file, position: .pointer($0.pointer)), $0.message) })
        }
        var errors: [InputError] = []
        var seen = Set<String>()
        var types: [DocumentType] = []
        for (index, item) in (value["types"]?.arrayValue ?? []).enumerated() {
            let id = item["id"]?.stringValue ?? ""
            if !seen.insert(id).inserted {
                errors.append(InputError(SourceLocation(file: file, position: .pointer("/types/\(index)/id")), "duplicate document type \"\(id)\""))
            }
            types.append(DocumentType(
                id: id,
                title: item["title"]?.stringValue ?? id,
                description: item["description"]?.stringValue ?? "",
                category: item["category"]?.stringValue ?? "administrative",
                aliases: item["aliases"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                parents: item["parents"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                fileNameDate: item["fileNameDate"]?.stringValue.flatMap(DocumentType.NameDateMeaning.init(rawValue:)) ?? .date,
                isVaccine: item["vaccine"]?.boolValue ?? false,
                isLab: item["lab"]?.boolValue ?? false,
                subtypes: subtypes(item, index: index, file: file, errors: &errors)))
            types[types.count - 1].leadDays = item["leadDays"]?.intValue
            types[types.count - 1].draftStatements = item["draft"]?["states"]?.arrayValue?.compactMap(\.stringValue) ?? []
            types[types.count - 1].draftAmounts = item["draft"]?["amounts"]?.arrayValue?.compactMap(\.stringValue) ?? []
            types[types.count - 1].notWhenNamed = item["notWhenNamed"]?.arrayValue?.compactMap(\.stringValue) ?? []
            types[types.count - 1].qualifiers = item["qualifiers"]?.arrayValue?.compactMap(\.stringValue) ?? []
            types[types.count - 1].minDoseIntervalDays = item["minDoseIntervalDays"]?.intValue
            for (offset, entry) in (item["doseIntervals"]?.arrayValue ?? []).enumerated() {
                guard let dose = entry["dose"]?.intValue, let after = entry["after"]?.intValue, let days = entry["minDays"]?.intValue else { continue }
                guard after < dose else {
                    errors.append(InputError(SourceLocation(file: file, position: .pointer("/types/\(index)/doseIntervals/\(offset)/after")),
                                             "after is \(after); it must name a dose before dose \(dose)"))
                    continue
                }
                types[types.count - 1].doseIntervals.append(DocumentType.DoseInterval(dose: dose, after: after, minDays: days))
            }
            types[types.count - 1].negativeTiterVoidsSeries = item["negativeTiterVoidsSeries"]?.boolValue ?? false
            if let level = item["protectiveTiter"], let min = level["min"]?.doubleValue, let unit = level["unit"]?.stringValue {
                types[types.count - 1].protectiveTiter = DocumentType.TiterLevel(min: min, unit: unit)
            }
        }
        for (index, type) in types.enumerated() {
            for (parentIndex, parent) in type.parents.enumerated() where !seen.contains(parent) && !known.contains(parent) {
                errors.append(InputError(SourceLocation(file: file, position: .pointer("/types/\(index)/parents/\(parentIndex)")),
                                         "unknown parent type \"\(parent)\""))
            }
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        return types
    }

    /// A type's `subtypes` (docs/catalog.md); one id given twice is an error.
    private static func subtypes(_ item: JSONValue, index: Int, file: String, errors: inout [InputError]) -> [DocumentType.Subtype] {
        var subtypes: [DocumentType.Subtype] = []
        for (offset, entry) in (item["subtypes"]?.arrayValue ?? []).enumerated() {
            let id = entry["id"]?.stringValue ?? ""
            if subtypes.contains(where: { $0.id == id }) {
                errors.append(InputError(SourceLocation(file: file, position: .pointer("/types/\(index)/subtypes/\(offset)/id")),
                                         "duplicate subtype \"\(id)\""))
            }
            subtypes.append(DocumentType.Subtype(id: id, aliases: entry["aliases"]?.arrayValue?.compactMap(\.stringValue) ?? []))
        }
        return subtypes
    }

    /// Whether a file found in a folder is a document-type catalog (`document-types.json`).
    public static func isCatalogFile(_ path: String) -> Bool {
        path == BuiltinData.catalogFile || path.hasSuffix("/" + BuiltinData.catalogFile)
    }

    /// Adds a `document-types.json` to `types` (replacing types of the same ids) and their places
    /// to `origins`; its errors, if any, go to `errors` and it adds nothing. Shared by
    /// `--checklists` (Knowledge) and `lint`, so both read such a file alike.
    public static func add(file: String, to types: inout [DocumentType], origins: inout [String: SourceLocation],
                           errors: inout [InputError]) {
        do {
            let added = try load(file: file, known: Set(types.map(\.id)))
            types = merging(types, added)
            origins.merge(Self.origins(of: added, file: file)) { _, new in new }
        } catch {
            errors += error.errors
        }
    }

    /// Built-in types with extra ones added; an extra type with a built-in id replaces it.
    public static func merging(_ base: [DocumentType], _ extra: [DocumentType]) -> [DocumentType] {
        var types = base
        // Positions by id: a search of the list for each added type was quadratic.
        var positions: [String: Int] = [:]
        for (index, type) in types.enumerated() where positions[type.id] == nil { positions[type.id] = index }
        for type in extra {
            if let index = positions[type.id] {
                types[index] = type
            } else {
                positions[type.id] = types.count
                types.append(type)
            }
        }
        return types
    }
}
