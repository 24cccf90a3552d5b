import Stochastics

/// Exact sums of one integer outcome's paired differences d = x₁ − x₂
/// (first policy minus second, in the metric's recorded integers) over
/// persons: n, Σd, Σd², and the number with both values positive (for a
/// yes/no outcome, "yes under both"). Integer addition makes merging
/// order-independent, so results are identical for any thread count.
public struct PairedTally: Equatable, Hashable, Sendable {
    /// Persons recorded, n.
    public internal(set) var count: Int64 = 0
    /// Σd, in recorded integers.
    public internal(set) var sum: Int64 = 0
    /// Σd², in recorded integers.
    public internal(set) var sumOfSquares: Int64 = 0
    /// Persons with both values positive ("yes under both" for a yes/no outcome).
    public internal(set) var bothPositive: Int64 = 0

    init() {}

    /// Records one person's pair of values.
    ///
    /// Wrapping arithmetic, so that the loop over weeks has no overflow
    /// branches: values are recorded integers (|d| ≤ 1,500, d² ≤ 2.25·10⁶), so
    /// Σd² reaches 2⁶³ only after 4·10¹² persons.
    @inline(__always)
    mutating func record(_ first: Int64, _ second: Int64) {
        let d = first &- second
        count &+= 1
        sum &+= d
        sumOfSquares &+= d &* d
        bothPositive &+= first > 0 && second > 0 ? 1 : 0
    }

    mutating func merge(_ other: PairedTally) {
        count += other.count
        sum += other.sum
        sumOfSquares += other.sumOfSquares
        bothPositive += other.bothPositive
    }

    /// The same persons with the two policies swapped.
    var reversed: PairedTally {
        var tally = self
        tally.sum = -sum
        return tally
    }

    /// The 2 × 2 table of a yes/no outcome (values 0 or 1): b − c = Σd and
    /// b + c = Σd².
    public var table: PairedProportion {
        let firstOnly = (sumOfSquares + sum) / 2, secondOnly = (sumOfSquares - sum) / 2
        return PairedProportion(
            bothYes: bothPositive, comparatorOnly: firstOnly, referenceOnly: secondOnly,
            neither: count - bothPositive - firstOnly - secondOnly)
    }

    /// Mean of d times `scale`; nil when n = 0.
    func mean(scale: Double) -> Double? { count > 0 ? Double(sum) / Double(count) * scale : nil }

    /// Sample SD of d times `scale`, from the exact (n Σd² − (Σd)²)/(n(n − 1)); nil when n < 2.
    func standardDeviation(scale: Double) -> Double? {
        guard count >= 2 else { return nil }
        let n = Int128(count), s = Int128(sum)
        let numerator = n * Int128(sumOfSquares) - s * s
        return (Double(numerator) / Double(n * (n - 1))).squareRoot() * scale
    }
}

/// The paired differences of one outcome between two policies at one week,
/// in the outcome's unit.
public struct PairedSample: Equatable, Sendable {
    /// The metric compared.
    public let metric: Metric
    /// Persons with the outcome defined under both policies.
    public let count: Int64
    /// Mean of first − second; nil when no person counts.
    public let mean: Double?
    /// Sample SD of first − second; nil when fewer than two persons count.
    public let standardDeviation: Double?
    /// For a yes/no outcome, the paired 2 × 2 table (first = comparator).
    public let table: PairedProportion?
}
