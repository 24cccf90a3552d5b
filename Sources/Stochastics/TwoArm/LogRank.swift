/// The log-rank test of two survival curves from discrete-time data (weeks),
/// with Peto's one-step estimate of the log hazard ratio of A against B:
///
///     at each event time t: n = n_A + n_B at risk, d = d_A + d_B events,
///     E_A += d·n_A/n,   V += d·(n_A/n)(n_B/n)(n − d)/(n − 1),
///     log HR ≈ (O_A − E_A)/V,  se = 1/√V,  z = (O_A − E_A)/√V,  X² = z².
///
/// Ties are handled by the hypergeometric variance above (as R's `survdiff`
/// and statsmodels' `survdiff`). A person observed to time t with no event is
/// censored at t and at risk at t; an event at t removes them after t.
public enum LogRank {
    /// One person: the week of the event or of censoring, and whether it was the event.
    public typealias Observation = (time: Int, event: Bool)

    /// - Throws: ``TwoArmTestError/noVariation`` when there is no event in
    ///   either arm (V = 0); ``TwoArmTestError/tooFewObservations(arm:count:minimum:)``
    ///   for an empty arm.
    public static func test(
        a: [Observation], b: [Observation], null: Double = 0, sides: TestSides = .two, alpha: Double = 0.05
    ) throws(TwoArmTestError) -> TwoArmTest {
        guard !a.isEmpty else { throw .tooFewObservations(arm: "A", count: 0, minimum: 1) }
        guard !b.isEmpty else { throw .tooFewObservations(arm: "B", count: 0, minimum: 1) }
        let horizon = max(a.map(\.time).max()!, b.map(\.time).max()!)
        guard horizon >= 0 else { throw .noVariation }
        // Per time: events and leavers (events + censored) in each arm.
        var eventsA = [Int](repeating: 0, count: horizon + 1), leavingA = eventsA
        var eventsB = eventsA, leavingB = eventsA
        for person in a { leavingA[person.time] += 1; if person.event { eventsA[person.time] += 1 } }
        for person in b { leavingB[person.time] += 1; if person.event { eventsB[person.time] += 1 } }
        var atRiskA = Double(a.count), atRiskB = Double(b.count)
        var observedMinusExpected = 0.0, variance = 0.0
        for t in 0...horizon {
            let d = Double(eventsA[t] + eventsB[t])
            let n = atRiskA + atRiskB
            if d > 0 && n > 0 {
                observedMinusExpected += Double(eventsA[t]) - d * atRiskA / n
                if n > 1 { variance += d * (atRiskA / n) * (atRiskB / n) * (n - d) / (n - 1) }
            }
            atRiskA -= Double(leavingA[t])
            atRiskB -= Double(leavingB[t])
        }
        guard variance > 0 else { throw .noVariation }
        return try TwoArmTest.wald(
            estimate: observedMinusExpected / variance, standardError: 1 / variance.squareRoot(),
            degreesOfFreedom: nil, null: null, sides: sides, alpha: alpha)
    }
}
