import CheckDocsNative

/// The catalog of real programs compiled into the binary from catalog/ (docs/catalog.md,
/// "The built-in catalog"): what `pick` and `list programs` use when no `--programs` is given.
extension Knowledge {
    public static let builtinCatalogPrefix = "catalog/"

    /// The embedded catalog files, sorted by name.
    static var builtinCatalogFiles: [(name: String, text: String)] {
        BuiltinData.allFileNames
            .filter { $0.hasPrefix(Self.builtinCatalogPrefix) && ($0.hasSuffix(".xml") || $0.hasSuffix(".json")) }
            .map { (name: "builtin:" + $0, text: BuiltinData.file($0) ?? "") }
    }

    /// The built-in catalog's programs, resolved against the checklists.
    public func builtinCatalog() throws(InputErrors) -> [ResolvedProgram] {
        let loader = ProgramLoader(schemas: schemas)
        var descriptions: [ProgramDescription] = []
        var errors: [InputError] = []
        for file in Self.builtinCatalogFiles {
            switch loader.load(Array(file.text.utf8), file: file.name) {
            case let .success(description): descriptions.append(description)
            case let .failure(failure): errors += failure.errors
            }
        }
        var seen: [String: SourceLocation] = [:]
        let resolved = resolve(descriptions, seen: &seen)
        errors += resolved.errors
        if !errors.isEmpty { throw InputErrors(errors) }
        return resolved.programs
    }
}
