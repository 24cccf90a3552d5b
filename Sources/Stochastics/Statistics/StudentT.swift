import CGSL

/// Student's t distribution with ν degrees of freedom (ν > 0, not necessarily
/// an integer, so Welch–Satterthwaite ν works too).
public enum StudentT {
    /// The quantile t with P(T ≤ t) = p for T ~ t(ν) (`gsl_cdf_tdist_Pinv`).
    ///
    /// Defined on the closed interval: p = 0 gives −∞ and p = 1 gives +∞.
    /// Example: the two-sided 95% critical value for ν = 10 is
    /// `quantile(0.975, degreesOfFreedom: 10)` ≈ 2.228. As ν → ∞ it tends to
    /// ``Normal/quantile(_:)``; ν = +∞ itself is rejected rather than guessed.
    ///
    /// - Throws: ``StatisticsError/invalidProbability(_:)`` unless 0 ≤ p ≤ 1;
    ///   ``StatisticsError/invalidDegreesOfFreedom(_:)`` unless ν is finite
    ///   and positive (GSL returns NaN there instead of failing).
    public static func quantile(_ p: Double, degreesOfFreedom nu: Double) throws(StatisticsError) -> Double {
        guard p >= 0, p <= 1 else { throw .invalidProbability(p) }  // NaN fails too
        try validate(nu)
        GSLRuntime.prepare()
        return gsl_cdf_tdist_Pinv(p, nu)
    }

    /// The distribution function P(T ≤ x) for T ~ t(ν) (`gsl_cdf_tdist_P`).
    /// NaN x gives NaN.
    ///
    /// - Throws: ``StatisticsError/invalidDegreesOfFreedom(_:)`` unless ν is
    ///   finite and positive.
    public static func cdf(_ x: Double, degreesOfFreedom nu: Double) throws(StatisticsError) -> Double {
        try validate(nu)
        GSLRuntime.prepare()
        return gsl_cdf_tdist_P(x, nu)
    }

    private static func validate(_ nu: Double) throws(StatisticsError) {
        guard nu > 0, nu.isFinite else { throw .invalidDegreesOfFreedom(nu) }
    }
}
