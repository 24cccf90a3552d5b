// swift-tools-version: 6.1
// BackSim — simulates exercise programmes for back pain.
// Licences: the package is GPL-3.0-or-later (it links GNU GSL), except the
// BackSimPolicies product (Sources/BackSimPolicies), which links nothing but the
// Swift standard library and is Apache-2.0 (Sources/BackSimPolicies/LICENSE),
// so that an app can ship the same policies, and BackSimPolicyTesting (policy
// unit tests; links BackSimPolicies and the Apache-2.0 malloc-interposer), also
// Apache-2.0 (Sources/BackSimPolicyTesting/LICENSE).
import PackageDescription

let package = Package(
    name: "BackSim",
    // InlineArray (observations without heap storage) needs the Swift 6.2 runtime.
    platforms: [.macOS("26.0"), .iOS("26.0"), .tvOS("26.0"), .watchOS("26.0"), .visionOS("26.0")],
    products: [
        // Apache-2.0: the policy protocol, observations, prescriptions and built-in policies.
        .library(name: "BackSimPolicies", targets: ["BackSimPolicies"]),
        // Apache-2.0: scripted weeks and the allocation check, for policy unit tests.
        .library(name: "BackSimPolicyTesting", targets: ["BackSimPolicyTesting"]),
        .library(name: "BackSimCore", targets: ["BackSimCore"]),
        .library(name: "BackSimReports", targets: ["BackSimReports"]),
        .library(name: "BackSimScenario", targets: ["BackSimScenario"]),
        // The entry point for tools and apps: compare(...) with typed results; re-exports the above.
        .library(name: "BackSim", targets: ["BackSim"]),
        .executable(name: "backsim", targets: ["backsim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/ordo-one/malloc-interposer", from: "1.6.1"),
        // `swift package generate-documentation` (scripts/check-docs); build-time only.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
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
        // Policies and what they see: Swift standard library only, no GSL, no
        // Foundation. Apache-2.0 (its own LICENSE), unlike the rest of the package.
        .target(name: "BackSimPolicies", exclude: ["LICENSE"]),
        // Policy unit tests: scripted weeks and the allocation check. Apache-2.0 too.
        .target(
            name: "BackSimPolicyTesting",
            dependencies: ["BackSimPolicies", .product(name: "MallocInterposerSwift", package: "malloc-interposer")],
            exclude: ["LICENSE"]),
        // Domain, model equations, engine. Never imports CGSL. Re-exports BackSimPolicies.
        .target(name: "BackSimCore", dependencies: ["BackSimPolicies", "Stochastics"]),
        // YAML scenario files → validated core types; JSON Schema; built-in scenarios.
        .target(
            name: "BackSimScenario",
            dependencies: ["BackSimCore", .product(name: "Yams", package: "Yams")]
        ),
        // Summaries, comparisons and renderers (table, CSV, JSON).
        .target(name: "BackSimReports", dependencies: ["BackSimCore", "Stochastics"]),
        // The small entry point: compare(...) → Comparison → Summary / Difference.
        .target(name: "BackSim", dependencies: ["BackSimCore", "BackSimReports"]),
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
        .testTarget(name: "BackSimCoreTests", dependencies: ["BackSimCore", "BackSimPolicies", "BackSimTestSupport"]),
        .testTarget(
            name: "BackSimScenarioTests", dependencies: ["BackSimScenario", "BackSimTestSupport"], exclude: ["Corpus"]),
        .testTarget(name: "BackSimReportsTests", dependencies: ["BackSimReports", "BackSimTestSupport"]),
        .testTarget(name: "BackSimCommandsTests", dependencies: ["BackSimCommands", "BackSimTestSupport"]),
        .testTarget(name: "BackSimPoliciesTests", dependencies: ["BackSimPolicies", "BackSimPolicyTesting", "BackSimCore"]),
        .testTarget(
            name: "BackSimTests", dependencies: ["BackSim"],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]),
        .testTarget(name: "BackSimCalibrationTests", dependencies: ["BackSimCalibration", "BackSimCore", "Stochastics"]),
    ],
    swiftLanguageModes: [.v6]
)
