import BackSimCore
import BackSimTestSupport
import Stochastics
import Testing

/// Behaviour the exercise model must show, each on a seeded cohort.
/// Comparisons are paired (common random numbers), so modest cohorts suffice.
@Suite struct ExerciseModelPropertyTests {
    @Test func progressingTooFastRaisesFlareUps() throws {
        let result = try Runs.compare(cohort: "mixed", policies: ["percent:10", "percent:30"], persons: 3_000, weeks: 16, seed: 30)
        let slow = result.histogram("percent:10", .flareUps, week: 16)
        let fast = result.histogram("percent:30", .flareUps, week: 16)
        #expect(fast.mean > slow.mean + 2 * (slow.standardError + fast.standardError), "\(fast.mean) vs \(slow.mean)")
    }

    /// Sign and order of magnitude only (calibrated in docs/calibration.md).
    @Test func regularExerciseLowersChronicPainByWeek12() throws {
        let result = try Runs.compare(cohort: "chronic", policies: ["control", "guideline"], persons: 3_000, weeks: 12, seed: 31)
        let difference = result.histogram("control", .pain, week: 12).mean - result.histogram("guideline", .pain, week: 12).mean
        #expect(difference > 0.5 && difference < 3, "guideline lowers pain by \(difference) NRS")
    }

    static func chronic(_ change: (inout Profile) -> Void) -> Cohort {
        var profile = BuiltInCohorts.chronic.profiles[0]
        change(&profile)
        return Cohort(name: "test", summary: "", profiles: [profile])
    }

    static func run(_ cohort: Cohort, seed: UInt64) throws -> SimulationResult {
        try Simulator.run(SimulationPlan(cohort: cohort, policies: [GuidelinePolicy()], persons: 3_000, weeks: 12, seed: seed, threads: 2))
    }

    @Test func supervisionRaisesAdherenceAndLowersDropout() throws {
        let alone = try Self.run(Self.chronic { $0.supervisedProbability = 0 }, seed: 32)
        let supervised = try Self.run(Self.chronic { $0.supervisedProbability = 1 }, seed: 32)
        let adherenceAlone = alone.histogram("guideline", .adherence, week: 8)
        let adherenceSupervised = supervised.histogram("guideline", .adherence, week: 8)
        #expect(adherenceSupervised.mean > adherenceAlone.mean + 3 * adherenceAlone.standardError)
        #expect(supervised.histogram("guideline", .retention, week: 12).mean
                > alone.histogram("guideline", .retention, week: 12).mean)
    }

    @Test func highFearAvoidanceLowersAdherence() throws {
        let calm = try Self.run(Self.chronic { $0.fearAvoidance = .fixed(0.1) }, seed: 33)
        let fearful = try Self.run(Self.chronic { $0.fearAvoidance = .fixed(0.9) }, seed: 33)
        let a = calm.histogram("guideline", .adherence, week: 8), b = fearful.histogram("guideline", .adherence, week: 8)
        #expect(b.mean < a.mean - 3 * a.standardError, "\(b.mean) vs \(a.mean)")
    }

    @Test func noResistanceWorkBeforeAPostSurgicalPersonsClearanceWeek() throws {
        let plan = SimulationPlan(
            cohort: BuiltInCohorts.postSurgical, policies: [GuidelinePolicy(), DoubleProgressionPolicy()],
            persons: 60, weeks: 16, seed: 34)
        var checkedWeeks = 0
        for policy in plan.policies.indices {
            for person in 0..<plan.persons {
                let trace = try Simulator.trace(plan, policyIndex: policy, person: person)
                #expect(trace.traits.clearanceWeek >= 6 && trace.traits.clearanceWeek <= 12)
                for week in trace.weeks.dropFirst() {
                    let sessions = week.observation.sessions
                    let strengthDone = (0..<week.observation.sessionsPrescribed).contains { sessions[$0].setsCompleted > 0 }
                    if week.observation.week < trace.traits.clearanceWeek {
                        #expect(week.observation.prescription.strength.isEmpty)
                        #expect(!strengthDone)
                        checkedWeeks += 1
                    }
                }
            }
        }
        #expect(checkedWeeks > 500)
    }

    @Test func sharpPainStopsTheSessionAndRestsTheNextWeek() throws {
        var parameters = ModelParameters.defaults
        parameters.sharpPain = 0.05  // make referrals common enough to observe
        let plan = SimulationPlan(
            cohort: BuiltInCohorts.chronic, policies: [GuidelinePolicy()], persons: 80, weeks: 12, seed: 35,
            parameters: parameters)
        var referrals = 0
        for person in 0..<plan.persons {
            let weeks = try Simulator.trace(plan, policyIndex: 0, person: person).weeks
            for index in 1..<weeks.count - 1 where weeks[index].observation.referral {
                referrals += 1
                #expect(weeks[index + 1].observation.sessionsPrescribed == 0)
                let sessions = weeks[index].observation.sessions
                #expect((0..<7).contains { sessions[$0].sharpPain && sessions[$0].cutShort })
            }
        }
        #expect(referrals > 10)
    }

    @Test func droppingOutStopsExerciseButNotPainReports() throws {
        var parameters = ModelParameters.defaults
        parameters.dropoutBase = -1  // most people drop out early
        let plan = SimulationPlan(cohort: BuiltInCohorts.chronic, policies: [GuidelinePolicy()], persons: 50, weeks: 12,
                                  seed: 36, parameters: parameters)
        for person in 0..<plan.persons {
            let weeks = try Simulator.trace(plan, policyIndex: 0, person: person).weeks
            guard let dropped = weeks.firstIndex(where: { !$0.outcome.retained }) else { continue }
            for week in weeks[(dropped + 1)...] {
                #expect(week.outcome.sessionsDone == 0 && !week.outcome.retained)
                #expect((0...10).contains(week.outcome.painReport))
            }
        }
    }
}
