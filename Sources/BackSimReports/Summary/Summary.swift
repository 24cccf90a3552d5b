import Stochastics

/// The summary statistics of one metric at one week under one policy.
///
/// Contract: every value is in the metric's unit (recorded integer ×
/// `Metric.scale`), except `n`, which counts observations (simulated persons
/// × replications that recorded the metric that week). A statistic that is
/// undefined for the data is `nil`, never NaN: all of them when n = 0, and
/// `sd`, `ciLow`, `ciHigh` when n < 2.
public struct Summary: Equatable, Sendable {
    /// Confidence level of ``ciLow`` and ``ciHigh``.
    public static let confidenceLevel = 0.95

    /// Every statistic, in output order (CSV rows, JSON fields, documentation).
    public static let stats: [Stat] = Stat.allCases

    /// Observations (simulated persons × replications recording the metric).
    public var n: Int64
    /// Mean of the observations.
    public var mean: Double?
    /// Sample standard deviation (divisor n − 1).
    public var sd: Double?
    /// 95% confidence interval of the mean: t-based, mean ± t(0.975, n − 1)·sd/√n,
    /// or for yes/no metrics (`Metric.isProportion`) Wilson's score interval.
    public var ciLow: Double?
    /// Upper bound of the 95% interval (see ``ciLow``).
    public var ciHigh: Double?
    /// Type-7 quantiles (R's default) of the observations.
    public var p25: Double?
    /// Median.
    public var p50: Double?
    /// Third quartile.
    public var p75: Double?
    /// Monte Carlo standard error of the mean, sd/√n (nil when n < 2).
    public var mcse: Double?

    /// A summary with no observations: `n` = 0, everything else `nil`.
    public static let empty = Summary(
        n: 0, mean: nil, sd: nil, ciLow: nil, ciHigh: nil, p25: nil, p50: nil, p75: nil)

    /// A summary of the given statistics (the Monte Carlo error is derived).
    public init(
        n: Int64, mean: Double?, sd: Double?, ciLow: Double?, ciHigh: Double?,
        p25: Double?, p50: Double?, p75: Double?
    ) {
        self.n = n
        self.mean = mean
        self.sd = sd
        self.ciLow = ciLow
        self.ciHigh = ciHigh
        self.p25 = p25
        self.p50 = p50
        self.p75 = p75
        if let sd, n >= 2 { mcse = sd / Double(n).squareRoot() }
    }

    /// Summarises the exact counts in `histogram`, multiplying values by `scale`.
    /// With `proportion` (values 0 and 1), the interval is Wilson's.
    public init(_ histogram: CountHistogram, scale: Double = 1, proportion: Bool = false) {
        let n = histogram.count
        let mean = histogram.mean.map { $0 * scale }
        let sd = histogram.standardDeviation.map { $0 * scale }
        let interval = proportion
            ? ConfidenceInterval.wilson(successes: histogram.sum, trials: n, level: Self.confidenceLevel)
            : mean.flatMap { mean in
                sd.flatMap { ConfidenceInterval.mean(mean, standardDeviation: $0, count: n, level: Self.confidenceLevel) }
            }
        self.init(
            n: n, mean: Self.defined(mean), sd: Self.defined(sd),
            ciLow: Self.defined(interval?.low), ciHigh: Self.defined(interval?.high),
            p25: Self.defined(histogram.quantile(0.25).map { $0 * scale }),
            p50: Self.defined(histogram.quantile(0.50).map { $0 * scale }),
            p75: Self.defined(histogram.quantile(0.75).map { $0 * scale }))
    }

    /// Summarises exact fixed-point moments: mean, SD, t-based interval and
    /// Monte Carlo error; no quantiles (moments do not keep the distribution).
    public init(_ moments: ExactMoments) {
        let n = moments.count
        let mean = moments.mean, sd = moments.standardDeviation
        let interval = mean.flatMap { mean in
            sd.flatMap { ConfidenceInterval.mean(mean, standardDeviation: $0, count: n, level: Self.confidenceLevel) }
        }
        self.init(
            n: n, mean: Self.defined(mean), sd: Self.defined(sd), ciLow: Self.defined(interval?.low),
            ciHigh: Self.defined(interval?.high), p25: nil, p50: nil, p75: nil)
    }

    /// The value of `stat`; `n` as a whole number (never `nil`).
    public subscript(stat: Stat) -> Double? {
        switch stat {
        case .mean: mean
        case .sd: sd
        case .n: Double(n)
        case .ciLow: ciLow
        case .ciHigh: ciHigh
        case .p25: p25
        case .p50: p50
        case .p75: p75
        case .mcse: mcse
        }
    }

    /// Non-finite values become undefined, and −0 becomes 0 so that it never
    /// prints as `-0`.
    private static func defined(_ value: Double?) -> Double? {
        guard let value, value.isFinite else { return nil }
        return value + 0
    }
}
