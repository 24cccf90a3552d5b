/// One policy against a reference on one outcome at one week: the mean of
/// the per-person paired differences with its Monte Carlo uncertainty.
public struct Difference: Equatable, Sendable {
    /// The policy whose outcome comes first in the difference.
    public let policy: String
    /// The policy subtracted.
    public let reference: String
    /// The outcome compared; values are in `ComparisonMetric.unit`.
    public let outcome: ComparisonMetric
    /// Weeks after baseline.
    public let week: Int
    /// Mean of `policy` − `reference` over the same simulated persons; for a
    /// yes/no outcome (`ComparisonMetric.isYesNo`) the risk difference, a share.
    public let estimate: Double
    /// The 95% Monte Carlo interval of ``estimate``: how far it could move if
    /// the run were repeated with more people, not the spread between people;
    /// nil with fewer than two persons.
    public let interval: ConfidenceInterval?
    /// Monte Carlo standard error of ``estimate``; nil with fewer than two persons.
    public let standardError: Double?
    /// Pairs (simulated persons × replications).
    public let count: Int
    /// The estimate is a benefit at least as large as the outcome's importance
    /// threshold (`ComparisonMetric.importanceThreshold`); nil for outcomes
    /// without a published threshold.
    public let isImportant: Bool?

    /// From a comparisons row; nil when the row has no pairs.
    init?(_ row: ComparisonRow) {
        guard let estimate = row.estimate, row.count > 0 else { return nil }
        policy = row.policy
        reference = row.reference
        outcome = row.outcome
        week = row.week
        self.estimate = estimate
        interval = row.interval
        standardError = row.standardError
        count = Int(row.count)
        isImportant = row.passesThreshold
    }
}
