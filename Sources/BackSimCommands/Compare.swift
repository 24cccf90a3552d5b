import ArgumentParser
import BackSimCore

/// `backsim compare`: several policies on the same simulated persons.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare exercise-progression policies on the same simulated persons.",
        discussion: """
            Every policy meets the same persons with the same luck, so differences \
            between policies come from the policies. Figures depend only on the \
            inputs and the seed, never on --threads.
            """)

    @OptionGroup var cohort: CohortOption

    @Option(help: ArgumentHelp(
        "Comma-separated policies, each 'name' or 'name:value' (see 'backsim policies'). "
            + "(default: every built-in policy at its default value)",
        valueName: "list"))
    var policies: String?

    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        _ = try resolvedPolicies()
    }

    func run() throws {
        let plan = simulation.plan(cohort: try cohort.resolve(), policies: try resolvedPolicies())
        try Simulation.perform(plan, output: output)
    }

    private func resolvedPolicies() throws(ValidationError) -> [any ProgressionPolicy] {
        try PolicyList.resolve(policies.map(PolicyList.split) ?? PolicyCatalogue.defaultLabels, flag: "--policies")
    }
}
