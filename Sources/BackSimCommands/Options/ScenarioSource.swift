import ArgumentParser
import BackSimScenario

/// Which scenario to run: a file, or a built-in cohort by name.
struct ScenarioSource: ParsableArguments {
    @Argument(help: ArgumentHelp("A scenario file (YAML; see Scenarios/ and 'backsim schema'); - reads standard input.", valueName: "scenario"))
    var file: String?

    @Option(help: ArgumentHelp(
        "A built-in cohort instead of a file: \(BuiltInScenarios.names.joined(separator: ", ")). (default: mixed)",
        valueName: "name"))
    var cohort: String?

    func validate() throws {
        if file != nil, let cohort {
            throw ValidationError("--cohort: cannot be combined with a scenario file; '--cohort \(cohort)' is a shortcut for Scenarios/cohorts/\(cohort).yaml, so give one or the other")
        }
        if let cohort, BuiltInScenarios.yaml(named: cohort) == nil {
            throw ValidationError("--cohort: unknown cohort '\(cohort)'; choose one of \(BuiltInScenarios.names.joined(separator: ", "))")
        }
    }

    /// The validated scenario; a file that cannot be read is an I/O error
    /// (exit 74), a bad one a data error (exit 65).
    func resolve() throws -> Scenario {
        if let file {
            let data = try ScenarioInput.read(file)
            do { return try ScenarioLoader.parse(data: data, file: ScenarioInput.displayName(file)) } catch {
                throw ScenarioFailure(error)
            }
        }
        return BuiltInScenarios.scenario(named: cohort ?? BuiltInScenarios.defaultName)!
    }
}
