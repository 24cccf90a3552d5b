import CGSL

/// A continuous distribution of one real parameter, with GSL's distribution
/// and quantile functions (`gsl_cdf_*_P` and `gsl_cdf_*_Pinv`).
///
/// Used to draw uncertain parameters by inversion (a uniform or a copula's
/// normal score through ``quantile(_:)``), so that one draw of a
/// distribution needs exactly one uniform, whatever its shape.
public enum ContinuousDistribution: Equatable, Sendable {
    /// Normal with mean and standard deviation (sd > 0).
    case normal(mean: Double, sd: Double)
    /// Lognormal: log X is normal(meanlog, sdlog) (sdlog > 0).
    case lognormal(meanlog: Double, sdlog: Double)
    /// Beta(α, β) on [0, 1] (α, β > 0).
    case beta(alpha: Double, beta: Double)
    /// Gamma with shape k and scale θ (mean kθ; k, θ > 0).
    case gamma(shape: Double, scale: Double)
    /// Uniform on [min, max] (min < max).
    case uniform(min: Double, max: Double)
    /// Always `value` (a parameter held at its base in a study).
    case fixed(Double)

    /// P(X ≤ x).
    public func cdf(_ x: Double) -> Double {
        GSLRuntime.prepare()
        switch self {
        case let .normal(mean, sd): return gsl_cdf_gaussian_P(x - mean, sd)
        case let .lognormal(meanlog, sdlog): return x <= 0 ? 0 : gsl_cdf_lognormal_P(x, meanlog, sdlog)
        case let .beta(a, b): return x <= 0 ? 0 : x >= 1 ? 1 : gsl_cdf_beta_P(x, a, b)
        case let .gamma(shape, scale): return x <= 0 ? 0 : gsl_cdf_gamma_P(x, shape, scale)
        case let .uniform(low, high): return x <= low ? 0 : x >= high ? 1 : (x - low) / (high - low)
        case let .fixed(value): return x < value ? 0 : 1
        }
    }

    /// The x with P(X ≤ x) = p, for 0 < p < 1.
    ///
    /// - Throws: ``StatisticsError/invalidProbability(_:)`` unless 0 < p < 1
    ///   (the end points are infinite for most shapes), and
    ///   ``StatisticsError/notANumber`` if GSL's inversion fails.
    public func quantile(_ p: Double) throws(StatisticsError) -> Double {
        guard p > 0, p < 1 else { throw .invalidProbability(p) }
        GSLRuntime.prepare()
        let x: Double
        switch self {
        case let .normal(mean, sd): x = mean + gsl_cdf_gaussian_Pinv(p, sd)
        case let .lognormal(meanlog, sdlog): x = gsl_cdf_lognormal_Pinv(p, meanlog, sdlog)
        case let .beta(a, b): x = gsl_cdf_beta_Pinv(p, a, b)
        case let .gamma(shape, scale): x = gsl_cdf_gamma_Pinv(p, shape, scale)
        case let .uniform(low, high): x = low + p * (high - low)
        case let .fixed(value): x = value
        }
        guard x.isFinite else { throw .notANumber }
        return x
    }
}
