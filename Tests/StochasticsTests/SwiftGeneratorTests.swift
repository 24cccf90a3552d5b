import Stochastics
import Testing

/// The Swift generator and Gaussian variates against GSL's on the same
/// state (bit for bit), and their distributions against GSL's CDFs.
@Suite struct SwiftGeneratorTests {
    static let keys = [
        StreamKey(seed: 1, replication: 0, person: 0, purpose: 1),
        StreamKey(seed: 42, replication: 3, person: 12_345, purpose: 2),
        StreamKey(seed: 0xDEAD_BEEF, replication: 7, person: 999_999, purpose: 9),
    ]

    /// Two streams on the same key, one drawing through GSL's interface.
    static func pair(_ key: StreamKey) throws -> (swift: RandomStream, gsl: RandomStream) {
        let swift = try RandomStream(), gsl = try RandomStream(throughGSL: true)
        swift.reseed(key); gsl.reseed(key)
        return (swift, gsl)
    }

    @Test("taus2 in Swift: the same raw outputs as gsl_rng_get on the same state", arguments: keys)
    func rawOutputsMatchGSL(_ key: StreamKey) throws {
        let (swift, gsl) = try Self.pair(key)
        #expect(swift.taus2 == gsl.taus2)
        var mismatches = 0
        for _ in 0..<200_000 where swift.next() != gsl.next() { mismatches += 1 }
        #expect(mismatches == 0)
        #expect(swift.taus2 == gsl.taus2)
    }

    /// The block draws (`uniforms(_:_:)`, `gaussians(_:_:)`), in Swift and
    /// through GSL, equal GSL's single draws value for value, in order, and
    /// leave the same state; blocks of 7 as the engine's week takes, mixed
    /// with single draws, over enough blocks to cross the ziggurat's tail.
    @Test("Block draws equal GSL's single draws bit for bit", arguments: keys)
    func blockDrawsMatchGSL(_ key: StreamKey) throws {
        let (swift, gsl) = try Self.pair(key)
        let blockGSL = try RandomStream(throughGSL: true)
        blockGSL.reseed(key)
        var mismatches = 0, values = 0
        for block in 0..<40_000 {
            let gaussian = block % 2 == 0
            var expected = [Double]()
            for _ in 0..<7 { expected.append(gaussian ? gsl.gaussian() : gsl.uniform()) }
            for stream in [swift, blockGSL] {
                var drawn = [Double](repeating: .nan, count: 7)
                if gaussian { stream.gaussians(7) { drawn[$0] = $1 } } else { stream.uniforms(7) { drawn[$0] = $1 } }
                mismatches += zip(drawn, expected).filter { $0.bitPattern != $1.bitPattern }.count
                values += 7
            }
            let single = gsl.uniform()
            if swift.uniform().bitPattern != single.bitPattern { mismatches += 1 }
            if blockGSL.uniform().bitPattern != single.bitPattern { mismatches += 1 }
        }
        #expect(values == 560_000)
        #expect(mismatches == 0)
        #expect(swift.taus2 == gsl.taus2)
        #expect(blockGSL.taus2 == gsl.taus2)
    }

