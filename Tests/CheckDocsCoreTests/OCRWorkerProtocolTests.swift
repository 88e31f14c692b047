import Testing
@testable import CheckDocsCore
@testable import CheckDocsNative

/// The `ocrPage` job of the document workers (kind 2): requests and answers round-trip, and the
/// parent believes no OCR answer it has not checked field by field (docs/security.md).
@Suite struct OCRWorkerProtocolTests {
    static let page = OCRPage(text: "PASSPORT\nP<UTOSPECIMEN<<ANNA<<<<\n", textComplete: true, meanConfidence: 91,
                              pixelWidth: 2550, pixelHeight: 3300, pageCount: 3, mrzText: "P<UTOSPECIMEN<<ANNA<<<<")

    static func answer(_ result: OCRResult, input: OCRWorkerProtocol.Input = .image) -> [UInt8] {
        DocumentWorkerProtocol.answer(to: OCRWorkerProtocol.request(input, document: [1, 2, 3]), reader: { _, _ in nil },
                                      ocr: { _, _ in result })
    }

    @Test("requests carry the input and the document; every result round-trips")
    func roundTrip() {
        var seen: [(OCRWorkerProtocol.Input, [UInt8])] = []
        for input in [OCRWorkerProtocol.Input.image, .pdfPage(index: 0), .pdfPage(index: 41)] {
            _ = DocumentWorkerProtocol.answer(to: OCRWorkerProtocol.request(input, document: [9, 8, 7]), reader: { _, _ in nil },
                                              ocr: { input, bytes in seen.append((input, bytes)); return .unreadable(.undecodable) })
        }
        #expect(seen.map(\.0) == [.image, .pdfPage(index: 0), .pdfPage(index: 41)])
        #expect(seen.allSatisfy { $0.1 == [9, 8, 7] })
        var results: [OCRResult] = [.page(Self.page), .page(OCRPage(text: "", textComplete: false, meanConfidence: 0,
                                                                        pixelWidth: 1, pixelHeight: 1, pageCount: 1))]
        results += OCRUnavailable.allCases.map(OCRResult.unavailable) + OCRUnreadable.allCases.map(OCRResult.unreadable)
        for result in results {
            #expect(OCRWorkerProtocol.decode(Self.answer(result)) == .success(result))
        }
    }

    @Test("a worker refuses a malformed OCR request, and the parent refuses that answer")
    func badRequests() {
        let header: [UInt8] = [DocumentWorkerProtocol.version, DocumentWorkerProtocol.Kind.ocrPage.rawValue]
        // Cut before the page index; unknown flags; an image with a page index.
        for request in [header + [0, 0, 0], header + [2, 0, 0, 0, 0, 1], header + [0, 1, 0, 0, 0, 1]] {
            let answer = DocumentWorkerProtocol.answer(to: request, reader: { _, _ in nil }, ocr: { _, _ in .page(Self.page) })
            #expect(throws: (any Error).self) { try OCRWorkerProtocol.decode(answer).get() }
        }
    }

    @Test("cut, lengthened, out-of-range and garbage OCR answers are refused")
    func refusals() {
        let good = Self.answer(.page(Self.page))
        for length in 0..<good.count {
            #expect(throws: (any Error).self, "a \(length)-byte prefix") { try OCRWorkerProtocol.decode(Array(good.prefix(length))).get() }
        }
        #expect(throws: (any Error).self) { try OCRWorkerProtocol.decode(good + [0]).get() }
        // Another version, the PDF kind, an unknown status, an unknown result tag, an unknown reason.
        for (offset, value) in [(0, UInt8(2)), (1, 1), (2, 7), (3, 9)] {
            var changed = good
            changed[offset] = value
            #expect(throws: (any Error).self, "byte \(offset) = \(value)") { try OCRWorkerProtocol.decode(changed).get() }
        }
        #expect(throws: (any Error).self) { try OCRWorkerProtocol.decode(Array(Self.answer(.unavailable(.tesseract)).dropLast()) + [200]).get() }
        #expect(throws: (any Error).self) { try OCRWorkerProtocol.decode(Array(Self.answer(.unreadable(.tooLarge)).dropLast()) + [200]).get() }
        // Fields out of range: no pages, a confidence over 100, more pixels than the reader reads.
        func changed(_ mutate: (inout OCRPage) -> Void) -> [UInt8] {
            var page = Self.page
            mutate(&page)
            return Self.answer(.page(page))
        }
        var noPages = changed { $0.pageCount = 1 }
        noPages[4] = 0
        #expect(throws: (any Error).self) { try OCRWorkerProtocol.decode(noPages).get() }
        var confidence = good
        confidence[16] = 101
        #expect(throws: (any Error).self) { try OCRWorkerProtocol.decode(confidence).get() }
        #expect(throws: (any Error).self) { try OCRWorkerProtocol.decode(changed { $0.pixelWidth = 40_000; $0.pixelHeight = 40_000 }).get() }
        #expect(throws: (any Error).self) { try OCRWorkerProtocol.decode(changed { $0.pixelWidth = 0 }).get() }
        // Text that is not UTF-8, or longer than the reader keeps.
        var notUTF8 = Array(good.prefix(18))
        notUTF8.append(u32: 2)
        notUTF8 += [0xC3, 0x28]
        notUTF8.append(u32: 0)
        #expect(throws: (any Error).self) { try OCRWorkerProtocol.decode(notUTF8).get() }
        var long = Array(good.prefix(18))
        long.append(u32: OCRReader.keptTextBytes + 1)
        long += [UInt8](repeating: 0x41, count: OCRReader.keptTextBytes + 1)
        long.append(u32: 0)
        #expect(throws: (any Error).self) { try OCRWorkerProtocol.decode(long).get() }
        // The worker side never sends more than it keeps: a long text is cut between characters.
        let huge = OCRPage(text: String(repeating: "é", count: OCRReader.keptTextBytes), textComplete: true, meanConfidence: 50,
                           pixelWidth: 10, pixelHeight: 10, pageCount: 1, mrzText: String(repeating: "<", count: 40_000))
        guard case let .success(.page(decoded)) = OCRWorkerProtocol.decode(Self.answer(.page(huge))) else {
            Issue.record("a long page was not sent")
            return
        }
        #expect(decoded.text.utf8.count <= OCRReader.keptTextBytes && decoded.text.allSatisfy { $0 == "é" })
        #expect(!decoded.textComplete)
        #expect(decoded.mrzText.utf8.count == OCRReader.keptMRZTextBytes)
        #expect(Self.answer(.page(huge)).count <= DocumentWorkerProtocol.maxAnswerBytes)
        // Pseudo-random garbage past the header: whatever is accepted is within bounds.
        var generator = SeededGenerator(seed: 17)
        for length in 0..<300 {
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if length > 4 { bytes[0] = 1; bytes[1] = 2; bytes[2] = 0; bytes[3] = 0 }
            if case let .success(.page(page)) = OCRWorkerProtocol.decode(bytes) {
                #expect(page.pixelWidth * page.pixelHeight <= OCRReader.maxPixels && page.meanConfidence <= 100)
            }
        }
    }

