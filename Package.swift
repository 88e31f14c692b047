// swift-tools-version:6.1
import PackageDescription

// A generic type's metadata (`[FilePath: ManifestDocument]`, `StoredFinding<ClauseFinding>`) is
// made through its metadata accessor, with the conformances it needs passed in, not from its
// mangled name: the mangled name makes the runtime look each conformance up, visiting every
// conformance record of every loaded library the first time (~6,800 here). A typical check made
// 10 M instructions of such look-ups, 9 % of its run (docs/performance.md, "Generic metadata
// without look-ups"). Only this package's own modules can take the flag.
let metadataAccessors: [SwiftSetting] = [.unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"])]

let package = Package(
    name: "checkdocs",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "checkdocs", targets: ["checkdocs"]),
        .library(name: "CheckDocsCore", targets: ["CheckDocsCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Tests only: property-based tests of the date arithmetic (DatePropertyTests).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // libxml2 through pkg-config; every unsafe pointer stays in CheckDocsNative/LibXML2.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // libmagic and poppler-glib read documents' content; their pointers stay in
        // CheckDocsNative/Inspection.
        .systemLibrary(
            name: "CMagic",
            pkgConfig: "libmagic",
            providers: [.apt(["libmagic-dev"])]
        ),
        // poppler-glib is opened with dlopen on the first PDF fact (start-up stays small); the
        // shim declares the few functions used, so only the runtime library is needed.
        .systemLibrary(name: "CPoppler"),
        // Tesseract and leptonica (OCR), with poppler-glib and cairo to render a PDF page, are
        // opened with dlopen in a document worker only: a machine without them builds, and OCR is
        // reported unavailable there (docs/inspection.md, "OCR").
        .systemLibrary(name: "COCR"),
        // glibc's mallopt, to bound the malloc arenas (CheckDocsNative/Concurrency/MallocArenas.swift).
        .systemLibrary(name: "CMalloc"),
        // libxml2's allocator for one document at a time: bump-pointer regions, installed with
        // xmlMemSetup by CheckDocsNative/LibXML2 (docs/performance.md, "libxml2's memory in regions").
        .target(name: "CXMLMemory"),
        // The executable's writable data faulted in before threads start
        // (CheckDocsNative/Concurrency/ExecutableData.swift).
        .target(name: "CExecutableData"),
        // SHA-256's block function on the x86 SHA extensions, which Swift has no intrinsics for
        // (CheckDocsNative/Bytes/SHA256.swift; docs/performance.md, "SHA-256 on the SHA extensions").
        .target(name: "CSHA256"),
        // sync_file_range, to start a large file's write-back while it is written
        // (CheckDocsNative/Files/WriteBack.swift; docs/performance.md, "Written back as it goes").
        .target(name: "CWriteBack"),
        // Turns checklists/ into Swift source at build time so a copied binary works alone.
        .executableTarget(name: "EmbedGen"),
        .plugin(
            name: "EmbedChecklists",
            capability: .buildTool(),
            dependencies: ["EmbedGen"]
        ),
        // The wrappers: every unsafe pointer of the project, over libxml2, libmagic, poppler and
        // POSIX files, behind Swift values (docs/architecture.md).
        .target(
            name: "CheckDocsNative",
            dependencies: ["CLibXML2", "CMagic", "CPoppler", "COCR", "CMalloc", "CXMLMemory", "CExecutableData", "CSHA256", "CWriteBack",
                           .product(name: "Yams", package: "Yams")],
            swiftSettings: metadataAccessors
        ),
        // JSON, YAML and JSON Schema reading and writing, with locations.
        .target(
            name: "CheckDocsFormats",
            dependencies: [
                "CheckDocsNative",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: metadataAccessors
        ),
        // All product logic: model, loading, engine, inspection, reporting.
        .target(
            name: "CheckDocsCore",
            dependencies: ["CheckDocsNative", "CheckDocsFormats"],
            swiftSettings: metadataAccessors,
            plugins: ["EmbedChecklists"]
        ),
        .executableTarget(
            name: "checkdocs",
            dependencies: [
                "CheckDocsCore",
                "CheckDocsNative",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Compiled with the flag as well: the executable's module then asks the linker for
            // what the static Foundation needs besides itself (CoreFoundation, its ICU).
            swiftSettings: metadataAccessors + [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux]))],
            // The Swift runtime and Foundation linked into the executable: a copied binary needs
            // only Debian's libraries, not a Swift toolchain, and it starts in half the time (no
            // relocations of a dozen shared libraries at each start; docs/performance.md, "The
            // Swift libraries linked in").
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-use-ld=lld"], .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "CheckDocsCoreTests",
            dependencies: [
                "CheckDocsCore",
                "CheckDocsNative",
                "CheckDocsFormats",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            // Fuzz findings, read from the source tree by FuzzRegressionTests; XML/JSON twins read
            // by SchemaParityTests.
            exclude: ["FuzzRegressions", "SchemaParity"]
        ),
        .testTarget(
            name: "CheckDocsCLITests",
            dependencies: ["CheckDocsCore"],
            // The golden reports, read from the source tree by CLITests.
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
