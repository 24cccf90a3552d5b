// Memory: a `compare` of every built-in policy over 1,000,000 persons × 52
// weeks of the `mixed` cohort on both cores, once; its peak resident memory
// must stay under 512 MB (outcomes stream into fixed-size histograms, so
// memory does not grow with persons × weeks). The longest benchmark.
import Benchmark
import BenchmarkSupport
import SuiteSupport

let benchmarks: @Sendable () -> Void = {
    runBenchmark(
        "memory: compare every built-in policy, 1000000 x 52, 2 threads",
        policies: Plans.builtInLabels, persons: 1_000_000, weeks: 52, threads: 2,
        warmupIterations: 0, maxIterations: 1, maxSeconds: 1,
        extraMetrics: [.peakMemoryResident, .mallocCountTotal])
}
