import Foundation
import Stochastics
import Testing

struct ExactMomentsTests {
    @Test("Empty: nothing defined")
    func empty() {
        let m = ExactMoments()
        #expect(m.count == 0 && m.sumOfTicks == 0 && m.sumOfSquaredTicks == 0)
        #expect(m.mean == nil && m.variance == nil && m.standardDeviation == nil)
    }

    @Test("One value: the mean is it, the variance undefined")
    func single() {
        let m = ExactMoments(recording: [3.25])
        #expect(m.count == 1 && m.mean == 3.25 && m.sum == 3.25)
        #expect(m.variance == nil && m.standardDeviation == nil)
    }

    @Test("All values equal: variance exactly 0")
    func allEqual() {
        let m = ExactMoments(recording: Array(repeating: -7.123456, count: 1_000))
        #expect(m.mean == -7.123456)
        #expect(m.variance == 0 && m.standardDeviation == 0)
    }

    /// 0.5, 1.25, −2, 4.125: exact in fixed point. Σ = 3.875, mean 0.96875,
    /// Σv² = 0.25 + 1.5625 + 4 + 17.015625 = 22.828125,
    /// s² = (4 · 22.828125 − 3.875²) / (4 · 3) = 76.296875 / 12 = 6.358072916…
    @Test("Worked example: exact sums and the sample variance")
    func workedExample() throws {
        let values = [0.5, 1.25, -2, 4.125]
        let m = ExactMoments(recording: values)
        #expect(m.count == 4)
        #expect(m.sumOfTicks == 3_875_000)
        #expect(m.sumOfSquaredTicks == 22_828_125_000_000)
        #expect(m.mean == 0.96875)
        #expect(isClose(try #require(m.variance), 76.296875 / 12, within: 1e-15))
        #expect(isClose(try #require(m.variance), try Descriptive.variance(values), within: 1e-14))
    }

    @Test("Values are rounded half away from zero to 10⁻⁶")
    func resolution() {
        #expect(ExactMoments.ticksPerUnit == 1_000_000)
        #expect(ExactMoments.ticks(1.5e-6) == 2 && ExactMoments.ticks(-1.5e-6) == -2)
        #expect(ExactMoments.ticks(0.4e-6) == 0 && ExactMoments.ticks(-0.4e-6) == 0)
        #expect(ExactMoments.ticks(1234.5678901) == 1_234_567_890)
        #expect(ExactMoments.ticks(9e12) == 9_000_000_000_000_000_000)
    }

    /// No reference-counted storage, so recording can never allocate.
    @Test("The accumulator is plain data")
    func plainData() {
        #expect(_isPOD(ExactMoments.self))
    }

    // MARK: Order independence and agreement with GSL

    /// Seeded draws spread over 12 orders of magnitude and both signs, cut
    /// into partial accumulators and merged in shuffled orders and groupings.
    @Test("Merging in any order gives bit-identical statistics", arguments: 0..<20 as Range<UInt64>)
    func orderIndependence(seed: UInt64) throws {
        let stream = try RandomStream()
        stream.reseed(StreamKey(seed: 41, replication: 0, person: seed, purpose: 0))
        let n = 1 + Int(stream.uniform() * 3_000)
        let scale = [1e-3, 1, 100, 1e6][Int(seed % 4)]
        let values = (0..<n).map { _ in stream.gaussian(sd: scale) + scale * stream.uniform() }
        var shuffler = SplitMix64(state: seed)

        let whole = ExactMoments(recording: values)
        let reversed = ExactMoments(recording: values.reversed())
        // Random contiguous chunks, merged in a random order, pairwise as a tree.
        var parts: [ExactMoments] = []
        var start = 0
        while start < n {
            let length = 1 + Int(shuffler.next() % 97)
            parts.append(ExactMoments(recording: values[start..<min(n, start + length)]))
            start += length
        }
        for i in parts.indices.reversed() where i > 0 {
            parts.swapAt(i, Int(shuffler.next() % UInt64(i + 1)))
        }
        while parts.count > 1 {
            var next: [ExactMoments] = []
            for pair in stride(from: 0, to: parts.count, by: 2) {
                next.append(pair + 1 < parts.count ? parts[pair + 1].merging(parts[pair]) : parts[pair])
            }
            parts = next
        }
        let tree = parts[0]
        for other in [reversed, tree] {
            #expect(other == whole)
            #expect(other.mean?.bitPattern == whole.mean?.bitPattern)
            #expect(other.variance?.bitPattern == whole.variance?.bitPattern)
            #expect(other.standardDeviation?.bitPattern == whole.standardDeviation?.bitPattern)
        }

        // Against GSL on the raw values: the mean within the resolution
        // (0.5·10⁻⁶) plus GSL's own rounding; the SD within the resolution
        // (each value moves by ≤ 0.5·10⁻⁶, so s moves by ≤ 0.5·10⁻⁶·√(n/(n−1))).
        let mean = try #require(whole.mean)
        let gslMean = try Descriptive.mean(values)
        #expect(isClose(mean, gslMean, within: 0.5e-6 + 1e-13 * scale))
        if n >= 2 {
            let sd = try #require(whole.standardDeviation)
            let gslSD = try Descriptive.standardDeviation(values)
            #expect(isClose(sd, gslSD, within: 0.75e-6 + 1e-12 * scale))
            // On the quantised values themselves the agreement is to rounding.
            let quantised = values.map { Double(ExactMoments.ticks($0)) / 1e6 }
            #expect(isClose(sd, try Descriptive.standardDeviation(quantised), within: 1e-12 * max(1, gslSD)))
        }
    }

