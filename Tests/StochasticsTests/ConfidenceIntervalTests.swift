import Stochastics
import Testing

struct ConfidenceIntervalTests {
    // MARK: t interval for a mean

    /// NIST/SEMATECH e-Handbook 1.3.5.2: for ZARR13.DAT the 95% interval for
    /// the mean is 9.258242 to 9.264679. End to end: GSL mean and SD of the
    /// raw data, then the t interval. The Handbook's output cuts digits rather
    /// than rounding them (it prints the mean 9.2614607… as 9.261460), so the
    /// tolerance is one unit in the sixth decimal, not half.
    @Test("NIST e-Handbook ZARR13 interval, from the raw data")
    func nistHandbookZarr13() throws {
        let data = NISTHandbook.zarr13
        #expect(data.count == 195)
        let mean = try Descriptive.mean(data)
        let sd = try Descriptive.standardDeviation(data)
        let printed = 2 * halfUnit(decimals: 6)
        #expect(isClose(mean, 9.261460, within: printed))
        #expect(isClose(sd, 0.022789, within: printed))
        let interval = try #require(ConfidenceInterval.mean(mean, standardDeviation: sd, count: 195))
        #expect(isClose(interval.low, 9.258242, within: printed))
        #expect(isClose(interval.high, 9.264679, within: printed))
    }

    /// x̄ = 10, s = 2, n = 11: x̄ ± t₀.₉₇₅,₁₀ · 2/√11 with t = 2.228 from the
    /// tables; the table's rounding (±0.0005) scales by 2/√11.
    @Test("Half-width is t · s / √n")
    func halfWidth() throws {
        let interval = try #require(ConfidenceInterval.mean(10, standardDeviation: 2, count: 11))
        let scale = 2 / 11.0.squareRoot()
        #expect(isClose(interval.high - 10, 2.228 * scale, within: halfUnit(decimals: 3) * scale))
        #expect(isClose(10 - interval.low, interval.high - 10, within: 1e-14))
    }

    @Test("Two observations use ν = 1 (t = 12.706)")
    func twoObservations() throws {
        let interval = try #require(ConfidenceInterval.mean(0, standardDeviation: 1, count: 2))
        let scale = 1 / 2.0.squareRoot()
        #expect(isClose(interval.high, 12.706 * scale, within: halfUnit(decimals: 3) * scale))
    }

    @Test("Higher level, wider interval")
    func levelOrdering() throws {
        let i90 = try #require(ConfidenceInterval.mean(5, standardDeviation: 1, count: 30, level: 0.90))
        let i95 = try #require(ConfidenceInterval.mean(5, standardDeviation: 1, count: 30))
        let i99 = try #require(ConfidenceInterval.mean(5, standardDeviation: 1, count: 30, level: 0.99))
        #expect(i99.low < i95.low && i95.low < i90.low)
        #expect(i90.high < i95.high && i95.high < i99.high)
    }

    @Test("Zero SD gives [mean, mean]")
    func zeroSpread() {
        #expect(ConfidenceInterval.mean(3.5, standardDeviation: 0, count: 40)
            == ConfidenceInterval(low: 3.5, high: 3.5))
    }

    @Test("Undefined cases give nil", arguments: [
        (0 as Int64, 1.0, 0.95), (1, 1.0, 0.95), (-5, 1.0, 0.95),
        (10, -1.0, 0.95), (10, .nan, 0.95),
        (10, 1.0, 0), (10, 1.0, 1), (10, 1.0, 1.5), (10, 1.0, .nan),
    ])
    func meanUndefined(count: Int64, sd: Double, level: Double) {
        #expect(ConfidenceInterval.mean(1, standardDeviation: sd, count: count, level: level) == nil)
    }

    // MARK: Wilson score interval

    /// Newcombe RG (1998), "Two-sided confidence intervals for the single
    /// proportion: comparison of seven methods", Stat Med 17:857–872, Table I,
    /// method 3 (score interval without continuity correction), four decimals.
    /// The paper itself was not available to us; these are the values quoted
    /// in the brief and, identically, by an independent test suite citing the
    /// same table. `independentWilson` below also checks them from the formula.
    @Test("Newcombe (1998) worked examples", arguments: [
        (81 as Int64, 263 as Int64, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0000, 0.1611),
        (1, 29, 0.0061, 0.1718),
        (29, 29, 0.8830, 1.0000),
    ])
    func newcombe(successes: Int64, trials: Int64, low: Double, high: Double) throws {
        let interval = try #require(ConfidenceInterval.wilson(successes: successes, trials: trials))
        #expect(isClose(interval.low, low, within: halfUnit(decimals: 4)))
        #expect(isClose(interval.high, high, within: halfUnit(decimals: 4)))
    }

    /// Wilson's (1927) centre ± half-width form, algebraically equal to the
    /// implementation's but evaluated differently, with z typed in from the
    /// normal tables rather than taken from GSL:
    /// (p̂ + z²/2n ± z √(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n).
    @Test("Agrees with an independent evaluation of Wilson's formula")
    func independentWilson() throws {
        let z = 1.959963984540054  // Φ⁻¹(0.975) to 16 digits
        for (x, n) in [(81.0, 263.0), (15, 148), (1, 29), (7, 10), (500, 1000), (3, 100_000)] {
            let p = x / n
            let centre = (p + z * z / (2 * n)) / (1 + z * z / n)
            let half = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot() / (1 + z * z / n)
            let interval = try #require(ConfidenceInterval.wilson(successes: Int64(x), trials: Int64(n)))
            #expect(isClose(interval.low, centre - half, within: 1e-12))
            #expect(isClose(interval.high, centre + half, within: 1e-12))
        }
    }

    @Test("Exact at the boundaries: 0 successes starts at 0, n successes ends at 1")
    func boundaries() throws {
        let z = try Normal.quantile(0.975)
        let none = try #require(ConfidenceInterval.wilson(successes: 0, trials: 20))
        #expect(none.low == 0)
        #expect(isClose(none.high, z * z / (20 + z * z), within: 1e-15))
        let all = try #require(ConfidenceInterval.wilson(successes: 20, trials: 20))
        #expect(all.high == 1)
        #expect(isClose(all.low, 20 / (20 + z * z), within: 1e-15))
        let one = try #require(ConfidenceInterval.wilson(successes: 1, trials: 1))
        #expect(one.high == 1 && one.low > 0)
    }

    @Test("Mirror symmetry: x of n mirrors n − x of n")
    func symmetry() throws {
        for (x, n) in [(0 as Int64, 7 as Int64), (3, 7), (81, 263), (1, 29)] {
            let a = try #require(ConfidenceInterval.wilson(successes: x, trials: n))
            let b = try #require(ConfidenceInterval.wilson(successes: n - x, trials: n))
            #expect(isClose(a.low, 1 - b.high, within: 1e-15))
            #expect(isClose(a.high, 1 - b.low, within: 1e-15))
        }
    }

    @Test("Invalid counts or level give nil", arguments: [
        (0 as Int64, 0 as Int64, 0.95), (1, 0, 0.95), (-1, 10, 0.95), (11, 10, 0.95),
        (5, 10, 0), (5, 10, 1), (5, 10, .nan),
    ])
    func wilsonUndefined(successes: Int64, trials: Int64, level: Double) {
        #expect(ConfidenceInterval.wilson(successes: successes, trials: trials, level: level) == nil)
    }
}
