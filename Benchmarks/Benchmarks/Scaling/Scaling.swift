// Scaling: `guideline` on the `mixed` cohort, persons 10^3 to 10^6 at 52
// weeks and weeks 12 to 104 at 20,000 persons, each on 1 and 2 threads. The
// summary fits time = a + b × person-weeks over each series.
import Benchmark
import BenchmarkSupport
import SuiteSupport

let benchmarks: @Sendable () -> Void = {
    for threads in [1, 2] {
        let suffix = "\(threads) thread\(threads == 1 ? "" : "s")"
        for persons in [1_000, 10_000, 100_000, 1_000_000] {
            let large = persons >= 1_000_000
            runBenchmark(
                "scaling persons: \(persons) x 52, \(suffix)",
                policies: ["guideline"], persons: persons, weeks: 52, threads: threads,
                warmupIterations: large ? 0 : 1, maxIterations: large ? 1 : persons >= 100_000 ? 3 : 15,
                maxSeconds: persons >= 100_000 ? 30 : 3)
        }
        for weeks in [12, 26, 52, 104] {
            runBenchmark(
                "scaling weeks: 20000 x \(weeks), \(suffix)",
                policies: ["guideline"], persons: 20_000, weeks: weeks, threads: threads,
                warmupIterations: 1, maxIterations: 5, maxSeconds: 10)
        }
    }
}
