import BackSimCore
import BackSimTestSupport
import Testing

/// The `control` arm reproduces Costa 2012's pooled natural history
/// (CMAJ 184:E613, table; 0-100 scale divided by 10).
@Suite struct NaturalHistoryCalibrationTests {
    struct Target: Sendable, CustomTestStringConvertible {
        let cohort: String
        let week: Int
        let low: Double
        let high: Double
        var testDescription: String { "\(cohort) week \(week): \(low)-\(high)" }
    }

    static let targets = [
        Target(cohort: "acute", week: 6, low: 2.1, high: 2.5),
        Target(cohort: "acute", week: 26, low: 0.9, high: 1.5),
        Target(cohort: "acute", week: 52, low: 0.3, high: 1.0),
        Target(cohort: "persistent", week: 6, low: 2.9, high: 3.8),
        Target(cohort: "persistent", week: 26, low: 2.0, high: 3.3),
        Target(cohort: "persistent", week: 52, low: 1.6, high: 3.0),
    ]

    /// The whole 99% Monte Carlo interval of the simulated mean report must lie
    /// inside the published 95% interval, so a pass is not luck of the seed.
    @Test(arguments: targets)
    func meanReportedPainFallsInsideCostaInterval(_ target: Target) throws {
        let result = try Runs.compare(
            cohort: target.cohort, policies: ["control"], persons: 6_000, weeks: 52, seed: 2012)
        let pain = result.histogram("control", .pain, week: target.week)
        let margin = 2.576 * pain.standardError
        #expect(pain.mean - margin >= target.low, "mean \(pain.mean) ± \(margin)")
        #expect(pain.mean + margin <= target.high, "mean \(pain.mean) ± \(margin)")
    }

    @Test func baselineMatchesCostaEntryPain() throws {
        for (cohort, low, high) in [("acute", 4.8, 5.7), ("persistent", 4.4, 5.9)] {
            let result = try Runs.compare(cohort: cohort, policies: ["control"], persons: 6_000, weeks: 1, seed: 2012)
            let pain = result.histogram("control", .pain, week: 0)
            #expect(pain.mean > low && pain.mean < high, "\(cohort) baseline \(pain.mean)")
        }
    }
}
