import BackSimCore
import Synchronization
import Testing

/// The trial planner's participants are the engine's persons: same
/// screening, same streams, same courses.
struct ParticipantSimulatorTests {
    final class Records: PersonWeekSink {
        let all = Mutex<[PersonWeekRecord]>([])
        func write(chunk: Int, records: [PersonWeekRecord]) throws { all.withLock { $0 += records } }
        func finish() throws {}
    }

    static func plan() throws -> SimulationPlan {
        var cohort = try #require(BuiltInCohorts.named("chronic"))
        cohort.criteria = EnrolmentCriteria(screeningPain: 5...10)
        return SimulationPlan(
            cohort: cohort, policies: [GuidelinePolicy(), ControlPolicy()], persons: 60, weeks: 8, seed: 23, threads: 2)
    }

    @Test("Screening admits the engine's enrolled persons, in order")
    func screeningMatchesEnrolment() throws {
        let plan = try Self.plan()
        let enrolment = try Enrolment(plan)
        let simulator = try ParticipantSimulator(plan)
        var admitted: [Int] = []
        var candidate = 0
        while admitted.count < plan.persons {
            if simulator.screens(PersonID(seed: plan.seed, replication: 0, index: candidate)) { admitted.append(candidate) }
            candidate += 1
        }
        #expect(admitted == (0..<plan.persons).map { enrolment.person(seed: plan.seed, replication: 0, index: $0).index })
        #expect(candidate == enrolment.screened)
        #expect(candidate > plan.persons, "criteria that admit everyone test nothing")
    }

    @Test("A participant's visit week is the engine's week for the same person and policy")
    func coursesMatchTheEngine() throws {
        let plan = try Self.plan()
        let records = Records()
        _ = try Simulator.run(plan, perPerson: records)
        let enrolment = try Enrolment(plan)
        let simulator = try ParticipantSimulator(plan)
        for person in [0, 7, 59] {
            let id = enrolment.person(seed: plan.seed, replication: 0, index: person)
            for policy in 0..<2 {
                let course = simulator.course(id, policyIndex: policy)
                // Per-person rows name the stream identity (the candidate index).
                let rows = records.all.withLock { $0 }.filter { $0.person == id.index && $0.policy == policy }
                let baseline = try #require(rows.first { $0.week == 0 })
                let visit = try #require(rows.first { $0.week == plan.weeks })
                #expect(Int(course.baseline) == baseline.pain && Int(course.visit) == visit.pain)
                #expect((course.dropoutWeek == 0) == visit.inProgramme || policy == 1)
            }
        }
        #expect(simulator.prescribesProgramme(policyIndex: 0) && !simulator.prescribesProgramme(policyIndex: 1))
    }
}
