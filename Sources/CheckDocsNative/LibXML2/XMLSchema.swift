import CLibXML2

/// A compiled XSD, shared by every validation (compiling costs far more than validating).
/// libxml2 documents a parsed schema as safe to share across threads, each with its own context.
public final class XMLSchema: @unchecked Sendable {
    private let schema: xmlSchemaPtr

    /// Compiles a schema from memory. Includes and imports are refused by the deny-all loader.
    public init(_ text: String, name: String) throws(InputErrors) {
        XMLLibrary.initializeOnce()
        let collector = XMLIssueCollector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        xmlSetStructuredErrorFunc(context, collectXMLIssue)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let bytes = Array(text.utf8)
        // The parser context keeps the buffer's address and reads it during xmlSchemaParse, so the
        // whole compilation happens while the buffer is pinned (outside, an optimized build frees it).
        let compiled: xmlSchemaPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                guard let parser = xmlSchemaNewMemParserCtxt(pointer, Int32(buffer.count)) else { return nil }
                defer { xmlSchemaFreeParserCtxt(parser) }
                xmlSchemaSetParserStructuredErrors(parser, collectXMLIssue, context)
                return xmlSchemaParse(parser)
            }
        }
        withExtendedLifetime(collector) {}
        guard let compiled else {
            let errors = collector.issues.map {
                InputError(SourceLocation(file: name, position: .line($0.line, column: 0)), $0.message)
            }
            throw InputErrors(errors.isEmpty ? [InputError(file: name, "the schema does not compile")] : errors)
        }
        schema = compiled
    }

    deinit { xmlSchemaFree(schema) }

    func validate(_ document: xmlDocPtr) -> [XMLIssue] {
        let collector = XMLIssueCollector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        guard let validator = xmlSchemaNewValidCtxt(schema) else {
            return [XMLIssue(line: 1, column: 0, code: -1, message: "cannot create a schema validator", isWarning: false)]
        }
        defer { xmlSchemaFreeValidCtxt(validator) }
        xmlSchemaSetValidStructuredErrors(validator, collectXMLIssue, context)
        let status = xmlSchemaValidateDoc(validator, document)
        withExtendedLifetime(collector) {}
        if status != 0 && collector.issues.isEmpty {
            return [XMLIssue(line: 1, column: 0, code: Int(status), message: "the document is not valid against the schema", isWarning: false)]
        }
        return collector.issues
    }
}
