import Foundation
import Testing

/// `checkdocs` on a folder holding one problem per document: each problem is named on its file for
/// the program whose rules it breaks, and the same files pass a program that does not care.
@Suite struct InspectionEndToEndTests {
    static let binary: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/.build/debug/checkdocs"
    }()

    static let files: [(name: String, type: String, rule: String)] = [
        ("LoR - Dr Adams.pdf", "lor", #"<file pageSize="letter"/>"#),
        ("CV_2026.pdf", "cv", #"<file noDigitalSignature="true"/>"#),
        ("MSPE.pdf", "mspe", #"<file notEncrypted="true"/>"#),
        ("Transcript.pdf", "transcript", #"<file formats="pdf"/>"#),
        ("Step1 score report.pdf", "usmle_step1", #"<file formats="pdf"/>"#),
        ("Photo.jpg", "photo", #"<file formats="jpeg" maxBytes="153600" pixelWidth="375" pixelHeight="525"/>"#),
        ("Personal statement.pdf", "personal_statement", #"<file maxCharacters="28000"/>"#),
        ("ECFMG status report.pdf", "ecfmg_status_report", #"<file maxCharacters="28000"/>"#),
        ("Passport_bio_page:scan.pdf", "passport", #"<file forbiddenCharacters="|*?:"/>"#),
    ]

    static func program(id: String, strict: Bool) -> String {
        let items = files.map { file in
            #"<require id="\#(file.type)" title="\#(file.type)"><document type="\#(file.type)">\#(strict ? file.rule : "")</document></require>"#
        }.joined(separator: "\n")
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <program xmlns="urn:checkdocs:program:1" schemaVersion="1" id="\(id)" kind="residency">
          <name>\(id)</name>
          <institution>Test</institution>
          <source href="https://example.org/rules" asOf="2026-10-01"/>
          <requirements>\(items)</requirements>
        </program>
        """
    }

    @Test("every content problem on the right file for the strict program; the lenient one still gets the baseline check")
    func folderOfProblems() throws {
        let pdf = PDFFixtures.pdf()
        let contents: [String: [UInt8]] = [
            "LoR - Dr Adams.pdf": PDFFixtures.pdf([PDFFixtures.a4]),
            "CV_2026.pdf": PDFFixtures.pdf(signed: true),
            "MSPE.pdf": try PDFFixtures.encrypted(pdf, userPassword: "secret"),
            "Transcript.pdf": Array(pdf.prefix(pdf.count * 6 / 10)),
            "Step1 score report.pdf": PDFFixtures.jpeg(width: 100, height: 100),
            "Photo.jpg": PDFFixtures.jpeg(width: 800, height: 1000),
            "Personal statement.pdf": PDFFixtures.longText(characters: 30_000),
            "ECFMG status report.pdf": PDFFixtures.pdf([PDFFixtures.Page(text: nil)]),
            "Passport_bio_page:scan.pdf": pdf,
            "programs/strict.xml": Array(Self.program(id: "strict", strict: true).utf8),
            "programs/lenient.xml": Array(Self.program(id: "lenient", strict: false).utf8),
        ]
        let folder = try TemporaryFolder(contents: contents)
        defer { folder.remove() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        // The user's caches (OCR, compiled catalogs) in a directory of the test's own, never the developer's.
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CACHE_HOME"] = folder.path + "-cache"
        process.environment = environment
        defer { try? FileManager.default.removeItem(atPath: folder.path + "-cache") }
        process.arguments = [folder.path, "--as-of", "2026-12-01", "--format", "json"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let programs = try #require(report["programs"] as? [[String: Any]])
        func requirements(_ id: String) -> [String: (status: String, message: String)] {
            let program = programs.first { $0["id"] as? String == id }
            var out: [String: (String, String)] = [:]
            for item in program?["requirements"] as? [[String: Any]] ?? [] {
                out[item["id"] as! String] = (item["status"] as! String, item["message"] as! String)
            }
            return out
        }
        let strict = requirements("strict")
        let expected: [String: (String, String)] = [
            "lor": ("invalid", "LoR - Dr Adams.pdf: page 1 is 595.3 × 841.9 pt (A4); US Letter"),
            "cv": ("invalid", "CV_2026.pdf: the PDF carries a digital signature"),
            "mspe": ("invalid", "MSPE.pdf: the PDF is password-protected"),
            "transcript": ("invalid", "Transcript.pdf: the PDF is damaged or truncated"),
            "usmle_step1": ("invalid", "Step1 score report.pdf: its content is a JPEG image (image/jpeg), not a PDF"),
            "photo": ("invalid", "Photo.jpg: it is 800 × 1000 px; 375 × 525 px is required"),
            "personal_statement": ("invalid", "Personal statement.pdf: its text is 30,"),
            "ecfmg_status_report": ("not-evaluable", "ECFMG status report.pdf: the PDF has no text layer"),
            "passport": ("invalid", #"Passport_bio_page:scan.pdf: its file name contains ":""#),
        ]
        for (id, (status, message)) in expected {
            #expect(strict[id]?.status == status, "\(id): \(strict[id]?.message ?? "absent")")
            #expect(strict[id]?.message.hasPrefix(message) == true, "\(id): \(strict[id]?.message ?? "absent")")
        }
        // The lenient program does not care about the file rules, but a truncated, password-locked
        // or misnamed file fails the baseline check everywhere (docs/programs.md).
        let baseline: [String: String] = [
            "mspe": "MSPE.pdf: the PDF is password-protected",
            "transcript": "Transcript.pdf: the PDF is damaged or truncated",
            "usmle_step1": "Step1 score report.pdf: its content is a JPEG image (image/jpeg), not a PDF",
        ]
        for (id, result) in requirements("lenient") {
            if let message = baseline[id] {
                #expect(result.status == "invalid" && result.message.hasPrefix(message), "\(id): \(result.message)")
            } else {
                #expect(result.status == "ok", "\(id) should not care about the file: \(result.message)")
            }
        }
        #expect(requirements("lenient").count == Self.files.count)
        let diagnostics = report["diagnostics"] as? [[String: Any]] ?? []
        let mismatch = diagnostics.filter { $0["code"] as? String == "content-mismatch" }.compactMap { $0["path"] as? String }
        #expect(mismatch == ["Step1 score report.pdf"])
    }
}
