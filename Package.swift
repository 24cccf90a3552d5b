// swift-tools-version: 6.1
// BackSim — simulates exercise programmes for back pain.
// GPL-3.0-or-later (it links GNU GSL).
import PackageDescription

let package = Package(
    name: "BackSim",
    products: [
        .library(name: "BackSimCore", targets: ["BackSimCore"]),
        .library(name: "BackSimReports", targets: ["BackSimReports"]),
        .library(name: "BackSimScenario", targets: ["BackSimScenario"]),
        .executable(name: "backsim", targets: ["backsim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C interop, quarantined: a module map and a shim header, nothing else.
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        // The only Swift code that calls GSL.
        .target(name: "Stochastics", dependencies: ["CGSL"]),
        // Domain, model equations, policies, engine. Never imports CGSL.
        .target(name: "BackSimCore", dependencies: ["Stochastics"]),
        // YAML scenario files → validated core types; JSON Schema; built-in scenarios.
        .target(
            name: "BackSimScenario",
            dependencies: ["BackSimCore", .product(name: "Yams", package: "Yams")]
        ),
        // Summaries, comparisons and renderers (table, CSV, JSON).
        .target(name: "BackSimReports", dependencies: ["BackSimCore", "Stochastics"]),
        // Evidence targets, the evidence check and calibration (GSL's simplex via Stochastics).
        .target(
            name: "BackSimCalibration",
            dependencies: ["BackSimCore", "BackSimScenario", "Stochastics", .product(name: "Yams", package: "Yams")]
        ),
        // Argument parsing and wiring only.
        .target(
            name: "BackSimCommands",
            dependencies: [
                "BackSimCore", "BackSimReports", "BackSimScenario", "BackSimCalibration",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "backsim", dependencies: ["BackSimCommands"]),

        // Private test support: seeded generators and small cohorts. Not a product.
        .target(name: "BackSimTestSupport", dependencies: ["BackSimCore"], path: "Tests/BackSimTestSupport"),
        .testTarget(name: "StochasticsTests", dependencies: ["Stochastics"]),
        .testTarget(name: "BackSimCoreTests", dependencies: ["BackSimCore", "BackSimTestSupport"]),
        .testTarget(
            name: "BackSimScenarioTests", dependencies: ["BackSimScenario", "BackSimTestSupport"], exclude: ["Corpus"]),
        .testTarget(name: "BackSimReportsTests", dependencies: ["BackSimReports", "BackSimTestSupport"]),
        .testTarget(name: "BackSimCommandsTests", dependencies: ["BackSimCommands", "BackSimTestSupport"]),
        .testTarget(name: "BackSimCalibrationTests", dependencies: ["BackSimCalibration", "BackSimCore", "Stochastics"]),
    ],
    swiftLanguageModes: [.v6]
)
