import CheckDocsNative
import CheckDocsFormats

/// Reads waivers files: `--waivers FILE` (YAML, or JSON by its `.json` extension) and the
/// applicant's own `checkdocs-waivers.yaml` (`.yml`, `.json`) at the folder's root. Validated
/// against `waivers.schema.json`: unknown keys, a missing reason or expiry date and badly formed
/// dates are errors with their JSON Pointer. Size and nesting are bounded like the manifest's.
public struct WaiverLoader {
    public static let fileNames = ["checkdocs-waivers.yaml", "checkdocs-waivers.yml", "checkdocs-waivers.json"]
    public let schemas: Schemas

    public init(schemas: Schemas) { self.schemas = schemas }

    /// A waivers file given on the command line.
    public func load(file: String) throws(InputErrors) -> [Waiver] {
        let bytes: [UInt8]
        do {
            bytes = try SafeFileReader.read(file, limit: YAMLReader.maxBytes)
        } catch {
            throw InputErrors([error])
        }
        return try decode(bytes, file: file)
    }

    /// The applicant folder's own waivers file; nil if it has none.
    public func load(folder: String) throws(InputErrors) -> [Waiver]? {
        guard let (path, bytes) = try ManifestLoader.read(oneOf: Self.fileNames, in: folder, what: "waivers files") else { return nil }
        return try decode(bytes, file: path)
    }

    public func decode(_ bytes: [UInt8], file: String) throws(InputErrors) -> [Waiver] {
        let value = try ManifestLoader.parse(bytes, file: file)
        let violations = try schemas.waiversJSON.validate(value)
        if !violations.isEmpty {
            throw InputErrors(violations.map { InputError(SourceLocation(file: file, position: .pointer($0.pointer)), $0.message) })
        }
        return (value["waivers"]?.arrayValue ?? []).enumerated().compactMap { index, entry in
            guard let requirement = entry["requirement"]?.stringValue, let program = entry["program"]?.stringValue,
                  let reason = entry["reason"]?.stringValue, let expires = entry["expires"]?.stringValue.flatMap(CalendarDate.init(iso:))
            else { return nil }  // the schema has already refused these
            return Waiver(program: program == "*" ? nil : program, requirement: requirement, reason: reason, expires: expires,
                          location: SourceLocation(file: file, position: .pointer("/waivers/\(index)")))
        }
    }
}
