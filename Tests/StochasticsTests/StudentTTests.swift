import Stochastics
import Testing

struct StudentTTests {
    /// Two-sided 95% critical values t₀.₉₇₅,ν from standard t tables (three
    /// decimals; e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2).
    @Test("Two-sided 95% critical values match the tables", arguments: [
        (1.0, 12.706), (2.0, 4.303), (5.0, 2.571), (10.0, 2.228), (30.0, 2.042), (120.0, 1.980),
    ])
    func criticalValues(df: Double, t: Double) throws {
        #expect(isClose(try StudentT.quantile(0.975, degreesOfFreedom: df), t, within: halfUnit(decimals: 3)))
        // Symmetric: the lower tail is the negative.
        #expect(isClose(try StudentT.quantile(0.025, degreesOfFreedom: df), -t, within: halfUnit(decimals: 3)))
    }

    /// Closed forms: ν = 1 is the Cauchy distribution, F(x) = 1/2 + atan(x)/π;
    /// ν = 2 has F(x) = 1/2 + x / (2√(x² + 2)) and
    /// F⁻¹(p) = (2p − 1) / √(2p(1 − p)).
    @Test("ν = 1 and ν = 2 agree with their closed forms")
    func closedForms() throws {
        #expect(isClose(try StudentT.cdf(1, degreesOfFreedom: 1), 0.75, within: 1e-15))
        #expect(isClose(try StudentT.quantile(0.75, degreesOfFreedom: 1), 1, within: 1e-14))
        #expect(isClose(try StudentT.cdf(1, degreesOfFreedom: 2), 0.5 + 1 / (2 * 3.0.squareRoot()), within: 1e-15))
        for p in [0.6, 0.9, 0.975, 0.999] {
            let exact = (2 * p - 1) / (2 * p * (1 - p)).squareRoot()
            #expect(isClose(try StudentT.quantile(p, degreesOfFreedom: 2), exact, within: 1e-12 * exact))
        }
    }

    @Test("Large ν approaches the normal quantile")
    func largeDegreesOfFreedom() throws {
        let t = try StudentT.quantile(0.975, degreesOfFreedom: 1e7)
        #expect(isClose(t, try Normal.quantile(0.975), within: 1e-6))
    }

    @Test("Non-integer ν (Welch) works: cdf inverts quantile")
    func fractionalDegreesOfFreedom() throws {
        for x in [-3.0, -0.5, 0, 1.2, 4] {
            let p = try StudentT.cdf(x, degreesOfFreedom: 2.5)
            #expect(isClose(try StudentT.quantile(p, degreesOfFreedom: 2.5), x, within: 1e-9))
        }
    }

    @Test("Domain: p in [0, 1] with infinite ends; ν finite and positive")
    func domain() throws {
        #expect(try StudentT.quantile(0, degreesOfFreedom: 5) == -.infinity)
        #expect(try StudentT.quantile(1, degreesOfFreedom: 5) == .infinity)
        #expect(throws: StatisticsError.invalidProbability(1.01)) {
            try StudentT.quantile(1.01, degreesOfFreedom: 5)
        }
        for nu in [0.0, -1, .infinity] {
            #expect(throws: StatisticsError.invalidDegreesOfFreedom(nu)) {
                try StudentT.quantile(0.975, degreesOfFreedom: nu)
            }
            #expect(throws: StatisticsError.invalidDegreesOfFreedom(nu)) {
                try StudentT.cdf(1, degreesOfFreedom: nu)
            }
        }
        #expect(throws: StatisticsError.self) { try StudentT.quantile(0.975, degreesOfFreedom: .nan) }
    }
}
