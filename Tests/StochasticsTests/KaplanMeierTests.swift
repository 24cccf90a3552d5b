import Stochastics
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

struct KaplanMeierTests {
    /// Freireich et al. (1963), 6-MP arm, remission times in weeks (* censored):
    /// 6 6 6 6* 7 9* 10 10* 11* 13 16 17* 19* 20* 22 23 25* 32* 32* 34* 35*
    /// (Klein & Moeschberger 2003, §1.2 and Example 4.1; R's KMsurv::drug6mp).
    static let sixMPTimes = [6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35]
    static let sixMPEvents = [
        true, true, true, false, true, false, true, false, false, true, true, false, false, false,
        true, true, false, false, false, false, false,
    ]

    /// R's `summary(survfit(Surv(t2, relapse) ~ 1, data = drug6mp))`, as
    /// printed in published course notes on Klein & Moeschberger Example 4.1
    /// (survival package, default `conf.type = "log"`), 3-4 decimals:
    /// time, n.risk, n.event, survival, std.err, lower 95%, upper 95%.
    static let publishedSixMP: [(Int, Int64, Int64, Double, Double, Double, Double)] = [
        (6, 21, 3, 0.857, 0.0764, 0.720, 1.000),
        (7, 17, 1, 0.807, 0.0869, 0.653, 0.996),
        (10, 15, 1, 0.753, 0.0963, 0.586, 0.968),
        (13, 12, 1, 0.690, 0.1068, 0.510, 0.935),
        (16, 11, 1, 0.627, 0.1141, 0.439, 0.896),
        (22, 7, 1, 0.538, 0.1282, 0.337, 0.858),
        (23, 6, 1, 0.448, 0.1346, 0.249, 0.807),
    ]

    @Test("6-MP arm: S(t) and Greenwood SE match the published table")
    func sixMPSurvivalAndGreenwood() throws {
        let km = try KaplanMeier(times: Self.sixMPTimes, events: Self.sixMPEvents, scale: .log)
        for (time, atRisk, events, survival, se, low, high) in Self.publishedSixMP {
            let step = try #require(km.steps.first { $0.time == time })
            #expect(step.atRisk == atRisk && step.events == events)
            #expect(isClose(step.survival, survival, within: halfUnit(decimals: 3)))
            #expect(isClose(step.standardError, se, within: halfUnit(decimals: 4)))
            #expect(isClose(step.interval.low, low, within: halfUnit(decimals: 3)))
            #expect(isClose(step.interval.high, high, within: halfUnit(decimals: 3)))
        }
        // Censored-only times carry the estimate forward.
        #expect(km.survival(at: 9) == km.survival(at: 7))
        #expect(km.survival(at: 35) == km.survival(at: 23))
        #expect(km.survival(at: 5) == 1 && km.step(at: 5) == nil)
    }

    /// The same table rebuilt from the grouped counts R prints (event times
    /// only): unlisted drops in the risk set are censorings between times.
    @Test("Grouped counts with event times only give the same estimate")
    func groupedEventTimesOnly() throws {
        let counts = Self.publishedSixMP.map { KaplanMeier.Count(time: $0.0, atRisk: $0.1, events: $0.2) }
        let grouped = try KaplanMeier(counts)
        let individual = try KaplanMeier(times: Self.sixMPTimes, events: Self.sixMPEvents)
        for step in grouped.steps {
            let other = try #require(individual.step(at: step.time))
            #expect(step.survival == other.survival)
            #expect(step.variance == other.variance)
            #expect(step.interval == other.interval)
        }
    }

    /// Exact fractions: S(6) = 18/21, S(23) = 18/21 · 16/17 · 14/15 · 11/12 ·
    /// 10/11 · 6/7 · 5/6; Greenwood's sum at 23 is 3/(21·18) + 1/(17·16) +
    /// 1/(15·14) + 1/(12·11) + 1/(11·10) + 1/(7·6) + 1/(6·5).
    @Test("6-MP arm: exact fractions at the first and last event")
    func sixMPExactFractions() throws {
        let km = try KaplanMeier(times: Self.sixMPTimes, events: Self.sixMPEvents)
        let s6 = 18.0 / 21
        let ratios: [Double] = [16.0 / 17, 14.0 / 15, 11.0 / 12, 10.0 / 11, 6.0 / 7, 5.0 / 6]
        let s23 = ratios.reduce(s6, *)
        let terms: [(Double, Double, Double)] = [(3, 21, 18), (1, 17, 16), (1, 15, 14), (1, 12, 11), (1, 11, 10), (1, 7, 6), (1, 6, 5)]
        let sum23 = terms.reduce(0.0) { $0 + $1.0 / ($1.1 * $1.2) }
        #expect(isClose(km.survival(at: 6), s6, within: 1e-15))
        #expect(isClose(km.survival(at: 23), s23, within: 1e-15))
        #expect(isClose(try #require(km.step(at: 23)).variance, s23 * s23 * sum23, within: 1e-15))
    }

