import Testing
@testable import CheckDocsCore
import CheckDocsNative

/// `Requirement` and `RequirementResult` share their fields between copies
/// (docs/performance.md, "Shared values"): a copy that is changed must not change the original.
@Suite struct SharedValueTests {
    private func result() -> RequirementResult {
        RequirementResult(id: "passport", title: "Passport", category: .document, documentTypes: ["passport"], status: .ok,
                          severity: .error, supplier: .applicant, due: .application, files: [FilePath("Passport.pdf")],
                          message: "satisfied by 1 file", hint: nil, rule: nil, origin: "observership")
    }

    @Test func changingACopyOfAResultLeavesTheOriginal() {
        let original = result()
        var copy = original
        #expect(copy == original)
        copy.status = .missing
        copy.message += " (changed)"
        copy.files.append(FilePath("Other.pdf"))
        #expect(original.status == .ok)
        #expect(original.message == "satisfied by 1 file")
        #expect(original.files == [FilePath("Passport.pdf")])
        #expect(copy.message == "satisfied by 1 file (changed)")
        #expect(copy != original)
        // Equal fields in different boxes are equal, and hash alike.
        let twin = result()
        #expect(twin == original)
        #expect(twin.hashValue == original.hashValue)
    }

    @Test func changingACopyOfARequirementLeavesTheOriginalAndKeepsItsDerivedFields() {
        let location = SourceLocation(file: "p.xml", position: .line(1, column: 1))
        let original = Requirement(id: "tb", title: "TB test", expression: .document(DocumentClause(type: "tb_igra", location: location)),
                                   origin: "p", location: location)
        var copy = original
        copy.expression = .anyOf([.document(DocumentClause(type: "tb_ppd", location: location)),
                                  .document(DocumentClause(type: "chest_xray", location: location))])
        copy.title = "Tuberculosis screening"
        #expect(original.documentTypes == ["tb_igra"])
        #expect(original.title == "TB test")
        #expect(copy.documentTypes == ["tb_ppd", "chest_xray"])
        #expect(copy != original)
    }

    @Test func findingsAreEqualByValueNotByIdentity() {
        let one = ClauseFinding.tooFew(type: "lor", min: 3, found: 1).finding
        let same = ClauseFinding.tooFew(type: "lor", min: 3, found: 1).finding
        let other = ClauseFinding.tooFew(type: "lor", min: 3, found: 2).finding
        #expect(one == same)
        #expect(one.hashValue == same.hashValue)
        #expect(one != other)
    }
}
