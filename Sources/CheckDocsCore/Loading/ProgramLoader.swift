import CheckDocsNative
import CheckDocsFormats

/// Reads program descriptions and checklists from XML or JSON files into the one model,
/// validating XML against program.xsd and JSON against program.schema.json.
public struct ProgramLoader: Sendable {
    public let schemas: Schemas

    public init(schemas: Schemas) { self.schemas = schemas }

    public static let extensions: Set<String> = ["xml", "json"]

    /// Loads one file; the format is chosen by its extension.
    public func load(file path: String) -> Result<ProgramDescription, InputErrors> {
        let bytes: [UInt8]
        do {
            bytes = try SafeFileReader.read(path)
        } catch {
            return .failure(InputErrors([error]))
        }
        return load(bytes, file: path)
    }

    /// Parses bytes as JSON or XML, by the file name's extension.
    public func load(_ bytes: [UInt8], file: String) -> Result<ProgramDescription, InputErrors> {
        file.lowercased().hasSuffix(".json") ? loadJSON(bytes, file: file) : loadXML(bytes, file: file)
    }

    /// A standard checklist embedded in the build: parsed and decoded, not validated against the
    /// schemas on every run, since nothing but a new build can change it; BuiltinDataTests
    /// validates every one. Saves a typical check about 3 M instructions, and the XSD's
    /// compilation when no XML program is read (docs/performance.md, "Start-up").
    func loadBuiltin(_ bytes: [UInt8], file: String) -> Result<ProgramDescription, InputErrors> {
        if file.lowercased().hasSuffix(".json") {
            do {
                return Self.decode(.json(try JSONParser.parse(bytes)), file: file)
            } catch {
                return .failure(InputErrors([InputError(SourceLocation(file: file, position: .line(error.line, column: error.column)),
                                                        "not valid JSON: \(error.message)")]))
            }
        }
        return XMLDocumentParser.parse(bytes, file: file, schema: nil).flatMap { Self.decode(.xml($0), file: file) }
    }

    public func loadXML(_ bytes: [UInt8], file: String) -> Result<ProgramDescription, InputErrors> {
        parseXML(bytes, file: file).flatMap { Self.decode(.xml($0), file: file) }
    }

    public func loadJSON(_ bytes: [UInt8], file: String) -> Result<ProgramDescription, InputErrors> {
        parseJSON(bytes, file: file).flatMap { Self.decode(.json($0), file: file) }
    }

    /// For `lint`: a description whose decoding failed only in parts that hold no rule (its
    /// rotation, deadline, facts, fees), with the parts that decoded, so that resolving it finds
    /// the file's other errors in the same run (an unknown document type, a `<remove>` of nothing);
    /// nil when it did not parse or validate, when a rule itself failed, or when nothing failed.
    public func partial(file path: String) -> ProgramDescription? {
        guard let bytes = try? SafeFileReader.read(path) else { return nil }
        let decoded: ProgramDecoder.Decoded
        if path.lowercased().hasSuffix(".json") {
            guard case let .success(value) = parseJSON(bytes, file: path) else { return nil }
            decoded = ProgramDecoder.decoded(json: value, file: path)
        } else {
            guard case let .success(root) = parseXML(bytes, file: path) else { return nil }
            decoded = ProgramDecoder.decoded(xml: root, file: path)
        }
        return decoded.rulesComplete && !decoded.errors.isEmpty ? decoded.description : nil
    }

    /// libxml2's parse and XSD validation: the tree the catalog cache keeps (CatalogTreeCodec).
    func parseXML(_ bytes: [UInt8], file: String) -> Result<XMLElementNode, InputErrors> {
        let schema: XMLSchema
        do { schema = try schemas.programXSD } catch { return .failure(error) }
        return XMLDocumentParser.parse(bytes, file: file, schema: schema)
    }

    /// The JSON parser and schema validation: the tree the catalog cache keeps (CatalogTreeCodec).
    func parseJSON(_ bytes: [UInt8], file: String) -> Result<JSONValue, InputErrors> {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            return .failure(InputErrors([InputError(SourceLocation(file: file, position: .line(error.line, column: error.column)),
                                                    "not valid JSON: \(error.message)")]))
        }
        // Another format version is said once: the schema's alternatives (program, checklist)
        // each refused it on their own terms, a checklist's "missing key" for a program's file.
        if let version = value["schemaVersion"] {
            let shown: String?
            switch version {
            case let .number(number, text): shown = number == 1 ? nil : text
            default: shown = version.typeName
            }
            if let shown {
                return .failure(InputErrors([InputError(SourceLocation(file: file, position: .pointer("/schemaVersion")),
                                                        "schemaVersion is \(shown); this checkdocs reads descriptions of schemaVersion 1")]))
            }
        }
        let validator: JSONSchemaValidator
        do { validator = try schemas.programJSON } catch { return .failure(error) }
        let violations = validator.validate(value)
        if !violations.isEmpty {
            return .failure(InputErrors(violations.map {
                InputError(SourceLocation(file: file, position: .pointer($0.pointer)), $0.message)
            }))
        }
        return .success(value)
    }

    /// The model from a validated tree (just parsed, or from the catalog cache).
    static func decode(_ tree: CatalogTreeCodec.Tree, file: String) -> Result<ProgramDescription, InputErrors> {
        do {
            switch tree {
            case let .xml(root): return .success(try ProgramDecoder.decode(xml: root, file: file))
            case let .json(value): return .success(try ProgramDecoder.decode(json: value, file: file))
            }
        } catch {
            return .failure(error)
        }
    }

    /// Loads every description under the given files and folders. All errors are collected,
    /// so `lint` can report them at once; the descriptions that loaded are returned too.
    /// With `cache`, through the compiled-catalog cache (CachedProgramLoading).
    public func loadAll(_ paths: [String], cache: CatalogCache? = nil) -> (descriptions: [ProgramDescription], errors: [InputError]) {
        let listing = Self.files(in: paths)
        let pack = cache?.pack(for: paths)
        let loaded = load(files: listing.files, pack: pack)
        pack?.finish()
        return (loaded.descriptions, listing.errors + loaded.errors)
    }

    /// The description files named or found under the given paths, in path order.
    public static func files(in paths: [String]) -> (files: [String], errors: [InputError]) {
        var found: [String] = []
        var errors: [InputError] = []
        for path in paths {
            switch FileSystem.kind(of: path) {
            case .directory:
                let listing = DescriptionFolder.files(under: path, extensions: ProgramLoader.extensions)
                found += listing.files
                errors += listing.errors
                // An empty folder would otherwise check nothing and pass: say so instead.
                if listing.files.isEmpty && listing.errors.isEmpty {
                    errors.append(InputError(file: path, "no programs found in \(path) (no .xml or .json file)"))
                }
            case .regular: found.append(path)
            case .missing: errors.append(InputError(file: path, "no such file or directory"))
            default: errors.append(InputError(file: path, "is not a file or folder"))
            }
        }
        // The same file reached twice (a folder and a file in it, `dir` and `./dir`) is read once,
        // where it was first named: not refused as a program id used twice by itself. Compared
        // by device and inode, and only when several paths are given (one folder lists each once).
        if paths.count > 1 {
            var seen = Set<FileIdentity>()
            found = found.filter { file in FileSystem.identity(of: file).map { seen.insert($0).inserted } ?? true }
        }
        return (found, errors)
    }

    /// Loads the given files on all cores; results keep the files' order.
    public func load(files: [String]) -> (descriptions: [ProgramDescription], errors: [InputError]) {
        load(files: files, pack: nil)
    }
}
