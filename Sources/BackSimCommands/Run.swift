import ArgumentParser
import BackSimCore

/// `backsim run`: one policy.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Simulate one exercise-progression policy.")

    @OptionGroup var cohort: CohortOption

    @Option(help: ArgumentHelp("The policy, 'name' or 'name:value' (see 'backsim policies').", valueName: "policy"))
    var policy: String = "control"

    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        _ = try resolvedPolicy()
    }

    func run() throws {
        let plan = simulation.plan(cohort: try cohort.resolve(), policies: try resolvedPolicy())
        try Simulation.perform(plan, output: output)
    }

    private func resolvedPolicy() throws(ValidationError) -> [any ProgressionPolicy] {
        try PolicyList.resolve([policy], flag: "--policy")
    }
}
