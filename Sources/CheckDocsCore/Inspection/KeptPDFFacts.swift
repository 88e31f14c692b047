import CheckDocsNative

/// PDF facts kept between runs (`PDFFactsCache`, docs/inspection.md, "PDF facts cache"): asked
/// before a PDF is sent to a document worker, and told what the worker found.
public protocol KeptPDFFacts: Sendable {
    /// The name the facts of a PDF of these bytes are kept under.
    func name(ofPDF bytes: [UInt8]) -> String
    /// The facts kept under `name`, if any (and if they can be trusted).
    func facts(named name: String) -> PDFFacts?
    /// Keeps what a reader found in the PDF named `name`.
    func keep(_ facts: PDFFacts, named name: String)
}
