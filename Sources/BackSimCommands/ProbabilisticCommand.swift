import ArgumentParser
import BackSimCore
import BackSimReports
import BackSimStudies
import Foundation

/// `backsim psa`: probabilistic analysis — how likely each policy is best.
struct ProbabilisticCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "psa",
        abstract: "Probabilistic analysis: the probability each policy is best, with EVPI.",
        discussion: """
            Draws D parameter sets from the uncertainty block (--uncertainty FILE or the scenario's), each \
            keyed by (seed, draw), or reads them from --draws-from FILE. Every draw and every policy runs on \
            the same persons with the same luck, so the spread across draws is the parameters' and each \
            draw's differences are paired. Reports each policy's difference from the reference with its \
            interval over draws, the probability each is best and its curve against a minimum important \
            difference, bounds on the expected value of perfect information, and how much of the spread is \
            Monte Carlo noise (docs/uncertainty.md).
            """)

    @OptionGroup var source: ScenarioSource

    @Option(help: ArgumentHelp("Parameter draws (1-100000). (default: 200)", valueName: "d"))
    var draws: Int = 200

    @Option(help: ArgumentHelp(
        "A CSV of parameter draws instead (header of parameter names, one row per draw; a first 'draw' column is ignored).",
        valueName: "file"))
    var drawsFrom: String?

    @Option(help: ArgumentHelp(
        "An uncertainty file (e.g. Scenarios/uncertainty/defaults.yaml). (default: the scenario's 'uncertainty:' block)",
        valueName: "file"))
    var uncertainty: String?

    @Option(help: ArgumentHelp("Comma-separated policies, as for compare. (default: the scenario's)", valueName: "list"))
    var policies: String?

    @Option(help: ArgumentHelp(
        "The policy the others are compared with. (default: the scenario's reference; control if listed; else the first)",
        valueName: "policy"))
    var reference: String?

    @Option(help: ArgumentHelp(
        "Outcomes, comma-separated or repeated: \(StudyOutcome.all.map(\.name).joined(separator: ", ")). (default: pain)",
        valueName: "name"))
    var outcome: [String] = []

    @Option(help: ArgumentHelp("The week. (default: the horizon)", valueName: "w"))
    var week: Int?

    @Option(name: .customLong("per-draw"), help: ArgumentHelp(
        "Also write the per-draw long table (draw, parameter values, policy, outcome, week, value, mc_se) to this CSV file.",
        valueName: "file"))
    var perDraw: String?

    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var settings: SettingOptions
    @OptionGroup var output: StudyOutputOptions
    @OptionGroup var sharding: ShardOptions

    static let maximumDraws = 100_000

    func validate() throws {
        if output.format == .svg { throw ValidationError("--format: svg is for owsa's tornado; choose table, csv, json or html") }
        guard (1...Self.maximumDraws).contains(draws) else {
            throw ValidationError("--draws: must be from 1 to \(Self.maximumDraws), got \(draws)")
        }
        if drawsFrom != nil, uncertainty != nil {
            throw ValidationError("--draws-from: cannot be combined with --uncertainty; the file's rows are the draws")
        }
        if perDraw?.isEmpty == true { throw ValidationError("--per-draw: empty file name") }
        _ = try StudyScenario.outcomes(outcome)
    }

    func run() throws {
        if sharding.shard == nil {
            for path in [output.output, perDraw].compactMap({ $0 }) { try AtomicFile.checkDestination(path) }
        }
        let (scenario, replaced) = try StudyScenario.resolve(source, simulation, settings, policies: policies)
        let source: ParameterDraws, origin: String
        var count = draws
        if let drawsFrom {
            let table = try DrawTable.load(path: drawsFrom)
            source = .table(table)
            origin = drawsFrom
            if count > table.rows.count { count = table.rows.count }
        } else {
            let (block, from) = try StudyScenario.uncertainty(scenario, file: uncertainty)
            source = .sampled(block, seed: scenario.seed)
            origin = from
        }
        let outcomes = try StudyScenario.outcomes(outcome)
        let chosen = outcomes.isEmpty ? [StudyOutcome.pain] : outcomes
        let labels = scenario.policyLabels
        let referenceLabel = reference ?? scenario.reference.flatMap { labels.contains($0) ? $0 : nil }
            ?? (labels.contains("control") ? "control" : labels[0])
        let analysis = try ProbabilisticAnalysis(
            scenario: scenario, draws: source, count: count, outcomes: chosen, week: week ?? scenario.weeks,
            threads: simulation.threadCount)
        let (indicator, progress) = StudyScenario.progress(output.quiet)
        let partial: PSAPartial
        if let shard = try sharding.resolve() {
            let start = ContinuousClock.now
            let items = ShardSplit.items(total: count, index: shard.index, count: shard.count)
            let part = try analysis.run(draws: items, progress: progress)
            indicator?.finish()
            return try StudyShard.write(
                part, shard: shard, output: output.output, scenarioHash: scenario.contentHash, seed: scenario.seed,
                items: items, total: count, noun: "draws", seconds: StudyShard.seconds(since: start),
                inputs: [uncertainty, drawsFrom].compactMap { $0 })
        } else if let parts = Invocation.merging {
            var merged: PSAPartial?
            for part in try StudyShard.payloads(parts, as: PSAPartial.self, scenarioHash: scenario.contentHash, total: count, noun: "draws",
                inputs: [uncertainty, drawsFrom].compactMap { $0 }) {
                if merged == nil { merged = part } else { try merged!.merge(part) }
            }
            partial = merged!
        } else {
            partial = try analysis.run(progress: progress)
            indicator?.finish()
        }
        let report = try PSAReport(
            partial, outcomes: chosen, reference: referenceLabel,
            provenance: StudyScenario.provenance(scenario, replaced, settings, uncertainty: origin))
        if let perDraw { try AtomicFile.write(report.perDrawCSV(), to: perDraw) }
        switch output.format {
        case .table: try output.deliver(report.table())
        case .csv: try output.deliver(report.csv())
        case .json: try output.deliver(report.json())
        case .html, .svg: try output.deliver(report.html())
        }
    }
}
