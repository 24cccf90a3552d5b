import BackSimCore
import BackSimTestSupport
import Foundation
import Testing

/// Model 2's mechanisms, person by person under common random numbers:
/// the benefit follows the dose done, fades after stopping, depends on the
/// condition; enrolment on a noisy screening report makes control arms
/// regress to the mean; responses are sustained.
@Suite struct Model2PropertyTests {
    /// Everyone does every prescribed session in full, nobody drops out and no
    /// session is stopped: the dose delivered is the dose prescribed.
    static var perfectAdherence: ModelParameters {
        var p = ModelParameters.defaults
        p.sessionDoneAdherent = 1
        p.sessionDoneLapsed = 1
        p.cutShort = 0
        p.sharpPain = 0
        p.dropoutBase = -20
        return p
    }

    /// `sessions` a week of `minutes` walking at RPE 4, from week 1 to
    /// `weeks` (then nothing).
    struct Walking: ProgressionPolicy {
        let sessions: Int
        let minutes: Double
        var weeks = Int.max
        var label: String { "walking:\(sessions)x\(minutes)" }

        var dose: Prescription {
            Prescription(sessionsPerWeek: sessions, aerobic: AerobicDose(activity: .walking, minutes: minutes, intensity: 4))
        }

        func start(_ baseline: BaselineObservation) -> (Void, PolicyDecision) { ((), PolicyDecision(dose, reason: "start")) }

        func decide(after week: WeekObservation, state: inout Void) -> PolicyDecision {
            week.week < weeks ? PolicyDecision(dose, reason: "same") : PolicyDecision(.none, reason: "stopped")
        }
    }

    static func traces(
        _ policies: [any ProgressionPolicy], cohort: Cohort = BuiltInCohorts.chronic, persons: Int, weeks: Int,
        seed: UInt64, parameters: ModelParameters = perfectAdherence
    ) throws -> [[PersonTrace]] {
        let plan = SimulationPlan(
            cohort: cohort, policies: policies, persons: persons, weeks: weeks, seed: seed, parameters: parameters)
        return try (0..<persons).map { person in
            try policies.indices.map { try Simulator.trace(plan, policyIndex: $0, person: person) }
        }
    }

    @Test func moreSessionsDoneNeverGiveLessBenefit() throws {
        // Session days: 1 a week on day 0; 2 on days 0 and 3; 4 on days 0, 1, 3, 5:
        // each schedule's days contain the previous one's.
        let people = try Self.traces(
            [Walking(sessions: 1, minutes: 30), Walking(sessions: 2, minutes: 30), Walking(sessions: 4, minutes: 30)],
            persons: 150, weeks: 16, seed: 1101)
        for person in people {
            for week in 1...16 {
                let benefits = person.map { $0.weeks[week].outcome.benefit }
                let done = person.map { $0.weeks[week].outcome.sessionsDone }
                #expect(done == [1, 2, 4])
                #expect(benefits[0] <= benefits[1] && benefits[1] <= benefits[2], "week \(week): \(benefits)")
                #expect(benefits[0] > 0)
            }
        }
    }

    @Test func halfTheDoseGivesAtMostThreeQuartersOfTheBenefitAtWeek12() throws {
        let people = try Self.traces(
            [ControlPolicy(), Walking(sessions: 3, minutes: 30), Walking(sessions: 3, minutes: 15)],
            persons: 200, weeks: 12, seed: 1102)
        var fullReduction = 0.0, halfReduction = 0.0
        for person in people {
            let full = person[1].weeks[12].outcome, half = person[2].weeks[12].outcome
            #expect(half.load <= 0.55 * full.load, "half the minutes delivers about half the load")
            #expect(half.benefit <= 0.75 * full.benefit, "\(half.benefit) vs \(full.benefit)")
            fullReduction += person[0].weeks[12].outcome.latentPain - full.latentPain
            halfReduction += person[0].weeks[12].outcome.latentPain - half.latentPain
        }
        // In latent pain too, on average (soreness and flare-ups included).
        #expect(fullReduction > 0)
        #expect(halfReduction <= 0.75 * fullReduction, "\(halfReduction) vs \(fullReduction)")
    }

