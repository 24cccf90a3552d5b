@_spi(Benchmarks) import BackSimCore
import Synchronization

/// The plans the suite measures: the `mixed` cohort, seed 1, default
/// parameters, policies by the labels users write.
public enum Plans {
    /// Every built-in policy at its default value (what `backsim compare` runs).
    public static var builtInLabels: [String] { PolicyCatalogue.defaultLabels }

    public static func plan(
        policies: [String], persons: Int, weeks: Int, threads: Int = 1, cohort: String = "mixed", seed: UInt64 = 1
    ) -> SimulationPlan {
        guard let cohort = BuiltInCohorts.named(cohort) else { fatalError("unknown cohort \(cohort)") }
        let policies = policies.map { label -> any ProgressionPolicy in
            do { return try PolicyCatalogue.policy(label) } catch { fatalError("\(error)") }
        }
        return SimulationPlan(
            cohort: cohort, policies: policies, persons: persons, weeks: weeks, replications: 1, seed: seed,
            threads: threads)
    }

    /// Runs `plan` with the engine's threads (``Simulator/run(_:progress:)``).
    public static func run(_ plan: SimulationPlan) -> SimulationResult {
        do { return try Simulator.run(plan) } catch { fatalError("\(error)") }
    }

    /// Reads every person of `plan` at its horizon, as a study does
    /// (`Simulator.read(_:atWeek:persons:into:)`); returns the persons read.
    public static func readAtHorizon(_ plan: SimulationPlan) -> Int {
        let sink = CountingSink()
        do { try Simulator.read(plan, atWeek: plan.weeks, into: sink) } catch { fatalError("\(error)") }
        return sink.count.load(ordering: .relaxed)
    }

    /// Counts the values a study would tally, and keeps nothing.
    final class CountingSink: PersonAtWeekSink {
        let count = Atomic<Int>(0)
        func write(chunk: Int, persons: [PersonAtWeek]) throws { count.add(persons.count, ordering: .relaxed) }
    }

    /// Runs every unit of `plan` on the calling thread (``SerialRun``).
    /// - Parameter drawsThroughGSL: the baseline: every draw a GSL call
    ///   (the engine before its Swift generator; the same result).
    @_spi(Benchmarks) public static func runSerially(_ plan: SimulationPlan, drawsThroughGSL: Bool = false) -> SerialRun {
        let run = serialRun(plan, drawsThroughGSL: drawsThroughGSL)
        run.simulate(units: 0..<plan.simulatedPersons)
        return run
    }

    /// A single-threaded run of `plan`, nothing simulated yet.
    @_spi(Benchmarks) public static func serialRun(
        _ plan: SimulationPlan, drawsThroughGSL: Bool = false, exponential: Exponential = Exponential()
    ) -> SerialRun {
        do { return try SerialRun(plan, drawsThroughGSL: drawsThroughGSL, exponential: exponential) } catch {
            fatalError("\(error)")
        }
    }
}

/// A 64-bit FNV-1a digest of every count of every histogram of a result:
/// equal digests mean identical figures (used to check that performance
/// work leaves results byte-identical).
public func digest(_ result: SimulationResult) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    func mix(_ value: Int64) {
        var v = UInt64(bitPattern: value)
        for _ in 0..<8 {
            hash = (hash ^ (v & 0xFF)) &* 0x0000_0100_0000_01B3
            v >>= 8
        }
    }
    for policy in result.policies {
        for series in policy.series {
            for week in series.weeks {
                mix(Int64(week.lowest))
                for count in week.counts { mix(count) }
            }
        }
    }
    return hash
}
