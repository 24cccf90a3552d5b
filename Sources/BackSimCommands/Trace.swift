import ArgumentParser
import BackSimCore
import BackSimReports

/// `backsim trace`: one simulated person, week by week.
struct Trace: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show one simulated person's weeks under one policy.",
        discussion: """
            Prints the prescription, sessions done, load, pain before, during and after \
            sessions and the next morning, flare-ups, safety events, every observation \
            the policy's rule read, and its decision with its reason. The figures equal that person's rows in \
            'compare --per-person'.
            """)

    @OptionGroup var source: ScenarioSource

    @Option(help: ArgumentHelp(
        "The policy (required): 'name', 'name:value' or a rule table of the scenario.",
        valueName: "policy"))
    var policy: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("The person's index in the cohort, from 0.", valueName: "k"))
    var person: Int = 0

    @Option(parsing: .unconditional, help: ArgumentHelp("The replication, from 0.", valueName: "r"))
    var replication: Int = 0

    @Option(parsing: .unconditional, help: ArgumentHelp("Weeks after baseline (default: the scenario's).", valueName: "n"))
    var weeks: Int?

    @Option(name: .customLong("seed"), parsing: .unconditional, help: ArgumentHelp("Random seed (default: the scenario's).", valueName: "n"))
    var seedText: String?

    func validate() throws {
        if person < 0 { throw ValidationError("--person: must be 0 or more, got \(person)") }
        if replication < 0 { throw ValidationError("--replication: must be 0 or more, got \(replication)") }
        if let weeks, !(1...SimulationPlan.maximumWeeks).contains(weeks) {
            throw ValidationError("--weeks: must be from 1 to \(SimulationPlan.maximumWeeks), got \(weeks)")
        }
        if let seedText { _ = try SimulationOptions.seed(seedText) }
        if let policy, source.file == nil { _ = try PolicyList.resolve([policy], flag: "--policy") }
    }

    func run() throws {
        var scenario = try source.resolve()
        if let weeks { scenario.weeks = weeks }
        if let seedText { scenario.seed = try SimulationOptions.seed(seedText) }
        guard person < scenario.persons else {
            throw ValidationError("--person: the cohort has persons 0 to \(scenario.persons - 1), got \(person)")
        }
        guard replication < scenario.replications else {
            throw ValidationError("--replication: the scenario has replications 0 to \(scenario.replications - 1), got \(replication)")
        }
        guard let policy else {
            throw ValidationError("--policy: which policy? Give one of the scenario's: \(scenario.policyLabels.joined(separator: ", ")) "
                + "(or any built-in, see 'backsim policies')")
        }
        let chosen = try PolicyList.resolve([policy], flag: "--policy", available: scenario.policies)
        scenario.policies = chosen
        let trace = try Simulator.trace(scenario.plan(threads: 1), policyIndex: 0, person: person, replication: replication)
        let ruleTexts = (chosen[0] as? RuleTablePolicy)?.rules.map(\.text) ?? []
        let profile = scenario.cohort.profiles[trace.traits.profileIndex].name
        try StandardStream.output.write(all: TraceRenderer.render(trace, profile: profile, ruleTexts: ruleTexts))
    }
}
