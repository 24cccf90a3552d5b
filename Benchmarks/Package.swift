// swift-tools-version: 6.1
// BackSim's benchmark suite (issue #6). A package of its own so that neither
// `swift test` nor CI ever builds it: run it with `./run.sh` (README.md).
import PackageDescription

/// GSL functions the engine calls for random variates, and the libm functions
/// of the model's equations. The `DrawCount` benchmark is linked with `--wrap`
/// for each, so every call from BackSim's code goes through a counting wrapper
/// (`Sources/DrawCounter`). No other target is wrapped: in them, and in
/// BackSim itself, a draw costs exactly what it always did.
let countedFunctions = [
    "gsl_rng_uniform", "gsl_rng_uniform_pos", "gsl_rng_get", "gsl_rng_set",
    "gsl_ran_gaussian_ziggurat", "gsl_ran_beta", "gsl_ran_gamma", "gsl_ran_lognormal",
    "gsl_ran_exponential", "gsl_ran_poisson",
    // libm: not draws, but the other fixed cost of the model's equations.
    "exp", "pow", "log", "log1p", "round",
]

let suite: [Target.Dependency] = [
    "BenchmarkSupport",
    .product(name: "Benchmark", package: "benchmark"),
    .product(name: "BackSimCore", package: "BackSim"),
]

func benchmarkTarget(
    _ name: String, extra: [Target.Dependency] = [], linkerSettings: [LinkerSetting] = []
) -> Target {
    .executableTarget(
        name: name, dependencies: suite + extra, path: "Benchmarks/\(name)",
        linkerSettings: linkerSettings,
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")])
}

let package = Package(
    name: "BackSimBenchmarks",
    dependencies: [
        .package(name: "BackSim", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/ordo-one/malloc-interposer", from: "1.6.1"),
    ],
    targets: [
        // GSL for the generator comparison (taus2 against mt19937).
        .systemLibrary(name: "CGSLBench", path: "Sources/CGSLBench", pkgConfig: "gsl"),
        // Counting wrappers around GSL's variate and libm functions (DrawCount only).
        .target(name: "DrawCounter", path: "Sources/DrawCounter"),
        // Plans, timing, result records and draw loops shared by the suite.
        .target(
            name: "BenchmarkSupport",
            dependencies: ["CGSLBench", .product(name: "BackSimCore", package: "BackSim")],
            path: "Sources/BenchmarkSupport"),
        // The whole-run benchmark shared by Runs, Scaling and Memory.
        .target(
            name: "SuiteSupport",
            dependencies: [
                "BenchmarkSupport", .product(name: "Benchmark", package: "benchmark"),
                .product(name: "BackSimCore", package: "BackSim"),
            ],
            path: "Sources/SuiteSupport"),
        // A plain executable of the hot loop, for valgrind --tool=callgrind
        // (no benchmark framework: valgrind 3.19 cannot read the DWARF 5 of its C parts).
        .executableTarget(
            name: "backsim-profile",
            dependencies: ["BenchmarkSupport", .product(name: "BackSimCore", package: "BackSim")],
            path: "Sources/Profile"),
        // Issue #15's open question: four persons in SIMD lanes against one at a time.
        .executableTarget(
            name: "backsim-lanes",
            dependencies: [.product(name: "BackSimCore", package: "BackSim")],
            path: "Sources/Lanes"),
        // Reads the suite's records and prints the results table and targets.
        .executableTarget(name: "backsim-bench-summary", path: "Sources/Summary"),

        benchmarkTarget("Generator"),
        benchmarkTarget(
            "DrawCount", extra: ["DrawCounter"],
            linkerSettings: [.unsafeFlags(countedFunctions.flatMap { ["-Xlinker", "--wrap=\($0)"] })]),
        benchmarkTarget(
            "PersonWeek", extra: [.product(name: "MallocInterposerSwift", package: "malloc-interposer")]),
        benchmarkTarget("Budget"),
        benchmarkTarget("Runs", extra: ["SuiteSupport"]),
        benchmarkTarget("Scaling", extra: ["SuiteSupport"]),
        benchmarkTarget("Memory", extra: ["SuiteSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
