import Stochastics
import Testing

struct CountHistogramTests {
    // MARK: Small worked cases

    @Test("Empty: zero counts, undefined statistics")
    func empty() {
        let h = CountHistogram(range: 0...10)
        #expect(h.count == 0 && h.isEmpty)
        #expect(h.sum == 0 && h.sumOfSquares == 0)
        #expect(h.mean == nil && h.variance == nil && h.standardDeviation == nil)
        #expect(h.quantile(0.5) == nil)
        #expect(h.minimum == nil && h.maximum == nil)
        #expect(h.counts == [Int64](repeating: 0, count: 11))
    }

    @Test("One observation: mean and quantiles are it, variance undefined")
    func single() {
        let h = CountHistogram(range: 0...100, recording: [37])
        #expect(h.count == 1 && h.mean == 37)
        #expect(h.variance == nil && h.standardDeviation == nil)
        for p in [0, 0.25, 0.5, 0.75, 1] { #expect(h.quantile(p) == 37) }
    }

    @Test("All values equal: variance exactly 0")
    func allEqual() {
        var h = CountHistogram(range: 0...10)
        h.record(4, times: 1_000)
        #expect(h.mean == 4 && h.variance == 0 && h.standardDeviation == 0)
        for p in [0, 0.3, 1] { #expect(h.quantile(p) == 4) }
    }

    /// 0, 2, 2, 3, 10: Σv = 17, Σv² = 117, mean 3.4,
    /// s² = (5·117 − 17²) / (5·4) = 296/20 = 14.8.
    @Test("Exact sums and the sample variance of a worked example")
    func workedExample() throws {
        let values = [0, 2, 2, 3, 10]
        let h = CountHistogram(range: 0...10, recording: values)
        #expect(h.count == 5 && h.sum == 17 && h.sumOfSquares == 117)
        #expect(h.mean == 3.4)
        #expect(h.variance == 14.8)
        #expect(h.minimum == 0 && h.maximum == 10)
        let gsl = try Descriptive.variance(values.map(Double.init))
        #expect(isClose(try #require(h.variance), gsl, within: 1e-14))
    }

    @Test("Negative ranges (paired differences -10...10)")
    func negativeRange() throws {
        let values = [-10, -3, -3, 0, 4, 10, 10]
        let h = CountHistogram(range: -10...10, recording: values)
        #expect(h.sum == 8 && h.sumOfSquares == 100 + 9 + 9 + 16 + 100 + 100)
        #expect(h.count(of: -3) == 2 && h.count(of: 11) == 0)
        let expanded = values.map(Double.init)
        for p in [0, 0.25, 0.5, 0.75, 1] {
            #expect(h.quantile(p) == (try Descriptive.quantile(expanded, p)))
        }
    }

    @Test("Recording reuses the storage allocated in init")
    func recordKeepsStorage() {
        var h = CountHistogram(range: 0...100)
        let before = h.counts.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        for v in 0..<10_000 { h.record(v % 101) }
        h.record(3, times: 5)
        let after = h.counts.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        #expect(before == after)
        #expect(h.count == 10_005)
    }

    @Test("record(_:times:) is repeated record(_:)")
    func recordTimes() {
        var a = CountHistogram(range: 0...10)
        var b = CountHistogram(range: 0...10)
        a.record(6, times: 3)
        a.record(2, times: 0)
        for _ in 0..<3 { b.record(6) }
        #expect(a == b)
    }

    @Test("Threshold and predicate counts")
    func thresholdCounts() {
        let h = CountHistogram(range: 0...10, recording: [0, 1, 1, 4, 7, 10, 10, 10])
        #expect(h.count(atLeast: 7) == 4)
        #expect(h.count(atMost: 1) == 3)
        #expect(h.count(atLeast: -5) == 8 && h.count(atLeast: 11) == 0)
        #expect(h.count(atMost: -1) == 0 && h.count(atMost: 99) == 8)
        #expect(h.count { $0 % 2 == 0 } == 5)
        #expect(h.count(atLeast: 5) + h.count(atMost: 4) == h.count)
    }

    @Test("Quantile rejects p outside [0, 1] and NaN")
    func quantileDomain() {
        let h = CountHistogram(range: 0...10, recording: [1, 2, 3])
        #expect(h.quantile(-0.01) == nil && h.quantile(1.01) == nil && h.quantile(.nan) == nil)
    }

    // MARK: Agreement with GSL on the expanded data

    /// A seeded random histogram and its expanded data. Half the draws come
    /// from three "popular" values so that ties (runs of equal order
    /// statistics) are common, as they are in NRS scores.
    static func randomCase(_ k: UInt64, stream: RandomStream) -> (CountHistogram, [Double]) {
        stream.reseed(StreamKey(seed: 1, replication: 0, person: k, purpose: 0))
        let ranges = [0...10, 0...100, -10...10, 0...1]
        let range = ranges[Int(k % UInt64(ranges.count))]
        let width = Double(range.count)
        let n = k % 10 == 9 ? 2_000 : 1 + Int(stream.uniform() * 60)
        let popular = (0..<3).map { _ in range.lowerBound + Int(stream.uniform() * width) }
        var histogram = CountHistogram(range: range)
        var expanded: [Double] = []
        for _ in 0..<n {
            let value = stream.uniform() < 0.5
                ? popular[Int(stream.uniform() * 3)]
                : range.lowerBound + Int(stream.uniform() * width)
            histogram.record(value)
            expanded.append(Double(value))
        }
        return (histogram, expanded)
    }

    /// Same floating-point operations in the same order as
    /// gsl_stats_quantile_from_sorted_data, so bit-identical where GSL was
    /// compiled without fused multiply-add contraction (x86-64's baseline has
    /// no FMA). Elsewhere GCC may fuse `(1 - delta) * a + delta * b`, so allow
    /// a few ulps there.
    @Test("quantile equals GSL on the expanded sorted data (300 seeded histograms)")
    func quantileMatchesGSL() throws {
        let stream = try RandomStream()
        for k in 0..<300 as Range<UInt64> {
            let (histogram, expanded) = Self.randomCase(k, stream: stream)
            var ps: [Double] = [0, 0.25, 0.5, 0.75, 1]
            for _ in 0..<5 { ps.append(stream.uniform()) }
            for p in ps {
                let fromCounts = try #require(histogram.quantile(p))
                let fromGSL = try Descriptive.quantile(expanded, p)
                #if arch(x86_64)
                #expect(fromCounts == fromGSL, "k=\(k) p=\(p) n=\(expanded.count)")
                #else
                #expect(isClose(fromCounts, fromGSL, within: 4 * fromGSL.ulp), "k=\(k) p=\(p)")
                #endif
            }
            #expect(Double(histogram.count) == Double(expanded.count))
            #expect(histogram.minimum.map(Double.init) == expanded.min())
            #expect(histogram.maximum.map(Double.init) == expanded.max())
            let mean = try Descriptive.mean(expanded)
            #expect(isClose(try #require(histogram.mean), mean, within: 1e-13 * max(1, abs(mean))))
            if expanded.count >= 2 {
                let variance = try Descriptive.variance(expanded)
                #expect(isClose(try #require(histogram.variance), variance, within: 1e-12 * max(1, variance)))
            } else {
                #expect(histogram.variance == nil)
            }
        }
    }

    // MARK: Merging

    @Test("Merging is associative and order-independent, bit for bit")
    func mergeOrderIndependence() throws {
        let stream = try RandomStream()
        stream.reseed(StreamKey(seed: 1, replication: 0, person: 0, purpose: 1))
        let values = (0..<5_000).map { _ in -10 + Int(stream.uniform() * 21) }
        let whole = CountHistogram(range: -10...10, recording: values)

        // Uneven chunks, as worker threads might produce them.
        var parts: [CountHistogram] = []
        var start = 0
        for size in [1, 999, 0, 1_500, 37, 2_463] {
            parts.append(CountHistogram(range: -10...10, recording: values[start..<start + size]))
            start += size
        }
        #expect(start == values.count)

        func fold(_ order: [Int]) -> CountHistogram {
            order.reduce(into: CountHistogram(range: -10...10)) { $0.merge(parts[$1]) }
        }
        var shuffled = Array(parts.indices)
        for i in shuffled.indices.reversed() {  // seeded Fisher–Yates
            shuffled.swapAt(i, Int(stream.uniform() * Double(i + 1)))
        }
        let tree = parts[0].merging(parts[1]).merging(parts[2])
            .merging(parts[3].merging(parts[4].merging(parts[5])))

        for merged in [fold(Array(parts.indices)), fold(parts.indices.reversed()), fold(shuffled), tree] {
            #expect(merged == whole)
            // Statistics are pure functions of the counts: identical bits.
            #expect(merged.mean?.bitPattern == whole.mean?.bitPattern)
            #expect(merged.variance?.bitPattern == whole.variance?.bitPattern)
            #expect(merged.quantile(0.3)?.bitPattern == whole.quantile(0.3)?.bitPattern)
        }

        let (a, b, c) = (parts[1], parts[3], parts[5])
        #expect(a.merging(b).merging(c) == a.merging(b.merging(c)))
        #expect(a.merging(b) == b.merging(a))
        #expect(a.merging(CountHistogram(range: -10...10)) == a)
    }

    @Test("Recording order does not matter")
    func recordingOrder() {
        let values = [3, 9, 0, 3, 10, 5, 5, 1]
        let forward = CountHistogram(range: 0...10, recording: values)
        let backward = CountHistogram(range: 0...10, recording: values.reversed())
        #expect(forward == backward)
        #expect(forward.variance?.bitPattern == backward.variance?.bitPattern)
    }

    // MARK: Large counts

    /// 10¹² observations each of 99 and 100: n·Σv² ≈ 4·10²⁸ overflows 64 bits.
    /// Sample variance = (1/4) · n/(n − 1) with n = 2·10¹².
    @Test("Variance stays exact past 64-bit intermediates")
    func hugeCounts() throws {
        var h = CountHistogram(range: 0...100)
        h.record(99, times: 1_000_000_000_000)
        h.record(100, times: 1_000_000_000_000)
        let n = 2e12
        #expect(h.count == 2_000_000_000_000)
        #expect(h.mean == 99.5)
        let expected = 0.25 * n / (n - 1)
        #expect(isClose(try #require(h.variance), expected, within: 4 * expected.ulp))
        #expect(h.quantile(0.5) == 99.5)
    }

    // MARK: Preconditions

    @Test("Out-of-range values trap instead of being clamped")
    func outOfRangeTraps() async {
        await #expect(processExitsWith: .failure) {
            var h = CountHistogram(range: 0...10)
            h.record(11)
        }
        await #expect(processExitsWith: .failure) {
            var h = CountHistogram(range: 0...10)
            h.merge(CountHistogram(range: 0...100))
        }
    }
}
