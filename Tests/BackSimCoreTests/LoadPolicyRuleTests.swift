import BackSimCore
import BackSimTestSupport
import Testing

/// The load-based policies (acwr-band, fitness-fatigue, rpe) at their edges.
@Suite struct LoadPolicyRuleTests {
    /// A week with one done session of `load` AU on day 0 (effort 4 × minutes).
    static func week(_ number: Int, _ prescription: Prescription, load: Double, effort: Int = 4) -> WeekObservation {
        var session = Observations.done(minutes: load / Double(effort))
        session.effort = effort
        var week = Observations.week(number, prescription: prescription, done: 1, session: session)
        week.sessions[0].effort = effort
        return week
    }

    @Test func loadHistoryRatiosFollowTheirDefinitions() {
        var history = LoadHistory()
        #expect(history.ratio(.coupled) == nil)
        for load in [100.0, 100, 100, 100, 200] {
            var daily = InlineArray<7, Double>(repeating: 0)
            daily[0] = load
            history.append(dailyLoads: daily)
        }
        #expect(history.ratio(.coupled) == 200.0 / 125)
        #expect(history.ratio(.uncoupled) == 2.0)
        // Daily EWMAs see the weekly session on day 0, then six rest days.
        let ewma = history.ratio(.ewma)!
        #expect(ewma > 0 && ewma.isFinite)
    }

    /// First week: coupled ratio = 100 / (100 / 4) = 4, above the band.
    @Test func acwrBandReducesAboveTheBand() {
        let policy = ACWRBandPolicy(definition: .coupled)
        var (state, first) = policy.start(Observations.intake)
        let next = policy.decide(after: Self.week(1, first.prescription, load: 100), state: &state)
        #expect(abs(next.prescription.aerobic.minutes - 12 * 0.9) < 1e-12)
    }

    @Test func acwrBandEdges() {
        // Four equal weeks → coupled ratio exactly 1 → inside: +5%.
        let policy = ACWRBandPolicy(definition: .coupled)
        var (state, decision) = policy.start(Observations.intake)
        for week in 1...4 { decision = policy.decide(after: Self.week(week, decision.prescription, load: 100), state: &state) }
        #expect(decision.reason.description == "ratio within the band: increase 5%")
        // A ratio of exactly 1.3 is inside the band.
        var probe = LoadHistory()
        for _ in 0..<3 {
            var daily = InlineArray<7, Double>(repeating: 0)
            daily[0] = 100
            probe.append(dailyLoads: daily)
        }
        var daily = InlineArray<7, Double>(repeating: 0)
        daily[0] = 130 * 3 / 2.7  // acute / ((acute + 300) / 4) = 1.3
        probe.append(dailyLoads: daily)
        #expect(abs(probe.ratio(.coupled)! - 1.3) < 1e-12)
        #expect(ACWRBandPolicy(definition: .coupled).band.contains(1.3))
        // No load at all: undefined ratio → hold.
        var (empty, first) = policy.start(Observations.intake)
        let none = policy.decide(after: Observations.week(1, prescription: first.prescription, done: 0), state: &empty)
        #expect(none.prescription == first.prescription)
    }

    @Test func fitnessFatigueReducesWhenFormFallsBelowTheBound() {
        let policy = FitnessFatiguePolicy(lowerBoundPercent: 30)
        var (state, first) = policy.start(Observations.intake)
        // One big first week: fatigue (τ 7 d) far above fitness (τ 42 d) → relative form ≪ −30%.
        let next = policy.decide(after: Self.week(1, first.prescription, load: 500), state: &state)
        #expect(abs(next.prescription.aerobic.minutes - 12 * 0.9) < 1e-12)

        // Steady load for many weeks: fitness catches up, form ≥ −30% → increase.
        var (steady, decision) = policy.start(Observations.intake)
        for week in 1...40 { decision = policy.decide(after: Self.week(week, first.prescription, load: 100), state: &steady) }
        #expect(decision.reason.description == "form within bounds: increase 10%")
    }

    @Test(arguments: [(5, "effort below target: increase 10%"), (6, "effort on target: hold"),
                      (7, "effort on target: hold"), (8, "effort above target: reduce 10%")])
    func rpeAutoregulationBand(_ effort: Int, _ reason: String) {
        let policy = RPEPolicy(target: 6.5)
        var (state, first) = policy.start(Observations.intake)
        let next = policy.decide(after: Self.week(1, first.prescription, load: 80, effort: effort), state: &state)
        #expect(next.reason.description == reason)
    }
}
