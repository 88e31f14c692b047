import CPoppler
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// poppler-glib, confined here: opens a PDF from bytes in memory (never from a path) and reads its
/// facts. Each call opens its own document, so calls may run on several threads at once. The
/// library is loaded with dlopen on the first PDF fact (Sources/CPoppler/shim.h).
public enum PopplerReader {
    /// Pages whose size is recorded, and whose text is counted, at most.
    public static let maxPages = 500
    /// The text count stops past this many characters (far above any portal's limit).
    public static let maxTextCharacters = 200_000
    /// How much of the text layer is kept for names and suggestions.
    public static let keptTextCharacters = 4_000
    /// Pages whose text is kept for facts read from documents, and the UTF-8 bytes of all of it.
    public static let maxTextPages = 10
    public static let maxPageTextBytes = 48 * 1024

    /// poppler-glib's functions, loaded on first use (thread-safe: a Swift static is initialised
    /// once); poppler also sets up process-wide state on its first document, done here on one thread.
    /// That first document is never released: poppler-glib drops its global tables (glyph names,
    /// encodings) with the last open document and rebuilds them with the next, which in a
    /// document worker, one PDF at a time, cost ~0.5 ms per PDF (docs/inspection.md, "Cost").
    private static let api: CPopplerAPI? = {
        var api = CPopplerAPI()
        guard cpoppler_load(&api) == 0 else { return nil }
        _ = minimal.withUTF8Buffer { open(UnsafeRawBufferPointer($0), api) }
        return api
    }()

    /// An empty PDF, static so that the document kept open above never outlives its bytes.
    private static let minimal: StaticString = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"

    /// Whether poppler-glib could be loaded on this machine.
    public static var isAvailable: Bool { api != nil }

    /// The poppler a worker would load, told without loading it: the first directory of
    /// `LD_LIBRARY_PATH`, then the system's, holding `libpoppler-glib.so.8`, with the size and
    /// modification and change times of that file and of every `libpoppler.so.N` beside it (an
    /// update of poppler replaces them). Nil when none is found: facts read then are not kept
    /// (docs/inspection.md, "PDF facts cache").
    public static func libraryIdentity(libraryPath: String?) -> String? {
        #if arch(x86_64)
        let multiarch = "x86_64-linux-gnu"
        #elseif arch(arm64)
        let multiarch = "aarch64-linux-gnu"
        #else
        let multiarch = ""
        #endif
        let system = ["/usr/local/lib", "/usr/lib/" + multiarch, "/lib/" + multiarch, "/usr/lib", "/lib"]
        let directories = (libraryPath ?? "").split(separator: ":").map(String.init) + system
        for directory in directories where directory.hasPrefix("/") {
            let glib = directory + "/libpoppler-glib.so.8"
            guard FileSystem.kind(of: glib) == .regular, let stamp = FileSystem.stamp(of: glib),
                  case let .success(listing) = Directory.open(directory) else { continue }
            var identity = "poppler \(glib) \(stamp.size) \(stamp.modified) \(stamp.changed)"
            let cores = listing.names().compactMap { String(validUTF8: $0) }.filter { name in
                name.hasPrefix("libpoppler.so.") && name.dropFirst("libpoppler.so.".count).allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
            }
            for name in cores.sorted() {
                guard let core = FileSystem.stamp(of: directory + "/" + name) else { return nil }
                identity += " \(name) \(core.size) \(core.modified) \(core.changed)"
            }
            return identity
        }
        return nil
    }

    /// The PDF's facts; nil when poppler-glib is not installed.
    public static func facts(of bytes: [UInt8], countText: Bool = true, pageTexts: Bool = false) -> PDFFacts? {
        guard let api else { return nil }
        return bytes.withUnsafeBytes { raw -> PDFFacts in
            let document: OpaquePointer
            switch open(raw, api) {
            case let .document(opened): document = opened
            case .passwordProtected: return PDFFacts(state: .passwordProtected)
            case .damaged: return PDFFacts(state: .damaged)
            }
            defer { api.object_unref(UnsafeMutableRawPointer(document)) }
            var facts = PDFFacts(state: .readable)
            facts.pageCount = Int(api.document_get_n_pages(document))
            let permissions = api.document_get_permissions(document)
            facts.encrypted = permissions & Int32(CPOPPLER_PERMISSIONS_FULL) != Int32(CPOPPLER_PERMISSIONS_FULL)
                || ByteSearch.contains(raw, "/Encrypt")
            facts.signatureCount = api.document_get_n_signatures.map { Int($0(document)) } ?? 0
            // Older poppler-glib has no signature API; a signature dictionary's /ByteRange is the marker then.
            if facts.signatureCount == 0, ByteSearch.contains(raw, "/ByteRange"), ByteSearch.contains(raw, "/Sig") {
                facts.signatureCount = 1
            }
            var text = ""
            var pageTextBytes = 0
            for index in 0..<min(facts.pageCount, maxPages) {
                guard let page = api.document_get_page(document, Int32(index)) else { continue }
                defer { api.object_unref(UnsafeMutableRawPointer(page)) }
                var width = 0.0, height = 0.0
                api.page_get_size(page, &width, &height)
                facts.pageSizes.append(PageSize(reportedWidth: width, height: height))
                let keepsPage = pageTexts && index < maxTextPages && pageTextBytes < maxPageTextBytes
                guard keepsPage || (countText && facts.textCharacters <= maxTextCharacters) else { continue }
                if let pointer = api.page_get_text(page) {
                    let pageText = String(cString: pointer)
                    api.free(pointer)
                    if keepsPage {
                        // Cut on a character, within the bytes left.
                        var kept = ""
                        for character in pageText {
                            let size = character.utf8.count
                            guard pageTextBytes + size <= maxPageTextBytes else { break }
                            kept.append(character)
                            pageTextBytes += size
                        }
                        facts.pageTexts.append(kept)
                    }
                    guard countText, facts.textCharacters <= maxTextCharacters else { continue }
                    facts.textCharacters += pageText.count
                    if text.count < keptTextCharacters { text += pageText.prefix(keptTextCharacters - text.count) }
                }
            }
            facts.textComplete = countText && facts.pageCount <= maxPages && facts.textCharacters <= maxTextCharacters
            facts.textSample = text
            return facts
        }
    }

    private enum Opened {
        case document(OpaquePointer)
        case passwordProtected
        case damaged
    }

    /// The document, or why poppler refused it.
    private static func open(_ raw: UnsafeRawBufferPointer, _ api: CPopplerAPI) -> Opened {
        guard raw.count > 0, let base = raw.baseAddress else { return .damaged }
        // Static bytes: poppler holds a reference only while the document lives, and the
        // document is released before `raw` goes away.
        let data = api.bytes_new_static(base, raw.count)
        defer { api.bytes_unref(data) }
        var error: UnsafeMutablePointer<CPopplerGError>?
        let document = api.document_new_from_bytes(data, nil, &error)
        let code = error?.pointee.code ?? 0
        if let error { api.error_free(error) }
        if let document { return .document(document) }
        return code == Int32(CPOPPLER_ERROR_ENCRYPTED) ? .passwordProtected : .damaged
    }
}
