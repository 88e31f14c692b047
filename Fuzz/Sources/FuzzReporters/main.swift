@_spi(Fuzzing) import CheckDocsCore

// Built with -parse-as-library -sanitize=fuzzer (scripts/fuzz): libFuzzer provides main.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReporters(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzEntryPoints.reporters(Array(UnsafeRawBufferPointer(start: start, count: count)))
    return 0
}