    /// The log(−log) interval computed by hand from Kalbfleisch & Prentice's
    /// formula, written out independently of the implementation:
    /// at 6, σ = √(3/378)/|log(18/21)| = 0.57793 → [0.6197, 0.9516];
    /// at 23, S = 0.448179, σ = √0.0901844/0.802562 = 0.374186 → [0.1881, 0.6801].
    /// (R's `survfit(..., conf.type = "log-log")` prints 0.620-0.952 and
    /// 0.188-0.680 for these rows.)
    @Test("6-MP arm: log(−log) interval, hand-computed")
    func sixMPLogLog() throws {
        let km = try KaplanMeier(times: Self.sixMPTimes, events: Self.sixMPEvents)
        #expect(km.scale == .logLog && km.level == 0.95)
        let at6 = try #require(km.step(at: 6)).interval
        let at23 = try #require(km.step(at: 23)).interval
        #expect(isClose(at6.low, 0.6197, within: halfUnit(decimals: 4)))
        #expect(isClose(at6.high, 0.9516, within: halfUnit(decimals: 4)))
        #expect(isClose(at23.low, 0.1881, within: halfUnit(decimals: 4)))
        #expect(isClose(at23.high, 0.6801, within: halfUnit(decimals: 4)))
        // Independent route: a symmetric interval for log(−log S) with the
        // delta-method SE √Var(log S)/|log S|, mapped back.
        for step in km.steps where step.survival < 1 {
            let logS = log(step.survival)
            let varLogS = step.variance / (step.survival * step.survival)
            let se = varLogS.squareRoot() / abs(logS)
            let center = log(-logS)
            let low = exp(-exp(center + 1.959963984540054 * se))
            let high = exp(-exp(center - 1.959963984540054 * se))
            #expect(isClose(step.interval.low, low, within: 1e-12))
            #expect(isClose(step.interval.high, high, within: 1e-12))
            #expect(step.interval.low < step.survival && step.survival < step.interval.high)
        }
    }

    /// Median 23 weeks (S(22) = 0.538, S(23) = 0.448). Its interval: with
    /// the log scale the lower bound first drops to ≤ 0.5 at 16 (0.439); with
    /// log(−log) at 13 (0.432; 0.503 at 10). The upper bound never reaches
    /// 0.5 (0.807 or 0.680 at 23), so the upper limit is not reached, as in
    /// R's printed "23 16 NA" (log) and "23 13 NA" (log-log).
    @Test("6-MP arm: median 23 weeks with its interval")
    func sixMPMedian() throws {
        let logLog = try KaplanMeier(times: Self.sixMPTimes, events: Self.sixMPEvents)
        #expect(logLog.median == 23)
        #expect(logLog.medianInterval == KaplanMeier.MedianInterval(low: 13, high: nil))
        let logScale = try KaplanMeier(times: Self.sixMPTimes, events: Self.sixMPEvents, scale: .log)
        #expect(logScale.median == 23)
        #expect(logScale.medianInterval == KaplanMeier.MedianInterval(low: 16, high: nil))
    }

    /// Freireich placebo arm, no censoring (Cox & Oakes 1984, Table 1.1):
    /// 1 1 2 2 3 4 4 5 5 8 8 8 8 11 11 12 12 15 17 22 23. Without censoring
    /// KM is the empirical survival function and Greenwood's SE the binomial
    /// one: S(10) = 8/21 = 0.381, SE = √(S(1 − S)/21) = 0.106 (published).
    /// Median 8; log-scale interval 4 to 12 (hand-computed: the lower bound is
    /// 0.493 at 4, the upper 0.562 at 11 and 0.460 at 12).
    @Test("Placebo arm: no censoring gives the binomial SE and a closed median interval")
    func placeboNoCensoring() throws {
        let times = [1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23]
        let km = try KaplanMeier(times: times, events: times.map { _ in true }, scale: .log)
        let s10 = km.survival(at: 10)
        #expect(isClose(s10, 0.381, within: halfUnit(decimals: 3)))
        let se10 = try #require(km.step(at: 10)).standardError
        #expect(isClose(se10, 0.106, within: halfUnit(decimals: 3)))
        #expect(isClose(se10, (s10 * (1 - s10) / 21).squareRoot(), within: 1e-15))
        #expect(km.median == 8)
        #expect(km.medianInterval == KaplanMeier.MedianInterval(low: 4, high: 12))
        #expect(km.survival(at: 23) == 0)
    }

