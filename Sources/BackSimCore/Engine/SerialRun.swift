import Stochastics

/// Persons of a plan simulated on the calling thread, without the thread
/// machinery of ``Simulator/run(_:progress:)``: the same worker, streams,
/// engine and accumulators, so its figures equal that run's.
///
/// For the benchmarks in `Benchmarks/` only (time per person-week of one
/// policy, allocations in the hot loop after warm-up, random draws per
/// person-week). Not part of the supported API: import it with
/// `@_spi(Benchmarks) import BackSimCore`.
@_spi(Benchmarks)
public final class SerialRun {
    let worker: Worker

    /// Allocates one worker for `plan` (its `threads` is ignored).
    /// - Parameter drawsThroughGSL: every draw through GSL's generic
    ///   interface instead of the inlined Swift generator (the baseline of
    ///   the person-week benchmarks, and what `DrawCount` counts); the
    ///   values, hence the result, are the same.
    /// - Parameter exponential: the model's exponential function; DrawCount
    ///   passes one that counts its calls (``Exponential/init(countingInto:)``).
    public init(
        _ plan: SimulationPlan, drawsThroughGSL: Bool = false, exponential: Exponential = Exponential()
    ) throws {
        GSLRuntime.prepare()
        worker = try Worker(
            plan: plan, enrolment: Enrolment(plan), drawsThroughGSL: drawsThroughGSL, exponential: exponential)
    }

    /// Simulates `units` (unit = replication × persons + person) under every
    /// policy of the plan in turn, accumulating into this run's outcomes.
    public func simulate(units: Range<Int>) {
        precondition(units.lowerBound >= 0 && units.upperBound <= worker.plan.simulatedPersons,
                     "units out of range")
        for unit in units { worker.simulate(unit: unit) }
        worker.flush()
    }

    /// Records person-weeks without simulating them, through the engine's
    /// own recording path (the per-policy accumulators and the paired
    /// per-person values): `persons[i][p]` are person i's weeks, 0 first, under
    /// the plan's policy p. The benchmarks time it for recording's share of a
    /// person-week.
    /// - Precondition: each person has one week list per policy of the plan,
    ///   each weeks 0 … `plan.weeks` in order.
    public func record(_ persons: [[[WeekOutcome]]]) {
        for person in persons {
            precondition(person.count == worker.plan.policies.count, "one week list per policy")
            for weeks in person {
                precondition(weeks.count == worker.plan.weeks + 1, "weeks 0…W in order")
                for (week, outcome) in weeks.enumerated() { precondition(outcome.week == week, "weeks 0…W in order") }
            }
            worker.record(person: person)
        }
        worker.flush()
    }

    /// What has been accumulated so far, as ``Simulator/run(_:progress:)``
    /// reports it; after every unit of the plan, equal to that run's result.
    public func result() -> SimulationResult {
        SimulationResult(plan: worker.plan, groups: worker.groups, enrolment: worker.enrolment)
    }
}
