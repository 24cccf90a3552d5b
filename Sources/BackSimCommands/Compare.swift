import ArgumentParser
import BackSimCore

/// `backsim compare`: several policies on the same simulated persons.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare exercise-progression policies on the same simulated persons.",
        discussion: """
            Runs a scenario file, or a built-in cohort (--cohort; default mixed). \
            Every policy meets the same persons with the same luck, so differences \
            between policies come from the policies. Figures depend only on the \
            inputs and the seed, never on --threads.
            """)

    @OptionGroup var source: ScenarioSource

    @Option(help: ArgumentHelp(
        "Comma-separated policies, each 'name', 'name:value' (see 'backsim policies') or a rule table of the scenario. "
            + "(default: the scenario's; built-in cohorts: every built-in policy at its default value)",
        valueName: "list"))
    var policies: String?

    @Option(help: ArgumentHelp(
        "The policy the others are compared with, person by person. (default: the scenario's reference; control if listed; else the first policy)",
        valueName: "policy"))
    var reference: String?

    @Option(help: ArgumentHelp(
        "Also write the paired comparisons of every outcome to this CSV file (policy,reference,week,metric,stat,value; with --by, group after policy).",
        valueName: "file"))
    var comparisons: String?

    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var analysis: AnalysisOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if comparisons?.isEmpty == true { throw ValidationError("--comparisons: empty file name") }
        if let policies, source.file == nil { _ = try PolicyList.resolve(PolicyList.split(policies), flag: "--policies") }
    }

    func run() throws {
        var (scenario, replaced) = simulation.apply(to: try source.resolve())
        if let policies {
            scenario.policies = try PolicyList.resolve(PolicyList.split(policies), flag: "--policies", available: scenario.policies)
            replaced.append("policies")
        }
        if let reference { scenario.reference = reference }
        try Simulation.perform(
            scenario, replaced: replaced, threads: simulation.threadCount, output: output, analysis: analysis,
            comparisonsPath: comparisons)
    }
}
