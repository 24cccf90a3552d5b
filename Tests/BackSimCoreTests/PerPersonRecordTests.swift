import BackSimCore
import Synchronization
import Testing

/// The per-person stream holds exactly what `trace` shows for each person.
@Suite struct PerPersonRecordTests {
    final class Collector: PersonWeekSink {
        let chunks = Mutex<[Int: [PersonWeekRecord]]>([:])
        let finished = Mutex(false)
        func write(chunk: Int, records: [PersonWeekRecord]) throws { chunks.withLock { $0[chunk] = records } }
        func finish() throws { finished.withLock { $0 = true } }
        var ordered: [PersonWeekRecord] {
            chunks.withLock { chunks in chunks.keys.sorted().flatMap { chunks[$0]! } }
        }
    }

    @Test func recordsEqualTracesPersonByPerson() throws {
        let plan = SimulationPlan(
            cohort: BuiltInCohorts.mixed, policies: [ControlPolicy(), GuidelinePolicy()], persons: 70, weeks: 5,
            replications: 2, seed: 12, threads: 2)
        let collector = Collector()
        _ = try Simulator.run(plan, perPerson: collector)
        #expect(collector.finished.withLock { $0 })
        let records = collector.ordered
        #expect(records.count == 2 * 70 * 2 * 6)
        var index = 0
        for replication in 0..<2 {
            for person in 0..<70 {
                for policy in 0..<2 {
                    let trace = try Simulator.trace(plan, policyIndex: policy, person: person, replication: replication)
                    for week in trace.weeks {
                        let record = records[index]
                        index += 1
                        let same = record.replication == replication && record.person == person && record.policy == policy
                            && record.week == week.outcome.week && record.pain == week.outcome.painReport
                            && record.disability == week.outcome.disability && record.load == week.outcome.load
                            && record.sessionsDone == week.outcome.sessionsDone && record.inProgramme == week.outcome.retained
                            && record.flareUp == week.outcome.flareUpThisWeek && record.profile == trace.traits.profileIndex
                        #expect(same, "replication \(replication) person \(person) policy \(policy) week \(week.outcome.week)")
                    }
                }
            }
        }
    }
}
