// backsim-bench-summary RECORDS.jsonl [--swift VERSION] [--load LOAD]
//
// Reads the records the benchmarks append (BACKSIM_BENCH_LOG, one JSON
// object per measured iteration) and prints, in Markdown: the machine, a
// results table (median and spread of every benchmark), the derived figures
// of issue #6 (draws per person-week, the random-number floor and the
// model's ratio to it, thread speed-up, the linear fits, peak memory,
// allocations) and whether each target is met.
import Foundation

// MARK: Input

let arguments = Array(CommandLine.arguments.dropFirst())
guard let path = arguments.first else {
    FileHandle.standardError.write(Data("usage: backsim-bench-summary RECORDS.jsonl [--swift V] [--load L]\n".utf8))
    exit(2)
}
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

struct Record {
    let benchmark: String
    let values: [String: Double]
}

guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
    FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
    exit(1)
}
var records: [Record] = []
var order: [String] = []
for line in text.split(separator: "\n") where !line.isEmpty {
    guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
          let name = object["benchmark"] as? String else { continue }
    var values: [String: Double] = [:]
    for (key, value) in object { if let number = value as? NSNumber { values[key] = number.doubleValue } }
    if !order.contains(name) { order.append(name) }
    records.append(Record(benchmark: name, values: values))
}
let byName = Dictionary(grouping: records, by: \.benchmark)

// MARK: Statistics

/// Type-7 quantile (R's default) of `values`.
func quantile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard sorted.count > 1 else { return sorted.first ?? .nan }
    let index = p * Double(sorted.count - 1)
    let lower = Int(index.rounded(.down))
    let delta = index - Double(lower)
    return lower + 1 < sorted.count ? sorted[lower] + delta * (sorted[lower + 1] - sorted[lower]) : sorted[lower]
}
func median(_ values: [Double]) -> Double { quantile(values, 0.5) }

/// Least squares y = a + b·x with R².
func fit(_ points: [(x: Double, y: Double)]) -> (a: Double, b: Double, r2: Double)? {
    guard points.count >= 2 else { return nil }
    let n = Double(points.count)
    let mx = points.map(\.x).reduce(0, +) / n, my = points.map(\.y).reduce(0, +) / n
    let sxx = points.map { ($0.x - mx) * ($0.x - mx) }.reduce(0, +)
    let sxy = points.map { ($0.x - mx) * ($0.y - my) }.reduce(0, +)
    let syy = points.map { ($0.y - my) * ($0.y - my) }.reduce(0, +)
    guard sxx > 0 else { return nil }
    let b = sxy / sxx, a = my - b * mx
    let residual = points.map { ($0.y - (a + b * $0.x)) * ($0.y - (a + b * $0.x)) }.reduce(0, +)
    return (a, b, syy > 0 ? 1 - residual / syy : 1)
}

func values(_ name: String, _ key: String) -> [Double] {
    (byName[name] ?? []).compactMap { $0.values[key] }
}
/// Person-weeks per second of each iteration of a run benchmark.
func rates(_ name: String) -> [Double] {
    (byName[name] ?? []).compactMap { r in
        guard let s = r.values["seconds"], let pw = r.values["person_weeks"], s > 0 else { return nil }
        return pw / s
    }
}
func nanosecondsPerPersonWeek(_ name: String) -> [Double] { rates(name).map { 1e9 / $0 } }

// MARK: Formatting

func f(_ x: Double, _ digits: Int = 2) -> String {
    guard x.isFinite else { return "–" }
    return String(format: "%.\(digits)f", x)
}
func millions(_ x: Double) -> String { f(x / 1e6, 2) }
func spread(_ xs: [Double], _ scale: Double = 1, _ digits: Int = 2) -> String {
    guard xs.count > 1 else { return "(1 run)" }
    return "\(f(quantile(xs, 0.25) * scale, digits))–\(f(quantile(xs, 0.75) * scale, digits))"
}
func range(_ xs: [Double], _ scale: Double = 1, _ digits: Int = 2) -> String {
    guard let lo = xs.min(), let hi = xs.max() else { return "–" }
    return xs.count > 1 ? "\(f(lo * scale, digits))–\(f(hi * scale, digits))" : f(lo * scale, digits)
}
nonisolated(unsafe) var out = ""
func say(_ line: String = "") { out += line + "\n" }

