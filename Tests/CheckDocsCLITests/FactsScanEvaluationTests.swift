import Foundation
import Testing
@testable import CheckDocsCore
@testable import CheckDocsNative

/// The evaluation of facts read from the corpus of `scripts/facts-corpus.py --scans`
/// (docs/inspection.md, "Which facts decide"): every document as a text PDF (poppler and
/// `TextFactReader`, in process, as `FactsEvaluationTests`) and as a scan at 300 and at 150 dpi
/// (OCR in document workers of the built binary, then `ScanFacts`, the path a run takes).
/// Prints precision and recall per class and rendering, the rule's table per class and method,
/// the wrong readings that would have decided, seconds per page, and "N passed, N failed". Run by
/// `scripts/facts-eval`, which writes the corpus and sets CHECKDOCS_FACTS_EVAL to its directory.
@Suite(.serialized) struct FactsScanEvaluationTests {
    static let asOf = CalendarDate(iso: "2026-11-29")!
    static let renderings = ["text", "300", "150"]

    struct Document: Decodable {
        struct Fact: Decodable { var fact: String; var value: String }
        struct Scan: Decodable { var file: String }
        var file: String
        var type: String
        var pages: Int
        var facts: [Fact]
        var scans: [String: Scan]
    }

    struct Truth: Decodable { var documents: [Document] }

    /// A page OCR did not read (the worker's answer, or a missing file).
    struct Failure: Error { var message: String }

    struct Tally {
        var correct = 0, wrong = 0
        var readings: Int { correct + wrong }
        var precision: Double { readings == 0 ? 1 : Double(correct) / Double(readings) }
    }

    /// One page to read: a document's rendering and page.
    struct Job {
        var document: Int
        var rendering: String
        var file: String
        var page: Int
        var isPDF: Bool
    }

    static func cpuSeconds(_ pids: [Int32]) -> Double {
        pids.reduce(0) { total, pid in
            // utime and stime, fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 per second).
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.range(of: ")") else { return total }
            let fields = stat[close.upperBound...].split(separator: " ")
            return total + (Double(fields[11])! + Double(fields[12])!) / 100
        }
    }

    static func format(_ value: Double) -> String { String(format: "%.3f", value) }

