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
        let sink = TallySink(outcomes: outcomes, policies: plan.policies.count, persons: plan.persons)
        try Simulator.read(plan, atWeek: week, persons: persons, into: sink)
        return sink.total.withLock { $0 }
    }
}

/// Receives each chunk's persons at the week and tallies them; chunks
/// arrive from worker threads in any order, and integer sums make the total
/// independent of it.
final class TallySink: PersonAtWeekSink {
    let outcomes: [StudyOutcome]
    let policies: Int
    let persons: Int
    let total: Mutex<OutcomeTally>

    init(outcomes: [StudyOutcome], policies: Int, persons: Int) {
        self.outcomes = outcomes
        self.policies = policies
        self.persons = persons
        total = Mutex(OutcomeTally(outcomes: outcomes.count, policies: policies))
    }

    func write(chunk: Int, persons values: [PersonAtWeek]) throws {
        var tally = OutcomeTally(outcomes: outcomes.count, policies: policies)
        var row = [Int](repeating: 0, count: outcomes.count * policies)
        // Values come person by person, each person's policies in order.
        for first in stride(from: 0, to: values.count, by: policies) {
            for policy in 0..<policies {
                let value = values[first + policy]
                for outcome in outcomes.indices {
                    if let number = outcomes[outcome].measure.value(value) { row[outcome * policies + policy] = number }
                }
            }
            let person = values[first]
            tally.record(row, half: (person.replication * persons + person.person) & 1)
        }
        total.withLock { $0.merge(tally) }
    }
}