    /// A sub-stream's values are a function of (key, index) alone: entering
    /// it after any other draws, or after other sub-streams, gives the same
    /// values; and through GSL, the same values as in Swift.
    @Test("A sub-stream is a pure function of key and index, in Swift and through GSL", arguments: keys)
    func subStreamsArePure(_ key: StreamKey) throws {
        let (swift, gsl) = try Self.pair(key)
        let fresh = try RandomStream()
        for stream in [swift, gsl, fresh] { stream.startSubStreams(key) }
        var mismatches = 0
        for index in (0..<2_000).reversed() {
            // Unrelated draws and sub-streams first, differently on each stream.
            for _ in 0..<(index % 5) { _ = swift.gaussian() }
            gsl.enterSubStream(index + 1)
            _ = gsl.uniform()
            fresh.startSubStreams(key)
            for stream in [swift, gsl, fresh] { stream.enterSubStream(index) }
            let values = [swift, gsl, fresh].map { stream in
                [stream.gaussian(), stream.uniform(), stream.gaussian(), stream.uniform()]
            }
            if values[0].map(\.bitPattern) != values[1].map(\.bitPattern)
                || values[0].map(\.bitPattern) != values[2].map(\.bitPattern) { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }

    /// Sub-streams of one key and of neighbouring keys start independently:
    /// the first uniform of 200,000 consecutive sub-streams (indices 0…, as
    /// weeks are) is uniform (Kolmogorov-Smirnov, α = 0.001), uncorrelated
    /// with the next sub-stream's first uniform and with the first uniform
    /// of the same sub-stream of the next person's key (|r| < 4/√n,
    /// about α = 10⁻⁴ each), and their first Gaussians are normal.
    @Test("Sub-streams start independently: KS, lag-1 and cross-key correlation", arguments: keys)
    func subStreamsStartIndependently(_ key: StreamKey) throws {
        let stream = try RandomStream(), neighbour = try RandomStream()
        stream.startSubStreams(key)
        var next = key
        next.person &+= 1
        neighbour.startSubStreams(next)
        let n = 200_000
        var firsts = [Double](), neighbours = [Double](), gaussians = [Double]()
        for index in 0..<n {
            stream.enterSubStream(index)
            firsts.append(stream.uniform())
            stream.enterSubStream(index)
            gaussians.append(stream.gaussian())
            neighbour.enterSubStream(index)
            neighbours.append(neighbour.uniform())
        }
        let bound = 1.949 / Double(n).squareRoot()
        #expect(Self.ksStatistic(firsts) { min(max($0, 0), 1) } < bound)
        #expect(Self.ksStatistic(gaussians, cdf: Normal.cdf) < bound)
        func correlation(_ x: ArraySlice<Double>, _ y: ArraySlice<Double>) -> Double {
            let mx = x.reduce(0, +) / Double(x.count), my = y.reduce(0, +) / Double(y.count)
            var sxy = 0.0, sxx = 0.0, syy = 0.0
            for (a, b) in zip(x, y) { sxy += (a - mx) * (b - my); sxx += (a - mx) * (a - mx); syy += (b - my) * (b - my) }
            return sxy / (sxx * syy).squareRoot()
        }
        let r = 4 / Double(n).squareRoot()
        #expect(abs(correlation(firsts.dropLast(), firsts.dropFirst())) < r)
        #expect(abs(correlation(firsts[...], neighbours[...])) < r)
    }

    @Test("Uniforms equal gsl_rng_uniform and gsl_rng_uniform_pos bit for bit", arguments: keys)
    func uniformsMatchGSL(_ key: StreamKey) throws {
        let (swift, gsl) = try Self.pair(key)
        var mismatches = 0
        for index in 0..<200_000 {
            let (a, b) = index % 2 == 0 ? (swift.uniform(), gsl.uniform())
                : (swift.uniformPositive(), gsl.uniformPositive())
            if a.bitPattern != b.bitPattern { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(swift.taus2 == gsl.taus2)
    }

    /// 10⁶ draws reach every strip, including the base strip's tail
    /// (|x| > R = 3.444, about 570 expected), and the rejection steps; the
    /// values and the raw outputs consumed must both agree.
    @Test("Ziggurat equals gsl_ran_gaussian_ziggurat bit for bit, tail included", arguments: keys)
    func gaussiansMatchGSL(_ key: StreamKey) throws {
        let (swift, gsl) = try Self.pair(key)
        var mismatches = 0, tail = 0
        for index in 0..<1_000_000 {
            let sd = index % 3 == 0 ? 1.0 : 0.37
            let a = swift.gaussian(sd: sd), b = gsl.gaussian(sd: sd)
            if a.bitPattern != b.bitPattern { mismatches += 1 }
            if abs(a / sd) > 3.44428647676 { tail += 1 }
        }
        #expect(mismatches == 0)
        #expect(tail > 300)
        #expect(swift.taus2 == gsl.taus2)
    }

    @Test("GSL variates drawn between Swift ones keep the streams aligned")
    func mixedCallsStayAligned() throws {
        let (swift, gsl) = try Self.pair(Self.keys[1])
        for _ in 0..<1_000 {
            #expect(swift.beta(2.5, 2.5) == gsl.beta(2.5, 2.5))
            #expect(swift.gaussian() == gsl.gaussian())
            #expect(swift.lognormal(mu: 0.1, sigma: 0.5) == gsl.lognormal(mu: 0.1, sigma: 0.5))
            #expect(swift.uniform() == gsl.uniform())
        }
        #expect(swift.taus2 == gsl.taus2)
    }

    /// Kolmogorov-Smirnov statistic of `xs` against `cdf`.
    static func ksStatistic(_ xs: [Double], cdf: (Double) -> Double) -> Double {
        let sorted = xs.sorted(), n = Double(xs.count)
        var d = 0.0
        for (index, x) in sorted.enumerated() {
            let f = cdf(x)
            d = max(d, Double(index + 1) / n - f, f - Double(index) / n)
        }
        return d
    }

    /// n = 200 000 seeded draws; the KS critical value at α = 0.001 is
    /// 1.949/√n (asymptotic Kolmogorov distribution), about 0.0044.
    @Test("Swift ziggurat: Kolmogorov-Smirnov against GSL's normal CDF, α = 0.001", arguments: keys)
    func gaussianDistribution(_ key: StreamKey) throws {
        let stream = try RandomStream()
        stream.reseed(key)
        let n = 200_000
        let xs = (0..<n).map { _ in stream.gaussian() }
        let d = Self.ksStatistic(xs, cdf: Normal.cdf)
        #expect(d < 1.949 / Double(n).squareRoot(), "D = \(d)")
    }

    /// Chi-square over 1,000 equiprobable bins of GSL's normal quantiles:
    /// 999 degrees of freedom, critical value at α = 0.001 about 1,143.
    @Test("Swift ziggurat: chi-square over 1,000 equiprobable normal bins, α = 0.001")
    func gaussianChiSquare() throws {
        let stream = try RandomStream()
        stream.reseed(Self.keys[2])
        let bins = 1_000, n = 1_000_000
        var counts = [Int](repeating: 0, count: bins)
        for _ in 0..<n {
            let p = Normal.cdf(stream.gaussian())
            counts[min(bins - 1, Int(p * Double(bins)))] += 1
        }
        let expected = Double(n) / Double(bins)
        let chiSquare = counts.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        #expect(chiSquare < 1_143, "χ² = \(chiSquare)")
    }

    @Test("Swift uniforms: Kolmogorov-Smirnov against U(0, 1), α = 0.001", arguments: keys)
    func uniformDistribution(_ key: StreamKey) throws {
        let stream = try RandomStream()
        stream.reseed(key)
        let n = 200_000
        let xs = (0..<n).map { _ in stream.uniform() }
        let d = Self.ksStatistic(xs) { min(max($0, 0), 1) }
        #expect(d < 1.949 / Double(n).squareRoot(), "D = \(d)")
    }
}
