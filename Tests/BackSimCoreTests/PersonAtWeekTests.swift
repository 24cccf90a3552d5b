@testable import BackSimCore
import Synchronization
import Testing

/// A study's reading at one week (``Simulator/read(_:atWeek:persons:into:)``,
/// which stops each person at the week and accumulates nothing) gives exactly
/// what the full run's per-person records give at that week.
@Suite struct PersonAtWeekTests {
    final class Records: PersonWeekSink {
        let chunks = Mutex<[Int: [PersonWeekRecord]]>([:])
        func write(chunk: Int, records: [PersonWeekRecord]) throws { chunks.withLock { $0[chunk] = records } }
        func finish() throws {}
        var ordered: [PersonWeekRecord] { chunks.withLock { c in c.keys.sorted().flatMap { c[$0]! } } }
    }

    final class Values: PersonAtWeekSink {
        let chunks = Mutex<[Int: [PersonAtWeek]]>([:])
        func write(chunk: Int, persons: [PersonAtWeek]) throws { chunks.withLock { $0[chunk] = persons } }
        var ordered: [PersonAtWeek] { chunks.withLock { c in c.keys.sorted().flatMap { c[$0]! } } }
    }

    /// What the records of weeks 0…`week` say, person by person and policy by policy.
    static func expected(_ records: [PersonWeekRecord], week: Int) -> [PersonAtWeek] {
        var values: [PersonAtWeek] = []
        for record in records where record.week <= week {
            if record.week == 0 {
                values.append(PersonAtWeek(
                    replication: record.replication, person: record.person, policy: record.policy, pain: 0,
                    disability: 0, baselinePain: record.pain, baselineDisability: record.disability,
                    inProgramme: true, flareUpWeeks: 0, sessionsDone: 0))
            } else {
                values[values.count - 1].flareUpWeeks += record.flareUp ? 1 : 0
                values[values.count - 1].sessionsDone += record.sessionsDone
            }
            if record.week == week {
                values[values.count - 1].pain = record.pain
                values[values.count - 1].disability = record.disability
                values[values.count - 1].inProgramme = record.inProgramme
            }
        }
        return values
    }

    static func plan(criteria: Bool, threads: Int) throws -> SimulationPlan {
        var cohort = try #require(BuiltInCohorts.named("mixed"))
        if criteria { cohort.criteria = EnrolmentCriteria(screeningPain: 5...10) }
        return SimulationPlan(
            cohort: cohort, policies: [ControlPolicy(), GuidelinePolicy(), PercentPolicy(percent: 10)], persons: 150,
            weeks: 12, replications: 2, seed: 2026, threads: threads)
    }

    @Test("Values at weeks 0, 1, 7 and the horizon equal the per-person records', with and without enrolment criteria, on 1 and 2 threads",
          arguments: [false, true], [1, 2])
    func equalsRecords(criteria: Bool, threads: Int) throws {
        let plan = try Self.plan(criteria: criteria, threads: threads)
        let records = Records()
        _ = try Simulator.run(plan, perPerson: records)
        let all = records.ordered
        #expect(all.count == plan.simulatedPersons * 3 * 13)
        for week in [0, 1, 7, 12] {
            let values = Values()
            try Simulator.read(plan, atWeek: week, into: values)
            let read = values.ordered
            let expected = Self.expected(all, week: week)
            #expect(read.count == plan.simulatedPersons * 3)
            #expect(read == expected, "week \(week)")
        }
        // Not vacuous: flare-ups and sessions happen by week 12.
        let horizon = Self.expected(all, week: 12)
        #expect(horizon.contains { $0.flareUpWeeks > 0 } && horizon.contains { $0.sessionsDone > 0 })
        #expect(horizon.contains { !$0.inProgramme })
    }

    @Test("A part's values are the whole run's for its persons")
    func partsAreTheWholesPersons() throws {
        let plan = try Self.plan(criteria: true, threads: 2)
        let whole = Values()
        try Simulator.read(plan, atWeek: 9, into: whole)
        var parts: [PersonAtWeek] = []
        for index in 0..<3 {
            let part = Values()
            try Simulator.read(plan, atWeek: 9, persons: ShardSplit.persons(total: plan.simulatedPersons, index: index, count: 3),
                               into: part)
            parts += part.ordered
        }
        #expect(parts == whole.ordered)
    }
}
