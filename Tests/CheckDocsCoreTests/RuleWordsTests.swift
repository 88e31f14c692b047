import Testing
@testable import CheckDocsCore

/// A requirement's rule in words is made when a report reads it (`Words`,
/// docs/performance.md "Instruction counts, third round"): the words read later must be those
/// made from the program's own dates, and results compare by the words, however they are kept.
@Suite struct RuleWordsTests {
    @Test("a rule read after the evaluation is worded with its program's dates, a single clause and a combination alike")
    func deferredWords() throws {
        let xml = Fixture.program("""
          <requirements>
            <require id="ins" title="Insurance"><document type="health_insurance"><validThrough anchor="rotation-end"/></document></require>
            \(RequirementKindTests.tb.replacingOccurrences(of: "<requirements>", with: "").replacingOccurrences(of: "</requirements>", with: ""))
          </requirements>
        """)
        let result = try Fixture.evaluate(xml, files: [])
        #expect(result.result("ins")?.rule == "Health insurance; valid through the rotation end (2027-03-28)")
        let tb = try #require(result.result("tb")?.rule)
        #expect(tb.hasPrefix("one of: (TB blood test (IGRA)"))
        #expect(tb.contains(") | (all of: ("))
        // Read twice, the same words.
        #expect(result.result("tb")?.rule == tb)
    }

    @Test("results are equal, and hash alike, when their rules' words are, made now or when read")
    func equalByWords() throws {
        let xml = Fixture.program(#"<requirements><require id="cv" title="CV"><document type="cv"/></require></requirements>"#)
        let deferred = try #require(try Fixture.evaluate(xml, files: []).result("cv"))
        var worded = deferred
        worded.rule = deferred.rule
        #expect(worded.rule == "Curriculum vitae")
        #expect(worded == deferred)
        #expect(worded.hashValue == deferred.hashValue)
        worded.rule = "something else"
        #expect(worded != deferred)
        worded.rule = nil
        #expect(worded != deferred)
    }
}
