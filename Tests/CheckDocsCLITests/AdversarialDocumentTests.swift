import Foundation
import Testing

/// Hostile document contents (docs/security.md, "Limits": plan E 37–38), now that documents are
/// inspected: truncated, empty and lying files get clean findings, no crash, no huge allocation,
/// under the same invariants as the folder tests (Sandbox.runChecked: folder unchanged, canary,
/// exit < 128, time bound).
@Suite struct AdversarialDocumentTests {
    static let asOf = ["--as-of", "2026-12-01"]

    /// A program whose file rules make checkdocs read every CV and photo's content.
    static let strictProgram = """
    <program xmlns="urn:checkdocs:program:1" schemaVersion="1" id="strict-files" kind="observership">
      <name>Strict file rules</name>
      <institution>Test</institution>
      <source href="https://example.org/rules" asOf="2026-10-01"/>
      <requirements>
        <require id="cv" title="CV"><document type="cv"><file formats="pdf" pageSize="letter" maxCharacters="28000" notEncrypted="true"/></document></require>
        <require id="photo" title="Photo"><document type="photo"><file formats="jpeg png" pixelWidth="375" pixelHeight="525"/></document></require>
      </requirements>
    </program>
    """

    func write(_ bytes: [UInt8], to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// A PNG signature and an IHDR chunk claiming 2^31 × 2^31 pixels (a decompression bomb's
    /// header).
    static var pngBomb: [UInt8] {
        var ihdr: [UInt8] = [0x80, 0, 0, 0, 0x80, 0, 0, 0, 8, 6, 0, 0, 0]
        let chunk = Array("IHDR".utf8) + ihdr
        ihdr = [0, 0, 0, 13] + chunk + [0xDE, 0xAD, 0xBE, 0xEF]
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + ihdr + Array(repeating: 0, count: 64)
    }

    @Test("E37: empty, header-only, cut and bomb-sized files get findings, bounded, on the right file")
    func truncatedAndEmpty() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try write([], to: box.folder + "/CV.pdf")
        try write(Array("%PDF-1.7".utf8), to: box.folder + "/cv/CV header only.pdf")
        try write([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46], to: box.folder + "/Photo.jpg")
        try write(Self.pngBomb, to: box.folder + "/photos/Photo bomb.png")
        let program = box.inputs + "/strict.xml"
        try Self.strictProgram.write(toFile: program, atomically: true, encoding: .utf8)
        let report = box.reports + "/report.json"
        let run = try box.runChecked([box.folder, "--programs", program, "--format", "json=" + report] + Self.asOf,
                                     reportFiles: [report])
        #expect(run.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any])
        let requirements = ((json["programs"] as? [[String: Any]])?.first?["requirements"] as? [[String: Any]]) ?? []
        let cv = try #require(requirements.first { $0["id"] as? String == "cv" })
        let photo = try #require(requirements.first { $0["id"] as? String == "photo" })
        #expect(cv["status"] as? String != "ok" && photo["status"] as? String != "ok")
        #expect((cv["files"] as? [String] ?? []).contains("CV.pdf"))
        #expect((photo["files"] as? [String] ?? []).contains("photos/Photo bomb.png"))
        let diagnostics = (json["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        #expect(diagnostics.contains("CV.pdf"))  // the empty file is a finding of its own
    }

    @Test("E38: a ZIP or HTML named .pdf and a PDF named .jpg are reported as content that does not match its name")
    func typeConfusion() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try write([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 26) + Array("word/document.xml".utf8), to: box.folder + "/CV.pdf")
        try write(Array("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".utf8), to: box.folder + "/Transcript.pdf")
        try write(Array("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n".utf8), to: box.folder + "/Photo.jpg")
        let program = box.inputs + "/strict.xml"
        try Self.strictProgram.write(toFile: program, atomically: true, encoding: .utf8)
        let run = try box.runChecked([box.folder, "--programs", program, "--format", "json"] + Self.asOf)
        #expect(run.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let mismatched = (json["diagnostics"] as? [[String: Any]] ?? [])
            .filter { ($0["code"] as? String) == "content-mismatch" }.compactMap { $0["path"] as? String }
        #expect(Set(mismatched) == ["CV.pdf", "Transcript.pdf", "Photo.jpg"])
        #expect(!run.stdout.contains("<script>"))
    }
}