// MARK: Machine

func firstLine(_ file: String, containing key: String) -> String? {
    guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
    return text.split(separator: "\n").first { $0.contains(key) }.map(String.init)
}
let cpu = firstLine("/proc/cpuinfo", containing: "model name")?.split(separator: ":").last
    .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
let cores = ProcessInfo.processInfo.activeProcessorCount
let memory = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
let dateFormatter = DateFormatter()
dateFormatter.dateFormat = "yyyy-MM-dd HH:mm"
dateFormatter.timeZone = TimeZone(identifier: "UTC")

say("## Results")
say()
say("Machine: \(cpu), \(cores) cores, \(f(memory, 0)) GiB; \(ProcessInfo.processInfo.operatingSystemVersionString).")
if let swift = option("--swift") { say("Toolchain: \(swift).") }
say("Date: \(dateFormatter.string(from: Date())) UTC." + (option("--load").map { " Load average before the run: \($0)." } ?? ""))
say("Figures are medians over the measured iterations; spread is the interquartile range (p25–p75), or the")
say("range when there are fewer than four iterations. Every benchmark is single-process; \"threads\" are the")
say("engine's worker threads.")
say()

// MARK: Generator

let drawKinds: [(label: String, benchmark: String)] = [
    ("uniform", "draw: uniform (engine, taus2)"),
    ("gaussian", "draw: gaussian (engine, taus2 ziggurat)"),
    ("bernoulli", "draw: bernoulli (engine, taus2)"),
    ("raw step", "draw: raw step (engine, taus2)"),
    ("beta(2.5, 2.5)", "draw: beta(2.5, 2.5) (engine, taus2)"),
    ("stream start", "draw: stream start (key to taus2 state)"),
]
func nsPerCall(_ name: String) -> Double { median(values(name, "ns_per_call")) }

say("### The generator alone (one thread)")
say()
say("| call | ns per call (median) | spread | M calls/s |")
say("|---|---:|---:|---:|")
for name in order where name.hasPrefix("draw: ") || name.hasPrefix("draw before: ") || name.hasPrefix("generator: ") || name.hasPrefix("toy ")
    || name.hasPrefix("libm: ") || name.hasPrefix("exp: ") {
    let xs = values(name, "ns_per_call")
    say("| \(name) | \(f(median(xs))) | \(xs.count >= 4 ? spread(xs) : range(xs)) | \(f(1e3 / median(xs), 1)) |")
}
say()

// MARK: Draws per person-week

let draws = order.filter { $0.hasPrefix("draws per person-week: ") }
if !draws.isEmpty {
    say("### Draws per person-week (counted)")
    say()
    say("Calls BackSim's code makes into GSL, counted by the `DrawCount` benchmark (linked with `--wrap`).")
    say("*Per week* is the difference between 52- and 12-week runs; *per person* what is made once per person")
    say("and policy (traits, stream starts, baseline week); *at 52 weeks* is the total over person-weeks.")
    say()
    say("| policy | Gaussian / week | uniform / week | per person (Gaussian, uniform, beta, raw) | draws per person-week at 52 weeks | model exp; libm exp, pow, round, log1p per person-week |")
    say("|---|---:|---:|---|---:|---|")
    for name in draws {
        guard let r = byName[name]?.last?.values else { continue }
        let total = ["gaussian", "uniform", "uniform_pos", "beta", "gamma", "lognormal", "exponential", "poisson"]
            .map { r["per_person_week_\($0)"] ?? 0 }.reduce(0, +)
        say("| \(name.replacingOccurrences(of: "draws per person-week: ", with: "")) | "
            + "\(f(r["per_week_gaussian"] ?? .nan)) | \(f(r["per_week_uniform"] ?? .nan)) | "
            + "\(f(r["per_person_gaussian"] ?? .nan)), \(f(r["per_person_uniform"] ?? .nan)), "
            + "\(f(r["per_person_beta"] ?? .nan)), \(f(r["per_person_raw"] ?? .nan)) | \(f(total)) | "
            + "\(f(r["per_person_week_model_exp"] ?? .nan)); "
            + "\(f(r["per_person_week_exp"] ?? .nan)), \(f(r["per_person_week_pow"] ?? .nan)), "
            + "\(f(r["per_person_week_round"] ?? .nan)), \(f(r["per_person_week_log1p"] ?? .nan)) |")
    }
    say()
}

