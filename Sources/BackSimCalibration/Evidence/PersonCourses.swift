import BackSimCore
import Synchronization

/// Tallies of the targets that need each person's weekly reports in turn
/// (cumulative shares, monthly patterns, times to recovery), fed by the
/// engine's per-person records as each chunk of people finishes.
///
/// Only exact integer counts are kept, so the tallies do not depend on the
/// order chunks arrive in or on the thread count; memory is one tally per
/// target (at most one count per week), whatever the number of people.
final class PersonCourses: PersonWeekSink, Sendable {
    /// One target measured on the run.
    struct Measure: Sendable {
        let definition: OutcomeDefinition
        /// Index of the policy in the plan, and of the reference arm if any.
        let policy: Int
        let versus: Int?
        /// The cohort week the share is measured at, or the horizon a time
        /// to recovery is censored at.
        let week: Int
    }

    /// Exact counts over persons for one measure.
    struct Tally: Sendable, Equatable {
        var persons: Int64 = 0
        /// Persons counted under the policy and under the reference arm.
        var hits: Int64 = 0
        var versusHits: Int64 = 0
        /// Σ (x − y)² of the per-person paired differences (x, y ∈ {0, 1}).
        var differenceSquares: Int64 = 0
        /// Time to recovery: persons by first week in the state, 1…H, and
        /// at index H + 1 those not in it by the horizon H (index 0 unused).
        var firstWeeks: [Int64] = []

        mutating func merge(_ other: Tally) {
            persons += other.persons
            hits += other.hits
            versusHits += other.versusHits
            differenceSquares += other.differenceSquares
            for index in other.firstWeeks.indices { firstWeeks[index] += other.firstWeeks[index] }
        }
    }

    let measures: [Measure]
    /// The plan's horizon and number of policies (records per person).
    let weeks: Int
    let policies: Int
    private let state: Mutex<[Tally]>

    init(measures: [Measure], weeks: Int, policies: Int) {
        self.measures = measures
        self.weeks = weeks
        self.policies = policies
        state = Mutex(Self.empty(measures))
    }

    private static func empty(_ measures: [Measure]) -> [Tally] {
        measures.map { measure in
            if case .timeToRecovery = measure.definition {
                return Tally(firstWeeks: Array(repeating: 0, count: measure.week + 2))
            }
            return Tally()
        }
    }

    /// The tallies so far (complete after the run).
    var tallies: [Tally] { state.withLock { $0 } }

    func write(chunk: Int, records: [PersonWeekRecord]) throws {
        var local = Self.empty(measures)
        let run = weeks + 1
        let block = policies * run
        var reports = [Int](repeating: 0, count: block)
        var start = 0
        // Records come person by person, each person's policies in turn, each
        // policy's weeks 0…W in order (`PersonWeekSink`).
        while start + block <= records.count {
            for index in 0..<block {
                let record = records[start + index]
                precondition(record.policy == index / run && record.week == index % run, "per-person records out of order")
                reports[index] = record.pain
            }
            for (index, measure) in measures.enumerated() {
                Self.tally(measure, reports: reports, run: run, into: &local[index])
            }
            start += block
        }
        precondition(start == records.count, "a chunk holds whole persons")
        state.withLock { tallies in
            for index in tallies.indices { tallies[index].merge(local[index]) }
        }
    }

    func finish() throws {}

    /// Adds one person to `tally`.
    static func tally(_ measure: Measure, reports: [Int], run: Int, into tally: inout Tally) {
        func course(_ policy: Int) -> ArraySlice<Int> {
            reports[(policy * run)...(policy * run + measure.week)]
        }
        func counted(_ policy: Int) -> Bool {
            switch measure.definition {
            case .cumulativeShare(let state, _): state.firstWeek(course(policy)) != nil
            case .monthlyPattern(let rule): rule.holds(course(policy))
            default: false
            }
        }
        tally.persons += 1
        if case .timeToRecovery(let state, _) = measure.definition {
            tally.firstWeeks[state.firstWeek(course(measure.policy)) ?? measure.week + 1] += 1
            return
        }
        let x = counted(measure.policy)
        if x { tally.hits += 1 }
        if let versus = measure.versus {
            let y = counted(versus)
            if y { tally.versusHits += 1 }
            if x != y { tally.differenceSquares += 1 }
        }
    }
}
