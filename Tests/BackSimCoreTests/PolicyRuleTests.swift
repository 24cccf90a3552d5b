import BackSimCore
import BackSimTestSupport
import Testing

/// Each policy's rules at their edges, on hand-made observations.
@Suite struct PolicyRuleTests {
    // MARK: control and fixed
    @Test func controlNeverPrescribes() {
        let policy = ControlPolicy()
        let (_, first) = policy.start(Observations.intake)
        var state = NoState()
        #expect(first.prescription == .none)
        let next = policy.decide(after: Observations.week(1, prescription: .none), state: &state)
        #expect(next.prescription == .none)
    }

    @Test func fixedKeepsTheStartingDose() {
        let policy = FixedPolicy()
        let (_, first) = policy.start(Observations.intake)
        var state = NoState()
        #expect(first.prescription == StartingDose.seedDocument)
        let week = Observations.week(1, prescription: first.prescription, session: Observations.done(during: 9))
        #expect(policy.decide(after: week, state: &state).prescription == StartingDose.seedDocument)
    }

    // MARK: percent
    @Test(arguments: [10.0, 20, 30])
    func percentRaisesMinutesAndLoadByP(_ percent: Double) {
        let policy = PercentPolicy(percent: percent)
        var (state, first) = policy.start(Observations.intake)
        let next = policy.decide(after: Observations.week(1, prescription: first.prescription, done: 0), state: &state)
        #expect(abs(next.prescription.aerobic.minutes - 12 * (1 + percent / 100)) < 1e-12)
        #expect(abs(next.prescription.strength.load - (1 + percent / 100)) < 1e-12)
        #expect(policy.label == "percent:\(Int(percent))")
    }

    @Test func percentStopsAtTheLimits() {
        let policy = PercentPolicy(percent: 30)
        var (state, decision) = policy.start(Observations.intake)
        for week in 1...30 {
            decision = policy.decide(after: Observations.week(week, prescription: decision.prescription), state: &state)
        }
        #expect(decision.prescription.aerobic.minutes == StartingDose.maximumMinutes)
        #expect(decision.prescription.strength.load == StartingDose.maximumLoad)
    }

    // MARK: pain-contingent
    @Test func painContingentProgressesAtTheThresholdAndRegressesAbove() {
        let policy = PainContingentPolicy(threshold: 4)
        var (state, first) = policy.start(Observations.intake)
        let atThreshold = Observations.week(1, prescription: first.prescription, painReport: 4,
                                            session: Observations.done(during: 4, after: 4))
        let up = policy.decide(after: atThreshold, state: &state)
        #expect(abs(up.prescription.aerobic.minutes - 12 * 1.1) < 1e-12)

        var state2 = first.prescription
        let above = Observations.week(1, prescription: first.prescription, painReport: 4,
                                      session: Observations.done(during: 5, after: 4))
        let down = policy.decide(after: above, state: &state2)
        #expect(abs(down.prescription.aerobic.minutes - 12 * 0.9) < 1e-12)

        var state3 = first.prescription
        let reportAbove = Observations.week(1, prescription: first.prescription, painReport: 5)
        #expect(policy.decide(after: reportAbove, state: &state3).prescription.aerobic.minutes < 12)
    }

    @Test func painContingentHoldsWhenNothingWasDone() {
        let policy = PainContingentPolicy(threshold: 4)
        var (state, first) = policy.start(Observations.intake)
        let week = Observations.week(1, prescription: first.prescription, painReport: 2, done: 0)
        #expect(policy.decide(after: week, state: &state).prescription == first.prescription)
    }

    // MARK: pain-monitoring
    @Test func painMonitoringIncreasesWithinLimits() {
        let policy = PainMonitoringPolicy()
        var (state, first) = policy.start(Observations.intake)  // baseline report 5
        let ok = Observations.week(1, prescription: first.prescription, painReport: 5,
                                   session: Observations.done(before: 3, during: 5, after: 5, nextMorning: 3))
        #expect(abs(policy.decide(after: ok, state: &state).prescription.aerobic.minutes - 13.2) < 1e-12)
    }

    @Test(arguments: [
        (6, 5, 3),  // during above 5
        (5, 6, 3),  // after above 5
        (5, 5, 4),  // not settled by next morning (before = 3)
    ])
    func painMonitoringReducesOnAnyBreach(_ during: Int, _ after: Int, _ morning: Int) {
        let policy = PainMonitoringPolicy()
        var (state, first) = policy.start(Observations.intake)
        let week = Observations.week(1, prescription: first.prescription, painReport: 4,
                                     session: Observations.done(before: 3, during: during, after: after, nextMorning: morning))
        #expect(abs(policy.decide(after: week, state: &state).prescription.aerobic.minutes - 12 * 0.8) < 1e-12)
    }

    @Test func painMonitoringHoldsOnAWeekToWeekRise() {
        let policy = PainMonitoringPolicy()
        var (state, first) = policy.start(Observations.intake)  // baseline 5
        let rise = Observations.week(1, prescription: first.prescription, painReport: 6)
        #expect(policy.decide(after: rise, state: &state).prescription == first.prescription)
    }