/// The cost of one person-week's draws under `policy`, ns, at 52 weeks: with
/// the engine's Swift generator, or (`before`) with every draw through GSL.
func drawFloor(_ policy: String, before: Bool = false) -> Double? {
    guard let r = byName["draws per person-week: \(policy)"]?.last?.values else { return nil }
    let uniform = nsPerCall(before ? "draw before: uniform (GSL interface, taus2)" : "draw: uniform (engine, taus2)")
    let gaussian = nsPerCall(
        before ? "draw before: gaussian (GSL interface, taus2 ziggurat)" : "draw: gaussian (engine, taus2 ziggurat)")
    let raw = nsPerCall(before ? "draw before: raw step (GSL interface, taus2)" : "draw: raw step (engine, taus2)")
    let beta = nsPerCall("draw: beta(2.5, 2.5) (engine, taus2)")
    let count = { (kind: String) in r["per_person_week_\(kind)"] ?? 0 }
    let other = count("gamma") + count("lognormal") + count("exponential") + count("poisson")
    return (count("uniform") + count("uniform_pos")) * uniform + count("gaussian") * gaussian
        + count("raw") * raw + (count("beta") + other) * beta
}
/// The cost of one person-week's transcendental functions under `policy`,
/// ns: the model's own exponential (model 4) and its libm calls.
func libmCost(_ policy: String) -> Double? {
    guard let r = byName["draws per person-week: \(policy)"]?.last?.values else { return nil }
    let count = { (kind: String) in r["per_person_week_\(kind)"] ?? 0 }
    return count("model_exp") * nsPerCall("exp: Exponential (the model's, inlined)")
        + count("exp") * nsPerCall("libm: exp") + count("pow") * nsPerCall("libm: pow(x, 2.5)")
        + (count("log1p") + count("log")) * nsPerCall("libm: log1p") + count("round") * nsPerCall("libm: round")
}

/// `drawFloor` / `libmCost` of a subject such as `chronic × control, fixed`:
/// the mean over its policies (each person runs under each of them).
func perSubject(_ subject: String, _ cost: (String) -> Double?) -> Double? {
    let parts = subject.components(separatedBy: " × ")
    let (prefix, labels) = parts.count == 2 ? (parts[0] + " × ", parts[1]) : ("", subject)
    let costs = labels.components(separatedBy: ", ").map { cost(prefix + $0) }
    guard !costs.isEmpty, costs.allSatisfy({ $0 != nil }) else { return nil }
    return costs.compactMap { $0 }.reduce(0, +) / Double(costs.count)
}

// MARK: Person-week

let personWeeks = order.filter { $0.hasPrefix("person-week: ") }
var ratios: [String: Double] = [:]
if !personWeeks.isEmpty {
    say("### One person-week of the full model, per policy (one thread, 1,000 × 52 per iteration; `mixed` unless named)")
    say()
    say("*Floor* is what the person-week's draws cost alone (counted draws × ns per draw above); *ratio* the")
    say("model's time over it (target ≤ 2). *exp etc.* is what its exp (the model's own, model 4), pow, log1p and")
    say("round calls cost alone.")
    say()
    say("| policy | ns per person-week | spread | M person-weeks/s | draw floor, ns | ratio | exp etc., ns | ratio to floor + exp etc. |")
    say("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name in personWeeks {
        let policy = name.replacingOccurrences(of: "person-week: ", with: "")
        let ns = nanosecondsPerPersonWeek(name)
        let floor = perSubject(policy) { drawFloor($0) } ?? .nan
        let libm = perSubject(policy, libmCost) ?? .nan
        ratios[policy] = median(ns) / floor
        say("| \(policy) | \(f(median(ns), 0)) | \(spread(ns, 1, 0)) | \(f(1e3 / median(ns))) | \(f(floor, 0)) | "
            + "\(f(median(ns) / floor)) | \(f(libm, 0)) | \(f(median(ns) / (floor + libm))) |")
    }
    say()
}

// MARK: Before and after

