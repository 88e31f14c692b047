import Foundation
import Testing
@testable import CheckDocsCore

/// Content suggestions: the text of an unrecognized PDF suggests a type and dates, shown with the
/// words that decided, and never used to satisfy a requirement.
@Suite struct SuggestionTests {
    static let program = Fixture.program(#"<requirements><require id="background" title="Background check"><document type="background_check"/></require></requirements>"#)
    static let asOf = CalendarDate(iso: "2026-12-01")!

    static func check(_ contents: [String: [UInt8]]) throws -> ReadinessReport {
        let folder = try TemporaryFolder(contents: contents.merging(["programs/test.xml": Array(Self.program.utf8)]) { $1 })
        defer { folder.remove() }
        return try ReadinessChecker.check(CheckRequest(folder: folder.path, asOf: Self.asOf), knowledge: Fixture.knowledge)
    }

    @Test("a text PDF with a name that says nothing: type and dates suggested, the requirement still missing")
    func suggested() throws {
        let scan = PDFFixtures.pdf([PDFFixtures.Page(text: "Criminal background check completed 28 October 2026: no records found.")])
        let report = try Self.check(["scan0042.pdf": scan])
        #expect(report.header.unrecognizedFiles == [FilePath("scan0042.pdf")])
        let suggestion = try #require(report.header.suggestions.first)
        #expect(suggestion.path == FilePath("scan0042.pdf"))
        #expect(suggestion.documentTypes.first == "background_check")
        #expect(suggestion.evidence.first == ["criminal background check"])
        #expect(suggestion.dates == [CalendarDate(iso: "2026-10-28")!])
        #expect(suggestion.summary.contains("its text says \"criminal background check\""))
        #expect(report.programs[0].status(of: "background") == .missing)
    }

    @Test("suggestions appear in every report format, marked as suggestions")
    func rendered() throws {
        let scan = PDFFixtures.pdf([PDFFixtures.Page(text: "Criminal background check completed 2026-10-28")])
        let report = try Self.check(["scan0042.pdf": scan])
        let outputs = [(TextReporter(color: false, verbosity: .normal).render(report), "Suggestions"),
                       (JSONReporter().render(report), "\"suggestion\": true"),
                       (MarkdownReporter().render(report), "## Suggestions"),
                       (HTMLReporter().render(report), "<h2>Suggestions</h2>")]
        for (text, marker) in outputs {
            #expect(text.contains(marker), "\(marker)")
            #expect(text.contains("scan0042.pdf"))
        }
    }

    @Test("no suggestion for a PDF without a text layer, a text that names nothing, or a recognized file")
    func none() throws {
        let image = PDFFixtures.pdf([PDFFixtures.Page(text: nil)])
        let plain = PDFFixtures.pdf([PDFFixtures.Page(text: "Lorem ipsum dolor sit amet")])
        let named = PDFFixtures.pdf([PDFFixtures.Page(text: "Criminal background check completed 2026-10-28")])
        let report = try Self.check(["scan1.pdf": image, "scan2.pdf": plain, "Background_check.pdf": named])
        #expect(report.header.suggestions.isEmpty)
        #expect(report.programs[0].status(of: "background") == .ok)
    }
}
