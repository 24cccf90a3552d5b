import Stochastics
import Testing

struct NormalTests {
    /// Standard normal critical values as printed in tables to six decimals
    /// (e.g. NIST/SEMATECH e-Handbook of Statistical Methods, 1.3.6.7.1):
    /// z₀.₉₅ = 1.644854, z₀.₉₇₅ = 1.959964, z₀.₉₉₅ = 2.575829.
    @Test("Quantile matches published critical values", arguments: [
        (0.95, 1.644854), (0.975, 1.959964), (0.995, 2.575829),
    ])
    func criticalValues(p: Double, z: Double) throws {
        #expect(isClose(try Normal.quantile(p), z, within: halfUnit(decimals: 6)))
    }

    @Test("Quantile is antisymmetric about 1/2, and 0 at the median")
    func symmetry() throws {
        #expect(try Normal.quantile(0.5) == 0)
        for p in [0.001, 0.025, 0.2, 0.4] {
            #expect(isClose(try Normal.quantile(1 - p), -(try Normal.quantile(p)), within: 1e-12))
        }
    }

    @Test("Quantile is ∓∞ at 0 and 1 and rejects anything outside [0, 1]")
    func quantileDomain() throws {
        #expect(try Normal.quantile(0) == -.infinity)
        #expect(try Normal.quantile(1) == .infinity)
        #expect(throws: StatisticsError.invalidProbability(-0.5)) { try Normal.quantile(-0.5) }
        #expect(throws: StatisticsError.invalidProbability(2)) { try Normal.quantile(2) }
        #expect(throws: StatisticsError.self) { try Normal.quantile(.nan) }
    }

    /// Φ(1) = 0.8413447461 (Abramowitz & Stegun, Table 26.1, ten decimals).
    @Test("CDF matches Abramowitz & Stegun and inverts the quantile")
    func cdf() throws {
        #expect(Normal.cdf(0) == 0.5)
        #expect(isClose(Normal.cdf(1), 0.8413447461, within: halfUnit(decimals: 10)))
        #expect(isClose(Normal.cdf(-1), 1 - 0.8413447461, within: halfUnit(decimals: 10)))
        #expect(Normal.cdf(-.infinity) == 0)
        #expect(Normal.cdf(.infinity) == 1)
        #expect(Normal.cdf(.nan).isNaN)
        for p in [0.01, 0.3, 0.5, 0.8, 0.975] {
            #expect(isClose(Normal.cdf(try Normal.quantile(p)), p, within: 1e-14))
        }
    }
}