    // MARK: Edge cases

    @Test("No events: S = 1 everywhere, variance 0, median not reached")
    func noEvents() throws {
        let counts = (1...12).map { KaplanMeier.Count(time: $0, atRisk: 100, events: 0, censored: $0 == 12 ? 100 : 0) }
        let km = try KaplanMeier(counts)
        for step in km.steps {
            #expect(step.survival == 1 && step.variance == 0)
            #expect(step.interval == ConfidenceInterval(low: 1, high: 1))
        }
        #expect(km.median == nil)
        #expect(km.medianInterval == KaplanMeier.MedianInterval(low: nil, high: nil))
    }

    @Test("Everyone has the event at once: S drops to 0 with variance 0")
    func allAtOnce() throws {
        let km = try KaplanMeier([
            .init(time: 0, atRisk: 50, events: 0),
            .init(time: 3, atRisk: 50, events: 50),
            .init(time: 4, atRisk: 0, events: 0),
        ])
        #expect(km.survival(at: 2) == 1)
        let step = try #require(km.step(at: 3))
        #expect(step.survival == 0 && step.variance == 0)
        #expect(step.interval == ConfidenceInterval(low: 0, high: 0))
        #expect(km.survival(at: 4) == 0 && km.step(at: 4)?.variance == 0)
        #expect(km.median == 3)
        #expect(km.medianInterval == KaplanMeier.MedianInterval(low: 3, high: 3))
    }

    @Test("n = 1: one event, or one censoring")
    func single() throws {
        let event = try KaplanMeier(times: [5], events: [true])
        #expect(event.steps.count == 1 && event.survival(at: 5) == 0 && event.median == 5)
        #expect(event.steps[0].variance == 0)
        let censored = try KaplanMeier(times: [5], events: [false])
        #expect(censored.survival(at: 5) == 1 && censored.median == nil)
        let empty = try KaplanMeier([])
        #expect(empty.steps.isEmpty && empty.survival(at: 3) == 1 && empty.median == nil)
    }

    /// Exactly half have the event: S = 0.5 is "reached" at that time, even
    /// when the product of ratios rounds to just above 0.5.
    @Test("S exactly 0.5 counts as reaching the median")
    func exactlyHalf() throws {
        let half = try KaplanMeier([.init(time: 2, atRisk: 2000, events: 1000)])
        #expect(half.median == 2)
        // 11/18 · 9/11 = 1/2 exactly, but 0.5000000000000001 in floating point.
        let rounded = try KaplanMeier([
            .init(time: 1, atRisk: 18, events: 7),
            .init(time: 2, atRisk: 11, events: 2),
        ])
        #expect(rounded.survival(at: 2) > 0.5 && isClose(rounded.survival(at: 2), 0.5, within: 1e-15))
        #expect(rounded.median == 2)
    }

    @Test("Higher level, wider interval")
    func levels() throws {
        let k90 = try KaplanMeier(times: Self.sixMPTimes, events: Self.sixMPEvents, level: 0.90)
        let k99 = try KaplanMeier(times: Self.sixMPTimes, events: Self.sixMPEvents, level: 0.99)
        for (a, b) in zip(k90.steps, k99.steps) where a.survival < 1 {
            #expect(b.interval.low < a.interval.low && a.interval.high < b.interval.high)
        }
    }

    @Test("Invalid input is rejected with a reason")
    func invalid() {
        #expect(throws: KaplanMeier.InputError.timesNotIncreasing(2, after: 2)) {
            try KaplanMeier([.init(time: 2, atRisk: 5, events: 1), .init(time: 2, atRisk: 4, events: 1)])
        }
        #expect(throws: KaplanMeier.InputError.negativeCount(time: 1)) {
            try KaplanMeier([.init(time: 1, atRisk: 5, events: -1)])
        }
        #expect(throws: KaplanMeier.InputError.moreLeavingThanAtRisk(time: 1)) {
            try KaplanMeier([.init(time: 1, atRisk: 5, events: 3, censored: 3)])
        }
        #expect(throws: KaplanMeier.InputError.atRiskIncreased(time: 2)) {
            try KaplanMeier([.init(time: 1, atRisk: 5, events: 1), .init(time: 2, atRisk: 5, events: 1)])
        }
        #expect(throws: KaplanMeier.InputError.lengthMismatch(times: 2, events: 1)) {
            try KaplanMeier(times: [1, 2], events: [true])
        }
        for level in [0, 1, -0.5, Double.nan] {
            #expect(throws: KaplanMeier.InputError.self) {
                try KaplanMeier([], level: level)
            }
        }
    }
}
