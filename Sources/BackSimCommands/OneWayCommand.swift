import ArgumentParser
import BackSimCore
import BackSimReports
import BackSimStudies

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
        if let path = output.output { try AtomicFile.checkDestination(path) }
        let (scenario, replaced) = try StudyScenario.resolve(source, simulation, settings, policies: nil)
        let (block, origin) = try StudyScenario.uncertainty(scenario, file: uncertainty)
        let analysis = try OneWaySensitivity(
            scenario: scenario, uncertainty: block, policy: policy, reference: reference,
            outcome: try StudyScenario.outcomes([outcome])[0], week: week ?? scenario.weeks, percentiles: try bounds(),
            threads: simulation.threadCount)
        let (indicator, progress) = StudyScenario.progress(output.quiet)
        let result = try analysis.run(progress: progress)
        indicator?.finish()
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
