import BackSimCore
import Stochastics

/// One policy against the reference, on one outcome, at one week.
///
/// A quantity has the mean per-person paired difference (policy minus
/// reference), its t-based Monte Carlo interval and standard error, and the
/// between-group standardised effect; a yes/no outcome has the paired risk
/// difference with Newcombe's method 10 interval, its standard error, the
/// risk ratio and the number of discordant persons. Either has the
/// importance threshold where a published one exists.
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
    /// For a quantity; nil for a yes/no outcome or when no pair was recorded.
    public let difference: PairedDifference?
    /// For a yes/no outcome; nil otherwise or when no pair was recorded.
    public let proportion: PairedProportion?

    /// Persons with the outcome under both policies.
    public var count: Int64 { difference?.count ?? proportion?.count ?? 0 }

    /// The difference (risk difference for yes/no), nil when undefined.
    public var estimate: Double? { difference?.mean ?? proportion?.riskDifference }

    /// The 95% Monte Carlo interval of ``estimate``.
    public var interval: ConfidenceInterval? { difference?.interval ?? proportion?.interval() }

    /// Monte Carlo standard error of ``estimate``; nil when undefined.
    public var standardError: Double? { difference?.standardError ?? proportion?.standardError }

    /// The difference is a benefit at least as large as the published
    /// threshold; nil when undefined or when there is no threshold.
    public var passesThreshold: Bool? {
        guard let threshold = outcome.threshold, let estimate else { return nil }
        return outcome.lowerIsBetter ? estimate <= threshold : estimate >= threshold
    }

    /// Rows for every policy but the reference, at every week, every outcome.
    public static func rows(_ result: SimulationResult, reference: String, outcomes: [ComparisonMetric] = ComparisonMetric.all) -> [ComparisonRow] {
        rows(policies: result.policies, comparisons: result.comparisons, weeks: result.weeks, reference: reference, outcomes: outcomes)
    }

    /// The same within a subgroup.
    public static func rows(_ group: GroupResult, weeks: Int, reference: String, outcomes: [ComparisonMetric] = ComparisonMetric.all) -> [ComparisonRow] {
        rows(policies: group.policies, comparisons: group.comparisons, weeks: weeks, reference: reference, outcomes: outcomes)
    }

    static func rows(
        policies: [PolicyOutcome], comparisons: [PairedComparison], weeks: Int, reference: String, outcomes: [ComparisonMetric]
    ) -> [ComparisonRow] {
        guard let referenceOutcome = policies.first(where: { $0.label == reference }) else { return [] }
        var rows: [ComparisonRow] = []
        for policy in policies where policy.label != reference {
            guard let comparison = SimulationResult.comparison(policy.label, against: reference, in: comparisons) else { continue }
            for week in 0...weeks {
                for outcome in outcomes {
                    rows.append(row(policy: policy, reference: referenceOutcome, comparison: comparison, week: week, outcome: outcome))
                }
            }
        }
        return rows
    }

    static func row(
        policy: PolicyOutcome, reference: PolicyOutcome, comparison: PairedComparison, week: Int, outcome: ComparisonMetric
    ) -> ComparisonRow {
        let sample = comparison.sample(outcome.metric, week: week)
        var difference: PairedDifference?, proportion: PairedProportion?
        if let sample, sample.count > 0 {
            if outcome.isYesNo {
                proportion = sample.table
            } else if let mean = sample.mean {
                difference = PairedDifference(
                    count: sample.count, mean: mean, differenceStandardDeviation: sample.standardDeviation,
                    referenceStandardDeviation: reference.summary(outcome.metric, week: week).sd,
                    comparatorStandardDeviation: policy.summary(outcome.metric, week: week).sd)
            }
        }
        return ComparisonRow(
            policy: policy.label, reference: reference.label, week: week, outcome: outcome, difference: difference,
            proportion: proportion)
    }

    /// Statistics of a quantity, in output order (the comparisons CSV's `stat` column).
    public static let quantityStats = [
        "mean_difference", "ci_low", "ci_high", "mcse", "standardised_effect", "threshold", "passes_threshold", "n",
    ]
    /// Statistics of a yes/no outcome, in output order.
    public static let yesNoStats = [
        "risk_difference", "ci_low", "ci_high", "mcse", "risk_ratio", "discordant", "threshold", "passes_threshold", "n",
    ]

    /// This row's statistics: ``quantityStats`` or ``yesNoStats``.
    public var stats: [String] { outcome.isYesNo ? Self.yesNoStats : Self.quantityStats }

    /// The value of a statistic named in ``stats``; nil when undefined.
    public func value(_ stat: String) -> Double? {
        switch stat {
        case "mean_difference": difference?.mean
        case "risk_difference": proportion?.riskDifference
        case "ci_low": interval?.low
        case "ci_high": interval?.high
        case "mcse": standardError
        case "standardised_effect": difference?.standardisedEffect
        case "risk_ratio": proportion?.riskRatio
        case "discordant": proportion.map { Double($0.discordant) }
        case "threshold": outcome.threshold
        case "passes_threshold": passesThreshold.map { $0 ? 1 : 0 }
        case "n": Double(count)
        default: nil
        }
    }
}
