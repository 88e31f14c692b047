@_spi(Fuzzing) import CheckDocsCore

// Built with -parse-as-library -sanitize=fuzzer (scripts/fuzz): libFuzzer provides main.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPDFWorker(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzEntryPoints.pdfWorker(Array(UnsafeRawBufferPointer(start: start, count: count)))
    return 0
}
