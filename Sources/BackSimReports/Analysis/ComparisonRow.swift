import BackSimCore
import Stochastics

/// One policy against the reference, on one outcome, at one week: the mean
/// per-person paired difference (policy minus reference; negative = less
/// pain or disability), its Monte Carlo interval and standard error, the
/// between-group standardised effect, and the importance threshold.
///
/// No p-value: with an arbitrary number of simulated persons it would only
/// measure the size of the run.
public struct ComparisonRow: Equatable, Sendable {
    /// The policy compared.
    public let policy: String
    /// The policy subtracted.
    public let reference: String
    /// Weeks after baseline.
    public let week: Int
    /// The outcome compared.
    public let outcome: ComparisonMetric
    /// nil when no pair was recorded.
    public let difference: PairedDifference?

    /// The difference is a benefit at least as large as the threshold
    /// (mean ≤ −threshold); nil when undefined.
    public var passesThreshold: Bool? { difference.map { $0.mean <= -outcome.importanceThreshold } }

    /// Rows for every policy but the reference, at every week, both outcomes.
    public static func rows(_ result: SimulationResult, reference: String) -> [ComparisonRow] {
        rows(policies: result.policies, comparisons: result.comparisons, weeks: result.weeks, reference: reference)
    }

    /// The same within a subgroup.
    public static func rows(_ group: GroupResult, weeks: Int, reference: String) -> [ComparisonRow] {
        rows(policies: group.policies, comparisons: group.comparisons, weeks: weeks, reference: reference)
    }

    static func rows(policies: [PolicyOutcome], comparisons: [PairedComparison], weeks: Int, reference: String) -> [ComparisonRow] {
        guard let referenceOutcome = policies.first(where: { $0.label == reference }) else { return [] }
        var rows: [ComparisonRow] = []
        for policy in policies where policy.label != reference {
            guard let comparison = SimulationResult.comparison(policy.label, against: reference, in: comparisons) else { continue }
            for week in 0...weeks {
                for outcome in ComparisonMetric.allCases {
                    let histogram = outcome.differences(comparison)[week]
                    let difference = histogram.isEmpty ? nil : PairedDifference(
                        differences: histogram, scale: outcome.metric.scale,
                        referenceStandardDeviation: referenceOutcome.series(outcome.metric)?.weeks[week].standardDeviation,
                        comparatorStandardDeviation: policy.series(outcome.metric)?.weeks[week].standardDeviation)
                    rows.append(ComparisonRow(policy: policy.label, reference: reference, week: week, outcome: outcome, difference: difference))
                }
            }
        }
        return rows
    }

    /// Statistics in output order (the comparisons CSV's `stat` column).
    public static let stats = [
        "mean_difference", "ci_low", "ci_high", "mcse", "standardised_effect", "threshold", "passes_threshold", "n",
    ]

    /// The value of a statistic named in ``stats``; nil when undefined.
    public func value(_ stat: String) -> Double? {
        switch stat {
        case "mean_difference": difference?.mean
        case "ci_low": difference?.interval?.low
        case "ci_high": difference?.interval?.high
        case "mcse": difference?.standardError
        case "standardised_effect": difference?.standardisedEffect
        case "threshold": -outcome.importanceThreshold
        case "passes_threshold": passesThreshold.map { $0 ? 1 : 0 }
        case "n": Double(difference?.count ?? 0)
        default: nil
        }
    }
}
