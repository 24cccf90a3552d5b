import BackSimCore
import Testing

/// A shard of a cohort with enrolment criteria screens only what its
/// persons need and holds only their candidates, yet enrols exactly the
/// single run's persons; its screening counts add up to the single run's.
@Suite struct ShardEnrolmentTests {
    static func plan() throws -> SimulationPlan {
        var cohort = try #require(BuiltInCohorts.named("chronic"))
        cohort.criteria = EnrolmentCriteria(screeningPain: 5...10)
        return SimulationPlan(
            cohort: cohort, policies: [GuidelinePolicy(), ControlPolicy()], persons: 200, weeks: 2, replications: 3,
            seed: 41, threads: 1)
    }

    @Test("Each of 7 shards holds only its own candidates, screens no replication it does not touch, and enrols the single run's persons")
    func shardsScreenTheirPart() throws {
        let plan = try Self.plan()
        let whole = try Enrolment(plan)
        #expect(whole.candidatesHeld == plan.simulatedPersons)
        #expect(whole.candidatesScreened == whole.screened)
        #expect(whole.screened > plan.simulatedPersons, "criteria that admit everyone test nothing")
        var screened = 0
        var reports = CountHistogram(range: 0...10)
        for index in 0..<7 {
            let persons = ShardSplit.persons(total: plan.simulatedPersons, index: index, count: 7)
            let part = try Enrolment(plan, persons: persons)
            #expect(part.candidatesHeld == persons.count)
            // Screening work: at most the touched replications, each only up
            // to the candidate of the part's last person in it.
            let replications = (persons.lowerBound / plan.persons)...((persons.upperBound - 1) / plan.persons)
            var bound = 0
            for replication in replications {
                let last = min(persons.upperBound - replication * plan.persons, plan.persons) - 1
                bound += whole.person(seed: plan.seed, replication: replication, index: last).index + 1
            }
            #expect(part.candidatesScreened == bound)
            #expect(part.candidatesScreened < whole.screened)
            for unit in persons {
                let (replication, person) = (unit / plan.persons, unit % plan.persons)
                #expect(part.person(seed: plan.seed, replication: replication, index: person)
                    == whole.person(seed: plan.seed, replication: replication, index: person))
            }
            screened += part.screened
            reports.merge(part.screeningReports)
        }
        #expect(screened == whole.screened)
        #expect(reports == whole.screeningReports)
    }

    @Test("Without criteria a shard screens and holds nothing")
    func noCriteria() throws {
        var plan = try Self.plan()
        plan.cohort.criteria = nil
        let part = try Enrolment(plan, persons: 64..<128)
        #expect(part.candidatesHeld == 0 && part.candidatesScreened == 0 && part.screened == 0)
        #expect(part.person(seed: plan.seed, replication: 0, index: 100).index == 100)
    }
}
