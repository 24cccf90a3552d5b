import ArgumentParser
import BackSimCalibration
import BackSimCore
import BackSimReports
import BackSimScenario
import Foundation

/// `backsim evidence`: checks the model against published figures.
struct Evidence: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the model against published figures (evidence target files).",
        discussion: """
            Runs each target of the files (default: Scenarios/evidence/*.yaml) and prints the published \
            value with its interval or range beside the simulated value with its 95% Monte Carlo interval. \
            Exits 1 if a gating target is outside its published interval or range (known gaps are reported, \
            not gating), 65 if a file is invalid. See docs/calibration.md for the file format. A shard \
            (--shard) exits 0 once its partial file is written; 'backsim merge' judges the targets and exits 1 \
            as the single run would.
            """)

    @Argument(help: ArgumentHelp("Evidence target files (YAML). (default: Scenarios/evidence/*.yaml)", valueName: "file"))
    var files: [String] = []

    @OptionGroup var sizing: EvidenceRunOptions

    @OptionGroup var settings: SettingOptions

    @Option(help: "table (for reading) or csv (one row per target).")
    var format: EvidenceFormat = .table

    @Option(
        name: [.short, .long],
        help: ArgumentHelp("Write to this file (whole or not at all) instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var sharding: ShardOptions

    func validate() throws {
        if output?.isEmpty == true { throw ValidationError("--output: empty file name") }
        _ = try EvidenceRunOptions.targetPaths(files)
        _ = try parameterValues()
    }

    /// `--set`, validated against the catalogue; model parameters only (a
    /// target's policies are its own).
    func parameterValues() throws(ValidationError) -> [ParameterValue] {
        try settings.parsed().map { setting throws(ValidationError) in
            guard case .model(let spec) = setting.target else {
                throw ValidationError("--set: '\(setting.target.name)' is a policy; evidence targets fix their own policies, so set model parameters only")
            }
            return ParameterValue(spec, setting.value)
        }
    }

    func run() throws {
        if let output, sharding.shard == nil { try AtomicFile.checkDestination(output) }
        let paths = try EvidenceRunOptions.targetPaths(files)
        let targetFiles = try sizing.load(paths)
        let runner = EvidenceRunner(files: targetFiles, settings: sizing.settings)
        let parameters = try parameterValues()
        let estimates: [TargetEstimate]
        if let shard = try sharding.resolve() {
            return try EvidenceShard.write(runner, parameters: parameters, shard: shard, output: output, targetPaths: paths)
        } else if let parts = Invocation.merging {
            estimates = try EvidenceShard.merge(parts, runner: runner, parameters: parameters, targetPaths: paths)
        } else {
            estimates = try runner.evaluate(parameters: parameters)
        }
        let report = EvidenceReport(
            estimates: estimates, persons: runner.personsPerRun, seeds: runner.seeds, fileCount: targetFiles.count,
            parameters: parameters)
        let text = format == .table ? report.table() : report.csv()
        if let output {
            try AtomicFile.write(text, to: output)
        } else {
            try StandardStream.output.write(all: text)
        }
        guard report.passed else {
            let names = report.failures.map(\.target.name).joined(separator: ", ")
            StandardStream.error.write(
                "evidence check failed: \(report.failures.count) gating target\(report.failures.count == 1 ? "" : "s") outside the published interval or range: \(names)\n"
                    + (report.unsettledAdvice.map { "note: \($0)\n" } ?? ""))
            throw ExitCode(1)
        }
    }
}

/// What `--format` selects for `evidence`.
enum EvidenceFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case table
    case csv
}

/// Size, luck and threads of evidence runs, shared by `evidence` and `calibrate`.
struct EvidenceRunOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Persons per run for every target (1-\(SimulationPlan.maximumPersons)). (default: each file's 'persons', else the cohort's size)",
        valueName: "n"))
    var persons: Int?

    @Option(help: ArgumentHelp(
        "Seed for every run. (default: each file's 'seed', else the cohort scenario's)", valueName: "n"))
    var seed: UInt64?

    @Option(help: ArgumentHelp("Worker threads; figures do not depend on it. (default: all cores)", valueName: "n"))
    var threads: Int?

    func validate() throws {
        if let persons, !(1...SimulationPlan.maximumPersons).contains(persons) {
            throw ValidationError("--persons: must be from 1 to \(SimulationPlan.maximumPersons), got \(persons)")
        }
        if let threads, threads < 1 { throw ValidationError("--threads: must be at least 1, got \(threads)") }
    }

    var settings: EvidenceSettings {
        EvidenceSettings(persons: persons, seed: seed, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    /// The validated target files; a file that cannot be read is an I/O
    /// error (exit 74), a bad one a data error (exit 65).
    func load(_ paths: [String]) throws -> [TargetFile] {
        for path in paths { _ = try ScenarioInput.read(path) }
        do { return try TargetLoader.load(paths: paths) } catch { throw ScenarioFailure(error) }
    }

    static let defaultDirectory = "Scenarios/evidence"

    /// `files`, or the YAML files of ``defaultDirectory`` when none is given.
    static func targetPaths(_ files: [String]) throws(ValidationError) -> [String] {
        guard files.isEmpty else { return files }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: defaultDirectory)) ?? []
        let yaml = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        guard !yaml.isEmpty else {
            throw ValidationError("no target files given and none in ./\(defaultDirectory); give files, e.g. 'backsim evidence Scenarios/evidence/*.yaml'")
        }
        return yaml.map { "\(defaultDirectory)/\($0)" }
    }
}