    @Test("an OCR page's zones: the MRZ reading first, one zone per line 2")
    func zonesOfAPage() throws {
        let line1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", line2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
        let asOf = CalendarDate(iso: "2026-11-29")!
        let expected = try MachineReadableZone.parse(line1, line2, asOf: asOf).get()
        // The ordinary reading has the name wrong (K for a filler); the MRZ reading has it right.
        let misread = "P<UTOERIKSSONK<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
        let page = OCRPage(text: misread + "\n" + line2, textComplete: true, meanConfidence: 80, pixelWidth: 100,
                           pixelHeight: 100, pageCount: 1, mrzText: line1 + "\n" + line2)
        #expect(MachineReadableZone.find(in: page, asOf: asOf) == [expected])
        var onlyText = page
        onlyText.mrzText = ""
        #expect(MachineReadableZone.find(in: onlyText, asOf: asOf).map(\.surname) == ["ERIKSSONK ANNA MARIA"])
        // A visa read twice, its unchecked optional data differing (a filler read as K): one zone,
        // the MRZ reading's, with the class that reading gives.
        let visa1 = "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", visa2 = "L898902C36UTO7408122F1204159J1<<<<<<<<<<<<<<"
        let visa = OCRPage(text: visa1 + "\n" + visa2.replacingOccurrences(of: "J1<<", with: "J1K<"), textComplete: true,
                           meanConfidence: 80, pixelWidth: 100, pixelHeight: 100, pageCount: 1, mrzText: visa1 + "\n" + visa2)
        #expect(MachineReadableZone.find(in: visa, asOf: asOf).map(\.optionalData) == ["J1"])
    }

    @Test("a zone the MRZ reading verifies is the page's: another the ordinary reading verifies is not added")
    func mrzReadingDecides() throws {
        // G and 6 differ by 10, so a document number read with one for the other keeps its check
        // digit (docs/inspection.md, "MRZ"): the ordinary reading's zone verifies, and is wrong.
        let line1 = "P<POLOYELARAN<SMITH<<JEAN<PIERRE<<<<<<<<<<<<", line2 = "GB00789661POL9203284F330216318880072<<<<<<00"
        let misread = "6B00789661POL9203284F330216318880072<<<<<<00"
        let asOf = CalendarDate(iso: "2026-11-29")!
        let expected = try MachineReadableZone.parse(line1, line2, asOf: asOf).get()
        #expect((try? MachineReadableZone.parse(line1, misread, asOf: asOf).get()) != nil, "the misreading verifies")
        let page = OCRPage(text: line1 + "\n" + misread, textComplete: true, meanConfidence: 80, pixelWidth: 100,
                           pixelHeight: 100, pageCount: 1, mrzText: line1 + "\n" + line2)
        #expect(MachineReadableZone.find(in: page, asOf: asOf) == [expected])
        // Without a zone in the MRZ reading, the ordinary reading's are still looked for.
        var unread = page
        unread.mrzText = line1
        #expect(MachineReadableZone.find(in: unread, asOf: asOf).map(\.documentNumber) == ["6B0078966"])
    }

    @Test("a zone's line, as the English model may read it, is chosen for a second reading; prose is not")
    func zoneLikeLines() {
        #expect(OCRReader.mayBeZoneLine("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"))
        #expect(OCRReader.mayBeZoneLine("L898902C36UTO7408122F1204159ZE184226B «««10"))
        #expect(!OCRReader.mayBeZoneLine("Date of birth: 1974-08-12, Passport No.: L898902C3"))
        #expect(!OCRReader.mayBeZoneLine("P<UTO<<ANNA"))
    }
}
