import Testing
@testable import CheckDocsCore
import CheckDocsNative

/// A date the schema refuses is worded once, as a date: a text that is no date says so, not the
/// date pattern's regular expression beside it (the JSON schema validator, for manifests, waivers
/// and JSON descriptions alike).
@Suite struct DateWordingTests {
    @Test("a manifest date that is no date, an impossible day or a year out of range: one error each, worded as a date",
          arguments: [("April 2024", "\"April 2024\" is not a date in the form YYYY-MM-DD"),
                      ("2024-02-30", "\"2024-02-30\" is not a date in the form YYYY-MM-DD"),
                      ("2024-4-20", "\"2024-4-20\" is not a date in the form YYYY-MM-DD")])
    func oneErrorPerDate(text: String, message: String) throws {
        let folder = try TemporaryFolder(manifest: "applicant:\n  graduationDate: \"\(text)\"\n")
        defer { folder.remove() }
        let error = #expect(throws: InputErrors.self) {
            _ = try ManifestLoader(schemas: Fixture.knowledge.schemas, catalog: Fixture.knowledge.catalog).load(folder: folder.path)
        }
        #expect(error?.errors == [InputError(SourceLocation(file: folder.path + "/checkdocs.yaml", position: .pointer("/applicant/graduationDate")),
                                             message)])
    }

    @Test("a real date outside the accepted years says that, once")
    func outOfRange() throws {
        let folder = try TemporaryFolder(manifest: "applicant:\n  graduationDate: \"2301-01-01\"\n")
        defer { folder.remove() }
        let error = #expect(throws: InputErrors.self) {
            _ = try ManifestLoader(schemas: Fixture.knowledge.schemas, catalog: Fixture.knowledge.catalog).load(folder: folder.path)
        }
        #expect(error?.errors.count == 1, "\(error?.errors ?? [])")
        #expect(error?.errors.first?.message.contains("YYYY-MM-DD") == false, "\(error?.errors ?? [])")
        #expect(error?.errors.first?.message.contains("^(") == false, "\(error?.errors ?? [])")
    }
}
