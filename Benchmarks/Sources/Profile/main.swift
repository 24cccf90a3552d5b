// backsim-profile: the engine's hot loop as a plain executable, for
// `valgrind --tool=callgrind` (repeatable instruction counts) and for
// checking that performance work leaves results byte-identical.
//
//   backsim-profile [--policies guideline|all|a,b] [--persons N] [--weeks W]
//                   [--cohort mixed] [--threads T] [--seed S] [--draws-through gsl|swift]
//   backsim-profile --draws N
//
// Without --threads it runs on one thread through SerialRun; with it, through
// Simulator.run. Prints wall time, person-weeks per second and the digest of
// the result's histograms (the same either way). `--draws-through gsl` (serial
// only) makes every draw a GSL call, as before the Swift generator: the
// baseline, with the same digest. --draws times N calls of
// each kind of draw, three times.
@_spi(Benchmarks) import BenchmarkSupport
@_spi(Benchmarks) import BackSimCore
import Foundation

var options: [String: String] = [:]
var arguments = CommandLine.arguments.dropFirst()
while let name = arguments.popFirst() {
    guard name.hasPrefix("--"), let value = arguments.popFirst() else {
        let usage = "usage: backsim-profile [--policies P] [--persons N] [--weeks W] [--cohort C] [--threads T] "
            + "[--seed S] | --draws N\n"
        FileHandle.standardError.write(Data(usage.utf8))
        exit(2)
    }
    options[String(name.dropFirst(2))] = value
}

if let draws = options["draws"], let n = Int(draws), n >= 10 {
    let stream = DrawLoops.engineStream()
    var sink = 0.0
    for round in 0..<3 {
        let u = seconds { sink += DrawLoops.uniforms(stream, n) }
        let g = seconds { sink += DrawLoops.gaussians(stream, n) }
        let b = seconds { sink += Double(DrawLoops.bernoullis(stream, n)) }
        let r = seconds { sink += Double(DrawLoops.rawSteps(stream, n)) }
        let s = seconds { sink += Double(DrawLoops.reseeds(stream, n / 10)) }
        let ns = { (seconds: Double, calls: Int) in String(format: "%.2f", seconds / Double(calls) * 1e9) }
        print("round \(round): ns per uniform \(ns(u, n)), gaussian \(ns(g, n)), bernoulli \(ns(b, n)), "
              + "raw step \(ns(r, n)), stream start \(ns(s, n / 10))")
    }
    print(sink == 0 ? "" : "(sink)")
    exit(0)
}

let policies: [String] = switch options["policies", default: "guideline"] {
case "all": Plans.builtInLabels
case let list: list.split(separator: ",").map(String.init)
}
let plan = Plans.plan(
    policies: policies, persons: Int(options["persons", default: "10000"])!,
    weeks: Int(options["weeks", default: "52"])!, threads: Int(options["threads", default: "1"])!,
    cohort: options["cohort", default: "mixed"], seed: UInt64(options["seed", default: "1"])!)

var figures = UInt64(0)
let elapsed = seconds {
    if options["threads"] == nil {
        let throughGSL = options["draws-through", default: "swift"] == "gsl"
        figures = digest(Plans.runSerially(plan, drawsThroughGSL: throughGSL).result())
    } else {
        figures = digest(Plans.run(plan))
    }
}
let personWeeks = Double(plan.personWeeks)
print("""
    policies \(policies.joined(separator: ",")); persons \(plan.persons); weeks \(plan.weeks); \
    \(options["threads"].map { "threads \($0)" } ?? "serial, draws through \(options["draws-through", default: "swift"])")
    seconds \(String(format: "%.3f", elapsed)); person-weeks/s \(String(format: "%.0f", personWeeks / elapsed)); \
    ns/person-week \(String(format: "%.1f", elapsed / personWeeks * 1e9))
    digest \(String(figures, radix: 16))
    """)
