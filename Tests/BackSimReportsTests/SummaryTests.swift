import BackSimCore
import Stochastics
import Testing

@testable import BackSimReports

@Suite struct SummaryTests {
    @Test func statOrderIsTheOutputContract() {
        #expect(Summary.stats.map(\.name) == ["mean", "sd", "n", "ci_low", "ci_high", "p25", "p50", "p75", "mcse"])
    }

    @Test func summarisesExactCounts() throws {
        let summary = Summary(CountHistogram(range: 0...10, recording: [1, 2, 3, 4]))
        #expect(summary.n == 4)
        #expect(summary.mean == 2.5)
        #expect(summary.p25 == 1.75)
        #expect(summary.p50 == 2.5)
        #expect(summary.p75 == 3.25)
        let sd = try #require(summary.sd)
        #expect(abs(sd - 1.2909944487358056) < 1e-14)
        // t(0.975, 3) = 3.182446305284263; half-width = t · sd / √4.
        let halfWidth = 3.182446305284263 * sd / 2
        #expect(abs(try #require(summary.ciLow) - (2.5 - halfWidth)) < 1e-12)
        #expect(abs(try #require(summary.ciHigh) - (2.5 + halfWidth)) < 1e-12)
    }

    @Test func scalesEveryValueButTheCount() throws {
        let unscaled = Summary(CountHistogram(range: 0...420, recording: [0, 210, 420, 420]))
        let scaled = Summary(CountHistogram(range: 0...420, recording: [0, 210, 420, 420]), scale: 1.0 / 420)
        #expect(scaled.n == 4)
        for stat in Summary.stats where stat != .n {
            let expected = try #require(unscaled[stat]) / 420
            #expect(abs(try #require(scaled[stat]) - expected) < 1e-12, "\(stat)")
        }
    }

    @Test func emptyHistogramIsUndefinedExceptTheCount() {
        let summary = Summary(CountHistogram(range: 0...10))
        #expect(summary == .empty)
        #expect(summary[.n] == 0)
        for stat in Summary.stats where stat != .n { #expect(summary[stat] == nil) }
    }

    @Test func oneObservationHasNoSpreadOrInterval() {
        let summary = Summary(CountHistogram(range: 0...10, recording: [7]))
        #expect(summary.mean == 7)
        #expect(summary.p50 == 7)
        #expect(summary.sd == nil)
        #expect(summary.ciLow == nil)
        #expect(summary.ciHigh == nil)
    }

    @Test func missingMetricOrWeekSummarisesAsEmpty() throws {
        let result = try Fixtures.smallRun(threads: 1)
        let control = try #require(result.policies.first)
        #expect(control.summary(.pain, week: result.weeks + 1) == .empty)
        #expect(control.summary(.pain, week: 0).n == Int64(result.persons))
    }
}
