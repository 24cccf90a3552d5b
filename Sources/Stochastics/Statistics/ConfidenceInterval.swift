/// A two-sided confidence interval [low, high] at some confidence level.
///
/// Only the bounds are stored; the level is the caller's. Intervals are
/// equal-tailed: each side leaves α/2 = (1 − level)/2 out.
public struct ConfidenceInterval: Equatable, Sendable {
    /// Lower bound.
    public var low: Double
    /// Upper bound.
    public var high: Double

    /// An interval [low, high].
    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    /// The t interval for a population mean: x̄ ± t₁₋α/₂,ₙ₋₁ · s / √n.
    ///
    /// Exact coverage when the observations are independent draws from a
    /// normal distribution; approximate (by the central limit theorem)
    /// otherwise. When `standardDeviation` is 0 the interval is [x̄, x̄],
    /// which says nothing about the population; it is returned as computed.
    ///
    /// - Parameters:
    ///   - mean: the sample mean x̄.
    ///   - standardDeviation: the sample standard deviation s (divisor n − 1).
    ///   - count: the sample size n.
    ///   - level: the confidence level 1 − α, strictly between 0 and 1.
    /// - Returns: `nil` when n < 2 (s and the t quantile are undefined), when
    ///   `level` is not strictly between 0 and 1, or when s is negative or NaN.
    public static func mean(
        _ mean: Double, standardDeviation: Double, count: Int64, level: Double = 0.95
    ) -> ConfidenceInterval? {
        guard count >= 2, level > 0, level < 1, standardDeviation >= 0 else { return nil }
        let upperTail = 1 - (1 - level) / 2
        guard let t = try? StudentT.quantile(upperTail, degreesOfFreedom: Double(count - 1)) else { return nil }
        let halfWidth = t * standardDeviation / Double(count).squareRoot()
        return ConfidenceInterval(low: mean - halfWidth, high: mean + halfWidth)
    }

    /// The Wilson score interval for a binomial proportion, without
    /// continuity correction (Wilson 1927; Newcombe 1998, method 3):
    ///
    ///     (2x + z² ∓ z √(z² + 4x(n − x)/n)) / (2(n + z²)),   z = Φ⁻¹(1 − α/2)
    ///
    /// It is the set of p that a two-sided score test at level α does not
    /// reject. Unlike the Wald interval it stays inside [0, 1] and does not
    /// collapse at the boundaries: at x = 0 it is [0, z²/(n + z²)], at x = n
    /// it is [n/(n + z²), 1]. Coverage is close to nominal on average but not
    /// guaranteed for every p.
    ///
    /// - Returns: `nil` when `trials` is 0 (no information), when
    ///   `successes` is outside 0...trials, or when `level` is not strictly
    ///   between 0 and 1.
    public static func wilson(successes: Int64, trials: Int64, level: Double = 0.95) -> ConfidenceInterval? {
        guard trials > 0, successes >= 0, successes <= trials, level > 0, level < 1 else { return nil }
        guard let z = try? Normal.quantile(1 - (1 - level) / 2) else { return nil }
        let x = Double(successes)
        let n = Double(trials)
        let z2 = z * z
        let spread = z * (z2 + 4 * x * (n - x) / n).squareRoot()
        let denominator = 2 * (n + z2)
        // At the boundaries the formula is exact in real arithmetic; pin the
        // bounds so rounding cannot leave 0 or 1 just outside or inside.
        let low = successes == 0 ? 0 : max(0, (2 * x + z2 - spread) / denominator)
        let high = successes == trials ? 1 : min(1, (2 * x + z2 + spread) / denominator)
        return ConfidenceInterval(low: low, high: high)
    }
}
