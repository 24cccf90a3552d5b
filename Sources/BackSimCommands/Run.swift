import ArgumentParser
import BackSimCore

/// `backsim run`: one policy.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Simulate one exercise-progression policy.",
        discussion: "Runs a scenario file, or a built-in cohort (--cohort; default mixed), under one policy.")

    @OptionGroup var source: ScenarioSource

    @Option(help: ArgumentHelp(
        "The policy: 'name', 'name:value' (see 'backsim policies') or a rule table of the scenario. (default: the scenario's first policy; built-in cohorts: control)",
        valueName: "policy"))
    var policy: String?

    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var settings: SettingOptions
    @OptionGroup var analysis: AnalysisOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sharding: ShardOptions

    func validate() throws {
        if let policy, source.file == nil { _ = try PolicyList.resolve([policy], flag: "--policy") }
    }

    func run() throws {
        var (scenario, replaced) = simulation.apply(to: try source.resolve())
        if let policy {
            scenario.policies = try PolicyList.resolve([policy], flag: "--policy", available: scenario.policies)
            replaced.append("policies")
        } else {
            scenario.policies = Array(scenario.policies.prefix(1))
        }
        scenario.reference = nil
        scenario = try settings.apply(to: scenario, replaced: &replaced)
        try Simulation.perform(scenario, replaced: replaced, threads: simulation.threadCount, output: output, analysis: analysis,
            shard: try sharding.resolve())
    }
}