    // MARK: double progression
    static func strengthWeek(_ prescription: Prescription, lowest: [Int], sets: Int = 2) -> WeekObservation {
        var week = Observations.week(1, prescription: prescription)
        for (slot, reps) in lowest.enumerated() {
            week.sessions[slot].lowestReps = reps
            week.sessions[slot].setsCompleted = sets
        }
        return week
    }

    @Test func doubleProgressionOneSetShortOfTheTopMeansNoIncrease() {
        let policy = DoubleProgressionPolicy(increment: 5)
        var dose = DoubleProgressionPolicy.startingDose
        dose.strength.reps = 12
        var state = dose
        let next = policy.decide(after: Self.strengthWeek(dose, lowest: [12, 12, 11]), state: &state)
        #expect(next.prescription.strength.load == 1)
        #expect(next.prescription.strength.reps == 12)
    }

    @Test func doubleProgressionAllSetsAtTheTopAddLoadAndResetReps() {
        let policy = DoubleProgressionPolicy(increment: 5)
        var dose = DoubleProgressionPolicy.startingDose
        dose.strength.reps = 12
        var state = dose
        let next = policy.decide(after: Self.strengthWeek(dose, lowest: [12, 12, 12]), state: &state)
        #expect(abs(next.prescription.strength.load - 1.05) < 1e-12)
        #expect(next.prescription.strength.reps == 8)
    }

    @Test func doubleProgressionAddsARepBelowTheTop() {
        let policy = DoubleProgressionPolicy(increment: 5)
        var state = DoubleProgressionPolicy.startingDose
        let next = policy.decide(after: Self.strengthWeek(state, lowest: [8, 9, 8]), state: &state)
        #expect(next.prescription.strength.reps == 9)
        #expect(next.prescription.strength.load == 1)
    }

    @Test func doubleProgressionHoldsWhenASetWasMissed() {
        let policy = DoubleProgressionPolicy(increment: 5)
        var dose = DoubleProgressionPolicy.startingDose
        dose.strength.reps = 12
        var state = dose
        let next = policy.decide(after: Self.strengthWeek(dose, lowest: [12, 12, 12], sets: 1), state: &state)
        #expect(next.prescription == dose)
    }

    // MARK: graded activity
    @Test func gradedActivityIgnoresPainAndReachesTargetOnSchedule() {
        let policy = GradedActivityPolicy(targetWeek: 8)
        var (state, decision) = policy.start(Observations.intake)
        let baselineWeek = Observations.week(1, prescription: decision.prescription, session: Observations.done(minutes: 10))
        decision = policy.decide(after: baselineWeek, state: &state)
        // 70% of the 10 minutes done, then a linear rise.
        let quota1 = decision.prescription.aerobic.minutes
        #expect(abs(quota1 - (7 + (30 - 7) / 7.0)) < 1e-9)
        for week in 2...7 {
            let painful = Observations.week(week, prescription: decision.prescription, painReport: 9,
                                            session: Observations.done(during: 9, after: 9, nextMorning: 9))
            decision = policy.decide(after: painful, state: &state)
        }
        #expect(abs(decision.prescription.aerobic.minutes - GradedActivityPolicy.targetMinutes) < 1e-9)
    }

    // MARK: guideline
    @Test func guidelineReducesOnDiscomfortAtTwoPoints() {
        let policy = GuidelinePolicy()
        var (state, first) = policy.start(Observations.intake)
        let sore = Observations.week(1, prescription: first.prescription, session: Observations.done(before: 3, after: 5))
        #expect(abs(policy.decide(after: sore, state: &state).prescription.aerobic.minutes - 12 * 0.8) < 1e-12)

        var (state2, _) = policy.start(Observations.intake)
        let fine = Observations.week(1, prescription: first.prescription, session: Observations.done(before: 3, after: 4))
        #expect(policy.decide(after: fine, state: &state2).prescription.aerobic.minutes == 14)
    }

    @Test func guidelineHoldsWhenFewerThanHalfTheSessionsWereDone() {
        let policy = GuidelinePolicy()
        var (state, first) = policy.start(Observations.intake)
        let week = Observations.week(1, prescription: first.prescription, done: 1)
        #expect(policy.decide(after: week, state: &state).prescription == first.prescription)
    }

    @Test func guidelineRisesToThirtyMinutesAndFiveSessionsWithinWhatThePersonCanManage() {
        let policy = GuidelinePolicy()
        let intake = BaselineObservation(painReport: 5, sessionsAvailable: 7, supervised: false, clearanceWeek: 0)
        var (state, decision) = policy.start(intake)
        for week in 1...20 {
            decision = policy.decide(after: Observations.week(week, prescription: decision.prescription), state: &state)
        }
        #expect(decision.prescription.aerobic.minutes == 30)
        #expect(decision.prescription.sessionsPerWeek == 5)
        #expect(decision.prescription.stretching.seconds == 30)
        #expect(decision.prescription.strength.sets == 2)

        let busy = BaselineObservation(painReport: 5, sessionsAvailable: 2, supervised: false, clearanceWeek: 0)
        var (busyState, busyDecision) = policy.start(busy)
        for week in 1...12 {
            busyDecision = policy.decide(after: Observations.week(week, prescription: busyDecision.prescription), state: &busyState)
        }
        #expect(busyDecision.prescription.sessionsPerWeek == 3)
    }
}
