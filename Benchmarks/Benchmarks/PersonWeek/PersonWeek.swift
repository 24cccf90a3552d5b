// One person-week of the full model, per policy family, on one thread and
// without the thread machinery (SerialRun): the `mixed` cohort, 1,000 persons
// × 52 weeks per iteration, so a person-week here includes its share of the
// per-person work (traits, stream starts, baseline week).
//
// And the hot loop's allocations: after warm-up, simulating people under
// every built-in policy must not allocate at all. The benchmark counts the
// allocations of its measured loop with the malloc interposer and stops the
// suite if there is one.
import Benchmark
@_spi(Benchmarks) import BackSimCore
@_spi(Benchmarks) import BenchmarkSupport
import Foundation
import MallocInterposerSwift

let persons = 1_000, weeks = 52
let nanosecondsPerPersonWeek = BenchmarkMetric.custom("ns per person-week", useScalingFactor: false)
let personWeeksPerSecond = BenchmarkMetric.custom(
    "person-weeks per second", polarity: .prefersLarger, useScalingFactor: false)
let allocationsPerThousandPersonWeeks = BenchmarkMetric.custom(
    "mallocs per 1000 person-weeks (after warm-up)", useScalingFactor: false)

/// What is measured: the `mixed` cohort under every built-in policy, and the
/// numpy comparison's work (`chronic` × `control`, `fixed`); each with the
/// engine's Swift generator and with every draw through GSL (the baseline,
/// "before": the same results, digest-checked in `backsim-profile`).
/// `chronic × control, fixed` is that work as one plan (each person under
/// both, with their paired differences), as the numpy figure and issue #15's
/// target count it.
let cases: [(cohort: String, labels: [String])] = Plans.builtInLabels.map { ("mixed", [$0]) }
    + [("chronic", ["control"]), ("chronic", ["fixed"]), ("chronic", ["control", "fixed"])]

let benchmarks: @Sendable () -> Void = {
    for (cohort, labels, throughGSL) in cases.flatMap({ c in [false, true].map { (c.cohort, c.labels, $0) } }) {
        let label = labels.joined(separator: ", ")
        let subject = cohort == "mixed" ? label : "\(cohort) × \(label)"
        let name = throughGSL ? "person-week before (draws through GSL): \(subject)" : "person-week: \(subject)"
        Benchmark(
            name,
            configuration: .init(
                metrics: [.wallClock, nanosecondsPerPersonWeek, personWeeksPerSecond], warmupIterations: 2,
                maxDuration: .seconds(2), maxIterations: 40)
        ) { benchmark, run in
            let elapsed = seconds { run.simulate(units: 0..<persons) }
            let personWeeks = Double(persons * weeks * labels.count)
            benchmark.measurement(nanosecondsPerPersonWeek, Int((elapsed / personWeeks * 1e9).rounded()))
            benchmark.measurement(personWeeksPerSecond, Int(personWeeks / elapsed))
            if benchmark.currentIteration >= benchmark.configuration.warmupIterations {
                Records.append(name, [
                    "seconds": elapsed, "person_weeks": personWeeks, "persons": Double(persons),
                    "weeks": Double(weeks), "threads": 1, "policies": Double(labels.count),
                ])
            }
        } setup: {
            Plans.serialRun(
                Plans.plan(policies: labels, persons: persons, weeks: weeks, cohort: cohort),
                drawsThroughGSL: throughGSL)
        }
    }

    // Zero allocations per simulated person-day once warmed up.
    let pool = 1_000_000, batch = 100, warmUp = 20
    Benchmark(
        "hot loop allocations: every built-in policy",
        configuration: .init(
            metrics: [.mallocCountTotal, .wallClock, allocationsPerThousandPersonWeeks], warmupIterations: 1,
            maxDuration: .seconds(2), maxIterations: 20)
    ) { (benchmark: Benchmark, state: (run: SerialRun, cursor: Cursor)) in
        let run = state.run
        let start = state.cursor.next
        state.cursor.next = (start + batch) % (pool - batch)
        benchmark.startMeasurement()
        let before = MallocInterposerSwift.getStatistics().mallocCount
        run.simulate(units: start..<(start + batch))
        let after = MallocInterposerSwift.getStatistics().mallocCount
        benchmark.stopMeasurement()
        // A probe: one allocation must be seen, or the interposer is not counting.
        let probeStart = MallocInterposerSwift.getStatistics().mallocCount
        let probe = malloc(64)
        blackHole(probe)
        let probed = MallocInterposerSwift.getStatistics().mallocCount
        free(probe)
        let allocations = after - before
        let personWeeks = Double(batch * weeks * Plans.builtInLabels.count)
        benchmark.measurement(allocationsPerThousandPersonWeeks, Int(Double(allocations) / personWeeks * 1000))
        let counting = probed - probeStart == 1
        precondition(!counting || allocations == 0,
                     "the hot loop allocated \(allocations) times in \(Int(personWeeks)) person-weeks")
        // Warm-up iterations run before the benchmark starts counting mallocs.
        guard benchmark.currentIteration >= benchmark.configuration.warmupIterations else { return }
        Records.append("hot loop allocations: every built-in policy", [
            "allocations": Double(allocations), "person_weeks": personWeeks, "counting": counting ? 1 : 0,
        ])
    } setup: {
        let run = Plans.serialRun(Plans.plan(policies: Plans.builtInLabels, persons: pool, weeks: weeks))
        run.simulate(units: 0..<warmUp)
        return (run, Cursor(next: warmUp))
    }
}

/// The next person the allocation benchmark simulates (each iteration takes new people).
final class Cursor {
    var next: Int
    init(next: Int) { self.next = next }
}
