/// The difference between two policies run on the same simulated people
/// (common random numbers), from the per-person paired differences
/// dᵢ = yᵢ(comparator) − yᵢ(reference), with its Monte Carlo uncertainty and
/// a between-group standardised effect.
///
///     d̄ = Σd / n,   s_d² = (n Σd² − (Σd)²) / (n (n − 1)),   se = s_d / √n
///     interval  = d̄ ± t₁₋α/₂,ₙ₋₁ · se
///     pooled SD = √((s_ref² + s_cmp²) / 2)
///     SMD       = d̄ / pooled SD
///
/// The interval and `se` are *Monte Carlo* uncertainty: how far d̄ could
/// move if the simulation were rerun with more people. They say nothing about
/// the spread of effects between people, and they shrink to 0 as n grows; no
/// p-value is implied or offered.
///
/// The standardised effect divides by the pooled *between-person* SD of the
/// outcome in the two arms (the square root of the mean of their variances),
/// which is the between-group SMD (Cohen's d with equal arms) that
/// meta-analyses of trials report, so that it can be set beside them. It is
/// deliberately *not* d̄ / s_d, the "paired" effect size: pairing on the same
/// simulated person makes s_d small and that ratio would look far larger
/// than any trial's effect. Its `standardisedEffectStandardError` is
/// se / pooled SD, a first-order approximation that treats the pooled SD as
/// known (its own Monte Carlo error is of smaller order for large n).
public struct PairedDifference: Equatable, Sendable {
    /// The number of pairs n (simulated persons × replications).
    public let count: Int64
    /// The mean paired difference d̄ (comparator − reference).
    public let mean: Double
    /// The sample SD of the paired differences s_d; `nil` when n < 2.
    public let differenceStandardDeviation: Double?
    /// The between-person SD of the outcome under the reference policy.
    public let referenceStandardDeviation: Double?
    /// The between-person SD of the outcome under the comparator policy.
    public let comparatorStandardDeviation: Double?
    /// The confidence level of ``interval``.
    public let level: Double

    /// From the mean and SD of the paired differences and the two arms'
    /// between-person SDs.
    ///
    /// - Precondition: `count` ≥ 1, `mean` finite, SDs non-negative or `nil`,
    ///   `level` strictly between 0 and 1.
    public init(
        count: Int64, mean: Double, differenceStandardDeviation: Double?,
        referenceStandardDeviation: Double?, comparatorStandardDeviation: Double?, level: Double = 0.95
    ) {
        precondition(count >= 1, "a paired difference needs at least one pair")
        precondition(mean.isFinite, "non-finite mean difference \(mean)")
        for sd in [differenceStandardDeviation, referenceStandardDeviation, comparatorStandardDeviation] {
            precondition(sd.map { $0 >= 0 } ?? true, "negative or NaN standard deviation")
        }
        precondition(level > 0 && level < 1, "level \(level) is not strictly between 0 and 1")
        self.count = count
        self.mean = mean
        self.differenceStandardDeviation = count >= 2 ? differenceStandardDeviation : nil
        self.referenceStandardDeviation = referenceStandardDeviation
        self.comparatorStandardDeviation = comparatorStandardDeviation
        self.level = level
    }

    /// From exact fixed-point sums of the paired differences (n, Σd, Σd²).
    ///
    /// - Precondition: at least one difference was recorded.
    public init(
        differences: ExactMoments, referenceStandardDeviation: Double?, comparatorStandardDeviation: Double?,
        level: Double = 0.95
    ) {
        precondition(differences.count >= 1, "a paired difference needs at least one pair")
        self.init(
            count: differences.count, mean: differences.mean!,
            differenceStandardDeviation: differences.standardDeviation,
            referenceStandardDeviation: referenceStandardDeviation,
            comparatorStandardDeviation: comparatorStandardDeviation, level: level)
    }

    /// From exact counts of integer paired differences (e.g. NRS points
    /// −10...10), each multiplied by `scale` to put it in the outcome's unit.
    ///
    /// - Precondition: the histogram is not empty.
    public init(
        differences: CountHistogram, scale: Double = 1, referenceStandardDeviation: Double?,
        comparatorStandardDeviation: Double?, level: Double = 0.95
    ) {
        precondition(!differences.isEmpty, "a paired difference needs at least one pair")
        self.init(
            count: differences.count, mean: differences.mean! * scale,
            differenceStandardDeviation: differences.standardDeviation.map { $0 * scale },
            referenceStandardDeviation: referenceStandardDeviation,
            comparatorStandardDeviation: comparatorStandardDeviation, level: level)
    }

    /// The Monte Carlo standard error of d̄, s_d / √n; `nil` when n < 2.
    public var standardError: Double? {
        differenceStandardDeviation.map { $0 / Double(count).squareRoot() }
    }

    /// The t-based Monte Carlo interval d̄ ± t₁₋α/₂,ₙ₋₁ · se; `nil` when
    /// n < 2. [d̄, d̄] when every difference is equal (s_d = 0).
    public var interval: ConfidenceInterval? {
        differenceStandardDeviation.flatMap {
            ConfidenceInterval.mean(mean, standardDeviation: $0, count: count, level: level)
        }
    }

    /// Whether the interval excludes 0, i.e. the simulation has enough people
    /// to tell the two policies apart on this outcome; `nil` when n < 2.
    public var isSeparated: Bool? {
        interval.map { $0.low > 0 || $0.high < 0 }
    }

    /// √((s_ref² + s_cmp²) / 2), or `nil` when either SD is unknown.
    public var pooledStandardDeviation: Double? {
        guard let reference = referenceStandardDeviation, let comparator = comparatorStandardDeviation else {
            return nil
        }
        return ((reference * reference + comparator * comparator) / 2).squareRoot()
    }

    /// The between-group standardised effect d̄ / pooled SD (see the type's
    /// notes); `nil` when the pooled SD is unknown or 0 (everyone had the
    /// same outcome in both arms: no scale to standardise by).
    public var standardisedEffect: Double? {
        guard let pooled = pooledStandardDeviation, pooled > 0 else { return nil }
        return mean / pooled
    }

    /// The Monte Carlo standard error of ``standardisedEffect``, se / pooled
    /// SD (treating the pooled SD as known); `nil` when either is undefined.
    public var standardisedEffectStandardError: Double? {
        guard let se = standardError, let pooled = pooledStandardDeviation, pooled > 0 else { return nil }
        return se / pooled
    }

    /// The number of pairs at which the interval would just exclude 0 if d̄
    /// and s_d stayed as they are: n · (z · se / |d̄|)² = (z · s_d / |d̄|)²,
    /// with z = Φ⁻¹(1 − α/2) (1.96 at 95%). Not rounded; round up to report.
    ///
    /// `nil` when d̄ = 0 (no number separates identical means) or n < 2.
    /// It is 0 when s_d = 0 and d̄ ≠ 0 (any two pairs separate them). It is
    /// itself an estimate: when the current interval straddles 0 widely, d̄ is
    /// poorly known and so is this number; treat it as an order of magnitude.
    /// It uses z, not t, so it is slightly small for very small answers.
    public var personsToSeparate: Double? {
        guard mean != 0, let sd = differenceStandardDeviation else { return nil }
        let z = (try? Normal.quantile(1 - (1 - level) / 2)) ?? .nan  // level is in (0, 1)
        let ratio = z * sd / abs(mean)
        return ratio * ratio
    }
}
