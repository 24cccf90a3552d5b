import Benchmark
import BackSimCore
import BenchmarkSupport

/// Metrics of a whole run (`Simulator.run`, the engine's threads).
public enum RunMetrics {
    public static let personWeeksPerSecond = BenchmarkMetric.custom(
        "person-weeks per second", polarity: .prefersLarger, useScalingFactor: false)
    public static let nanosecondsPerPersonWeek = BenchmarkMetric.custom(
        "ns per person-week (wall)", useScalingFactor: false)
    public static let peakResidentMegabytes = BenchmarkMetric.custom(
        "peak resident memory (MB, getrusage)", useScalingFactor: false)
}

/// A benchmark of one whole run of `policies` over `persons` × `weeks` of the
/// `mixed` cohort with `threads` worker threads; each measured iteration is
/// recorded (``Records``) under `name` with its configuration.
public func runBenchmark(
    _ name: String, policies: [String], persons: Int, weeks: Int, threads: Int,
    warmupIterations: Int = 1, maxIterations: Int = 10, maxSeconds: Int = 5,
    extraMetrics: [BenchmarkMetric] = [], study: Bool = false
) {
    let plan = Plans.plan(policies: policies, persons: persons, weeks: weeks, threads: threads)
    Benchmark(
        name,
        configuration: .init(
            metrics: [.wallClock, .cpuTotal, RunMetrics.personWeeksPerSecond, RunMetrics.nanosecondsPerPersonWeek,
                      RunMetrics.peakResidentMegabytes] + extraMetrics,
            warmupIterations: warmupIterations, maxDuration: .seconds(maxSeconds), maxIterations: maxIterations)
    ) { benchmark in
        var result: SimulationResult?, read = 0
        // A study reads each person at the horizon instead of accumulating.
        let elapsed = seconds { if study { read = Plans.readAtHorizon(plan) } else { result = Plans.run(plan) } }
        blackHole(result)
        blackHole(read)
        let personWeeks = Double(plan.personWeeks)
        let peak = peakResidentBytes()
        benchmark.measurement(RunMetrics.personWeeksPerSecond, Int(personWeeks / elapsed))
        benchmark.measurement(RunMetrics.nanosecondsPerPersonWeek, Int((elapsed / personWeeks * 1e9).rounded()))
        benchmark.measurement(RunMetrics.peakResidentMegabytes, Int((peak / 1e6).rounded()))
        if benchmark.currentIteration >= benchmark.configuration.warmupIterations {
            Records.append(name, [
                "seconds": elapsed, "person_weeks": personWeeks, "persons": Double(persons), "weeks": Double(weeks),
                "threads": Double(threads), "policies": Double(policies.count), "peak_resident_bytes": peak,
            ])
        }
    }
}
