@_spi(Fuzzing) import CheckDocsCore

// Built with -parse-as-library -sanitize=fuzzer (scripts/fuzz): libFuzzer provides main.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCatalogEntry(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzEntryPoints.catalogEntry(Array(UnsafeRawBufferPointer(start: start, count: count)))
    return 0
}
