// Draws per person-week, counted, not assumed: this executable alone is
// linked with `--wrap` around GSL's variate functions and the libm functions
// of the model (see Package.swift and Sources/DrawCounter), so every call
// BackSim's code makes is counted by kind. Counting is never compiled into
// BackSim itself: a normal run pays nothing for it. The model's own
// exponential (model 4) is inlined Swift, which no linker can wrap: the run
// is given one that counts its calls (`Exponential(countingInto:)`; a normal
// run's does not count).
//
// For each built-in policy, one person at a time (SerialRun), the `mixed`
// cohort is run over 12 and over 52 weeks; the difference gives the calls
// of one more week, the rest the calls made once per person (traits, stream
// starts, the baseline week).
import Benchmark
@_spi(Benchmarks) import BackSimCore
@_spi(Benchmarks) import BenchmarkSupport
import DrawCounter

let persons = 2_000
let shortHorizon = 12, longHorizon = 52

func perThousand(_ name: String) -> BenchmarkMetric {
    .custom("\(name) calls per 1000 person-weeks", useScalingFactor: false)
}
let kinds = ["uniform", "gaussian", "model_exp", "exp", "pow", "round"]
/// Calls of the model's own exponential (`Exponential`, inlined, so no
/// linker can wrap it): counted by the function itself.
nonisolated(unsafe) let modelExpCalls = UnsafeMutablePointer<Int>.allocate(capacity: 1)

/// Calls made while simulating `persons` people for `weeks` weeks under `label`.
func counts(_ label: String, weeks: Int, cohort: String) -> [String: Double] {
    // Through GSL: the Swift generator is inlined and cannot be wrapped; the
    // GSL path makes the same draws (same values, same result).
    let run = Plans.serialRun(
        Plans.plan(policies: [label], persons: persons, weeks: weeks, cohort: cohort), drawsThroughGSL: true,
        exponential: Exponential(countingInto: modelExpCalls))
    backsim_draw_counts_reset()
    modelExpCalls.pointee = 0
    run.simulate(units: 0..<persons)
    let c = backsim_draw_counts_read()
    let fields: [(String, Int)] = [
        ("uniform", c.uniform), ("uniform_pos", c.uniform_pos), ("raw", c.get), ("gsl_set", c.set),
        ("gaussian", c.gaussian_ziggurat), ("beta", c.beta), ("gamma", c.gamma), ("lognormal", c.lognormal),
        ("exponential", c.exponential), ("poisson", c.poisson),
        ("exp", c.exp), ("pow", c.pow), ("log", c.log), ("log1p", c.log1p), ("round", c.round),
        ("model_exp", modelExpCalls.pointee),
    ]
    return Dictionary(uniqueKeysWithValues: fields.map { ($0.0, Double($0.1)) })
}

let benchmarks: @Sendable () -> Void = {
    // The `mixed` cohort under every policy, and the numpy comparison's work.
    let cases = Plans.builtInLabels.map { ("mixed", $0) } + [("chronic", "control"), ("chronic", "fixed")]
    for (cohort, label) in cases {
        let name = "draws per person-week: " + (cohort == "mixed" ? label : "\(cohort) × \(label)")
        Benchmark(
            name,
            configuration: .init(
                metrics: kinds.map(perThousand), warmupIterations: 0, maxDuration: .seconds(60), maxIterations: 1)
        ) { benchmark in
            let short = counts(label, weeks: shortHorizon, cohort: cohort)
            let long = counts(label, weeks: longHorizon, cohort: cohort)
            precondition((long["uniform"] ?? 0) > 0, "no draw counted: is DrawCount linked with --wrap?")
            var record: [String: Double] = ["persons": Double(persons), "weeks": Double(longHorizon)]
            for (kind, longCount) in long {
                let shortCount = short[kind] ?? 0
                let perWeek = (longCount - shortCount) / Double(persons * (longHorizon - shortHorizon))
                record["per_week_\(kind)"] = perWeek
                record["per_person_\(kind)"] = shortCount / Double(persons) - perWeek * Double(shortHorizon)
                record["per_person_week_\(kind)"] = longCount / Double(persons * longHorizon)
            }
            for kind in kinds {
                benchmark.measurement(perThousand(kind), Int((record["per_person_week_\(kind)"]! * 1000).rounded()))
            }
            Records.append(name, record)
        }
    }
}
