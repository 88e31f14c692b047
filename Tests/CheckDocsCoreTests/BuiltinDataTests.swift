import Testing
@testable import CheckDocsNative
@testable import CheckDocsFormats
@testable import CheckDocsCore

/// The data embedded in the build is decoded at start-up without the schemas (a run compiles a
/// schema only when a user's file needs it: docs/performance.md, "Start-up"), so these tests are
/// where it is validated.
@Suite struct BuiltinDataTests {
    @Test("every schema embedded in the build compiles")
    func embeddedSchemasCompile() throws {
        let schemas = try Schemas.shared()
        _ = try schemas.programXSD
        for validator in [try schemas.programJSON, try schemas.manifestJSON, try schemas.catalogJSON, try schemas.waiversJSON] {
            // A compiled schema refuses a value of the wrong type at the root (each expects an object).
            #expect(!validator.validate(.string("not an object")).isEmpty)
        }
    }

    @Test("every built-in checklist is valid against its schema, and decodes the same with or without it")
    func checklistsAreValid() throws {
        let loader = ProgramLoader(schemas: try Schemas.shared())
        let files = BuiltinData.checklistFiles
        #expect(files.count >= 5)
        for file in files {
            let validated = loader.load(Array(file.text.utf8), file: file.name)
            let unvalidated = loader.loadBuiltin(Array(file.text.utf8), file: file.name)
            guard case let .success(checked) = validated, case let .success(trusted) = unvalidated else {
                Issue.record("\(file.name): \(validated), \(unvalidated)")
                continue
            }
            #expect(checked.role == .checklist, "\(file.name)")
            #expect(String(describing: checked) == String(describing: trusted), "\(file.name)")
        }
    }

    @Test("the built-in document-type catalog is valid against document-types.schema.json, and decodes the same without it")
    func catalogIsValid() throws {
        let text = try #require(BuiltinData.file(BuiltinData.catalogFile))
        let validated = try CatalogLoader.decode(Array(text.utf8), file: "builtin:" + BuiltinData.catalogFile)
        let trusted = try CatalogLoader.builtinTypes()
        #expect(validated.count > 40)
        #expect(String(describing: validated) == String(describing: trusted))
        let value = try JSONParser.parse(Array(text.utf8))
        #expect(try Schemas.shared().catalogJSON.validate(value).isEmpty)
    }
}