    static func column(_ text: String, _ width: Int) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }

    @Test("the facts corpus with its scans: no wrong deciding reading; the decision table follows the rule",
          .enabled(if: ProcessInfo.processInfo.environment["CHECKDOCS_FACTS_EVAL"] != nil, "set by scripts/facts-eval"),
          .enabled(if: OCRWorkerTests.tesseractInstalled, "Tesseract is not installed; run scripts/setup"))
    func corpus() throws {
        let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["CHECKDOCS_FACTS_EVAL"]!)
        let documents = try JSONDecoder().decode(Truth.self, from: Data(contentsOf: directory.appendingPathComponent("truth.json"))).documents
        var read: [String: [Int: [ReadFact]]] = [:]
        var seconds: [String: Double] = [:], pages: [String: Int] = [:]

        // The text layer, in process.
        for (index, document) in documents.enumerated() {
            let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent(document.file)))
            let start = ContinuousClock.now
            let pdf = try #require(PopplerReader.facts(of: bytes, countText: false, pageTexts: true))
            read["text", default: [:]][index] = pdf.pageTexts.enumerated().flatMap { page, text in
                TextFactReader.read(page: text, number: page + 1, file: FilePath(document.file), documentType: document.type)
            }
            let elapsed = ContinuousClock.now - start
            seconds["text", default: 0] += Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            pages["text", default: 0] += pdf.pageCount
        }

        // The scans, one rendering after the other, as many pages at once as there are cores. A
        // scanned PDF is read to its third page, as a run reads it. The deadline is a minute: the
        // evaluation measures what OCR reads, and a loaded machine (other builds) can make a page
        // pass the 15 s a run allows; a page that fails all the same is read once more, alone.
        let pool = DocumentWorkers()
        pool.useWorkers(executable: CLITests.binary, environment: [DocumentWorkers.timeoutVariable: "60000"])
        defer { pool.stopIdleWorkers() }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        DispatchQueue.concurrentPerform(iterations: cores) { _ in _ = pool.ocrImage(Array("warm-up".utf8)) }
        var failures: [String] = [], retried: [String] = []
        var wall: [String: Double] = [:]
        var timing: [String: [Job]] = [:]
        @Sendable func facts(_ job: Job, _ workers: DocumentWorkers) -> Result<[ReadFact], Failure> {
            guard let bytes = try? [UInt8](Data(contentsOf: directory.appendingPathComponent(job.file))) else {
                return .failure(Failure(message: "\(job.file): not found"))
            }
            let reading = job.isPDF ? workers.ocrPDFPage(bytes, index: job.page) : workers.ocrImage(bytes)
            guard case let .page(page) = reading else { return .failure(Failure(message: "\(job.file) page \(job.page + 1): \(reading)")) }
            let document = documents[job.document]
            // CHECKDOCS_FACTS_EVAL_TEXT=insurance-05 prints what OCR read of that document's scans.
            if let wanted = ProcessInfo.processInfo.environment["CHECKDOCS_FACTS_EVAL_TEXT"], job.file.hasPrefix(wanted + "-") {
                print("facts-eval: OCR text of \(job.file) page \(job.page + 1):\n\(page.text)")
            }
            return .success(ScanFacts.read(page, page: job.page + 1, file: FilePath(document.file), documentType: document.type,
                                           asOf: Self.asOf))
        }
        for rendering in Self.renderings.dropFirst() {
            var list: [Job] = []
            for (index, document) in documents.enumerated() {
                guard let scan = document.scans[rendering] else { continue }
                let isPDF = scan.file.hasSuffix(".pdf")
                for page in 0..<(isPDF ? min(document.pages, ScanReader.maxPages) : 1) {
                    list.append(Job(document: index, rendering: rendering, file: scan.file, page: page, isPDF: isPDF))
                }
            }
            let jobs = list
            guard !jobs.isEmpty else { continue }
            timing[rendering] = Array(jobs.prefix(20))
            final class Results: @unchecked Sendable { var facts: [Result<[ReadFact], Failure>?] = [] }
            let results = Results()
            results.facts = Array(repeating: nil, count: jobs.count)
            let lock = NSLock()
            let start = ContinuousClock.now
            DispatchQueue.concurrentPerform(iterations: jobs.count) { number in
                let read = facts(jobs[number], pool)
                lock.withLock { results.facts[number] = read }
            }
            let elapsed = ContinuousClock.now - start
            wall[rendering] = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            pages[rendering] = jobs.count
            for (number, job) in jobs.enumerated() {
                var result = results.facts[number]!
                if case let .failure(failure) = result {
                    retried.append(failure.message)
                    result = facts(job, pool)
                }
                switch result {
                case let .success(found): read[rendering, default: [:]][job.document, default: []] += found
                case let .failure(failure): failures.append(failure.message)
                }
            }
        }

        // OCR time per page on one core: the first 20 pages of each rendering again, one at a
        // time in one worker (one Tesseract thread), its CPU time (user and system) per page.
        var cpu: [String: [Double]] = [:]
        let single = DocumentWorkers()
        single.useWorkers(executable: CLITests.binary, environment: [DocumentWorkers.timeoutVariable: "60000"])
        defer { single.stopIdleWorkers() }
        _ = single.ocrImage(Array("warm-up: loads Tesseract and its model".utf8))
        for rendering in Self.renderings.dropFirst() {
            for job in timing[rendering] ?? [] {
                guard let pid = single.idleProcessIDs.first else { break }
                let before = Self.cpuSeconds([pid])
                guard case .success = facts(job, single), single.idleProcessIDs == [pid] else { continue }
                cpu[rendering, default: []].append(Self.cpuSeconds([pid]) - before)
            }
        }

        // Precision per class, method and rendering; recall per class and rendering (a fact found
        // by any method); each reading is right when the document states that fact with that value.
        var tallies: [String: [FactClass: [FactMethod: Tally]]] = [:]
        var expected: [String: [FactClass: Int]] = [:], found: [String: [FactClass: Int]] = [:]
        var wrongDeciding: [String] = []
        var passed = 0, failed = 0, complete: [String: Int] = [:]
        for (index, document) in documents.enumerated() {
            let truth = Set(document.facts.map { "\($0.fact)=\($0.value)" })
            var documentPasses = true
            for rendering in Self.renderings {
                guard let facts = read[rendering]?[index] else { continue }
                var seen = Set<String>()
                var wrong = 0
                for fact in facts {
                    let key = "\(fact.fact.rawValue)=\(fact.value.description)"
                    if truth.contains(key) {
                        seen.insert(key)
                        tallies[rendering, default: [:]][fact.fact, default: [:]][fact.method, default: Tally()].correct += 1
                    } else {
                        wrong += 1
                        tallies[rendering, default: [:]][fact.fact, default: [:]][fact.method, default: Tally()].wrong += 1
                        let deciding = FactDecisions.mayDecide(fact)
                        if deciding {
                            documentPasses = false
                            wrongDeciding.append("\(rendering) \(document.file): \(key) (\(fact.method.rawValue)) from \"\(fact.evidence)\"")
                        }
                        print("facts-eval: wrong\(deciding ? " DECIDING" : "") \(rendering) \(document.file): \(key) (\(fact.method.rawValue), \(Self.format(fact.confidence))) from \"\(fact.evidence)\"")
                    }
                }
                for key in truth {
                    let fact = FactClass(rawValue: String(key.prefix { $0 != "=" }))!
                    expected[rendering, default: [:]][fact, default: 0] += 1
                    if seen.contains(key) { found[rendering, default: [:]][fact, default: 0] += 1 }
                    else if rendering != "text" && ProcessInfo.processInfo.environment["CHECKDOCS_FACTS_EVAL_MISSES"] != nil {
                        print("facts-eval: missed \(rendering) \(document.file): \(key)")
                    } else if rendering == "text" {
                        print("facts-eval: missed text \(document.file): \(key)")
                    }
                }
                if wrong == 0 && seen.count == truth.count { complete[rendering, default: 0] += 1 }
            }
            if documentPasses { passed += 1 } else { failed += 1 }
        }

        let scanned = documents.filter { !$0.scans.isEmpty }.count
        print("facts-eval: \(documents.count) documents (\(documents.map(\.pages).reduce(0, +)) pages) as text PDFs, \(scanned) of them also as scans at 300 and 150 dpi; as of \(Self.asOf)")
        print("facts-eval: recall per class and rendering (facts found / facts the documents state)")
        print("facts-eval: " + Self.column("class", 22) + Self.renderings.map { Self.column($0 == "text" ? "text layer" : "\($0) dpi", 18) }.joined())
        for fact in FactClass.allCases {
            let cells = Self.renderings.map { rendering -> String in
                let all = expected[rendering]?[fact] ?? 0, hit = found[rendering]?[fact] ?? 0
                return Self.column(all == 0 ? "-" : "\(hit)/\(all) \(Self.format(Double(hit) / Double(all)))", 18)
            }
            print("facts-eval: " + Self.column(fact.rawValue, 22) + cells.joined())
        }
        let totals = Self.renderings.map { rendering -> String in
            let all = expected[rendering]?.values.reduce(0, +) ?? 0, hit = found[rendering]?.values.reduce(0, +) ?? 0
            return Self.column(all == 0 ? "-" : "\(hit)/\(all) \(Self.format(Double(hit) / Double(all)))", 18)
        }
        print("facts-eval: " + Self.column("all classes", 22) + totals.joined())

        print("facts-eval: precision per class, method and rendering (right readings / readings)")
        print("facts-eval: " + Self.column("class", 22) + Self.column("method", 12) + Self.renderings.map { Self.column($0 == "text" ? "text layer" : "\($0) dpi", 18) }.joined())
        for fact in FactClass.allCases {
            for method in [FactMethod.textLayer, .ocr, .mrz] {
                let cells = Self.renderings.map { rendering -> String in
                    guard let tally = tallies[rendering]?[fact]?[method], tally.readings > 0 else { return Self.column("-", 18) }
                    return Self.column("\(tally.correct)/\(tally.readings) \(Self.format(tally.precision))", 18)
                }
                guard cells.contains(where: { !$0.hasPrefix("-") }) else { continue }
                print("facts-eval: " + Self.column(fact.rawValue, 22) + Self.column(method.rawValue, 12) + cells.joined())
            }
        }

        // The rule (FactDecisions.ruleAllows): readings of every rendering that method reads pooled.
        print("facts-eval: the decision rule: a class decides by a method when it was read at least N times by it (text layer \(FactDecisions.minimumReadings(.textLayer)), OCR \(FactDecisions.minimumReadings(.ocr)), MRZ \(FactDecisions.minimumReadings(.mrz))) with precision >= \(FactDecisions.minimumPrecision)")
        print("facts-eval: " + Self.column("class", 22) + Self.column("method", 12) + Self.column("readings", 10) + Self.column("wrong", 7)
              + Self.column("precision", 11) + Self.column("rule", 10) + "table")
        var disagreements: [String] = []
        for fact in FactClass.allCases {
            for method in [FactMethod.textLayer, .ocr, .mrz] {
                var tally = Tally()
                for rendering in Self.renderings {
                    if let part = tallies[rendering]?[fact]?[method] { tally.correct += part.correct; tally.wrong += part.wrong }
                }
                let rule = FactDecisions.ruleAllows(readings: tally.readings, wrong: tally.wrong, method: method)
                let table = FactDecisions.decides(fact, by: method)
                // A zone gives an expiry and a name only: no row for what it never reads.
                guard tally.readings > 0 || (table && method != .mrz) else { continue }
                print("facts-eval: " + Self.column(fact.rawValue, 22) + Self.column(method.rawValue, 12) + Self.column(String(tally.readings), 10)
                      + Self.column(String(tally.wrong), 7) + Self.column(Self.format(tally.precision), 11)
                      + Self.column(rule ? "decides" : "hint", 10) + (table ? "decides" : "hint"))
                // The table may be more careful than the rule, never less (a text layer's rule is
                // also checked by FactsEvaluationTests on every test run).
                if table && !rule { disagreements.append("\(fact.rawValue) by \(method.rawValue): the table decides, the rule does not") }
            }
        }
        print("facts-eval: wrong facts that would have decided a requirement: \(wrongDeciding.count)")
        for line in wrongDeciding { print("facts-eval:   \(line)") }
        for rendering in Self.renderings {
            guard let count = pages[rendering], count > 0 else { continue }
            if rendering == "text" {
                print("facts-eval: seconds per page, text layer: " + String(format: "%.4f", (seconds["text"] ?? 0) / Double(count))
                      + " (\(count) pages, poppler and the reader, in process)")
            } else {
                let sorted = (cpu[rendering] ?? []).sorted()
                let median = sorted.isEmpty ? 0 : sorted[sorted.count / 2], worst = sorted.last ?? 0
                print("facts-eval: seconds per page, \(rendering) dpi: OCR CPU median " + String(format: "%.2f", median)
                      + ", max " + String(format: "%.2f", worst) + " (\(sorted.count) pages one at a time, one worker, one thread);"
                      + " wall " + String(format: "%.2f", (wall[rendering] ?? 0) / Double(count)) + " per page over all \(count) pages, \(cores) workers at once")
            }
        }
        for rendering in Self.renderings where complete[rendering] != nil || rendering == "text" {
            let total = rendering == "text" ? documents.count : documents.filter { $0.scans[rendering] != nil }.count
            print("facts-eval: \(rendering == "text" ? "text layer" : "\(rendering) dpi"): \(complete[rendering] ?? 0) of \(total) documents read completely (every fact right, none missed)")
        }
        for failure in retried { print("facts-eval: read again (it failed once): \(failure)") }
        for failure in failures { print("facts-eval: not read: \(failure)") }
        print("facts-eval: \(passed) passed, \(failed) failed")
        #expect(failures.isEmpty, "\(failures)")
        #expect(wrongDeciding.isEmpty, "\(wrongDeciding)")
        #expect(disagreements.isEmpty, "\(disagreements)")
    }
}
