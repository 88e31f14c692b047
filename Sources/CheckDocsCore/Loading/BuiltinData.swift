import CheckDocsNative
import CheckDocsFormats

/// The data compiled into the binary from checklists/ (see Plugins/EmbedChecklists).
public enum BuiltinData {
    public static let catalogFile = "document-types.json"
    public static let programSchemaFile = "schema/program.xsd"
    public static let programJSONSchemaFile = "schema/program.schema.json"
    public static let manifestSchemaFile = "schema/manifest.schema.json"
    public static let catalogSchemaFile = "schema/document-types.schema.json"
    public static let waiversSchemaFile = "schema/waivers.schema.json"
    public static let reportSchemaFile = "schema/report.schema.json"

    public static func file(_ path: String) -> String? { EmbeddedChecklists.files[path] }

    /// The standard checklists, sorted by file name.
    public static var checklistFiles: [(name: String, text: String)] {
        EmbeddedChecklists.files
            .filter { $0.key.hasPrefix("checklists/") && ($0.key.hasSuffix(".xml") || $0.key.hasSuffix(".json")) }
            .sorted { $0.key < $1.key }
            .map { (name: "builtin:" + $0.key, text: $0.value) }
    }

    public static var allFileNames: [String] { EmbeddedChecklists.files.keys.sorted() }

    /// Parses a JSON schema shipped in the binary. A broken embedded schema is a build defect,
    /// reported as an input error rather than a crash.
    static func jsonSchema(_ path: String) throws(InputErrors) -> JSONSchemaValidator {
        guard let text = file(path) else { throw InputErrors([InputError(file: "builtin:" + path, "missing from the build")]) }
        do {
            return JSONSchemaValidator(schema: try JSONParser.parse(Array(text.utf8)), date: DateLimits.verdict)
        } catch {
            throw InputErrors([InputError(SourceLocation(file: "builtin:" + path, position: .line(error.line, column: error.column)), error.message)])
        }
    }
}

/// The compiled schemas, each built the first time a loader asks for it, once per process, then
/// shared by every loader and thread. Compiling all five cost a typical check about 20 M
/// instructions at start-up, most of it for schemas the run never used: the JSON program schema
/// when every program is XML, the waivers schema without waivers (docs/performance.md, "Start-up").
/// A broken embedded schema is a build defect (BuiltinDataTests compiles each one); a run meets it as
/// an input error of the loader that needs it.
public final class Schemas: Sendable {
    public var programXSD: XMLSchema {
        get throws(InputErrors) { try Self.compiledXSD.get() }
    }
    public var programJSON: JSONSchemaValidator {
        get throws(InputErrors) { try Self.compiledProgramJSON.get() }
    }
    public var manifestJSON: JSONSchemaValidator {
        get throws(InputErrors) { try Self.compiledManifestJSON.get() }
    }
    public var catalogJSON: JSONSchemaValidator {
        get throws(InputErrors) { try Self.compiledCatalogJSON.get() }
    }
    public var waiversJSON: JSONSchemaValidator {
        get throws(InputErrors) { try Self.compiledWaiversJSON.get() }
    }

    // Static lets: each is initialized lazily and thread-safely, once.
    private static let compiledXSD = Result { () throws(InputErrors) -> XMLSchema in
        guard let xsd = BuiltinData.file(BuiltinData.programSchemaFile) else {
            throw InputErrors([InputError(file: "builtin:" + BuiltinData.programSchemaFile, "missing from the build")])
        }
        return try XMLSchema(xsd, name: "builtin:" + BuiltinData.programSchemaFile)
    }
    private static let compiledProgramJSON = compile(BuiltinData.programJSONSchemaFile)
    private static let compiledManifestJSON = compile(BuiltinData.manifestSchemaFile)
    private static let compiledCatalogJSON = compile(BuiltinData.catalogSchemaFile)
    private static let compiledWaiversJSON = compile(BuiltinData.waiversSchemaFile)

    private static func compile(_ path: String) -> Result<JSONSchemaValidator, InputErrors> {
        Result { () throws(InputErrors) -> JSONSchemaValidator in try BuiltinData.jsonSchema(path) }
    }

    private init() {}

    private static let instance = Schemas()

    /// The process-wide instance. It no longer throws itself (each schema does, when first
    /// asked for); the signature stays for its callers.
    public static func shared() throws(InputErrors) -> Schemas {
        instance
    }
}
