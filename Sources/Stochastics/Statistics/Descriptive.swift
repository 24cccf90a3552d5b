import CGSL

/// Summary statistics of a sample held in memory, computed by GSL.
///
/// Meant for tests and small data. The simulation's hot loop records integer
/// outcomes into a ``CountHistogram`` instead, which never stores the sample.
///
/// NaN and ±∞ in the data propagate through ``mean(_:)``, ``variance(_:)`` and
/// ``standardDeviation(_:)`` as IEEE 754 arithmetic dictates; ``quantile(_:_:)``
/// rejects NaN because it has no place in an ordering.
///
/// The GSL routines used here never call GSL's error handler; the checks
/// below are what keep them away from input they would misread (GSL returns
/// 0 for an empty sample and divides by zero for the variance of one value).
public enum Descriptive {
    /// The arithmetic mean x̄ = (1/n) Σ xᵢ (`gsl_stats_mean`, a running-mean
    /// recurrence that avoids overflow in the sum).
    ///
    /// - Throws: ``StatisticsError/empty`` when `xs` is empty (undefined).
    public static func mean(_ xs: [Double]) throws(StatisticsError) -> Double {
        guard !xs.isEmpty else { throw .empty }
        return xs.withUnsafeBufferPointer { gsl_stats_mean($0.baseAddress, 1, $0.count) }
    }

    /// The sample variance s² = Σ (xᵢ − x̄)² / (n − 1) (`gsl_stats_variance`,
    /// two-pass about the mean).
    ///
    /// Unbiased for the population variance of independent draws. Not the
    /// population variance (divisor n).
    ///
    /// - Throws: ``StatisticsError/empty`` for no values and
    ///   ``StatisticsError/tooFewValues(minimum:count:)`` for one: with n < 2
    ///   the divisor n − 1 leaves s² undefined.
    public static func variance(_ xs: [Double]) throws(StatisticsError) -> Double {
        try requireTwo(xs)
        return xs.withUnsafeBufferPointer { gsl_stats_variance($0.baseAddress, 1, $0.count) }
    }

    /// The sample standard deviation s = √s² (`gsl_stats_sd`), with s² as in
    /// ``variance(_:)``. s is *not* unbiased for σ, although s² is for σ².
    ///
    /// - Throws: as ``variance(_:)``; undefined for n < 2.
    public static func standardDeviation(_ xs: [Double]) throws(StatisticsError) -> Double {
        try requireTwo(xs)
        return xs.withUnsafeBufferPointer { gsl_stats_sd($0.baseAddress, 1, $0.count) }
    }

    /// The p-quantile by linear interpolation between order statistics:
    /// with x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎ and h = p(n − 1), the result is
    /// x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋₊₁₎ − x₍⌊h⌋₎).
    ///
    /// This is Hyndman & Fan's (1996) definition 7, R's default `quantile()`:
    /// p = 0 gives the minimum, p = 1 the maximum, p = 0.5 the median. Computed
    /// by `gsl_sort` and `gsl_stats_quantile_from_sorted_data` on a copy; O(n log n).
    ///
    /// - Throws: ``StatisticsError/empty`` for no values,
    ///   ``StatisticsError/invalidProbability(_:)`` unless 0 ≤ p ≤ 1, and
    ///   ``StatisticsError/notANumber`` if any value is NaN.
    public static func quantile(_ xs: [Double], _ p: Double) throws(StatisticsError) -> Double {
        guard !xs.isEmpty else { throw .empty }
        // Written so that NaN fails the test too.
        guard p >= 0, p <= 1 else { throw .invalidProbability(p) }
        guard !xs.contains(where: \.isNaN) else { throw .notANumber }
        var sorted = xs
        return sorted.withUnsafeMutableBufferPointer { buffer in
            gsl_sort(buffer.baseAddress, 1, buffer.count)
            return gsl_stats_quantile_from_sorted_data(buffer.baseAddress, 1, buffer.count, p)
        }
    }

    private static func requireTwo(_ xs: [Double]) throws(StatisticsError) {
        guard !xs.isEmpty else { throw .empty }
        guard xs.count >= 2 else { throw .tooFewValues(minimum: 2, count: xs.count) }
    }
}
