/// Exact counts of integer observations over a fixed closed range
/// `lowest...highest` (an NRS score 0...10, a disability score 0...100, a
/// paired difference -10...10).
///
/// Every statistic below is a pure function of the count vector, and the
/// count vector of a merge is the element-wise sum. Integer addition is
/// associative and commutative, so merging partial histograms in any order or
/// grouping gives an identical histogram and bit-identical statistics. This is
/// what keeps results independent of the thread count.
///
/// Recording stores nothing but a count per value: memory is O(highest −
/// lowest), whatever the number of observations. The counts are allocated
/// once, in `init`; ``record(_:)`` does not allocate as long as the histogram's
/// storage is not shared. Copies share storage until one is written, and that
/// first write allocates. So `Array(repeating: CountHistogram(range: r),
/// count: k)`, whose k elements share one buffer, allocates on the first
/// record into each element; build the elements with `(0..<k).map { _ in
/// CountHistogram(range: r) }` when that must not happen in the hot loop.
///
/// Overflow: counts and sums are `Int64` and trap rather than wrap.
/// ``sumOfSquares`` is the first to overflow, after more than (2⁶³ − 1)/max v²
/// observations: 9·10¹⁴ for |v| ≤ 100, 5·10¹³ for 0...420.
public struct CountHistogram: Equatable, Sendable {
    /// The smallest value that can be recorded.
    public let lowest: Int
    /// The largest value that can be recorded.
    public let highest: Int
    /// `counts[i]` is the number of observations equal to `lowest + i`.
    public var counts: [Int64] { storage }

    // Visible to inlined callers so that `record` can be inlined into the
    // engine's loop; written only through the mutating methods below.
    @usableFromInline var storage: [Int64]

    /// An empty histogram over `range`.
    ///
    /// - Precondition: the range has at most 2²⁰ values (a guard against
    ///   allocating by mistake what was meant to be a small table).
    public init(range: ClosedRange<Int>) {
        let (span, overflow) = range.upperBound.subtractingReportingOverflow(range.lowerBound)
        precondition(!overflow && span < 1 << 20, "CountHistogram range \(range) is too wide")
        lowest = range.lowerBound
        highest = range.upperBound
        storage = Array(repeating: 0, count: span + 1)
    }

    /// A histogram over `range` holding `values`.
    ///
    /// - Precondition: every value lies in `range`.
    public init(range: ClosedRange<Int>, recording values: some Sequence<Int>) {
        self.init(range: range)
        for value in values { record(value) }
    }

    /// The values that can be recorded, `lowest...highest`.
    public var range: ClosedRange<Int> { lowest...highest }

    // MARK: Recording

    /// Records one observation of `value`. O(1), no allocation (see the type's
    /// note on copies).
    ///
    /// - Precondition: `lowest <= value <= highest`. An out-of-range value is
    ///   a bug in the caller (scores are clamped by the model, not here), so it
    ///   traps instead of being clamped silently into the extreme bins.
    @inlinable
    public mutating func record(_ value: Int) {
        precondition(value >= lowest && value <= highest, "\(value) is outside \(lowest)...\(highest)")
        storage[value &- lowest] += 1
    }

    /// Records `times` observations of `value`.
    ///
    /// - Precondition: `lowest <= value <= highest` and `times >= 0`.
    public mutating func record(_ value: Int, times: Int64) {
        precondition(value >= lowest && value <= highest, "\(value) is outside \(lowest)...\(highest)")
        precondition(times >= 0, "negative count \(times)")
        storage[value &- lowest] += times
    }

    /// Adds `other`'s counts to these. Associative and commutative, exactly.
    ///
    /// - Precondition: both histograms have the same range.
    public mutating func merge(_ other: CountHistogram) {
        precondition(lowest == other.lowest && highest == other.highest,
                     "cannot merge \(other.range) into \(range)")
        for i in storage.indices { storage[i] += other.storage[i] }
    }

    /// `self` with `other`'s counts added; see ``merge(_:)``.
    public func merging(_ other: CountHistogram) -> CountHistogram {
        var merged = self
        merged.merge(other)
        return merged
    }

    // MARK: Counts

    /// The number of observations n.
    public var count: Int64 { counts.reduce(0, +) }

    /// Whether no observation has been recorded.
    public var isEmpty: Bool { counts.allSatisfy { $0 == 0 } }

    /// The number of observations equal to `value` (0 outside the range).
    public func count(of value: Int) -> Int64 {
        range.contains(value) ? counts[value - lowest] : 0
    }

    /// The number of observations v with v ≥ `threshold` (any threshold; the
    /// range need not contain it).
    public func count(atLeast threshold: Int) -> Int64 {
        count { $0 >= threshold }
    }