let befores = order.filter { $0.hasPrefix("person-week before (draws through GSL): ") }
if !befores.isEmpty {
    say("### Draws through GSL's interface and inlined (one thread, same run)")
    say()
    say("*Through GSL*: every draw a call through GSL's generic interface (same values, same results).")
    say("*Inlined*: the engine's own generator in Swift. *Floor*: the person-week's counted draws × the ns")
    say("per draw of each path, measured above.")
    say()
    say("| work | through GSL, ns per person-week | inlined, ns | speed-up | M person-weeks/s inlined | draw floor through GSL, ns | draw floor inlined, ns | model ÷ floor inlined |")
    say("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name in befores {
        let subject = name.replacingOccurrences(of: "person-week before (draws through GSL): ", with: "")
        let before = median(nanosecondsPerPersonWeek(name)), after = median(nanosecondsPerPersonWeek("person-week: \(subject)"))
        let floorBefore = perSubject(subject) { drawFloor($0, before: true) } ?? .nan
        let floorAfter = perSubject(subject) { drawFloor($0) } ?? .nan
        say("| \(subject) | \(f(before, 0)) | \(f(after, 0)) | \(f(before / after)) | \(f(1e3 / after)) | "
            + "\(f(floorBefore, 0)) | \(f(floorAfter, 0)) | \(f(after / floorAfter)) |")
    }
    say()
}

// MARK: Issue #15: before and after

let beforeAfter = order.filter { $0.hasPrefix("before and after, before: ") }
if !beforeAfter.isEmpty {
    say("### Before and after issue #15 (`before-after.sh`: same machine, same run, one thread)")
    say()
    say("*Before*: `backsim-profile` of the engine at the commit before the issue (built by `baseline.sh`);")
    say("*after*: this tree's. The same work, interleaved (before, after, after, before, …); whole process,")
    say("set-up included. Medians; spread is the range.")
    say()
    say("| work | before, ns per person-week | after, ns | speed-up | before, M person-weeks/s | after, M/s | runs |")
    say("|---|---:|---:|---:|---:|---:|---:|")
    for name in beforeAfter {
        let work = name.replacingOccurrences(of: "before and after, before: ", with: "")
        let before = values(name, "ns_per_person_week"), after = values("before and after, after: \(work)", "ns_per_person_week")
        say("| \(work) | \(f(median(before), 0)) (\(range(before, 1, 0))) | \(f(median(after), 0)) (\(range(after, 1, 0))) | "
            + "\(f(median(before) / median(after))) | \(f(1e3 / median(before))) | \(f(1e3 / median(after))) | \(min(before.count, after.count)) |")
    }
    say()
}

// MARK: Issue #15: the budget

let budgets = order.filter { $0.hasPrefix("budget: policy, ") }
if !budgets.isEmpty {
    say("### Where a person-week's time goes (one thread)")
    say()
    say("*Total*: the `person-week: …` benchmark. *Draws* and *exp etc.*: the counted calls (`DrawCount`) × the")
    say("ns per call of the generator and of the model's exp and libm's functions alone (`Generator`). *Policy*: `start` and `decide` on the")
    say("engine's own traced observations; *recording*: the engine's recording path fed traced outcomes")
    say("(`Budget`). *Rest*: total minus the four: the model's arithmetic and the engine's loop.")
    say()
    say("| work | total, ns | draws | exp etc. (the model's exp; libm's pow, log1p, round) | policy | recording | rest | budget |")
    say("|---|---:|---:|---:|---:|---:|---:|---|")
    for name in budgets {
        let work = name.replacingOccurrences(of: "budget: policy, ", with: "")
        let total = median(nanosecondsPerPersonWeek("person-week: \(work)"))
        let draws = perSubject(work) { drawFloor($0) } ?? .nan, libm = perSubject(work, libmCost) ?? .nan
        let policy = median(nanosecondsPerPersonWeek(name))
        let recording = median(nanosecondsPerPersonWeek("budget: recording, \(work)"))
        let rest = total - draws - libm - policy - recording
        say("| \(work == "guideline" ? "mixed × guideline" : work) | \(f(total, 0)) | \(f(draws, 0)) | \(f(libm, 0)) | "
            + "\(f(policy, 0)) | \(f(recording, 0)) | \(f(rest, 0)) | ≤ 250 ns: \(total <= 250 ? "met" : "over by \(f(total - 250, 0)) ns") |")
    }
    say()
}

// MARK: Runs