    /// Large magnitudes: Σx exceeds 2⁵³ ticks and n·Σx² exceeds 2¹²⁷,
    /// so both need the wide arithmetic.
    @Test("Large values: exact where Double sums would round")
    func largeValues() throws {
        // 10⁶ copies of 10⁹ + 0.000001 and of 10⁹ − 0.000001: mean exactly
        // 10⁹, s² = 10¹² ticks² … i.e. (10⁻⁶)² · n/(n − 1) with n = 2·10⁶.
        var m = ExactMoments()
        for _ in 0..<1_000_000 {
            m.record(1e9 + 1e-6)
            m.record(1e9 - 1e-6)
        }
        #expect(m.sumOfTicks == (2_000_000_000_000_000_000_000 as Int128))
        #expect(m.mean == 1e9)
        let n = 2_000_000.0
        #expect(isClose(try #require(m.variance), 1e-12 * n / (n - 1), within: 1e-24))
    }

    @Test("Moments round-trip through their integers")
    func roundTrip() {
        let m = ExactMoments(recording: [1, 2, 3.5, -8])
        let rebuilt = ExactMoments(count: m.count, sumOfTicks: m.sumOfTicks, sumOfSquaredTicks: m.sumOfSquaredTicks)
        #expect(rebuilt == m)
    }
}

struct FixedPointRoundingTests {
    /// `ticks` rounds without libm's `round`; it must agree with it exactly,
    /// halves included, on both signs and across magnitudes.
    @Test("ticks(v) = Int64((v · 10⁶).rounded(.toNearestOrAwayFromZero)) for 10⁶ seeded values and every half")
    func agreesWithRounded() {
        func reference(_ v: Double) -> Int64 { Int64((v * 1e6).rounded(.toNearestOrAwayFromZero)) }
        var random = SplitMix64(state: 15)
        for _ in 0..<1_000_000 {
            let bits = random.next()
            // A magnitude from 10⁻⁹ to 10⁹ and either sign.
            let magnitude = Double(bits >> 11) / 0x1p53 * 18 - 9
            let value = (bits & 1 == 0 ? 1.0 : -1.0) * Double.pow10(magnitude)
            #expect(ExactMoments.ticks(value) == reference(value), "\(value)")
        }
        for halves in [0.5, 1.5, 2.5, 1_234_567.5, 0x1p52 + 1, 0x1p53, 4.9999999999999996e-7, 5e-7, 1.5e-6] {
            let value = halves / 1e6
            #expect(ExactMoments.ticks(value) == reference(value), "\(value)")
            #expect(ExactMoments.ticks(-value) == reference(-value), "\(-value)")
        }
        #expect(ExactMoments.ticks(0.5e-6) == 1 && ExactMoments.ticks(-0.5e-6) == -1)
        #expect(ExactMoments.ticks(0) == 0 && ExactMoments.ticks(-0.0) == 0)
    }
}

private extension Double {
    static func pow10(_ exponent: Double) -> Double { Foundation.pow(10, exponent) }
}
