import Foundation
import Testing
@testable import CheckDocsCore

/// A report that tells the truth about every file (docs/programs.md, "How a file is checked" and
/// "Counting the files that passed"): a present file is never `missing`, every candidate that does
/// not count says why, alternatives do not repeat themselves, every candidate gets the baseline
/// check, and letters beyond a program's maximum are a choice, not a failure.
@Suite struct TruthfulReportTests {
    static func program(_ requirement: String) -> String {
        Fixture.program("<requirements>\(requirement)</requirements>")
    }

    static func item(_ document: String) -> String {
        #"<require id="item" title="Item">\#(document)</require>"#
    }

    // MARK: 1. A present file with an unknown fact is not-evaluable, never missing

    @Test("a QuantiFERON with no result is not-evaluable, names the file and the fact, and lists the file")
    func labReportWithoutResult() throws {
        let name = "TB_QuantiFERON_2026-11-02.pdf"
        let program = Self.program(Self.item(#"<document type="tb_igra" result="negative"/>"#))
        let result = try #require(try Fixture.evaluate(program, files: [], contents: [name: PDFFixtures.pdf()]).result("item"))
        #expect(result.status == .notEvaluable)
        #expect(result.files == [FilePath(name)])
        #expect(result.message.contains(name))
        #expect(result.message.contains("`result:`"))
        #expect(result.hint?.contains("Add it to the folder") != true)
        #expect(result.reason?.code == "result-unknown")
    }

    @Test("a vaccination record (doses, no result) is no lab report: a result rule turns it down, and the doses alternative says what is missing")
    func doseRecordIsNoLabReport() throws {
        let name = "MMR_vaccination_record.pdf"
        let program = Self.program(Self.item(#"<anyOf><document type="mmr" minDoses="2"/><document type="mmr" result="positive"/></anyOf>"#))
        let manifest = "documents:\n  \"\(name)\": {type: mmr, doses: [\"2001-03-14\"]}\n"
        let result = try #require(try Fixture.evaluate(program, files: [], contents: [name: PDFFixtures.pdf()], manifest: manifest).result("item"))
        #expect(result.status == .invalid)
        #expect(!result.message.contains("`result:`"), "\(result.message)")
        #expect(result.message.contains("1 of 2 doses"), "\(result.message)")
        let alone = Self.program(Self.item(#"<document type="mmr" result="positive"/>"#))
        let turned = try #require(try Fixture.evaluate(alone, files: [], contents: [name: PDFFixtures.pdf()], manifest: manifest).result("item"))
        #expect(turned.status == .invalid && turned.reason?.code == "dose-record")
        #expect(turned.message.contains("it records vaccine doses, not a lab result"), "\(turned.message)")
        // The same for a titer rule: a 3-dose hepatitis B record is no quantitative titer.
        let titer = Self.program(Self.item(#"<document type="hepb"><titer min="10" unit="mIU/mL"/></document>"#))
        let series = "documents:\n  \"HepB.pdf\": {type: hepb, doses: [\"2020-01-01\", \"2020-02-01\", \"2020-07-01\"]}\n"
        let record = try #require(try Fixture.evaluate(titer, files: [], contents: ["HepB.pdf": PDFFixtures.pdf()], manifest: series).result("item"))
        #expect(record.status == .invalid && record.reason?.code == "dose-record" && record.message.contains("not a titer"), "\(record.message)")
    }

    @Test("a hepatitis B card with no titer is not-evaluable, not missing")
    func titerCardWithoutValue() throws {
        let name = "Hep B titer 2026-09-14.pdf"
        let program = Self.program(Self.item(#"<anyOf><document type="hepb"><titer min="10" unit="mIU/mL"/></document><document type="hepb" minDoses="3"/></anyOf>"#))
        let result = try #require(try Fixture.evaluate(program, files: [], contents: [name: PDFFixtures.pdf()]).result("item"))
        #expect(result.status == .notEvaluable)
        #expect(result.files == [FilePath(name)])
        #expect(result.message.contains(name))
        #expect(result.message.contains("`value:`"))
        #expect(result.hint?.contains("Add it to the folder") != true)
    }

    @Test("too few files that count, with undecided ones that would make up the count: not-evaluable")
    func undecidedFilesCouldMakeTheCount() throws {
        let program = Self.program(Self.item(#"<document type="tb_igra" result="negative" min="2"/>"#))
        let contents = ["QuantiFERON 2026-11-02.pdf": PDFFixtures.pdf(), "QuantiFERON 2026-11-20.pdf": PDFFixtures.pdf()]
        let manifest = "documents:\n  \"QuantiFERON 2026-11-02.pdf\": {result: negative}\n"
        let result = try #require(try Fixture.evaluate(program, files: [], contents: contents, manifest: manifest).result("item"))
        #expect(result.status == .notEvaluable)
        #expect(result.candidates.map(\.counted) == [true, false])
        #expect(result.candidates.last?.reason?.code == "result-unknown")
    }

    // MARK: 2. A count partly met names every candidate and why it does not count

    static func fiveLetters() throws -> [String: [UInt8]] {
        let letter = PDFFixtures.pdf()
        return [
            "LoR - Dr Adams.pdf": letter,
            "LoR - Dr Baker.pdf": try PDFFixtures.encrypted(letter, userPassword: "secret"),
            "LoR - Dr Chen.pdf": try PDFFixtures.encrypted(letter, userPassword: ""),
            "LoR - Dr Diaz.pdf": Array(letter.prefix(letter.count * 6 / 10)),
            "LoR - Dr Evans.pdf": PDFFixtures.pdf([PDFFixtures.a4]),
        ]
    }

    static let eras = #"<require id="lor" title="Letters"><document type="lor" min="3" max="4"><file formats="pdf" notEncrypted="true" pageSize="letter"/></document></require>"#

    @Test("five letters, four failing: each candidate with whether it counts and why not")
    func partlyMetCount() throws {
        let result = try #require(try Fixture.evaluate(Self.program(Self.eras), files: [], contents: Self.fiveLetters()).result("lor"))
        #expect(result.status == .missing)
        #expect(result.message.contains("3 × Letter of recommendation required, 1 found"))
        let byName = Dictionary(uniqueKeysWithValues: result.candidates.map { ($0.path.description, $0) })
        #expect(byName.count == 5)
        #expect(byName["LoR - Dr Adams.pdf"]?.counted == true)
        #expect(byName["LoR - Dr Adams.pdf"]?.reason == nil)
        #expect(byName["LoR - Dr Baker.pdf"]?.reason?.code == "password-protected")
        #expect(byName["LoR - Dr Chen.pdf"]?.reason?.code == "encrypted")
        #expect(byName["LoR - Dr Diaz.pdf"]?.reason?.code == "damaged")
        #expect(byName["LoR - Dr Evans.pdf"]?.reason?.code == "wrong-page-size")
        for candidate in result.candidates where !candidate.counted {
            #expect(candidate.sentence?.isEmpty == false, "\(candidate.path) has no sentence")
        }
        #expect(Set(result.files) == Set(byName.keys.map(FilePath.init)))
    }

    // MARK: 3. Alternatives do not repeat themselves

    @Test("the TB alternatives name each missing document once")
    func alternativesDoNotRepeat() throws {
        let program = Self.program(Self.item("""
            <anyOf>
              <document type="tb_igra" result="negative"/>
              <document type="tb_ppd" result="negative"/>
              <allOf><document type="tb_ppd" result="positive"/><document type="chest_xray"/></allOf>
            </anyOf>
            """))
        let result = try #require(try Fixture.evaluate(program, files: []).result("item"))
        #expect(result.status == .missing)
        let skinTest = "no TB skin test (PPD/TST) found"
        #expect(result.message.components(separatedBy: skinTest).count == 2, "\(result.message)")
        #expect(result.message.contains("Chest X-ray") || result.message.contains("chest X-ray"))
    }

    // MARK: 4. The baseline check, whatever the program's rules

    @Test("a damaged, empty, user-password or mistyped file does not count even without a <file> rule")
    func baseline() throws {
        let pdf = PDFFixtures.pdf()
        let cases: [(bytes: [UInt8], code: String)] = [
            (Array(pdf.prefix(pdf.count * 6 / 10)), "damaged"),
            ([], "empty"),
            (try PDFFixtures.encrypted(pdf, userPassword: "secret"), "password-protected"),
            (PDFFixtures.jpeg(width: 100, height: 100), "wrong-type"),
        ]
        let program = Self.program(Self.item(#"<document type="transcript"/>"#))
        for (bytes, code) in cases {
            let result = try #require(try Fixture.evaluate(program, files: [], contents: ["Transcript.pdf": bytes]).result("item"))
            #expect(result.status == .invalid, "\(code): \(result.message)")
            #expect(result.reason?.kind == "baseline", "\(code)")
            #expect(result.reason?.code == code)
            #expect(result.message.hasPrefix("Transcript.pdf: "))
            #expect(result.files == [FilePath("Transcript.pdf")])
        }
        // An owner-locked PDF opens: only a `notEncrypted` rule refuses it.
        let owner = try PDFFixtures.encrypted(pdf, userPassword: "")
        #expect(try Fixture.evaluate(program, files: [], contents: ["Transcript.pdf": owner]).status(of: "item") == .ok)
        #expect(try Fixture.evaluate(program, files: [], contents: ["Transcript.pdf": pdf]).status(of: "item") == .ok)
    }

    @Test("a file that fails the baseline does not count towards min, and the others still do")
    func baselineInACount() throws {
        let pdf = PDFFixtures.pdf()
        let program = Self.program(Self.item(#"<document type="lor" min="2"/>"#))
        let contents = ["LoR - Dr Adams.pdf": pdf, "LoR - Dr Baker.pdf": Array(pdf.prefix(40)), "LoR - Dr Chen.pdf": pdf]
        let result = try #require(try Fixture.evaluate(program, files: [], contents: contents).result("item"))
        #expect(result.status == .ok)
        #expect(result.candidates.filter { $0.counted }.count == 2)
        #expect(result.candidates.first { !$0.counted }?.reason?.code == "damaged")
    }

    // MARK: 7. Letters beyond the maximum are a choice

    @Test("five letters where at most four can be assigned: ready, with the choice reported")
    func lettersBeyondMaximum() throws {
        let letter = PDFFixtures.pdf()
        let contents = Dictionary(uniqueKeysWithValues: ["Adams", "Baker", "Chen", "Diaz", "Evans"].map { ("LoR - Dr \($0).pdf", letter) })
        let evaluated = try Fixture.evaluate(Self.program(Self.eras), files: [], contents: contents)
        let result = try #require(evaluated.result("lor"))
        #expect(result.status == .ok)
        #expect(evaluated.status == .ready)
        #expect(result.choice == ChoiceToMake(documentType: "lor", max: 4, found: 5))
        #expect(result.message.contains("choose which 4"))
        #expect(result.candidates.allSatisfy { $0.counted })
    }
}
