import ArgumentParser
import BackSimCore
import BackSimReports
import BackSimScenario
import BackSimStudies

/// What `sweep`, `owsa` and `psa` write.
enum StudyFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case table, csv, json, html
    /// The tornado alone (`owsa` only).
    case svg
}

/// Output of a study: format, file, progress.
struct StudyOutputOptions: ParsableArguments {
    @Option(help: "table (for reading), csv (long), json (with provenance), html (a self-contained page with SVG charts); owsa also svg (the tornado alone).")
    var format: StudyFormat = .table

    @Option(
        name: [.short, .long],
        help: ArgumentHelp("Write to this file (whole or not at all) instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Do not show progress on standard error.")
    var quiet = false

    func validate() throws {
        if output?.isEmpty == true { throw ValidationError("--output: empty file name") }
    }

    /// Writes `text` to the file or standard output.
    func deliver(_ text: String) throws {
        if let output {
            try AtomicFile.write(text, to: output)
        } else {
            try StandardStream.output.write(all: text)
        }
    }
}

/// Which scenario, sizes and settings a study runs: as `compare`.
enum StudyScenario {
    /// The resolved scenario with flags and `--set` applied, and what they replaced.
    static func resolve(
        _ source: ScenarioSource, _ simulation: SimulationOptions, _ settings: SettingOptions, policies: String?
    ) throws -> (Scenario, [String]) {
        var (scenario, replaced) = simulation.apply(to: try source.resolve())
        if let policies {
            scenario.policies = try PolicyList.resolve(PolicyList.split(policies), flag: "--policies", available: scenario.policies)
            replaced.append("policies")
        }
        scenario = try settings.apply(to: scenario, replaced: &replaced)
        return (scenario, replaced)
    }

    /// `--outcome` names, each a study outcome.
    static func outcomes(_ names: [String]) throws(ValidationError) -> [StudyOutcome] {
        var outcomes: [StudyOutcome] = []
        for name in names.flatMap(PolicyList.split) {
            guard let outcome = StudyOutcome.named(name) else {
                let known = StudyOutcome.all.map(\.name)
                let hint = closestName(name, among: known).map { "; did you mean '\($0)'?" } ?? ""
                throw ValidationError("--outcome: unknown outcome '\(name)'\(hint); choose from \(known.joined(separator: ", "))")
            }
            guard !outcomes.contains(outcome) else { throw ValidationError("--outcome: '\(name)' is listed twice") }
            outcomes.append(outcome)
        }
        return outcomes
    }

    static func provenance(_ scenario: Scenario, _ replaced: [String], _ settings: SettingOptions, uncertainty: String? = nil) -> StudyProvenance {
        StudyProvenance(
            scenario: scenario.name, origin: scenario.origin, contentHash: scenario.contentHash, seed: scenario.seed,
            persons: scenario.persons * scenario.replications, settings: settings.texts, overriddenByFlags: replaced,
            uncertainty: uncertainty)
    }

    /// The scenario's `uncertainty:` block, or the file's (`--uncertainty`),
    /// with where it came from.
    static func uncertainty(_ scenario: Scenario, file: String?) throws -> (ParameterUncertainty, String) {
        if let file {
            do { return (try UncertaintyLoader.load(path: file), file) } catch { throw ScenarioFailure(error) }
        }
        guard let own = scenario.uncertainty else {
            throw ValidationError("the scenario has no 'uncertainty:' block; give one with --uncertainty FILE (e.g. --uncertainty Scenarios/uncertainty/defaults.yaml) or add the block (docs/scenarios.md)")
        }
        return (own, "scenario")
    }

    static func progress(_ quiet: Bool) -> (ProgressIndicator?, (@Sendable (Int, Int) -> Void)?) {
        let indicator = ProgressIndicator.make(quiet: quiet)
        guard let indicator else { return (nil, nil) }
        return (indicator, { done, total in indicator.update(done: done, total: total, units: "runs") })
    }
}

extension SweepError: CommandFailure {
    var exitStatus: ExitStatus { .usage }
}

extension StudyError: CommandFailure {
    var exitStatus: ExitStatus { .usage }
}

extension DrawTableError: CommandFailure {
    var exitStatus: ExitStatus { .dataError }
    var printsOwnPrefix: Bool { true }
}
