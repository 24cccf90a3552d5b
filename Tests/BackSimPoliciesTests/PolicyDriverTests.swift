import BackSimPolicyTesting
import Foundation
import Testing

@Suite struct PolicyDriverTests {
    static let script = AllocationCheckTests.script

    /// The driver fed the same weeks as the script, saving to JSON and
    /// restoring between every two weeks, decides exactly as the script does.
    @Test func savedAndRestoredEveryWeekTheDriverDecidesAsAnUninterruptedRun() throws {
        // Every built-in, by its concrete type (the driver needs a Codable state).
        try check(ControlPolicy())
        try check(FixedPolicy())
        try check(PercentPolicy(percent: 20))
        try check(GradedActivityPolicy())
        try check(PainContingentPolicy())
        try check(PainMonitoringPolicy())
        try check(DoubleProgressionPolicy())
        for definition in ACWRDefinition.allCases { try check(ACWRBandPolicy(definition: definition)) }
        try check(FitnessFatiguePolicy())
        try check(RPEPolicy())
        try check(GuidelinePolicy())
        try check(RuleTablePolicy(label: "rules", rules: [
            RuleTablePolicy.Rule(
                condition: try RuleParser.condition("pain_after > 5"), actions: try RuleParser.actions("reduce load 20%"),
                text: "reduce"),
            RuleTablePolicy.Rule(condition: nil, actions: try RuleParser.actions("increase minutes 10%"), text: "progress"),
        ]))
    }

    private func check<Policy: ProgressionPolicy>(_ policy: Policy) throws where Policy.State: Codable {
        let expected = PolicyScript(policy).run(Self.script)
        var driver = PolicyDriver(policy, baseline: PolicyScript<Policy>.typicalBaseline)
        #expect(driver.prescription == expected.prescriptions[0])
        for (index, week) in Self.script.enumerated() {
            let data = try JSONEncoder().encode(driver.saved)
            driver = try PolicyDriver(policy, restoring: try JSONDecoder().decode(PolicyDriver<Policy>.Saved.self, from: data))
            let observation = week.observation(
                week: driver.week, requested: driver.prescription, baselinePainReport: driver.baseline.painReport)
            let decision = try driver.record(observation)
            #expect(decision == expected.decisions[index + 1])
            #expect(driver.prescription == expected.prescriptions[index + 1])
            #expect(driver.reason == expected.reasons[index + 1])
            #expect(driver.week == index + 2)
        }
    }

    @Test func observationStartsTheCurrentWeeksLog() {
        let driver = PolicyDriver(GuidelinePolicy(), baseline: PolicyScript<GuidelinePolicy>.typicalBaseline)
        var rest = driver.prescription
        rest.sessionsPerWeek = 0
        let log = driver.observation(painReport: 4, delivered: rest)
        #expect(log.week == 1 && log.painReport == 4 && log.baselinePainReport == 5)
        #expect(log.requested == GuidelinePolicy.startingDose && log.delivered == rest)
        #expect(log.sessions.isEmpty && log.sessionsDone == 0)
    }

    @Test func logsOutOfOrderOrInconsistentAreRefusedAndChangeNothing() throws {
        var driver = PolicyDriver(GuidelinePolicy(), baseline: PolicyScript<GuidelinePolicy>.typicalBaseline)
        var wrongWeek = driver.observation(painReport: 4)
        wrongWeek.week = 2
        #expect(throws: PolicyDriverError.week(2, expected: 1)) { try driver.record(wrongWeek) }
        var wrongBaseline = driver.observation(painReport: 4)
        wrongBaseline.baselinePainReport = 7
        #expect(throws: PolicyDriverError.baseline(7, expected: 5)) { try driver.record(wrongBaseline) }
        var wrongRequest = driver.observation(painReport: 4)
        wrongRequest.requested = .none
        #expect(throws: PolicyDriverError.requested(week: 1)) { try driver.record(wrongRequest) }
        var wrongCount = driver.observation(painReport: 4)
        wrongCount.sessionsDone = 2
        #expect(throws: PolicyDriverError.sessionsDone(2, logged: 0)) { try driver.record(wrongCount) }
        #expect(driver.week == 1 && driver.prescription == GuidelinePolicy.startingDose)
        #expect(PolicyDriverError.week(2, expected: 1).description
            == "week: expected week 1 (the week after the last one recorded), got 2")
    }

    @Test func aSavedStateRestoresOnlyIntoThePolicyThatSavedIt() throws {
        let saved = PolicyDriver(PercentPolicy(percent: 20), baseline: PolicyScript<PercentPolicy>.typicalBaseline).saved
        #expect(throws: PolicyDriverError.policy("percent:20", expected: "percent:10")) {
            try PolicyDriver(PercentPolicy(percent: 10), restoring: saved)
        }
        #expect(PolicyDriverError.policy("percent:20", expected: "percent:10").description
            == "saved state is of policy 'percent:20', not 'percent:10'")
    }
}

@Suite struct WeekSessionsTests {
    @Test func onlyPrescribedSessionsAreElements() {
        var week = ScriptedWeek(painReport: 3, done: 2).observation(
            week: 1, requested: StartingDose.seedDocument, baselinePainReport: 5)
        #expect(week.sessions.count == 3 && week.sessionsPrescribed == 3)
        #expect(week.sessions.map(\.day) == [0, 2, 4])
        #expect(week.sessions.map(\.done) == [true, true, false])
        #expect(week.doneSessions.count == 2 && week.doneSessions.allSatisfy(\.done))
        week.sessionsPrescribed = 1
        #expect(week.sessions.count == 1)
        week.sessionsPrescribed = 4
        #expect(week.sessions.map(\.done) == [true, false, false, false])
    }

    @Test func everyDoneSessionIsFalseWithoutDoneSessionsUnlikeAllSatisfy() {
        let none = ScriptedWeek(done: 0).observation(week: 1, requested: StartingDose.seedDocument, baselinePainReport: 5)
        #expect(!none.everyDoneSession { _ in true })
        #expect(none.doneSessions.allSatisfy { _ in false })
        #expect(!none.someDoneSession { _ in true })
    }

    @Test func aWeekRoundTripsThroughJSON() throws {
        let week = ScriptedWeek(painReport: 6, done: 1, referral: true).observation(
            week: 3, requested: StartingDose.seedDocument, baselinePainReport: 5)
        let decoded = try JSONDecoder().decode(WeekObservation.self, from: try JSONEncoder().encode(week))
        #expect(decoded == week)
        let eight = Data(#"[{"day":0,"done":false,"cutShort":false,"minutes":0,"setsCompleted":0,"lowestReps":0,"load":0,"painBefore":0,"painDuring":0,"painAfter":0,"painNextMorning":0,"effort":0,"sharpPain":false}]"#.utf8)
        #expect(try JSONDecoder().decode(WeekSessions.self, from: eight).count == 1)
    }
}
