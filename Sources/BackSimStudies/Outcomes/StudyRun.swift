import BackSimCore
import Synchronization

/// One simulation of a study: a plan run once, its persons' values at one
/// week tallied per policy and per pair of policies.
public enum StudyRun {
    /// Runs `plan` (only `persons`, replication × persons + person, when
    /// given: one shard's) and tallies `outcomes` at `week` (0…plan.weeks).
    ///
    /// Persons are keyed as in `compare` (seed, replication, person), so two
    /// calls that differ only in parameters or policies meet the same persons
    /// with the same luck, and tallies of disjoint person ranges add up to
    /// the whole run's.
    public static func tally(
        _ plan: SimulationPlan, outcomes: [StudyOutcome], week: Int, persons: Range<Int>? = nil
    ) throws -> OutcomeTally {
        precondition((0...plan.weeks).contains(week), "week outside the horizon")
        let sink = TallySink(outcomes: outcomes, policies: plan.policies.count, week: week, persons: plan.persons)
        if let persons {
            _ = try Simulator.runPart(plan, persons: persons, perPerson: sink)
        } else {
            _ = try Simulator.run(plan, perPerson: sink)
        }
        return sink.total.withLock { $0 }
    }
}

/// Receives each chunk's person-week records and tallies them; chunks
/// arrive from worker threads in any order, and integer sums make the total
/// independent of it.
final class TallySink: PersonWeekSink {
    let outcomes: [StudyOutcome]
    let policies: Int
    let week: Int
    let persons: Int
    let total: Mutex<OutcomeTally>

    init(outcomes: [StudyOutcome], policies: Int, week: Int, persons: Int) {
        self.outcomes = outcomes
        self.policies = policies
        self.week = week
        self.persons = persons
        total = Mutex(OutcomeTally(outcomes: outcomes.count, policies: policies))
    }

    func write(chunk: Int, records: [PersonWeekRecord]) throws {
        var tally = OutcomeTally(outcomes: outcomes.count, policies: policies)
        var values = [Int](repeating: 0, count: outcomes.count * policies)
        var running = [PersonValue](repeating: PersonValue(), count: outcomes.count)
        var index = 0
        // Records come person by person, each person's policies in order and
        // each policy's weeks 0…W in order.
        while index < records.count {
            let first = records[index]
            for policy in 0..<policies {
                for outcome in outcomes.indices { running[outcome] = PersonValue() }
                while index < records.count, records[index].policy == policy,
                      records[index].person == first.person, records[index].replication == first.replication {
                    for outcome in outcomes.indices {
                        if let value = running[outcome].read(records[index], week: week, outcomes[outcome].measure) {
                            values[outcome * policies + policy] = value
                        }
                    }
                    index += 1
                }
            }
            tally.record(values, half: (first.replication * persons + first.person) & 1)
        }
        total.withLock { $0.merge(tally) }
    }

    func finish() throws {}
}
