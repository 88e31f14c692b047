import Foundation
import Testing
@testable import CheckDocsCore
@testable import CheckDocsNative

/// OCR in the document workers of the built binary (docs/inspection.md, "OCR"): specimen
/// passports and visa foils from scripts/mrz-specimens.py, read as a 300-dpi PNG, as an
/// image-only PDF and as a text PDF rendered to pixels, and their MRZs found and verified.
/// Skipped where Tesseract is not installed (scripts/setup installs it).
@Suite(.serialized) struct OCRWorkerTests {
    /// Asked of a worker of the built binary, so that this process never loads Tesseract.
    static let tesseractInstalled: Bool = {
        let workers = OCRWorkerTests.pool()
        defer { workers.stopIdleWorkers() }
        return workers.ocrImage(Array("not an image".utf8)) == .unreadable(.undecodable)
    }()
    static let asOf = CalendarDate(iso: "2026-11-29")!

    struct Truth: Decodable {
        var name: String
        var format: String
        var lines: [String]
        var valid: Bool
        var surname: String
        var documentNumber: String
        var birthDate: String
        var expiryDate: String
        var visaClass: String?
        /// The scan's file (a PNG, or a degraded scan's JPEG); absent with --no-images.
        var image: String?
    }

    /// Writes `count` specimens into a new directory and returns it with their truth. The MRZ is
    /// printed in Courier: the English model reads it more often than OCR-B, whose `<` it reads as
    /// K (docs/inspection.md, "MRZ"); these tests are about the plumbing, scripts/eval-mrz about the rate.
    static func specimens(count: Int, font: String = "Courier") throws -> (URL, [Truth]) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("checkdocs-mrz-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", CLITests.root + "/scripts/mrz-specimens.py", "--count", String(count), "--mrz-font", font,
                             directory.path]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "scripts/mrz-specimens.py failed")
        let truth = try JSONDecoder().decode([Truth].self, from: Data(contentsOf: directory.appendingPathComponent("truth.json")))
        return (directory, truth)
    }

    static func bytes(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }

    static func pool() -> DocumentWorkers {
        let pool = DocumentWorkers()
        pool.useWorkers(executable: CLITests.binary, environment: [:])
        return pool
    }

    static func text(_ reading: DocumentWorkers.OCRReading) -> String? {
        if case let .page(page) = reading { return page.text }
        return nil
    }

    static func zones(_ reading: DocumentWorkers.OCRReading) -> [MachineReadableZone] {
        if case let .page(page) = reading { return MachineReadableZone.find(in: page, asOf: asOf) }
        return []
    }

    @Test("specimen passports' MRZs are read from their PNGs, image-only PDFs and text PDFs, in a worker",
          .enabled(if: tesseractInstalled, "Tesseract is not installed; run scripts/setup"))
    func passportThroughWorker() throws {
        let (directory, truths) = try Self.specimens(count: 9)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pool = Self.pool()
        defer { pool.stopIdleWorkers() }
        // Passports are the even specimens; 0, 2, 6 and 8 have valid zones. OCR misreads some
        // characters of some of them (then no zone is found); a zone that is found is right.
        var found: [String: Int] = [:]
        for truth in [truths[0], truths[2], truths[6], truths[8]] {
            let expected = try MachineReadableZone.parse(truth.lines[0], truth.lines[1], asOf: Self.asOf).get()
            #expect(expected.format == .passport && truth.valid)
            let png = try Self.bytes(directory.appendingPathComponent(truth.name + ".png"))
            let scan = try Self.bytes(directory.appendingPathComponent(truth.name + "-scan.pdf"))
            let pdf = try Self.bytes(directory.appendingPathComponent(truth.name + ".pdf"))
            for (label, reading) in [("PNG", pool.ocrImage(png)), ("scan PDF", pool.ocrPDFPage(scan, index: 0)),
                                     ("text PDF", pool.ocrPDFPage(pdf, index: 0))] {
                let text = try #require(Self.text(reading), "\(label): \(reading)")
                #expect(text.contains("PASSPORT"), "\(label)")
                let zones = Self.zones(reading)
                #expect(zones.allSatisfy { $0.lines[1] == expected.lines[1] && $0.birthDate == expected.birthDate }, "\(label): \(zones)")
                if !zones.isEmpty { found[label, default: 0] += 1 }
            }
        }
        #expect(found["PNG", default: 0] >= 1 && found["scan PDF", default: 0] >= 1 && found["text PDF", default: 0] >= 1, "\(found)")
        let truth = truths[0]
        let png = try Self.bytes(directory.appendingPathComponent(truth.name + ".png"))
        let scan = try Self.bytes(directory.appendingPathComponent(truth.name + "-scan.pdf"))
        if case let .page(page) = pool.ocrPDFPage(scan, index: 0) {
            #expect(page.pageCount == 1 && page.pixelWidth == 2550 && page.pixelHeight == 3300)
            #expect(page.meanConfidence > 50 && page.textComplete)
        }
        // The same bytes, the same text: OCR is a pure function of the document.
        #expect(pool.ocrImage(png) == pool.ocrImage(png))
        // Specimen 4 has a broken check digit: OCR reads it, and no zone is found.
        let broken = try Self.bytes(directory.appendingPathComponent(truths[4].name + ".png"))
        #expect(!truths[4].valid)
        let brokenReading = pool.ocrImage(broken)
        #expect(Self.text(brokenReading) != nil)
        #expect(Self.zones(brokenReading).isEmpty)
        // A page that does not exist, an image that does not decode, a PDF that does not open.
        #expect(pool.ocrPDFPage(scan, index: 1) == .unreadable(.noSuchPage))
        #expect(pool.ocrImage(Array("not an image at all".utf8)) == .unreadable(.undecodable))
        #expect(pool.ocrPDFPage(Array("%PDF-1.7 garbage".utf8), index: 0) == .unreadable(.pdfNotOpened))
        #expect(pool.started >= 1)
    }

    @Test("a US visa foil's MRZ, with its class, is read from its PNG in a worker",
          .enabled(if: tesseractInstalled, "Tesseract is not installed; run scripts/setup"))
    func visaThroughWorker() throws {
        let (directory, truths) = try Self.specimens(count: 2)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pool = Self.pool()
        defer { pool.stopIdleWorkers() }
        let truth = truths[1]
        let png = try Self.bytes(directory.appendingPathComponent(truth.name + ".png"))
        let reading = pool.ocrImage(png)
        let zones = Self.zones(reading)
        #expect(zones.count == 1, "\(reading)")
        #expect(zones.first?.format == .visa)
        #expect(zones.first?.visaClass == truth.visaClass)
        #expect(zones.first?.documentNumber == truth.documentNumber)
        #expect(zones.first?.expiryDate == CalendarDate(iso: truth.expiryDate))
    }

    @Test("two pages read at once go to two workers, and read as they do one at a time",
          .enabled(if: tesseractInstalled, "Tesseract is not installed; run scripts/setup"))
    func pagesInParallel() throws {
        let (directory, truths) = try Self.specimens(count: 2)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pages = try truths.map { try Self.bytes(directory.appendingPathComponent($0.name + ".png")) }
        let pool = Self.pool()
        defer { pool.stopIdleWorkers() }
        final class Box: @unchecked Sendable { var readings: [DocumentWorkers.OCRReading?] = [nil, nil] }
        let box = Box()
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let reading = pool.ocrImage(pages[index])
            lock.withLock { box.readings[index] = reading }
        }
        #expect(pool.started == 2)
        #expect(pool.idleProcessIDs.count == 2)
        // The same pages again, one at a time, in the now idle workers: the same text.
        #expect(box.readings[0] == pool.ocrImage(pages[0]))
        #expect(box.readings[1] == pool.ocrImage(pages[1]))
        #expect(box.readings.allSatisfy { if case .page = $0 { return true } else { return false } })
    }

    @Test("a worker started from a thread that has ended is not killed with it: its death signal is checkdocs'",
          .enabled(if: tesseractInstalled, "Tesseract is not installed; run scripts/setup"))
    func workerOutlivesItsThread() {
        let pool = Self.pool()
        defer { pool.stopIdleWorkers() }
        let undecodable = Array("not an image at all".utf8)
        let thread = Thread { _ = pool.ocrImage(undecodable) }
        thread.start()
        while !thread.isFinished { usleep(1_000) }
        // The thread's end, and a death signal if one comes, are a moment later.
        usleep(300_000)
        #expect(pool.started == 1)
        #expect(pool.ocrImage(undecodable) == .unreadable(.undecodable))
        #expect(pool.started == 1, "the idle worker died with the thread that started it, and was replaced")
    }

    @Test("a worker runs Tesseract's OpenMP on one thread and sees none of the user's environment",
          .enabled(if: tesseractInstalled, "Tesseract is not installed; run scripts/setup"))
    func workerEnvironment() throws {
        let pool = Self.pool()
        defer { pool.stopIdleWorkers() }
        _ = pool.ocrImage(Array("warm-up".utf8))
        let pid = try #require(pool.idleProcessIDs.first)
        let environment = try String(contentsOfFile: "/proc/\(pid)/environ", encoding: .utf8).split(separator: "\0")
        #expect(environment.contains("OMP_THREAD_LIMIT=1"))
        #expect(!environment.contains { $0.hasPrefix("HOME=") || $0.hasPrefix("PATH=") })
    }

    @Test("without Tesseract's English model, OCR is unavailable, with the reason",
          .enabled(if: tesseractInstalled, "Tesseract is not installed; run scripts/setup"))
    func unavailableModel() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("checkdocs-tessdata-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let worker = try WorkerProcess.spawn(executable: CLITests.binary,
                                             arguments: [DocumentWorkers.workerArgument, "10", String(1 << 30)],
                                             environment: ["TESSDATA_PREFIX=" + empty.path, "OMP_THREAD_LIMIT=1"])
        defer { worker.terminate() }
        let request = OCRWorkerProtocol.request(.image, document: Array("any bytes".utf8))
        let answer = try worker.exchange(request, deadlineMilliseconds: 15_000, maxAnswerBytes: DocumentWorkerProtocol.maxAnswerBytes).get()
        #expect(OCRWorkerProtocol.decode(answer) == .success(.unavailable(.englishModel)))
        #expect(OCRUnavailable.englishModel.reason == "Tesseract has no English model (tesseract-ocr-eng)")
    }

    /// The evaluation (docs/inspection.md, "OCR"): run by scripts/eval-mrz, which writes the
    /// specimens and sets CHECKDOCS_MRZ_EVAL to their directory. Reads every 300-dpi PNG in one
    /// worker, one page at a time, and reports MRZ recall, false accepts and the worker's CPU per page.
    @Test("MRZ recall on 300-dpi specimens is at least 90 % with no false accept",
          .enabled(if: ProcessInfo.processInfo.environment["CHECKDOCS_MRZ_EVAL"] != nil, "set by scripts/eval-mrz"))
    func mrzEvaluation() throws {
        let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["CHECKDOCS_MRZ_EVAL"]!)
        let truths = try JSONDecoder().decode([Truth].self, from: Data(contentsOf: directory.appendingPathComponent("truth.json")))
        let pool = DocumentWorkers()
        // The worker's deadline as scripts/eval-mrz is told (a busy machine stretches a page's wall time).
        pool.useWorkers(executable: CLITests.binary,
                        environment: ProcessInfo.processInfo.environment.filter { $0.key == DocumentWorkers.timeoutVariable })
        defer { pool.stopIdleWorkers() }
        _ = pool.ocrImage(Array("warm-up: loads Tesseract and its model".utf8))
        var pid = try #require(pool.idleProcessIDs.first)
        func cpuSeconds() throws -> Double {
            // utime and stime, fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 per second).
            let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
            let fields = stat[stat.range(of: ")")!.upperBound...].split(separator: " ")
            return (Double(fields[11])! + Double(fields[12])!) / 100
        }
        var found = 0, expected = 0, falseAccepts = 0, nameMisreads = 0, missed: [String] = []
        // The facts a zone gives, but the name (counted apart: no check digit covers it). A visa
        // class that was not read (nil) is missing, not wrong; one that was read must be right.
        func checked(_ zone: MachineReadableZone, _ truth: MachineReadableZone) -> Bool {
            [zone.format.rawValue, zone.documentNumber, zone.birthDate.description, zone.expiryDate.description,
             zone.sex.rawValue, zone.nationality] == [truth.format.rawValue, truth.documentNumber, truth.birthDate.description,
                                                      truth.expiryDate.description, truth.sex.rawValue, truth.nationality]
                && (zone.visaClass == nil || zone.visaClass == truth.visaClass)
        }
        var seconds: [Double] = []
        for truth in truths {
            let scan = try Self.bytes(directory.appendingPathComponent(truth.image ?? truth.name + ".png"))
            let before = try cpuSeconds()
            let reading = pool.ocrImage(scan)
            guard pool.idleProcessIDs == [pid] else {
                // The worker failed on this page (its deadline, on a busy machine): say so, count
                // the page as read by nobody, and go on with the next worker.
                Issue.record("the worker failed on \(truth.name): \(reading)")
                if truth.valid { expected += 1; missed.append("\(truth.name): the worker failed") }
                pid = try #require(pool.idleProcessIDs.first ?? {
                    _ = pool.ocrImage(Array("warm-up".utf8))
                    return pool.idleProcessIDs.first
                }())
                continue
            }
            seconds.append(try cpuSeconds() - before)
            let zones = Self.zones(reading)
            let truthZone = try? MachineReadableZone.parse(truth.lines[0], truth.lines[1], asOf: Self.asOf).get()
            if truth.valid { expected += 1 }
            for zone in zones {
                guard let truthZone, checked(zone, truthZone) else {
                    falseAccepts += 1
                    print("false accept: \(truth.name): \(zone.lines) for \(truth.lines)")
                    continue
                }
                found += 1
                if zone.surname != truthZone.surname || zone.givenNames != truthZone.givenNames {
                    nameMisreads += 1
                    print("name misread: \(truth.name): \(zone.surname) / \(zone.givenNames) for \(truthZone.surname) / \(truthZone.givenNames)")
                }
            }
            if truth.valid, zones.isEmpty { missed.append("\(truth.name): \(truth.lines) read as \(reading)") }
        }
        let recall = Double(found) / Double(max(1, expected))
        let sorted = seconds.sorted()
        print("MRZ evaluation: \(truths.count) pages, \(expected) with a valid zone; recall \(found)/\(expected) = \(Int((recall * 100).rounded())) %; false accepts \(falseAccepts); names misread \(nameMisreads) (no check digit covers a name)")
        print("OCR CPU per page (one worker, OMP_THREAD_LIMIT=1): median \(sorted[sorted.count / 2]) s, max \(sorted.last!) s")
        for line in missed { print("missed: \(line)") }
        #expect(recall >= 0.9)
        #expect(falseAccepts == 0)
    }
}
