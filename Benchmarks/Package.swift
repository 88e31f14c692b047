// swift-tools-version:6.1
// The allocation benchmark of docs/performance.md ("Allocations per evaluation"): a package of
// its own, so the main package's build and CI never build the benchmark library. Run through
// scripts/bench-allocations (release), not by CI.
import PackageDescription

let package = Package(
    name: "CheckDocsBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "checkdocs", path: ".."),
        // The malloc counter needs the interposer trait (the one allocation metric on Swift 6.3).
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The plugin finds benchmark targets by their folder's parent being named Benchmarks.
        .executableTarget(
            name: "Evaluation",
            dependencies: [
                .product(name: "CheckDocsCore", package: "checkdocs"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Evaluation",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
