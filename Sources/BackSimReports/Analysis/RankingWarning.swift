import BackSimCore
import Stochastics

/// Two policies whose order on an outcome is within Monte Carlo error: the
/// paired difference's 95% interval contains 0. Says how many simulated
/// persons per policy this run would need to order them at its Monte Carlo
/// precision if the difference is real (not a trial size).
public struct RankingWarning: Equatable, Sendable {
    /// The policy that looks better.
    public let first: String
    /// The policy it looks better than.
    public let second: String
    /// The outcome on which the ranking is uncertain.
    public let outcome: ComparisonMetric
    /// The week.
    public let week: Int
    /// The paired difference `first − second`.
    public let difference: PairedDifference
    /// Persons per replication × replications needed for the interval to exclude 0.
    public let personsToSeparate: Double?

    /// Every pair of policies at `week` (default: the horizon) whose ranking
    /// is not resolved by the run, on pain and disability.
    public static func warnings(_ result: SimulationResult, week: Int? = nil) -> [RankingWarning] {
        let week = week ?? result.weeks
        var warnings: [RankingWarning] = []
        for comparison in result.comparisons {
            for outcome in [ComparisonMetric.pain, .disability] {
                guard let sample = comparison.sample(outcome.metric, week: week), sample.count > 0, let mean = sample.mean else { continue }
                let difference = PairedDifference(
                    count: sample.count, mean: mean, differenceStandardDeviation: sample.standardDeviation,
                    referenceStandardDeviation: nil, comparatorStandardDeviation: nil)
                guard difference.isSeparated == false, difference.mean != 0 || (difference.differenceStandardDeviation ?? 0) > 0 else {
                    continue
                }
                warnings.append(RankingWarning(
                    first: comparison.first, second: comparison.second, outcome: outcome, week: week,
                    difference: difference, personsToSeparate: difference.personsToSeparate))
            }
        }
        return warnings
    }

    /// The warning as printed under the table.
    public var description: String {
        let d = NumberText.fixed(difference.mean, digits: 3)
        let se = difference.standardError.map { NumberText.fixed($0, digits: 3) } ?? "–"
        let needed = personsToSeparate.map {
            "about \(Int($0.rounded(.up))) simulated persons per policy needed to order these two at this Monte Carlo precision"
        }
            ?? "they are identical here"
        return "\(first) vs \(second), \(outcome.name) at week \(week): difference \(d) (MC s.e. \(se)) is within Monte Carlo error; \(needed)"
    }
}
