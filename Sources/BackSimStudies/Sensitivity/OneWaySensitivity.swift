import BackSimCore
import BackSimScenario

/// One-way sensitivity: each uncertain parameter at a low and a high
/// percentile of its distribution with every other at its base value (the
/// scenario's, after `--set`), and the paired difference `policy` minus
/// `reference` at each, on the same persons with the same luck as the base.
public struct OneWaySensitivity: Sendable {
    public let scenario: Scenario
    public let uncertainty: ParameterUncertainty
    public let policy: String
    public let reference: String
    public let outcome: StudyOutcome
    public let week: Int
    public let percentiles: (low: Double, high: Double)
    public let threads: Int

    public init(
        scenario: Scenario, uncertainty: ParameterUncertainty, policy: String, reference: String, outcome: StudyOutcome,
        week: Int, percentiles: (low: Double, high: Double) = (2.5, 97.5), threads: Int
    ) throws(StudyError) {
        guard (0...scenario.weeks).contains(week) else { throw .week(week, scenario.weeks) }
        guard percentiles.low > 0, percentiles.low < percentiles.high, percentiles.high < 100 else {
            throw .uncertainty("--percentiles: expected LOW,HIGH with 0 < LOW < HIGH < 100, got \(percentiles.low),\(percentiles.high)")
        }
        guard policy != reference else { throw .policy("--policy and --reference are both '\(policy)'; compare two different policies") }
        var scenario = scenario
        var policies: [any ProgressionPolicy] = []
        for label in [policy, reference] {
            if let own = scenario.policies.first(where: { $0.label == label }) {
                policies.append(own)
            } else if let builtIn = try? PolicyCatalogue.policy(label) {
                policies.append(builtIn)
            } else {
                throw .policy("unknown policy '\(label)'; name one of the scenario's (\(scenario.policyLabels.joined(separator: ", "))) or a built-in (backsim policies)")
            }
        }
        scenario.policies = policies
        self.scenario = scenario
        self.uncertainty = uncertainty
        self.policy = policy
        self.reference = reference
        self.outcome = outcome
        self.week = week
        self.percentiles = percentiles
        self.threads = threads
    }

    /// The runs: the base, then each uncertain parameter at its low and at
    /// its high percentile.
    public var runCount: Int { 1 + 2 * uncertainty.parameters.count }

    /// Persons (replication × persons + person) each run simulates.
    public var simulatedPersons: Int { scenario.persons * scenario.replications }

    /// Runs the base and two runs per uncertain parameter; `progress` is told
    /// after each run.
    public func run(progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws -> OneWayResult {
        try result(tallies(progress: progress))
    }

    /// Every run's exact tally over `persons` only (one shard's; default
    /// everyone), in ``runCount`` order. Tallies of disjoint person ranges
    /// add up to the whole run's (``OutcomeTally/merge(_:)``).
    public func tallies(
        persons: Range<Int>? = nil, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) throws -> [OutcomeTally] {
        var runs = [scenario.parameters]
        for parameter in uncertainty.parameters {
            for percentile in [percentiles.low, percentiles.high] {
                var parameters = scenario.parameters
                parameters[keyPath: parameter.spec.keyPath] = try parameter.quantile(percentile / 100)
                runs.append(parameters)
            }
        }
        var tallies: [OutcomeTally] = []
        for parameters in runs {
            var plan = scenario.plan(threads: threads)
            plan.parameters = parameters
            tallies.append(try StudyRun.tally(plan, outcomes: [outcome], week: week, persons: persons))
            progress?(tallies.count, runs.count)
        }
        return tallies
    }

    /// The tornado from every run's tally over everyone (``tallies(persons:progress:)``).
    public func result(_ tallies: [OutcomeTally]) throws -> OneWayResult {
        precondition(tallies.count == runCount, "one tally per run")
        func difference(_ run: Int) -> (Double, Double) {
            let d = tallies[run].difference(outcome: 0, policy: 0, reference: 1)
            return (d.mean * outcome.scale, d.standardError * outcome.scale)
        }
        let base = difference(0)
        var bars: [OneWayResult.Bar] = []
        for (index, parameter) in uncertainty.parameters.enumerated() {
            let low = try parameter.quantile(percentiles.low / 100)
            let high = try parameter.quantile(percentiles.high / 100)
            let atLow = difference(1 + 2 * index)
            let atHigh = difference(2 + 2 * index)
            bars.append(OneWayResult.Bar(
                parameter: parameter.name, unit: parameter.spec.unit, base: scenario.parameters[keyPath: parameter.spec.keyPath],
                low: low, high: high, differenceAtLow: atLow.0, standardErrorAtLow: atLow.1,
                differenceAtHigh: atHigh.0, standardErrorAtHigh: atHigh.1))
        }
        // Widest first; ties by name so the order never depends on anything else.
        bars.sort { ($0.width, $1.parameter) > ($1.width, $0.parameter) }
        return OneWayResult(
            policy: policy, reference: reference, outcome: outcome, week: week, percentiles: percentiles,
            baseDifference: base.0, baseStandardError: base.1, bars: bars,
            persons: scenario.persons * scenario.replications, seed: scenario.seed)
    }
}

/// A tornado: the base difference and one bar per uncertain parameter.
public struct OneWayResult: Sendable {
    public struct Bar: Sendable {
        public let parameter: String
        public let unit: String
        public let base: Double
        public let low: Double
        public let high: Double
        public let differenceAtLow: Double
        public let standardErrorAtLow: Double
        public let differenceAtHigh: Double
        public let standardErrorAtHigh: Double
        /// |difference at high − difference at low|: the bar's length.
        public var width: Double { abs(differenceAtHigh - differenceAtLow) }
    }

    public let policy: String
    public let reference: String
    public let outcome: StudyOutcome
    public let week: Int
    public let percentiles: (low: Double, high: Double)
    public let baseDifference: Double
    public let baseStandardError: Double
    /// Widest first.
    public let bars: [Bar]
    public let persons: Int
    public let seed: UInt64
}
