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

/// The compiled schemas, built once per process and shared by every loader and thread.
public final class Schemas: Sendable {
    public let programXSD: XMLSchema
    public let programJSON: JSONSchemaValidator
    public let manifestJSON: JSONSchemaValidator
    public let catalogJSON: JSONSchemaValidator
    public let waiversJSON: JSONSchemaValidator

    public init() throws(InputErrors) {
        guard let xsd = BuiltinData.file(BuiltinData.programSchemaFile) else {
            throw InputErrors([InputError(file: "builtin:" + BuiltinData.programSchemaFile, "missing from the build")])
        }
        programXSD = try XMLSchema(xsd, name: "builtin:" + BuiltinData.programSchemaFile)
        programJSON = try BuiltinData.jsonSchema(BuiltinData.programJSONSchemaFile)
        manifestJSON = try BuiltinData.jsonSchema(BuiltinData.manifestSchemaFile)
        catalogJSON = try BuiltinData.jsonSchema(BuiltinData.catalogSchemaFile)
        waiversJSON = try BuiltinData.jsonSchema(BuiltinData.waiversSchemaFile)
    }

    /// Built once, lazily and thread-safely (a static let), then shared.
    private static let instance: Result<Schemas, InputErrors> = Result { () throws(InputErrors) -> Schemas in try Schemas() }

    /// The process-wide instance.
    public static func shared() throws(InputErrors) -> Schemas {
        try instance.get()
    }
}
