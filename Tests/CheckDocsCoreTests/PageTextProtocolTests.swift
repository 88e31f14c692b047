import Testing
import CheckDocsNative
@testable import CheckDocsCore

/// The pages' text in the document worker's answer (docs/security.md, "Document workers"): asked
/// for by a request flag, capped on both sides, refused when not asked for or over the caps.
@Suite struct PageTextProtocolTests {
    static func request(pageTexts: Bool) -> [UInt8] {
        DocumentWorkerProtocol.request(.pdfFacts, countText: false, pageTexts: pageTexts, body: Array("%PDF".utf8))
    }

    static func facts(pages: [String]) -> PDFFacts {
        var facts = PDFFacts(state: .readable)
        facts.pageCount = pages.count
        facts.pageTexts = pages
        return facts
    }

    @Test("pages' text round-trips when asked for, and through poppler it is each page's text")
    func roundTrip() throws {
        let sent = Self.facts(pages: ["Date of expiry: 2032-05-19", "Page 2 · é"])
        let answer = DocumentWorkerProtocol.answer(to: Self.request(pageTexts: true), textReader: { _, _, _ in sent })
        #expect(DocumentWorkerProtocol.decode(answer, kind: .pdfFacts, pageTexts: true) == .success(.pdf(sent)))
        let pdf = PDFFixtures.pdf([PDFFixtures.Page(text: "Date of expiry: 2032-05-19"), PDFFixtures.Page(text: "second")])
        let read = try #require(PopplerReader.facts(of: pdf, countText: false, pageTexts: true))
        #expect(read.pageTexts.count == 2)
        #expect(read.pageTexts.first?.contains("2032-05-19") == true)
        // Without the flag, no page text is read or sent.
        #expect(PopplerReader.facts(of: pdf, countText: false)?.pageTexts.isEmpty == true)
    }

    @Test("an answer with pages' text that was not asked for, or more pages or bytes than the caps, is refused")
    func refusals() {
        let sent = Self.facts(pages: ["a", "b"])
        let answer = DocumentWorkerProtocol.answer(to: Self.request(pageTexts: true), textReader: { _, _, _ in sent })
        #expect(throws: (any Error).self) { try DocumentWorkerProtocol.decode(answer, kind: .pdfFacts, pageTexts: false).get() }
        // Every cut of the answer is refused.
        for length in 0..<answer.count {
            if case .success = DocumentWorkerProtocol.decode(Array(answer.prefix(length)), kind: .pdfFacts, pageTexts: true) {
                Issue.record("a \(length)-byte prefix was accepted")
            }
        }
        // More pages of text than the PDF has pages.
        var lying = answer
        lying[lying.count - 1 - 4 - 1 - 4 - 2] = 9  // the page-text count's low byte ("b", its length, "a", its length, the count)
        #expect(DocumentWorkerProtocol.decode(lying, kind: .pdfFacts, pageTexts: true) == .failure(.init("more pages of text than pages")))
        // The encoder keeps to the caps: at most maxTextPages pages and maxPageTextBytes bytes, cut on a character.
        let huge = Self.facts(pages: Array(repeating: String(repeating: "é", count: PopplerReader.maxPageTextBytes), count: 12))
        let capped = DocumentWorkerProtocol.answer(to: Self.request(pageTexts: true), textReader: { _, _, _ in huge })
        guard case let .success(.pdf(decoded)) = DocumentWorkerProtocol.decode(capped, kind: .pdfFacts, pageTexts: true) else {
            Issue.record("a capped answer was refused")
            return
        }
        #expect(decoded.pageTexts.count == PopplerReader.maxTextPages)
        #expect(decoded.pageTexts.map(\.utf8.count).reduce(0, +) <= PopplerReader.maxPageTextBytes)
        #expect(capped.count <= DocumentWorkerProtocol.maxAnswerBytes)
    }
}