let runs = order.filter { $0.hasPrefix("run: ") || $0.hasPrefix("compare: ") || $0.hasPrefix("scaling ")
    || $0.hasPrefix("memory: ") || $0.hasPrefix("study: ") }
if !runs.isEmpty {
    say("### Whole runs (`Simulator.run`; `study:`, `Simulator.read`; `mixed` cohort)")
    say()
    say("| benchmark | M person-weeks/s (median) | spread | wall s (median) | peak resident MB | iterations |")
    say("|---|---:|---:|---:|---:|---:|")
    for name in runs {
        let r = rates(name)
        let wall = values(name, "seconds")
        let peak = values(name, "peak_resident_bytes").max() ?? .nan
        say("| \(name) | \(millions(median(r))) | \(r.count >= 4 ? spread(r, 1e-6) : range(r, 1e-6)) | "
            + "\(f(median(wall), 3)) | \(f(peak / 1e6, 0)) | \(r.count) |")
    }
    say()
}

// MARK: Scaling fits

var fits: [String] = []
var linearities: [(r2: Double, growth: Double)] = []
for threads in [1, 2] {
    let suffix = "\(threads) thread\(threads == 1 ? "" : "s")"
    for (series, label) in [("scaling persons: ", "persons"), ("scaling weeks: ", "weeks")] {
        let names = order.filter { $0.hasPrefix(series) && $0.hasSuffix(suffix) }
        let points = names.compactMap { name -> (x: Double, y: Double)? in
            let pw = values(name, "person_weeks").first ?? 0
            let wall = values(name, "seconds")
            return wall.isEmpty ? nil : (pw, median(wall))
        }
        guard let line = fit(points) else { continue }
        let sortedPoints = points.sorted { $0.x < $1.x }
        let perPoint = sortedPoints.map { f($0.y / $0.x * 1e9, 0) }.joined(separator: ", ")
        // Super-linear growth would show as the largest run costing more per
        // person-week than the series' median.
        let perPersonWeek = sortedPoints.map { $0.y / $0.x }
        let growth = (perPersonWeek.last ?? .nan) / median(perPersonWeek)
        linearities.append((line.r2, growth))
        fits.append("| \(label), \(suffix) | \(points.count) | \(f(line.b * 1e9, 1)) | \(f(line.a * 1e3, 1)) | "
            + "\(f(line.r2, 5)) | \(perPoint) | \(f(growth)) |")
    }
}
if !fits.isEmpty {
    say("### Linearity: time = a + b × person-weeks over each scaling series")
    say()
    say("| series | points | b, ns per person-week | a, ms | R² | ns per person-week, smallest to largest run | largest run's ns per person-week ÷ series median |")
    say("|---|---:|---:|---:|---:|---|---:|")
    fits.forEach { say($0) }
    say()
}

// MARK: Targets

say("### Targets")
say()
say("| target | figure | met |")
say("|---|---|---|")
func verdict(_ ok: Bool?) -> String { ok.map { $0 ? "yes" : "**no**" } ?? "not measured" }

// Issue #15's targets: one thread, from the person-week benchmarks.
let numpyWork = nanosecondsPerPersonWeek("person-week: chronic × control, fixed").isEmpty
    ? ["chronic × control", "chronic × fixed"] : ["chronic × control, fixed"]
