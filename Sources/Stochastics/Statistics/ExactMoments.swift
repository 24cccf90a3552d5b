/// Count, sum and sum of squares of real values held exactly in fixed point,
/// so that partial accumulators merge in any order or grouping to a
/// bit-identical mean, variance and standard deviation.
///
/// Resolution: each value v is stored as the integer x = round(v · 10⁶), that
/// is in millionths of its unit (``ticksPerUnit``), rounding half away from
/// zero. The quantisation error is at most 0.5·10⁻⁶ of the unit per value
/// (plus one rounding of the product v · 10⁶ in `Double`, which matters only
/// for |v| above 2⁵³/10⁶ ≈ 9·10⁹). So the statistics are those of the
/// quantised values, which differ from the raw values' by at most 0.5·10⁻⁶ in
/// the mean and by O(10⁻⁶ · sd) in the standard deviation.
///
/// Exactness: n, Σx and Σx² are integers (Int64, Int128, Int128). Integer
/// addition is associative and commutative, so ``merge(_:)`` in any order
/// gives the same three integers, and every statistic below is a
/// deterministic function of them: bit-identical results whatever the number
/// of threads or shards. Floating-point sums would not be.
///
/// Limits (all trap, never wrap):
/// - a value must satisfy |v| · 10⁶ < 2⁶³, that is |v| < 9.2·10¹²;
/// - Σx² overflows first, once n · max x² exceeds 2¹²⁷ ≈ 1.7·10³⁸: after
///   1.7·10²² observations of |v| ≤ 100, or 1.7·10¹⁴ of |v| ≤ 10⁶;
/// - the count is Int64 (9.2·10¹⁸ observations).
///
/// ``record(_:)`` does not allocate: the accumulator is three integers, no
/// storage. `Int128` needs macOS 15 / iOS 18 on Apple platforms.
public struct ExactMoments: Equatable, Hashable, Sendable {
    /// Fixed-point ticks per unit of the recorded values: the resolution is
    /// 1/ticksPerUnit = 10⁻⁶ of the unit.
    public static let ticksPerUnit: Int64 = 1_000_000

    /// The number of values recorded.
    public var count: Int64 { n }
    /// Σx, in ticks (10⁻⁶ of the unit).
    public var sumOfTicks: Int128 { s1 }
    /// Σx², in ticks squared (10⁻¹² of the unit squared).
    public var sumOfSquaredTicks: Int128 { s2 }

    // Visible to inlined callers so that `record` inlines into the engine's
    // loop; written only through the mutating methods below.
    @usableFromInline var n: Int64 = 0
    @usableFromInline var s1: Int128 = 0
    @usableFromInline var s2: Int128 = 0

    /// An empty accumulator.
    public init() {}

    /// An accumulator holding `values`.
    public init(recording values: some Sequence<Double>) {
        for value in values { record(value) }
    }

    /// An accumulator from its three integers (for deserialising a shard's
    /// partial result).
    ///
    /// - Precondition: count ≥ 0, Σx² ≥ 0, and Σx² · n ≥ (Σx)² (true of any
    ///   real data, by Cauchy–Schwarz).
    public init(count: Int64, sumOfTicks: Int128, sumOfSquaredTicks: Int128) {
        precondition(count >= 0 && sumOfSquaredTicks >= 0, "inconsistent moments")
        n = count
        s1 = sumOfTicks
        s2 = sumOfSquaredTicks
        precondition(Self.numerator(count, sumOfTicks, sumOfSquaredTicks) >= 0, "inconsistent moments")
    }

