/// A yes/no outcome observed on the same persons under two conditions (a
/// comparator and a reference), as the paired 2 × 2 table:
///
///                      reference yes   reference no
///     comparator yes         a               b
///     comparator no          c               d
///
/// The risk difference is p₁ − p₂ = (a + b)/n − (a + c)/n = (b − c)/n; only
/// the discordant pairs b and c move it.
///
/// Its interval is Newcombe's method 10 (Newcombe 1998, "Improved confidence
/// intervals for the difference between binomial proportions based on
/// paired data", Stat Med 17:2635-50): the Wilson score intervals (l₁, u₁)
/// of p₁ and (l₂, u₂) of p₂, combined "square and add" with the correlation
///
///     φ = (ad − bc)/√((a+b)(c+d)(a+c)(b+d)),
///
/// whose numerator is shrunk to max(ad − bc − n/2, 0) when ad − bc ≥ 0 and
/// left as it is when negative; φ = 0 when any margin is 0. Then
///
///     L = θ − √((p₁ − l₁)² − 2φ(p₁ − l₁)(u₂ − p₂) + (u₂ − p₂)²)
///     U = θ + √((u₁ − p₁)² − 2φ(u₁ − p₁)(p₂ − l₂) + (p₂ − l₂)²)
///
/// It stays inside [−1, 1] and does not collapse to a point when b = c = 0.
public struct PairedProportion: Equatable, Hashable, Sendable {
    /// Yes under both (a).
    public let bothYes: Int64
    /// Yes under the comparator only (b).
    public let comparatorOnly: Int64
    /// Yes under the reference only (c).
    public let referenceOnly: Int64
    /// No under both (d).
    public let neither: Int64

    /// - Precondition: every count is ≥ 0.
    public init(bothYes: Int64, comparatorOnly: Int64, referenceOnly: Int64, neither: Int64) {
        precondition(bothYes >= 0 && comparatorOnly >= 0 && referenceOnly >= 0 && neither >= 0, "negative count")
        self.bothYes = bothYes
        self.comparatorOnly = comparatorOnly
        self.referenceOnly = referenceOnly
        self.neither = neither
    }

    /// The number of pairs n.
    public var count: Int64 { bothYes + comparatorOnly + referenceOnly + neither }
    /// Pairs whose outcome differs between the two conditions, b + c.
    public var discordant: Int64 { comparatorOnly + referenceOnly }
    /// p₁ = (a + b)/n; nil when n = 0.
    public var comparatorProportion: Double? { share(bothYes + comparatorOnly) }
    /// p₂ = (a + c)/n; nil when n = 0.
    public var referenceProportion: Double? { share(bothYes + referenceOnly) }

    /// θ = p₁ − p₂ = (b − c)/n; nil when n = 0.
    public var riskDifference: Double? { share(comparatorOnly - referenceOnly) }

    /// p₁ / p₂; nil when n = 0 or p₂ = 0.
    public var riskRatio: Double? {
        guard bothYes + referenceOnly > 0 else { return nil }
        return Double(bothYes + comparatorOnly) / Double(bothYes + referenceOnly)
    }

    /// The standard error of θ for paired data, √(b + c − (b − c)²/n)/n
    /// (the Monte Carlo standard error when the pairs are simulated
    /// persons); nil when n = 0.
    public var standardError: Double? {
        guard count > 0 else { return nil }
        let n = Double(count), b = Double(comparatorOnly), c = Double(referenceOnly)
        return max(0, b + c - (b - c) * (b - c) / n).squareRoot() / n
    }

    /// Newcombe's method 10 interval of θ at `level` (see the type's notes);
    /// nil when n = 0 or `level` is not strictly between 0 and 1.
    public func interval(level: Double = 0.95) -> ConfidenceInterval? {
        let n = count
        guard n > 0, let theta = riskDifference, let p1 = comparatorProportion, let p2 = referenceProportion,
              let first = ConfidenceInterval.wilson(successes: bothYes + comparatorOnly, trials: n, level: level),
              let second = ConfidenceInterval.wilson(successes: bothYes + referenceOnly, trials: n, level: level)
        else { return nil }
        let phi = correlation
        let dl1 = p1 - first.low, du1 = first.high - p1
        let dl2 = p2 - second.low, du2 = second.high - p2
        let lower = theta - max(0, dl1 * dl1 - 2 * phi * dl1 * du2 + du2 * du2).squareRoot()
        let upper = theta + max(0, du1 * du1 - 2 * phi * du1 * dl2 + dl2 * dl2).squareRoot()
        return ConfidenceInterval(low: max(-1, lower), high: min(1, upper))
    }

    /// φ with Newcombe's shrinkage of a non-negative numerator by n/2.
    var correlation: Double {
        let a = Double(bothYes), b = Double(comparatorOnly), c = Double(referenceOnly), d = Double(neither)
        let product = (a + b) * (c + d) * (a + c) * (b + d)
        guard product > 0 else { return 0 }
        var numerator = a * d - b * c
        let half = Double(count) / 2
        if numerator > half { numerator -= half } else if numerator >= 0 { numerator = 0 }
        return numerator / product.squareRoot()
    }

    private func share(_ part: Int64) -> Double? {
        count > 0 ? Double(part) / Double(count) : nil
    }
}