for subject in numpyWork + ["guideline"] {
    let ns = nanosecondsPerPersonWeek("person-week: \(subject)")
    guard !ns.isEmpty else { continue }
    let goal = subject == "guideline" ? 4e6 : 5e6
    say("| ≥ \(millions(goal)) M person-weeks/s on one thread, `\(subject == "guideline" ? "mixed × guideline" : subject)` "
        + "| \(f(1e3 / median(ns))) M/s (\(f(median(ns), 0)) ns per person-week) | \(verdict(1e9 / median(ns) >= goal)) |")
    if subject == "guideline" {
        say("| ≤ 250 ns per person-week, one thread, `mixed` × `guideline` | \(f(median(ns), 0)) ns "
            + "(draws \(drawFloor("guideline").map { f($0, 0) } ?? "–") ns, exp etc. \(libmCost("guideline").map { f($0, 0) } ?? "–") ns, "
            + "policy \(f(median(nanosecondsPerPersonWeek("budget: policy, guideline")), 0)) ns, recording "
            + "\(f(median(nanosecondsPerPersonWeek("budget: recording, guideline")), 0)) ns; table above) | \(verdict(median(ns) <= 250)) |")
    }
}
let two = rates("run: guideline, 10000 x 52, 2 threads"), one = rates("run: guideline, 10000 x 52, 1 thread")
let floorGuideline = drawFloor("guideline")
let floorRate = floorGuideline.map { 2e9 / $0 }
if !two.isEmpty {
    let withLibm = floorGuideline.flatMap { floor in libmCost("guideline").map { 2e9 / (floor + $0) } }
    say("| ≥ 5 M person-weeks/s, `mixed` × `guideline`, both cores | \(millions(median(two))) M/s on 2 threads; "
        + "\(millions(median(one))) M/s on 1; the draws alone would allow \(floorRate.map { millions($0) } ?? "–") M/s "
        + "on 2 cores, draws and exp etc. alone \(withLibm.map { millions($0) } ?? "–") M/s | "
        + "\(verdict(median(two) >= 5e6)) |")
}
var speedups: [String] = []
for (a, b) in [("run: guideline, 10000 x 52, 1 thread", "run: guideline, 10000 x 52, 2 threads"),
               ("compare: every built-in policy, 10000 x 52, 1 thread",
                "compare: every built-in policy, 10000 x 52, 2 threads"),
               ("scaling persons: 100000 x 52, 1 thread", "scaling persons: 100000 x 52, 2 threads"),
               ("scaling persons: 1000000 x 52, 1 thread", "scaling persons: 1000000 x 52, 2 threads")] {
    let x = rates(a), y = rates(b)
    if !x.isEmpty && !y.isEmpty { speedups.append("\(f(median(y) / median(x))) (\(a.split(separator: ",")[0]))") }
}
if !speedups.isEmpty {
    let worst = speedups.compactMap { Double($0.split(separator: " ")[0]) }.min() ?? 0
    say("| 2 threads ≥ 1.8 × one thread | \(speedups.joined(separator: "; ")) | \(verdict(worst >= 1.8)) |")
}
if let ratio = ratios["guideline"] {
    let libm = libmCost("guideline") ?? .nan, floor = floorGuideline ?? .nan
    say("| time per person-week ≤ 2 × its draws | guideline \(f(ratio)); all policies "
        + "\(range(Array(ratios.values))); guideline's draws cost \(f(floor, 0)) ns and its exp etc. "
        + "\(f(libm, 0)) ns a person-week, \(f((floor + libm) / floor)) × the draws before any other work | "
        + "\(verdict(ratios.values.allSatisfy { $0 <= 2 })) |")
}
if !linearities.isEmpty {
    // Linear: the fit explains the series (R² ≥ 0.99) and the largest run
    // costs no more per person-week than the series' median (+5 %).
    let r2 = linearities.map(\.r2), growth = linearities.map(\.growth)
    say("| time linear in persons and weeks | R² \(range(r2, 1, 4)) over \(linearities.count) series; largest run's "
        + "cost per person-week \(range(growth)) × the series median (fits above) | "
        + "\(verdict(r2.allSatisfy { $0 >= 0.99 } && growth.allSatisfy { $0 <= 1.05 })) |")
}
let memoryName = order.first { $0.hasPrefix("memory: ") }
if let memoryName, let peak = values(memoryName, "peak_resident_bytes").max() {
    say("| `compare` of every built-in policy, 10⁶ × 52, peak memory < 512 MB | \(f(peak / 1_048_576, 0)) MiB "
        + "(\(f(median(values(memoryName, "seconds")), 0)) s) | \(verdict(peak < 512 * 1_048_576)) |")
}
let allocations = values("hot loop allocations: every built-in policy", "allocations")
let counting = values("hot loop allocations: every built-in policy", "counting")
if !allocations.isEmpty {
    let total = allocations.reduce(0, +)
    let pw = values("hot loop allocations: every built-in policy", "person_weeks").reduce(0, +)
    let live = counting.allSatisfy { $0 == 1 }
    say("| zero allocations per person-day after warm-up | \(Int(total)) allocations in \(Int(pw)) person-weeks"
        + "\(live ? "" : " (interposer not counting: run through `swift package benchmark`)") | "
        + "\(verdict(live ? total == 0 : nil)) |")
}
print(out, terminator: "")
