import Foundation
import Testing
import CheckDocsNative
@testable import CheckDocsCore

/// The measurement behind `FactDecisions` (docs/inspection.md, "Which facts decide"): the corpus
/// of `scripts/facts-corpus.py` (generated text-layer PDFs with their ground truth) read through
/// poppler and `TextFactReader`, precision and recall per fact class, no wrong reading of a
/// deciding class, and the text layer's flags by the rule. Part of every test run (text layer
/// only: it takes seconds); `scripts/facts-eval` measures the scans too (`FactsScanEvaluationTests`).
@Suite struct FactsEvaluationTests {
    struct Tally {
        var correct = 0, wrong = 0, missed = 0
        var precision: Double { correct + wrong == 0 ? 1 : Double(correct) / Double(correct + wrong) }
        var recall: Double { correct + missed == 0 ? 1 : Double(correct) / Double(correct + missed) }
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("the facts corpus: no wrong reading of a deciding class; per-class precision and recall printed")
    func corpus() throws {
        guard PopplerReader.isAvailable else { return }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("checkdocs-facts-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = ["python3", Self.root.appendingPathComponent("scripts/facts-corpus.py").path, folder.path]
        generator.standardOutput = FileHandle.nullDevice
        try generator.run()
        generator.waitUntilExit()
        try #require(generator.terminationStatus == 0)
        let truth = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("truth.json"))) as? [String: Any])
        let documents = try #require(truth["documents"] as? [[String: Any]])

        var tallies: [FactClass: Tally] = [:]
        var wrongDeciding: [String] = []
        var passed = 0, failed = 0, complete = 0, pages = 0
        var seconds = 0.0
        for document in documents {
            let name = try #require(document["file"] as? String)
            let type = document["type"] as? String
            let expected = try #require(document["facts"] as? [[String: String]]).map { "\($0["fact"]!)=\($0["value"]!)" }
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            let start = ContinuousClock.now
            let pdf = try #require(PopplerReader.facts(of: bytes, countText: false, pageTexts: true))
            let read = pdf.pageTexts.enumerated().flatMap { page, text in
                TextFactReader.read(page: text, number: page + 1, file: FilePath(name), documentType: type)
            }
            let elapsed = ContinuousClock.now - start
            seconds += Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            pages += pdf.pageCount
            var remaining = expected
            var documentWrong = 0, decidingWrong = 0
            for fact in read {
                let key = "\(fact.fact.rawValue)=\(fact.value.description)"
                if let index = remaining.firstIndex(of: key) {
                    remaining.remove(at: index)
                    tallies[fact.fact, default: Tally()].correct += 1
                } else {
                    tallies[fact.fact, default: Tally()].wrong += 1
                    documentWrong += 1
                    if FactDecisions.mayDecide(fact) { decidingWrong += 1; wrongDeciding.append("\(name): \(key) from \"\(fact.evidence)\"") }
                    print("facts-eval: wrong \(name): \(key) from \"\(fact.evidence)\"")
                }
            }
            for key in remaining {
                let fact = FactClass(rawValue: String(key.prefix { $0 != "=" }))!
                tallies[fact, default: Tally()].missed += 1
                print("facts-eval: missed \(name): \(key)")
            }
            // A document passes when every deciding fact read from it is right (the issue's
            // definition); it is read completely when no fact is wrong or missed.
            if decidingWrong == 0 { passed += 1 } else { failed += 1 }
            if documentWrong == 0 && remaining.isEmpty { complete += 1 }
        }
        print("facts-eval: class                 decides  correct  wrong  missed  precision  recall")
        for fact in FactClass.allCases {
            let tally = tallies[fact] ?? Tally()
            let row = FactDecisions.row(fact)
            print("facts-eval: " + fact.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0)
                  + (row.decides ? "yes" : "no ").padding(toLength: 9, withPad: " ", startingAt: 0)
                  + String(tally.correct).padding(toLength: 9, withPad: " ", startingAt: 0)
                  + String(tally.wrong).padding(toLength: 7, withPad: " ", startingAt: 0)
                  + String(tally.missed).padding(toLength: 8, withPad: " ", startingAt: 0)
                  + String(format: "%.3f", tally.precision).padding(toLength: 11, withPad: " ", startingAt: 0)
                  + String(format: "%.3f", tally.recall))
        }
        print("facts-eval: wrong facts that would have decided a requirement: \(wrongDeciding.count)")
        print("facts-eval: seconds per page: " + String(format: "%.5f", pages == 0 ? 0 : seconds / Double(pages)) + " (\(pages) pages, poppler and the reader, in process)")
        print("facts-eval: \(complete) of \(documents.count) documents read completely (every fact right, none missed)")
        print("facts-eval: \(passed) passed, \(failed) failed")
        #expect(wrongDeciding.isEmpty, "\(wrongDeciding)")
        // Every class that decides must be right every time it is read on the corpus, and the
        // table may let a class decide by the text layer only where the rule does
        // (FactDecisions.ruleAllows: enough readings, precision at least 99.5 %).
        for fact in FactClass.allCases where FactDecisions.decides(fact, by: .textLayer) {
            let tally = tallies[fact] ?? Tally()
            #expect(tally.wrong == 0, "\(fact.rawValue): \(tally.wrong) wrong")
            #expect(FactDecisions.ruleAllows(readings: tally.correct + tally.wrong, wrong: tally.wrong, method: .textLayer),
                    "\(fact.rawValue): \(tally.correct + tally.wrong) readings, \(tally.wrong) wrong")
        }
    }
}
