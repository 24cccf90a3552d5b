import ArgumentParser
import BackSimCore
import Foundation

/// How much to simulate and with which luck.
struct SimulationOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Simulated persons per replication (1-\(SimulationPlan.maximumPersons)).", valueName: "n"))
    var persons: Int = 2_000

    @Option(help: ArgumentHelp("Weeks after baseline (1-\(SimulationPlan.maximumWeeks)).", valueName: "n"))
    var weeks: Int = 26

    @Option(help: ArgumentHelp(
        "Independent replications of the whole cohort (1-\(SimulationPlan.maximumReplications)).", valueName: "n"))
    var replications: Int = 1

    @Option(help: ArgumentHelp("Random seed, any whole number from 0 to 2^64-1; the same seed gives the same figures.", valueName: "n"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp(
        "Worker threads; figures do not depend on it. (default: all cores)", valueName: "n"))
    var threads: Int?

    func validate() throws {
        try Self.check("--persons", persons, 1...SimulationPlan.maximumPersons)
        try Self.check("--weeks", weeks, 1...SimulationPlan.maximumWeeks)
        try Self.check("--replications", replications, 1...SimulationPlan.maximumReplications)
        if let threads, threads < 1 {
            throw ValidationError("--threads: must be at least 1, got \(threads)")
        }
    }

    /// The plan for `cohort` under `policies`.
    func plan(cohort: Cohort, policies: [any ProgressionPolicy]) -> SimulationPlan {
        SimulationPlan(
            cohort: cohort, policies: policies, persons: persons, weeks: weeks, replications: replications,
            seed: seed, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    private static func check(_ flag: String, _ value: Int, _ range: ClosedRange<Int>) throws(ValidationError) {
        guard range.contains(value) else {
            throw ValidationError("\(flag): must be from \(range.lowerBound) to \(range.upperBound), got \(value)")
        }
    }
}
