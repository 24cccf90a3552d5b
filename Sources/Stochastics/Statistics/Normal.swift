import CGSL

/// The standard normal distribution N(0, 1).
public enum Normal {
    /// The quantile z = Φ⁻¹(p), the z with P(Z ≤ z) = p (`gsl_cdf_ugaussian_Pinv`).
    ///
    /// Defined on the closed interval: p = 0 gives −∞ and p = 1 gives +∞.
    /// Example: Φ⁻¹(0.975) ≈ 1.959964, the two-sided 95% critical value.
    ///
    /// - Throws: ``StatisticsError/invalidProbability(_:)`` unless 0 ≤ p ≤ 1.
    public static func quantile(_ p: Double) throws(StatisticsError) -> Double {
        guard p >= 0, p <= 1 else { throw .invalidProbability(p) }  // NaN fails too
        GSLRuntime.prepare()
        return gsl_cdf_ugaussian_Pinv(p)
    }

    /// The distribution function Φ(x) = P(Z ≤ x) (`gsl_cdf_ugaussian_P`).
    ///
    /// Total: Φ(−∞) = 0, Φ(+∞) = 1, and NaN gives NaN.
    public static func cdf(_ x: Double) -> Double {
        GSLRuntime.prepare()
        return gsl_cdf_ugaussian_P(x)
    }
}
