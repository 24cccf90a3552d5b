import BackSimCore

/// Small seeded runs for tests. Every random test goes through here so that
/// it names its seed.
public enum Runs {
    public static func compare(
        cohort: String, policies: [String], persons: Int, weeks: Int, seed: UInt64,
        replications: Int = 1, threads: Int = 2, parameters: ModelParameters = .defaults
    ) throws -> SimulationResult {
        let plan = SimulationPlan(
            cohort: BuiltInCohorts.named(cohort)!,
            policies: try policies.map { try PolicyCatalogue.policy($0) },
            persons: persons, weeks: weeks, replications: replications, seed: seed,
            parameters: parameters, threads: threads)
        return try Simulator.run(plan)
    }
}

extension SimulationResult {
    /// The histogram of `metric` at `week` under the policy labelled `label`.
    public func histogram(_ label: String, _ metric: Metric, week: Int) -> CountHistogramView {
        let series = policies.first { $0.label == label }!.series(metric)!
        return CountHistogramView(histogram: series.weeks[week], scale: metric.scale)
    }
}