    /// The number of observations v with v ≤ `threshold` (any threshold).
    public func count(atMost threshold: Int) -> Int64 {
        count { $0 <= threshold }
    }

    /// The number of observations whose value satisfies `predicate`, which is
    /// called once per value in the range (not once per observation).
    public func count<E: Error>(where predicate: (Int) throws(E) -> Bool) throws(E) -> Int64 {
        var total: Int64 = 0
        for (i, n) in counts.enumerated() where n > 0 {
            if try predicate(lowest + i) { total += n }
        }
        return total
    }

    /// The smallest recorded value, or `nil` when empty.
    public var minimum: Int? {
        counts.firstIndex { $0 > 0 }.map { lowest + $0 }
    }

    /// The largest recorded value, or `nil` when empty.
    public var maximum: Int? {
        counts.lastIndex { $0 > 0 }.map { lowest + $0 }
    }

    // MARK: Moments

    /// Σ v over all observations, exact.
    public var sum: Int64 {
        var total: Int64 = 0
        for (i, n) in counts.enumerated() where n > 0 { total += n * Int64(lowest + i) }
        return total
    }

    /// Σ v² over all observations, exact.
    public var sumOfSquares: Int64 {
        var total: Int64 = 0
        for (i, n) in counts.enumerated() where n > 0 {
            let v = Int64(lowest + i)
            total += n * (v * v)
        }
        return total
    }

    /// The mean x̄ = Σv / n, or `nil` when empty (undefined).
    ///
    /// Σv and n are exact integers; the only roundings are their conversions
    /// to `Double` (exact below 2⁵³) and the division.
    public var mean: Double? {
        let n = count
        guard n > 0 else { return nil }
        return Double(sum) / Double(n)
    }

    /// The sample variance s² = (n Σv² − (Σv)²) / (n (n − 1)), or `nil` when
    /// n < 2 (undefined).
    ///
    /// The numerator is formed exactly in 128-bit integer arithmetic, so there
    /// is no cancellation error (the usual objection to this textbook form) and
    /// the result depends only on the counts, not on the order of recording.
    /// It agrees with ``Descriptive/variance(_:)`` on the expanded data to
    /// within rounding, but is not bit-identical to it.
    public var variance: Double? {
        let n = count
        guard n >= 2 else { return nil }
        let s1 = sum
        let s2 = sumOfSquares
        // n·Σv² ≥ (Σv)² ≥ 0 (Cauchy–Schwarz), so both products and their
        // difference are non-negative 128-bit values (high word, low word).
        let a = n.multipliedFullWidth(by: s2)
        let b = s1.multipliedFullWidth(by: s1)
        let (low, borrow) = a.low.subtractingReportingOverflow(b.low)
        let high = a.high - b.high - (borrow ? 1 : 0)
        let numerator = Double(high) * 0x1p64 + Double(low)
        return numerator / (Double(n) * Double(n - 1))
    }

    /// The sample standard deviation s = √s², or `nil` when n < 2.
    public var standardDeviation: Double? {
        variance?.squareRoot()
    }

    // MARK: Quantiles

    /// The p-quantile of the recorded observations by linear interpolation
    /// between order statistics (Hyndman & Fan type 7, R's default), or `nil`
    /// when empty or when p is outside [0, 1] or NaN.
    ///
    /// Bit-identical to `gsl_stats_quantile_from_sorted_data` (and so to
    /// ``Descriptive/quantile(_:_:)``) applied to the expanded, sorted data:
    /// it performs the same floating-point operations in the same order, but
    /// finds the two order statistics it needs from cumulative counts, in
    /// O(highest − lowest) time without expanding anything.
    public func quantile(_ p: Double) -> Double? {
        guard p >= 0, p <= 1 else { return nil }  // NaN fails too
        let n = count
        guard n > 0 else { return nil }
        // GSL: index = f * (n - 1); lhs = (int)index; delta = index - lhs.
        let index = p * Double(n - 1)
        let lhs = Int64(index)  // truncation toward zero, as C's cast (index ≥ 0)
        let delta = index - Double(lhs)
        let lower = Double(value(atRank: lhs))
        if lhs == n - 1 { return lower }
        let upper = Double(value(atRank: lhs + 1))
        return (1 - delta) * lower + delta * upper
    }

    /// The value of the order statistic x₍rank₎ (0-based) of the expanded data.
    private func value(atRank rank: Int64) -> Int {
        var seen: Int64 = 0
        for (i, n) in counts.enumerated() {
            seen += n
            if seen > rank { return lowest + i }
        }
        preconditionFailure("rank \(rank) is not below the count \(seen)")
    }
}