    @Test func benefitDecaysAfterDropout() throws {
        var p = ModelParameters.defaults
        p.dropoutBase = -1.5  // many drop out, so the test sees many
        let people = try Self.traces([GuidelinePolicy()], persons: 200, weeks: 30, seed: 1103, parameters: p)
        var dropped = 0, atDropoutSum = 0.0, sixWeeksLater = 0.0
        for trace in people.map({ $0[0] }) {
            let week = trace.weeks.last!.outcome.dropoutWeek
            guard week > 0 && week < 24, trace.weeks[week].outcome.benefit > 0 else { continue }
            dropped += 1
            let atDropout = trace.weeks[week].outcome.benefit
            for k in (week + 1)...30 {
                #expect(trace.weeks[k].outcome.sessionsDone == 0)
                #expect(trace.weeks[k].outcome.benefit < trace.weeks[k - 1].outcome.benefit)
            }
            atDropoutSum += atDropout
            sixWeeksLater += trace.weeks[week + 6].outcome.benefit
        }
        #expect(dropped > 50)
        // Six weeks later, on average, less than two thirds is left.
        #expect(sixWeeksLater < 2.0 / 3 * atDropoutSum, "\(sixWeeksLater / atDropoutSum)")
    }

    @Test func benefitFadesAfterStopping() throws {
        let people = try Self.traces([Walking(sessions: 3, minutes: 30, weeks: 12)], persons: 100, weeks: 30, seed: 1104)
        var atStop = 0.0, later = 0.0
        for trace in people.map({ $0[0] }) {
            atStop += trace.weeks[12].outcome.benefit
            later += trace.weeks[24].outcome.benefit
        }
        #expect(later < 0.25 * atStop, "12 weeks after stopping: \(later / atStop) of the benefit remains")
    }

    @Test func exerciseBringsNoBenefitInAcutePain() throws {
        let people = try Self.traces([Walking(sessions: 3, minutes: 30)], cohort: BuiltInCohorts.acute, persons: 100, weeks: 12, seed: 1105)
        for trace in people.map({ $0[0] }) {
            #expect(trace.weeks.allSatisfy { $0.outcome.benefit == 0 })
        }
    }

    /// A flat chronic course enrolled on a screening report ≥ 5: the control
    /// arm reports less afterwards than it did at screening, while a cohort
    /// enrolled on criteria everybody meets shows no such fall.
    @Test func enrolmentOnANoisyScreeningReportRegressesToTheMean() throws {
        func run(_ criteria: EnrolmentCriteria?) throws -> SimulationResult {
            var cohort = BuiltInCohorts.chronic
            cohort.criteria = criteria
            return try Simulator.run(SimulationPlan(
                cohort: cohort, policies: [ControlPolicy()], persons: 3_000, weeks: 12, seed: 1106, threads: 2))
        }
        let enrolled = try run(EnrolmentCriteria(screeningPain: 5...10))
        let everyone = try run(EnrolmentCriteria())
        let screening = enrolled.screeningReports!.mean!, week12 = enrolled.histogram("control", .pain, week: 12)
        #expect(enrolled.screened! > 3_000)
        #expect(screening - week12.mean > 0.3, "screening \(screening), week 12 \(week12.mean)")
        let allScreening = everyone.screeningReports!.mean!, allWeek12 = everyone.histogram("control", .pain, week: 12)
        #expect(everyone.screened == 3_000)
        #expect(abs(allScreening - allWeek12.mean) < 0.15, "screening \(allScreening), week 12 \(allWeek12.mean)")
    }

    /// Criteria everybody meets enrol candidates 0, 1, 2, …: exactly the
    /// cohort without criteria, figure for figure.
    @Test func criteriaThatAdmitEveryoneChangeNothing() throws {
        func run(_ criteria: EnrolmentCriteria?) throws -> SimulationResult {
            var cohort = BuiltInCohorts.mixed
            cohort.criteria = criteria
            return try Simulator.run(SimulationPlan(
                cohort: cohort, policies: [ControlPolicy(), GuidelinePolicy()], persons: 500, weeks: 8, seed: 1107, threads: 2))
        }
        let without = try run(nil), with = try run(EnrolmentCriteria())
        #expect(without.screened == nil && with.screened == 500)
        #expect(without.policies == with.policies)
    }

