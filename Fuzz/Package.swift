// swift-tools-version: 6.1
// Coverage-guided fuzzing of the scenario loader and the rule parser with
// libFuzzer. A package of its own so that neither `swift test` nor CI ever
// builds it: run it with `scripts/fuzz TARGET SECONDS` (docs/robustness.md).
import PackageDescription

let package = Package(
    name: "BackSimFuzz",
    dependencies: [.package(name: "BackSim", path: "..")],
    targets: [
        // Each target defines LLVMFuzzerTestOneInput; libFuzzer supplies main.
        .executableTarget(
            name: "fuzz-scenario-loader",
            dependencies: [.product(name: "BackSimScenario", package: "BackSim")]),
        .executableTarget(
            name: "fuzz-rule-parser",
            dependencies: [.product(name: "BackSimPolicies", package: "BackSim")]),
    ],
    swiftLanguageModes: [.v6]
)
