import ArgumentParser
import BackSimCore
import BackSimReports
import BackSimStudies
import Foundation

/// `backsim power`: power and sample size by simulating whole trials.
struct PowerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "power",
        abstract: "Power and sample size of a two-arm trial, by simulating whole trials.",
        discussion: """
            Each simulated trial screens people from the scenario's cohort, randomises them to the two \
            arms in permuted blocks of the allocation ratio, follows them with the model to the visit week \
            (losing some to follow-up) and runs the pre-specified analysis. N is arm B's size (per arm at \
            1:1); sizes are nested, so trial t of size N holds the first people of trial t of any larger \
            size. A null run (both arms given A) gives the type I error. See docs/power.md.
            """)

    @OptionGroup var source: ScenarioSource

    @Option(help: ArgumentHelp("The two arms, A,B: policies as for compare (A is the programme tested).", valueName: "a,b"))
    var arms: String

    @Option(help: ArgumentHelp("Sizes N (arm B) as FROM:TO:STEP, both ends included, or one number.", valueName: "range"))
    var n: String

    @Option(help: ArgumentHelp("Simulated trials per size.", valueName: "t"))
    var trials: Int = 1_000

    @Option(help: ArgumentHelp("The week of the analysed visit (at most the scenario's horizon).", valueName: "w"))
    var visit: Int

    @Option(help: ArgumentHelp("ancova, change, responder or dropout.", valueName: "kind"))
    var analysis: TrialAnalysis

    @Option(help: ArgumentHelp("Allocation ratio A:B.", valueName: "a:b"))
    var allocation: String = "1:1"

    @Option(help: "Significance level.")
    var alpha: Double = 0.05

    @Option(help: "Target power for the sample size.")
    var target: Double = 0.8

    @Option(help: ArgumentHelp("1 (A better) or 2.", valueName: "1|2"))
    var sides: Int = 2

    @Option(help: ArgumentHelp(
        "Non-inferiority margin M of A against B on the effect's scale (NRS points; risk difference for responder); one-sided.",
        valueName: "m"))
    var margin: Double?

    @Flag(help: "Responder analysis by Fisher's exact test instead of the chi-square test.")
    var exact = false

    @Option(help: ArgumentHelp("complete-case or treatment-policy.", valueName: "estimand"))
    var estimand: TrialEstimand = .completeCase

    @Option(help: ArgumentHelp("Weekly hazard of loss to follow-up in every arm (docs/power.md).", valueName: "h"))
    var lossPerWeek: Double = TrialDefaults.lossPerWeek

    @Option(help: ArgumentHelp(
        "Share of those who leave the programme who also stop attending visits (an assumption).", valueName: "s"))
    var visitLossShare: Double = TrialDefaults.visitLossShare

    @Option(name: .customLong("seed"), help: ArgumentHelp("Seed. (default: the scenario's)", valueName: "n"))
    var seedText: String?

    @Option(help: ArgumentHelp("Worker threads; figures do not depend on it. (default: all cores)", valueName: "n"))
    var threads: Int?

    @Option(help: ArgumentHelp("table, csv, json, markdown or html.", valueName: "format"))
    var format: PowerFormat = .table

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file (whole or not at all) instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Also write one row per simulated trial and size to this CSV file.", valueName: "file"))
    var trialsOut: String?

    @Flag(help: "Do not show progress on standard error.")
    var quiet = false

    @OptionGroup var settings: SettingOptions
    @OptionGroup var sharding: ShardOptions

    func validate() throws {
        _ = try armNames()
        _ = try sizes()
        _ = try ratio()
        guard trials >= 1 && trials <= 1_000_000 else { throw ValidationError("--trials: \(trials) is not in 1...1000000") }
        guard visit >= 1 else { throw ValidationError("--visit: week \(visit) is before the programme; use 1 or later") }
        guard alpha > 0 && alpha < 0.5 else { throw ValidationError("--alpha: \(alpha) is not between 0 and 0.5") }
        guard target > 0 && target < 1 else { throw ValidationError("--target: \(target) is not between 0 and 1") }
        guard sides == 1 || sides == 2 else { throw ValidationError("--sides: \(sides); use 1 or 2") }
        if let margin, !(margin > 0) { throw ValidationError("--margin: \(margin) must be above 0") }
        if exact && analysis != .responder { throw ValidationError("--exact: only for --analysis responder") }
        guard (0..<1).contains(lossPerWeek) else { throw ValidationError("--loss-per-week: \(lossPerWeek) is not in [0, 1)") }
        guard (0...1).contains(visitLossShare) else { throw ValidationError("--visit-loss-share: \(visitLossShare) is not in [0, 1]") }
        if let threads, threads < 1 { throw ValidationError("--threads: \(threads) must be 1 or more") }
        if let seedText { _ = try SimulationOptions.seed(seedText) }
        if output?.isEmpty == true || trialsOut?.isEmpty == true { throw ValidationError("empty file name") }
    }

    private func armNames() throws(ValidationError) -> [String] {
        let names = PolicyList.split(arms)
        guard names.count == 2, !names.contains(where: \.isEmpty) else {
            throw ValidationError("--arms: '\(arms)' is not two arms; write A,B (e.g. --arms guideline,control)")
        }
        return names
    }

    private func sizes() throws(ValidationError) -> [Int] {
        let range: ValueRange
        do { range = try ValueRange(parsing: n) } catch { throw ValidationError("--n: \(error.description)") }
        guard range.values.allSatisfy({ $0 == $0.rounded() }) else {
            throw ValidationError("--n: '\(n)' has sizes that are not whole numbers of people")
        }
        guard let smallest = range.values.first, smallest >= 2 else {
            throw ValidationError("--n: \(Int(range.values.first ?? 0)) per arm is too few; every arm needs at least 2 people (e.g. --n 20:300:20)")
        }
        guard range.values.last! <= 1_000_000 else { throw ValidationError("--n: at most 1000000 per arm") }
        return range.values.map { Int($0) }
    }

    private func ratio() throws(ValidationError) -> (Int, Int) {
        let parts = allocation.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2, parts[0] >= 1, parts[1] >= 1, parts[0] <= 100, parts[1] <= 100 else {
            throw ValidationError("--allocation: '\(allocation)' is not a ratio; write A:B with whole numbers 1-100 (e.g. 2:1)")
        }
        return (parts[0], parts[1])
    }

    func run() throws {
        if sharding.shard == nil {
            for path in [output, trialsOut].compactMap({ $0 }) { try AtomicFile.checkDestination(path) }
        }
        var replaced: [String] = []
        var scenario = try settings.apply(to: try source.resolve(), replaced: &replaced)
        scenario.policies = try PolicyList.resolve(armNames(), flag: "--arms", available: scenario.policies)
        guard visit <= scenario.weeks else {
            throw ValidationError("--visit: week \(visit) is after the scenario's horizon (\(scenario.weeks) weeks); use 1...\(scenario.weeks)")
        }
        if let seedText { scenario.seed = try SimulationOptions.seed(seedText); replaced.append("seed") }
        scenario.weeks = visit
        var design = TrialDesign(sizes: try sizes(), trials: trials, visit: visit, analysis: analysis)
        design.allocation = try ratio()
        design.alpha = alpha
        design.target = target
        design.sides = sides == 1 ? .less : .two
        design.margin = margin
        design.exact = exact
        design.estimand = estimand
        design.lossPerWeek = lossPerWeek
        design.visitLossShare = visitLossShare
        design.seed = scenario.seed
        design.threads = threads ?? ProcessInfo.processInfo.activeProcessorCount
        let study: PowerStudy
        do {
            study = try PowerStudy(design: design, population: try SimulatedPopulation(plan: scenario.plan(threads: 1)))
        } catch let error as PowerDesignError {
            throw ValidationError(error.description)
        }
        let indicator = ProgressIndicator.make(quiet: quiet)
        var progress: (@Sendable (Int, Int) -> Void)? = nil
        if let indicator {
            progress = { done, total in indicator.update(done: done, total: total, units: "trials") }
        }
        let result: PowerResult
        // Shards split the trials, and the true-effect run's persons by the same function.
        if let shard = try sharding.resolve() {
            let start = ContinuousClock.now
            let items = ShardSplit.items(total: trials, index: shard.index, count: shard.count)
            let part = try study.runPart(
                trials: items,
                reference: ShardSplit.items(total: design.referencePersons, index: shard.index, count: shard.count),
                progress: progress)
            indicator?.finish()
            return try StudyShard.write(
                part, shard: shard, output: output, scenarioHash: scenario.contentHash, seed: scenario.seed, items: items,
                total: trials, noun: "trials", seconds: StudyShard.seconds(since: start))
        } else if let parts = Invocation.merging {
            let payloads = try StudyShard.payloads(
                parts, as: PowerPart.self, scenarioHash: scenario.contentHash, total: trials, noun: "trials")
            var merged = payloads[0]
            for (part, payload) in zip(parts, payloads).dropFirst() {
                do { try merged.merge(payload) } catch { throw PartialFile.corrupted(part.path, "\(error)") }
            }
            guard merged.covers(design) else {
                throw ShardFailure(
                    status: .dataError,
                    message: "the partial results do not cover every trial and reference person once; run the shards again")
            }
            result = try study.result(merged)
        } else {
            result = try study.run(progress: progress)
            indicator?.finish()
        }
        let names = scenario.policies.map(\.label)
        // Persons: those enrolled in the largest trial, over all trials.
        let largest = design.sizes.max()!
        let provenance = StudyProvenance(
            scenario: scenario.name, origin: scenario.origin, contentHash: scenario.contentHash, seed: scenario.seed,
            persons: trials * (largest + design.sizeA(largest)), settings: settings.texts, overriddenByFlags: replaced)
        let report = PowerReport(result, provenance: provenance, arms: (names[0], names[1]))
        if let trialsOut { try AtomicFile.write(report.trialsCSV(), to: trialsOut) }
        let text: String
        switch format {
        case .table: text = report.table()
        case .csv: text = report.csv()
        case .json: text = report.json()
        case .markdown: text = report.markdown()
        case .html: text = report.html()
        }
        if let output { try AtomicFile.write(text, to: output) } else { try StandardStream.output.write(all: text) }
    }
}

enum PowerFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, markdown, html
}

extension TrialAnalysis: ExpressibleByArgument {}
extension TrialEstimand: ExpressibleByArgument {}

extension PowerDesignError: CommandFailure {
    var exitStatus: ExitStatus {
        if case .screening = self { return .dataError }
        return .usage
    }
}
