import ArgumentParser
import BackSimCore
import BackSimScenario
import Foundation

/// How much to simulate and with which luck; each flag overrides the scenario.
struct SimulationOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Simulated persons per replication (1-\(SimulationPlan.maximumPersons)). (default: the scenario's cohort size; built-in cohorts 2000)",
        valueName: "n"))
    var persons: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Weeks after baseline (1-\(SimulationPlan.maximumWeeks)). (default: the scenario's; built-in cohorts 26)",
        valueName: "n"))
    var weeks: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Independent replications of the whole cohort (1-\(SimulationPlan.maximumReplications)). (default: the scenario's; built-in cohorts 1)",
        valueName: "n"))
    var replications: Int?

    @Option(name: .customLong("seed"), parsing: .unconditional, help: ArgumentHelp(
        "Random seed, any whole number from 0 to 2^64-1; the same seed gives the same figures. (default: the scenario's; built-in cohorts 1)",
        valueName: "n"))
    var seedText: String?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Worker threads; figures do not depend on it. (default: all cores)", valueName: "n"))
    var threads: Int?

    func validate() throws {
        if let persons { try Self.check("--persons", persons, 1...SimulationPlan.maximumPersons) }
        if let weeks { try Self.check("--weeks", weeks, 1...SimulationPlan.maximumWeeks) }
        if let replications { try Self.check("--replications", replications, 1...SimulationPlan.maximumReplications) }
        if let seedText { _ = try Self.seed(seedText) }
        if let threads, threads < 1 {
            throw ValidationError("--threads: must be at least 1, got \(threads)")
        }
    }

    /// The scenario with the flags' values in place, and the names of the
    /// fields they replaced.
    func apply(to scenario: Scenario) -> (Scenario, [String]) {
        var scenario = scenario
        var replaced: [String] = []
        if let persons { scenario.persons = persons; replaced.append("persons") }
        if let weeks { scenario.weeks = weeks; replaced.append("weeks") }
        if let replications { scenario.replications = replications; replaced.append("replications") }
        if let seedText, let seed = try? Self.seed(seedText) { scenario.seed = seed; replaced.append("seed") }
        return (scenario, replaced)
    }

    var threadCount: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }

    /// A seed from its text: any whole number from 0 to 2⁶⁴ − 1.
    static func seed(_ text: String) throws(ValidationError) -> UInt64 {
        guard let seed = UInt64(text) else {
            throw ValidationError("--seed: must be a whole number from 0 to \(UInt64.max), got '\(text)'")
        }
        return seed
    }

    private static func check(_ flag: String, _ value: Int, _ range: ClosedRange<Int>) throws(ValidationError) {
        guard range.contains(value) else {
            throw ValidationError("\(flag): must be from \(range.lowerBound) to \(range.upperBound), got \(value)")
        }
    }
}