    /// The fixed-point integer round(v · 10⁶) that `value` is recorded as.
    ///
    /// - Precondition: `value` is finite and |value| < 9.2·10¹².
    @inlinable @inline(__always)
    public static func ticks(_ value: Double) -> Int64 {
        let scaled = value * Double(ticksPerUnit)
        // 2⁶³ is exactly representable; NaN fails the comparison too. (Values
        // within 0.5 of ±2⁶³ are integers, so checking before rounding is
        // the same as after.)
        precondition(scaled > -0x1p63 && scaled < 0x1p63, "\(value) cannot be held in fixed point")
        // Half away from zero, as `rounded(.toNearestOrAwayFromZero)`, but
        // without its libm `round` call (this runs ~16 times a person-week):
        // truncation is exact, and so is the fraction scaled − truncated.
        let truncated = Int64(scaled)
        let fraction = scaled - Double(truncated)
        return fraction >= 0.5 ? truncated + 1 : fraction <= -0.5 ? truncated - 1 : truncated
    }

    /// Records one value. O(1), never allocates.
    ///
    /// - Precondition: `value` is finite and |value| < 9.2·10¹².
    @inlinable
    public mutating func record(_ value: Double) {
        let x = Self.ticks(value)
        let wide = Int128(x)
        n += 1
        s1 += wide
        s2 += wide * wide  // |x| < 2⁶³, so x² < 2¹²⁶: no overflow here
    }

    /// Records one value given as its fixed-point integer (``ticks(_:)``),
    /// e.g. the difference of two values' ticks, which is exactly the ticks
    /// of a paired difference. O(1), never allocates.
    @inlinable
    public mutating func record(ticks x: Int64) {
        let wide = Int128(x)
        n += 1
        s1 += wide
        s2 += wide * wide
    }

    /// Adds `other`'s observations. Associative and commutative, exactly.
    @inlinable
    public mutating func merge(_ other: ExactMoments) {
        n += other.n
        s1 += other.s1
        s2 += other.s2
    }

    /// `self` with `other`'s observations added; see ``merge(_:)``.
    public func merging(_ other: ExactMoments) -> ExactMoments {
        var merged = self
        merged.merge(other)
        return merged
    }

    /// Σv of the quantised values, in the unit (rounded once to `Double`).
    public var sum: Double { Double(sumOfTicks) / Double(Self.ticksPerUnit) }

    /// The mean Σx / (n · 10⁶), or `nil` when empty. A function of (n, Σx)
    /// alone, so merge order cannot change a bit of it.
    public var mean: Double? {
        guard count > 0 else { return nil }
        // Integer division first keeps the quotient exact when Σx exceeds 2⁵³.
        let (quotient, remainder) = sumOfTicks.quotientAndRemainder(dividingBy: Int128(count))
        let ticks = Double(quotient) + Double(remainder) / Double(count)
        return ticks / Double(Self.ticksPerUnit)
    }

    /// The sample variance s² = (n Σx² − (Σx)²) / (n (n − 1)) / 10¹², or
    /// `nil` when n < 2 (undefined).
    ///
    /// The numerator is formed exactly in 256-bit integer arithmetic, so the
    /// textbook formula has no cancellation error here; it is ≥ 0 and is 0
    /// exactly when all recorded values are equal.
    public var variance: Double? {
        guard count >= 2 else { return nil }
        let numerator = Self.numerator(count, sumOfTicks, sumOfSquaredTicks)
        let ticksSquared = Double(Self.ticksPerUnit) * Double(Self.ticksPerUnit)
        return numerator / (Double(count) * Double(count - 1)) / ticksSquared
    }

    /// The sample standard deviation s = √s², or `nil` when n < 2.
    public var standardDeviation: Double? {
        variance?.squareRoot()
    }

    /// n Σx² − (Σx)², exact in 256 bits, then rounded to `Double`.
    private static func numerator(_ n: Int64, _ s1: Int128, _ s2: Int128) -> Double {
        let a = Int128(n).multipliedFullWidth(by: s2)
        let b = s1.multipliedFullWidth(by: s1)
        let (low, borrow) = a.low.subtractingReportingOverflow(b.low)
        let high = a.high - b.high - (borrow ? 1 : 0)
        return Double(high) * 0x1p128 + Double(low)
    }
}
