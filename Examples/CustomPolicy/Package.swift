// swift-tools-version: 6.1
// An app team's package that uses BackSim from outside: a policy of its own
// (linking only BackSimPolicies, as an app would ship it), compared with
// `guideline` and `control` in the simulator, then run week by week through
// the app driver. Built, tested and run by the repository's .ci/run.
import PackageDescription

let package = Package(
    name: "CustomPolicy",
    platforms: [.macOS("26.0"), .iOS("26.0")],
    dependencies: [
        // A clone: by path. Once published: .package(url: "https://…/BackSim", from: "0.2.0").
        .package(name: "BackSim", path: "../.."),
    ],
    targets: [
        // What the app ships: Swift standard library and BackSimPolicies (Apache-2.0), no GSL.
        .target(
            name: "PainGuidedPolicy",
            dependencies: [.product(name: "BackSimPolicies", package: "BackSim")],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]),
        // The team's tool: simulate, compare, then drive the policy as the app would.
        .executableTarget(
            name: "custom-policy",
            dependencies: ["PainGuidedPolicy", .product(name: "BackSim", package: "BackSim")],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]),
        .testTarget(
            name: "PainGuidedPolicyTests",
            dependencies: ["PainGuidedPolicy", .product(name: "BackSimPolicyTesting", package: "BackSim")],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]),
    ],
    swiftLanguageModes: [.v6]
)
