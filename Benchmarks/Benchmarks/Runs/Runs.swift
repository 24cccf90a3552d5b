// Whole runs through the engine's public entry point (`Simulator.run`, what
// `backsim run` and `backsim compare` call): the `mixed` cohort, 10,000
// persons × 52 weeks, `guideline` alone and a `compare` of every built-in
// policy, on one thread and on both cores; and what a study runs
// (`Simulator.read`, every policy read at the horizon), on one thread.
import Benchmark
import BenchmarkSupport
import SuiteSupport

let benchmarks: @Sendable () -> Void = {
    for threads in [1, 2] {
        runBenchmark(
            "run: guideline, 10000 x 52, \(threads) thread\(threads == 1 ? "" : "s")",
            policies: ["guideline"], persons: 10_000, weeks: 52, threads: threads,
            warmupIterations: 1, maxIterations: 15, maxSeconds: 6)
        runBenchmark(
            "compare: every built-in policy, 10000 x 52, \(threads) thread\(threads == 1 ? "" : "s")",
            policies: Plans.builtInLabels, persons: 10_000, weeks: 52, threads: threads,
            warmupIterations: 0, maxIterations: 3, maxSeconds: 30)
    }
    // What `psa`, `sweep` and `owsa` run per draw or point.
    runBenchmark(
        "study: every built-in policy read at week 52, 10000 x 52, 1 thread",
        policies: Plans.builtInLabels, persons: 10_000, weeks: 52, threads: 1,
        warmupIterations: 0, maxIterations: 3, maxSeconds: 30, study: true)
}
