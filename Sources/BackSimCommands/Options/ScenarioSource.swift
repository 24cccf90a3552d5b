import ArgumentParser
import BackSimScenario

/// Which scenario to run: a file, or a built-in cohort by name.
struct ScenarioSource: ParsableArguments {
    @Argument(help: ArgumentHelp("A scenario file (YAML; see Scenarios/ and 'backsim schema').", valueName: "scenario"))
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

    /// The validated scenario; a bad file is a data error (exit 65).
    func resolve() throws(ScenarioFailure) -> Scenario {
        if let file {
            do { return try ScenarioLoader.load(path: file) } catch { throw ScenarioFailure(error) }
        }
        return BuiltInScenarios.scenario(named: cohort ?? BuiltInScenarios.defaultName)!
    }
}
