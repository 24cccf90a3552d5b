import Stochastics

/// A model parameter whose value is not known: a distribution for it,
/// optionally truncated to an interval.
public struct UncertainParameter: Sendable {
    /// The model parameter (its name, unit and allowed range).
    public let spec: ParameterSpec
    /// The distribution its values are drawn from, before truncation.
    public let distribution: ContinuousDistribution
    /// Values outside are never drawn (the distribution is renormalised on it).
    public let truncation: ClosedRange<Double>?

    /// A parameter drawn from `distribution`, optionally truncated to `truncation`.
    public init(_ spec: ParameterSpec, _ distribution: ContinuousDistribution, truncation: ClosedRange<Double>? = nil) {
        self.spec = spec
        self.distribution = distribution
        self.truncation = truncation
    }

    /// The parameter's scenario name.
    public var name: String { spec.name }

    /// The value at probability `p` (0 < p < 1) of the truncated
    /// distribution: F⁻¹(F(a) + p (F(b) − F(a))) on [a, b].
    ///
    /// - Throws: `StatisticsError` (Stochastics) if `p` is outside (0, 1), or the
    ///   truncation interval holds no probability.
    public func quantile(_ p: Double) throws(StatisticsError) -> Double {
        guard let truncation else { return try distribution.quantile(p) }
        let low = distribution.cdf(truncation.lowerBound), high = distribution.cdf(truncation.upperBound)
        guard high > low else { throw .empty }
        guard p > 0, p < 1 else { throw .invalidProbability(p) }
        let q = low + p * (high - low)
        // At the edges of the interval the inverse may be infinite; clamp instead.
        guard q > 0, q < 1, let value = try? distribution.quantile(q) else {
            return q <= 0 ? truncation.lowerBound : truncation.upperBound
        }
        return min(max(value, truncation.lowerBound), truncation.upperBound)
    }
}

/// A Spearman rank correlation between two uncertain parameters.
public struct RankCorrelation: Equatable, Sendable {
    /// The first parameter's scenario name.
    public let first: String
    /// The second parameter's scenario name.
    public let second: String
    /// −1 < ρ < 1.
    public let rho: Double

    /// A Spearman correlation `rho` between two parameters, by name.
    public init(_ first: String, _ second: String, rho: Double) {
        self.first = first
        self.second = second
        self.rho = rho
    }
}
