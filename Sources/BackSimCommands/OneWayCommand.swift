import ArgumentParser
import BackSimCore
import BackSimReports
import BackSimStudies
import Foundation

/// `backsim owsa`: one-way sensitivity of a paired difference, as a tornado.
struct OneWayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "owsa",
        abstract: "One-way sensitivity: what drives the difference between two policies (a tornado).",
        discussion: """
            Each uncertain parameter (the scenario's 'uncertainty:' block, or --uncertainty FILE) is set to \
            its low and high percentile with every other at its base value, and the paired difference \
            --policy minus --reference is estimated on the same persons with the same luck as the base run. \
            Bars are sorted widest first; error bars are 95% Monte Carlo intervals.
            """)

    @OptionGroup var source: ScenarioSource

    @Option(help: ArgumentHelp("The policy of interest ('name', 'name:value' or a rule table of the scenario).", valueName: "policy"))
    var policy: String

    @Option(help: ArgumentHelp("The policy it is compared with. (default: control)", valueName: "policy"))
    var reference: String = "control"

    @Option(help: ArgumentHelp(
        "The outcome: \(StudyOutcome.all.map(\.name).joined(separator: ", ")). (default: pain)", valueName: "name"))
    var outcome: String = "pain"

    @Option(help: ArgumentHelp("The week. (default: the horizon)", valueName: "w"))
    var week: Int?

    @Option(help: ArgumentHelp("Low and high percentiles. (default: 2.5,97.5)", valueName: "low,high"))
    var percentiles: String = "2.5,97.5"

    @Option(help: ArgumentHelp(
        "An uncertainty file (e.g. Scenarios/uncertainty/defaults.yaml). (default: the scenario's 'uncertainty:' block)",
        valueName: "file"))
    var uncertainty: String?

    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var settings: SettingOptions
    @OptionGroup var output: StudyOutputOptions
    @OptionGroup var sharding: ShardOptions

    func validate() throws {
        _ = try StudyScenario.outcomes([outcome])
        _ = try bounds()
    }

    func bounds() throws(ValidationError) -> (low: Double, high: Double) {
        let parts = PolicyList.split(percentiles).compactMap(Double.init)
        guard parts.count == 2, parts[0] > 0, parts[0] < parts[1], parts[1] < 100 else {
            throw ValidationError("--percentiles: expected LOW,HIGH with 0 < LOW < HIGH < 100 (e.g. 2.5,97.5), found '\(percentiles)'")
        }
        return (parts[0], parts[1])
    }

    func run() throws {
        if let path = output.output, sharding.shard == nil { try AtomicFile.checkDestination(path) }
        let (scenario, replaced) = try StudyScenario.resolve(source, simulation, settings, policies: nil)
        let (block, origin) = try StudyScenario.uncertainty(scenario, file: uncertainty)
        let analysis = try OneWaySensitivity(
            scenario: scenario, uncertainty: block, policy: policy, reference: reference,
            outcome: try StudyScenario.outcomes([outcome])[0], week: week ?? scenario.weeks, percentiles: try bounds(),
            threads: simulation.threadCount)
        let (indicator, progress) = StudyScenario.progress(output.quiet)
        let inputs = [uncertainty].compactMap { $0 }
        let result: OneWayResult
        // Shards split the persons; each shard runs every (parameter, low/high) run on its persons.
        if let shard = try sharding.resolve() {
            let start = ContinuousClock.now
            let persons = ShardSplit.persons(total: analysis.simulatedPersons, index: shard.index, count: shard.count)
            let tallies = try analysis.tallies(persons: persons, progress: progress)
            indicator?.finish()
            return try StudyShard.write(
                tallies, shard: shard, output: output.output, scenarioHash: scenario.contentHash, seed: scenario.seed,
                items: persons, total: analysis.simulatedPersons, noun: "persons", seconds: StudyShard.seconds(since: start),
                inputs: inputs)
        } else if let parts = Invocation.merging {
            let payloads = try StudyShard.payloads(
                parts, as: [OutcomeTally].self, scenarioHash: scenario.contentHash, total: analysis.simulatedPersons,
                noun: "persons", inputs: inputs, split: ShardSplit.persons)
            var total = Array(repeating: OutcomeTally(outcomes: 1, policies: 2), count: analysis.runCount)
            for (part, tallies) in zip(parts, payloads) {
                guard tallies.count == analysis.runCount, tallies.allSatisfy({ $0.fits(outcomes: 1, policies: 2) }) else {
                    throw PartialFile.corrupted(part.path, "its tallies do not fit this analysis's \(analysis.runCount) runs")
                }
                for run in tallies.indices { total[run].merge(tallies[run]) }
            }
            result = try analysis.result(total)
        } else {
            result = try analysis.run(progress: progress)
            indicator?.finish()
        }
        let report = OneWayReport(result, provenance: StudyScenario.provenance(scenario, replaced, settings, uncertainty: origin))
        switch output.format {
        case .table: try output.deliver(report.table())
        case .csv: try output.deliver(report.csv())
        case .json: try output.deliver(report.json())
        case .html: try output.deliver(report.html())
        case .svg: try output.deliver(report.svg())
        }
    }
}
