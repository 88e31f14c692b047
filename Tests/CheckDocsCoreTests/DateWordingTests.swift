import Testing
@testable import CheckDocsCore
import CheckDocsNative

/// A date the schema refuses is worded once, as a date: a text that is no date says so, not the
/// date pattern's regular expression beside it (the JSON schema validator, for manifests, waivers
/// and JSON descriptions alike).
@Suite struct DateWordingTests {
    @Test("a manifest date that is no date, an impossible day or a year out of range: one error each, worded as a date",
          arguments: [("April 2024", "\"April 2024\" is not a date in the form YYYY-MM-DD"),
                      ("2024-02-30", "\"2024-02-30\" is not a day of the calendar"),
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

    @Test("a description's impossible day is not a day of the calendar, and a text out of the form is not in the form, in JSON and XML alike",
          arguments: [("2027-02-30", "\"2027-02-30\" is not a day of the calendar"),
                      ("2027-13-01", "\"2027-13-01\" is not a day of the calendar"),
                      ("27-1-1", "\"27-1-1\" is not a date in the form YYYY-MM-DD")])
    func descriptionDates(text: String, message: String) throws {
        let loader = ProgramLoader(schemas: Fixture.knowledge.schemas)
        let json = """
        {"schemaVersion": 1, "program": {"id": "p", "kind": "observership", "name": "P", "institution": "I",
         "source": {"href": "https://example.org", "asOf": "2026-10-01"}, "deadline": "\(text)"}}
        """
        guard case let .failure(jsonErrors) = loader.loadJSON(Array(json.utf8), file: "p.json") else { Issue.record("accepted"); return }
        #expect(jsonErrors.errors.map(\.description) == ["p.json: /program/deadline: error: " + message])
        let xml = Fixture.program("", rotation: nil, extra: #"<deadline date="\#(text)"/>"#)
        guard case let .failure(xmlErrors) = loader.loadXML(Array(xml.utf8), file: "p.xml") else { Issue.record("accepted"); return }
        #expect(xmlErrors.errors.map(\.message) == ["Element 'deadline', attribute 'date': " + message], "\(xmlErrors.errors)")
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
