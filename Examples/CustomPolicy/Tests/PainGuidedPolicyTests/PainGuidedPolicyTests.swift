import BackSimPolicyTesting
import PainGuidedPolicy
import Testing

@Suite struct PainGuidedPolicyTests {
    @Test func addsFiveMinutesWhilePainAfterStaysAtOrUnderThree() {
        let run = PolicyScript(PainGuidedPolicy()).run([
            ScriptedWeek(session: ScriptedWeek.session(after: 3)),
            ScriptedWeek(session: ScriptedWeek.session(after: 4)),
            ScriptedWeek(done: 0),
        ])
        #expect(run.prescriptions.map(\.aerobic.minutes) == [12, 17, 17, 17])
    }

    @Test func aRestWeekDoesNotResetTheProgramme() {
        let run = PolicyScript(PainGuidedPolicy()).run([
            ScriptedWeek(referral: true), ScriptedWeek(delivery: .rest), ScriptedWeek(delivery: .resumed(at: 0.7)),
        ])
        #expect(run.prescriptions.map(\.sessionsPerWeek) == [3, 3, 3, 3])
        #expect(run.prescriptions.last?.aerobic.minutes == 22)
    }

    @Test func neverAllocates() throws {
        try AllocationCheck.run(PainGuidedPolicy(), weeks: Array(repeating: ScriptedWeek(), count: 26))
    }
}
