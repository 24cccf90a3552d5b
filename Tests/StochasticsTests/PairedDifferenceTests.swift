import Stochastics
import Testing

struct PairedDifferenceTests {
    /// Five persons' differences −2, −1, −3, 0, −4 (comparator − reference):
    /// Σd = −10, Σd² = 30, d̄ = −2, s_d² = (5·30 − 100)/(5·4) = 2.5,
    /// s_d = 1.5811388, se = s_d/√5 = √0.5 = 0.7071068.
    /// 95% interval: −2 ± t₀.₉₇₅,₄ · se with t = 2.776 (tables) →
    /// −2 ± 1.9630 = [−3.9630, −0.0370].
    /// Arms' between-person SDs 2.0 and 2.5: pooled √((4 + 6.25)/2) =
    /// √5.125 = 2.2638463; SMD = −2/2.2638463 = −0.8834522, its SE
    /// 0.7071068/2.2638463 = 0.3123475.
    /// Persons to separate: (1.959964 · 1.5811388 / 2)² = 2.4009118.
    @Test("Worked example by hand")
    func workedExample() throws {
        let sums = ExactMoments(recording: [-2, -1, -3, 0, -4])
        let paired = PairedDifference(differences: sums, referenceStandardDeviation: 2.0, comparatorStandardDeviation: 2.5)
        #expect(paired.count == 5 && paired.mean == -2)
        #expect(isClose(try #require(paired.differenceStandardDeviation), 1.5811388, within: halfUnit(decimals: 7)))
        #expect(isClose(try #require(paired.standardError), 0.7071068, within: halfUnit(decimals: 7)))
        let interval = try #require(paired.interval)
        let tableRounding = halfUnit(decimals: 3) * 0.7071068
        #expect(isClose(interval.low, -2 - 2.776 * 0.7071068, within: tableRounding))
        #expect(isClose(interval.high, -2 + 2.776 * 0.7071068, within: tableRounding))
        #expect(paired.isSeparated == true)
        #expect(isClose(try #require(paired.pooledStandardDeviation), 2.2638463, within: halfUnit(decimals: 7)))
        #expect(isClose(try #require(paired.standardisedEffect), -0.8834522, within: halfUnit(decimals: 7)))
        #expect(isClose(try #require(paired.standardisedEffectStandardError), 0.3123475, within: halfUnit(decimals: 7)))
        #expect(isClose(try #require(paired.personsToSeparate), 2.4009118, within: halfUnit(decimals: 7)))
    }

    /// The same five differences as integer counts, scaled by 10 (NRS points
    /// to a 0-100 scale): every location statistic scales by 10, the SMD not.
    @Test("From a count histogram with a scale")
    func fromHistogram() throws {
        let histogram = CountHistogram(range: -10...10, recording: [-2, -1, -3, 0, -4])
        let paired = PairedDifference(
            differences: histogram, scale: 10, referenceStandardDeviation: 20, comparatorStandardDeviation: 25)
        #expect(paired.mean == -20)
        #expect(isClose(try #require(paired.standardError), 7.071068, within: halfUnit(decimals: 6)))
        #expect(isClose(try #require(paired.standardisedEffect), -0.8834522, within: halfUnit(decimals: 7)))
        #expect(isClose(try #require(paired.personsToSeparate), 2.4009118, within: halfUnit(decimals: 7)))
    }

    /// n = 400, d̄ = −0.3, s_d = 4: se = 0.2, the interval −0.3 ± 1.9659·0.2
    /// straddles 0; separating needs 400 · (1.959964 · 0.2 / 0.3)² = 682.93
    /// persons.
    @Test("A difference within Monte Carlo error, and the persons that would separate it")
    func notSeparated() throws {
        let paired = PairedDifference(
            count: 400, mean: -0.3, differenceStandardDeviation: 4,
            referenceStandardDeviation: 2, comparatorStandardDeviation: 2)
        let interval = try #require(paired.interval)
        #expect(interval.low < 0 && interval.high > 0)
        #expect(paired.isSeparated == false)
        #expect(isClose(try #require(paired.personsToSeparate), 682.93, within: halfUnit(decimals: 2)))
        #expect(paired.standardisedEffect == -0.15)
    }

    @Test("n = 1: a mean but no Monte Carlo error")
    func single() {
        let paired = PairedDifference(
            differences: ExactMoments(recording: [1.5]), referenceStandardDeviation: 1, comparatorStandardDeviation: 1)
        #expect(paired.mean == 1.5)
        #expect(paired.differenceStandardDeviation == nil && paired.standardError == nil)
        #expect(paired.interval == nil && paired.isSeparated == nil && paired.personsToSeparate == nil)
        #expect(paired.standardisedEffect == 1.5 && paired.standardisedEffectStandardError == nil)
        // A stray SD passed with n = 1 is ignored.
        let given = PairedDifference(
            count: 1, mean: 1, differenceStandardDeviation: 3,
            referenceStandardDeviation: nil, comparatorStandardDeviation: nil)
        #expect(given.differenceStandardDeviation == nil && given.standardisedEffect == nil)
    }

    @Test("All differences equal: zero-width interval, separated by any two persons")
    func allEqual() {
        let paired = PairedDifference(
            differences: ExactMoments(recording: Array(repeating: -0.75, count: 200)),
            referenceStandardDeviation: 1.5, comparatorStandardDeviation: 1.5)
        #expect(paired.standardError == 0)
        #expect(paired.interval == ConfidenceInterval(low: -0.75, high: -0.75))
        #expect(paired.isSeparated == true && paired.personsToSeparate == 0)
        #expect(paired.standardisedEffect == -0.5 && paired.standardisedEffectStandardError == 0)
    }

    @Test("Identical policies: d = 0, nothing to separate")
    func identical() {
        let paired = PairedDifference(
            differences: ExactMoments(recording: Array(repeating: 0, count: 500)),
            referenceStandardDeviation: 2, comparatorStandardDeviation: 2)
        #expect(paired.mean == 0 && paired.interval == ConfidenceInterval(low: 0, high: 0))
        #expect(paired.isSeparated == false && paired.personsToSeparate == nil)
        #expect(paired.standardisedEffect == 0)
        // Everyone had the same outcome in both arms: no SD to standardise by.
        let flat = PairedDifference(
            count: 10, mean: 0, differenceStandardDeviation: 0,
            referenceStandardDeviation: 0, comparatorStandardDeviation: 0)
        #expect(flat.standardisedEffect == nil && flat.standardisedEffectStandardError == nil)
    }

    /// The SMD uses the arms' between-person SDs, not the SD of the paired
    /// differences: with strongly correlated arms s_d is small and d̄/s_d
    /// would be far larger.
    @Test("The standardised effect is between-group, not paired")
    func betweenGroupNotPaired() throws {
        let paired = PairedDifference(
            count: 1_000, mean: -1, differenceStandardDeviation: 0.5,
            referenceStandardDeviation: 2, comparatorStandardDeviation: 2)
        #expect(paired.standardisedEffect == -0.5)
        #expect(paired.mean / (try #require(paired.differenceStandardDeviation)) == -2)
    }
}
