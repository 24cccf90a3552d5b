import ArgumentParser
import Foundation
import BackSimCore
import BackSimReports
import BackSimStudies

/// `backsim sweep`: the scenario across a range of one or two parameters.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a scenario across a range of one or two parameters.",
        discussion: """
            --vary NAME=FROM:TO:STEP (both ends included; STEP a step size) names a model parameter \
            (docs/model.md) or a built-in policy, whose own parameter is then varied: percent=5:30:5 runs \
            percent:5 … percent:30 beside the scenario's other policies. Two --vary make a grid. Every \
            value runs on the same persons with the same luck; differences from the reference are paired, \
            with 95% Monte Carlo intervals. A one-way sweep also reports where the ranking of two policies \
            changes.
            """)

    @OptionGroup var source: ScenarioSource

    @Option(help: ArgumentHelp("NAME=FROM:TO:STEP; give one or two.", valueName: "name=range"))
    var vary: [String] = []

    @Option(help: ArgumentHelp(
        "Comma-separated policies, as for compare. (default: the scenario's)", valueName: "list"))
    var policies: String?

    @Option(help: ArgumentHelp(
        "The policy the others are compared with. (default: the scenario's reference; control if listed; else the first)",
        valueName: "policy"))
    var reference: String?

    @Option(help: ArgumentHelp(
        "Outcomes, comma-separated or repeated: \(StudyOutcome.all.map(\.name).joined(separator: ", ")). (default: pain)",
        valueName: "name"))
    var outcome: [String] = []

    @Option(help: ArgumentHelp("The week reported. (default: the horizon)", valueName: "w"))
    var week: Int?

    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var settings: SettingOptions
    @OptionGroup var output: StudyOutputOptions
    @OptionGroup var sharding: ShardOptions

    func validate() throws {
        if output.format == .svg { throw ValidationError("--format: svg is for owsa's tornado; choose table, csv, json or html") }
        guard (1...2).contains(vary.count) else {
            throw ValidationError("--vary: give one (a one-way sweep) or two (a grid), e.g. --vary dropout.base=-4.6:-3.2:0.7")
        }
        for text in vary {
            do { _ = try SweepAxis(parsing: text) } catch { throw ValidationError(error.description) }
        }
        _ = try StudyScenario.outcomes(outcome)
    }

    func run() throws {
        if let path = output.output, sharding.shard == nil { try AtomicFile.checkDestination(path) }
        let (scenario, replaced) = try StudyScenario.resolve(source, simulation, settings, policies: policies)
        let axes = try vary.map { text throws(SweepError) in try SweepAxis(parsing: text) }
        let outcomes = try StudyScenario.outcomes(outcome)
        let sweep = try Sweep(
            scenario: scenario, axes: axes, outcomes: outcomes.isEmpty ? [.pain] : outcomes, week: week ?? scenario.weeks,
            reference: reference, threads: simulation.threadCount)
        let (indicator, progress) = StudyScenario.progress(output.quiet)
        let result: SweepResult
        if let shard = try sharding.resolve() {
            let start = ContinuousClock.now
            let items = ShardSplit.items(total: sweep.pointCount, index: shard.index, count: shard.count)
            let part = try sweep.run(points: items, progress: progress)
            indicator?.finish()
            return try StudyShard.write(
                part, shard: shard, output: output.output, scenarioHash: scenario.contentHash, seed: scenario.seed,
                items: items, total: sweep.pointCount, noun: "points", seconds: StudyShard.seconds(since: start))
        } else if let parts = Invocation.merging {
            let runs = try StudyShard.payloads(
                parts, as: [SweepPointRun].self, scenarioHash: scenario.contentHash, total: sweep.pointCount, noun: "points")
            result = sweep.result(runs.flatMap { $0 })
        } else {
            result = try sweep.run(progress: progress)
            indicator?.finish()
        }
        let report = SweepReport(result, provenance: StudyScenario.provenance(sweep.scenario, replaced, settings))
        switch output.format {
        case .table: try output.deliver(report.table())
        case .csv: try output.deliver(report.csv())
        case .json: try output.deliver(report.json())
        case .html, .svg: try output.deliver(report.html())
        }
    }
}