    @Test func screeningIsIdenticalForAnyThreadCount() throws {
        var cohort = BuiltInCohorts.mixed
        cohort.criteria = EnrolmentCriteria(screeningPain: 4...10, weeksSinceOnset: 2...1_000)
        func run(_ threads: Int) throws -> SimulationResult {
            try Simulator.run(SimulationPlan(
                cohort: cohort, policies: [ControlPolicy(), GuidelinePolicy()], persons: 300, weeks: 6,
                replications: 2, seed: 1108, threads: threads))
        }
        let one = try run(1), three = try run(3)
        #expect(one.policies == three.policies)
        #expect(one.screened == three.screened && one.screeningReports == three.screeningReports)
    }

    @Test func sustainedResponseNeedsTheCriterionAtTwoWeeksInARow() {
        let r30 = WeekOutcome.responds30
        #expect(WeekOutcome.sustained(r30, baseline: 10, previous: 7, report: 7))
        #expect(!WeekOutcome.sustained(r30, baseline: 10, previous: 8, report: 7))
        #expect(!WeekOutcome.sustained(r30, baseline: 10, previous: 7, report: 8))
        #expect(WeekOutcome.sustained(r30, baseline: 3, previous: 2, report: 0))  // 10·1 ≥ 3·3
        #expect(!WeekOutcome.sustained(r30, baseline: 0, previous: 0, report: 0))
        #expect(WeekOutcome.sustained(WeekOutcome.responds2pt, baseline: 6, previous: 4, report: 4))
        #expect(!WeekOutcome.sustained(WeekOutcome.responds2pt, baseline: 6, previous: 5, report: 3))
        #expect(WeekOutcome.sustained(WeekOutcome.responds50, baseline: 5, previous: 2, report: 2))  // 2·3 ≥ 5
        #expect(!WeekOutcome.sustained(WeekOutcome.responds50, baseline: 5, previous: 3, report: 2))
    }

    /// Nobody is a responder at week 1 (the week before is baseline), and the
    /// first response week is the first week of a sustained response.
    @Test func responseIsSustainedInTheEngine() throws {
        let result = try Runs.compare(cohort: "acute", policies: ["control"], persons: 1_000, weeks: 8, seed: 1109)
        #expect(result.histogram("control", .responder30, week: 1).mean == 0)
        #expect(result.histogram("control", .responder30, week: 2).mean > 0.1)
        let people = try Self.traces([ControlPolicy()], cohort: BuiltInCohorts.acute, persons: 100, weeks: 8, seed: 1109)
        for trace in people.map({ $0[0] }) {
            let baseline = trace.weeks[0].outcome.painReport
            let first = trace.weeks.last!.outcome.firstResponseWeek
            let sustainedWeeks = (1...8).filter { k in
                WeekOutcome.sustained(WeekOutcome.responds30, baseline: baseline,
                                      previous: trace.weeks[k - 1].outcome.painReport, report: trace.weeks[k].outcome.painReport)
            }
            #expect(first == (sustainedWeeks.first ?? 0))
        }
    }

    /// The course classes keep the condition's mean course: the persistent
    /// control arm's mean latent pain follows b·r(t) within Monte Carlo error.
    @Test func courseClassesKeepTheMeanCourse() throws {
        let p = ModelParameters.defaults
        let people = try Self.traces([ControlPolicy()], cohort: BuiltInCohorts.persistent, persons: 3_000, weeks: 26, seed: 1110, parameters: p)
        for week in [6, 13, 26] {
            var simulated = 0.0, expected = 0.0
            for trace in people.map({ $0[0] }) {
                simulated += trace.weeks[week].outcome.latentPain
                let t = Double(week) - 0.5  // the week's mean day, roughly
                expected += min(10, trace.traits.baselinePain) * p.persistentCourse.shape(atWeek: t)
            }
            #expect(abs(simulated / expected - 1) < 0.05, "week \(week): \(simulated / expected)")
        }
    }
}
