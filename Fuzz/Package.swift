// swift-tools-version:5.3
// libFuzzer targets for checkdocs' input parsers, folder scan, engine and reporters (docs/security.md, "Fuzzing"). Built and run by
// scripts/fuzz, not by the main package. Tools 5.3 on purpose: each fuzzer is a plain `.target`
// whose main.swift defines only LLVMFuzzerTestOneInput; with 5.5 or later SwiftPM links
// executables with `--defsym main=<Module>_main`, which `-parse-as-library` never emits
// (swiftlang/swift-package-manager#8731).
import PackageDescription

let core: [Target.Dependency] = [.product(name: "CheckDocsCore", package: "checkdocs")]
// Only the fuzzers link libFuzzer (its `main` calls LLVMFuzzerTestOneInput). Every module,
// CheckDocsCore included, is compiled with ASan and libFuzzer's coverage instrumentation by
// scripts/fuzz; a build tool such as EmbedGen links ASan alone, whose weak hooks absorb it.
let fuzzer: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer"])]

let package = Package(
    name: "CheckDocsFuzz",
    dependencies: [
        .package(name: "checkdocs", path: ".."),
    ],
    targets: [
        .target(name: "FuzzProgramXML", dependencies: core, linkerSettings: fuzzer),
        .target(name: "FuzzProgramJSON", dependencies: core, linkerSettings: fuzzer),
        .target(name: "FuzzManifest", dependencies: core, linkerSettings: fuzzer),
        .target(name: "FuzzFileName", dependencies: core, linkerSettings: fuzzer),
        .target(name: "FuzzPDFWorker", dependencies: core, linkerSettings: fuzzer),
        .target(name: "FuzzFolderScan", dependencies: core, linkerSettings: fuzzer),
        .target(name: "FuzzEngine", dependencies: core, linkerSettings: fuzzer),
        .target(name: "FuzzReporters", dependencies: core, linkerSettings: fuzzer),
        .target(name: "FuzzCatalogEntry", dependencies: core, linkerSettings: fuzzer),
    ]
)
