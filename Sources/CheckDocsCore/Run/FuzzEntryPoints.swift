import CheckDocsNative
import CheckDocsFormats

/// The entry points the libFuzzer targets in `Fuzz/` call, one per input format, and that
/// `FuzzRegressionTests` replays the saved crashers through. Each takes untrusted bytes, runs the
/// same loader the command line uses, and checks what every outcome must satisfy. A broken
/// promise traps (`precondition`), so the fuzzer records it as a crash.
/// Not part of the library's API: only a `@_spi(Fuzzing) import CheckDocsCore` sees it.
@_spi(Fuzzing) public enum FuzzEntryPoints {
    /// The shared schemas and catalog: built once per process, like the command line does.
    private static let knowledge: (schemas: Schemas, catalog: DocumentCatalog, classifier: DocumentClassifier) = {
        do {
            let schemas = try Schemas.shared()
            let catalog = try CatalogLoader.builtin()
            return (schemas, catalog, DocumentClassifier(catalog: catalog))
        } catch {
            fatalError("the built-in schemas or catalog do not load: \(error)")
        }
    }()

    /// A program description in XML: parse, validate against program.xsd, decode.
    public static func programXML(_ bytes: [UInt8]) {
        check(ProgramLoader(schemas: knowledge.schemas).loadXML(bytes, file: "fuzz.xml"), bytes)
    }

    /// A program description in JSON: parse, validate against program.schema.json, decode. Any
    /// value the parser accepts must also survive JSONWriter (the reports' writer) and parse back
    /// to the same value.
    public static func programJSON(_ bytes: [UInt8]) {
        check(ProgramLoader(schemas: knowledge.schemas).loadJSON(bytes, file: "fuzz.json"), bytes)
        guard let value = try? JSONParser.parse(bytes) else { return }
        let written = JSONWriter.write(value)
        do {
            let reparsed = try JSONParser.parse(Array(written.utf8))
            precondition(reparsed == value, "JSONWriter changed the value: \(written)")
        } catch {
            preconditionFailure("JSONWriter wrote JSON its parser refuses (\(error.message), line \(error.line)): \(written)")
        }
    }

    /// A manifest. The first byte chooses the format by its low bit (`0` YAML, `1` JSON) and is
    /// not part of the manifest; the seed corpora start with the ASCII digit.
    public static func manifest(_ bytes: [UInt8]) {
        guard let selector = bytes.first else { return }
        let file = selector & 1 == 0 ? "checkdocs.yaml" : "checkdocs.json"
        let loader = ManifestLoader(schemas: knowledge.schemas, catalog: knowledge.catalog)
        let input = Array(bytes.dropFirst())
        do {
            let manifest = try loader.decode(input, file: file)
            for (path, document) in manifest.documents {
                precondition(document.type.map(knowledge.catalog.contains) ?? true, "unknown type accepted for \(path)")
            }
        } catch {
            checkErrors(error, input)
        }
    }

    /// An entry of the compiled-catalog cache (a tree in `CatalogTreeCodec`'s form, as a damaged
    /// or edited pack could hold it): decoding is bounded and never traps; a tree that decodes
    /// encodes back to one that decodes the same; `ProgramDecoder` then reads it without trapping
    /// (its errors are the run's to report: a cached tree is not trusted to be schema-valid).
    public static func catalogEntry(_ bytes: [UInt8]) {
        guard let tree = CatalogTreeCodec.decode(bytes) else { return }
        guard let encoded = CatalogTreeCodec.encode(tree) else { preconditionFailure("a decoded tree does not encode again") }
        let decoded = CatalogTreeCodec.decode(encoded)
        precondition(decoded == tree, "a tree changed through encoding")
        // And byte for byte: `==` takes two spellings of an accented letter for one string.
        precondition(decoded.flatMap(CatalogTreeCodec.encode) == encoded, "a tree's bytes changed through encoding")
        _ = ProgramLoader.decode(tree, file: "fuzz.pack")
    }

    /// A file's path inside the applicant folder (any bytes, `/` separates folders): tokenise,
    /// find dates, classify by the catalog's aliases.
    public static func fileName(_ bytes: [UInt8]) {
        let path = FilePath(bytes: bytes)
        precondition(!path.description.unicodeScalars.contains { DisplayText.needsEscape($0) }, "a raw control character in a displayed path")
        let result = knowledge.classifier.classify(path: path)
        switch result.outcome {
        case let .type(type, evidence):
            precondition(knowledge.catalog.contains(type) && !evidence.isEmpty, "classified as unknown type \(type)")
        case let .ambiguous(types):
            precondition(types.count > 1 && types.allSatisfy(knowledge.catalog.contains), "ambiguous between \(types)")
        case .unrecognized:
            break
        }
        for date in result.dates.dates {
            precondition(CalendarDate(iso: date.description) == date, "date \(date) does not round-trip")
        }
    }

    /// A PDF as a document worker reads it: the request is built as the parent builds it, the
    /// worker's side answers it (poppler-glib, in this process), and the parent's side must
    /// accept that answer, with facts within the bounds the report relies on. A worker that
    /// answers honestly is never taken for one that answers garbage.
    public static func pdfWorker(_ bytes: [UInt8]) {
        let request = DocumentWorkerProtocol.request(.pdfFacts, body: bytes)
        let answer = DocumentWorkerProtocol.answer(to: request) { PopplerReader.facts(of: $0, countText: $1) }
        precondition(answer.count <= DocumentWorkerProtocol.maxAnswerBytes, "an answer of \(answer.count) bytes")
        switch DocumentWorkerProtocol.decode(answer, kind: .pdfFacts) {
        case let .success(.pdf(facts)):
            precondition(facts.pageSizes.count <= min(facts.pageCount, PopplerReader.maxPages), "more page sizes than pages")
            precondition(facts.textSample.count <= PopplerReader.keptTextCharacters, "a text sample over its cap")
            precondition(facts.state == .readable || facts.pageCount == 0, "pages in a PDF that did not open")
        case .success(.unavailable):
            break  // poppler-glib is not installed where the fuzzer runs
        case let .failure(error):
            preconditionFailure("the parent refused a worker's honest answer: \(error.reason)")
        }
    }

    private static func check(_ result: Result<ProgramDescription, InputErrors>, _ input: [UInt8]) {
        if case let .failure(errors) = result { checkErrors(errors, input) }
    }

    /// Every refusal says why, on one line with no raw control characters, at a line of the input.
    static func checkErrors(_ errors: InputErrors, _ input: [UInt8]) {
        precondition(!errors.errors.isEmpty, "refused without an error")
        // Generous: YAML also ends lines at CR, NEL, U+2028 and U+2029 (the last bytes of each).
        let lines = input.reduce(1) { [0x0A, 0x0D, 0x85, 0xA8, 0xA9].contains($1) ? $0 + 1 : $0 }
        for error in errors.errors {
            precondition(!error.message.isEmpty, "an empty error message")
            let line = error.description
            precondition(!line.unicodeScalars.contains { DisplayText.needsEscape($0) }, "a raw control character in: \(line)")
            if case let .line(number, column) = error.location.position {
                precondition((1...lines).contains(number) && column >= 0, "line \(number) of \(lines), column \(column): \(line)")
            }
        }
    }
}
