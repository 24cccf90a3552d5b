// The generator alone: the cost of each kind of draw the engine makes, with
// the engine's generator (taus2 through `RandomStream`), the floor the
// simulation cannot beat; taus2 against mt19937 and issue #6's toy
// person-week, the measurements behind the choice of generator; and the libm
// calls the model's equations make, the other fixed cost of a person-week.
import Benchmark
import BenchmarkSupport

/// Picoseconds per call (per draw, per toy person-week, per libm call).
let picosecondsPerCall = BenchmarkMetric.custom("ps per call", useScalingFactor: false)
let callsPerIteration = 1_000_000

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, picosecondsPerCall], warmupIterations: 3,
        maxDuration: .seconds(1), maxIterations: 100)

    /// A benchmark timing `body(calls)` (`calls` calls of one kind); records
    /// ns per call under `name`.
    func measure(_ name: String, calls: Int = callsPerIteration, _ body: @escaping (Int) -> Double) {
        Benchmark(name) { benchmark in
            var sink = 0.0
            let elapsed = seconds { sink = body(calls) }
            blackHole(sink)
            let nanoseconds = elapsed / Double(calls) * 1e9
            benchmark.measurement(picosecondsPerCall, Int((nanoseconds * 1000).rounded()))
            if benchmark.currentIteration >= benchmark.configuration.warmupIterations {
                Records.append(name, ["ns_per_call": nanoseconds, "calls": Double(calls)])
            }
        }
    }

    // The engine's generator, through the same RandomStream calls the engine makes.
    let stream = DrawLoops.engineStream()
    measure("draw: uniform (engine, taus2)") { DrawLoops.uniforms(stream, $0) }
    measure("draw: gaussian (engine, taus2 ziggurat)") { DrawLoops.gaussians(stream, $0) }
    measure("draw: bernoulli (engine, taus2)") { Double(DrawLoops.bernoullis(stream, $0)) }
    measure("draw: raw step (engine, taus2)") { Double(DrawLoops.rawSteps(stream, $0)) }
    measure("draw: beta(2.5, 2.5) (engine, taus2)", calls: 100_000) { DrawLoops.betas(stream, $0) }
    measure("draw: stream start (key to taus2 state)", calls: 100_000) { Double(DrawLoops.reseeds(stream, $0)) }

    // The baseline: the same stream with every call through GSL's generic
    // interface (an indirect call per draw), as before the Swift generator.
    let gslStream = DrawLoops.engineStream(throughGSL: true)
    measure("draw before: uniform (GSL interface, taus2)") { DrawLoops.uniforms(gslStream, $0) }
    measure("draw before: gaussian (GSL interface, taus2 ziggurat)") { DrawLoops.gaussians(gslStream, $0) }
    measure("draw before: raw step (GSL interface, taus2)") { Double(DrawLoops.rawSteps(gslStream, $0)) }

    // Generator choice: GSL called directly, taus2 against mt19937.
    for kind in RawGenerator.Kind.allCases {
        let generator = RawGenerator(kind)
        measure("generator: uniform, \(kind.rawValue)") { generator.uniforms($0) }
        measure("generator: gaussian ziggurat, \(kind.rawValue)") { generator.gaussians($0) }
        measure("toy person-week (4 Bernoulli + 2 Gaussian), \(kind.rawValue)") { generator.toyPersonWeeks($0) }
    }

    // The libm calls of the model's equations.
    measure("libm: exp") { LibmLoops.exps($0) }
    measure("exp: Exponential (the model's, inlined)") { LibmLoops.modelExps($0) }
    measure("libm: pow(x, 2.5)") { LibmLoops.pows($0) }
    measure("libm: log1p") { LibmLoops.log1ps($0) }
    measure("libm: round") { LibmLoops.rounds($0) }
}
